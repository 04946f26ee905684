"""Numbers that are not figures: years, dates, times, ages, durations, parts of names...

Each rule looks at a number the grammar read and the words around it in its sentence, and
names why it is not a figure (``explain`` shows the names). The rules are deliberately about
context, not about the number alone: "2019" is a year in "since 2019" but a count in
"2,019 refugees"; "40" is an age in "Kim, 40, said" but a count in "40 missiles".
"""

from __future__ import annotations

import re

from monitor.figures.lexicon import MEASURE_UNITS
from monitor.figures.model import Number
from monitor.figures.number_words import MONTHS

SMALL_SPELLED_MAX = 10  # "the two leaders" is not a figure; "a dozen missiles" is
SMALL_IN_WORDS = "small number in words"
ONE_OF = "one of"

_MONTHS = "|".join(sorted(MONTHS, key=lambda name: (-len(name), name)))  # "january", then "jan"
_WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_TIME_UNITS = (
    "seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?"
    "|yrs?|decades?|centuries|century|semesters?|terms?|seasons?|winters|summers|autumns"
)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS})\.?\s+(?:the\s+)?$", re.IGNORECASE)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{_MONTHS})\b", re.IGNORECASE)
_PLACED_PART_AFTER = re.compile(r"\s+(?:in|at)\s+[A-Z]")
_DAY_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTHS}|{_WEEKDAYS})\.?,?\s+\d{{1,2}},\s+$", re.I)
_TIME_AFTER = re.compile(r"^(?::\d\d|\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|h\d\d|GMT|UTC))", re.I)
_TIME_BEFORE = re.compile(r"\d:$")
_AT_BEFORE = re.compile(r"\b(?:at|around|about|by|until|after|before)\s+$", re.IGNORECASE)
_PART_OF_DAY_AFTER = re.compile(
    r"^\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night)(?=\s*(?:[,.;:]|$|and\b|when\b))"
)
_DURATION_AFTER = re.compile(
    rf"^(?:-|\s+|-plus[\s-]|\s*\+\s*)(?:(?:long|full|straight|consecutive|more|additional|"
    rf"whole|short|past|previous|next|odd|working|business|school|trading|calendar)[\s-]+)?"
    rf"(?:{_TIME_UNITS})\b",
    re.IGNORECASE,
)
# "Of the 25 dead, 16 were over 70": the ages of a count just given.
_AGE_OF_A_COUNT = re.compile(
    r"\b\d[\d,]*\s+(?:were|are)\s+(?:aged\s+)?(?:over|under|above|below|older\s+than|"
    r"younger\s+than)\s+$",
    re.IGNORECASE,
)
# "I will be 70 before this land pays again": how old someone will be.
_WILL_BE_BEFORE = re.compile(r"\b(?:I|he|she)\s+(?:will|would|shall)\s+be\s+$")
_WHEN_AFTER = re.compile(r"^\s+(?:before|by\s+the\s+time|when|next\s+year)\b")
# "buses on lines 3 and 17": identifiers in a list (not "on the picket lines 300 workers").
_LINES_BEFORE = re.compile(r"\b(?:lines|routes)\s+(?:\d{1,3}\s*(?:,|and|or|&)\s*)*$")
_LIST_GOES_ON = re.compile(r"^\s*(?:,|and|or|&)\s*\d")
_AGE_COMPARATIVES = ("over", "under", "above", "below", "than")
# "whose family has fished here for four generations": how long, not how many.
_GENERATIONS_AFTER = re.compile(r"^\s+generations\b", re.IGNORECASE)
_FOR_BEFORE = re.compile(r"\bfor\s+(?:some\s+|nearly\s+|almost\s+|over\s+)?$", re.IGNORECASE)
# "the block had 12 storeys": how tall a building is.
_STOREYS_AFTER = re.compile(
    r"^[\s-]+(?:storeys?|stories|floors)\s*(?:[.,;:)]|$|and\b|high\b|tall\b)", re.I
)
_HAD_BEFORE = re.compile(r"\b(?:had|has|have)\s+(?:only\s+|just\s+)?$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"^[\s-]*(?:years?|yrs?|months?)[\s-]*old\b", re.IGNORECASE)
_AGE_BEFORE = re.compile(
    r"\b(?:(?:aged|age|ages)(?:\s+(?:over|under|above|below|between|about|around))?|"
    r"(?:people|persons|men|women|patients|residents|adults|pensioners|those|anyone|everyone|"
    r"children|boys|girls|babies|infants)"
    r"\s+(?:over|under|above|below|older\s+than|younger\s+than)|"
    r"(?:boy|girl|man|woman|child|baby|son|daughter|pensioner)\s+of|"
    r"(?:mother|father|son|daughter|wife|husband|grandmother|grandfather|brother|sister|he|"
    r"she|victim|neighbour|neighbor|friend|man|woman|boy|girl|child|baby|patient|survivor|"
    r"driver|pilot|captain|worker|owner|farmer|teacher|soldier|officer|nurse|doctor|miner|"
    r"student|pupil|passenger|tourist|resident|guard|suspect|"
    r"youngest|oldest|eldest)\s+(?:is|was|turned|turns|is\s+now)|"
    r"\bwho\s+(?:turned|turns|will\s+turn|is\s+now)|"
    r"\b(?:the\s+)?(?:youngest|oldest|eldest)(?:\s+(?:victim|one|survivor|patient))?,?)\s+$",
    re.IGNORECASE,
)
# "by calling 112", "the 112 emergency line": a number to call.
_CALL_BEFORE = re.compile(
    r"\b(?:call|calls|calling|dial|dials|dialling|dialing|ring|text)\s+$", re.I
)
_CALL_AFTER = re.compile(r"^\s+(?:emergency\s+)?(?:line|hotline|helpline|number)\b", re.I)
# "Kim, 40, said": a name, a comma, a number, a comma.
# "Irena Vastel, 73,", "a woman, 83,", "the driver, 56,": a person, then an age.
_AGE_APPOSITION = re.compile(
    r"(?:[A-Z][\w'\u2019.-]*|\b(?:man|woman|boy|girl|child|mother|father|son|daughter|wife|"
    r"husband|grandmother|grandfather|widow|pensioner|farmer|driver|nurse|teacher|doctor|"
    r"worker|resident|victim|patient|owner|neighbour|neighbor)),\s+$"
)
_NAME_BEFORE = re.compile(
    r"\b(?:Resolution|Article|Section|Chapter|Clause|Rule|Act|No\.?|Number|Nos?\.|Flight|Route|"
    r"Highway|Room|Gate|Platform|Line|Bus|Channel|Page|Volume|Vol\.|Issue|[Vv]ersion|Phase|Stage|"
    r"Level|Block|Unit|Ward|District|Zone|Camp|Group|Battalion|Brigade|Division|Regiment|"
    r"Squadron|Corps|Army|Fleet|Model|Type|Class|Series|Mark|Mk\.?|Apollo|Air\s+Force|Terminal|"
    r"Building|Pier|Berth|Bay|Dock|Quay|Hangar|Wing|Floor|Sector|Grade|"
    r"Round|Game|Match|Week|Day)\s+$"
    # ... and lower case: "on deck 9", "from gate 4", "on decks 6 and 7"
    r"|\b(?:deck|gate|platform|berth|pier|ward|bay|terminal|floor|cabin|hangar)\s+$"
    # ... and several: "on decks 6 and 7", "Lines 2 and 5 are closed"
    r"|\b(?:[Dd]ecks|[Gg]ates|[Pp]latforms|[Bb]erths|[Ww]ards|[Bb]ays|[Ff]loors|[Cc]abins|Lines|"
    r"Routes|Flights|Terminals|Blocks|Units|Piers|Docks|Zones|Sections|Articles|Channels|"
    r"Levels|Phases|Stages)\s+"
    r"(?:\d{1,3}\s*(?:,|and|or|&)\s*)*$"
)
# "2000 troops" counts troops; "in 2019 the talks" and "since 2006" are years.
_PLURAL_AFTER = re.compile(
    r"^\s+(?!(?:was|has|is|as|this|its|his|us|thus|plus)\b)[a-z]+[^sui\W]s\b(?!')"
)
_YEAR_PREPOSITION = re.compile(r"(?:^|\s)(?:In|Since|By|Until|Through|since|until)\s+$")
_POSSESSIVE_BEFORE = re.compile(r"(?:['\u2019]s|\b(?:its|their|his|her|our|my|your))\s+$", re.I)
_ADDRESS_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:Road|Rd|Street|St|Avenue|Ave|Way|Lane|Drive|Boulevard|Blvd|"
    r"Place|Square|Court|Terrace|Crescent|Close|Highway)\b"
)
# The word right before a number, when nothing but spaces separates them.
_WORD_BEFORE = re.compile(r"(?:^|\s)([^\s]+)\s+$")
_WORD = re.compile(r"[A-Za-z][\w&'\u2019.-]*")
_LIST_NUMBER = re.compile(r"^\s*(?:\(?\d{1,2}[.)])\s")
_PHONE_NEIGHBOUR = re.compile(r"(?:\+[\d\s-]*|\d[-/.]|\(\d{2,4}\)\s*)$")


