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

from monitor.figures.changed import changed_subject, changed_thing
from monitor.figures.exclusions import (
    GAP_ENDS,
    GAPPED,
    ONE_OF,
    SMALL_IN_WORDS,
    SMALL_SPELLED_MAX,
    not_a_figure,
)
from monitor.figures.lexicon import (
    ADJECTIVES,
    MEASURE_UNITS,
    ONLY_OF_PEOPLE,
    PLACE_NOUNS,
    TIME_WORDS,
    VERBS,
    phrase_at,
)
from monitor.figures.model import COUNT, PERCENT, Figure, Number
from monitor.figures.money import WRITTEN_SUM
from monitor.figures.number_words import SPELLED_PATTERN, TEENS, TENS, UNITS
from monitor.figures.numbers import find_numbers
from monitor.figures.sentences import Sentence, split_sentences
from monitor.figures.shares import as_shares
from monitor.figures.things import (
    STOCK_NOUNS,
    event_word_after,
    names_an_event,
    names_people,
    rate_of,
    scope_of,
    thing_after,
    thing_before,
    thing_in_apposition,
)

# "... and 95,800 who ...", "187 by tender": the sentence goes on after the count.
_CLAUSE_GOES_ON = re.compile(r" [a-z]")
# "1,800 of them", "140 of the 180 drones", "1,200 of the factory's 5,300 workers": a part
# of what the sentence counts.
_PARTITIVE = re.compile(r"\s+of\s+(?:them|whom|those|these|which)\b", re.IGNORECASE)
# "four of the seven dead": the whole's number in words, which the grammar reads alone.
_SPELLED_WHOLE = re.compile(rf"{SPELLED_PATTERN}(?=\s)", re.I)
_OF_THE_NUMBER = re.compile(
    r"\s+of\s+(?:(?:the|its|their|these|those)\s+(?:[\w-]+['\u2019]s\s+(?=[\d]))?|"
    r"[A-Z][\w-]*['\u2019]s\s+(?=[\d]))(?:[\d][\d,.]*\s+|\w+\s+(?=[\d]))?",
    re.I,
)
_UP_FROM = re.compile(
    r",\s+(?:up|down|rising|falling|compared)\s+(?:from|with|to)\s+(?:the\s+)?$", re.IGNORECASE
)
# "up from 900.", "compared with 41", "the earlier estimate of 12,000": another value of the
# thing just counted.
_COMPARED_BEFORE = re.compile(
    r"\b(?:from|with|than|against|versus|of|at|to|for)\s+(?:the\s+|an?\s+|its\s+|their\s+)?"
    r"(?:(?:yesterday|today|last\s+week|last\s+month|last\s+year|Monday|Tuesday|Wednesday|"
    r"Thursday|Friday|Saturday|Sunday)['\u2019]s\s+)?$",  # "down from yesterday's 260,000"
    re.IGNORECASE,
)
# "Of the 400 cases, ", "Of last week's arrivals, ": the whole a count after it is part of.
_OF_OPENING = re.compile(
    r"^\s*Of\s+(?:the\s+|[A-Za-z-]+\s+[A-Za-z-]+['\u2019]s\s+|[A-Z][\w-]*['\u2019]s\s+)"
    r"(?:[\d,.]+\s+)?(?:[a-z-]+\s+){0,2}?(?P<noun>[a-z][a-z-]*),\s+(?:[a-z]+\s+){0,2}$"
)
_LEADING_OF = re.compile(r"\s*of\b", re.IGNORECASE)
_SHARE_OF_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|all)\s+(?:[\d][\d,.]*\s+)?", re.I)
_TIME_WORD = "|".join(sorted(TIME_WORDS))
_WHEN_POSSESSIVE = re.compile(rf"\b(?:{_TIME_WORD})['\u2019]s?$", re.IGNORECASE)
# "the health office reported 21": the subject of a reporting verb is who counted.
_REPORTED_BEFORE = re.compile(
    r"\b(?:reported|recorded|registered|counted|logged|listed|announced|declared|notified)\s+$"
)
# "nearly double last Thursday's 612": the same thing, counted then.
_WHEN_BEFORE = re.compile(rf"\b(?:{_TIME_WORD})['\u2019]s\s+$", re.IGNORECASE)
_MONEY_OR_PERCENT_LINK = re.compile(r"\s*(?:worth\s+of|of|in|for)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Reading:
    """A number the grammar read in a sentence, and what the figures stage made of it."""

    sentence: Sentence
    number: Number  # spans are offsets into the sentence's text
    figure: Figure | None
    skipped: str | None  # why it is not a figure, when it is not
    # A small number in words ("seven people") is skipped, but keeps the figure it would be:
    # it counts when the words around it say what happened (``meaning.py``).
    candidate: Figure | None = None


def parse_figures(text: str, *, small_spelled_max: int = SMALL_SPELLED_MAX) -> list[Figure]:
    """Return the figures ``text`` reports, in text order, each number as written: "a
    quarter of" is 0.25 here, the way number recognition is scored (``shares.py``)."""
    return [
        reading.figure
        for reading in read_numbers(text, small_spelled_max=small_spelled_max)
        if reading.figure is not None
    ]


def read_numbers(
    text: str, *, small_spelled_max: int = SMALL_SPELLED_MAX, fractions_as_shares: bool = False
) -> list[Reading]:
    """Return every number of ``text`` with the figure it is, or why it is none.

    With ``fractions_as_shares``, "a quarter of the farms" and "one in five lorries" are
    percentages, as the meaning stage compares them with "25%" (``shares.py``).
    """
    readings = []
    for sentence in split_sentences(text):
        # The thing of the sentence's last figure of each unit, for those that leave it out.
        counted: dict[str, str] = {}
        # What a comparison ("down from 17", "compared with 3,700") may be of: the last count
        # of its kind, even a small one in words or one whose noun the clause implies.
        compared: dict[str, str | None] = {}
        numbers = find_numbers(sentence.text)
        if fractions_as_shares:
            numbers = as_shares(sentence.text, numbers)
        for number in numbers:
            kind = _kind(number.unit)
            earlier = counted.get(kind, "")
            if (
                not earlier
                and kind in compared
                and _COMPARISON_BEFORE.search(sentence.text, 0, number.start)
            ):
                earlier = compared[kind] or _IMPLIED
            reading = _reading(sentence, number, small_spelled_max, earlier)
            read = reading.figure or reading.candidate
            if read is not None:
                compared[kind] = read.thing or None
            if reading.figure is not None and reading.figure.thing:
                counted[kind] = reading.figure.thing
            elif reading.candidate is not None and (
                names_an_event(reading.candidate.thing) or names_people(reading.candidate.thing)
            ):
                # "Ten of the dead were found in Kolvany, 5 in Prestiz", "held four people,
                # three of them in Marvenia"; not "the two countries"
                counted[kind] = reading.candidate.thing
            readings.append(reading)
    return readings


def _kind(unit: str) -> str:
    """Counts borrow from counts, shares from shares, and a sum from a sum in any currency
    ("Estravia pledged $20 million and the Aurelian Union €15 million")."""
    return unit if unit in (COUNT, PERCENT) else "money"


def _reading(sentence: Sentence, number: Number, small_spelled_max: int, counted: str) -> Reading:
    words = sentence.text
    skipped = not_a_figure(words, number, small_spelled_max=small_spelled_max)
    if skipped is not None and skipped not in (SMALL_IN_WORDS, ONE_OF):
        # Small numbers in words and "one of" stay candidates: "killed one of the guards"
        # counts what befell someone.
        return Reading(sentence, number, None, skipped)
    figure, reason = _figure(sentence, number, counted)
    if skipped is not None:
        # "seven people died": the meaning stage keeps it when the words say what happened.
        return Reading(sentence, number, None, skipped, candidate=figure)
    return Reading(sentence, number, figure, reason)


def _figure(sentence: Sentence, number: Number, counted: str) -> tuple[Figure | None, str | None]:
    words = sentence.text
    thing, thing_start, thing_end = _thing(words, number)
    if (
        counted
        and _BARE_UNIT.fullmatch(thing)
        and (stuff := _UNIT_OF.fullmatch(counted))
        and not _stock_subject(words, number)  # "state stocks have recovered to"
    ):
        # "7 tonnes of dead fish on one side, and 1,300 kg in Korsany": of dead fish too.
        thing = f"{thing} {stuff.group('stuff')}"
    share_of_sum = _SHARE_OF_SUM.match(words, number.end) if number.unit == PERCENT else None
    if share_of_sum is not None:
        # "31% of the refugee office's $58 million appeal": a share of the appeal.
        thing, thing_start, thing_end = (
            share_of_sum.group("noun"),
            share_of_sum.start("noun"),
            share_of_sum.end("noun"),
        )
    if counted and thing_end <= number.start and _UP_FROM.search(words, 0, number.start):
        # "27 vessels waiting at anchor, up from 23": the vessels, not the anchor.
        thing = ""
    if (
        counted
        and (thing_end <= number.start or _BARE_UNIT.fullmatch(thing))
        and _gapped(words, number)
    ):
        # "and Lutavia 14", "Lothmark 15 km": Lutavia is where, the noun is the earlier count's
        thing = ""
    if counted == _IMPLIED and not thing and _COMPARISON_BEFORE.search(words, 0, number.start):
        # "1,020 came ashore here, compared with 3,700": of what the count before was, which
        # the meaning stage names.
        thing, thing_start, thing_end = "", number.end, number.end
    elif not thing and counted and _borrows(words, number):
        # "68,400 people ... and 95,800 who ...", "1,800 of them", "up from 900", "down from
        # 2.2 percent": a figure leaving out its noun counts the sentence's earlier thing.
        thing, thing_start, thing_end = counted, number.end, number.end
    elif not thing and number.unit == COUNT and (whole := _OF_OPENING.match(words[: number.start])):
        # "Of last week's arrivals, 3,700 came ashore in Halden": a part of what it names.
        thing, thing_start, thing_end = whole.group("noun"), whole.start("noun"), whole.end("noun")
    elif not thing and number.unit == COUNT and (listed := _listed_after_colon(words, number)):
        # "Wells remain closed on both banks: 64 in Arvelia and 22 in Korsany, 86 in all".
        thing, thing_start, thing_end = listed
    elif not thing and number.unit == COUNT:
        anaphor = _ANAPHOR_BEFORE.search(words, 0, number.start)
        changed = changed_thing(words, number.start, number.end) if anaphor is None else None
        if anaphor is not None:
            # "put the number at 1.6 million": the number the article spoke of before.
            thing, thing_start, thing_end = (
                anaphor.group("noun"),
                anaphor.start("noun"),
                anaphor.end("noun"),
            )
        elif changed is not None:
            # "That brings sea arrivals since May 19 to 18,120": what the verb changed.
            thing_start, thing_end = changed
            thing = words[thing_start:thing_end]
        elif _befell_people_after(words, number.end):
            # "Last week, 1,020 came ashore here", "40 were killed": what befell them says
            # they are people, for the meaning stage to name.
            thing, thing_start, thing_end = "", number.end, number.end
        elif (
            _OF_THEM_AFTER.match(words, number.end) or _part_after_of_those(words, number.start)
        ) and number.value != 1:
            # "Three of them were leaking": a part of the count the sentence before gave,
            # for the meaning stage to name.
            thing, thing_start, thing_end = "", number.end, number.end
        else:
            return None, "counts nothing named"  # money and percentages say what by their unit
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
        rate=rate_of(words, number.start, max(thing_end, number.end)),
        scope=scope_of(words, number.start),
        thing_start=sentence.start + thing_start,
        thing_end=sentence.start + thing_end,
    )
    return figure, None


