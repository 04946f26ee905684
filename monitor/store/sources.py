"""Source rows: configured sources, their poll schedule, validators, failures and leases."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from monitor.sources.health import RECENT_ARRIVALS
from monitor.sources.schedule import first_poll
from monitor.store.tables import Source, SourceEntry


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceState:
    """What a poll needs to know about a source, read from its row."""

    id: int
    name: str
    type: str
    url: str
    etag: str | None
    last_modified: str | None
    failure_count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class ConfiguredSource:
    name: str
    type: str
    url: str
    every: float


def sync_sources(
    session: Session, sources: Sequence[ConfiguredSource], *, now: datetime, rng: random.Random
) -> None:
    """Create rows for new sources and update changed ones; rows of removed sources stay,
    their health forgotten (nothing judges them any more, so a failing one would stay
    failing in ``monitor status`` and /metrics)."""
    rows = {row.name: row for row in session.scalars(select(Source))}
    configured = {source.name for source in sources}
    for name, removed in rows.items():
        if name not in configured and removed.health != "ok":
            removed.health, removed.health_since = "ok", now
    new_sources = sum(1 for source in sources if source.name not in rows)
    for source in sources:
        row = rows.get(source.name)
        if row is None:
            session.add(
                Source(
                    name=source.name,
                    type=source.type,
                    url=source.url,
                    next_poll_at=first_poll(now, source.every, rng, new_sources=new_sources),
                )
            )
        elif (row.type, row.url) != (source.type, source.url):
            # A new address is a new feed: old validators would make it answer 304 wrongly.
            row.type, row.url, row.etag, row.last_modified = source.type, source.url, None, None
            row.next_poll_at = now


def claim_due_sources(
    session: Session,
    *,
    names: Sequence[str],
    now: datetime,
    owner: str,
    lease: float,
    limit: int = 100,
    due_by: datetime | None = None,
    takeover_from: Collection[str] = (),
) -> list[SourceState]:
    """Lease and return the configured sources whose poll is due by ``due_by`` (default now).

    On PostgreSQL, FOR UPDATE SKIP LOCKED lets several daemons claim from one table without
    taking the same source; an expired lease (its daemon died) is claimed again, and so is a
    lease held by one of ``takeover_from``, holders known to be gone (``monitor.owners``).
    """
    if not names:
        return []
    query = (
        select(Source)
        .where(Source.name.in_(names), Source.next_poll_at <= (due_by or now))
        .where(
            or_(
                Source.lease_expires_at.is_(None),
                Source.lease_expires_at < now,
                Source.lease_owner.in_(takeover_from),
            )
        )
        .order_by(Source.next_poll_at)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    rows = list(session.scalars(query))
    for row in rows:
        row.lease_owner = owner
        row.lease_expires_at = now + timedelta(seconds=lease)
    session.commit()
    return [
        SourceState(
            id=row.id,
            name=row.name,
            type=row.type,
            url=row.url,
            etag=row.etag,
            last_modified=row.last_modified,
            failure_count=row.failure_count,
        )
        for row in rows
    ]


def lease_holders(session: Session, now: datetime) -> list[str]:
    """Return who holds an unexpired lease on a source."""
    query = (
        select(Source.lease_owner)
        .where(Source.lease_owner.is_not(None), Source.lease_expires_at >= now)
        .distinct()
    )
    return [owner for owner in session.scalars(query) if owner is not None]


def renew_leases(
    session: Session, source_ids: Collection[int], *, owner: str, expires_at: datetime
) -> None:
    """Extend ``owner``'s leases on ``source_ids`` (those it still holds) to ``expires_at``."""
    session.execute(
        update(Source)
        .where(Source.id.in_(source_ids), Source.lease_owner == owner)
        .values(lease_expires_at=expires_at)
    )


@dataclass(frozen=True, slots=True)
class Lease:
    """A source another daemon is polling."""

    source: str
    owner: str
    expires_at: datetime


def leases_held(session: Session, names: Sequence[str], now: datetime) -> list[Lease]:
    """Return the unexpired leases on the sources ``names``."""
    query = (
        select(Source.name, Source.lease_owner, Source.lease_expires_at)
        .where(Source.name.in_(names), Source.lease_owner.is_not(None))
        .where(Source.lease_expires_at >= now)
        .order_by(Source.name)
    )
    return [
        Lease(name, owner, expires)
        for name, owner, expires in session.execute(query)
        if owner is not None and expires is not None
    ]


def polls_in_flight(session: Session, now: datetime) -> int:
    """Return how many sources some daemon is polling now (leased, the lease not expired)."""
    query = select(func.count()).where(
        Source.lease_owner.is_not(None), Source.lease_expires_at > now
    )
    return session.scalar(query) or 0


def record_poll_success(
    session: Session,
    source_id: int,
    *,
    now: datetime,
    next_poll_at: datetime,
    etag: str | None,
    last_modified: str | None,
) -> None:
    """Store a successful poll: new validators, the next poll, failures reset, lease freed."""
    session.execute(
        update(Source)
        .where(Source.id == source_id)
        .values(
            etag=etag,
            last_modified=last_modified,
            last_polled_at=now,
            last_success_at=now,
            next_poll_at=next_poll_at,
            failure_count=0,
            last_error_kind=None,
            last_error=None,
            lease_owner=None,
            lease_expires_at=None,
        )
    )


def record_poll_failure(
    session: Session,
    source_id: int,
    *,
    now: datetime,
    next_poll_at: datetime,
    kind: str,
    message: str,
) -> None:
    """Store a failed poll: its kind and message, one more failure, the backed-off next poll."""
    session.execute(
        update(Source)
        .where(Source.id == source_id)
        .values(
            last_polled_at=now,
            next_poll_at=next_poll_at,
            failure_count=Source.failure_count + 1,
            last_error_kind=kind,
            last_error=message[:2000],
            lease_owner=None,
            lease_expires_at=None,
        )
    )


def recent_arrivals(
    session: Session, source_ids: Collection[int], *, most: int = RECENT_ARRIVALS
) -> dict[int, list[datetime]]:
    """Return when each source's ``most`` newest entries were first seen (its rhythm).

    An entry waiting for a retry is seen again at each poll, so it is no arrival. One query a
    source, each reading ``most`` rows down the (source_id, seen_at) index: however long a
    source's history grows, its rhythm costs the same."""
    arrivals: dict[int, list[datetime]] = {}
    for source_id in source_ids:
        seen = list(
            session.scalars(
                select(SourceEntry.seen_at)
                .where(SourceEntry.source_id == source_id, SourceEntry.outcome != "retry")
                .order_by(SourceEntry.seen_at.desc())
                .limit(most)
            )
        )
        if seen:
            arrivals[source_id] = seen
    return arrivals