def not_a_figure(
    sentence: str, number: Number, *, small_spelled_max: int = SMALL_SPELLED_MAX
) -> str | None:
    """Return why ``number`` (spanning ``sentence``) is not a figure, or None if it is one."""
    before, after = sentence[: number.number_start], sentence[number.end :]
    written = sentence[number.number_start : number.end]
    near = _near(before)  # the rules reading back from the number need only its last words
    if (_MONTH_BEFORE.search(near) or _MONTH_AFTER.match(after)) and not re.fullmatch(
        r"\d{1,3}(?:,\d{3})+", written
    ):
        return "date"  # but "In March 2,000 workers walked out": no day has a thousands comma
    if (
        _DAY_MONTH_BEFORE.search(near)
        and not _PLACED_PART_AFTER.match(after)
        and "," not in written  # "which began on May 19, 2,600 people arrived": no year
        and (re.fullmatch(r"(?:1[89]|20)\d\d", written) or not after.startswith(" "))
    ):
        return "date"  # "May 2, 2024"; but "since January 12, 14 in Caldoria" is a count
    if before.endswith(("-", "#")) or (_NAME_BEFORE.search(near) and "," not in written):
        return "name or identifier"
    if (
        re.fullmatch(r"\d{1,4}", written)
        and number.unit == "count"
        and _named_by(sentence, before, after)
    ):
        return "name or identifier"  # "the S&P 500", "iPhone 11", "Game 2", "Big 12"
    if re.fullmatch(r"\d{4}", written) and after.startswith(("'s", "\u2019s")):
        return "year"  # "surpassing 2022's record": a year's possessive, whatever came before
    if number.unit == "count" and _is_year(number, written):
        if (
            not _PLURAL_AFTER.match(after)
            or _POSSESSIVE_BEFORE.search(near)
            or _YEAR_PREPOSITION.search(near)
        ):
            return "year"  # "since 2019", "its 2018 sales", "In 2024 sales fell"; but "2000
            # troops" counts troops
    if _ADDRESS_AFTER.match(after):
        return "address"
    if _TIME_AFTER.match(after) or _TIME_BEFORE.search(near):
        return "time"
    if number.value <= 12 and _AT_BEFORE.search(near) and _PART_OF_DAY_AFTER.match(after):
        return "time"  # "at two in the morning"
    if _AGE_AFTER.match(after) or _AGE_BEFORE.search(near):
        return "age"
    if (
        number.unit == "count"
        and number.value < 120
        and near.rstrip().endswith(_AGE_COMPARATIVES)  # cheap, before the search
        and _AGE_OF_A_COUNT.search(near)
    ):
        return "age"
    if (
        number.unit == "count"
        and ("lines" in near or "routes" in near)
        and _LINES_BEFORE.search(near)
        and (_LIST_GOES_ON.match(after) or re.search(r"\d\s*(?:,|and|or|&)\s*$", near))
    ):
        return "name or identifier"
    if number.value < 120 and _WHEN_AFTER.match(after) and _WILL_BE_BEFORE.search(near):
        return "age"
    if number.unit == "count" and _GENERATIONS_AFTER.match(after) and _FOR_BEFORE.search(near):
        return "duration"
    if number.unit == "count" and _STOREYS_AFTER.match(after) and _HAD_BEFORE.search(near):
        return "height of a building"
    if (
        number.qualifier == "exact"
        and _AGE_APPOSITION.search(near)
        and after.startswith(",")
        and number.value < 130
        and number.value == int(number.value)
        and not number.spelled
    ):
        return "age"
    if number.unit == "count" and (_CALL_BEFORE.search(near) or _CALL_AFTER.match(after)):
        return "phone or code"
    if number.unit == "count" and _DURATION_AFTER.match(after):
        return "duration"
    if number.unit == "count" and (_SCALE_BEFORE.search(near) or _SCALE_AFTER.match(after)):
        return "reading on a scale"  # "magnitude 7.1", "a 5.6 tremor": a size, not a count
    if after[:1].isalpha():
        return "calibre or dimension"  # "152mm": a unit glued to the digits names the thing
    if after.startswith("-") and after[1:2].isalpha():
        return "hyphenated adjective"  # "three-way", "two-member"
    if number.start == len(sentence) - len(sentence.lstrip()) and _LIST_NUMBER.match(sentence):
        return "list number"
    if (
        _PHONE_NEIGHBOUR.search(near)
        or re.match(r"^[-/.]\d", after)
        or re.match(r"0\d", written)  # "0800 4410 220": no count starts with a zero
    ):
        return "phone or code"
    if number.value == 1 and number.spelled and _ONE_OF_THE_MOST.match(after):
        return "one of a kind, not a count"  # "one of the largest camps", "one of the first"
    if re.match(r"^\s*of\b", after, re.IGNORECASE) and number.value == 1 and number.spelled:
        return ONE_OF
    if (
        number.value == 1
        and number.spelled
        and (
            (_ONE_PRONOUN_BEFORE.search(near) and _ONE_PRONOUN_AFTER.match(after))
            or re.match(r"^\s+(?:that|which|who)\b", after)  # "found one that was open"
        )
    ):
        return "a pronoun, not a count"  # "would be given a new one."
    if (
        number.spelled
        and number.qualifier == "exact"
        and number.value <= small_spelled_max
        and DEFINITE_BEFORE.search(near)
        and _PARTIES_AFTER.match(after)
    ):
        return "definite reference"  # "in the two countries", "the three men": known ones
    if (
        number.spelled
        and (number.qualifier == "exact" or number.value == 1)  # "more than one shelter"
        and not number.vague
        and number.value <= small_spelled_max
    ):
        return SMALL_IN_WORDS
    return None


