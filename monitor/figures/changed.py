"""What a number after a verb of change or level is a figure of, when it names no thing.

"Claims filed with the insurer, Halcyon Mutual, have reached $71 million", "Booms along the
shore have been extended to 18,000 metres", "That brings sea arrivals since May 19 to
18,120", "revised the number missing after the floods down from 31 to 12", "Maize prices
are 72% higher": the number stands alone, and what it measures is the subject of the verb
(rose, reached, fell, now weigh, stretch for, are ... higher) or its object (raised,
revised, brought, put ... to or at). Only the noun phrase's own words name the thing:
"along the shore", "since May 19", "after the floods" say where or when, and a participle
with its complement ("filed with the insurer") says what befell it.

A clause whose subject is a pronoun names nothing here: what it refers to is for the reader
of the sentence before. A relative "which" refers to the short noun phrase a sentence opens
with ("The snow at Kessing, which measured 310 cm"), and to nothing further in ("fined the
company over violations at its pits, which now number 26").
"""

from __future__ import annotations

import re

from monitor.figures.words import CLAUSE_MARKS

_HEDGES = (
    r"(?:about|around|nearly|almost|some|roughly|approximately|more\s+than|over|just|under|"
    r"an\s+estimated|at\s+least|close\s+to|a\s+record|a\s+total\s+of)\s+"
)
_SUBJECT_VERBS = """rose risen rises rising reached reaches climbed climbs fell fallen falls
    dropped drops grew grown grows jumped jumps increased decreased extended expanded stands
    stood stand weigh weighs weighed total totalled totaled totals number numbered remains remained
    remain stretch stretches stretched span spans spanned measures
    measured shrunk shrank shrinks doubled trebled tripled halved settled eased slipped
    dipped recovered recovers rebounded rebounds soared soars surged surges plunged plunges
    declined declines swelled swollen went gone""".split()
_OBJECT_VERBS = """raised raise raises raising lowered lowers lowering revised revises revising
    pushed pushes pushing brought brings bring bringing took takes taking put puts putting
    increased reduced lifted trimmed estimated estimates valued pegged set sets setting fixed
    fixes""".split()
_AFTER_SUBJECT_VERB = re.compile(
    rf"\b(?P<verb>{'|'.join(_SUBJECT_VERBS)})\s+(?:(?:to|by|at|for)\s+)?(?:{_HEDGES})*$",
    re.IGNORECASE,
)
# "The toll was revised down to six", "Losses are estimated at €40 million".
_AFTER_PASSIVE = re.compile(
    r"\b(?P<verb>was|were|been|is|are)\s+(?:revised|raised|lowered|cut|corrected|put|set|"
    r"estimated|pegged|valued)\s+(?:(?:up|down|upward|downward|sharply)\s+)?(?:to|at)\s+"
    rf"(?:{_HEDGES})*$",
    re.IGNORECASE,
)
_AFTER_LEVEL = re.compile(rf"\b(?P<verb>are|is|were|was)\s+(?:now\s+)?(?:{_HEDGES})*$")
# A subject that names a quantity, which "is" or "was" a number: "the snow depth was 260 cm".
_MEASURE_NOUN = re.compile(r"\b(?:depth|level|levels)$", re.IGNORECASE)
_COMPARED = re.compile(r"\s*(?:higher|lower|more|less|above|below)\b", re.IGNORECASE)
_AFTER_OBJECT = re.compile(
    rf"\b(?:{'|'.join(_OBJECT_VERBS)})\s+"
    r"(?P<object>(?:(?:the|its|their|his|her|this|that|our)\s+)?"
    r"(?!\d|(?:up|down|sharply|further)\b)[^,;:()]{1,80}?)\s+"
    r"(?:(?:up|down|sharply|further)\s+)?"
    r"(?:from\s+\S+(?:\s+(?:million|billion|thousand|per\s+cent|percent))?\s+)?"
    rf"(?:to|at)\s+(?:{_HEDGES})*$",
    re.IGNORECASE,
)
# Where a subject's clause starts: after a clause mark, a conjunction after a comma, or what
# reports it ("officials said claims have reached").
_CLAUSE_START = re.compile(
    r",\s*(?:and|but|while|as|after|which|where|when|though|although|with)\b|"
    r"\b(?:said|says|say|reported|announced|added|confirmed|show|shows|showed)\s+(?:that\s+)?|"
    r"\bthat\s+",
    re.IGNORECASE,
)
# A relative clause between the subject and its verb, closed by a comma.
_AUXILIARIES_BEFORE_VERB = r"(?:(?:has|have|had|is|are|was|were|been|now|already|also|still)\s+)*$"
_RELATIVE_BEFORE_VERB = re.compile(
    rf",\s*(?:which|who|whose|where)\b[^,;:()]*,\s*{_AUXILIARIES_BEFORE_VERB}", re.IGNORECASE
)
_WHICH_BEFORE_VERB = re.compile(rf",\s*which\s+{_AUXILIARIES_BEFORE_VERB}", re.IGNORECASE)
# A sentence that opens with a short noun phrase and a comma before "which".
_OPENS_WITH_ANTECEDENT = re.compile(
    r"^(?:[A-Z]+(?:,\s+[A-Z][a-z]+\s+\d+)?(?:\s+\([A-Z]+\))?\s+[-\u2013\u2014]\s+)?"
    r"(?P<phrase>(?:[\w'\u2019-]+\s+){0,4}[\w'\u2019-]+),\s*$"
)
# Words of an opening adverbial ("Six weeks after the surge began,", "On Monday,").
_OPENER = re.compile(
    r"\b(?:after|before|since|when|ago|during|following|until|on|in|at|by|last|this|earlier|"
    r"later|meanwhile|overall|however|so\s+far)\b",
    re.IGNORECASE,
)
_AUXILIARIES = frozenset(
    """has have had is are was were been be being now already also still so far reportedly
    will would could may might""".split()
)
# Words that end a noun phrase: what follows says where, when or by whom.
_ENDS_PHRASE = frozenset(
    """with along in at on from for after since by across near around into to under over
    against between among during before until within through outside inside off who which
    that as than there here now so nationwide overall again""".split()
)
_NOT_SUBJECTS = frozenset(
    "which who that it they this these those there he she we what everything all".split()
)
_WORD = re.compile(r"\S+")
_EXTENT = re.compile(
    r"^(?:the\s+)?(?:total\s+)?(?:length|area|size|extent|stretch|amount|volume|quantity|weight)\s+of\s+",
    re.I,
)


