"""Where a figure's event happened, when the sentence says so: "killed in Norland".

Only a capitalised name is a place ("in the north" is not one), and only where it belongs
to the figure:

- after the counted phrase, in the same clause and before any other number: "300 people
  were killed in Norland", "1,200 cases in the Tavel district";
- before the number, in the phrase that names what rose: "the toll in Ostmark rose to 300",
  "Norland's death toll reached 300", unless a reporting verb stands between ("officials
  in Ankara said 300 people died": Ankara is where they spoke);
- a sentence that opens with "In Norland, ..." places its figures there.

The name loses what does not tell one place from another: "the", compass words
("northern Norland"), and a closing "District", "Region", "Province"...
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from monitor.figures.lexicon import (
    FACILITY_KINDS,
    FACILITY_SUFFIXES,
    PLACE_SUFFIXES,
    TIME_WORDS,
)
from monitor.figures.words import CLAUSE_MARKS, words_of
from monitor.watch.text import normalize


@dataclass(frozen=True, slots=True)
class PlaceReading:
    place: str | None
    words: str = ""  # as written: "in the Tavel district"
    total: bool = False  # the sentence says the count is the whole story's: no place at all


NO_PLACE = PlaceReading(None)


def guessed(words: str) -> bool:
    """Whether a place's words are the reading's note of where it took the place from ("(the
    place the headline names)"), not the text's own words about the figure."""
    return words.startswith("(")


