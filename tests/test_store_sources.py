from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from monitor.store.db import make_engine
from monitor.store.sources import (
    ConfiguredSource,
    claim_due_sources,
    record_poll_failure,
    record_poll_success,
    sync_sources,
)
from monitor.store.tables import Source
from tests.databases import postgres_database, postgres_url

NOW = datetime(2024, 4, 14, 12, 0, tzinfo=UTC)
LATER = NOW + timedelta(hours=1)


def configured(*names: str) -> list[ConfiguredSource]:
    return [
        ConfiguredSource(name=n, type="rss", url=f"https://{n}.example.org/rss", every=600)
        for n in names
    ]


def sync(engine: Engine, *names: str, now: datetime = NOW) -> None:
    with Session(engine) as session:
        sync_sources(session, configured(*names), now=now, rng=random.Random(1))
        session.commit()


def test_sync_creates_rows_due_within_a_minute_and_keeps_removed_ones(engine: Engine) -> None:
    sync(engine, "a", "b")
    sync(engine, "b")
    with Session(engine) as session:
        rows = {row.name: row for row in session.scalars(select(Source))}
    assert set(rows) == {"a", "b"}
    assert all(
        NOW <= row.next_poll_at <= NOW + timedelta(seconds=60)
        for row in rows.values()
        if row.next_poll_at
    )


def test_a_changed_url_drops_the_old_validators(engine: Engine) -> None:
    sync(engine, "a")
    with Session(engine) as session:
        row = session.scalars(select(Source)).one()
        row.etag, row.last_modified = '"v1"', "Sun, 14 Apr 2024 10:00:00 GMT"
        session.commit()
        moved = ConfiguredSource(name="a", type="rss", url="https://new.example.org/rss", every=600)
        sync_sources(session, [moved], now=LATER, rng=random.Random(1))
        session.commit()
        row = session.scalars(select(Source)).one()
        assert (row.url, row.etag, row.last_modified, row.next_poll_at) == (
            moved.url,
            None,
            None,
            LATER,
        )


def test_claim_leases_due_sources_once_until_the_lease_expires(engine: Engine) -> None:
    sync(engine, "a", "b")
    with Session(engine) as session:
        first = claim_due_sources(session, names=["a", "b"], now=LATER, owner="d1", lease=300)
        again = claim_due_sources(session, names=["a", "b"], now=LATER, owner="d2", lease=300)
        after_expiry = claim_due_sources(
            session, names=["a", "b"], now=LATER + timedelta(seconds=301), owner="d2", lease=300
        )
    assert sorted(s.name for s in first) == ["a", "b"]
    assert again == []
    assert sorted(s.name for s in after_expiry) == ["a", "b"]


def test_only_configured_and_due_sources_are_claimed(engine: Engine) -> None:
    sync(engine, "a", "b")
    with Session(engine) as session:
        assert (
            claim_due_sources(
                session, names=["a", "b"], now=NOW - timedelta(seconds=1), owner="d", lease=60
            )
            == []
        )
        claimed = claim_due_sources(session, names=["b"], now=LATER, owner="d", lease=60)
    assert [s.name for s in claimed] == ["b"]


def test_success_and_failure_update_schedule_validators_and_error_kind(engine: Engine) -> None:
    sync(engine, "a")
    with Session(engine) as session:
        (state,) = claim_due_sources(session, names=["a"], now=LATER, owner="d", lease=60)
        record_poll_failure(
            session,
            state.id,
            now=LATER,
            next_poll_at=LATER + timedelta(minutes=20),
            kind="timeout",
            message="slow",
        )
        record_poll_failure(
            session,
            state.id,
            now=LATER,
            next_poll_at=LATER + timedelta(minutes=40),
            kind="http_status",
            message="503",
        )
        session.commit()
        row = session.scalars(select(Source)).one()
        assert (row.failure_count, row.last_error_kind, row.lease_owner) == (2, "http_status", None)
        record_poll_success(
            session,
            state.id,
            now=LATER,
            next_poll_at=LATER + timedelta(minutes=10),
            etag='"v2"',
            last_modified=None,
        )
        session.commit()
        session.refresh(row)
        assert (row.failure_count, row.last_error_kind, row.etag) == (0, None, '"v2"')
        assert row.next_poll_at == LATER + timedelta(minutes=10)


@pytest.mark.postgres
def test_a_second_daemon_skips_sources_another_is_claiming(
    postgres_admin: Engine, postgres_template: str
) -> None:
    names = [f"s{i}" for i in range(20)]
    with postgres_database(postgres_admin, template=postgres_template) as database:
        engine = make_engine(postgres_url(database))
        sync(engine, *names)
        with Session(engine) as one, Session(engine) as two:
            # Daemon one is mid-claim: it holds row locks on ten due sources, not yet committed.
            held = one.scalars(
                select(Source.name)
                .order_by(Source.next_poll_at)
                .limit(10)
                .with_for_update(skip_locked=True)
            ).all()
            # Were the locks not skipped, this would wait: fail in seconds rather than hang.
            two.execute(text("SET lock_timeout = '5s'"))
            second = claim_due_sources(two, names=names, now=LATER, owner="d2", lease=60)
            one.rollback()
        engine.dispose()
    assert len(held) == 10
    assert sorted(s.name for s in second) == sorted(set(names) - set(held))
