"""A source's usual gap between arrivals, and when its silence is long enough to flag."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.sources.health import is_silent, usual_gap

T0 = datetime(2026, 6, 1, tzinfo=UTC)


def arrivals(every: timedelta, count: int, *, per_poll: int = 1) -> list[datetime]:
    # Entries of one poll are seen seconds apart.
    return [T0 + n * every + timedelta(seconds=s) for n in range(count) for s in range(per_poll)]


def test_the_usual_gap_is_the_median_between_polls_that_brought_something() -> None:
    assert usual_gap(arrivals(timedelta(hours=2), 10, per_poll=3)) == timedelta(hours=2)
    uneven = [
        T0,
        T0 + timedelta(hours=1),
        T0 + timedelta(hours=2),
        T0 + timedelta(hours=3),
        T0 + timedelta(hours=30),
    ]
    assert usual_gap(uneven) == timedelta(hours=1)  # one long night does not set the rhythm


def test_too_short_a_history_says_nothing() -> None:
    assert usual_gap(arrivals(timedelta(hours=1), 4)) is None
    assert not is_silent(arrivals(timedelta(hours=1), 4), T0 + timedelta(days=30))


def test_silent_after_four_usual_gaps_and_never_before_six_hours() -> None:
    hourly = arrivals(timedelta(hours=1), 24)
    last = max(hourly)
    assert not is_silent(hourly, last + timedelta(hours=5))  # four gaps, but under six hours
    assert is_silent(hourly, last + timedelta(hours=7))
    daily = arrivals(timedelta(days=1), 10)
    assert not is_silent(daily, max(daily) + timedelta(days=3))
    assert is_silent(daily, max(daily) + timedelta(days=5))