_COMPASS = (
    r"(?:(?:north|south|east|west)(?:ern)?|north-?(?:east|west)(?:ern)?|"
    r"south-?(?:east|west)(?:ern)?|central|coastal|rural|neighbouring|neighboring|southernmost|"
    r"northernmost|upper|lower)"
)
_NAME = r"[A-Z][\w\u00c0-\u024f'\u2019-]*(?:\s+(?:[A-Z][\w\u00c0-\u024f'\u2019-]*))*"
NAME_PATTERN = _NAME  # a capitalised name, for the modules that read who did something
_IN_PLACE = re.compile(
    rf"\b(?:in|across|throughout|inside|within|at|from)\s+(?:the\s+)?(?:{_COMPASS}\s+)*"
    rf"(?P<name>{_NAME})"
)
# The same, at a sentence's start too ("In Sardova, 960 people ...").
_NAMED_IN = re.compile(
    rf"\b(?:[Ii]n|[Aa]cross|[Tt]hroughout|[Ii]nside|[Ww]ithin|at|[Ff]rom)\s+(?:the\s+)?"
    rf"(?:{_COMPASS}\s+)*(?P<name>{_NAME})"
)
# ... when nothing follows that makes the name a subject: not "in Velm and UNICEF said".
_AND_NAME = re.compile(
    rf"\s+(?:and|or)\s+(?P<name>{_NAME})(?=\s*(?:[,.;:)]|$|(?:and|or|in|on|at|to|from|have|"
    r"has|had|were|was|is|are|over|since|after|before)\b))"
)
# "across Arvenne province": the whole area, a total.
_REGIONS = r"(?:province|region|country|state|nation)\b"
# "Tavelko district accounts for 1,905 cases", "and Mbarun district for 1,046"
_SUBJECT_PLACE = re.compile(
    rf"(?:^|\band\s+|\bwhile\s+)(?:the\s+)?(?P<name>{_NAME})\s+(?:district|province|region|"
    r"county|state|town|city|village|municipality|prefecture)\s+(?:[a-z]+\s+){0,3}$"
)
# "when shells hit the border town of Tarsk"
_TOWN_OF = re.compile(
    r"\b(?:town|city|village|port|district|province|region|county|capital|suburb)\s+of\s+"
    rf"(?P<name>{_NAME})"
)
# "in Tarsk and Drevoly", "in Norland, Ostmark and Vessel": several places are a total.
_MORE_PLACES = re.compile(
    r"\s*(?:(?:and|&|or)\s+(?:in\s+)?(?:the\s+)?[A-Z]|,\s+(?:[A-Z][\w'-]*,\s+)*[A-Z][\w'-]*"
    r"\s+(?:and|or)\s+[A-Z])"
)
# Words after which the rest of a sentence is about something else.
_CLAUSE_WORDS = frozenset("and while but whereas with including among".split())
_POSSESSIVE_PLACE = re.compile(
    rf"(?P<name>{_NAME})['\u2019]s\s+(?:[a-z-]+\s+){{0,4}}"
    r"(?:(?:from|of)\s+(?:the\s+|[A-Z][a-z]+['\u2019]s\s+)?[a-z]+\s+(?:[a-z-]+\s+){0,3})?$"
)
_OPENING = re.compile(
    r"^(?:(?:(?:Across|Over)\s+the\s+(?:border|frontier|river)|Elsewhere|Meanwhile|"
    r"(?:Further|Farther)\s+(?:north|south|east|west|downstream|upstream|inland))\s+in\s+|"
    r"(?:In|Across|Inside|Throughout)\s+)"
    rf"(?:the\s+)?(?:neighbou?ring\s+)?(?:{_COMPASS}\s+)*(?P<name>{_NAME})(?:\s+alone)?"
    r"(?:\s*,|\s+(?=[$\u20ac\u00a3]?\d)"  # "In Castavia 390 flights were cancelled"
    # "In Velmiro the toll has reached 30": the toll of the place it opens with
    r"|\s+(?=the\s+(?:death\s+)?(?:toll|count|number|tally|total|figure)\b))"
)
# A place that keeps its own count: "Kestovia's toll", "Raduna revised its own". Agencies give
# counts rather than own a toll, so a name that owns one is taken for a place.
_KEEPS_A_TOLL = re.compile(
    rf"(?P<name>{_NAME})(?:['\u2019]s\s+(?:death\s+)?toll|\s+(?:revised|raised|lowered|"
    r"corrected|updated|put|puts)\s+its\s+own)\b"
)
_SIDE = re.compile(rf"^On\s+the\s+(?P<name>{_NAME})\s+side\s*,")
# "in Kolvany, where 192 homes burned and 13 residents died": the clause is the place's.
_WHERE_CLAUSE = re.compile(
    rf"\b(?:in|with|to|into|across|near)\s+(?:the\s+)?(?P<name>{_NAME}),?\s+where\s+[^.;:]*$"
)
_SIDE_AFTER = re.compile(rf"\bon\s+the\s+(?P<name>{_NAME})\s+side\b")
# "died in the Serrin Strait ferry disaster", "in the Dravesk wildfire": a name before the
# event's noun names the event, not where a count of it is.
_EVENT_NAMED = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:disaster|tragedy|fire|fires|wildfire|blaze|flood|floods|flooding|"
    r"crash|accident|attack|attacks|collapse|sinking|capsizing|explosion|blast|outbreak|"
    r"epidemic|earthquake|quake|storm|cyclone|hurricane|typhoon|strike|shooting|bombing|"
    r"spill|leak|derailment|war|conflict|crisis)\b"
)
_REPORTING = re.compile(
    r"\b(?:said|says|say|told|reported|reports|announced|confirmed|estimated|according|"
    r"stated|added|believe|believes|estimate|estimates)\b",
    re.IGNORECASE,
)
_NOT_PLACES = (
    frozenset(
        """mr mrs ms dr prof sir gen general colonel president minister parliament congress
    senate court the a an this that his her their its our i we they he she it january
    february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday""".split()
    )
    | TIME_WORDS
)
_PLACE_WINDOW = 12  # words after the counted phrase
# Words between a place said before a number and the number: "... in Ostmark rose to".
# Who act for a country wherever they are sent.
_FORCES = re.compile(
    r"\b(?:army|armies|navy|navies|air\s+force|coastguard|coast\s+guard|forces|troops|"
    r"military|soldiers|border\s+guards?|fleet|warships?|drones?|artillery)\b"
)
# What forces do to others, often beyond their borders (not "evacuated", "rescued").
_HOSTILE = frozenset(
    "killed kill kills seized seize seizes captured capture shot downed intercepted fired "
    "struck destroyed detained arrested".split()
)
_SUBJECT_TO_NUMBER = frozenset(
    """to at of reached hit topped passed exceeded neared totalled totaled total totals is was
    are were stood stands rose risen climbed jumped surged soared increased grew now has have had
    already death toll tolls deaths number count tally figure casualties alone reportedly
    officially confirmed the a an from up down fell fallen itself waters side territory revised
    raised lowered corrected updated adjusted""".split()
)


