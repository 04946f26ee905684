"""Deciding an article's figures against what the watch already knows: a plain function.

``decide_article(meanings, book, article)`` takes what an article's figures mean
(``meaning.read_meanings``) and a ``Book`` of the earlier values of the measures they may
join, and returns a decision for each figure, in text order. The figures pass fills the book
from the database; ``monitor replay`` keeps one in memory for a whole watch. Either way the
same articles in the same order give the same decisions.

Within an article:

1. Past values come first ("up from 1,000"): each corroborates an agreeing earlier value, or
   is kept as history, never alerting (status ``previous``).
2. Then the current values of the body, in text order. The first of each measure is the
   article's report of it, decided by novelty (``new_measure``, ``changed_figure`` or
   ``repeat``). A later one of the same measure that can be the same value is a restatement
   (``repeat`` of the report): an article raises at most one alert per value. One that
   cannot is decided on its own against the earlier articles, as the report is: two
   different current values under one measure name are most often two measures the article
   tells apart and the reading merged. Both values are known after it: a later article
   repeating either repeats.
   A report that opens a measure or changes it, with the value another measure of its
   family holds now (the same count with its place where this one has none, or the other
   way round: "14 barns destroyed in Holmvik", then "14 barns destroyed"), is that report
   read two ways: a ``repeat`` of it. Two places' counts of one size stay two reports.
   So is a report with a distinctive value (``distinctive``: "2,300", not "3,000") that
   another measure holds now: "about 2,300 machines" after "2,300 computers encrypted" is
   that count under other words; a bound ("at least 2,300") is not. A count that says no
   event with the value the same thing's count that says one holds now ("five hospitals"
   after "hospitals affected: 5"), or the other way round, is that count too.
3. A headline figure (the text opens with the title) restates the body's report or an
   earlier value (``repeat``); one the body does not restate is kept as ``headline``: the
   headline rounds and compresses, the body's figures alert.
4. Vague amounts ("hundreds of") corroborate a value they contain (``repeat``) and otherwise
   stay ``vague``: they never alert nor give a measure its first value.

A figure that names no event joins a measure the story already has for a presence event of
the same thing ("13,000 containers" -> "containers supplied"), the earliest opened; a figure
with a presence event joins the measure that names none, if that came first. A figure that
names no thing, only its event ("the estimate rose to 3,500 tonnes spilled", "Sundria
pledged 6"), joins the earliest opened measure of that event that names one ("oil spilled
[tonnes]", "aircraft pledged").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from monitor.figures.lexicon import PERSONS
from monitor.figures.meaning import Meaning
from monitor.figures.measures import ANY_THING
from monitor.figures.novelty import (
    ALERTING,
    Decision,
    EarlierValue,
    Value,
    agrees,
    decide,
    describe,
    overlaps,
    span,
)
from monitor.figures.places import guessed
from monitor.figures.wording import amount


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The article being decided, as the earlier values of later articles will cite it."""

    article_id: int
    url: str
    site: str | None
    published_at: datetime | None


@dataclass(frozen=True, slots=True)
class Decided:
    """A figure's measure and decision; ``earlier`` are the measure's values before it.

    Values of the same article carry provisional ids: ``provisional(index)`` stands for the
    figure at ``index`` of the decided list until it is stored.
    """

    index: int
    meaning: Meaning
    measure: str
    decision: Decision
    earlier: tuple[EarlierValue, ...]


def provisional(index: int) -> int:
    """The id that stands for the article's figure at ``index`` until it is stored."""
    return -(index + 1)


def provisional_index(figure_id: int) -> int | None:
    """Return the index a provisional id stands for, or None for a stored figure's id."""
    return -figure_id - 1 if figure_id < 0 else None


@dataclass(frozen=True, slots=True)
class Held:
    """A current value another measure of the watch holds, that a report may restate: one of
    its family (the same count with or without its place) or any with a value close to it."""

    measure: str
    value: EarlierValue
    placed: bool = False
    unit: str = "count"
    evented: bool = True  # the measure names what happened ("hospitals affected")
    event: str | None = None
    place: str | None = None


_BOUNDS = ("at_least", "more_than", "up_to", "range", "vague")  # a bound is no one count
_SAME = 0.005  # two values this close are one


