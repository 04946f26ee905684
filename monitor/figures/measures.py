"""The measure of a figure: what it counts, what happened to it, where, in which unit, per
which period and within which frame. Figures of one measure (and one watch) are compared.

A measure name is what an analyst would write, and what users type
(``monitor figures history "troops killed"``):

    counted [event] [in place] [[unit]] [per period] [(scope)]

    "troops sent", "troops killed in Kursk", "containers", "ammunition",
    "aid pledged [EUR]", "area burned [hectares]", "ammunition per month (shortfall)"

The counted thing is the **head noun** of the figure's noun phrase (``Figure.thing``), read
by ``head_of``:

1. Everything from a linking preposition on is context, not kind: "shells to Russia" ->
   shells. A possessor goes: "North Korea's artillery shells" -> artillery shells.
2. In "X of Y", X decides: a packaging or quantity word (rounds, units, number, ...) stands
   for Y ("rounds of 152mm artillery shells" -> shells); a unit of measurement stands for Y
   and goes into the brackets ("tonnes of rice" -> rice [tonnes]); an attribute keeps Y
   ("value of the artillery" -> value of artillery); any other X is the head ("containers of
   munitions" -> containers).
3. Modifiers that only narrow the head go: origin and nationality ("North Korean"), type
   ("short-range", "ballistic"), compound nouns ("shipping containers"), determiners and
   vague words. "North Korean ballistic missiles" and "missiles" are one measure.
4. An event word in the phrase is the event, not the thing: "wounded soldiers" (troops,
   injured), "deaths" (people, killed), "job cuts" (jobs, cut); an increment word ("new",
   "another", "additional") makes the scope "new".
5. The synonym table maps the phrase, else its longest tail, else the head to a group
   ("artillery shell", "round", "munition" -> ammunition; "soldier" -> troops); people,
   residents and villagers are "people". Otherwise the head is said in the plural.

``[figures.synonyms]`` extends the table, and a phrase in it is kept whole: mapping
"ballistic missile" to its own group keeps ballistic missiles apart from other missiles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from monitor.figures.lexicon import (
    ADJECTIVES,
    ANIMALS,
    AREA_UNITS,
    DISTANCE_UNITS,
    EVENTS,
    MILITARY,
    NOUNS,
    PEOPLE,
    PERSONS,
    POWER_UNITS,
    VERBS,
    phrase_at,
    phrase_ending_at,
)
from monitor.figures.model import COUNT, PERCENT

# Keys are lower-case and singular; a caller with its own table usually extends this one:
# head_of(thing, {**DEFAULT_SYNONYMS, "drone": "drones"}).
DEFAULT_SYNONYMS: Mapping[str, str] = {
    # What a gun fires, however the text counts it: the figures in one story mix all of these.
    "ammunition": "ammunition",
    "munition": "ammunition",
    "shell": "ammunition",
    "artillery shell": "ammunition",
    "round": "ammunition",
    "cartridge": "ammunition",
    "projectile": "ammunition",
    # People under arms.
    "troop": "troops",
    "soldier": "troops",
    "serviceman": "troops",
    "service member": "troops",
    "servicemember": "troops",
    "contingent": "troops",
    "force": "troops",
    "garrison": "troops",
    # People at work.
    "worker": "workers",
    "labourer": "workers",
    "laborer": "workers",
    "employee": "workers",
    "staff member": "workers",
    "staff": "workers",
    "striker": "workers",
    # A list is named by what it lists.
    "waiting list": "waiting list",
    # A ship's or an aircraft's people at work, however the text names them.
    "crew member": "crew",
    "crewmember": "crew",
    "crew": "crew",
    # Money given to help.
    "aid": "aid",
    "funding": "aid",
    "fund": "aid",
    "assistance": "aid",
    "relief": "aid",
    "money": "aid",
    # Things counted under several names.
    "house": "homes",
    "home": "homes",
    "dwelling": "homes",
    "structure": "buildings",
    "building": "buildings",
    "plane": "aircraft",
    "airplane": "aircraft",
    "aeroplane": "aircraft",
    "bomber": "aircraft",
    "jet": "aircraft",
    "vessel": "ships",
    "ship": "ships",
    "boat": "boats",
    "trawler": "boats",
    "fishing boat": "boats",
    "apartment block": "buildings",
    "tower block": "buildings",
    "residential block": "buildings",
    "cell block": "cell blocks",
    "uav": "drones",
    "drone": "drones",
    "infection": "cases",
    "case": "cases",
    "vaccine": "doses",
    "dose": "doses",
    "job": "jobs",
    "position": "jobs",
    "aid package": "aid",
    "relief package": "aid",
    # People held, birds and police, however the text names them.
    "inmate": "inmates",
    "prisoner": "inmates",
    "seabird": "birds",
    "bird": "birds",
    "police officer": "police",
    "policeman": "police",
    "policemen": "police",
    # Lengths of shore, however the text names them.
    "coastline": "coastline",
    "coast": "coastline",
    "shore": "coastline",
    "shoreline": "coastline",
    "beachfront": "coastline",
    # What leaked, spilled or burned, by its kind.
    "crude": "oil",
    "crude oil": "oil",
}

# A people named by their country alone: "Ombarans", "Kelindians", "Sudanese".
_DEMONYMS = re.compile(r"[A-Z][a-z]+(?:ans|ese)")
MAX_LENGTH = 300  # figures.measure is String(300)
INCREMENT = "new"  # the scope of "300 new cases", "another 3,000 troops": said before the head

# Stand for what they hold: "rounds of ammunition" counts ammunition.
_CONTAINERS = frozenset(
    "round unit piece item batch lot pair set type kind sort variety "
    "number amount total quantity count dozen score hundred thousand million billion ten "
    "tally figure".split()
)
# Stand for what they measure, and name the unit: "tonnes of rice" is rice in tonnes.
_MEASURING = {
    "tonne": "tonnes",
    "ton": "tonnes",
    "t": "tonnes",
    "kilogram": "kg",
    "kg": "kg",
    "barrel": "barrels",
    "litre": "litres",
    "liter": "litres",
    "gallon": "gallons",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metre": "m",
    "meter": "m",
    "centimetre": "cm",
    "centimeter": "cm",
    "cm": "cm",
    "millimetre": "mm",
    "millimeter": "mm",
    "mm": "mm",
    "inch": "inches",
    "mile": "miles",
    "hectare": "hectares",
    "ha": "hectares",
    "acre": "acres",
    "yard": "yards",
    "foot": "feet",
    "feet": "feet",
}
# Keep what they are of: "value of the shells" is not a value of anything else.
_ATTRIBUTES = frozenset(
    "value cost price worth share proportion percentage part budget size length range".split()
)
# Counts that name no event but are kept per place, as a toll is: "cases in Mirsk".
PLACED_HEADS = frozenset(("cases", "excess deaths", "ration"))
# Words before "price" that say which kind of price, not of what.
_PRICE_MODIFIERS = frozenset("average mean retail wholesale pump market current new record".split())
# What comes after these is where, whom or when, which the scope says if it matters.
_LINKS = frozenset(
    "to for from into toward towards via by in on at since during with among across".split()
)
_DROPPED = frozenset(
    "a an the its their his her our your my this that these those some any all such "
    "more additional other another further extra same own various several many few "
    "about around approximately roughly nearly almost than estimated total overall only "
    "confirmed reported registered recorded official known earlier previous prior initial "
    "latest current original preliminary provisional revised updated cumulative instead "
    "previously initially originally".split()
)
# Words that stand for the value, not the thing: "the earlier estimate of 12,000".
_STAND_INS = frozenset(
    "estimate estimates figure figures total totals tally tallies count counts number numbers "
    "level levels sum ones others".split()
)
# Verbs in -ing that a phrase before a number may end with: "leaving 34", "averaging 60".
_ING_VERBS = frozenset(
    "leaving bringing taking making including averaging reaching saying putting giving "
    "following adding pushing raising lifting topping hitting passing nearing exceeding "
    "totalling totaling standing climbing rising falling unchanged steady stable".split()
)
_INCREMENT = frozenset("new additional another further fresh extra more".split())
# A quantity whose modifiers say which one it is, unlike a counted thing.
# A level is a quantity too: "the reservoir level", "water levels".
LEVELS = frozenset(("level", "levels"))
RATE_WORDS = (
    frozenset("rate rates ratio share proportion percentage index turnout".split()) | LEVELS
)
_CONJUNCTIONS = frozenset({"and", "or"})
# Mass nouns, and words whose plural and singular are one.
_UNCHANGED = frozenset(
    "ammunition artillery equipment personnel weaponry materiel aircraft news series species "
    "people police fuel money data cattle livestock fish sheep deer offspring aid funding "
    "assistance relief staff".split()
)
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "servicemen": "serviceman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "knives": "knife",
    "wives": "wife",
    "halves": "half",
    "people": "person",
}
_PLURAL = {singular: plural for plural, singular in _IRREGULAR.items()}
_RATES = {
    "hourly": "per hour",
    "daily": "per day",
    "weekly": "per week",
    "monthly": "per month",
    "quarterly": "per quarter",
    "annual": "per year",
    "annually": "per year",
    "yearly": "per year",
}
_TOKEN = re.compile(r"[\w'.\-]+")
_POSSESSIVE = re.compile(r"(?:'s|s')$")


@dataclass(frozen=True, slots=True)
class Head:
    """The counted thing of a figure, as a measure names it."""

    name: str  # "troops", "people", "ammunition", "value of ammunition"; "" when left out
    words: str  # the words it was read from
    person: bool  # people are counted: a person event's label, "people" when left out
    military: bool  # soldiers are counted: "wounded", not "injured"
    measured_in: str | None = None  # "tonnes of rice": tonnes
    event: str | None = None  # an event the phrase names: "deaths" -> killed
    event_words: str = ""
    increment: bool = False  # "new cases", "another 3,000 troops"
    distance: bool = False  # "40 km": a distance, nothing counted


@dataclass(frozen=True, slots=True)
class MeasureKey:
    """What makes two figures comparable; ``name`` says it."""

    head: str
    event: str | None = None
    label: str | None = None  # the event as said for this head: "wounded", "sent"
    place: str | None = None
    unit: str | None = None  # "%", "USD", "tonnes"
    rate: str | None = None  # "per month"
    scope: str | None = None
    by: str | None = None  # who gives a sum: "aid pledged by Halvenia"

    @property
    def name(self) -> str:
        suffix = "".join(
            (
                f" by {self.by}" if self.by else "",
                f" in {self.place}" if self.place else "",
                f" [{self.unit}]" if self.unit else "",
                f" {self.rate}" if self.rate else "",
                f" ({self.scope})" if self.scope and self.scope != INCREMENT else "",
            )
        )
        before = EVENTS[self.event].before if self.event else False
        words = [
            "new" if self.scope == INCREMENT else "",
            self.label or "" if before else "",
            self.head,
            "" if before else self.label or "",
        ]
        kind = " ".join(word for word in words if word) or "figure"
        # A kind that outgrows the column loses its first words: the head noun comes first,
        # but the event and place say which count it is.
        room = max(MAX_LENGTH - len(suffix), 1)
        if len(kind) > room:
            kept = kind[-room:]
            kind = kept.split(" ", 1)[1] if " " in kept[1:] else kept
        return (kind + suffix)[:MAX_LENGTH]


def head_of(thing: str, synonyms: Mapping[str, str] | None = None) -> Head:
    """Return the counted thing named by ``thing`` (module docstring for the rules)."""
    table = {k.lower(): v for k, v in (DEFAULT_SYNONYMS if synonyms is None else synonyms).items()}
    if _DEMONYMS.fullmatch(thing.strip()):
        # "24,500 Ombarans", "820,000 Kelindians": the people of a country.
        return Head(table.get("people", "people"), thing.strip(), True, False)
    return _head(_words(thing), table, thing)


# Marks a candidate measure that stands for every measure naming a thing for its event:
# "rose to 3,500 tonnes" says what befell the oil without naming it ("*spilled [tonnes]").
ANY_THING = "*"


def measure_key(
    head: Head,
    *,
    event: str | None,
    place: str | None,
    unit: str,
    rate: str | None,
    scope: str | None,
    by: str | None = None,
    breakdown: bool = False,
) -> MeasureKey:
    """Return the key of a figure's measure from its parts; ``place`` counts only for an
    event that is placed (``lexicon``) or for a part of a total given by place
    (``breakdown``), and an event's label depends on what it counts."""
    label = None
    if event is not None:
        spec = EVENTS[event]
        label = spec.said_of(person=head.person, military=head.military)
        if not spec.placed and not breakdown:
            place = None
    elif not breakdown:
        place = place if head.name in PLACED_HEADS else None
    unit_label = _unit_label(unit) or head.measured_in
    rate_label = _rate_label(rate) if rate and rate.strip() else None
    # A country keeps its capital letter ("from Caldria"); other scopes are plain words.
    scope_label = (
        (scope if scope.startswith("from ") else _plain(scope)) if scope and scope.strip() else None
    )
    if head.increment and scope_label is None:
        scope_label = INCREMENT
    return MeasureKey(
        head=head.name,
        event=event,
        label=label,
        place=place,
        unit=unit_label,
        rate=rate_label,
        scope=scope_label,
        by=by,
    )


