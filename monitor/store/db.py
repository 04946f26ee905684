"""The database engine: SQLite set up for a daemon, PostgreSQL through psycopg 3."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from monitor.errors import DatabaseError, SchemaError

SQLITE_BUSY_TIMEOUT_MS = 10_000
SQLITE_BEGIN_OPTION = "sqlite_begin"  # execution option: "DEFERRED" (default) or "IMMEDIATE"
_SECRET_QUERY_WORDS = ("password", "secret", "token", "key")


def display_url(database_url: str | URL) -> str:
    """Return the database URL fit to print: the password and secret-looking options as ***."""
    url = make_url(database_url)
    masked = {
        name: "***" if any(word in name.lower() for word in _SECRET_QUERY_WORDS) else value
        for name, value in url.query.items()
    }
    return url.set(query=masked).render_as_string(hide_password=True)


def make_engine(database_url: str, *, create: bool = False) -> Engine:
    """Return an engine for ``database_url``.

    A SQLite file is made (with its folder) only when ``create`` is set: a command that only
    reads must not leave an empty database behind a typo in the path.
    """
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if url.database and url.database != ":memory:":
        _check_sqlite_file(Path(url.database), create=create)
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite)
    event.listen(engine, "begin", _begin_sqlite)
    return engine


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    if path.exists():
        return
    if not create:
        raise SchemaError(f'the database file {path} does not exist: run "monitor db upgrade"')
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        problem = f"cannot create {path.parent} for the database: {error.strerror}"
        raise DatabaseError(problem) from None


def _configure_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    # Leave transactions to SQLAlchemy (see _begin_sqlite); the sqlite3 module's own handling
    # commits before DDL, so a failed migration would be left half applied.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers (monitor status) work while the daemon writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _begin_sqlite(connection: Connection) -> None:
    # A writer that starts with a read (as a migration does) asks for BEGIN IMMEDIATE, so it
    # waits for the write lock up front instead of failing later on a stale snapshot.
    mode = connection.get_execution_options().get(SQLITE_BEGIN_OPTION, "DEFERRED")
    connection.exec_driver_sql(f"BEGIN {mode}")


# SQLite reports a missing table and a full disk alike as OperationalError: only these say the
# database cannot be used for now, rather than that this program or its schema is wrong.
_SQLITE_UNAVAILABLE = (
    "database is locked",
    "disk i/o error",
    "database or disk is full",
    "unable to open database file",
)


# PostgreSQL's SQLSTATE classes that say the server or the connection is gone or out of
# resources: connection exceptions, insufficient resources (a full disk), operator intervention
# (a shutdown). A deadlock or a cancelled statement is an OperationalError too, but the next
# statement may well work: it is reported where it happens, not as an outage.
_POSTGRES_UNAVAILABLE = ("08", "53", "57P")


def unavailable_reason(error: BaseException) -> str | None:
    """Return why the database cannot be used now, when ``error`` says so (a server refusing
    or dropping connections, a full disk, no free connection in the pool); None for any other
    error, a defect to report."""
    if isinstance(error, PoolTimeoutError):
        return "no database connection came free in time"
    if not isinstance(error, DBAPIError):
        return None
    lines = str(error.orig).strip().splitlines() if error.orig else []
    reason = lines[0] if lines else type(error).__name__
    if isinstance(error.orig, sqlite3.Error):
        return reason if reason.lower().startswith(_SQLITE_UNAVAILABLE) else None
    if error.connection_invalidated:
        return reason
    state = getattr(error.orig, "sqlstate", None)
    if state is None:
        # No SQLSTATE: the connection itself failed (refused, reset, not accepting).
        return reason if isinstance(error, (OperationalError, InterfaceError)) else None
    return reason if str(state).startswith(_POSTGRES_UNAVAILABLE) else None


@contextmanager
def database_errors(engine: Engine) -> Iterator[None]:
    """Turn a database failure into one DatabaseError naming the database, never its password."""
    try:
        yield
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if error.orig else type(error).__name__
        raise DatabaseError(
            f"cannot use the database {display_url(engine.url)}: {reason}"
        ) from None


@contextmanager
def open_engine(database_url: str, *, create: bool = False) -> Iterator[Engine]:
    """Yield an engine for a command's work, with database failures as DatabaseError."""
    engine = make_engine(database_url, create=create)
    try:
        with database_errors(engine):
            yield engine
    finally:
        engine.dispose()


def write_engine(engine: Engine) -> Engine:
    """Return ``engine`` for sessions that write: on SQLite they BEGIN IMMEDIATE.

    A deferred SQLite transaction that read before writing cannot wait for the write lock (the
    busy timeout does not apply once its snapshot is stale), so concurrent writers would fail
    with "database is locked"; IMMEDIATE takes the lock first and waits for it instead.
    """
    if engine.dialect.name != "sqlite":
        return engine
    return engine.execution_options(**{SQLITE_BEGIN_OPTION: "IMMEDIATE"})
