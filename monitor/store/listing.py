"""Read-only views for `monitor sources` and `monitor articles` (the JSON of DESIGN.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from monitor.store.tables import Article, Source, SourceEntry, WatchMatch
from monitor.store.types import iso


@dataclass(frozen=True, slots=True, kw_only=True)
class SourceRow:
    name: str
    type: str
    url: str
    state: str  # "polling" (a daemon holds its lease), else "ok", "failing" or "new"
    failure_count: int
    last_error_kind: str | None
    last_polled_at: datetime | None
    next_poll_at: datetime | None
    entries: int
    # The daemon polling it and when its lease runs out; a lease left by a daemon that died
    # shows until it is taken over ("polling" only while it has not expired).
    lease_owner: str | None
    lease_expires_at: datetime | None
    # As the daemon last judged it (monitor.sources.health): "ok", "failing" or "silent".
    health: str = "ok"

    def to_json(self) -> dict[str, object]:
        row = asdict(self)
        for name in ("last_polled_at", "next_poll_at", "lease_expires_at"):
            row[name] = iso(row[name])
        return row


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRow:
    id: int
    url: str
    canonical_url: str
    title: str | None
    source: str | None
    site: str | None
    published_at: datetime | None
    fetched_at: datetime
    language: str | None
    matched_watches: list[str]
    duplicate_of: int | None
    duplicate_kind: str | None
    duplicate_score: float | None
    # For an original: the sites of its text and near copies. Copies are not independent
    # reports, so they are counted apart from them.
    also_published_by: list[str]

    def to_json(self) -> dict[str, object]:
        row = asdict(self)
        row["published_at"], row["fetched_at"] = iso(self.published_at), iso(self.fetched_at)
        return row


def poll_state(last_polled_at: datetime | None, failure_count: int) -> str:
    """A source's state from its last poll: "new" (never polled), "failing" or "ok"."""
    if last_polled_at is None:
        return "new"
    return "failing" if failure_count else "ok"


def list_sources(session: Session, names: list[str], *, now: datetime) -> list[SourceRow]:
    """Return the configured sources with their poll state, in configuration order."""
    entries = dict(
        session.execute(
            select(SourceEntry.source_id, func.count()).group_by(SourceEntry.source_id)
        ).all()
    )
    rows = {row.name: row for row in session.scalars(select(Source).where(Source.name.in_(names)))}
    listed = []
    for name in names:
        row = rows.get(name)
        if row is None:
            continue
        state = poll_state(row.last_polled_at, row.failure_count)
        leased = row.lease_owner is not None and row.lease_expires_at is not None
        if leased and row.lease_expires_at is not None and row.lease_expires_at >= now:
            state = "polling"
        listed.append(
            SourceRow(
                name=row.name,
                type=row.type,
                url=row.url,
                state=state,
                failure_count=row.failure_count,
                last_error_kind=row.last_error_kind,
                last_polled_at=row.last_polled_at,
                next_poll_at=row.next_poll_at,
                entries=int(entries.get(row.id, 0)),
                lease_owner=row.lease_owner if leased else None,
                lease_expires_at=row.lease_expires_at if leased else None,
                health=row.health,
            )
        )
    return listed


def list_articles(
    session: Session, *, limit: int = 100, duplicates: bool = False, before_id: int | None = None
) -> list[ArticleRow]:
    """Return the newest stored articles (or only the copies) with their watches and source,
    newest first; with ``before_id``, the next ones older than that article (keyset
    pagination: ``monitor articles --json`` reads every article a page at a time)."""
    query = select(Article).where(*_articles_in(duplicates)).order_by(Article.id.desc())
    if before_id is not None:
        query = query.where(Article.id < before_id)
    articles = list(session.scalars(query.limit(limit)))
    ids = [article.id for article in articles]
    copies: dict[int, list[str]] = {}
    for original_id, site, url in session.execute(
        select(Article.duplicate_of, Article.site, Article.url)
        .where(Article.duplicate_of.in_(ids), Article.duplicate_kind != "url")
        .order_by(Article.id)
    ):
        name = site or urlsplit(url).hostname or url
        if original_id is not None and name not in copies.setdefault(original_id, []):
            copies[original_id].append(name)
    watches: dict[int, list[str]] = {}
    for article_id, watch in session.execute(
        select(WatchMatch.article_id, WatchMatch.watch)
        .where(WatchMatch.article_id.in_(ids))
        .order_by(WatchMatch.watch)
    ):
        watches.setdefault(article_id, []).append(watch)
    sources = dict(
        session.execute(
            select(SourceEntry.article_id, func.min(Source.name))
            .join(Source, Source.id == SourceEntry.source_id)
            .where(SourceEntry.article_id.in_(ids))
            .group_by(SourceEntry.article_id)
        ).all()
    )
    return [
        ArticleRow(
            id=a.id,
            url=a.url,
            canonical_url=a.canonical_url,
            title=a.title,
            source=sources.get(a.id),
            site=a.site,
            published_at=a.published_at,
            fetched_at=a.fetched_at,
            language=a.language,
            matched_watches=watches.get(a.id, []),
            duplicate_of=a.duplicate_of,
            duplicate_kind=a.duplicate_kind,
            duplicate_score=a.duplicate_score,
            also_published_by=copies.get(a.id, []),
        )
        for a in articles
    ]


def count_articles(session: Session, *, duplicates: bool = False) -> int:
    """Return how many articles ``list_articles`` would list without a limit."""
    query = select(func.count()).select_from(Article).where(*_articles_in(duplicates))
    return session.scalar(query) or 0


def _articles_in(duplicates: bool) -> list[ColumnElement[bool]]:
    return [Article.duplicate_of.is_not(None)] if duplicates else []
