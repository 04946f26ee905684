"""Which publication dates to believe.

A feed or page may carry a date no article has: year 9999, year 1, a month 13 that the feed
parser rolls over into the next year. Since the earliest published version of a story is its
original and novelty follows publication order, a date taken on trust could let a backdated
copy claim a figure first. A date is trusted only when it falls between ``FLOOR`` and a small
``SKEW`` past the present, and, when written as an ISO 8601 date-time, when its fields are in
range; otherwise the caller uses no date, and the time the article was fetched stands in.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

DROPPED_CHARS = 64  # of a date not believed, kept as written to say so (monitor explain)
FLOOR = datetime(1990, 1, 1, tzinfo=UTC)  # before the web news this monitor reads
SKEW = timedelta(days=1)  # clocks and time zones: a date a little ahead is still today's

_ISO = re.compile(
    r"\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2}):(?P<minute>\d{1,2})(?::(?P<second>\d{1,2}))?)?"
)


def trusted(moment: datetime | None, *, written: str = "", now: datetime | None = None) -> bool:
    """Return whether ``moment`` (parsed from ``written``, if given) is a believable date."""
    if moment is None:
        return False
    present = now or datetime.now(UTC)
    if not FLOOR <= moment <= present + SKEW:
        return False
    fields = _ISO.match(written)
    if fields is None:
        return True
    month, day = int(fields["month"]), int(fields["day"])
    hour, minute, second = (int(fields[name] or 0) for name in ("hour", "minute", "second"))
    return 1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and minute < 60 and second <= 60


def believed(moment: datetime | None, *, written: str = "") -> datetime | None:
    """Return ``moment`` when it is ``trusted``, else None (the fetch time then stands in)."""
    return moment if trusted(moment, written=written) else None