def distinctive(value: float) -> bool:
    """Whether a value is one no other count of a story is likely to share by chance: at
    least 100 and not a round figure ("2,300", "1.2 million"; not "3,000" nor "12")."""
    if value < 100:
        return False
    scale = 10 ** math.floor(math.log10(value))
    return bool(abs(value / scale - round(value / scale)) > 1e-9)


def _same_value(value: Value, held: EarlierValue) -> bool:
    """Whether a distinctive value is the one another measure holds: the same number, or
    within half a percent when either is approximate ("about 2,310" and "2,300"); two exact
    counts a few apart ("1,536 admitted", "1,541 discharged") are two counts."""
    if "about" in (value.qualifier, held.qualifier):
        return abs(held.value - value.value) <= _SAME * value.value
    return held.value == value.value


def context_placed(meaning: Meaning) -> bool:
    """Whether the figure's place came from its context (the headline, the paragraph, the
    count before it), not from its own words."""
    return meaning.key.place is not None and guessed(meaning.evidence.get("place", ""))


def family_of(measure: str, place: str | None) -> str:
    """The measure without its place: "people killed in Tarnet" -> "people killed"."""
    return measure.replace(f" in {place}", "") if place else measure


def _latest_restated(
    held: Iterable[Held], other: Callable[[Held], bool], restates: Callable[[Held], bool]
) -> Held | None:
    """Return the most recent of the latest values of the ``other`` measures that the report
    ``restates``; ``held`` is in publication order."""
    latest: dict[str, tuple[int, Held]] = {}
    for order, item in enumerate(held):
        if other(item):
            latest[item.measure] = (order, item)
    found = [(order, item) for order, item in latest.values() if restates(item)]
    return max(found, key=lambda pair: pair[0])[1] if found else None


def _bracket(measure: str) -> str:
    """The unit and rate of a measure's name: "oil spilled [tonnes per day]" -> its bracket."""
    return measure.partition(" [")[2]


def _same_thing(measure: str, other: str, evented: bool) -> bool:
    """Whether the measure of the two that names no event ("hospitals [beds]") is the other's
    thing ("hospitals affected in Orsk [beds]")."""
    bare, named = (other, measure) if evented else (measure, other)
    thing, _, unit = bare.partition(" [")
    if evented and (thing == "people" or thing in PERSONS):
        # "23 guests and staff", "11 workers" say nothing of what befell them: a toll of 23
        # is news
        return False
    return named.startswith(f"{thing} ") and named.endswith(f" [{unit}" if unit else "")


def _names_thing(measure: str, event: str) -> bool:
    """Whether ``measure`` is ``event`` ("injured in Orsk") of a thing it names ("people
    injured in Orsk"), not another event joined to it ("people killed or injured in Orsk")."""
    thing = measure.removesuffix(f" {event}")
    return thing != measure and not thing.endswith((" or", " and"))


