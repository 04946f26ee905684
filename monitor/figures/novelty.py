"""Is a figure news? Its value against the earlier values of its measure (within one watch).

- ``new_measure``: the measure has no earlier current value (a past value that an article
  recalled, "up from 1,000", may be there: it is shown beside the alert, not alerted);
- ``repeat``: the value agrees with an earlier one, which it corroborates (``repeat_of``: the
  most recent agreeing one);
- ``changed_figure``: it agrees with none.

Agreement reads each value as the range the text allows, then asks whether the new one says
anything the earlier did not:

- A number written without a qualifier is as precise as its digits, within 5%: "3,000" is
  2,850..3,150 and "312" is 311.5..312.5; a whole number below 100 is a count, exact: "20
  dead" after 21 is a revision, not a rounding. "About" allows one unit of its last digit
  each way, at least ±1% and at most ±10% ("about 14,400" is 14,300..14,500, "about 350"
  340..360, "about 3 million" ±10%), "almost" 90%..100%, a range or a vague amount its own
  ends; "at least" and "more than" have no upper end, "up to" no lower.
- A new value agrees with an earlier one when it allows the earlier one's central value: it
  restates or rounds it ("more than 3,000" after 3,124; "300" after 312; "about 3 million"
  after 3,000,000; "thousands" after 3,124). 4,700 after 4,300, 13,000 after "about 11,000"
  and "about 61,000" after "some 52,000" are news. A floor rounds down by less than its
  leading digit's place: "more than 1.5 million" allows 1.5..2.5 million and "at least 40"
  40..50, so "at least 40" after 118 is news (most often another count the measure took in).
- A new value more than 2.5% above an earlier lower bound is news: 3,124 after "more than
  3,000", "at least 150" after "at least 100"; so is one below an earlier upper bound.

The earlier values are a measure's distinct values in publication order: its new and changed
figures, and the past values no earlier figure had reported; repeats add no value.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal
from urllib.parse import urlsplit

from monitor.figures.model import Qualifier
from monitor.figures.wording import DASH, amount, compact

Status = Literal[
    "new_measure", "changed_figure", "repeat", "previous", "vague", "second_value", "headline"
]
ALERTING: tuple[Status, ...] = ("new_measure", "changed_figure")

ROUNDING = 0.05  # a plain number is at most this uncertain, however round it is
EXACT_BELOW = 100  # a plain whole number below this is a count, not a rounding
BOUND = 0.025  # a value this far past an earlier "at least" (or "up to") is news
ABOUT_AT_LEAST = 0.01  # "about" allows at least this much either side, however fine its digits
_SLACK = 0.005  # what floating point and rounding leave between equal values
_NAMED = 3  # a changed figure's reason names this many earlier values, the nearest first
_OPEN_ABOVE = ("at_least", "more_than")


@dataclass(frozen=True, slots=True, kw_only=True)
class Value:
    """A value as the text qualified it: what novelty compares."""

    value: float
    low: float
    high: float
    qualifier: Qualifier
    unit: str = "count"


@dataclass(frozen=True, slots=True, kw_only=True)
class EarlierValue:
    """A distinct earlier value of a measure and where it was first reported."""

    figure_id: int
    value: float
    low: float
    high: float
    qualifier: Qualifier
    article_url: str
    site: str | None
    published_at: datetime | None
    article_id: int = 0
    role: str = "current"  # "previous": a past value an article recalled


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    """What a figure is to its measure, and why, in a sentence a reader can check."""

    status: Status
    reason: str
    repeat_of: int | None = None  # the earlier figure a repeat (or a past value) corroborates


def decide(figure: Value, earlier: Sequence[EarlierValue]) -> Decision:
    """Decide whether ``figure`` is a new measure, a changed figure or a repeat of ``earlier``.

    ``earlier`` lists the measure's distinct values oldest first.
    """
    agreeing = [value for value in earlier if agrees(figure, value)]
    if agreeing:
        repeated = agreeing[-1]
        return Decision(
            status="repeat",
            reason=f"repeats {describe(repeated, figure.unit)}",
            repeat_of=repeated.figure_id,
        )
    said = amount(figure.value, figure.low, figure.high, figure.qualifier, figure.unit)
    if not any(value.role == "current" for value in earlier):
        past = f"; earlier it was {_named(figure, earlier)}" if earlier else ""
        return Decision(status="new_measure", reason=f"first figure of this measure{past}")
    return Decision(
        status="changed_figure",
        reason=f"{said} is outside every earlier value: {_named(figure, earlier)}",
    )


def agrees(figure: Value, earlier: EarlierValue) -> bool:
    """Return whether ``figure`` says nothing that ``earlier`` did not (module docstring)."""
    low, high = span(figure)
    slack = _SLACK * max(abs(figure.value), abs(earlier.value))
    if earlier.qualifier in _OPEN_ABOVE:
        # Within "at least 50", unless it says the floor rose: 51 agrees, 60 does not.
        return high >= earlier.value - slack and low <= earlier.value * (1 + BOUND) + slack
    if earlier.qualifier == "up_to":
        return low <= earlier.value + slack and high >= earlier.value * (1 - BOUND) - slack
    if figure.qualifier in _OPEN_ABOVE and figure.value > 0:
        # "more than 1.5 million" rounds 1.62 million down; "at least 40" after 118 rounds
        # nothing: it is another count, or the toll of another place, the earlier one is not.
        high = figure.value + 10.0 ** math.floor(math.log10(figure.value))
    # "about 61,000" after "some 52,000": the ranges touch, but 52,000 is not a value the new
    # figure allows; it moved.
    return low - slack <= earlier.value <= high + slack


def overlaps(first: Value, second: Value | EarlierValue) -> bool:
    """Return whether two values can both be true: how a value agrees with one said in the
    same article, and how a past value corroborates an earlier one."""
    low, high = span(first)
    other = span(second)
    slack = _SLACK * max(abs(first.value), abs(second.value))
    return not (high < other[0] - slack or other[1] < low - slack)


def span(value: Value | EarlierValue) -> tuple[float, float]:
    """Return the values ``value`` allows: a plain number within its precision."""
    if value.qualifier == "exact":
        if abs(value.value) < EXACT_BELOW and value.value == int(value.value):
            return value.value - 0.5, value.value + 0.5  # "20 dead" after 21 is a revision
        width = min(_half_unit(value.value), ROUNDING * abs(value.value))
        return value.value - width, value.value + width
    if value.qualifier == "about" and value.low < value.value < value.high:
        # "about 14,400" allows one unit of its last digit each way: after "about 14,000" it
        # is news, while "about 350" rounds 340 and "about 3 million" 3.1 million (±10%).
        width = max(2 * _half_unit(value.value), ABOUT_AT_LEAST * abs(value.value))
        return max(value.low, value.value - width), min(value.high, value.value + width)
    if value.qualifier in _OPEN_ABOVE:
        return value.value, math.inf
    if value.qualifier == "up_to":
        return -math.inf, value.value
    return value.low, value.high


def _half_unit(value: float) -> float:
    """Half the place value of the last significant digit: 3,000 -> 500, 312 -> 0.5, 2.5 ->
    0.05."""
    if value == 0:
        return 0.5
    magnitude = abs(value)
    if magnitude == int(magnitude):
        digits = str(int(magnitude))
        zeros = len(digits) - len(digits.rstrip("0"))
        return 0.5 * 10.0**zeros
    decimals = len(f"{magnitude:.6f}".rstrip("0").split(".")[1])
    return 0.5 * 10.0**-decimals


def _named(figure: Value, earlier: Sequence[EarlierValue]) -> str:
    nearest = sorted(earlier, key=lambda value: abs(value.value - figure.value))
    named = "; ".join(describe(value, figure.unit) for value in nearest[:_NAMED])
    more = f"; and {len(nearest) - _NAMED} more" if len(nearest) > _NAMED else ""
    return named + more


def describe(earlier: EarlierValue, unit: str) -> str:
    """'about 3,000,000 (2.7M-3.3M, #12, scmp.com 2024-04-14)', with an en dash."""
    details = []
    if earlier.low != earlier.high and earlier.qualifier not in ("range", "vague"):
        details.append(f"{compact(earlier.low)}{DASH}{compact(earlier.high)}")
    site = earlier.site or urlsplit(earlier.article_url).hostname or earlier.article_url
    if site.startswith("www."):
        site = site[4:]
    date = earlier.published_at.date().isoformat() if earlier.published_at else "undated"
    where = f"#{earlier.figure_id}" if earlier.figure_id > 0 else "this article"
    details += [where, f"{site} {date}"]
    if earlier.role == "previous":
        details.append("as a past value")
    said = amount(earlier.value, earlier.low, earlier.high, earlier.qualifier, unit)
    return f"{said} ({', '.join(details)})"