def places_named(text: str) -> frozenset[str]:
    """Return the places a text names with "in", "across", "from" or "at": the names its
    other sentences may use as a subject ("Dravonia reported 26 deaths")."""
    names = set()
    for match in (*_NAMED_IN.finditer(text), *_KEEPS_A_TOLL.finditer(text)):
        name = _cleaned(match.group("name"))
        if name is not None:
            names.add(name)
            # "in Carvenia and Istrelia": the second is a place too.
            also = _AND_NAME.match(text, match.end())
            other = _cleaned(also.group("name")) if also is not None else None
            if other is not None:
                names.add(other)
    return frozenset(_country_of(name, names) for name in names)


def origin_place(name: str, known: Collection[str]) -> str:
    """Return the country a nationality or a name of origin stands for: "Vostranian" is
    Vostrane when the text names it, else Vostrania; "Pelvania" is itself."""
    country = _country_of(name, known)
    return country if country != name else _demonym_place(name, " x")


def _country_of(name: str, names: Collection[str]) -> str:
    """ "in Ambrevian towns" where the text also names Ambrevia: the place is Ambrevia."""
    for place in names:
        if (
            " " not in name
            and name != place
            and len(place) > 3
            and name.lower().startswith(place.lower()[:-1])
            and name.lower().endswith(("n", "ns", "ese", "ish"))
        ):
            return place
    return name


def read_place(
    sentence: str,
    *,
    phrase_start: int,
    phrase_end: int,
    thing_end: int,
    frame: Collection[str] = (),
    known: Collection[str] = (),
    verb: str = "",
) -> PlaceReading:
    """Return where the sentence says the figure at ``phrase_start:phrase_end`` happened.

    ``frame`` holds the places the whole story is in (lower case): the words every article of
    the watch contains ("cholera AND Kesmar"). A count there, or "across" a province or
    country, is the story's total, not one place's. ``verb`` is the event's verb right before
    the number, if any: its subject's place is the event's ("Surgeons at the Velmora Royal
    Infirmary postponed 64 operations").
    """
    found = _found(sentence, phrase_start, phrase_end, thing_end, verb)
    if found.place is None:
        found = _subject(sentence, phrase_start, phrase_end, thing_end, known)
    if found.place is None:
        return found
    if is_total(sentence, found.place, frame):
        return PlaceReading(None, f"{found.words} (the whole story's area: a total)", total=True)
    return found


def opening_place(sentence: str) -> str | None:
    """Return the place a sentence opens with ("In Malvora, ...", "Across the border in
    Lutavia, ..."), or None."""
    opening = _OPENING.match(sentence)
    return _cleaned(opening.group("name")) if opening is not None else None


def is_total(sentence: str, place: str, frame: Collection[str]) -> bool:
    """Whether a count "in" ``place`` is the story's total: the watch requires the place, or
    the sentence counts "across" a whole province or country."""
    across = re.search(
        rf"\b(?:across|throughout)\s+(?:the\s+)?{re.escape(place)}\s+{_REGIONS}", sentence
    )
    return normalize(place) in frame or across is not None