_SHARE_OF_SUM = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w-]+(?:\s+[\w-]+){0,4}['\u2019]s\s+)?"
    rf"{WRITTEN_SUM}\s+(?:[a-z-]+\s+)?"
    r"(?P<noun>appeal|budget|fund|package|plan|programme|program|request|bill|loan|bailout|"
    r"target)\b"
)
# What may stand between a colon and a count of a list after it: other counts and where
# they are ("64 in Arvelia and 22 in Korsany, 86 in all").
_LIST_ITEMS = re.compile(
    r"(?:\s|,|\band\b|\d[\d,.]*+|\bin\s+(?:total|all)\b|"
    r"\b(?:in|at|across)\s+(?:the\s+)?[A-Z][\w'\u2019-]*+(?:\s+[A-Z][\w'\u2019-]*+)*+)*+"
)
# Verbs that link a subject to its state: "Wells remain closed", "Schools are shut".
_LINKING = frozenset(
    "remain remains remained are is were was have has had been stay stays stayed now still".split()
)


def _listed_after_colon(words: str, number: Number) -> tuple[str, int, int] | None:
    """Return what a count in a list after a colon counts: the clause before the colon,
    its subject and its state without the verb that links them ("wells closed on both
    banks"), with that clause's span."""
    colon = words.rfind(":", 0, number.start)
    if colon < 0 or not _LIST_ITEMS.fullmatch(words, colon + 1, number.start):
        return None
    dash = words.rfind(" - ", 0, colon)
    start = max(words.rfind(";", 0, colon) + 1, dash + 3 if dash >= 0 else 0)
    clause = words[start:colon].strip()
    tokens = clause.split()
    if not tokens or len(tokens) > 12:
        return None
    kept = [
        token
        for token in tokens
        if token.lower() not in _LINKING
        # "Seven buildings are now empty: six in Pellin": the total's number is no noun
        and not token[:1].isdigit()
        and token.lower() not in _NUMBER_WORDS
    ]
    if not kept:
        return None
    return " ".join(kept), words.index(clause, start), colon


