"""Prometheus ``/metrics`` and ``/healthz``, read from the database at each request.

The counts are the database's, so they are right whichever daemon did the work and survive
restarts: articles stored and copies, figures by decision, alert deliveries by state and the
age of the oldest waiting one, sources by poll state and by health, feed entries by outcome,
and the daemons beating.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from prometheus_client.core import CollectorRegistry, GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session

from monitor.store.daemons import scheduler_state
from monitor.store.db import unavailable_reason
from monitor.store.listing import poll_state
from monitor.store.tables import Alert, Article, Delivery, Source, SourceEntry
from monitor.store.tables import Figure as StoredFigure
from monitor.store.types import iso, utc_now


class DatabaseCollector(Collector):
    """Gauges of what the database holds, collected on each scrape."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def collect(self) -> Iterator[GaugeMetricFamily]:
        with Session(self.engine) as session:
            articles = GaugeMetricFamily(
                "monitor_articles", "Articles stored, by dedup kind", labels=["kind"]
            )
            for kind, count in session.execute(
                select(Article.duplicate_kind, func.count()).group_by(Article.duplicate_kind)
            ):
                articles.add_metric([kind or "original"], count)
            yield articles
            yield _by(
                session,
                "monitor_figures",
                "Figures stored, by novelty decision",
                "decision",
                StoredFigure.status,
            )
            yield _by(
                session,
                "monitor_alert_deliveries",
                "Alert deliveries, by state",
                "state",
                Delivery.status,
            )
            # From the alert's creation: a delivery in backoff or waiting for its digest has
            # a next attempt in the future, and is the one that has waited longest.
            oldest = session.scalar(
                select(func.min(Alert.created_at))
                .join(Delivery, Delivery.alert_id == Alert.id)
                .where(Delivery.status == "pending")
            )
            outbox = GaugeMetricFamily(
                "monitor_outbox_oldest_pending_age_seconds",
                "Age of the oldest alert with a delivery waiting (0 when none waits)",
            )
            outbox.add_metric([], _age(oldest))
            yield outbox
            sources = GaugeMetricFamily(
                "monitor_sources", "Configured sources, by poll state", labels=["state"]
            )
            counts = {"ok": 0, "failing": 0, "new": 0}
            for polled, failures in session.execute(
                select(Source.last_polled_at, Source.failure_count)
            ):
                counts[poll_state(polled, failures)] += 1
            for state, count in counts.items():
                sources.add_metric([state], count)
            yield sources
            yield _by(
                session,
                "monitor_source_health",
                "Sources by health as the daemon last judged it (ok, failing, silent)",
                "health",
                Source.health,
            )
            daemons = GaugeMetricFamily(
                "monitor_daemons_running", "Daemons whose scheduler wrote a heartbeat lately"
            )
            daemons.add_metric([], scheduler_state(session, utc_now()).daemons)
            yield daemons
            yield _by(
                session,
                "monitor_feed_entries",
                "Feed entries seen, by outcome",
                "outcome",
                SourceEntry.outcome,
            )


def metrics_registry(engine: Engine) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(DatabaseCollector(engine))
    return registry


@dataclass(frozen=True, slots=True)
class Health:
    database: str  # "ok", or why it cannot be reached
    scheduler: str  # "running", "stalled", "stopped" or "unknown" (monitor.store.daemons)
    last_tick_at: datetime | None
    last_poll_at: datetime | None

    @property
    def ok(self) -> bool:
        """Unhealthy when the database is out of reach or a daemon stopped beating; no
        daemon at all is fine (the web view may run alone)."""
        return self.database == "ok" and self.scheduler != "stalled"

    def to_json(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "unavailable",
            "database": self.database,
            "scheduler": self.scheduler,
            "last_tick_at": iso(self.last_tick_at),
            "last_tick_age_seconds": _age_or_none(self.last_tick_at),
            "last_poll_at": iso(self.last_poll_at),
            "last_poll_age_seconds": _age_or_none(self.last_poll_at),
        }


def health(engine: Engine) -> Health:
    """Whether the database answers, whether a daemon's scheduler beats, and when a tick
    last ended and a source was last polled."""
    try:
        with Session(engine) as session:
            session.execute(text("SELECT 1"))
            last = session.scalar(select(func.max(Source.last_polled_at)))
            scheduler = scheduler_state(session, utc_now())
    except Exception as error:
        reason = unavailable_reason(error)
        if reason is None:
            raise
        return Health(reason, "unknown", None, None)
    return Health("ok", scheduler.state, scheduler.last_tick_at, last)


def _by(
    session: Session, name: str, documentation: str, label: str, column: object
) -> GaugeMetricFamily:
    family = GaugeMetricFamily(name, documentation, labels=[label])
    for value, count in session.execute(select(column, func.count()).group_by(column)):  # type: ignore[call-overload]
        family.add_metric([str(value)], count)
    return family


def _age_or_none(moment: datetime | None) -> float | None:
    return None if moment is None else round(_age(moment), 1)


def _age(moment: datetime | None) -> float:
    if moment is None:
        return 0.0
    return max(0.0, (utc_now() - moment).total_seconds())
