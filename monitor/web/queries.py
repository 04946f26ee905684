"""What the web view reads: one function per page, each a few indexed queries.

Listings that grow without bound are paged with a cursor, the last row a page showed:
alerts on their id (one index range scan however deep), figures on the publication order
`monitor figures --json` prints them in (``store.figures.list_figures``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from monitor.sources.health import HealthRule, is_silent
from monitor.store.alerts import AlertRow, DeliveryRow, list_alerts
from monitor.store.figures import FigureRow, figure_row, list_figures
from monitor.store.listing import poll_state
from monitor.store.sources import recent_arrivals
from monitor.store.tables import Alert, Article, Source, SourceEntry, WatchMatch
from monitor.store.tables import Figure as StoredFigure
from monitor.store.types import iso, utc_now

# Statuses of a figure that give a measure a value of its own: its first, or a change
# ("second_value": a change, as figures stored before 2026-12-06 call it).
DISTINCT = ("new_measure", "changed_figure", "second_value")


@dataclass(frozen=True, slots=True)
class Page:
    """Rows of a listing and the cursor of the next page (None on the last)."""

    items: list[Any]
    next_cursor: int | None


@dataclass(frozen=True, slots=True, kw_only=True)
class MeasureSummary:
    measure: str
    latest: FigureRow  # the measure's latest new or changed value
    values: int  # distinct values so far
    reports: int  # figures read for it, repeats included
    alerts: int

    def to_json(self) -> dict[str, object]:
        return {
            "measure": self.measure,
            "latest": self.latest.to_json(),
            "values": self.values,
            "reports": self.reports,
            "alerts": self.alerts,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class WatchSummary:
    name: str
    query: str
    articles: int
    measures: int
    alerts: int
    last_change: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "query": self.query,
            "articles": self.articles,
            "measures": self.measures,
            "alerts": self.alerts,
            "last_change": iso(self.last_change),
        }


def watch_summaries(session: Session, watches: Sequence[tuple[str, str]]) -> list[WatchSummary]:
    """Return each configured watch (name, query) with what the database holds for it."""
    names = [name for name, _ in watches]
    articles = _counts(session, WatchMatch.watch, names)
    alerts = _counts(session, Alert.watch, names)
    measures = dict(
        session.execute(
            select(StoredFigure.watch, func.count(func.distinct(StoredFigure.measure)))
            .where(StoredFigure.watch.in_(names), StoredFigure.status.in_(DISTINCT))
            .group_by(StoredFigure.watch)
        ).all()
    )
    changes = dict(
        session.execute(
            select(StoredFigure.watch, func.max(Article.published_at))
            .join(Article, Article.id == StoredFigure.article_id)
            .where(StoredFigure.watch.in_(names), StoredFigure.status.in_(DISTINCT))
            .group_by(StoredFigure.watch)
        ).all()
    )
    return [
        WatchSummary(
            name=name,
            query=query,
            articles=articles.get(name, 0),
            measures=int(measures.get(name, 0)),
            alerts=alerts.get(name, 0),
            last_change=changes.get(name),
        )
        for name, query in watches
    ]


def measure_summaries(session: Session, watch: str) -> list[MeasureSummary]:
    """Return the measures of ``watch``, the most recently changed first: grouped in SQL on
    the (watch, measure) index, then the latest value of each read by id. Figures are decided
    in publication order, so a measure's last decided value is its latest."""
    counts = {
        measure: (int(reports), int(values or 0), int(latest))
        for measure, reports, values, latest in session.execute(
            select(
                StoredFigure.measure,
                func.count(),
                func.sum(case((StoredFigure.status.in_(DISTINCT), 1), else_=0)),
                func.max(case((StoredFigure.status.in_(DISTINCT), StoredFigure.id))),
            )
            .where(StoredFigure.watch == watch)
            .group_by(StoredFigure.measure)
        )
        if latest is not None
    }
    alerts = dict(
        session.execute(
            select(Alert.measure, func.count()).where(Alert.watch == watch).group_by(Alert.measure)
        ).all()
    )
    latest_ids = [latest for _, _, latest in counts.values()]
    rows = {
        figure.id: figure_row(figure, url, site, published_at)
        for figure, url, site, published_at in session.execute(
            select(StoredFigure, Article.url, Article.site, Article.published_at)
            .join(Article, Article.id == StoredFigure.article_id)
            .where(StoredFigure.id.in_(latest_ids))
        )
    }
    summaries = [
        MeasureSummary(
            measure=measure,
            latest=rows[latest],
            values=values,
            reports=reports,
            alerts=int(alerts.get(measure, 0)),
        )
        for measure, (reports, values, latest) in counts.items()
    ]
    return sorted(summaries, key=lambda summary: summary.latest.id, reverse=True)


