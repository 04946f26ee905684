"""Poll one source: conditional GET of its feed, new entries through the pipeline, outcome saved.

The scheduler decides *when*; this decides nothing about timing except the next poll time,
which it stores on the source row (interval with jitter, backoff after failures).
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.config import SourceSettings
from monitor.dedup.urls import url_key
from monitor.errors import FetchError
from monitor.model import Entry
from monitor.pipeline import EntryContext, Outcome, process_entry
from monitor.recheck import FEED_CHANGED, recheck_article
from monitor.sources import schedule
from monitor.sources.feed import FeedError, parse_feed
from monitor.store import articles, sources
from monitor.store.db import write_engine
from monitor.store.sources import SourceState
from monitor.store.types import iso, utc_now
from monitor.tasks import gather_all

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class PollResult:
    source: str
    error_kind: str | None = None
    not_modified: bool = False
    outcomes: tuple[Outcome, ...] = ()
    # Not polled: another daemon holds the source's lease, until then.
    held_by: str | None = None
    held_until: datetime | None = None


def describe_poll(result: PollResult) -> str:
    """Return one line saying what a poll did, for people."""
    if result.held_by:
        until = iso(result.held_until) if result.held_until else "its lease ends"
        return f"{result.source}: not polled: {result.held_by} is polling it (lease until {until})"
    if result.error_kind:
        return f"{result.source}: failed ({result.error_kind})"
    if result.not_modified:
        return f"{result.source}: not modified"
    counts = {outcome: result.outcomes.count(outcome) for outcome in Outcome}
    done = ", ".join(f"{n} {outcome}" for outcome, n in counts.items() if n) or "no new entries"
    return f"{result.source}: {done}"


async def poll_source(
    entry_context: EntryContext,
    state: SourceState,
    settings: SourceSettings,
    *,
    rng: random.Random,
    concurrency: int,
) -> PollResult:
    """Poll one leased source and process its new entries; the row gets the outcome."""
    engine = entry_context.engine
    try:
        page = await entry_context.fetcher.get(
            state.url, headers=_conditional_headers(state), expect_html=False, check_robots=False
        )
        parsed = None
        if page.status != 304:
            parsed = parse_feed(
                page.body, source=state.name, url=page.final_url, headers=page.headers
            )
    except (FetchError, FeedError) as error:
        log.warning("%s: %s", state.name, error, extra={"source": state.name, "kind": error.kind})
        retry_after = error.retry_after if isinstance(error, FetchError) else None
        record = functools.partial(
            record_failure, kind=error.kind, message=str(error), retry_after=retry_after
        )
        await asyncio.to_thread(record, engine, state, settings, rng)
        return PollResult(source=state.name, error_kind=error.kind)
    if parsed is None:
        await asyncio.to_thread(
            _succeeded, engine, state, settings, rng, state.etag, state.last_modified
        )
        return PollResult(source=state.name, not_modified=True)
    outcomes = await _process_new_entries(entry_context, state, parsed.entries, concurrency)
    # Entries left to retry must come back in the next answer: keep the old validators so the
    # server cannot reply 304 and hide them until the feed changes.
    if Outcome.RETRY in outcomes:
        etag, modified = state.etag, state.last_modified
    else:
        etag, modified = page.headers.get("etag"), page.headers.get("last-modified")
    await asyncio.to_thread(_succeeded, engine, state, settings, rng, etag, modified)
    return PollResult(source=state.name, outcomes=tuple(outcomes))


async def _process_new_entries(
    context: EntryContext, state: SourceState, entries: list[Entry], concurrency: int
) -> list[Outcome]:
    keys = [entry.key for entry in entries]

    def history() -> articles.EntryHistory:
        with Session(context.engine) as session:
            return articles.entry_history(session, state.id, keys)

    known = await asyncio.to_thread(history)
    new = [entry for entry in entries if entry.key not in known.processed]
    edited = [
        entry
        for entry in entries
        if entry.key in known.stored and known.stored[entry.key][0] != entry.digest
    ]
    limit = asyncio.Semaphore(concurrency)

    async def one(entry: Entry) -> Outcome:
        async with limit:
            attempts = known.failed_attempts.get(entry.key, 0)
            return await process_entry(context, entry, failed_attempts=attempts)

    async def in_turn(group: list[Entry]) -> list[Outcome]:
        return [await one(entry) for entry in group]

    # Entries naming one page (a link with and without tracking parameters, its AMP form) are
    # taken in turn, so the later ones find the page held instead of fetching it again.
    groups: dict[int, list[Entry]] = {}
    for entry in new:
        groups.setdefault(url_key(entry.url), []).append(entry)
    outcomes = await gather_all([in_turn(group) for group in groups.values()])
    if edited:
        await _recheck_edited(context, state, edited, known)
    return [outcome for group in outcomes for outcome in group]


async def _recheck_edited(
    context: EntryContext, state: SourceState, edited: list[Entry], known: articles.EntryHistory
) -> None:
    """Fetch again the articles whose feed entries changed since they were stored; an entry
    stored before digests were kept only gets its digest."""
    for entry in edited:
        if context.stopping is not None and context.stopping.is_set():
            return  # the digest stays old: the next run sees the change again
        digest, article_id = known.stored[entry.key]
        if digest is not None and article_id is not None and context.recheck_on_feed_change:
            await recheck_article(
                context.engine,
                context.fetcher,
                context.extractor,
                article_id,
                reason=FEED_CHANGED,
            )

        def note(entry: Entry = entry) -> None:
            with Session(write_engine(context.engine)) as session, session.begin():
                articles.note_entry_digest(
                    session, source_id=state.id, key=entry.key, digest=entry.digest
                )

        await asyncio.to_thread(note)


def _conditional_headers(state: SourceState) -> dict[str, str]:
    headers = {"accept": FEED_ACCEPT}
    if state.etag:
        headers["if-none-match"] = state.etag
    if state.last_modified:
        headers["if-modified-since"] = state.last_modified
    return headers


def _succeeded(
    engine: Engine,
    state: SourceState,
    settings: SourceSettings,
    rng: random.Random,
    etag: str | None,
    modified: str | None,
) -> None:
    now = utc_now()
    with Session(write_engine(engine)) as session, session.begin():
        sources.record_poll_success(
            session,
            state.id,
            now=now,
            next_poll_at=schedule.after_success(now, settings.every, rng),
            etag=etag,
            last_modified=modified,
        )


def record_failure(
    engine: Engine,
    state: SourceState,
    settings: SourceSettings,
    rng: random.Random,
    *,
    kind: str,
    message: str,
    retry_after: float | None = None,
) -> None:
    """Record a failed poll of kind ``kind``, back the source off and free its lease."""
    now = utc_now()
    failures = state.failure_count + 1
    next_poll = schedule.after_failure(now, settings.every, failures, rng, retry_after=retry_after)
    with Session(write_engine(engine)) as session, session.begin():
        sources.record_poll_failure(
            session, state.id, now=now, next_poll_at=next_poll, kind=kind, message=message
        )