_ADJECTIVE_STARTS = frozenset(key[0] for key in ADJECTIVES)


def _stands_in(words: list[str]) -> bool:
    """Whether a phrase opens with a word that stands for a value ("the number back in
    custody"): what follows it is no state of a thing."""
    first = next((word for word in words if word not in _DROPPED), "")
    return first in _STAND_INS


def _words(thing: str) -> list[str]:
    tokens = _TOKEN.findall(thing.lower().replace("\u2019", "'"))
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in _LINKS:
            state = phrase_at(tokens, index, ADJECTIVES)
            if state is not None and not _stands_in(tokens):
                index += state[1]  # "four in critical condition": a state, not where
                continue
            # "casualties among troops", "deaths of soldiers": the people the event befell.
            if token == "among" and index + 1 < len(tokens):
                tokens = [*tokens[:index], "of", *tokens[index + 1 :]]
                index += 1
                continue
            tokens = tokens[:index]
            break
        index += 1
    # "the army's new shells": the possessor says whose, not what ("hectares of Corvell's
    # valleys" keeps its hectares: the possessor is inside the complement).
    first_of = tokens.index("of") if "of" in tokens else len(tokens)
    possessives = [i for i, token in enumerate(tokens[:first_of]) if _POSSESSIVE.search(token)]
    if possessives and possessives[-1] < len(tokens) - 1:
        tokens = tokens[possessives[-1] + 1 :]
    return [word for word in (token.strip(".'-") for token in tokens) if word]