def measure_figures(
    session: Session, *, watch: str, measure: str, newest: int
) -> tuple[list[FigureRow], bool]:
    """Return the newest ``newest`` figures of a measure, oldest first, and whether older
    ones were left out."""
    found = [
        figure_row(figure, url, site, published_at)
        for figure, url, site, published_at in session.execute(
            select(StoredFigure, Article.url, Article.site, Article.published_at)
            .join(Article, Article.id == StoredFigure.article_id)
            .where(StoredFigure.watch == watch, StoredFigure.measure == measure)
            .order_by(StoredFigure.id.desc())
            .limit(newest + 1)
        )
    ]
    return found[:newest][::-1], len(found) > newest


def figures_page(
    session: Session,
    *,
    watch: str | None,
    measure: str | None,
    after: int | None,
    limit: int,
) -> Page:
    """Return stored figures in the order `monitor figures --json` prints them (publication
    order), the page after figure id ``after``; LookupError when that figure is gone."""
    rows = list_figures(session, watch=watch, measure=measure, limit=limit + 1, after_id=after)
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, rows[-1].id if more and rows else None)


@dataclass(frozen=True, slots=True, kw_only=True)
class AlertListing:
    alert: AlertRow
    state: str  # "delivered", "pending", "pending digest", "failed" or "no notifier"

    def to_json(self) -> dict[str, object]:
        return {**self.alert.to_json(), "state": self.state}


def alerts_page(session: Session, *, before: int | None, limit: int) -> Page:
    """Return alerts newest first, those older than alert id ``before``."""
    alerts = list_alerts(session, limit=limit + 1, before_id=before)
    items = [AlertListing(alert=alert, state=_alert_state(alert.deliveries)) for alert in alerts]
    more = len(items) > limit
    items = items[:limit]
    return Page(items, items[-1].alert.id if more and items else None)


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleDetail:
    id: int
    url: str
    title: str | None
    site: str | None
    published_at: datetime | None
    fetched_at: datetime
    text: str
    watches: list[str]
    duplicate_of: int | None
    duplicate_kind: str | None
    duplicate_score: float | None
    original_title: str | None
    copies: list[tuple[int, str | None, str]]  # id, site, kind of each stored copy of it
    figures: list[FigureRow] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "url": self.url,
            "title": self.title,
            "site": self.site,
            "published_at": iso(self.published_at),
            "fetched_at": iso(self.fetched_at),
            "text": self.text,
            "watches": self.watches,
            "dedup": {
                "duplicate_of": self.duplicate_of,
                "kind": self.duplicate_kind,
                "score": self.duplicate_score,
                "copies": [
                    {"id": copy_id, "site": site, "kind": kind}
                    for copy_id, site, kind in self.copies
                ],
            },
            "figures": [row.to_json() for row in self.figures],
        }


