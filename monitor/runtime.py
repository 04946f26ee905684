"""What a poll needs (``Runtime``), and step 1 of a tick: claim the due sources and poll them.

Polling stores what the feeds bring; ``monitor.tick`` orders what follows.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import random
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.alerts.configured import build_notifiers
from monitor.alerts.model import Notifier
from monitor.config import Settings, SourceSettings
from monitor.dedup import DEDUP_PARAMS
from monitor.dedup.index import DedupIndexError, require_params
from monitor.extraction import Extractor
from monitor.fetch import Fetcher
from monitor.owners import daemon_owner, gone_owners
from monitor.pipeline import EntryContext, Watch, compile_watches
from monitor.polling import PollResult, poll_source, record_failure
from monitor.recheck import SCHEDULED, Recheck, claim_due_rechecks, recheck_article
from monitor.sources.google_news import search_feed_url
from monitor.store.db import make_engine, unavailable_reason, write_engine
from monitor.store.migrate import require_current_schema
from monitor.store.sources import (
    ConfiguredSource,
    Lease,
    SourceState,
    claim_due_sources,
    lease_holders,
    leases_held,
    renew_leases,
    sync_sources,
)
from monitor.store.types import utc_now
from monitor.tasks import gather_all

log = logging.getLogger(__name__)

# A poll's lease is short and renewed while the poll runs (every third of it), so a daemon
# that dies mid-poll holds its sources for a minute at most; on its own host, not even that.
POLL_LEASE_SECONDS = 60.0
HEARTBEAT_SECONDS = POLL_LEASE_SECONDS / 3
# Sources claimed at once; all of a batch are polled concurrently, within [fetch] concurrency.
CLAIM_BATCH = 100


@dataclass(kw_only=True)
class Runtime:
    """Everything a poll needs, built once per daemon run and passed in (no globals)."""

    settings: Settings
    engine: Engine
    fetcher: Fetcher
    extractor: Extractor
    owner: str
    watches: list[Watch]
    notifiers: Mapping[str, Notifier] = field(default_factory=dict)
    rng: random.Random = field(default_factory=random.Random)
    stopping: asyncio.Event = field(default_factory=asyncio.Event)

    def source_settings(self, name: str) -> SourceSettings:
        return next(s for s in self.settings.sources if s.name == name)


def source_url(source: SourceSettings) -> str:
    """Return the feed URL a source polls."""
    if source.type == "google-news":
        return search_feed_url(
            source.query or "", language=source.language or "en", region=source.region or "US"
        )
    return source.url or ""


@asynccontextmanager
async def open_runtime(
    settings: Settings, *, processes: int | None = None
) -> AsyncIterator[Runtime]:
    """Yield a ready runtime: schema checked, sources synced, fetcher and extractor open."""
    settings.require_secrets()
    engine = make_engine(settings.monitor.database_url)
    try:
        require_current_schema(engine)
        with Session(engine) as session:
            # Refused at start, not at the first article: the fix is a command to run.
            require_params(session, DEDUP_PARAMS)
        runtime_rng = random.Random()
        configured = [
            ConfiguredSource(name=s.name, type=s.type, url=source_url(s), every=s.every)
            for s in settings.sources
        ]
        with Session(write_engine(engine)) as session, session.begin():
            sync_sources(session, configured, now=utc_now(), rng=runtime_rng)
        async with Fetcher(settings.fetch, host_interval=settings.fetch.host_interval) as fetcher:
            with Extractor(processes=processes) as extractor:
                yield Runtime(
                    settings=settings,
                    engine=engine,
                    fetcher=fetcher,
                    extractor=extractor,
                    owner=daemon_owner(),
                    watches=compile_watches([(w.name, w.query) for w in settings.watches]),
                    notifiers=build_notifiers(settings),
                    rng=runtime_rng,
                )
    finally:
        engine.dispose()


async def poll_due_sources(
    runtime: Runtime,
    *,
    due_by: datetime | None = None,
    report_held: bool = False,
    every_due: bool = False,
) -> list[PollResult]:
    """Claim the sources due by ``due_by`` (default now), poll them, return what happened.

    A claim takes at most ``CLAIM_BATCH`` sources: a daemon's tick polls one batch and leaves
    the rest to the next ticks. With ``every_due`` (``run --once``), batch follows batch until
    every due source has been polled once.
    With ``report_held``, a due source that another daemon is polling is in the list too, as
    not polled, with who holds it and until when (``run --once`` says why it did nothing)."""
    names = [s.name for s in runtime.settings.sources]

    def claim(names: list[str]) -> tuple[list[SourceState], list[Lease]]:
        now = utc_now()  # each batch's leases run from its own claim
        with Session(write_engine(runtime.engine)) as session:
            gone = gone_owners(lease_holders(session, now), me=runtime.owner)
            claimed = claim_due_sources(
                session,
                names=names,
                now=now,
                owner=runtime.owner,
                lease=POLL_LEASE_SECONDS,
                limit=CLAIM_BATCH,
                due_by=due_by,
                takeover_from=gone,
            )
            held = leases_held(session, names, now) if report_held else []
        return claimed, [lease for lease in held if lease.owner != runtime.owner]

    results: list[PollResult] = []
    held: dict[str, Lease] = {}
    claimed, leases = await asyncio.to_thread(claim, names)
    while True:
        held.update((lease.source, lease) for lease in leases)
        if not claimed:
            break
        results += await _poll_claimed(runtime, claimed)
        # A polled source's next poll may fall before ``due_by``: it is not claimed again.
        polled = {state.name for state in claimed}
        names = [name for name in names if name not in polled]
        if not every_due or runtime.stopping.is_set():
            break
        claimed, leases = await asyncio.to_thread(claim, names)
    # Another daemon's lease seen at one claim and polled by this one later is no news.
    done = {result.source for result in results}
    not_polled = [
        PollResult(source=lease.source, held_by=lease.owner, held_until=lease.expires_at)
        for lease in held.values()
        if lease.source not in done
    ]
    return results + not_polled


async def _poll_claimed(runtime: Runtime, claimed: list[SourceState]) -> list[PollResult]:
    polls = []
    for state in claimed:
        source = runtime.source_settings(state.name)
        context = EntryContext(
            engine=runtime.engine,
            fetcher=runtime.fetcher,
            extractor=runtime.extractor,
            watches=runtime.watches,
            source_id=state.id,
            fetch_all=source.fetch_all,
            stopping=runtime.stopping,
            recheck_on_feed_change=runtime.settings.recheck.on_feed_change,
            summary_describes_entry=source.type == "rss",
        )
        polls.append(_guarded_poll(runtime, context, state, source))
    heartbeat = asyncio.create_task(_renew_leases(runtime, [state.id for state in claimed]))
    try:
        return await gather_all(polls)
    finally:
        heartbeat.cancel()


async def _renew_leases(runtime: Runtime, source_ids: list[int]) -> None:
    """Keep this daemon's leases on the sources it polls alive while the polls run."""
    while source_ids:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        expires_at = utc_now() + timedelta(seconds=POLL_LEASE_SECONDS)
        try:
            await asyncio.to_thread(_renew, runtime, source_ids, expires_at)
        except Exception as error:
            # The polls meet the same database and report it; the lease runs out meanwhile.
            log.log(
                logging.DEBUG if unavailable_reason(error) else logging.WARNING,
                "leases not renewed: %s",
                error,
            )