def _head(words: list[str], synonyms: Mapping[str, str], thing: str) -> Head:
    if "of" in words:
        at = words.index("of")
        before, rest = _clean(words[:at]), words[at + 1 :]
        event = phrase_ending_at(before, len(before), NOUNS) if before else None
        last = _singular(before[-1]) if before else None
        if event is not None:
            # "deaths of soldiers": soldiers killed.
            inner = _head(rest, synonyms, thing)
            return _with_event(inner, event[0], " ".join(before[-event[1] :]))
        if last is None or last in _CONTAINERS:
            return _head(rest, synonyms, thing)
        power = before[-2] if len(before) >= 2 and last in _MEASURING else None
        if power == "square":
            last = f"square {last}"  # "square kilometres of marsh" is an area, not a length
        if last in AREA_UNITS or power == "square":
            # "hectares of forest": the area is what is counted, whatever grew on it.
            unit = AREA_UNITS.get(last) or f"{_MEASURING[last.split()[-1]]}2"
            return Head("area", " ".join(before), False, False, measured_in=unit)
        if power == "cubic":
            # "cubic metres of wastewater": a volume, not a length.
            inner = _head(rest, synonyms, thing)
            return replace(inner, measured_in=_cubic(_MEASURING[last]))
        if last in POWER_UNITS:
            return Head("power", " ".join(before), False, False, measured_in=POWER_UNITS[last])
        if last in _MEASURING:
            inner = _head(rest, synonyms, thing)
            return replace(inner, measured_in=_MEASURING[last])
        if last in _ATTRIBUTES:
            inner = _head(rest, synonyms, thing)
            named = f"{_noun_phrase(before)} of {inner.name or 'figure'}"
            if last == "price":
                # "the average price of petrol" is the petrol price, as "petrol prices" is.
                named = f"{inner.name} price" if inner.name else "price"
            return replace(inner, name=named, person=False, military=False)
        words = before
    increment = any(word in _INCREMENT for word in words)
    if len(words) >= 2 and words[0] == "excess":
        # "640 excess deaths": a statistical estimate above the usual, not a count of the dead.
        return Head(" ".join(_clean(words)), " ".join(words), False, False, increment=increment)
    event_key, event_words, words = _events_in(words)
    words = _clean(words)
    if len(words) >= 2 and words[-1].endswith("ed") and words[-2].endswith("s"):
        words = words[:-1]  # "claims filed": what was done to the claims says no other thing
    if not words:
        return Head(
            "", "", False, False, event=event_key, event_words=event_words, increment=increment
        )
    phrase = " ".join(words)
    if words[-1] in POWER_UNITS:
        return Head(
            "power",
            phrase,
            False,
            False,
            measured_in=POWER_UNITS[words[-1]],
            event=event_key,
            event_words=event_words,
            increment=increment,
        )
    if phrase in AREA_UNITS or _singular(words[-1]) in AREA_UNITS:
        unit = AREA_UNITS.get(phrase) or AREA_UNITS[_singular(words[-1])]
        return Head(
            "area",
            phrase,
            False,
            False,
            measured_in=unit,
            event=event_key,
            event_words=event_words,
            increment=increment,
        )
    # "pumped 4,800 cubic metres": a volume of what the sentence names, not a length.
    cubic = len(words) >= 2 and words[-2] == "cubic" and _singular(words[-1]) in _MEASURING
    if (
        cubic
        or words[-1] in DISTANCE_UNITS
        or (len(words) == 1 and _singular(words[0]) in _MEASURING)
    ):
        measured = _MEASURING.get(_singular(words[-1]), words[-1])
        return Head(
            "",
            phrase,
            False,
            False,
            measured_in=_cubic(measured) if cubic else measured,
            event=event_key,
            event_words=event_words,
            increment=increment,
            distance=not cubic and words[-1] in DISTANCE_UNITS,
        )
    if words[-1] == "lives" or words[-1] == "life":
        return Head(
            "people", phrase, True, False, event="killed", event_words=phrase, increment=increment
        )
    if words[-1] == "depth" and len(words) > 1:
        words = words[:-1]  # "the snow depth was 260 cm": so much snow
    if words[-1] in RATE_WORDS:
        # "the case fatality rate", "the unemployment rate": the modifiers are the quantity.
        quantity = [*words[:-1], "level" if words[-1] in LEVELS else words[-1]]
        return Head(" ".join(quantity), phrase, False, False, increment=increment)
    if words[-1] in ("price", "prices"):
        # "petrol prices", "the average bread price": the goods say which price it is.
        goods = [word for word in words[:-1] if word not in _PRICE_MODIFIERS]
        if any(word in _CONJUNCTIONS for word in goods):
            name = " ".join(goods) + " price"  # "food and fuel prices"
        else:
            name = f"{goods[-1]} price" if goods else "price"
        return Head(name, phrase, False, False, increment=increment)
    conjuncts = _conjuncts(words)
    heads = [_named(conjunct, synonyms) for conjunct in conjuncts]
    name = " and ".join(named for named, _ in heads)
    person = all(is_person for _, is_person in heads)
    if person and len({named for named, _ in heads}) > 1:
        name = synonyms.get("people", "people")  # "passengers and crew", "women and children"
    military = any(c[-1] in MILITARY or _singular(c[-1]) in MILITARY for c in conjuncts)
    return Head(
        name,
        phrase,
        person,
        military,
        event=event_key,
        event_words=event_words,
        increment=increment,
    )


