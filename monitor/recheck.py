"""Rechecks: an article edited in place becomes a new version, and its figures are read again.

Outlets update a developing story under the same URL: a toll raised, a correction. A stored
original (not a copy, not an import) is fetched again, with a conditional GET on the page's
ETag and Last-Modified:

- when its feed entry changes (title, summary, content or updated date: ``Entry.digest``),
  in the poll that sees the change (``[recheck] on_feed_change``);
- on a slower schedule while it is young: every ``[recheck] every`` during ``window`` after
  publication, at most ``per_tick`` articles a tick, the longest waiting first.

An article stored with its feed entry's text because its page failed (a crashed extraction,
a server error on the last try) is the page's stand-in, not its text: it is rechecked on the
same schedule, the first time sooner (``FEED_TEXT_RETRY``), and the page's text, once it
comes, is its next version, read and alerted on as any edit.

When the extracted text differs from the stored one (its normalised-word hash), the stored
text is kept in ``article_versions``, the article takes the new text and version number and
becomes pending again, and the tick's figures pass reads it as any other article: values it
already gave repeat silently, and a value that changed alerts through the normal novelty
rules, with what the article said before beside it ("it now says 3,000; it said 1,500 at
10:40"); a value lower than the article's own earlier one is a correction. A copy of the
article and its watch matches stay as they were.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, and_, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from monitor.dedup.features import text_hash
from monitor.errors import ExtractError, FetchError
from monitor.extraction import Extractor
from monitor.fetch import Fetcher
from monitor.model import Document
from monitor.pipeline import page_validators
from monitor.store.db import write_engine
from monitor.store.tables import Article, ArticleVersion
from monitor.store.types import utc_now

log = logging.getLogger(__name__)

FEED_CHANGED = "feed entry changed"
SCHEDULED = "scheduled"
FEED_TEXT_RETRY = timedelta(minutes=30)  # before the first retry of a page that gave no text


@dataclass(frozen=True, slots=True)
class Recheck:
    """What one recheck found."""

    article_id: int
    reason: str  # FEED_CHANGED or SCHEDULED
    outcome: str  # "updated", "unchanged", "not_modified", "failed" or "skipped"
    version: int = 1  # the article's version after the recheck
    error_kind: str | None = None


@dataclass(frozen=True, slots=True)
class _Held:
    url: str
    version: int
    text_hash: str | None
    etag: str | None
    last_modified: str | None
    rechecked: bool  # an original from its page, or its feed's stand-in: the kinds rechecked


async def recheck_article(
    engine: Engine, fetcher: Fetcher, extractor: Extractor, article_id: int, *, reason: str
) -> Recheck:
    """Fetch an article's page again; store a new version when its text changed."""
    held = await asyncio.to_thread(_held, engine, article_id)
    if held is None or not held.rechecked:
        return Recheck(article_id, reason, "skipped")
    headers = {}
    if held.etag:
        headers["if-none-match"] = held.etag
    if held.last_modified:
        headers["if-modified-since"] = held.last_modified
    try:
        page = await fetcher.get(held.url, headers=headers)
        if page.status == 304:
            await asyncio.to_thread(_looked, engine, article_id)
            return Recheck(article_id, reason, "not_modified", held.version)
        document = await extractor.extract(page.text, url=page.final_url)
    except (FetchError, ExtractError) as error:
        log.info("recheck of #%s (%s) failed: %s", article_id, held.url, error)
        await asyncio.to_thread(_looked, engine, article_id)
        return Recheck(article_id, reason, "failed", held.version, error.kind)
    new_hash = text_hash(document.text)
    if new_hash is None or new_hash == held.text_hash:
        await asyncio.to_thread(_looked, engine, article_id, page_validators(page))
        return Recheck(article_id, reason, "unchanged", held.version)
    version = await asyncio.to_thread(
        _new_version, engine, article_id, held.version, document, new_hash, page_validators(page)
    )
    if version is None:  # another daemon stored this change first
        return Recheck(article_id, reason, "unchanged", held.version + 1)
    log.info("article #%s (%s) was edited: version %d (%s)", article_id, held.url, version, reason)
    return Recheck(article_id, reason, "updated", version)


