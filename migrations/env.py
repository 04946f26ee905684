"""Alembic environment: runs on the engine monitor hands over, else on the configured database."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, Engine

from monitor.store.db import SQLITE_BEGIN_OPTION, make_engine
from monitor.store.tables import metadata

config = context.config


def _configured_engine() -> Engine:
    # Plain `alembic` on the command line (writing a revision): use the monitor configuration.
    from monitor.config import load_settings

    return make_engine(load_settings().monitor.database_url)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        # SQLite cannot ALTER most things; batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        # The engine runs SQLite DDL inside BEGIN ... COMMIT (monitor.store.db), so the whole
        # upgrade is one transaction there too, as it is on PostgreSQL.
        transactional_ddl=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    engine = config.attributes.get("engine") or _configured_engine()
    with engine.connect() as connection:
        _run(connection.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"}))
        connection.commit()


if context.is_offline_mode():
    raise SystemExit("offline (--sql) migrations are not supported; run monitor db upgrade")
run_migrations_online()