# Participles that say what befell the noun they stand before, as the event adjectives do:
# "the seized trawlers", "300 confiscated rifles". Most verbs' participles do not ("the
# proposed cuts", "treated water", "lost revenue"), so only these are taken.
_EVENT_PARTICIPLES = frozenset(
    "seized confiscated flattened levelled leveled charred blackened murdered "
    "axed sacked immunised immunized inoculated inundated".split()
)

# Participles not in -ed that may follow their plural noun: "eight schools shut".
_IRREGULAR_PARTICIPLES = frozenset(
    "shut lost sent held built burnt stolen taken struck sunk spent sold bought withdrawn "
    "shown".split()
)


def _events_in(words: list[str]) -> tuple[str | None, str, list[str]]:
    """Take event adjectives and a closing event noun out of ``words``."""
    for table in (ADJECTIVES, VERBS):
        whole = phrase_at(words, 0, table) if words else None
        if whole is None or whole[1] != len(words):
            continue
        # A verb read as the whole phrase ("killing at least 11", "we want 12%"); "ships" is
        # a noun after a number, so a verb form ending in "s" is not taken for one.
        if table is ADJECTIVES or not words[-1].endswith("s"):
            return whole[0], " ".join(words), []  # "300 dead", "killing at least 11"
    for start in range(1, 0 if _stands_in(words) else len(words)):
        if words[start] not in _ADJECTIVE_STARTS:
            continue
        trailing = phrase_at(words, start, ADJECTIVES)
        if trailing is not None and start + trailing[1] == len(words):
            # "people without power", "patients in critical condition": the state after the
            # noun is what befell it.
            return trailing[0], " ".join(words[start:]), words[:start]
    clause = _participle_clause(words)
    if clause is not None:
        # "people facing acute hunger", "officers surrounding the prison": the noun, and what
        # the clause after it says befell it.
        at, event = clause
        inner_key, inner_said, inner = _events_in(words[:at])
        if event is not None:
            return event, " ".join(words[at:]), inner
        return inner_key, inner_said, inner
    key, said = None, ""
    kept: list[str] = []
    index = 0
    while index < len(words):
        # An event adjective before a noun: "wounded soldiers", "striking workers".
        found = phrase_at(words, index, ADJECTIVES) if key is None else None
        if found is None and key is None and words[index] in _EVENT_PARTICIPLES:
            found = VERBS[(words[index],)], 1
        if found is not None and index + found[1] < len(words):
            key, size = found
            said = " ".join(words[index : index + size])
            index += size
            continue
        kept.append(words[index])
        index += 1
    participle = (
        kept[-1].endswith("ed")
        or (kept[-1] in _IRREGULAR_PARTICIPLES and kept[-2:-1] != [] and kept[-2].endswith("s"))
        if kept
        else False
    )
    if key is None and len(kept) > 1 and participle and (kept[-1],) in VERBS:
        # "the money pledged", "emergency funding approved": a participle after its noun.
        return VERBS[(kept[-1],)], kept[-1], kept[:-1]
    ending = phrase_ending_at(kept, len(kept), NOUNS) if kept else None
    if ending is None:
        return key, said, kept
    noun_key, size = ending
    said = " ".join(kept[-size:])
    rest = kept[:-size]
    if noun_key == "strike":
        return noun_key, said, [*rest, "workers"]  # "strikers"
    # "civilian deaths", "troop casualties", "job cuts": a modifier names who or what.
    who = [
        w
        for w in rest
        if w in PERSONS
        or _singular(w) in PERSONS
        or w in ANIMALS  # "livestock deaths" are livestock killed
        or (w == "job" and noun_key == "cut")
    ]
    # Said as the people counted: "civilian deaths" are civilians killed.
    return key or noun_key, said, [_plural(_singular(w)) for w in who[-1:]]


