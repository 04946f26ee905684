"""Durations written the way operators write them: "90s", "10m", "1h30m", "2d"."""

from __future__ import annotations

import re

# Units from largest to smallest, each at most once, so "10m10m" or "5s1h" are typos, not sums.
_DURATION = re.compile(
    r"""\s*
    (?:(?P<d>[0-9]+(?:\.[0-9]+)?)\s*d\s*)?
    (?:(?P<h>[0-9]+(?:\.[0-9]+)?)\s*h\s*)?
    (?:(?P<m>[0-9]+(?:\.[0-9]+)?)\s*m\s*)?
    (?:(?P<s>[0-9]+(?:\.[0-9]+)?)\s*s\s*)?
    (?:(?P<ms>[0-9]+(?:\.[0-9]+)?)\s*ms\s*)?
    """,
    re.VERBOSE,
)
_UNIT_SECONDS = {"d": 86400.0, "h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}


def parse_duration(text: str) -> float:
    """Return the number of seconds in a duration like "20s", "10m" or "1h30m".

    Raises ValueError for anything else, including bare numbers: "20" could mean seconds or
    minutes, and a poll interval off by 60x is worse than a refused config.
    """
    match = _DURATION.fullmatch(text)
    if match is None or not any(match.groupdict().values()):
        raise ValueError(f"not a duration: {text!r}")
    seconds = sum(
        float(amount) * _UNIT_SECONDS[unit]
        for unit, amount in match.groupdict().items()
        if amount is not None
    )
    if seconds <= 0:
        raise ValueError(f"a duration must be positive, got {text!r}")
    return seconds
