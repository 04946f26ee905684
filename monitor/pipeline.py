"""The stages of one feed entry, in order (step 1 of a tick, ``monitor.tick``):

    watch pre-filter -> known URL? -> fetch page -> extract text -> watch confirm -> dedup, store

Each entry's article, watch matches and record are written in one transaction, so a crash
leaves an entry either fully processed or untouched (and polled again). A page that fails in a
way that may pass (timeout, network, 5xx, 429) leaves the entry waiting for the next poll, up
to MAX_PAGE_ATTEMPTS tries; a page that fails for good gives way to the feed's own text.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor import dedup
from monitor.errors import ExtractError, FetchError
from monitor.extraction import Extractor, document_from_feed
from monitor.fetch import Fetcher
from monitor.model import Document, Entry, Page
from monitor.store import articles
from monitor.store.db import write_engine
from monitor.watch import MatchText, Node, matches, parse_query, prefilter

log = logging.getLogger(__name__)

RETRIABLE_FETCH_KINDS = frozenset({"timeout", "network", "http_status"})
PERMANENT_STATUSES = frozenset({400, 401, 403, 404, 405, 410, 451})
MAX_PAGE_ATTEMPTS = 5  # then the feed's own text is used, rather than waiting forever


class Outcome(StrEnum):
    """What became of an entry; stored on its source_entries row."""

    STORED = "stored"  # matched a watch; article stored as an original
    DUPLICATE = "duplicate"  # matched a watch; stored as a copy of a held article
    NO_MATCH = "no_match"  # read, and no watch matched its text
    NO_TEXT = "no_text"  # neither the page nor the feed gave any text
    SKIPPED = "skipped"  # title and summary mention no watch term; not fetched
    KNOWN = "known"  # the corpus already holds this URL (canonical form); not fetched again
    RETRY = "retry"  # a passing failure; the next poll tries again


@dataclass(frozen=True, slots=True)
class Watch:
    name: str
    query: Node


def compile_watches(queries: Sequence[tuple[str, str]]) -> list[Watch]:
    """Return the watches with their queries parsed (they were checked at config load)."""
    return [Watch(name=name, query=parse_query(query)) for name, query in queries]


@dataclass(frozen=True, slots=True, kw_only=True)
class EntryContext:
    engine: Engine
    fetcher: Fetcher
    extractor: Extractor
    watches: Sequence[Watch]
    source_id: int
    fetch_all: bool
    stopping: asyncio.Event | None = None  # set on shutdown: start no new entry
    recheck_on_feed_change: bool = True  # an edited entry's article is fetched again
    # The feed's summary describes this very article (an RSS or Atom feed), rather than a
    # cluster of related headlines (a Google News search feed): it counts when matching.
    summary_describes_entry: bool = True


@dataclass(frozen=True, slots=True)
class _Text:
    document: Document | None
    page_error: str | None  # the fetch error kind when the page could not be used
    validators: tuple[str | None, str | None] | None = None  # the page's ETag, Last-Modified


class _TryAgain(Exception):
    def __init__(self, kind: str) -> None:
        self.kind = kind


async def process_entry(
    context: EntryContext, entry: Entry, *, failed_attempts: int = 0
) -> Outcome:
    """Take one feed entry through the stages and record the outcome."""
    if context.stopping is not None and context.stopping.is_set():
        return Outcome.RETRY  # nothing recorded: the next run picks it up
    candidates = [
        watch
        for watch in context.watches
        if context.fetch_all or prefilter(watch.query, title=entry.title, summary=entry.summary)
    ]
    if not candidates:
        return await _record(context, entry, Outcome.SKIPPED)
    held = await asyncio.to_thread(_held_url, context.engine, entry.url)
    if held is not None:
        return await _record(context, entry, Outcome.KNOWN, article_id=held)
    try:
        text = await _text(context, entry, last_try=failed_attempts + 1 >= MAX_PAGE_ATTEMPTS)
    except _TryAgain as error:
        return await _record(context, entry, Outcome.RETRY, error_kind=error.kind)
    if text.document is None:
        return await _record(context, entry, Outcome.NO_TEXT, error_kind=text.page_error)
    standfirst = entry.summary if context.summary_describes_entry else ""
    matched = _matching(candidates, text.document, standfirst)
    if not matched:
        return await _record(context, entry, Outcome.NO_MATCH, error_kind=text.page_error)
    return await asyncio.to_thread(_store, context, entry, text, matched)


async def _text(context: EntryContext, entry: Entry, *, last_try: bool) -> _Text:
    """Return the entry's text from its page, else from the feed; _TryAgain to wait."""
    try:
        page = await context.fetcher.get(entry.url)
        document = await context.extractor.extract(page.text, url=page.final_url)
        if document.published_at is None:
            # The page's own date is preferred; the feed's is the next best.
            dropped = document.published_dropped or entry.published_dropped
            document = dataclasses.replace(
                document,
                published_at=entry.published_at,
                published_dropped=dropped if entry.published_at is None else None,
            )
        return _Text(document, None, page_validators(page))
    except FetchError as error:
        extra = {"source": entry.source, "kind": error.kind}
        passing = error.kind in RETRIABLE_FETCH_KINDS and error.status not in PERMANENT_STATUSES
        if passing and not last_try:
            log.info("%s: will retry %s: %s", entry.source, entry.url, error, extra=extra)
            raise _TryAgain(error.kind) from error
        log.warning(
            "%s: using the feed's text for %s: %s", entry.source, entry.url, error, extra=extra
        )
        return _Text(document_from_feed(entry), error.kind)
    except ExtractError as error:
        log.info(
            "%s: %s: %s; using the feed's text until the page is tried again",
            entry.source,
            entry.url,
            error,
            extra={"source": entry.source},
        )
        return _Text(document_from_feed(entry), ExtractError.kind)


