"""``parse_figures(text)``: every figure an article's text reports.

For each sentence, the number grammar reads the numbers; the exclusion rules drop years,
dates, ages, durations and parts of names; what is left is a figure once the thing it counts
is found: the noun phrase after it ("40 ballistic missiles"), for money and percentages
after "of"/"in"/"for" ("$2.4m in aid"), else the phrase before it ("the toll rose to 500").
A count of nothing nameable is not reported; money and percentages are, with an empty thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.figures.exclusions import SMALL_SPELLED_MAX, not_a_figure
from monitor.figures.model import COUNT, Figure, Number
from monitor.figures.numbers import find_numbers
from monitor.figures.sentences import Sentence, split_sentences
from monitor.figures.things import rate_of, scope_of, thing_after, thing_before

# "... and 95,800 who ...", "187 by tender": the sentence goes on after the count.
_CLAUSE_GOES_ON = re.compile(r" [a-z]")
_LEADING_OF = re.compile(r"\s*of\b", re.IGNORECASE)
_MONEY_OR_PERCENT_LINK = re.compile(r"\s*(?:worth\s+of|of|in|for)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reading:
    """A number the grammar read in a sentence, and what the figures stage made of it."""

    sentence: Sentence
    number: Number  # spans are offsets into the sentence's text
    figure: Figure | None
    skipped: str | None  # why it is not a figure, when it is not


def parse_figures(text: str, *, small_spelled_max: int = SMALL_SPELLED_MAX) -> list[Figure]:
    """Return the figures ``text`` reports, in text order."""
    return [
        reading.figure
        for reading in read_numbers(text, small_spelled_max=small_spelled_max)
        if reading.figure is not None
    ]


def read_numbers(text: str, *, small_spelled_max: int = SMALL_SPELLED_MAX) -> list[Reading]:
    """Return every number of ``text`` with the figure it is, or why it is none."""
    readings = []
    for sentence in split_sentences(text):
        counted = ""  # the thing of the sentence's last count, for counts that leave it out
        for number in find_numbers(sentence.text):
            reading = _reading(sentence, number, small_spelled_max, counted)
            if reading.figure is not None and reading.figure.unit == COUNT:
                counted = reading.figure.thing
            readings.append(reading)
    return readings


def _reading(sentence: Sentence, number: Number, small_spelled_max: int, counted: str) -> Reading:
    words = sentence.text
    skipped = not_a_figure(words, number, small_spelled_max=small_spelled_max)
    if skipped is not None:
        return Reading(sentence, number, None, skipped)
    thing, thing_end = _thing(words, number)
    if not thing and number.unit == COUNT:
        # "68,400 people ... and 95,800 who ...": a count leaving out its noun counts the
        # sentence's earlier thing. Money and percentages say what they are by their unit.
        if not counted or not _CLAUSE_GOES_ON.match(words, number.end):
            return Reading(sentence, number, None, "counts nothing named")
        thing = counted
    figure = Figure(
        value=number.value,
        low=number.low,
        high=number.high,
        qualifier=number.qualifier,
        unit=number.unit,
        thing=thing,
        sentence=words,
        start=sentence.start + number.start,
        end=sentence.start + number.end,
        rate=rate_of(words, number.start, thing_end),
        scope=scope_of(words, number.start),
    )
    return Reading(sentence, number, figure, None)


def _thing(sentence: str, number: Number) -> tuple[str, int]:
    position = number.end
    if number.unit == COUNT:
        leading_of = _LEADING_OF.match(sentence, position)
        if leading_of and number.vague:
            position = leading_of.end()  # "dozens of missiles": the grammar stops before "of"
        thing, end = thing_after(sentence, position)
    else:
        link = _MONEY_OR_PERCENT_LINK.match(sentence, position)
        thing, end = thing_after(sentence, link.end()) if link else ("", position)
    if thing:
        return thing, end
    return thing_before(sentence, number.start), number.end