def claim_due_rechecks(
    engine: Engine, *, window: float, every: float, limit: int, now: datetime | None = None
) -> list[int]:
    """Return up to ``limit`` originals due a scheduled recheck, marked as looked at now so
    that another daemon does not take them too; the longest waiting first."""
    if limit <= 0:
        return []
    now = now or utc_now()
    last_look = func.coalesce(Article.rechecked_at, Article.updated_at, Article.fetched_at)
    young = now - timedelta(seconds=window)
    page_every = timedelta(seconds=every)
    due = and_(
        # An article published inside the window was fetched inside it too: this bound is
        # the indexed one, and the next line the exact test.
        Article.fetched_at >= young,
        Article.duplicate_of.is_(None),
        func.coalesce(Article.published_at, Article.fetched_at) >= young,
        or_(
            and_(Article.content_origin.in_(("page", "feed")), last_look <= now - page_every),
            # A stand-in's page is tried again soon, once; a page gone for good (a 404, a
            # paywall's few lines) is then asked no more often than any other.
            and_(
                Article.content_origin == "feed",
                Article.rechecked_at.is_(None),
                Article.fetched_at <= now - min(page_every, FEED_TEXT_RETRY),
            ),
        ),
    )
    with Session(write_engine(engine)) as session, session.begin():
        candidates = list(
            session.scalars(
                select(Article.id).where(due).order_by(last_look, Article.id).limit(limit)
            )
        )
        if not candidates:
            return []
        claimed = session.scalars(
            update(Article)
            .where(Article.id.in_(candidates), due)
            .values(rechecked_at=now)
            .returning(Article.id)
            .execution_options(synchronize_session=False)
        )
        return sorted(claimed)


def _held(engine: Engine, article_id: int) -> _Held | None:
    with Session(engine) as session:
        row = session.get(Article, article_id)
        if row is None:
            return None
        return _Held(
            url=row.url,
            version=row.version,
            text_hash=row.text_hash,
            etag=row.page_etag,
            last_modified=row.page_last_modified,
            rechecked=row.duplicate_of is None and row.content_origin in ("page", "feed"),
        )


def _looked(
    engine: Engine, article_id: int, validators: tuple[str | None, str | None] | None = None
) -> None:
    values: dict[str, object] = {"rechecked_at": utc_now()}
    if validators is not None:
        values["page_etag"], values["page_last_modified"] = validators
    with Session(write_engine(engine)) as session, session.begin():
        session.execute(
            update(Article)
            .where(Article.id == article_id)
            .values(**values)
            .execution_options(synchronize_session=False)
        )


def _new_version(
    engine: Engine,
    article_id: int,
    version: int,
    document: Document,
    new_hash: str,
    validators: tuple[str | None, str | None],
) -> int | None:
    """Keep the stored text as a version and take the new one; None if the article is no
    longer at ``version`` (another daemon's recheck came first)."""
    now = utc_now()
    try:
        with Session(write_engine(engine)) as session, session.begin():
            row = session.get(Article, article_id)
            if row is None or row.version != version:
                return None
            # The key (article, version) is the guard: a second daemon storing the same
            # change at the same moment fails here and leaves the first one's version.
            session.add(
                ArticleVersion(
                    article_id=article_id,
                    version=row.version,
                    fetched_at=row.updated_at or row.fetched_at,
                    text_hash=row.text_hash,
                    title=row.title,
                    text=row.text,
                )
            )
            session.flush()
            row.text = document.text
            row.content_origin = document.origin  # the feed's stand-in gives way to the page
            row.title = document.title or row.title
            row.text_hash = new_hash
            row.version = version + 1
            row.updated_at = row.rechecked_at = now
            row.page_etag, row.page_last_modified = validators
            row.figures_decided_at = None
    except IntegrityError:
        return None
    return version + 1
