"""Alembic migrations: upgrade, downgrade, and the check that the schema is current."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Engine, text

from monitor.errors import SchemaError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
# Any fixed number; every daemon sharing one PostgreSQL database takes the same lock.
_MIGRATION_LOCK_KEY = 0x6D6F6E69746F72


def migrations_dir() -> Path:
    """Return the Alembic script folder: inside an installed wheel, else the checkout's."""
    for candidate in (_PACKAGE_DIR / "_migrations", _PACKAGE_DIR.parent / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise SchemaError("the Alembic migrations folder is missing from this installation")


def alembic_config(engine: Engine | None = None) -> Config:
    """Return an Alembic config whose env.py runs on a connection of ``engine``."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """Return the revision the code expects."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:
        raise SchemaError("the migrations folder has no revisions")
    return head


def current_revision(engine: Engine) -> str | None:
    """Return the revision the database is at, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database up to ``revision``."""
    with _migration_lock(engine), _alembic_errors():
        command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` ("base" empties it)."""
    with _migration_lock(engine), _alembic_errors():
        command.downgrade(alembic_config(engine), revision)


def require_current_schema(engine: Engine) -> str:
    """Return the current revision, or raise SchemaError telling what to do."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return current
    if current is None:
        problem = 'has no figure-monitor schema yet: run "monitor db upgrade"'
    elif not _is_known(current):
        problem = (
            f"is at schema revision {current}, which this version ({head}) does not know:"
            " a newer figure-monitor wrote it; upgrade figure-monitor"
        )
    else:
        problem = (
            f'is at schema revision {current}, this version needs {head}: run "monitor db upgrade"'
        )
    raise SchemaError(f"the database {problem}")


def _is_known(revision: str) -> bool:
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


@contextmanager
def _alembic_errors() -> Iterator[None]:
    try:
        yield
    except CommandError as error:
        raise SchemaError(f"cannot migrate: {error}") from None


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """Hold a PostgreSQL advisory lock, so daemons starting together migrate one at a time."""
    if engine.dialect.name != "postgresql":
        yield  # SQLite serialises writers itself, and the migration is one transaction.
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK_KEY})
        try:
            yield
        finally:
            connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK_KEY}
            )
            connection.commit()
