"""A source's health: failing (its polls keep failing), silent (no new item for much longer
than it usually goes without one) or ok. A dead feed looks like a quiet news day until its
silence outlasts its rhythm.

Each feed has a rhythm of its own (a wire brings items hourly, a ministry weekly), so the
usual gap is learned from its recent arrivals: the median time between polls that brought
something new. Entries of one poll arrive together and count as one arrival.

The daemon judges each source after polling it and tells the operator of a change
(``monitor.alerts.sources``); the web view's sources page shows the same states.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise
from statistics import median

RECENT_ARRIVALS = 30  # the history the usual gap is learned from
MIN_ARRIVALS = 5  # fewer say nothing of a rhythm
SILENT_FACTOR = 4  # silent after four usual gaps without a new item...
MIN_SILENCE = timedelta(hours=6)  # ...and never before six hours
_SAME_POLL = timedelta(minutes=1)


def usual_gap(arrivals: Sequence[datetime]) -> timedelta | None:
    """Return the median time between a source's arrivals, or None with too few of them."""
    times: list[datetime] = []
    for moment in sorted(arrivals):
        if not times or moment - times[-1] > _SAME_POLL:
            times.append(moment)
    if len(times) < MIN_ARRIVALS:
        return None
    gaps = [(later - earlier).total_seconds() for earlier, later in pairwise(times)]
    return timedelta(seconds=median(gaps))


@dataclass(frozen=True, slots=True)
class HealthRule:
    """When a source is failing or silent (the ``[health]`` configuration)."""

    failing_after: int = 3  # failed polls in a row
    silent_factor: int = SILENT_FACTOR  # usual gaps without a new item...
    min_silence: timedelta = MIN_SILENCE  # ...and never less than this


def is_silent(arrivals: Sequence[datetime], now: datetime, rule: HealthRule | None = None) -> bool:
    """Whether the time since the last arrival is well past the source's usual gap."""
    rule = rule or HealthRule()
    gap = usual_gap(arrivals)
    if gap is None:
        return False
    return now - max(arrivals) > max(rule.silent_factor * gap, rule.min_silence)


def judge(
    current: str, failures: int, arrivals: Sequence[datetime], now: datetime, rule: HealthRule
) -> str:
    """Return a source's health after a poll: "failing", "silent" or "ok".

    ``current`` is the health judged before; ``failures`` the failed polls in a row now. A
    failing source stays failing until a poll succeeds, so one lucky answer between failures
    does not flap it, and one failure short of the threshold does not hide a silence."""
    if failures >= rule.failing_after or (current == "failing" and failures > 0):
        return "failing"
    return "silent" if is_silent(arrivals, now, rule) else "ok"