def page_validators(page: Page) -> tuple[str | None, str | None]:
    """Return what a conditional GET of the page sends back: its ETag and Last-Modified."""
    return page.headers.get("etag"), page.headers.get("last-modified")


def _matching(candidates: Sequence[Watch], document: Document, standfirst: str) -> list[str]:
    # The feed's summary is the outlet's own standfirst for the article: a watch term it
    # names ("the Ashfall ransomware gang") holds even when the body says "the attack".
    body = f"{standfirst}\n{document.text}" if standfirst else document.text
    text = MatchText.of(title=document.title or "", text=body)
    return [watch.name for watch in candidates if matches(watch.query, text)]


def _held_url(engine: Engine, url: str) -> int | None:
    with Session(engine) as session:
        held = dedup.held_url(session, url)
        return held.article_id if held else None


def _store(context: EntryContext, entry: Entry, text: _Text, watches: list[str]) -> Outcome:
    document = text.document
    assert document is not None  # checked by the caller
    # The feed's link is a key of the article too when it differs from the page's final URL:
    # a redirector, an AMP link, a Google News article link.
    aliases = [entry.url] if entry.url != document.url else []
    with Session(write_engine(context.engine)) as session, session.begin():
        decision = dedup.add_document(session, document, watches=watches, aliases=aliases)
        outcome = Outcome.DUPLICATE if decision.is_copy else Outcome.STORED
        articles.mark_entry(
            session,
            source_id=context.source_id,
            key=entry.key,
            url=entry.url,
            outcome=Outcome.KNOWN if not decision.stored else outcome,
            article_id=decision.article_id,
            error_kind=text.page_error,
            digest=entry.digest,
        )
        if decision.stored and not decision.is_copy and text.validators:
            articles.set_validators(session, decision.article_id, *text.validators)
    if decision.is_copy:
        log.info(
            "%s: %s is a %s duplicate of #%s (score %.2f)",
            entry.source,
            document.url,
            decision.kind,
            decision.duplicate_of,
            decision.score,
            extra={"source": entry.source},
        )
    return Outcome.KNOWN if not decision.stored else outcome


async def _record(
    context: EntryContext,
    entry: Entry,
    outcome: Outcome,
    *,
    error_kind: str | None = None,
    article_id: int | None = None,
) -> Outcome:
    def write() -> None:
        with Session(write_engine(context.engine)) as session, session.begin():
            articles.mark_entry(
                session,
                source_id=context.source_id,
                key=entry.key,
                url=entry.url,
                outcome=outcome,
                error_kind=error_kind,
                article_id=article_id,
                digest=entry.digest,
            )

    await asyncio.to_thread(write)
    return outcome
