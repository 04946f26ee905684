"""Article rows and the record of which feed entries were already processed."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.model import Document
from monitor.store.tables import Article, SourceEntry, WatchMatch
from monitor.store.types import utc_now


def url_hash(url: str) -> str:
    """Return the indexed key of a URL."""
    return hashlib.sha256(url.encode("utf-8")).hexdigest()


def text_hash(text: str) -> str:
    """Return the hash of an article's text with white space folded."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def seen_entry_keys(session: Session, source_id: int, keys: Sequence[str]) -> set[str]:
    """Return which of ``keys`` this source already processed."""
    if not keys:
        return set()
    query = select(SourceEntry.entry_key).where(
        SourceEntry.source_id == source_id, SourceEntry.entry_key.in_(keys)
    )
    return set(session.scalars(query))


def article_id_for_url(session: Session, url: str) -> int | None:
    """Return the id of the first stored article at ``url``, if any."""
    query = (
        select(Article.id)
        .where(Article.url_hash == url_hash(url), Article.url == url)
        .order_by(Article.id)
        .limit(1)
    )
    return session.scalar(query)


def mark_entry(
    session: Session,
    *,
    source_id: int,
    key: str,
    url: str,
    outcome: str,
    article_id: int | None = None,
) -> None:
    """Record that a source's entry was processed, and with what outcome."""
    session.add(
        SourceEntry(
            source_id=source_id, entry_key=key, url=url, outcome=outcome, article_id=article_id
        )
    )


def add_article(
    session: Session,
    document: Document,
    *,
    watches: Iterable[str],
    fetched_at: datetime | None = None,
) -> int:
    """Store an article with the watches it matched; return its id."""
    article = Article(
        url=document.url,
        canonical_url=document.url,
        url_hash=url_hash(document.url),
        text_hash=text_hash(document.text),
        title=document.title,
        text=document.text,
        author=document.author,
        site=document.site,
        language=document.language,
        published_at=document.published_at,
        fetched_at=fetched_at or utc_now(),
        content_origin=document.origin,
    )
    session.add(article)
    session.flush()
    session.add_all(WatchMatch(article_id=article.id, watch=watch) for watch in watches)
    return article.id
