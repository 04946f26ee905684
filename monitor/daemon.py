"""The daemon: what runs, and when to stop. ``run --once`` and ``run`` share it.

The scheduler (APScheduler 3.x) only decides *when* a tick runs; the tick itself
(``monitor.tick.poll_tick``) is plain and is called directly by ``monitor run --once``.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from datetime import datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.config import Settings
from monitor.daemon_metrics import serve_metrics
from monitor.outage import DatabaseOutage
from monitor.polling import PollResult
from monitor.runtime import open_runtime
from monitor.store import daemons
from monitor.store.daemons import HEARTBEAT
from monitor.store.db import display_url, unavailable_reason, write_engine
from monitor.store.types import utc_now
from monitor.tick import poll_tick

log = logging.getLogger(__name__)

TICK_SECONDS = (
    5.0  # how often due sources are looked for (one indexed query); polls keep their own intervals
)


async def run_once(settings: Settings, *, processes: int | None = None) -> list[PollResult]:
    """Poll every configured source once, whatever its schedule, and process what it lists."""
    async with open_runtime(settings, processes=processes) as runtime:
        return await poll_tick(
            runtime, due_by=utc_now() + timedelta(days=36500), report_held=True, every_due=True
        )


async def run_daemon(settings: Settings) -> None:
    """Run until SIGTERM or SIGINT; then finish the entries in flight and return."""
    async with open_runtime(settings) as runtime:
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, runtime.stopping.set)
        in_flight: set[asyncio.Task[object]] = set()
        overlapping = False
        outage = DatabaseOutage(display_url(settings.monitor.database_url))

        last_tick: list[datetime] = []  # when the last tick ended, for the heartbeat

        def ended(task: asyncio.Task[object]) -> None:
            in_flight.discard(task)
            last_tick[:] = [utc_now()]
            error = None if task.cancelled() else task.exception()
            if error is None:
                outage.succeeded()
            elif (reason := unavailable_reason(error)) is not None:
                outage.failed(reason)
            else:
                log.error("tick failed", exc_info=error)

        async def tick() -> None:
            # The scheduler's job only starts a tick and returns: a tick longer than the
            # interval is waited for here, once, not reported by the scheduler every 5 s as
            # "maximum number of running instances reached".
            nonlocal overlapping
            if in_flight:
                if not overlapping:
                    log.info(
                        "a tick is taking longer than %.0f s; the next waits for it", TICK_SECONDS
                    )
                overlapping = True
                return
            overlapping = False
            if not outage.may_try():
                return
            task: asyncio.Task[object] = asyncio.create_task(poll_tick(runtime))
            in_flight.add(task)
            task.add_done_callback(ended)

        scheduler = AsyncIOScheduler(timezone="UTC")
        ticks = scheduler.add_job(
            tick,
            "interval",
            seconds=TICK_SECONDS,
            next_run_time=utc_now(),
            max_instances=1,
            coalesce=True,
        )
        # The heartbeat is a job of its own: it says the scheduler runs even while a long
        # tick is in flight (/healthz, monitor.store.daemons).
        heart = _Heartbeat(runtime.engine, runtime.owner, last_tick)
        scheduler.add_job(
            heart.beat,
            "interval",
            seconds=HEARTBEAT.total_seconds(),
            next_run_time=utc_now(),
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        metrics = None
        if settings.monitor.metrics_port:
            metrics = serve_metrics(
                settings.monitor.metrics_host, settings.monitor.metrics_port, runtime.engine
            )
        log.info(
            "monitor running: %d sources, %d watches", len(settings.sources), len(settings.watches)
        )
        await runtime.stopping.wait()
        # Pause the ticks first: shutdown() would cancel a poll mid-article. Entries not yet
        # started are skipped (EntryContext.stopping) and stay unseen; the started ones
        # finish, while the heartbeat goes on saying this daemon is alive.
        ticks.pause()
        await asyncio.gather(*in_flight, return_exceptions=True)
        await asyncio.to_thread(heart.stop)
        scheduler.shutdown(wait=False)
        if metrics is not None:
            metrics.shutdown()
        log.info("monitor stopped")


class _Heartbeat:
    """Writes this daemon's heartbeat row, and removes it for good when the daemon stops.

    A lock and a flag keep a beat whose write is still running from bringing the row back
    after ``stop`` removed it: the daemon would then look stalled though it stopped cleanly."""

    def __init__(self, engine: Engine, owner: str, last_tick: list[datetime]) -> None:
        self.engine, self.owner, self.last_tick = engine, owner, last_tick
        self.lock = threading.Lock()
        self.stopped = False

    async def beat(self) -> None:
        try:
            await asyncio.to_thread(self._write)
        except Exception as error:
            if unavailable_reason(error) is None:
                raise
            log.debug("heartbeat not written: the database is unavailable")  # logged as outage

    def _write(self) -> None:
        with self.lock:
            if self.stopped:
                return
            with Session(write_engine(self.engine)) as session, session.begin():
                last = next(iter(self.last_tick), None)
                daemons.beat(session, self.owner, now=utc_now(), last_tick_at=last)

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            try:
                with Session(write_engine(self.engine)) as session, session.begin():
                    daemons.forget(session, self.owner)
            except Exception as error:
                if (reason := unavailable_reason(error)) is None:
                    raise
                log.warning("could not remove this daemon's heartbeat: %s", reason)
