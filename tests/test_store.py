from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, inspect, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session

from monitor.errors import SchemaError
from monitor.store.db import make_engine, write_engine
from monitor.store.migrate import upgrade
from monitor.store.tables import Alert, Article, Delivery, Figure, Source
from tests.rows import article, figure, sha, stored_alert, stored_figure


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'new' / 'folder' / 'fm.db'}", create=True)
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 10_000
    engine.dispose()


def test_timestamps_come_back_aware_in_utc(engine: Engine) -> None:
    seoul = timezone(timedelta(hours=9))
    published = datetime(2024, 4, 14, 9, 30, tzinfo=seoul)
    with Session(engine) as session:
        session.add(article(published_at=published))
        session.commit()
    with Session(engine) as session:
        stored = session.scalars(select(Article)).one()
        assert stored.published_at == published
        assert stored.published_at is not None and stored.published_at.tzinfo == UTC
        assert stored.fetched_at.tzinfo == UTC


def test_naive_timestamps_are_refused(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(article(published_at=datetime(2024, 4, 14, 9, 30)))
        with pytest.raises(StatementError, match="naive datetime"):
            session.commit()


def test_source_names_are_unique(engine: Engine) -> None:
    with Session(engine) as session:
        session.add_all(
            [
                Source(name="a", type="rss", url="https://x/1"),
                Source(name="a", type="rss", url="https://x/2"),
            ]
        )
        with pytest.raises(IntegrityError):
            session.commit()


def test_foreign_keys_are_enforced(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(figure(article_id=12345))
        with pytest.raises(IntegrityError):
            session.commit()


def test_check_constraint_refuses_an_unknown_duplicate_kind(engine: Engine) -> None:
    with Session(engine) as session:
        session.add(article(duplicate_kind="similar"))
        with pytest.raises(IntegrityError):
            session.commit()


def test_one_alert_per_figure_and_one_delivery_per_notifier(engine: Engine) -> None:
    with Session(engine) as session:
        found = stored_figure(session)
        alert = Alert(
            figure_id=found.id, kind="new_measure", watch="arms", measure=found.measure, payload={}
        )
        session.add(alert)
        session.flush()
        session.add(Delivery(alert_id=alert.id, notifier="desk", idempotency_key=sha("1/desk")))
        session.commit()
        session.add(Delivery(alert_id=alert.id, notifier="desk", idempotency_key=sha("again")))
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        session.add(
            Alert(figure_id=found.id, kind="changed_figure", watch="a", measure="m", payload={})
        )
        with pytest.raises(IntegrityError):
            session.commit()
        session.rollback()
        assert session.scalars(select(Delivery.notifier)).all() == ["desk"]


@pytest.mark.parametrize(
    "make_row",
    [
        pytest.param(
            lambda s: figure(stored_figure(s).article_id, status="maybe"), id="figure status"
        ),
        pytest.param(
            lambda s: figure(stored_figure(s).article_id, qualifier="roughly"), id="qualifier"
        ),
        pytest.param(
            lambda s: Alert(
                figure_id=stored_figure(s).id, kind="repeat", watch="a", measure="m", payload={}
            ),
            id="alert kind",
        ),
        pytest.param(lambda s: article(duplicate_kind="similar"), id="duplicate kind"),
    ],
)
def test_check_constraints_refuse_values_outside_the_contract(
    engine: Engine, make_row: Any
) -> None:
    with Session(engine) as session:
        row = make_row(session)
        session.commit()  # the parent rows the case needs are fine
        session.add(row)
        with pytest.raises(IntegrityError, match=r"(?i)check"):
            session.commit()


def test_delivery_status_is_checked(engine: Engine) -> None:
    with Session(engine) as session:
        alert = stored_alert(session)
        session.commit()
        session.add(Delivery(alert_id=alert.id, notifier="d", idempotency_key="k", status="lost"))
        with pytest.raises(IntegrityError, match=r"(?i)check"):
            session.commit()


def test_deleting_an_original_keeps_its_copies(engine: Engine) -> None:
    with Session(engine) as session:
        original = article()
        session.add(original)
        session.flush()
        copy = article(
            "https://mirror.example.org/a", duplicate_of=original.id, duplicate_kind="text"
        )
        session.add(copy)
        session.commit()
        session.delete(original)
        session.commit()
        session.refresh(copy)
        assert copy.duplicate_of is None and copy.duplicate_kind == "text"


def test_sqlite_ddl_is_transactional(tmp_path: Path) -> None:
    """A failed migration must leave nothing behind; the sqlite3 module alone would commit DDL."""
    engine = make_engine(f"sqlite:///{tmp_path / 'fm.db'}", create=True)
    with engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE half_done (x INTEGER)")
        connection.rollback()
    assert inspect(engine).get_table_names() == []
    engine.dispose()


def test_read_commands_do_not_create_a_missing_sqlite_file(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "fm.db"
    with pytest.raises(SchemaError, match='does not exist: run "monitor db upgrade"'):
        make_engine(f"sqlite:///{missing}")
    assert not missing.parent.exists()


def test_deleting_an_article_removes_its_figures_but_keeps_what_was_sent(engine: Engine) -> None:
    # An alert is the record of what went out: its payload says it all, and it outlives the
    # figure it was raised for (``monitor replay`` decides figures again), unlinked.
    with Session(engine) as session:
        alert = stored_alert(session)
        session.add(Delivery(alert_id=alert.id, notifier="desk", idempotency_key=sha("k")))
        session.commit()
        session.delete(session.scalars(select(Article)).one())
        session.commit()
        counts = [
            session.scalar(select(text("count(*)")).select_from(t))
            for t in (Figure, Alert, Delivery)
        ]
        kept = session.scalars(select(Alert)).one()
        assert kept.figure_id is None and kept.measure == alert.measure
    assert counts == [0, 1, 1]


@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("SELECT id FROM articles WHERE url_hash = :v", "ix_articles_url_hash"),
        ("SELECT id FROM articles WHERE text_hash = :v", "ix_articles_text_hash"),
        ("SELECT id FROM figures WHERE watch = :v AND measure = :v", "ix_figures_watch_measure"),
        ("SELECT id FROM figures WHERE watch = :v AND family = :v", "ix_figures_family_watch"),
        (
            "SELECT id FROM sources WHERE next_poll_at <= CURRENT_TIMESTAMP",
            "ix_sources_next_poll_at",
        ),
        (
            "SELECT id FROM deliveries WHERE status = :v AND next_attempt_at <= CURRENT_TIMESTAMP",
            "ix_deliveries_status_next_attempt_at",
        ),
    ],
)
def test_have_we_seen_this_lookups_use_an_index(engine: Engine, query: str, index: str) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            plan = connection.execute(text("EXPLAIN QUERY PLAN " + query), {"v": "x"}).all()
        else:
            # On empty tables the planner rightly prefers a scan; forbid it to see the index used.
            connection.execute(text("SET enable_seqscan = off"))
            plan = connection.execute(text("EXPLAIN " + query), {"v": "x"}).all()
    assert index in " ".join(str(row) for row in plan)


def test_concurrent_read_then_write_transactions_wait_instead_of_failing(tmp_path: Path) -> None:
    """Writers that each read, then insert, all succeed on SQLite (WAL), however they interleave."""
    engine = make_engine(f"sqlite:///{tmp_path / 'fm.db'}", create=True)
    upgrade(engine)
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(25):
                with Session(write_engine(engine)) as session, session.begin():
                    session.scalars(select(Article.id)).all()  # a read before the write
                    session.add(article(f"https://news.example.org/{n}/{i}"))
        except BaseException as error:  # collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with Session(engine) as session:
        count = len(session.scalars(select(Article.id)).all())
    engine.dispose()
    assert errors == [] and count == 200