_ONE_OF_THE_MOST = re.compile(
    r"\s+of\s+(?:the|its|their|our|his|her)\s+(?:[a-z]+est|most|least|best|worst|first|last|"
    r"few|many|main|top|biggest|largest|busiest)\b(?!\s+\d)",
    re.IGNORECASE,
)
_ONE_PRONOUN_BEFORE = re.compile(
    r"\b(?:a|an|the|this|that|another|each|every)\s+(?:[a-z]+\s+)?$", re.IGNORECASE
)
_ONE_PRONOUN_AFTER = re.compile(r"^\s*(?:[.,;:!?)\"\u201d]|$|that\b|which\b|who\b)")
# A number given as one the reader knows: "the two countries", "those 5,000 doses".
DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both)\s+$", re.IGNORECASE)
# Who a story is about, named by how many they are: "the two countries", "both sides".
_PARTIES_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:countries|nations|states|governments|sides|leaders|parties|"
    r"companies|firms|cities|towns|capitals|neighbours|neighbors|presidents|ministers|teams|"
    r"banks|unions|agencies|regions|provinces|rivers|airlines|places|villages|districts)\b"
)
# An earthquake's size is read on a scale: "of magnitude 5.4", "a magnitude-7.1 quake",
# "a 5.6 aftershock", "6.2 on the Richter scale", "put the magnitude at 7.1".
_SCALE_BEFORE = re.compile(r"\bmagnitude[\s-]+(?:of\s+|at\s+)?$", re.IGNORECASE)
_SCALE_AFTER = re.compile(
    r"^(?:[\s-]+magnitude\b|\s+on\s+the\s+(?:Richter|moment[\s-]magnitude)\s+scale\b|"
    r"\s+(?:earthquake|quake|tremor|aftershock|temblor)\b)",  # singular: "146 aftershocks" counts
    re.IGNORECASE,
)
_NEAR = 80  # characters: more than any rule reading back from a number needs


