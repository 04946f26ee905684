"""Throw-away test databases: a SQLite file or a PostgreSQL database of its own per test.

PostgreSQL comes from $MONITOR_TEST_POSTGRES_URL (an admin connection that may CREATE DATABASE),
by default the local server on 127.0.0.1:5432.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

POSTGRES_ADMIN_URL = os.environ.get(
    "MONITOR_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


def postgres_admin_engine() -> Engine:
    """Return an autocommit engine on the admin database, failing loudly if it is down."""
    engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except OperationalError as error:
        engine.dispose()
        raise RuntimeError(
            f"PostgreSQL is not reachable at {make_url(POSTGRES_ADMIN_URL)!r}: start it "
            "(see .ci/run) or point MONITOR_TEST_POSTGRES_URL at one"
        ) from error
    return engine


def postgres_url(database: str) -> str:
    return make_url(POSTGRES_ADMIN_URL).set(database=database).render_as_string(False)


@contextmanager
def postgres_database(admin: Engine, *, template: str | None = None) -> Iterator[str]:
    """Create a database (a copy of ``template`` if given), yield its name, then drop it."""
    name = f"fm_test_{uuid.uuid4().hex[:12]}"
    suffix = f" TEMPLATE {template}" if template else ""
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}{suffix}"))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))


@contextmanager
def migrated_database(kind: str, folder: Path, request: pytest.FixtureRequest) -> Iterator[str]:
    """Yield the URL of a new database migrated to head: a copy of the session's SQLite
    template in ``folder``, or a PostgreSQL database made from its template, dropped after."""
    if kind == "sqlite":
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("sqlite_template"), folder / "monitor.db")
        yield f"sqlite:///{folder / 'monitor.db'}"
        return
    admin = request.getfixturevalue("postgres_admin")
    template = request.getfixturevalue("postgres_template")
    with postgres_database(admin, template=template) as name:
        yield postgres_url(name)
