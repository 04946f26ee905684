"""Writing alerts: a new or changed figure becomes an alert and one delivery per notifier of its
watch, in the same transaction as the figure, so an alert is never lost nor written twice.

A watch in digest mode, or an instant watch past its hourly ceiling, marks its deliveries as
digest ones, due at the next digest boundary (``digest_every`` after the epoch, so every
daemon agrees on it); the delivery tick folds them into one message per watch and notifier.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.alerts.render import public_url
from monitor.config.settings import WatchSettings
from monitor.figures.model import Figure
from monitor.figures.novelty import Decision, EarlierValue
from monitor.store.tables import Alert, Article, Delivery
from monitor.store.types import iso, utc_now

HOUR = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class WatchAlerting:
    """How one watch's alerts go out: to whom, instantly or in digests, and how many an hour."""

    notify: tuple[str, ...]
    mode: str = "instant"  # or "digest"
    digest_every: float = 3600.0  # seconds
    max_per_hour: int = 20  # 0: no ceiling
    measures: tuple[str, ...] = ()  # lower case; empty: every measure alerts

    def follows(self, measure: str) -> bool:
        """Whether figures of ``measure`` alert: a followed name, or one of them with a
        place, unit, rate or scope added ("troops killed" follows "troops killed in Kursk")."""
        if not self.measures:
            return True
        name = measure.lower()
        return any(
            name == followed
            or name.startswith((f"{followed} in ", f"{followed} [", f"{followed} ("))
            or name.startswith(f"{followed} per ")
            for followed in self.measures
        )


def queue_alert(
    session: Session,
    *,
    figure_id: int,
    figure: Figure,
    measure: str,
    watch: str,
    decision: Decision,
    earlier: Sequence[EarlierValue],
    article: Article,
    alerting: WatchAlerting,
    now: datetime | None = None,
    revision: Mapping[str, Any] | None = None,
) -> int:
    """Write the alert for a new or changed figure and its deliveries; return the alert id.

    ``revision`` is set when the figure comes from an edited article that gave another value
    of the measure before (``monitor.recheck``): it goes into the payload as is."""
    now = now or utc_now()
    digest = alerting.mode == "digest" or _past_ceiling(session, watch, alerting, now)

    def payload(alert: Alert) -> dict[str, Any]:
        said = alert_payload(alert, figure, article, earlier)
        return said if revision is None else {**said, "revision": dict(revision)}

    return add_alert(
        session,
        kind=decision.status,
        watch=watch,
        measure=measure,
        payload=payload,
        notify=alerting.notify,
        now=now,
        figure_id=figure_id,
        digest_at=next_digest(now, alerting.digest_every) if digest else None,
    )


def add_alert(
    session: Session,
    *,
    kind: str,
    watch: str,
    measure: str,
    payload: Callable[[Alert], dict[str, Any]],
    notify: Sequence[str],
    now: datetime,
    figure_id: int | None = None,
    digest_at: datetime | None = None,
) -> int:
    """Write an alert and one delivery per notifier of ``notify``, due now, or with the
    watch's digest at ``digest_at``; return the alert id. ``payload`` makes the alert JSON
    from the alert row, once it has its id."""
    alert = Alert(
        figure_id=figure_id, kind=kind, watch=watch, measure=measure, payload={}, created_at=now
    )
    session.add(alert)
    session.flush()
    alert.payload = payload(alert)
    session.add_all(
        Delivery(
            alert_id=alert.id,
            notifier=notifier,
            idempotency_key=idempotency_key(alert.id, notifier),
            digest=digest_at is not None,
            next_attempt_at=digest_at or now,
        )
        for notifier in notify
    )
    return alert.id


def alert_payload(
    alert: Alert, figure: Figure, article: Article, earlier: Sequence[EarlierValue]
) -> dict[str, Any]:
    """Return the alert JSON of DESIGN.md, plus ``unit`` and each earlier value's qualifier.

    URLs go out as ``public_url`` makes them: no credentials, no tokens, no tracking.
    """
    return {
        "id": alert.id,
        "kind": alert.kind,
        "watch": alert.watch,
        "measure": alert.measure,
        "value": figure.value,
        "low": figure.low,
        "high": figure.high,
        "qualifier": figure.qualifier,
        "unit": figure.unit,
        "thing": figure.thing,
        "sentence": figure.sentence,
        "article": {
            "url": public_url(article.url),
            "title": article.title,
            "site": article.site,
            "published_at": iso(article.published_at),
        },
        "previous": [
            {
                "value": value.value,
                "low": value.low,
                "high": value.high,
                "qualifier": value.qualifier,
                "unit": figure.unit,
                "article_url": public_url(value.article_url),
                "site": value.site,
                "published_at": iso(value.published_at),
            }
            for value in earlier
        ],
        "created_at": iso(alert.created_at),
    }


def idempotency_key(alert_id: int, notifier: str) -> str:
    """The same for every attempt of one delivery, and unique across deliveries."""
    return hashlib.sha256(f"alert {alert_id} to {notifier}".encode()).hexdigest()


def next_digest(now: datetime, every: float) -> datetime:
    """The first digest boundary after ``now``: multiples of ``every`` seconds since the epoch."""
    boundary = math.floor(now.timestamp() / every + 1) * every
    return datetime.fromtimestamp(boundary, UTC)


def alerting_by_watch(watches: Sequence[WatchSettings]) -> Mapping[str, WatchAlerting]:
    """Return each configured watch's alerting (``WatchSettings`` in, by name)."""
    return {
        watch.name: WatchAlerting(
            notify=tuple(watch.notify),
            mode=watch.mode,
            digest_every=watch.digest_every,
            max_per_hour=watch.max_per_hour,
            measures=watch.measures,
        )
        for watch in watches
    }


def _past_ceiling(session: Session, watch: str, alerting: WatchAlerting, now: datetime) -> bool:
    if alerting.max_per_hour == 0:
        return False
    recent = session.scalar(
        select(func.count())
        .select_from(Delivery)
        .join(Alert, Alert.id == Delivery.alert_id)
        .where(Alert.watch == watch, Alert.created_at > now - HOUR, Delivery.digest.is_(False))
    )
    # Deliveries count per notifier; the ceiling is on alerts, so divide by the fan-out.
    alerts_sent_alone = (recent or 0) / max(len(alerting.notify), 1)
    return alerts_sent_alone >= alerting.max_per_hour
