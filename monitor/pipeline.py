"""The one place that orders the stages for a feed entry:

    watch pre-filter -> known URL? -> fetch page -> extract text -> watch confirm -> store

Each entry's article, watch matches and "seen" mark are written in one transaction, so a
crash leaves an entry either fully processed or untouched (and polled again).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.errors import ExtractError, FetchError
from monitor.extraction import Extractor, document_from_feed
from monitor.fetch import Fetcher
from monitor.model import Document, Entry
from monitor.store import articles
from monitor.watch import MatchText, Node, matches, parse_query, prefilter

log = logging.getLogger(__name__)

# Failures worth another try at the next poll; the others fall back to the feed's own text.
RETRIABLE_FETCH_KINDS = frozenset({"timeout", "network", "http_status"})
PERMANENT_STATUSES = frozenset({401, 403, 404, 410, 451})


class Outcome(StrEnum):
    """What became of an entry; stored on its source_entries row."""

    STORED = "stored"  # matched a watch; article stored
    NO_MATCH = "no_match"  # fetched and read, no watch matched its text
    SKIPPED = "skipped"  # title and summary mention no watch term; not fetched
    KNOWN = "known"  # the corpus already holds this URL; not fetched again
    NO_TEXT = "no_text"  # neither the page nor the feed gave any text
    RETRY = "retry"  # a passing failure; left unseen so the next poll tries again


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


async def process_entry(context: EntryContext, entry: Entry) -> Outcome:
    """Take one feed entry through the stages and record the outcome."""
    if context.stopping is not None and context.stopping.is_set():
        return Outcome.RETRY  # not marked seen: the next run picks it up
    candidates = [
        w
        for w in context.watches
        if context.fetch_all or prefilter(w.query, title=entry.title, summary=entry.summary)
    ]
    if not candidates:
        await _record(context, entry, Outcome.SKIPPED)
        return Outcome.SKIPPED
    if await asyncio.to_thread(_known_url, context.engine, entry.url):
        await _record(context, entry, Outcome.KNOWN)
        return Outcome.KNOWN
    try:
        document = await _document(context, entry)
    except _TryAgain:
        return Outcome.RETRY
    if document is None:
        await _record(context, entry, Outcome.NO_TEXT)
        return Outcome.NO_TEXT
    matched = _matching(candidates, document)
    if not matched:
        await _record(context, entry, Outcome.NO_MATCH)
        return Outcome.NO_MATCH
    await asyncio.to_thread(_store, context, entry, document, matched)
    return Outcome.STORED


class _TryAgain(Exception):
    """The page failed in a way that may pass; leave the entry for the next poll."""


async def _document(context: EntryContext, entry: Entry) -> Document | None:
    """Return the entry's text from its page, else from the feed (None: no text anywhere)."""
    try:
        page = await context.fetcher.get(entry.url)
        return await context.extractor.extract(page.text, url=page.final_url)
    except FetchError as error:
        permanent = error.kind not in RETRIABLE_FETCH_KINDS or error.status in PERMANENT_STATUSES
        log.warning(
            "%s: page %s", entry.source, error, extra={"source": entry.source, "kind": error.kind}
        )
        if not permanent:
            raise _TryAgain from error
    except ExtractError as error:
        log.info("%s: %s: %s", entry.source, entry.url, error, extra={"source": entry.source})
    # The page gave nothing usable for good: the feed's own content is the best text there is.
    return document_from_feed(entry)


def _matching(candidates: Sequence[Watch], document: Document) -> list[str]:
    text = MatchText.of(title=document.title or "", text=document.text)
    return [watch.name for watch in candidates if matches(watch.query, text)]


def _known_url(engine: Engine, url: str) -> bool:
    with Session(engine) as session:
        return articles.article_id_for_url(session, url) is not None


def _store(context: EntryContext, entry: Entry, document: Document, watches: list[str]) -> None:
    with Session(context.engine) as session, session.begin():
        article_id = articles.add_article(session, document, watches=watches)
        articles.mark_entry(
            session,
            source_id=context.source_id,
            key=entry.key,
            url=entry.url,
            outcome=Outcome.STORED,
            article_id=article_id,
        )


async def _record(context: EntryContext, entry: Entry, outcome: Outcome) -> None:
    def write() -> None:
        with Session(context.engine) as session, session.begin():
            articles.mark_entry(
                session, source_id=context.source_id, key=entry.key, url=entry.url, outcome=outcome
            )

    await asyncio.to_thread(write)
