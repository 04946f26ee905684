"""Plain values of the figures stage: a number the grammar read, and a figure an article reports.

text -> numbers.find_numbers -> Number -> extract.parse_figures -> Figure -> measures, novelty
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# How the text qualifies a value; the names are the JSON contract's (DESIGN.md).
Qualifier = Literal["exact", "about", "almost", "at_least", "more_than", "up_to", "range", "vague"]

COUNT = "count"  # a number of things: the unit of every figure that is not percent or money
PERCENT = "percent"
# Money figures carry an ISO 4217 code ("USD", "EUR", "KRW") as their unit.


@dataclass(frozen=True, slots=True, kw_only=True)
class Number:
    """A number as written, with what the words around it say about it.

    ``start``/``end`` cover the whole phrase: qualifier words, currency sign or word, the number,
    its scale and a percent sign or word ("about $2.4bn", "between 10 and 12 per cent").
    ``number_start`` is where the numeral itself begins, after any qualifier words.
    """

    start: int
    end: int
    number_start: int
    value: float  # the central value: a range's midpoint, a vague amount's table value
    low: float
    high: float
    qualifier: Qualifier
    unit: str  # COUNT, PERCENT or an ISO 4217 code
    spelled: bool  # written in words alone ("two", "a dozen"), no digit
    vague: bool  # "dozens of", "several million": low and high come from a table

    @property
    def is_range(self) -> bool:
        return self.qualifier == "range"


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    """One figure an article reports: how many or how much of something there is.

    ``start``/``end`` span the number phrase in the text given to ``parse_figures``;
    ``sentence`` is the whole sentence it was read in.
    """

    value: float
    low: float
    high: float
    qualifier: Qualifier
    unit: str  # COUNT, PERCENT or an ISO 4217 code
    thing: str  # the counted noun phrase as written, "rounds of 152mm artillery shells"
    sentence: str
    start: int
    end: int
    rate: str | None = None  # "daily", "weekly", "monthly", "annual": a figure per period
    scope: str | None = None  # a qualifying frame of the figure, "2022's record"
    # Where ``thing`` was read, in the same text as start/end; empty (both at ``end``) when
    # the thing was borrowed from an earlier count of the sentence.
    thing_start: int = -1
    thing_end: int = -1