def article_detail(session: Session, article_id: int) -> ArticleDetail | None:
    article = session.get(Article, article_id)
    if article is None:
        return None
    original = session.get(Article, article.duplicate_of) if article.duplicate_of else None
    copies = [
        (copy_id, site, kind or "")
        for copy_id, site, kind in session.execute(
            select(Article.id, Article.site, Article.duplicate_kind)
            .where(Article.duplicate_of == article.id)
            .order_by(Article.id)
        )
    ]
    watches = list(
        session.scalars(
            select(WatchMatch.watch)
            .where(WatchMatch.article_id == article.id)
            .order_by(WatchMatch.watch)
        )
    )
    figures = [
        figure_row(figure, article.url, article.site, article.published_at)
        for figure in session.scalars(
            select(StoredFigure)
            .where(StoredFigure.article_id == article.id)
            .order_by(StoredFigure.watch, StoredFigure.span_start, StoredFigure.id)
        )
    ]
    return ArticleDetail(
        id=article.id,
        url=article.url,
        title=article.title,
        site=article.site,
        published_at=article.published_at,
        fetched_at=article.fetched_at,
        text=article.text,
        watches=watches,
        duplicate_of=article.duplicate_of,
        duplicate_kind=article.duplicate_kind,
        duplicate_score=article.duplicate_score,
        original_title=original.title if original is not None else None,
        copies=copies,
        figures=figures,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceHealth:
    name: str
    type: str
    url: str
    state: str  # "ok", "failing", "silent" (no new item for long: monitor.sources.health), "new"
    failure_count: int
    last_error_kind: str | None
    last_polled_at: datetime | None
    last_success_at: datetime | None
    last_new_item_at: datetime | None
    next_poll_at: datetime | None
    items: int
    items_per_day: float | None
    # As the daemon last judged it and told the operator (monitor.alerts.sources).
    health: str = "ok"
    health_since: datetime | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "name": self.name,
            "type": self.type,
            "url": self.url,
            "state": self.state,
            "failure_count": self.failure_count,
            "last_error_kind": self.last_error_kind,
            "last_polled_at": iso(self.last_polled_at),
            "last_success_at": iso(self.last_success_at),
            "last_new_item_at": iso(self.last_new_item_at),
            "next_poll_at": iso(self.next_poll_at),
            "items": self.items,
            "items_per_day": self.items_per_day,
            "health": self.health,
            "health_since": iso(self.health_since),
        }


def source_health(
    session: Session, names: Sequence[str], rule: HealthRule | None = None
) -> list[SourceHealth]:
    """Return the configured sources with their poll state and how often they bring items."""
    rows = {row.name: row for row in session.scalars(select(Source).where(Source.name.in_(names)))}
    # An entry waiting for a retry is seen again at each poll: no new item.
    seen = {
        source_id: (count, first, last)
        for source_id, count, first, last in session.execute(
            select(
                SourceEntry.source_id,
                func.count(),
                func.min(SourceEntry.seen_at),
                func.max(SourceEntry.seen_at),
            )
            .where(
                SourceEntry.source_id.in_([row.id for row in rows.values()]),
                SourceEntry.outcome != "retry",
            )
            .group_by(SourceEntry.source_id)
        )
    }
    arrivals = recent_arrivals(session, [row.id for row in rows.values()])
    now = utc_now()
    health = []
    for name in names:
        row = rows.get(name)
        if row is None:
            continue
        count, first, last = seen.get(row.id, (0, None, None))
        days = (last - first).total_seconds() / 86400 if first and last else 0.0
        silent = is_silent(arrivals.get(row.id, []), now, rule)
        health.append(
            SourceHealth(
                name=row.name,
                type=row.type,
                url=row.url,
                state=_state(row, silent=silent),
                failure_count=row.failure_count,
                last_error_kind=row.last_error_kind,
                last_polled_at=row.last_polled_at,
                last_success_at=row.last_success_at,
                last_new_item_at=last,
                next_poll_at=row.next_poll_at,
                items=int(count),
                items_per_day=round(count / days, 1) if days >= 1 else None,
                health=row.health,
                health_since=row.health_since,
            )
        )
    return health


def _state(row: Source, *, silent: bool) -> str:
    state = poll_state(row.last_polled_at, row.failure_count)
    return "silent" if silent and state == "ok" else state


def _counts(session: Session, column: Any, names: list[str]) -> dict[str, int]:
    return {
        name: int(count)
        for name, count in session.execute(
            select(column, func.count()).where(column.in_(names)).group_by(column)
        )
    }


def _alert_state(deliveries: list[DeliveryRow]) -> str:
    if not deliveries:
        return "no notifier"
    if any(d.status == "failed" for d in deliveries):
        return "failed"
    if all(d.status == "sent" for d in deliveries):
        return "delivered"
    if any(d.status == "pending" and d.digest for d in deliveries):
        return "pending digest"
    return "pending"