_NUMBER_WORDS = frozenset((*UNITS, *TEENS, *TENS))
# "put the number at", "raised its estimate to", "the figure of 14": a count of what the
# article counted before.
_ANAPHOR_BEFORE = re.compile(
    r"\b(?:the|its|their)\s+(?:[a-z]+\s+)?(?P<noun>number|figure|total|estimate|count|tally)"
    r"\s+(?:(?:[a-z]+\s+){0,3}?(?:at|to)|of)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|"
    r"more\s+than\s+|at\s+least\s+)?$"
)
_OF_THEM_AFTER = re.compile(r"\s+of\s+(?:them|those|these)\b", re.IGNORECASE)
# "Of these, 30 are in Mirsk district and four in Paldera": parts of the count before, the
# first right after the opening, the others joined to it by "and".
# "Of those," and "Of those affected,": the whole is the count before, whatever word says
# what befell it.
OF_THOSE_OPENING = re.compile(r"\s*Of\s+(?:them|those|these)(?:\s+[a-z]+){0,2}\s*,", re.IGNORECASE)
_FIRST_PART = re.compile(r"\s*(?:(?:about|some|nearly|around|almost|only|just)\s+)?$", re.I)
_NEXT_PART = re.compile(r"\d[^;:]*(?:,|\band)\s+(?:(?:about|some|nearly|around)\s+)?$", re.I)


