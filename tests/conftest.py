from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from monitor.store.db import make_engine
from monitor.store.migrate import upgrade
from tests.databases import (
    migrated_database,
    postgres_admin_engine,
    postgres_database,
    postgres_url,
)
from tests.servers import feed_server_fixture  # noqa: F401  (the feed_server fixture)

ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's MONITOR_* variables and ./monitor.toml out of every test."""
    for name in list(os.environ):
        if name.startswith("MONITOR_") and name != "MONITOR_TEST_POSTGRES_URL":
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    # In-process CLI runs configure logging; give each test the levels it started with.
    for name in ("alembic", "httpx", "apscheduler"):
        logger = logging.getLogger(name)
        monkeypatch.setattr(logger, "level", logger.level)


@pytest.fixture(scope="session")
def postgres_admin() -> Iterator[Engine]:
    engine = postgres_admin_engine()
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgres_template(postgres_admin: Engine) -> Iterator[str]:
    """A PostgreSQL database migrated to head once; each test gets a copy of it."""
    with postgres_database(postgres_admin) as name:
        engine = make_engine(postgres_url(name))
        upgrade(engine)
        engine.dispose()
        yield name


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "monitor.db"
    engine = make_engine(f"sqlite:///{path}", create=True)
    upgrade(engine)
    engine.dispose()
    return path


@pytest.fixture(params=ENGINES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a database of this test's own, migrated to head."""
    with migrated_database(request.param, tmp_path / "db", request) as url:
        yield url


@pytest.fixture(params=ENGINES)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database of this test's own."""
    if request.param == "sqlite":
        path = tmp_path / "empty" / "monitor.db"
        path.parent.mkdir()
        path.touch()  # a zero-byte file is an empty SQLite database
        yield f"sqlite:///{path}"
        return
    with postgres_database(request.getfixturevalue("postgres_admin")) as name:
        yield postgres_url(name)


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