async def recheck_due_articles(runtime: Runtime) -> list[Recheck]:
    """Fetch again the young originals whose scheduled recheck is due (``monitor.recheck``)."""
    settings = runtime.settings.recheck
    claim = functools.partial(
        claim_due_rechecks,
        runtime.engine,
        window=settings.window,
        every=settings.every,
        limit=settings.per_tick,
    )
    due = await asyncio.to_thread(claim)
    limit = asyncio.Semaphore(runtime.settings.fetch.concurrency)

    async def one(article_id: int) -> Recheck:
        async with limit:
            return await recheck_article(
                runtime.engine,
                runtime.fetcher,
                runtime.extractor,
                article_id,
                reason=SCHEDULED,
            )

    return await gather_all([one(article_id) for article_id in due])


def _renew(runtime: Runtime, source_ids: list[int], expires_at: datetime) -> None:
    with Session(write_engine(runtime.engine)) as session, session.begin():
        renew_leases(session, source_ids, owner=runtime.owner, expires_at=expires_at)


async def _guarded_poll(
    runtime: Runtime, context: EntryContext, state: SourceState, source: SourceSettings
) -> PollResult:
    """Poll one source; a bug in it is logged and recorded on the source, not the tick's end.

    This is the one place that catches broadly: every expected failure is already a typed
    error handled inside poll_source, so whatever arrives here is a defect to report, or a
    database state an operator must fix (a dedup index rebuilt under other parameters by
    another version: ``DedupIndexError``, whose message says what to run).
    """
    try:
        return await poll_source(
            context, state, source, rng=runtime.rng, concurrency=runtime.settings.fetch.concurrency
        )
    except DedupIndexError as error:
        kind, message = error.kind, str(error)
        log.error("%s: %s", state.name, message, extra={"source": state.name, "kind": kind})
    except Exception as error:
        if unavailable_reason(error) is not None:
            raise  # not this source's failure: the daemon reports the outage, once
        kind, message = "internal", f"{type(error).__name__}: {error}"
        log.exception(
            "%s: poll failed unexpectedly", state.name, extra={"source": state.name, "kind": kind}
        )
    record = functools.partial(record_failure, kind=kind, message=message)
    await asyncio.to_thread(record, runtime.engine, state, source, runtime.rng)
    return PollResult(source=state.name, error_kind=kind)
