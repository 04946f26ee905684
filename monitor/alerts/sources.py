"""Operator alerts on a source's health: a source that keeps failing or has gone silent is
told once, through the ``[health]`` notifiers, and so is its recovery.

After each poll the daemon judges the sources it polled (``sources.health.judge``). A change
of health is stored on the source row with a conditional update (only from the health read),
so however many daemons poll, one of them makes the change and queues its alert, in the same
transaction: the alert is neither lost nor sent twice. The alert goes through the outbox like
a figure's alert (retries, backoff, dead letters), never into a digest. More than
``GROUP_AT`` changes of one kind at one judging (the daemon's own network went down) go out
as one alert listing them (``{"count", "sources": [...]}``).

    ok      -> failing   source_failing     failing -> ok  source_recovered
    ok      -> silent    source_silent      silent  -> ok  source_recovered
    failing -> silent    source_silent      silent  -> failing  source_failing
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from monitor.alerts.outbox import add_alert
from monitor.alerts.render import public_url
from monitor.config import Settings
from monitor.sources.health import judge, usual_gap
from monitor.store.db import write_engine
from monitor.store.sources import recent_arrivals
from monitor.store.tables import Alert, Source
from monitor.store.types import iso, utc_now

ALERT_KIND = {"failing": "source_failing", "silent": "source_silent", "ok": "source_recovered"}
GROUP_AT = 5  # more changes of one kind at one judging than this go out as one message
_URL = re.compile(r"https?://[^\s'\"<>]+")
_ERROR_MAX = 500


@dataclass(frozen=True, slots=True)
class HealthChange:
    """A source whose health changed at this poll, and the alert it raised (if any)."""

    source: str
    was: str
    now: str
    alert_id: int | None


def check_sources(
    engine: Engine,
    settings: Settings,
    names: Sequence[str],
    *,
    alerting: bool = True,
    now: datetime | None = None,
) -> list[HealthChange]:
    """Judge the health of the sources ``names`` (just polled); store each change and, when
    ``alerting``, queue its alert to the ``[health]`` notifiers. Return the changes."""
    if not names:
        return []
    now = now or utc_now()
    rule = settings.health.rule()
    notify = settings.health_notifiers() if alerting else ()
    # Judged on a plain read; the write transaction (SQLite's is exclusive) is opened only
    # when some source's health changed, which is rare.
    found: list[tuple[_Source, str, str, dict[str, Any]]] = []
    with Session(engine) as session:
        rows = list(
            session.scalars(select(Source).where(Source.name.in_(names)).order_by(Source.name))
        )
        arrivals = recent_arrivals(session, [row.id for row in rows])
        for row in rows:
            seen = arrivals.get(row.id, [])
            health = judge(row.health, row.failure_count, seen, now, rule)
            if health != row.health:
                source = _Source(row.id, row.name, row.type, row.url, row.health_since)
                found.append((source, row.health, health, _facts(row, seen)))
    changes: list[HealthChange] = []
    if not found:
        return changes
    with Session(write_engine(engine)) as session, session.begin():
        notices: dict[str, list[dict[str, Any]]] = {}  # by alert kind
        for source, was, health, facts in found:
            moved = session.execute(
                update(Source)
                .where(Source.id == source.id, Source.health == was)
                .values(health=health, health_since=now)
                .execution_options(synchronize_session=False)
            )
            if moved.rowcount != 1:  # type: ignore[attr-defined]
                continue  # another daemon judged it first and told the operator
            notices.setdefault(ALERT_KIND[health], []).append(_notice(source, was, health, facts))
        for kind, group in notices.items():
            ids = _queue(session, kind, group, notify, now) if notify else [None] * len(group)
            changes += [
                HealthChange(notice["source"]["name"], notice["was"], notice["health"], alert_id)
                for notice, alert_id in zip(group, ids, strict=True)
            ]
    return changes


@dataclass(frozen=True, slots=True)
class _Source:
    id: int
    name: str
    type: str
    url: str
    health_since: datetime | None


def _facts(row: Source, arrivals: Sequence[datetime]) -> dict[str, Any]:
    gap = usual_gap(arrivals)
    return {
        "failures": row.failure_count,
        "error_kind": row.last_error_kind,
        "error": _public_error(row.last_error),
        "last_polled_at": iso(row.last_polled_at),
        "last_success_at": iso(row.last_success_at),
        "last_new_item_at": iso(max(arrivals)) if arrivals else None,
        "usual_gap_seconds": gap.total_seconds() if gap is not None else None,
    }


def _notice(source: _Source, was: str, health: str, facts: dict[str, Any]) -> dict[str, Any]:
    """What an operator alert says of one source."""
    return {
        "source": {"name": source.name, "type": source.type, "url": _feed_address(source.url)},
        "health": health,
        "was": was,
        # When the state this alert ends began: how long a recovered source was down.
        "was_since": iso(source.health_since),
        **facts,
    }


def _queue(
    session: Session,
    kind: str,
    notices: Sequence[dict[str, Any]],
    notify: Sequence[str],
    now: datetime,
) -> list[int]:
    """Queue the alerts of ``notices`` (one kind): one each, or past ``GROUP_AT`` one for
    them all, so that a failure of the daemon's own network is one message a tick, not one
    for every source it polls. Return each notice's alert id."""
    groups = [[notice] for notice in notices] if len(notices) <= GROUP_AT else [list(notices)]
    ids = []
    for group in groups:
        said = group[0] if len(group) == 1 else {"count": len(group), "sources": group}
        alert_id = add_alert(
            session,
            kind=kind,
            watch="",
            measure=group[0]["source"]["name"] if len(group) == 1 else f"{len(group)} sources",
            payload=_payload(kind, said, now),
            notify=notify,
            now=now,
        )
        ids += [alert_id] * len(group)
    return ids


def _payload(kind: str, said: dict[str, Any], now: datetime) -> Callable[[Alert], dict[str, Any]]:
    return lambda alert: {"id": alert.id, "kind": kind, **said, "created_at": iso(now)}


def _feed_address(url: str) -> str:
    """A feed's URL for people outside: no credentials, and no query, where paid and private
    feeds carry their keys under any name ("?k=", "?access=")."""
    return urlunsplit(urlsplit(public_url(url))._replace(query="", fragment=""))


def _public_error(message: str | None) -> str | None:
    """The poll's error for people outside: addresses as ``_feed_address`` shows them,
    clipped."""
    if message is None:
        return None
    shown = _URL.sub(lambda match: _feed_address(match.group(0)), message)
    return shown if len(shown) <= _ERROR_MAX else shown[: _ERROR_MAX - 1] + "\u2026"