def _near(before: str) -> str:
    """Return the end of ``before`` that the rules reading back need, cut at a space so that
    no word is read from its middle."""
    if len(before) <= _NEAR:
        return before
    tail = before[-_NEAR:]
    space = tail.find(" ")
    return tail[space:] if space >= 0 else tail


def _named_by(sentence: str, before: str, after: str = "") -> bool:
    """Is the number part of a name: right after a capitalised word inside a sentence?

    "the S&P 500 fell", "the new iPhone 11", "hurt in Game 2", "Part 3 of the Act". Headlines
    and title-case lines capitalise every word, so there the rule says nothing.
    """
    previous = _WORD_BEFORE.search(before)
    if previous is None or previous.start(1) == len(sentence) - len(sentence.lstrip()):
        return False  # the number's word is the sentence's first: no name before it
    word = previous.group(1)
    if not _WORD.fullmatch(word) or word.endswith(("'s", "\u2019s")) or word.lower() in _NOT_NAMES:
        return False
    if not any(character.isupper() for character in word):
        return False
    if GAPPED.search(_near(before)) and GAP_ENDS.match(after) and re.search(r"\d", before):
        return False  # "Dravonia reported 26 deaths and Lutavia 14": a count, the noun left out
    if _PLACE_OPENS.search(before[: previous.start(1)]) and (
        _PLURAL_AFTER.match(after) or _PEOPLE_AFTER.match(after)
    ):
        return False  # "In Castavia 390 flights were cancelled": a place, then a count
    words: list[str] = _WORD.findall(sentence)
    capitalised = sum(w[0].isupper() for w in words)
    return capitalised < 0.6 * len(words)


