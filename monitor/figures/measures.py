"""The measure of a figure: what it counts, in which unit, per which period, within which frame.

Figures of one measure (and one watch, kept in its own column) are compared with each other to
decide what is new. A measure name is built from the figure alone, so the same figure always
gets the same name, and it is what users type (``monitor figures history "ammunition"``):

    kind [unit] per period (scope)        "ammunition", "ammunition per month",
                                          "defence budget [USD]", "provocation (2022's record)"

The kind comes from the counted noun phrase (``Figure.thing``), lower-cased:

1. Everything from a linking preposition on is context, not kind: "shells to Russia" -> "shells".
   A possessor is dropped with its "'s": "North Korea's artillery shells" -> "artillery shells".
2. In "X of Y", X decides:
   - a packaging or quantity word (rounds, units, pieces, batches, pairs, sets, dozens, number,
     ...) stands for Y: "rounds of 152mm artillery shells" -> kind of "152mm artillery shells";
   - a unit of measurement (tonnes, barrels, litres, ...) stands for Y as well, and goes into
     the brackets, since 5,000 tonnes and 5,000 sacks of one thing are not comparable:
     "tonnes of rice" -> "rice [tonnes]";
   - an attribute (value, cost, price, share, ...) keeps Y: "value of the shells" ->
     "value of ammunition";
   - any other word is the kind itself: "containers of munitions" -> "container".
3. Tokens with a digit ("152mm") and determiners or vague adjectives ("the", "new", "more",
   "additional", "other", "its") are dropped.
4. The last word (and any word before "and"/"or") is made singular by simple rules:
   missiles -> missile, casualties -> casualty, launches -> launch; mass nouns (ammunition,
   artillery, equipment, personnel, ...) stay as they are.
5. The synonym table maps the whole kind, else its last word (not in an "and"/"or" phrase),
   to a group: "artillery shell", "round" and "munition" are all "ammunition". Otherwise the
   kind is the remaining words: "ballistic missile", "nuclear bomb".

A figure with nothing left to name its kind is a "figure" of its unit. The unit is "[%]" for a
percentage and the ISO code for money ("[USD]"); a rate is said per period ("monthly" ->
"per month"); the scope is lower-cased like the kind, so one frame written two ways is one name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from monitor.figures.model import COUNT, PERCENT, Figure

# Keys are lower-case and singular; a caller with its own table usually extends this one:
# measure_of(figure, {**DEFAULT_SYNONYMS, "drone": "drones"}).
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
    # People sent abroad to work.
    "worker": "workers",
    "labourer": "workers",
    "laborer": "workers",
}

MAX_LENGTH = 300  # figures.measure is String(300)

# Stand for what they hold: "rounds of ammunition" counts ammunition.
_CONTAINERS = frozenset(
    "round unit piece item batch lot pair set type kind sort variety "
    "number amount total quantity count dozen score hundred thousand million billion ten".split()
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
    "hectare": "hectares",
}
# Keep what they are of: "value of the shells" is not a value of anything else.
_ATTRIBUTES = frozenset(
    "value cost price worth share proportion percentage part budget size length range".split()
)
# What comes after these is where, whom or when, which the scope says if it matters.
_LINKS = frozenset("to for from into toward towards via by in on at since during with".split())
_DROPPED = frozenset(
    "a an the its their his her our your my this that these those some any all such "
    "new more additional other another further extra same own various several many few "
    "about around approximately roughly nearly almost than estimated total overall only".split()
)
_CONJUNCTIONS = frozenset({"and", "or"})
# Mass nouns, and words whose plural and singular are one.
_UNCHANGED = frozenset(
    "ammunition artillery equipment personnel weaponry materiel aircraft news series species "
    "people police fuel money data cattle livestock fish sheep deer offspring".split()
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
}
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


def measure_of(figure: Figure, synonyms: Mapping[str, str] | None = None) -> str:
    """Return the measure name of ``figure``; ``synonyms`` replaces ``DEFAULT_SYNONYMS``."""
    table = DEFAULT_SYNONYMS if synonyms is None else synonyms
    kind, measured_in = _kind(_words(figure.thing), table)
    unit = _unit_label(figure.unit) or measured_in
    suffix = "".join(
        (
            f" [{unit}]" if unit else "",
            f" {_rate_label(figure.rate)}" if figure.rate and figure.rate.strip() else "",
            f" ({_plain(figure.scope)})" if figure.scope and figure.scope.strip() else "",
        )
    )
    # A kind that outgrows the column loses its first words: the head noun comes last.
    room = max(MAX_LENGTH - len(suffix), 1)
    if len(kind) > room:
        kept = kind[-room:]
        kind = kept.split(" ", 1)[1] if " " in kept[1:] else kept
    return (kind + suffix)[:MAX_LENGTH]


def _words(thing: str) -> list[str]:
    tokens = _TOKEN.findall(thing.lower().replace("\u2019", "'"))
    for index, token in enumerate(tokens):
        if token in _LINKS:
            tokens = tokens[:index]
            break
    # "the army's new shells": the possessor says whose, not what.
    possessives = [index for index, token in enumerate(tokens) if _POSSESSIVE.search(token)]
    if possessives and possessives[-1] < len(tokens) - 1:
        tokens = tokens[possessives[-1] + 1 :]
    return [word for word in (token.strip(".'-") for token in tokens) if word]


def _kind(words: list[str], synonyms: Mapping[str, str]) -> tuple[str, str | None]:
    """Return the kind named by ``words``, and the unit of measurement it was counted in."""
    if "of" in words:
        at = words.index("of")
        head, rest = _clean(words[:at]), words[at + 1 :]
        last = _singular(head[-1]) if head else None
        if last is None or last in _CONTAINERS:
            return _kind(rest, synonyms)
        if last in _MEASURING:
            kind, _ = _kind(rest, synonyms)
            return kind, _MEASURING[last]
        if last in _ATTRIBUTES:
            kind, measured_in = _kind(rest, synonyms)
            return f"{_noun_phrase(head)} of {kind}", measured_in
        words = head
    words = _clean(words)
    if not words:
        return "figure", None
    if len(words) == 1 and _singular(words[0]) in _MEASURING:
        return "figure", _MEASURING[_singular(words[0])]
    phrase = _noun_phrase(words)
    group = _synonym(phrase, synonyms)
    return group or phrase, None


def _clean(words: list[str]) -> list[str]:
    return [word for word in words if word not in _DROPPED and not any(c.isdigit() for c in word)]


def _noun_phrase(words: list[str]) -> str:
    """Return ``words`` with the head noun of each conjunct made singular."""
    singular = [
        _singular(word) if index == len(words) - 1 or words[index + 1] in _CONJUNCTIONS else word
        for index, word in enumerate(words)
    ]
    return " ".join(singular)


def _synonym(phrase: str, synonyms: Mapping[str, str]) -> str | None:
    lowered = {key.lower(): group for key, group in synonyms.items()}
    words = phrase.split(" ")
    if _CONJUNCTIONS.intersection(words):
        # "launchers and shells" is not ammunition alone: only the whole phrase may map.
        return lowered.get(phrase)
    return lowered.get(phrase) or lowered.get(words[-1])


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


def _unit_label(unit: str) -> str | None:
    if unit == COUNT:
        return None
    if unit == PERCENT:
        return "%"
    return unit.upper()


def _rate_label(rate: str) -> str:
    plain = _plain(rate)
    if plain in _RATES:
        return _RATES[plain]
    if plain.startswith(("per ", "a ", "an ", "each ", "every ")):
        return "per " + plain.split(" ", 1)[1]
    return "per " + plain


def _plain(text: str) -> str:
    return " ".join(text.lower().split())