# A value set against another: "down from 17", "compared with 3,700" (not "enough for 20,000").
_COMPARISON_BEFORE = re.compile(r"\b(?:from|with|than|against|versus)\s+(?:the\s+)?$", re.I)
_IMPLIED = "\x00implied"  # a count before whose noun its clause implies ("1,020 came ashore")
# What befalls people, and the clauses that say people came or were saved: "1,020 came
# ashore", "17 were pulled alive".
_ONLY_PEOPLE = ONLY_OF_PEOPLE | {"rescued", "arrived"}
_ALSO_OF_THINGS = frozenset(("landed", "arrived", "reached", "docked"))
_AUXILIARY_WORDS = frozenset(
    "have has had were was are is been still now also reportedly already later".split()
)
_WORD_AFTER = re.compile(r"[A-Za-z]+")


def _befell_people_after(words: str, end: int) -> bool:
    """Whether the clause after a number says what befell people: "came ashore", "were
    killed", "have died"."""
    after = [word.lower() for word in _WORD_AFTER.findall(words[end : end + 60])]
    index = 0
    while index < len(after) and after[index] in _AUXILIARY_WORDS:
        index += 1
    if index == 0 and after[:1] and after[0] in ("dead", "missing", "injured", "wounded"):
        return False  # "40 dead" reads its noun itself
    found = phrase_at(after, index, VERBS) or phrase_at(after, index, ADJECTIVES)
    if found is None or found[0] not in _ONLY_PEOPLE:
        return False
    return " ".join(after[index : index + found[1]]) not in _ALSO_OF_THINGS


def _part_after_of_those(words: str, start: int) -> bool:
    opening = OF_THOSE_OPENING.match(words)
    if opening is None:
        return False
    between = words[opening.end() : start]
    return bool(_FIRST_PART.match(between) or _NEXT_PART.search(between))


