"""When a source is next due: its interval with jitter, exponential backoff after failures."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

MAX_BACKOFF = 6 * 3600.0  # a failing source is still tried at least every six hours
JITTER = 0.1  # +-10% so sources configured alike drift apart instead of firing together
FIRST_POLL_SPREAD = 60.0  # many new sources start within a minute, not all at once
FIRST_POLL_SLOT = 2.0  # ...but a few start at once: two seconds of spread per new source


def first_poll(
    now: datetime, every: float, rng: random.Random, *, new_sources: int = 1
) -> datetime:
    """Return when a newly configured source is first polled."""
    spread = min(every, FIRST_POLL_SPREAD, FIRST_POLL_SLOT * new_sources)
    return now + timedelta(seconds=rng.uniform(0, spread))


def after_success(now: datetime, every: float, rng: random.Random) -> datetime:
    """Return the next poll after a successful one: the interval, jittered."""
    return now + timedelta(seconds=every * rng.uniform(1 - JITTER, 1 + JITTER))


def after_failure(
    now: datetime,
    every: float,
    failures: int,
    rng: random.Random,
    *,
    retry_after: float | None = None,
) -> datetime:
    """Return the next poll after ``failures`` failures in a row.

    The interval doubles with each failure up to MAX_BACKOFF, with +-10% jitter; a server's
    Retry-After is honoured when it asks for longer. It never gives up for good.
    """
    exponent = min(max(failures - 1, 0), 30)  # bounded so 2**n cannot overflow a float
    delay = min(every * 2**exponent, MAX_BACKOFF) * rng.uniform(1 - JITTER, 1 + JITTER)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return now + timedelta(seconds=delay)
