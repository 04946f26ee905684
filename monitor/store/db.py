"""The database engine and sessions."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from monitor.errors import DatabaseError

SQLITE_BUSY_TIMEOUT_MS = 10_000


def make_engine(database_url: str) -> Engine:
    """Return an engine for ``database_url``; SQLite gets WAL, foreign keys and a busy timeout."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if url.database and url.database != ":memory:":
        folder = Path(url.database).expanduser().parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(
                f"cannot create {folder} for the database: {error.strerror}"
            ) from None
    engine = create_engine(url)
    event.listen(engine, "connect", _configure_sqlite)
    return engine


def _configure_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        # WAL lets readers (monitor status) work while the daemon writes.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return the session factory the daemon and commands use."""
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def database_errors(engine: Engine) -> Iterator[None]:
    """Turn a failure to reach or open the database into one DatabaseError line.

    The message names the database with its password hidden; the driver's own text says why.
    """
    try:
        yield
    except OperationalError as error:
        shown = engine.url.render_as_string(hide_password=True)
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        raise DatabaseError(f"cannot use the database {shown}: {reason}") from None


@contextmanager
def open_engine(database_url: str) -> Iterator[Engine]:
    """Yield an engine for a command's work, with database failures as DatabaseError."""
    engine = make_engine(database_url)
    try:
        with database_errors(engine):
            yield engine
    finally:
        engine.dispose()