ANAPHORS = frozenset("number figure total estimate count tally".split())
_BARE_UNIT = re.compile(rf"(?:{'|'.join(sorted(MEASURE_UNITS))})\.?", re.I)
_UNIT_OF = re.compile(rf"{_BARE_UNIT.pattern}\s+(?P<stuff>of\s+.+)", re.I)
_AUX = re.compile(
    r"\s+(?:(?:have|has|had)\s+been|were|was|are|is|have|has|had|remain|remains|remained|"
    r"still)\b",
    re.I,
)


def _past_aux(sentence: str, position: int) -> int:
    """Return where the words after an auxiliary start ("300 were laid off"), else
    ``position``."""
    aux = _AUX.match(sentence, position)
    return aux.end() if aux else position


def _borrows(sentence: str, number: Number) -> bool:
    """Whether a count without a noun of its own counts the sentence's earlier thing."""
    return bool(
        _CLAUSE_GOES_ON.match(sentence, number.end)
        or _gapped(sentence, number)
        or _PARTITIVE.match(sentence, number.end)
        or _COMPARED_BEFORE.search(sentence, 0, number.start)
        or _WHEN_BEFORE.search(sentence, 0, number.start)
        or _REPORTED_BEFORE.search(sentence, 0, number.start)
    )


def _names_a_reporter(subject: str) -> bool:
    """ "the ministry", "health officials" report a count; "Lirenza", "Mbarun district"
    name where it was counted."""
    return any(
        word[0].islower() and word not in PLACE_NOUNS and not word.endswith("ly")
        for word in subject.split()
    )


def _gapped(sentence: str, number: Number) -> bool:
    return bool(GAPPED.search(sentence, 0, number.start) and GAP_ENDS.match(sentence, number.end))


def _stock_subject(sentence: str, number: Number) -> bool:
    """Whether a verb of change or level gives the number a stock of its own as subject."""
    span = changed_subject(sentence, number.start, number.end)
    if span is None:
        return False
    words = sentence[span[0] : span[1]].lower().split()
    return bool(words) and words[-1] in STOCK_NOUNS


def _thing(sentence: str, number: Number) -> tuple[str, int, int]:
    """Return the counted phrase of ``number`` and its span in ``sentence``."""
    position = number.end
    if number.unit == COUNT:
        leading_of = _LEADING_OF.match(sentence, position)
        if leading_of and number.vague:
            position = leading_of.end()  # "dozens of missiles": the grammar stops before "of"
        part_of = _OF_THE_NUMBER.match(sentence, position)
        if part_of is not None:
            # "140 of the 180 drones": the part counts what the whole does.
            position = part_of.end()
            inner = re.match(r"[\d][\d,.]*", sentence[position:])
            if inner is not None:
                position += inner.end()
            elif (spelled := _SPELLED_WHOLE.match(sentence, position)) is not None:
                position = spelled.end()
        thing, end = thing_after(sentence, position)
        if not thing:
            # "nearly 1,000 wounded", "nearly 300 were laid off": the event words stand for
            # the people counted.
            after_aux = _past_aux(sentence, position)
            event = event_word_after(sentence, position) or event_word_after(
                sentence, after_aux, verbs=after_aux != position
            )
            if event is not None:
                return event[0], event[1] - len(event[0]), event[1]
    else:
        link = _MONEY_OR_PERCENT_LINK.match(sentence, position)
        # "$2.4m in aid", else a noun right after: "a 12% rise", "a $60m package".
        thing, end = thing_after(sentence, link.end() if link else position)
    if thing:
        return thing, end - len(thing), end
    beside = thing_in_apposition(sentence, number.start, number.end)
    if beside:
        start = sentence.rfind(beside, 0, number.start)
        return beside, start, start + len(beside)
    before = thing_before(sentence, number.start)
    if _REPORTED_BEFORE.search(sentence, 0, number.start) and _names_a_reporter(before):
        return "", number.end, number.end  # "Kelvany's health office reported 21": who told
    if _WHEN_POSSESSIVE.search(before):
        before = ""  # "nearly double last Thursday's 612": when it was counted, not what
    whole = _SHARE_OF_WHOLE.match(sentence, number.end) if number.unit == PERCENT else None
    if not before and whole is not None:
        # "That means 16% of the 31 blocks checked have failed": a share of what follows
        thing, end = thing_after(sentence, whole.end())
        if thing:
            return thing, end - len(thing), end
    start = sentence.rfind(before, 0, number.start) if before else number.start
    return before, start, start + len(before)