def changed_thing(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Return where ``sentence`` names what the number at ``start:end`` measures, when a
    verb of change or level governs it and the number names no thing, else None."""
    found = _AFTER_OBJECT.search(sentence, 0, start)
    if found is not None:
        return _noun_phrase(sentence, found.start("object"), found.end("object"))
    return changed_subject(sentence, start, end)


def changed_subject(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """Like ``changed_thing``, for a subject only ("Booms have been extended to 18,000
    metres"), not an object ("puts the spill at 68,000 litres")."""
    before = sentence[:start]
    found = _AFTER_SUBJECT_VERB.search(before) or _AFTER_PASSIVE.search(before)
    if found is None:
        found = _AFTER_LEVEL.search(before)
        if found is None:
            return None
        subject = _subject(sentence, found.start("verb"))
        if _COMPARED.match(sentence, end) or (
            subject is not None and _MEASURE_NOUN.search(sentence, *subject)
        ):
            return subject  # "prices are 72% higher", "the snow depth was 260 cm"
        return None
    return _subject(sentence, found.start("verb"))


def measured_phrase(unit_words: str, thing: str) -> str:
    """The phrase naming a length, weight or volume of ``thing``: "km of polluted coast"."""
    return f"{unit_words} of {_EXTENT.sub('', thing)}"


def names_extent(thing: str) -> bool:
    """Whether ``thing`` names the extent of something: "the length of polluted coast"."""
    return _EXTENT.match(thing) is not None


def _subject(sentence: str, verb_start: int) -> tuple[int, int] | None:
    before = sentence[:verb_start]
    relative = _RELATIVE_BEFORE_VERB.search(before)
    if relative is not None:
        # "Claims filed, which the funds update each evening, have reached": past the clause
        before = before[: relative.start()]
    which = _WHICH_BEFORE_VERB.search(before)
    if which is not None:
        return _antecedent(sentence, which.start())
    start = max((i + 1 for i, c in enumerate(before) if c in CLAUSE_MARKS), default=0)
    for boundary in _CLAUSE_START.finditer(before, start):
        start = boundary.end()
    comma = before.rfind(",", start)
    if comma >= 0 and before[comma + 1 :].strip() and _OPENER.search(before, start, comma):
        # "Six weeks after the surge began, sea arrivals fell to 2,150": past the opening.
        start = comma + 1
    words = list(_WORD.finditer(before, start))
    while words and words[-1].group().lower().strip(",") in _AUXILIARIES:
        words.pop()
    if not words or words[0].group().lower() in _NOT_SUBJECTS:
        return None
    return _noun_phrase(sentence, words[0].start(), words[-1].end())


def _antecedent(sentence: str, comma: int) -> tuple[int, int] | None:
    """The short noun phrase that opens a sentence and that ", which" after it refers to:
    "The snow at Kessing, which measured 310 cm"; not an object far into a clause."""
    found = _OPENS_WITH_ANTECEDENT.match(sentence[: comma + 1])
    if found is None:
        return None
    return _noun_phrase(sentence, found.start("phrase"), found.end("phrase"))


def _noun_phrase(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    words = list(_WORD.finditer(sentence, start, end))
    phrase_end = start
    for index, match in enumerate(words):
        word = match.group()
        lower = word.lower().strip(",")
        if index and lower in _ENDS_PHRASE:
            break
        following = words[index + 1].group().lower() if index + 1 < len(words) else ""
        if index and lower.endswith(("ed", "ing")) and following in _ENDS_PHRASE:
            break  # "Claims filed with the insurer": what befell them, not what they are
        phrase_end = match.end() - (1 if word.endswith(",") else 0)
        if word.endswith(","):
            break  # an apposition follows: "Claims, filed ..." or "the fund, now ..."
    return (start, phrase_end) if phrase_end > start else None
