"""The migrations build exactly the schema the models describe, on both engines, both ways."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import CheckConstraint, Engine, inspect

from monitor.errors import SchemaError
from monitor.store import migrate
from monitor.store.db import make_engine
from monitor.store.tables import metadata
from tests.process import run_monitor


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


def test_a_revision_from_a_newer_version_is_refused(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine)
    with empty_engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(SchemaError, match=r"9999_future, which this version .* does not know"):
        migrate.require_current_schema(empty_engine)
    with pytest.raises(SchemaError, match=r"cannot migrate: .*9999_future"):
        migrate.upgrade(empty_engine)


def test_an_unknown_target_revision_is_a_schema_error(empty_engine: Engine) -> None:
    with pytest.raises(SchemaError, match=r"cannot migrate: .*nonsense"):
        migrate.upgrade(empty_engine, "nonsense")


def test_check_constraints_in_the_database_match_the_models(empty_engine: Engine) -> None:
    # Alembic's compare ignores CHECK constraints, so compare their names here.
    migrate.upgrade(empty_engine)
    inspector = inspect(empty_engine)
    for table in metadata.sorted_tables:
        expected = {c.name for c in table.constraints if isinstance(c, CheckConstraint)}
        found = {c["name"] for c in inspector.get_check_constraints(table.name)}
        assert found == expected, table.name


def test_concurrent_upgrades_take_turns(empty_db_url: str, tmp_path: Path) -> None:
    """Daemons started together each run `db upgrade`: all succeed, the schema is built once."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    environ["MONITOR_DATABASE_URL"] = empty_db_url
    upgrades = [
        subprocess.Popen(
            [sys.executable, "-m", "monitor", "db", "upgrade"],
            cwd=tmp_path,
            env=environ,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    results = []
    for process in upgrades:
        _, stderr = process.communicate(timeout=120)
        results.append((process.returncode, stderr))
    assert results == [(0, "")] * 3
    engine = make_engine(empty_db_url)
    assert migrate.current_revision(engine) == migrate.head_revision()
    assert schema_differences(engine) == []
    engine.dispose()


def test_an_older_revision_is_refused_with_the_fix(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine, "0001")
    with pytest.raises(
        SchemaError, match=r'revision 0001, this version needs \w+: run "monitor db'
    ):
        migrate.require_current_schema(empty_engine)


def test_entries_recorded_before_0002_survive_it(empty_engine: Engine) -> None:
    migrate.upgrade(empty_engine, "0001")
    with empty_engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO sources (id, name, type, url, created_at, failure_count)"
            " VALUES (1, 's', 'rss', 'https://example.org/rss', CURRENT_TIMESTAMP, 0)"
        )
        connection.exec_driver_sql(
            "INSERT INTO source_entries (source_id, entry_key, url, outcome, seen_at)"
            " VALUES (1, 'k', 'https://example.org/a', 'stored', CURRENT_TIMESTAMP)"
        )
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT outcome, error_kind, attempts FROM source_entries"
        ).one()
    assert tuple(row) == ("stored", None, 1)


def test_articles_stored_before_0003_are_indexed_by_dedup_reindex(
    empty_db_url: str, empty_engine: Engine, tmp_path: Path
) -> None:
    migrate.upgrade(empty_engine, "0002")
    text = "Rail cars loaded with crates left the port of Rajin on Monday night. " * 12
    with empty_engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO articles (id, url, canonical_url, url_hash, text, fetched_at,"
            " content_origin) VALUES (1, 'https://www.example.org/a?utm_source=x',"
            " 'https://www.example.org/a?utm_source=x', 'h', ?, CURRENT_TIMESTAMP, 'page')"
            if empty_engine.dialect.name == "sqlite"
            else "INSERT INTO articles (id, url, canonical_url, url_hash, text, fetched_at,"
            " content_origin) VALUES (1, 'https://www.example.org/a?utm_source=x',"
            " 'https://www.example.org/a?utm_source=x', 'h', %s, CURRENT_TIMESTAMP, 'page')",
            (text,),
        )
    migrate.upgrade(empty_engine)
    config = tmp_path / "monitor.toml"
    config.write_text(f'[monitor]\ndatabase_url = "{empty_db_url}"\n', encoding="utf-8")

    refused = run_monitor("--config", str(config), "run", "--once", cwd=tmp_path)
    assert refused.returncode == 1
    assert 'no dedup index yet: run "monitor dedup reindex"' in refused.stderr

    rebuilt = run_monitor("--config", str(config), "dedup", "reindex", cwd=tmp_path)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "reindexed 1 articles (1 originals)" in rebuilt.stdout
    explained = run_monitor(
        "--config", str(config), "explain", "https://example.org/a", cwd=tmp_path
    )
    assert explained.returncode == 0 and "decision:   original" in explained.stdout
