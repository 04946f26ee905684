"""Whether a source has gone silent: no new item for much longer than it usually goes
without one. A dead feed looks like a quiet news day until its silence outlasts its rhythm.

Each feed has a rhythm of its own (a wire brings items hourly, a ministry weekly), so the
usual gap is learned from its recent arrivals: the median time between polls that brought
something new. Entries of one poll arrive together and count as one arrival.
"""

from __future__ import annotations

from collections.abc import Sequence
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


def is_silent(arrivals: Sequence[datetime], now: datetime) -> bool:
    """Whether the time since the last arrival is well past the source's usual gap."""
    gap = usual_gap(arrivals)
    if gap is None:
        return False
    return now - max(arrivals) > max(SILENT_FACTOR * gap, MIN_SILENCE)