def _found(
    sentence: str, phrase_start: int, phrase_end: int, thing_end: int, verb: str = ""
) -> PlaceReading:
    after = _after(sentence, max(phrase_end, thing_end))
    if after.place is not None:
        return after
    before = _before(sentence, phrase_start, verb)
    if before.place is not None:
        return before
    # The sentence's opening, or the opening of the clause after its last semicolon before
    # the number: "260 flights were cancelled at Lindvik; in Drosnia the count doubled".
    clause = sentence.rfind(";", 0, phrase_start) + 1
    opened = sentence[clause:].lstrip()
    offset = len(sentence) - len(opened)  # where the clause's first word starts
    if clause:
        opened = opened[:1].upper() + opened[1:]  # "in Drosnia" opens it as "In Drosnia"
    opening = _OPENING.match(opened)
    if opening is not None and offset + opening.end() <= phrase_start:
        name = _cleaned(opening.group("name"))
        if name:
            return PlaceReading(name, opening.group(0).rstrip(", "))
    where = _WHERE_CLAUSE.search(sentence, 0, phrase_start)
    if where is not None:
        name = _cleaned(where.group("name"))
        if name:
            return PlaceReading(name, where.group(0).split(",")[0].split(" where")[0])
    side = _SIDE.match(sentence)
    if side is not None and side.end() <= phrase_start:
        # "On the Dravonian side, surveyors counted 530 destroyed homes": in Dravonia.
        name = _cleaned(_demonym_place(side.group("name"), " x"))
        if name:
            return PlaceReading(name, side.group(0).rstrip(", "))
    return NO_PLACE


_REPORTED = (
    r"(?:reported|recorded|registered|confirmed|counted|listed|gave|reports|records|registers|"
    r"confirms|counts|lists|gives|puts|revised|revises|raised|raises|lowered|lowers|updated)"
)

# Words that say a count is wider than one country's: "across the region", "in both".
_WIDER = re.compile(
    r"\b(?:across|throughout|worldwide|both|two\s+countries|region|abroad|border|nationals)\b",
    re.IGNORECASE,
)
_ATTRIBUTED_AFTER = re.compile(
    rf"^[^.;:\d]{{0,80}}?,\s+(?P<name>{_NAME})['\u2019]s\s+(?:[A-Z][\w-]*\s+){{1,5}}"
    r"(?:said|says|reported|reports|announced|confirmed|estimated)\b"
)
# What a country does to people or goods on its own ground: "Serenda has vaccinated 50,000
# people", "Malvora has handed out 95,000 nets" happened in Serenda and Malvora.
_DONE_AT_HOME = (
    r"(?:distributed|distributes|handed\s+out|hands\s+out|vaccinated|vaccinates|tested|tests|"
    r"evacuated|evacuates|administered|administers)"
)


