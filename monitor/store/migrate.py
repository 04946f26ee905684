"""Alembic migrations: upgrade, downgrade, and the check that the schema is current."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from monitor.errors import SchemaError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


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
    command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate the database down to ``revision`` ("base" empties it)."""
    command.downgrade(alembic_config(engine), revision)


def require_current_schema(engine: Engine) -> str:
    """Return the current revision, or raise SchemaError telling how to migrate."""
    current, head = current_revision(engine), head_revision()
    if current == head:
        return current
    if current is None:
        state = "has no figure-monitor schema yet"
    else:
        state = f"is at schema revision {current}, this version needs {head}"
    raise SchemaError(f'the database {state}: run "monitor db upgrade"')