# Words in -ing that are nouns, not a clause after the counted noun.
_ING_NOUNS = frozenset(
    """building buildings housing funding clothing bedding shipping morning evening ceiling
    offering offerings spending earnings savings holdings lodging fencing flooding landing
    landings training meeting meetings hearing hearings warning warnings crossing crossings
    sibling siblings filling""".split()
)


def _participle_clause(words: list[str]) -> tuple[int, str | None] | None:
    """Return where a clause after the counted noun starts and the event it names: "people
    facing acute hunger" (in need), "officers surrounding the prison" (none)."""
    for index in range(1, len(words)):
        found = phrase_at(words, index, VERBS) or phrase_at(words, index, ADJECTIVES)
        if found is not None and words[index].endswith("ing"):
            return index, found[0]
        if words[index].endswith("ing") and words[index] not in _ING_NOUNS:
            return index, None
    return None


def _with_event(head: Head, event: str, words: str) -> Head:
    return replace(head, event=head.event or event, event_words=head.event_words or words)


def _conjuncts(words: list[str]) -> list[list[str]]:
    parts: list[list[str]] = [[]]
    for word in words:
        if word in _CONJUNCTIONS:
            parts.append([])
        else:
            parts[-1].append(word)
    return [part for part in parts if part]


def _named(words: list[str], synonyms: Mapping[str, str]) -> tuple[str, bool]:
    """Return the group or plural head of one conjunct, and whether it counts people."""
    singular = [*words[:-1], _singular(words[-1])]
    for start in range(len(singular)):
        group = synonyms.get(" ".join(singular[start:]))
        if group is not None:
            head = singular[-1]
            return group, head in PERSONS or words[-1] in PERSONS or group == "people"
    head = singular[-1]
    if words[-1] in PEOPLE or head in PEOPLE:
        return "people", True
    if head.endswith("worker"):
        return synonyms.get("worker", "workers"), True
    person = words[-1] in PERSONS or head in PERSONS
    if head == words[-1] and words[-1] not in _PLURAL:
        # Written without a plural after a number ("5,000 tonnes of rice", "300 personnel"):
        # a mass noun, or one whose plural is itself.
        return words[-1], person
    return _plural(head), person