@dataclass
class Book:
    """The distinct earlier values of some measures, oldest first, and the order in which the
    measures were opened; and the current values of their families and of any measure close
    to a report's distinctive value (``Held``), in publication order."""

    values: dict[str, list[EarlierValue]] = field(default_factory=dict)
    kin: dict[str, list[Held]] = field(default_factory=dict)
    twins: list[Held] = field(default_factory=list)
    # The current values of the measures of each event ("killed"), whatever their thing and
    # place: one count read under other words ("pupils held", "hostages held").
    by_event: dict[str, list[Held]] = field(default_factory=dict)

    @classmethod
    def of(
        cls,
        measures: Mapping[str, Iterable[EarlierValue]],
        kin: Mapping[str, Iterable[Held]] | None = None,
        twins: Iterable[Held] = (),
        by_event: Mapping[str, Iterable[Held]] | None = None,
    ) -> Book:
        """Return a book of ``measures`` listed in the order they were opened."""
        return cls(
            {name: list(values) for name, values in measures.items() if values},
            {name: list(values) for name, values in (kin or {}).items()},
            list(twins),
            {event: list(values) for event, values in (by_event or {}).items()},
        )

    def restated(
        self, measure: str, place: str | None, value: Value, event: str | None
    ) -> Held | None:
        """Return the current value of another measure that a report of ``measure`` with
        ``value`` repeats: one of its family, given with its place where this one has none or
        the other way round; else, for a distinctive value (``distinctive``), any measure's
        ("about 2,300 machines" after "2,300 computers encrypted": that count read under
        other words, not a count of its own); else the latest value of a measure of the same
        event and unit (``same_event``)."""
        found = self._restated_by_family_or_value(measure, place, value, event is not None)
        if found is None and event is not None and value.qualifier not in _BOUNDS:
            found = self.same_event(measure, event, place, value)
        return found

    def same_event(self, measure: str, event: str, place: str | None, value: Value) -> Held | None:
        """Return the latest value of another measure of ``event``, in the same unit and not
        of another named place, that ``value`` agrees with: "Of the 137 abducted" after "137
        pupils held", "the toll in both countries together is now 31" after "31 people
        killed". Read across a story, the things of one count are named in several ways; a
        count that merely shares its event with another and happens to equal it is rarer
        (measured on the stories: docs/figures.md). Two places' counts stay apart, even equal:
        "14 barns destroyed in Orsa" after "14 barns destroyed in Holmvik" is news; and a
        bound says too little to be another measure's count: "at least 30 children killed"
        after "at least 200 people killed" is news too."""
        label = _bracket(measure)
        return _latest_restated(
            self.by_event.get(event, ()),
            lambda held: (
                held.measure != measure
                and held.unit == value.unit
                and _bracket(held.measure) == label
                and (place is None or held.place is None or held.place == place)
            ),
            lambda held: held.value.qualifier not in _BOUNDS and agrees(value, held.value),
        )

    def _restated_by_family_or_value(
        self, measure: str, place: str | None, value: Value, evented: bool
    ) -> Held | None:
        placed = place is not None
        kin = _latest_restated(
            self.kin.get(family_of(measure, place), ()),
            lambda held: held.placed != placed and held.measure != measure,
            lambda held: agrees(value, held.value),
        )
        if kin is not None or value.qualifier in _BOUNDS:
            return kin
        if not distinctive(value.value):
            # "five Corvane hospitals" after "hospitals affected: 5": a count that says no
            # event restates the same thing's count that says one, and the other way round.
            return _latest_restated(
                self.twins,
                lambda held: (
                    held.unit == value.unit
                    and held.evented != evented
                    and _same_thing(measure, held.measure, evented)
                ),
                lambda held: (
                    held.value.qualifier not in _BOUNDS and held.value.value == value.value
                ),
            )
        return _latest_restated(
            self.twins,
            lambda held: held.measure != measure and held.unit == value.unit,
            lambda held: held.value.qualifier not in _BOUNDS and _same_value(value, held.value),
        )

    def known(self, value: Value) -> Held | None:
        """Return the latest current value of any measure, in the same unit, that a figure
        the text presents as known ("the 11 people killed", ``Meaning.definite``) is: the
        story's count under other words. Such a figure is news far less often than one the
        text introduces (docs/figures.md, eighteenth round); a bound is no one count."""
        if value.qualifier in _BOUNDS:
            return None
        return _latest_restated(
            self.twins,
            lambda held: held.unit == value.unit,
            lambda held: _same_value(value, held.value),
        )

    def earlier(self, measure: str) -> list[EarlierValue]:
        return list(self.values.get(measure, ()))

    def resolve(self, candidates: Sequence[str], value: Value | None = None) -> str:
        """Return the measure a figure joins: of ``candidates`` that the book holds, the first
        opened whose latest value ``value`` repeats ("a 12% rise" after "demanding 12%" and
        "offering 4%"), else the first opened, else the figure's own (the first candidate).
        A candidate ``*spilled [tonnes]`` (``ANY_THING``) stands for every measure of that
        event that names its thing ("oil spilled [tonnes]"), and comes before the others."""
        suffixes = [name[1:] for name in candidates if name.startswith(ANY_THING)]
        named = [name for name in self.values if any(_names_thing(name, s) for s in suffixes)]
        if named:
            return self._agreeing(named, value)
        held = [name for name in self.values if name in candidates]
        return self._agreeing(held, value) if held else candidates[0]

    def _agreeing(self, measures: list[str], value: Value | None) -> str:
        if value is not None and len(measures) > 1:
            for name in measures:
                if agrees(value, self.values[name][-1]):
                    return name
        return measures[0]

    def add(self, measure: str, value: EarlierValue) -> None:
        self.values.setdefault(measure, []).append(value)


