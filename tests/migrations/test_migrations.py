"""The migrations build exactly the schema the models describe, on both engines, both ways."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect

from monitor.errors import SchemaError
from monitor.store import migrate
from monitor.store.db import make_engine
from monitor.store.tables import metadata


@pytest.fixture
def empty_engine(empty_db_url: str) -> Iterator[Engine]:
    engine = make_engine(empty_db_url)
    yield engine
    engine.dispose()


def schema_differences(engine: Engine) -> list[object]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, metadata))


def test_upgrade_from_empty_to_head_matches_the_models(empty_engine: Engine) -> None:
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    assert schema_differences(empty_engine) == []


def test_downgrade_to_base_and_upgrade_again(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert set(inspect(empty_engine).get_table_names()) <= {"alembic_version"}
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert set(inspect(empty_engine).get_table_names()) >= set(metadata.tables)
    assert schema_differences(empty_engine) == []


def test_an_unmigrated_database_is_refused_with_the_fix(empty_engine: Engine) -> None:
    with pytest.raises(SchemaError, match='no figure-monitor schema yet: run "monitor db upgrade"'):
        migrate.require_current_schema(empty_engine)


def test_an_old_revision_is_refused_with_the_fix(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_older'")
    with pytest.raises(
        SchemaError, match=r"revision 0000_older, this version needs .*monitor db upgrade"
    ):
        migrate.require_current_schema(empty_engine)
