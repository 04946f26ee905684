"""Article rows and the record of which feed entries were already processed."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from monitor.model import Document
from monitor.store.tables import Article, SourceEntry, WatchMatch
from monitor.store.types import utc_now


def url_hash(url: str) -> str:
    """Return the indexed key of a URL."""
    return hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()


RETRY = "retry"  # pipeline.Outcome values, which this module cannot import
STORED = "stored"


@dataclass(frozen=True, slots=True)
class EntryHistory:
    """What a source's earlier polls did with some entries."""

    processed: frozenset[str]  # keys done for good: never processed again
    failed_attempts: Mapping[str, int]  # keys waiting for a retry -> tries so far
    # Processed keys -> (the digest of what the feed said then, the original stored for it)
    stored: Mapping[str, tuple[str | None, int | None]] = field(default_factory=dict)


def entry_history(session: Session, source_id: int, keys: Sequence[str]) -> EntryHistory:
    """Return which of ``keys`` were processed and which wait for another try."""
    if not keys:
        return EntryHistory(frozenset(), {})
    query = select(
        SourceEntry.entry_key,
        SourceEntry.outcome,
        SourceEntry.attempts,
        SourceEntry.entry_digest,
        SourceEntry.article_id,
    ).where(SourceEntry.source_id == source_id, SourceEntry.entry_key.in_(keys))
    processed, failed, stored = set(), {}, {}
    for key, outcome, attempts, digest, article_id in session.execute(query):
        if outcome == RETRY:
            failed[key] = attempts
        else:
            processed.add(key)
            stored[key] = (digest, article_id if outcome == STORED else None)
    return EntryHistory(frozenset(processed), failed, stored)


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
    error_kind: str | None = None,
    digest: str | None = None,
) -> None:
    """Record what became of a source's entry; a retry counts one more attempt. ``digest``
    is ``Entry.digest``: what the feed said of it."""
    row = session.get(SourceEntry, (source_id, key))
    if row is None:
        session.add(
            SourceEntry(
                source_id=source_id,
                entry_key=key,
                url=url,
                outcome=outcome,
                article_id=article_id,
                error_kind=error_kind,
                attempts=1,
                entry_digest=digest,
            )
        )
        return
    row.outcome, row.article_id, row.error_kind = outcome, article_id, error_kind
    row.attempts += 1
    row.seen_at = utc_now()
    row.entry_digest = digest or row.entry_digest


def set_validators(
    session: Session, article_id: int, etag: str | None, last_modified: str | None
) -> None:
    """Keep the page's validators, for a conditional GET when the article is rechecked."""
    session.execute(
        update(Article)
        .where(Article.id == article_id)
        .values(page_etag=etag, page_last_modified=last_modified)
        .execution_options(synchronize_session=False)
    )


def note_entry_digest(session: Session, *, source_id: int, key: str, digest: str) -> None:
    """Record what the feed now says of an entry already processed."""
    session.execute(
        update(SourceEntry)
        .where(SourceEntry.source_id == source_id, SourceEntry.entry_key == key)
        .values(entry_digest=digest)
    )


def add_article(
    session: Session,
    document: Document,
    *,
    watches: Iterable[str],
    canonical_url: str,
    text_hash: str | None,
    duplicate: tuple[int, str, float] | None = None,
    fetched_at: datetime | None = None,
) -> int:
    """Store an article with the watches it matched; return its id.

    ``duplicate`` is (original id, kind, score) for a copy; the dedup stage decides it.
    """
    duplicate_of, duplicate_kind, duplicate_score = duplicate or (None, None, None)
    article = Article(
        url=document.url,
        canonical_url=canonical_url,
        url_hash=url_hash(document.url),
        text_hash=text_hash,
        title=document.title,
        text=document.text,
        author=document.author,
        site=document.site,
        language=document.language,
        published_at=document.published_at,
        published_dropped=document.published_dropped,
        fetched_at=fetched_at or utc_now(),
        content_origin=document.origin,
        duplicate_of=duplicate_of,
        duplicate_kind=duplicate_kind,
        duplicate_score=duplicate_score,
    )
    session.add(article)
    session.flush()
    session.add_all(WatchMatch(article_id=article.id, watch=watch) for watch in watches)
    return article.id


PUBLISHED = func.coalesce(Article.published_at, Article.fetched_at)
# Publication order: when an article came out (fetched, when it carries no date), then its
# canonical URL, so that two versions of one minute are ordered the same in every run
# whichever arrived first; never the id, which is arrival order.
PUBLICATION_ORDER = (PUBLISHED, Article.canonical_url)


def publication_keys(
    session: Session, article_ids: Collection[int]
) -> dict[int, tuple[datetime, str]]:
    """Return each article's place in publication order: (published or fetched, canonical URL)."""
    if not article_ids:
        return {}
    query = select(Article.id, PUBLISHED, Article.canonical_url).where(
        Article.id.in_(sorted(article_ids))
    )
    return {row[0]: (row[1], row[2]) for row in session.execute(query)}


def original_of(session: Session, article_id: int) -> int:
    """Return the original an article stands for: itself, or the article it copies."""
    duplicate_of = session.scalar(select(Article.duplicate_of).where(Article.id == article_id))
    return duplicate_of or article_id


def reparent(session: Session, *, former: int, original: int, kind: str, score: float) -> None:
    """Make ``original`` the original of ``former``'s cluster: ``former`` and every copy of it
    become copies of ``original``, the former original with ``kind`` and ``score``."""
    session.execute(
        update(Article)
        .where(Article.duplicate_of == former)
        .values(duplicate_of=original)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Article)
        .where(Article.id == former)
        .values(duplicate_of=original, duplicate_kind=kind, duplicate_score=score)
        .execution_options(synchronize_session=False)
    )
