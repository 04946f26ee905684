"""What the daemon measures in its own process, and the port it shows it on.

Polls by outcome, fetch latency and tick duration happen in the daemon, not in the database,
so ``monitor serve`` cannot see them: ``[monitor] metrics_port`` serves them, beside the
database's gauges (``monitor.web.metrics``), as Prometheus text at ``/metrics``. Counters
start at zero when the daemon starts, as Prometheus expects of a process.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, start_http_server

if TYPE_CHECKING:  # the fetcher imports this module: it imports nothing of the pipeline
    from sqlalchemy import Engine

    from monitor.polling import PollResult

log = logging.getLogger(__name__)

PROCESS = CollectorRegistry()
POLLS = Counter(
    "monitor_polls",
    "Source polls, by outcome (ok, not_modified, held or the error kind)",
    ["outcome"],
    registry=PROCESS,
)
FETCH_SECONDS = Histogram(
    "monitor_fetch_seconds",
    "Time to fetch a feed or page, redirects included, failures too",
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
    registry=PROCESS,
)
TICK_SECONDS = Histogram(
    "monitor_tick_seconds",
    "Duration of a daemon tick: poll, decide, deliver",
    buckets=(0.1, 0.5, 1, 5, 15, 60, 300),
    registry=PROCESS,
)
LAST_TICK = Gauge(
    "monitor_last_tick_end_timestamp_seconds",
    "When the last tick ended (Unix time)",
    registry=PROCESS,
)


class _Stoppable(Protocol):
    def shutdown(self) -> None: ...


def record_polls(results: Sequence[PollResult]) -> None:
    for result in results:
        if result.held_by:
            outcome = "held"
        elif result.error_kind:
            outcome = result.error_kind
        else:
            outcome = "not_modified" if result.not_modified else "ok"
        POLLS.labels(outcome).inc()


@contextmanager
def timed_tick() -> Iterator[None]:
    try:
        with TICK_SECONDS.time():
            yield
    finally:
        LAST_TICK.set_to_current_time()


timed_fetch = FETCH_SECONDS.time


def serve_metrics(host: str, port: int, engine: Engine) -> _Stoppable:
    """Serve the process's metrics and the database's gauges on ``host:port``."""
    from monitor.web.metrics import metrics_registry

    registry = metrics_registry(engine)
    registry.register(PROCESS)  # a registry is a collector of its metrics
    server, _ = start_http_server(port, addr=host, registry=registry)
    log.info("metrics at http://%s:%d/metrics", host, port)
    return server
