"""Figures nobody follows: numbers whose counted thing names nothing a measure could be.

The grammar reads the number and the phrase around it faithfully; these rules decide that
the result is not a figure an analyst would be alerted to, and say why (``monitor explain``
lists them): a percentage or sum with no subject, a hedge word or a day read as the thing,
a place, a verb, a distance, a vote tally, a level or grade.
"""

from __future__ import annotations

import re

from monitor.figures.lexicon import CHANGE_NOUNS, HEDGES, PLACE_NOUNS, TIME_WORDS, VERB_FORMS
from monitor.figures.measures import LEVELS, Head, singular
from monitor.figures.model import COUNT, PERCENT, Figure

_VOTE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballots?|motion|bill|referendum|approved|passed|passing|"
    r"rejected|adopted|backed|parliament|assembly|council|lawmakers|deputies|senators|mps|"
    r"members|delegates)\b",
    re.IGNORECASE,
)
_TALLY_AFTER = re.compile(
    r"^\s*(?:(?:votes?\s+)?(?:-|\u2013|to|against)\s*\d|(?:voted|abstained|in\s+favou?r|against)"
    r"\b)",
    re.IGNORECASE,
)
_TALLY_BEFORE = re.compile(r"\d\s*(?:votes?\s+)?(?:-|\u2013|to|against)\s*$")
# "risen from 150 to 620": a change, whatever the sentence says of parliament.
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:[\d,.]+\s*(?:-|\u2013|to)\s*)?$", re.IGNORECASE)
_DISTANCE_AFTER = re.compile(
    r"^\s*(?:nautical\s+)?(?:km|kms|kilomet(?:re|er)s?|miles?|metres?|meters?|yards?|feet|ft|cm|mm|"
    r"(?:centi|milli)met(?:re|er)s?|inch(?:es)?)\b",
    re.IGNORECASE,
)
# "30 degrees", "50 knots", "120 km/h", "a 400 kV line": a reading of weather, speed or
# voltage, nothing counted.
_READING_AFTER = re.compile(
    r"^\s*(?:degrees?|\u00b0|celsius|fahrenheit|knots?|mph|km/h|kph|kmh|decibels?|dB|kV|"
    r"kilovolts?|volts?|hertz|Hz)\b",
    re.IGNORECASE,
)
# After a length: where something is, not how much of it there is ("25 km north of").
_WHERE_AFTER = re.compile(
    r"^\s*(?:nautical\s+)?[a-z]+\s+(?:(?:to\s+the\s+)?(?:north|south|east|west)|away|off|from|"
    r"outside|inland|"
    r"offshore|downstream|upstream|beyond|long|wide|deep|high|tall|short|behind|ahead|into)\b",
    re.IGNORECASE,
)
_NOT_EXTENTS = PLACE_NOUNS | frozenset("water waters sea depth altitude height air".split())
_WITHIN_BEFORE = re.compile(r"\b(?:within|than|up to|every)\s+(?:about\s+|some\s+)?$", re.I)
_LEVEL_BEFORE = re.compile(
    r"\b(?:level|phase|stage|category|tier|grade|step|code|class|alert|round|number|no\.?|"
    r"ward|gate|berth|room|bed|route|highway|platform|block|unit|wing|floor|bay|pier|"
    r"terminal|line|exit|junction|district|zone|sector|lot|plot|building|hangar|dock|train|"
    r"flight|bus|tram|model|version|kilometre|kilometer|milepost|marker)\s+$",
    re.IGNORECASE,
)
# "Confirmed cases now number 21", "the members affected number 146,500": the verb.
_NUMBER_VERB_BEFORE = re.compile(
    r"(?:\b(?:now|still|together|combined|which|that|who|they)|[a-z]{3,}[^s']s)\s+number\s+$",
    re.IGNORECASE,
)
# "the imaging system, RadiaView 6.2": a product's name with its version.
_PRODUCT_BEFORE = re.compile(r"\b[A-Z][a-z]+[A-Z][A-Za-z]*\s+$")
_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def noise_of(figure: Figure, head: Head, *, event: str | None, sentence_start: int) -> str | None:
    """Return why ``figure`` is not worth a measure, or None when it is one.

    ``head`` is the counted thing as ``measures.head_of`` read it, with any left-out noun
    already supplied; ``sentence_start`` is where the figure's sentence starts in the text its
    spans refer to.
    """
    words = figure.sentence
    start = figure.start - sentence_start
    end = figure.end - sentence_start
    if _LEVEL_BEFORE.search(words[:start]) and not _NUMBER_VERB_BEFORE.search(words[:start]):
        return "a level, grade or serial number, not a count"
    if _PRODUCT_BEFORE.search(words[:start]):
        return "a version in a product's name, not a count"
    if (
        _VOTE.search(words)
        and (_TALLY_AFTER.match(words[end:]) or _TALLY_BEFORE.search(words[:start]))
        and not _FROM_BEFORE.search(words[:start])
    ):
        return "a vote tally"
    if figure.unit == COUNT and _READING_AFTER.match(words[end:]):
        return "a temperature, speed or voltage, not a count"
    if head.distance or (
        _DISTANCE_AFTER.match(words[end:]) and not _extent(head, words, start, end)
    ):
        return "a distance, not a count"
    if not head.name and not event:
        if head.measured_in:
            return "a unit with nothing it measures"
        if figure.unit == PERCENT:
            return "a percentage with no subject"
        if figure.unit != COUNT:
            return "a sum of money with no subject"
        return "counts nothing named"
    last = _last_word(head.name)
    if last in LEVELS and figure.unit == COUNT and not head.measured_in:
        return "a level, grade or serial number, not a count"  # "the danger level fell to 3"
    if last in HEDGES:
        return f"{last!r} is a hedge word, not a thing"
    if last in TIME_WORDS or singular(last) in TIME_WORDS:
        return f"{last!r} is a time, not a thing"
    if last in PLACE_NOUNS and not event and not head.measured_in:
        return f"{last!r} is a place, not a thing"
    if last in VERB_FORMS and not (figure.unit != COUNT and last in CHANGE_NOUNS):
        return f"{last!r} is a verb, not a thing"  # but "a 12% rise" is a rise
    written = _WORD.findall(figure.thing)
    if (
        len(written) == 1
        and written[0][0].isupper()
        and not head.person
        and not head.measured_in
        and head.words.lower() == written[0].lower()
        and written[0].lower() in head.name.lower()  # not a sum its verb names ("cost")
        and figure.thing_start > figure.end
        and not _title_case(words)
    ):
        return f"{written[0]!r} is a name, not a thing"
    return None


def _extent(head: Head, sentence: str, start: int, end: int) -> bool:
    """Whether a length measures how much of a thing there is ("polluted 12 km of coastline",
    "laid 4,000 metres of booms"), not how far something is ("25 km north of the border",
    "within 5 km of the town", "forms 120 km of the border")."""
    if " " in head.name and _last_word(head.name) in LEVELS:
        return True  # "the river level reached 6 metres": a reading, not where a thing is
    if not head.name or not head.measured_in or _last_word(head.name) in _NOT_EXTENTS:
        return False  # "forms 120 km of the border", "lies in 40 metres of water"
    return not (_WHERE_AFTER.match(sentence[end:]) or _WITHIN_BEFORE.search(sentence[:start]))


def _last_word(name: str) -> str:
    parts = name.split()
    return parts[-1] if parts else ""


def _title_case(sentence: str) -> bool:
    words = _WORD.findall(sentence)
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.6 * len(words)
