"""Shares written as fractions: "a quarter of the vegetables", "one in five lorries".

The number grammar reads "a quarter" as 0.25 and "one in five" as two small numbers, which
is right for a number reader and wrong for a figure: an analyst reads both as a share of
something, the way "25%" is written. ``as_shares`` turns them into percentages, so they join
the measure the same share takes when written with a percent sign, and "One in three
children" is no longer a count of three children.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from monitor.figures.model import COUNT, PERCENT, Number

# A decimal ("0.4 tonnes") is a quantity, not a fraction of something.
_DECIMAL: Final = re.compile(r"\d?\.\d")
# "one in five", "two out of three": the words between the part and the whole.
_IN_EVERY: Final = re.compile(r"\s+(?:in|out\s+of)\s+$", re.IGNORECASE)
# A year after "in" is a date ("two in 2019"), not a whole.
_YEAR: Final = re.compile(r"(?:1[89]|20)\d\d")
_LARGEST_WHOLE: Final = 1_000_000


def as_shares(text: str, numbers: list[Number]) -> list[Number]:
    """Return ``numbers`` with fractions of a whole read as percentages."""
    shares: list[Number] = []
    for number in numbers:
        part = shares[-1] if shares else None
        if part is not None and _whole_of(text, part, number):
            shares[-1] = _one_in(part, number)
            continue
        if _fraction(text, number):
            number = replace(
                number,
                value=_percent(number.value),
                low=_percent(number.low),
                high=_percent(number.high),
                unit=PERCENT,
            )
        shares.append(number)
    return shares


def _fraction(text: str, number: Number) -> bool:
    return (
        number.unit == COUNT
        and 0 < number.value < 1
        and not _DECIMAL.search(text, number.number_start, number.end)
    )


def _whole_of(text: str, part: Number, whole: Number) -> bool:
    """Whether ``whole`` is what ``part`` is one in: "one in five", "3 out of 10"."""
    return (
        part.unit == COUNT
        and whole.unit == COUNT
        and not part.vague
        and not whole.vague
        and part.qualifier != "range"
        and whole.qualifier == "exact"
        and part.value >= 1
        and part.value < whole.value <= _LARGEST_WHOLE
        and float(part.value).is_integer()
        and float(whole.value).is_integer()
        and _IN_EVERY.match(text, part.end, whole.start) is not None
        and not _YEAR.fullmatch(text[whole.number_start : whole.end])
    )


def _one_in(part: Number, whole: Number) -> Number:
    value = _percent(part.value / whole.value)
    return replace(
        part,
        end=whole.end,
        value=value,
        low=value,
        high=value,
        unit=PERCENT,
        spelled=part.spelled and whole.spelled,
    )


def _percent(fraction: float) -> float:
    # "a third" is 33.3%: an analyst writes a third as 33%, within the 1% any comparison allows.
    return round(fraction * 100, 1)