def decide_article(meanings: Sequence[Meaning], book: Book, article: ArticleRef) -> list[Decided]:
    """Decide every figure of an article against ``book``, which gains the article's new
    values; return the decisions in text order (module docstring)."""
    decided: dict[int, Decided] = {}
    order = sorted(
        range(len(meanings)),
        key=lambda index: (
            meanings[index].role != "previous",
            meanings[index].vague,
            meanings[index].headline,
            index,
        ),
    )
    reports: dict[str, int] = {}  # measure -> index of the article's report of it
    for index in order:
        meaning = meanings[index]
        value = _value(meaning)
        measure = book.resolve(meaning.candidates or (meaning.key.name,), value)
        if measure not in book.values and context_placed(meaning):
            # "32 people were injured" in an article whose headline names Belcoria: the
            # place is the reading's guess, and the story's count of it has none.
            unplaced = family_of(measure, meaning.key.place)
            if unplaced in book.values:
                measure = unplaced
        earlier = tuple(book.earlier(measure))
        if meaning.role == "previous":
            decision = _previous(meaning, value, earlier)
            if decision.repeat_of is None:
                book.add(measure, _earlier(index, meaning, article, "previous"))
        elif meaning.vague:
            decision = _vague(value, earlier)
        elif meaning.headline:
            decision = _headline(meaning, value, decided, earlier)
        elif measure in reports:
            decision = _restated(value, decided[reports[measure]], earlier)
            if decision.status != "repeat":
                # Either value may be the one the next article repeats: both are known now.
                book.add(measure, _earlier(index, meaning, article, "current"))
        elif (said := _said_before(meaning, value, decided)) is not None:
            decision = Decision(
                status="repeat",
                reason="restates a figure the article gave before, more briefly",
                repeat_of=said.decision.repeat_of or provisional(said.index),
            )
        else:
            decision = _reported(value, earlier)
            news = decision.status in ALERTING
            other = (
                book.restated(measure, meaning.key.place, value, meaning.key.event)
                if news
                else None
            )
            if other is None and news and meaning.definite:
                other = book.known(value)
            if other is not None:
                decision = Decision(
                    status="repeat",
                    reason=f"repeats {describe(other.value, value.unit)} under {other.measure}",
                    repeat_of=other.value.figure_id,
                )
            reports[measure] = index
            if decision.status != "repeat":
                reported = _earlier(index, meaning, article, "current")
                book.add(measure, reported)
                evented = meaning.key.event is not None
                book.twins.append(Held(measure, reported, unit=value.unit, evented=evented))
        decided[index] = Decided(index, meaning, measure, decision, earlier)
    return [decided[index] for index in range(len(meanings))]


def _said_before(meaning: Meaning, value: Value, decided: Mapping[int, Decided]) -> Decided | None:
    """Return the figure of the article a later one restates without its place: "Nine people
    have died in Dravonia ... The nine deaths are the most since 1987"."""
    if meaning.key.place is not None or meaning.key.event is None:
        return None
    for item in sorted(decided.values(), key=lambda item: item.index):
        earlier = item.meaning
        if (
            earlier.figure.start < meaning.figure.start
            and earlier.role == "current"
            and not earlier.vague
            and earlier.key.place is not None
            and (earlier.key.head, earlier.key.event) == (meaning.key.head, meaning.key.event)
            and _allows(value, earlier.figure.value)
        ):
            return item
    return None


def _allows(value: Value, earlier: float) -> bool:
    """Whether ``value`` could be the earlier number said again, more briefly: "the nine
    deaths" after "nine people have died"; not 31 "across the province" after "at least 23
    in Tarsk", which is more."""
    low, high = span(value)
    return low <= earlier <= high


def _headline(
    meaning: Meaning,
    value: Value,
    decided: Mapping[int, Decided],
    earlier: Sequence[EarlierValue],
) -> Decision:
    """A headline figure restates the body's, or an earlier value; it never alerts itself:
    a headline rounds and compresses, the body says what the figure is."""
    body = _body_value(meaning, value, decided)
    if body is not None:
        return Decision(
            status="repeat",
            reason="the headline restates the body's figure",
            repeat_of=body.decision.repeat_of or provisional(body.index),
        )
    agreeing = [e for e in earlier if e.figure_id > 0 and agrees(value, e)]
    if agreeing:
        return Decision(
            status="repeat",
            reason=f"repeats {describe(agreeing[-1], value.unit)}",
            repeat_of=agreeing[-1].figure_id,
        )
    return Decision(
        status="headline",
        reason="a headline figure the body does not restate: the body's figures alert",
    )