def _clean(words: list[str]) -> list[str]:
    kept = [
        word
        for word in words
        if word not in _DROPPED and word not in _INCREMENT and not any(c.isdigit() for c in word)
    ]
    while len(kept) >= 2 and kept[-1] in ("who", "whom", "which"):
        kept = kept[:-1]  # "people who" borrowed from "the 25 people who died"
    if len(kept) >= 2 and kept[-1] in LEVELS:
        return kept  # "the reservoir level": a quantity of its own, not a stand-in
    if kept and (kept[-1] in _STAND_INS or kept[-1] in _ING_VERBS):
        return []  # "the earlier estimate", "leaving": the noun is left out
    return kept


def _noun_phrase(words: list[str]) -> str:
    """Return ``words`` with the head noun of each conjunct made singular."""
    singular = [
        _singular(word) if index == len(words) - 1 or words[index + 1] in _CONJUNCTIONS else word
        for index, word in enumerate(words)
    ]
    return " ".join(singular)


def singular(word: str) -> str:
    """Return ``word`` made singular by simple English rules."""
    return _singular(word)


def _cubic(unit: str) -> str:
    """The volume unit of a length: "m" -> "m3", "yards" -> "cubic yards"."""
    return f"{unit}3" if unit in ("m", "km", "cm", "mm") else f"cubic {unit}"


def _singular(word: str) -> str:
    if word in _UNCHANGED or len(word) <= 3:
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes", "zzes", "oes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def _plural(word: str) -> str:
    if word in _UNCHANGED or word in ("troops",):
        return word
    if word in _PLURAL:
        return _PLURAL[word]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")) and not word.endswith(("ics",)):
        return word + "es" if not word.endswith("ss") or True else word
    if word.endswith("o") and word in ("torpedo", "hero", "potato", "tomato", "echo"):
        return word + "es"
    return word + "s"


def _unit_label(unit: str) -> str | None:
    if unit == COUNT:
        return None
    if unit == PERCENT:
        return "%"
    return unit.upper()


def _rate_label(rate: str) -> str:
    plain = _plain(rate)
    if plain == "each" or plain.startswith("each "):
        return plain  # "€1,000 each": for each of those it names
    if plain in _RATES:
        return _RATES[plain]
    if plain.startswith(("per ", "a ", "an ", "each ", "every ")):
        return "per " + plain.split(" ", 1)[1]
    return "per " + plain


def _plain(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())
