"""A source's usual gap between arrivals, and when its silence is long enough to flag."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.sources.health import HealthRule, is_silent, judge, usual_gap

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


RULE = HealthRule(failing_after=3)


def test_failing_takes_the_threshold_and_ends_only_with_a_success() -> None:
    history = arrivals(timedelta(hours=1), 10)
    now = max(history) + timedelta(hours=1)
    assert judge("ok", 2, history, now, RULE) == "ok"
    assert judge("ok", 3, history, now, RULE) == "failing"
    # One success between failures resets the count, but a failing source does not flap
    # back to ok on its next failure: only a success ends it.
    assert judge("failing", 1, history, now, RULE) == "failing"
    assert judge("failing", 0, history, now, RULE) == "ok"


def test_a_source_that_answers_again_but_brings_nothing_is_silent() -> None:
    history = arrivals(timedelta(hours=1), 10)
    long_after = max(history) + timedelta(hours=30)
    assert judge("failing", 0, history, long_after, RULE) == "silent"
    assert judge("silent", 2, history, long_after, RULE) == "silent"
    assert judge("silent", 3, history, long_after, RULE) == "failing"


def test_the_silence_rule_is_configurable() -> None:
    daily = arrivals(timedelta(days=1), 10)
    after_two_days = max(daily) + timedelta(days=2, hours=1)
    assert not is_silent(daily, after_two_days)
    assert is_silent(daily, after_two_days, HealthRule(silent_factor=2))
    hourly = arrivals(timedelta(hours=1), 10)
    assert is_silent(hourly, max(hourly) + timedelta(hours=5), HealthRule(min_silence=timedelta(0)))