def _body_value(meaning: Meaning, value: Value, decided: Mapping[int, Decided]) -> Decided | None:
    """Return the body figure a headline figure restates: the first current one with a value
    it can be and the same counted thing ("Three hostages killed in Tarsk" over "three
    hostages were killed inside the hospital")."""
    for item in sorted(decided.values(), key=lambda item: item.index):
        body = item.meaning
        same_thing = body.key.head == meaning.key.head or (
            body.key.event is not None and body.key.event == meaning.key.event
        )
        if (
            not body.headline
            and body.role == "current"
            and same_thing
            and overlaps(value, _value(body))
        ):
            return item
    return None


def _reported(value: Value, earlier: Sequence[EarlierValue]) -> Decision:
    """Decide an article's report of a measure; its own past values ("rose from 2,900 to
    3,000") never make it a repeat, but are named beside a first value."""
    own_past = [e for e in earlier if provisional_index(e.figure_id) is not None]
    decision = decide(value, [e for e in earlier if provisional_index(e.figure_id) is None])
    if decision.status == "new_measure" and own_past:
        said = "; ".join(describe(e, value.unit) for e in own_past)
        return Decision(status="new_measure", reason=f"{decision.reason}; before: {said}")
    return decision


def _previous(meaning: Meaning, value: Value, earlier: Sequence[EarlierValue]) -> Decision:
    said = meaning.evidence.get("role", "")
    agreeing = [e for e in earlier if overlaps(value, e)]
    if agreeing:
        corroborated = agreeing[-1]
        return Decision(
            status="previous",
            reason=f"a past value ({said}); it corroborates {describe(corroborated, value.unit)}",
            repeat_of=corroborated.figure_id,
        )
    return Decision(status="previous", reason=f"a past value ({said}); kept as history")


def _vague(value: Value, earlier: Sequence[EarlierValue]) -> Decision:
    agreeing = [e for e in earlier if agrees(value, e)]
    if agreeing:
        return Decision(
            status="repeat",
            reason=f"a vague amount that agrees with {describe(agreeing[-1], value.unit)}",
            repeat_of=agreeing[-1].figure_id,
        )
    return Decision(status="vague", reason="a vague amount: it never alerts nor opens a measure")


def _restated(value: Value, report: Decided, earlier: Sequence[EarlierValue]) -> Decision:
    first = _value(report.meaning)
    if overlaps(value, first):
        target = report.decision.repeat_of or provisional(report.index)
        return Decision(
            status="repeat",
            reason="restates the article's own report of this measure",
            repeat_of=target,
        )
    own = [
        e
        for e in earlier
        if provisional_index(e.figure_id) is not None and e.role == "current" and overlaps(value, e)
    ]
    if own:
        return Decision(
            status="repeat",
            reason="restates a value the article gave before",
            repeat_of=own[-1].figure_id,
        )
    agreeing = [e for e in earlier if e.figure_id > 0 and agrees(value, e)]
    if agreeing:
        return Decision(
            status="repeat",
            reason=f"repeats {describe(agreeing[-1], value.unit)}",
            repeat_of=agreeing[-1].figure_id,
        )
    # Two current values of one measure in one article are rarely a correction: far more
    # often the reading has merged two measures the article tells apart ("2,000 jobs at Oskel
    # and 600 at Harnsted"), so the second value is decided on its own.
    decision = decide(value, [e for e in earlier if provisional_index(e.figure_id) is None])
    return Decision(
        status=decision.status,
        reason=f"{decision.reason}; a second value beside the article's"
        f" {amount(first.value, first.low, first.high, first.qualifier, first.unit)}",
    )


def _value(meaning: Meaning) -> Value:
    figure = meaning.figure
    return Value(
        value=figure.value,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        unit=figure.unit,
    )


def _earlier(index: int, meaning: Meaning, article: ArticleRef, role: str) -> EarlierValue:
    figure = meaning.figure
    return EarlierValue(
        figure_id=provisional(index),
        value=figure.value,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        article_url=article.url,
        site=article.site,
        published_at=article.published_at,
        article_id=article.article_id,
        role=role,
    )