def _subject(
    sentence: str, phrase_start: int, phrase_end: int, thing_end: int, known: Collection[str]
) -> PlaceReading:
    """A place the article names elsewhere, as the subject that reports the count
    ("Dravonia reported 26 deaths", "Lutavia put its own toll at six"), or the place named
    earlier in the sentence when the count says "there"."""
    gapped = re.search(
        rf"(?:\b(?:and|while|but)|,)\s+(?P<name>{_NAME})(?:['\u2019]s\s+(?:to|at)|\s+for)?\s+$",
        sentence[:phrase_start],
    )
    parallel = re.match(rf"\s*{_NAME}\s+(?:has\s+|have\s+)?{_REPORTED}\b", sentence)
    if gapped is not None and (gapped.group("name") in known or parallel):
        # "Dravonia reported 26 deaths and Lutavia 14", "..., Lutavia 14": Lutavia reported 14.
        return PlaceReading(gapped.group("name"), gapped.group(0).strip())
    clause = re.split(r"[;:]|,\s+(?:and|but|while)\s+", sentence[:phrase_start])[-1]
    for name in sorted(known, key=len, reverse=True):
        said = re.search(
            rf"(?:^|[,]\s+|\band\s+){re.escape(name)}\s+(?:has\s+|have\s+|had\s+|now\s+)?"
            rf"(?:(?:{_REPORTED}|{_DONE_AT_HOME}|put|says|said)\b[^,;]*|"
            r"account(?:s|ed)\s+for\s+(?:(?:about|some|nearly|almost|over|more\s+than)\s+)?)$",
            clause,
        )
        if said is not None:
            return PlaceReading(name, said.group(0).strip(", "))
    owner = re.search(
        rf"(?:^|[,;]\s+|\band\s+)(?P<name>{_NAME})['\u2019]s\s+(?:[A-Za-z-]+\s+){{1,4}}?"
        rf"(?:has\s+|have\s+|had\s+|now\s+)?(?:{_REPORTED}|put|says|said)\b[^,;]*$",
        clause,
    )
    if owner is not None and owner.group("name") in known:
        # "Sardova's Health Ministry said 14 people had died": the country's own count.
        return PlaceReading(owner.group("name"), owner.group(0).strip(", "))
    after = sentence[max(phrase_end, thing_end) :]
    attributed = _ATTRIBUTED_AFTER.match(after)
    if (
        attributed is not None
        and attributed.group("name") in known
        and not _WIDER.search(after, 0, attributed.start("name"))
    ):
        # "At least 11 people were killed ..., Esmeri's Civil Protection Authority said":
        # the country's own count, said after it.
        return PlaceReading(attributed.group("name"), attributed.group(0).strip(", "))
    there_before = re.search(r"\bthere\s+(?:[a-z]+\s+){0,2}$", sentence[:phrase_start])
    if re.match(r"^[^,;.]{0,40}\bthere\b", after) or there_before:
        before = sentence[:phrase_start]
        named = [m for m in re.finditer(rf"(?P<name>{_NAME})['\u2019]s\b", before)]
        named += [m for m in _IN_PLACE.finditer(before)]
        named.sort(key=lambda match: match.start())
        for match in reversed(named):
            there = _cleaned(match.group("name").removesuffix("'s").removesuffix("\u2019s"))
            if there is not None and (there in known or match.group(0).endswith("s")):
                return PlaceReading(there, f"there ({match.group(0)})")
    return NO_PLACE


def _after(sentence: str, position: int) -> PlaceReading:
    words = words_of(sentence, position)
    end = len(sentence)
    for index, word in enumerate(words):
        if word.text in CLAUSE_MARKS or word.text == "," or word.is_number:
            end = word.start
            break
        if index >= _PLACE_WINDOW or (
            word.lower in _CLAUSE_WORDS and (index > 0 or word.lower in ("and", "or", "but"))
        ):
            end = word.start
            break
    side = _SIDE_AFTER.search(sentence, position, end)
    if side is not None:
        # "14 bodies have been recovered on the Calvorian side": in Calvoria.
        name = _cleaned(_demonym_place(side.group("name"), " x"))
        return PlaceReading(name, side.group(0)) if name else NO_PLACE
    match = _IN_PLACE.search(sentence, position, end) or _TOWN_OF.search(sentence, position, end)
    if match is None or _MORE_PLACES.match(sentence, match.end()):
        return NO_PLACE
    if _EVENT_NAMED.match(sentence, match.end()):
        return NO_PLACE
    if match.group("name").endswith(("'s", "\u2019s")):
        return NO_PLACE  # "at Drassel's two largest ports": the ports are where, not Drassel
    name = _cleaned(_demonym_place(match.group("name"), sentence[match.end() :]))
    return PlaceReading(name, match.group(0)) if name else NO_PLACE


def _demonym_place(name: str, rest: str) -> str:
    """Return the place a name before a common noun stands for: "from Lutavian villages" is
    from Lutavia ("-ian", "-an" -> "-ia", "-a"); a place name before "district" stays."""
    noun = re.match(r"\s+([a-z]+)", rest)
    if noun is None or noun.group(1) in PLACE_SUFFIXES or noun.group(1) in ("and", "or", "on"):
        return name
    words = name.split()
    if words[-1].endswith("ian") or words[-1].endswith("an"):
        words[-1] = words[-1][:-1]
    return " ".join(words)