# "Dravonia reported 26 deaths and Lutavia 14", "at Kovar 4,900 ..., and at Zemlak 2,900":
# the verb and noun are left out after a place that stands in for the first one's.
GAPPED = re.compile(
    r"(?:\b(?:and|while|but)|,)\s+(?:(?:at|in)\s+)?(?:the\s+)?[A-Z][\w'\u2019-]*"
    # ... "and Lothmark's to 15" after "Orsa's toll rose to 40"
    r"(?:\s+[A-Z][\w'\u2019-]*){0,2}(?:['\u2019]s\s+(?:to|at)\s+|\s+)$"
)
# The gapped count ends its clause, with at most its unit: "and Lothmark 15 km."
GAP_ENDS = re.compile(rf"\s*(?:(?:{'|'.join(sorted(MEASURE_UNITS))})\b\s*)?(?:[,;.)]|$)")

# "in" or "at" right before the capitalised word: it is a place, not a name's first word.
_PLACE_OPENS = re.compile(r"(?:^|\s)(?:[Ii]n|[Aa]t)\s+$")

_PEOPLE_AFTER = re.compile(r"^\s+(?:people|children|police|cattle|staff|men|women)\b")
# Capitalised words that introduce a number rather than name it.
_NOT_NAMES = frozenset(
    "i about around some nearly almost over under up only just by to from at least more than "
    "all with of in on for the a an and or but than as".split()
)


def _is_year(number: Number, written: str) -> bool:
    digits = written.replace("\u2013", "-")
    if number.is_range:
        first = re.match(r"(\d{4})\s*-\s*(\d{2}|\d{4})$", digits)
        if first is not None and 1000 <= number.low <= 2100:
            return True
        # "between 1600 and 1900": two four-digit years, no thousands separators
        return re.fullmatch(r"\D*\d{4}\D+\d{4}", digits) is not None and all(
            1000 <= end <= 2100 and end == int(end) for end in (number.low, number.high)
        )
    return (
        re.fullmatch(r"\d{4}", digits) is not None
        and 1000 <= number.value <= 2100
        and number.qualifier == "exact"
    )
