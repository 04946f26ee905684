"""Daemon heartbeats: whether a scheduler is alive, and when its last tick ended.

Each running daemon keeps one row, written by its scheduler every ``HEARTBEAT`` and deleted
when it stops cleanly. A row whose heartbeat is older than ``STALE_AFTER`` belongs to a
daemon that was killed or hangs: that is what ``/healthz`` reports as "stalled".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from monitor.store.tables import Daemon

HEARTBEAT = timedelta(seconds=15)
STALE_AFTER = 8 * HEARTBEAT  # two minutes: a busy event loop is late, not dead
FORGET_AFTER = timedelta(days=7)  # rows of daemons long gone stop counting as stalled


@dataclass(frozen=True, slots=True)
class SchedulerState:
    state: str  # "running", "stalled" (a daemon stopped beating) or "stopped" (none runs)
    daemons: int  # daemons beating now
    last_tick_at: datetime | None


def beat(session: Session, owner: str, *, now: datetime, last_tick_at: datetime | None) -> None:
    """Write ``owner``'s heartbeat (its row is made at the first one)."""
    row = session.get(Daemon, owner)
    if row is None:
        session.add(
            Daemon(owner=owner, started_at=now, heartbeat_at=now, last_tick_at=last_tick_at)
        )
        session.execute(delete(Daemon).where(Daemon.heartbeat_at < now - FORGET_AFTER))
        return
    row.heartbeat_at = now
    row.last_tick_at = last_tick_at


def forget(session: Session, owner: str) -> None:
    """Remove ``owner``'s row: it stopped cleanly."""
    session.execute(delete(Daemon).where(Daemon.owner == owner))


def scheduler_state(session: Session, now: datetime) -> SchedulerState:
    """Whether some daemon's scheduler is alive, and when a tick last ended."""
    fresh = now - STALE_AFTER
    beating, last_tick = session.execute(
        select(
            func.count().filter(Daemon.heartbeat_at >= fresh),
            func.max(Daemon.last_tick_at),
        )
    ).one()
    if beating:
        return SchedulerState("running", beating, last_tick)
    known = session.scalar(select(func.count()).select_from(Daemon))
    return SchedulerState("stalled" if known else "stopped", 0, last_tick)
