"""One tick: the only place that says in which order the stages run.

    1. collect  poll the due sources (or read the files of an import); each entry is fetched,
                matched, checked against the corpus and stored on its own, concurrently;
                judge the health of the sources polled (``monitor.alerts.sources``); then
                fetch again the young articles due a recheck (``monitor.recheck``)
    2. decide   the figures of every article stored and not yet decided, in publication
                order across all sources; new and changed figures queue their alerts
    3. deliver  send the alerts that are due (not for an import: it raises none)

Collecting is concurrent and its arrival order is network timing; steps 2 and 3 never depend
on it. The dedup stage makes the earliest published version of a text the cluster's original
whichever arrived first (``dedup.add_document`` re-parents), and step 2 then decides only
originals, oldest first, so the same news gives the same figures and alerts in any order.
Several daemons share the work the same way: while another daemon's poll is in flight, step
2 waits for the last of them to end (at most ``MAX_DEFER``, so a daemon that died mid-poll
holds nothing back for long), and the figures of one round of polls are decided together.
What a later poll brings is decided later: an alert already sent stays sent.

The daemon's scheduled job, ``run --once``, the demo and ``import`` all go through here.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.alerts.deliver import deliver_due
from monitor.alerts.model import Notifier
from monitor.alerts.outbox import WatchAlerting, alerting_by_watch
from monitor.alerts.sources import check_sources
from monitor.config import Settings
from monitor.daemon_metrics import record_polls, timed_tick
from monitor.figures.options import figure_options
from monitor.figures.stage import ArticleFigures, decide_pending
from monitor.importing import ImportResult, import_files
from monitor.pipeline import compile_watches
from monitor.polling import PollResult
from monitor.runtime import Runtime, poll_due_sources, recheck_due_articles
from monitor.store.db import unavailable_reason
from monitor.store.figures import oldest_pending_fetch
from monitor.store.sources import polls_in_flight
from monitor.store.types import utc_now

log = logging.getLogger(__name__)

MAX_DEFER = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Settled:
    """What steps 2 and 3 of a tick did."""

    decided: list[ArticleFigures] = field(default_factory=list)
    deliveries: int = 0  # deliveries attempted (sent, failed or deferred)


def settle(
    engine: Engine,
    settings: Settings,
    *,
    notifiers: Mapping[str, Notifier] | None = None,
    owner: str = "",
    rng: random.Random | None = None,
    defer_to_polls: bool = False,
) -> Settled:
    """Steps 2 and 3: decide pending figures in publication order, then deliver due alerts.

    Without ``notifiers`` nothing is queued nor sent (an import: imported articles are
    history, decided silently). With ``defer_to_polls``, figures wait while another daemon's
    poll is in flight (module docstring)."""
    alerting: Mapping[str, WatchAlerting] | None = (
        alerting_by_watch(settings.watches) if notifiers is not None else None
    )
    decided: list[ArticleFigures] = []
    if not (defer_to_polls and _polls_running(engine)):
        decided = decide_pending(engine, figure_options(settings), alerting)
    if decided:
        articles = len({item.article_id for item in decided})
        news = sum(item.news for item in decided)
        log.info("figures: %d articles decided, %d new or changed figures", articles, news)
    if notifiers is None:
        return Settled(decided)
    outcomes = deliver_due(engine, notifiers, owner=owner, rng=rng or random.Random())
    for outcome in outcomes:
        log.info(
            "alerts: %s: %d deliveries %s: %s",
            outcome.notifier,
            len(outcome.delivery_ids),
            outcome.status,
            outcome.answer,
        )
    return Settled(decided, sum(len(outcome.delivery_ids) for outcome in outcomes))


def _polls_running(engine: Engine) -> bool:
    """Whether another daemon is polling, unless the figures waiting have waited enough."""
    now = utc_now()
    with Session(engine) as session:
        if not polls_in_flight(session, now):
            return False
        oldest = oldest_pending_fetch(session)
    if oldest is not None and now - oldest > MAX_DEFER:
        return False
    log.debug("figures: another daemon is polling; its end decides them")
    return True


async def poll_tick(
    runtime: Runtime,
    *,
    due_by: datetime | None = None,
    report_held: bool = False,
    every_due: bool = False,
) -> list[PollResult]:
    """A daemon's tick: poll the sources due by ``due_by`` (default now), then settle.

    ``report_held`` lists the sources another daemon is polling as not polled; ``every_due``
    polls every due source, batch after batch, before settling (``run --once``), where a
    daemon's tick polls one batch."""
    with timed_tick():
        return await _poll_and_settle(
            runtime, due_by=due_by, report_held=report_held, every_due=every_due
        )


async def _poll_and_settle(
    runtime: Runtime, *, due_by: datetime | None, report_held: bool, every_due: bool
) -> list[PollResult]:
    results = await poll_due_sources(
        runtime, due_by=due_by, report_held=report_held, every_due=every_due
    )
    record_polls(results)
    await asyncio.to_thread(_judge_health, runtime, results)
    if not runtime.stopping.is_set():
        rechecks = await recheck_due_articles(runtime)
        updated = sum(recheck.outcome == "updated" for recheck in rechecks)
        if rechecks:
            log.info("rechecks: %d articles looked at, %d edited", len(rechecks), updated)
    await asyncio.to_thread(
        settle,
        runtime.engine,
        runtime.settings,
        notifiers=runtime.notifiers,
        owner=runtime.owner,
        rng=runtime.rng,
        defer_to_polls=True,
    )
    return results


def _judge_health(runtime: Runtime, results: Sequence[PollResult]) -> None:
    """Judge the health of the sources just polled; a defect here must not stop the tick
    (figures and deliveries matter more), but an outage is the daemon's to handle."""
    polled = [result.source for result in results if result.held_by is None]
    try:
        changes = check_sources(runtime.engine, runtime.settings, polled)
    except Exception as error:
        if unavailable_reason(error) is not None:
            raise
        log.exception("source health: could not judge %d sources", len(polled))
        return
    for change in changes:
        level = logging.INFO if change.now == "ok" else logging.WARNING
        log.log(level, "source %s: %s (was %s)", change.source, change.now, change.was)


def import_tick(
    engine: Engine,
    settings: Settings,
    paths: Sequence[Path],
    *,
    published_at: datetime | None = None,
) -> tuple[list[ImportResult], Settled]:
    """An import's tick: store the files in the order given, then decide their figures."""
    watches = compile_watches([(w.name, w.query) for w in settings.watches])
    results = import_files(engine, paths, watches=watches, published_at=published_at)
    return results, settle(engine, settings)