def _before(sentence: str, position: int, verb: str = "") -> PlaceReading:
    clause = sentence[:position]
    for mark in (",", *CLAUSE_MARKS):
        clause = clause.rsplit(mark, 1)[-1]
    starts = [match.start() for match in re.finditer(r"\S+", clause)]
    window = clause[starts[-10] :] if len(starts) > 10 else clause
    possessive = _POSSESSIVE_PLACE.search(window) or _SUBJECT_PLACE.search(window)
    # ("from Monday's earthquake" names no place)
    candidates = [m for m in _IN_PLACE.finditer(window) if _cleaned(m.group("name"))]
    found = None
    if candidates:
        found = candidates[-1]
    if possessive is not None and (found is None or possessive.start() > found.start()):
        found = possessive
    if found is None or _REPORTING.search(window, found.end("name")):
        return NO_PLACE
    if (
        found is possessive
        and _FORCES.search(window, found.end("name"), found.end())
        and verb.lower().split()[-1:]
        and verb.lower().split()[-1] in _HOSTILE
    ):
        # "Velmark's navy rescued 300 migrants", "Morsland's coastguard seized six
        # trawlers": who acted, and forces act beyond their borders; not where it happened.
        return NO_PLACE
    if found is not possessive and (
        _MORE_PLACES.match(window, found.end()) or _EVENT_NAMED.match(window, found.end())
    ):
        return NO_PLACE
    # The place must be in the phrase the number completes ("the toll in Ostmark rose to",
    # "the number of homes destroyed in Tarnet by the fire has risen to"), not in an earlier
    # clause ("killed 300 in Norland and injured 1,000").
    rest = window[found.end() :]
    if found is possessive:
        # "toll from the floods", "toll from Monday's earthquake"
        rest = re.sub(r"\b(?:from|of)\s+(?:the\s+|[A-Z][a-z]+['\u2019]s\s+)?[a-z]+", " ", rest)
    between = re.findall(r"[A-Za-z'\u2019-]+", rest)
    offset = len(clause) - len(window)
    counted = re.search(r"\b(?:number|total|count|tally) of\b", clause[: offset + found.start()])
    # "Surgeons at the Velmora Royal Infirmary postponed 64": the verb's subject is there
    # (where it came from, "Soldiers from Norland killed 30", is not where it happened).
    acted = frozenset(verb.lower().split()) if not found.group(0).startswith("from") else ()
    if not counted and any(
        word.lower() not in _SUBJECT_TO_NUMBER and word.lower() not in acted for word in between
    ):
        return NO_PLACE
    name = _cleaned(_demonym_place(found.group("name"), window[found.end() :]))
    said = found.group(0).strip() if found is not possessive else found.group("name")
    return PlaceReading(name, said) if name else NO_PLACE


def cleaned_name(name: str) -> str | None:
    """Return ``name`` without what does not tell one place or body from another."""
    return _cleaned(name)


def _cleaned(name: str) -> str | None:
    words = name.replace("\u2019", "'").split()
    # "Russia's Kursk region": the last name is the most precise.
    for index in range(len(words) - 1, -1, -1):
        if words[index].endswith("'s") and index < len(words) - 1:
            words = words[index + 1 :]
            break
    words = [w[:-2] if w.endswith("'s") else w for w in words]
    while words and words[-1].lower() in PLACE_SUFFIXES and len(words) > 1:
        words.pop()
    if len(words) > 1 and words[-1].lower() in FACILITY_SUFFIXES:
        named = len(words) - 1
        while named > 1 and words[named - 1].lower() in FACILITY_KINDS:
            named -= 1
        if words[named - 1].lower() not in FACILITY_KINDS:
            words = words[:named]
    while words and (words[0].lower() in _NOT_PLACES or re.fullmatch(_COMPASS, words[0].lower())):
        words.pop(0)
    if not words or words[0].lower() in _NOT_PLACES or (words[0].isupper() and len(words[0]) < 2):
        return None
    return " ".join(words)
