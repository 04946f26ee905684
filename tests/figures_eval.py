"""Scoring figure extraction: NewsQuant (public gold) and our golden files. No tests here.

Used by ``tests/test_figures_accuracy.py`` (the gate) and ``benchmarks/figures.py``;
``python -m tests.figures_eval [--errors]`` prints the scores and, with ``--errors``, every
miss and extra (read from ../shared at run time; nothing of NewsQuant is stored in the repo).

NewsQuant (CQE_Evaluation, EMNLP 2023) is read from ``../shared/peer-suites/CQE_Evaluation``
beside the repository, never copied in: its sentences belong to their publishers. It is 590
news sentences with 904 gold quantities: ``value`` (a number, or a range "a-b"), ``change``
("=", "~", ">", "<", "up", "down"), ``unit`` (for counts the counted noun as written) and
``normalized_unit`` (its lemma). Its annotators count more than we call a figure (ages,
durations, "one of", "5G", "the two sides"), so before scoring, ``EXCLUSION_RULES`` below drop
the gold items that docs/figures.md says are not figures. Each rule decides from the gold
annotation and the sentence's own wording only, never from our extractor's output, so that
the denominator does not move when the extractor changes.

Scoring, per sentence:

- Before anything else, a gold "range" whose first end is above its second ("90-70" for
  "fell from 90 tonnes to 70") is split into its two values: docs/figures.md reads
  "from 5 to 3" as a fall, two numbers (``split_changes`` counts them).
- A prediction matches a gold item when their values agree within ``REL_TOL`` (relative). A
  gold range "a-b" is matched by a prediction whose (low, high) is (a, b), or whose central
  value is (a + b) / 2 (our ranges and NewsQuant's agree on both), or by a vague amount of
  ours whose (low, high) lies inside it: NewsQuant writes "dozens" as 12-120 and "thousands"
  as 1000-10000, orders of magnitude wider than our vague tables, and both say the same.
- Predictions and gold items are paired one to one (a maximum bipartite matching, so one
  prediction never answers two gold items); tp = pairs, fp = unpaired predictions, fn =
  unpaired kept gold items.
- A prediction that pairs with an *excluded* gold item (and with no kept one) is set aside:
  neither a true nor a false positive. The exclusion rules approximate our definition from the
  annotation, and where they and the extractor disagree neither is a reliable judge; the count
  of such predictions is reported per rule, so "we still report 9 ages" stays visible.
- Counted-thing accuracy, over the pairs where our figure is a count and the gold item names a
  noun (unit not "-", not money or percent): the gold head noun (the last word of the gold
  ``unit`` once a leading "of the" and any tail from "of", "to", "in", "per", ... are cut off),
  or its ``normalized_unit`` lemma, must appear among our thing's words, case-insensitive,
  after both sides are stripped of simple plural endings ("-ies" -> "-y", "-es" after s/x/z/ch/
  sh, "-s" but not "-ss"/"-us"/"-is").
- Kind accuracy, over all pairs: the gold item's kind (count, percent or money, from its unit)
  against our unit.
- Qualifier accuracy, over pairs whose gold change is a qualifier: "=" means exact (or range /
  vague for a gold range), "~" about, ">" more_than or at_least, "<" up_to or almost. "up" and
  "down" say which way something moved, not how exact the number is, and are not scored.

Golden files (``tests/data/figures/NAME.txt`` + ``NAME.expected.json``): the same one-to-one
pairing, where a prediction matches an expected figure only when value (unless expected null
for a vague amount), low and high agree within ``REL_TOL`` and qualifier, unit and thing are
equal. Rate and scope are left to test_figures_extract.py's exact comparison.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.figures.extract import parse_figures
from monitor.figures.model import COUNT, PERCENT, Figure

NEWSQUANT = (
    Path(__file__).resolve().parents[2]
    / "shared"
    / "peer-suites"
    / "CQE_Evaluation"
    / "data"
    / "formatted_test_set"
    / "NewsQuant.json"
)
GOLDEN_DIR = Path(__file__).parent / "data" / "figures"
REL_TOL = 1e-6


# --- what a prediction is ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Predicted:
    """A figure as the scorer sees it; any extractor's output is converted to this."""

    value: float | None  # None: a vague amount whose central value is not compared
    low: float
    high: float
    qualifier: str
    unit: str  # "count", "percent" or an ISO currency code
    thing: str = ""


def from_figure(figure: Figure) -> Predicted:
    return Predicted(
        value=figure.value,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        unit=figure.unit,
        thing=figure.thing,
    )


def ours(text: str) -> list[Predicted]:
    """Our extractor, as the scorers take it."""
    return [from_figure(figure) for figure in parse_figures(text)]


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=REL_TOL, abs_tol=0.0) or a == b


# --- NewsQuant's gold ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Gold:
    """One NewsQuant quantity, its value read."""

    value: float  # a range's midpoint
    low: float
    high: float
    is_range: bool
    change: str
    unit: str
    lemma: str  # normalized_unit


@dataclass(frozen=True, slots=True)
class GoldSentence:
    text: str
    kept: tuple[Gold, ...]
    excluded: tuple[tuple[Gold, str], ...]  # (item, the rule that dropped it)
    annotated: int  # gold quantities as NewsQuant lists them, before changes are split


_SUBUNITS = frozenset(("cent", "cents", "pence", "penny", "p", "sen"))
_RANGE = re.compile(r"^\s*(-?[\d.]+)\s*-\s*(-?[\d.]+)\s*$")


def read_gold(item: dict[str, Any]) -> list[Gold]:
    """The gold quantities of one NewsQuant item: one, or two for a change "from a to b".

    A "range" whose first end is above its second ("90-70" for "fell from 90 tonnes to 70",
    "5000-4000" for "shrank to 4,000 jobs from 5,000") is a change between two values.
    docs/figures.md reads that as two numbers ("from 5 to 3" is a fall, two numbers), so it
    becomes two exact gold items (the score's ``split_changes`` counts them).
    """
    raw = str(item["value"]).replace(",", "")
    fields = {
        "change": str(item["change"]).strip(),
        "unit": str(item["unit"]).strip(),
        "lemma": str(item["normalized_unit"]).strip(),
    }
    # Our money figures are in the currency's main unit ("68p" is GBP 0.68, "19 cents" USD
    # 0.19); NewsQuant writes subunits as counted ("19" of "cents"). Converting the gold is a
    # change of unit, not of what the text says.
    scale = (
        0.01 if fields["unit"].lower() in _SUBUNITS or fields["lemma"].lower() in _SUBUNITS else 1
    )
    ranged = _RANGE.match(raw)
    if ranged is None:
        value = float(raw) * scale
        return [Gold(value=value, low=value, high=value, is_range=False, **fields)]
    low, high = float(ranged[1]) * scale, float(ranged[2]) * scale
    if low > high:
        return [Gold(value=v, low=v, high=v, is_range=False, **fields) for v in (low, high)]
    return [Gold(value=(low + high) / 2, low=low, high=high, is_range=True, **fields)]


# --- where a gold value is written in its sentence -----------------------------------------
#
# Gold items carry no offsets. The rules that depend on wording ("5G", "152mm", "three-way",
# "the two sides", "the first") find how the value is written in the sentence: every digit
# numeral whose value (times a scale word after it) is the gold value, and for small integers
# every cardinal or ordinal word. A rule applies only when *every* way the value is written
# in the sentence is of its kind, so "two sides and 2 goals" keeps the 2.

_SMALL_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_ORDINAL_WORDS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
# Scales that may follow the digits (glued or after a space); what is glued and not listed is
# a unit ("8kW", "30min"). "p" (pence) and "pc" (per cent) are money and percent, not
# dimensions, so they never make a number a calibre or dimension.
_SCALES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
}
_MONEY_PERCENT_SUFFIXES = frozenset(("p", "pc", "pct", "c"))
_DIGITS = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d])")
_SCALE_AFTER = re.compile(r"\s?([a-z]+)\b", re.IGNORECASE)
_GLUED_LETTERS = re.compile(r"[^\W\d_]+")
# The qualifier words of docs/figures.md's table, as they stand right before a number.
_QUALIFIER_BEFORE = re.compile(
    r"\b(?:about|around|some|roughly|approximately|estimated|almost|nearly|close to|just under|"
    r"at least|no fewer than|minimum of|more than|over|upwards of|in excess of|up to|"
    r"as many as|at most|no more than|fewer than|less than)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Mention:
    kind: str  # "digits", "identifier", "glued unit", "hyphenated", "word", "ordinal"
    word: str  # the word form, for "word" and "hyphenated" word mentions


def mentions(text: str, value: float) -> list[Mention]:
    """Every way ``value`` is written in ``text``, classified by what is around it."""
    found: list[Mention] = []
    for match in _DIGITS.finditer(text):
        digits = float(match[1].replace(",", "") + (match[2] or ""))
        before, after = text[: match.start()], text[match.end() :]
        scale = _SCALE_AFTER.match(after)
        scaled = scale is not None and close(digits * _SCALES.get(scale[1].lower(), 0.0), value)
        if not (close(digits, value) or scaled):
            continue
        glued = _GLUED_LETTERS.match(after)
        if re.search(r"[^\W\d_](?:-)?$", before):
            found.append(Mention("identifier", ""))  # "G7", "TA-125", "cac40"
        elif glued and not scaled and glued[0].lower() not in _MONEY_PERCENT_SUFFIXES:
            found.append(Mention("glued unit", ""))  # "152mm", "8kW", "30min", "5G"
        elif re.match(r"-[^\W\d_]", after) and not scaled:
            found.append(Mention("hyphenated", ""))  # "3.5-inch", "two-member"
        else:
            found.append(Mention("digits", ""))
    if value == int(value) and 0 <= value < len(_SMALL_WORDS):
        cardinal, ordinal = _SMALL_WORDS[int(value)], _ORDINAL_WORDS[int(value)]
        for match in re.finditer(rf"\b{cardinal}\b(-[^\W\d_])?", text, re.IGNORECASE):
            if _QUALIFIER_BEFORE.search(text[: match.start()]):
                kind = "qualified word"  # "some seven ships": a qualified small number counts
            else:
                kind = "hyphenated" if match[1] else "word"
            found.append(Mention(kind, match[0].lower()))
        if re.search(rf"\b(?:{ordinal}|{int(value)}(?:st|nd|rd|th))\b", text, re.IGNORECASE):
            found.append(Mention("ordinal", ""))
    return found


def _only(kinds: Iterable[str], allowed: set[str]) -> bool:
    kinds = list(kinds)
    return bool(kinds) and all(kind in allowed for kind in kinds)


# --- the exclusion rules -------------------------------------------------------------------
#
# In order; the first that applies names why a gold item is not a figure. Each cites the row
# of docs/figures.md "What is not a figure" it applies.

_TIME_LEMMAS = frozenset(
    "second minute hour day night week fortnight month year decade century".split()
)
_TIME_UNITS = frozenset(
    "sec secs second seconds min mins minute minutes hr hrs hour hours day days night nights "
    "week weeks fortnight fortnights month months year years yr yrs decade decades century "
    "centuries".split()
)


def _age(text: str, gold: Gold) -> bool:
    # docs "age": "a 4-year-old", "Kim, 40, said", "aged 71". The annotators lemmatise every
    # age, including the appositions they leave without a unit, to "year of age" (or "month of
    # age" for an "18-month-old").
    return gold.lemma.lower().endswith(" of age") or re.search(r"-old\b", gold.unit) is not None


def _duration(text: str, gold: Gold) -> bool:
    # docs "duration": "for 15 years", "a 90-minute documentary". The gold unit is a time
    # unit itself ("years", "min"), not a rate of something else ("$ a month" stays).
    return gold.lemma.lower() in _TIME_LEMMAS or gold.unit.lower() in _TIME_UNITS


def _year(text: str, gold: Gold) -> bool:
    # docs "year": "since 2006", "the 1950-53 war" -- a four-digit number that reads as a
    # year (1800 to 2100: "a fee of 1200" whose pound sign the dataset lost is a sum)
    # and that the annotators did not attach to a counted noun.
    return (
        gold.lemma in {"-", "year"}
        and gold.low == int(gold.low)
        and 1800 <= gold.low <= 2100
        and re.search(rf"(?<![\d,.]){int(gold.low)}(?![\d,])", text) is not None
    )


def _time_of_day(text: str, gold: Gold) -> bool:
    # docs "time": "4:30", "6 p.m." -- a clock time written as such.
    unit = gold.unit.lower().replace(".", "")
    return unit in {"am", "pm", "o'clock", "gmt", "utc"}


def _name(text: str, gold: Gold) -> bool:
    # docs "name or identifier": "G7", "KN-23", "Su-57"; NewsQuant's "5G" (lemma "generation
    # wireless") is a network generation's name. Otherwise: the value is written only glued
    # after letters ("KN-23", "A320", "sub-100"), unless those letters are a currency
    # ("RM50", "USD4m", "$US20", "PS3m" where the dataset lost a pound sign): money.
    if gold.lemma.lower() == "generation wireless":
        return True
    return gold_kind(gold) != "money" and _only(
        (m.kind for m in mentions(text, gold.low)), {"identifier"}
    )


def _glued_unit(text: str, gold: Gold) -> bool:
    # docs "calibre or dimension": "152mm" belongs to the thing. The value is written only with
    # a unit glued to its digits ("8kW", "30min", "20g"), which our number grammar ends at the
    # digits and does not report. Money is never a dimension ("S $2mil").
    return gold_kind(gold) != "money" and _only(
        (m.kind for m in mentions(text, gold.low)), {"glued unit"}
    )


def _hyphenated(text: str, gold: Gold) -> bool:
    # docs "hyphenated adjective": "three-way", "two-member", so "a 3.5-inch screen" and
    # "four-cylinder engine" too.
    return _only((m.kind for m in mentions(text, gold.low)), {"hyphenated"})


def _one_of(text: str, gold: Gold) -> bool:
    # docs "one of": "one of the largest transfers" -- the 1 is written only as "one of".
    if gold.value != 1 or gold.is_range:
        return False
    spots = mentions(text, 1.0)
    words = re.findall(r"\bone\s+of\b", text, re.IGNORECASE)
    return bool(words) and sum(m.kind == "word" for m in spots) == len(words) == len(spots)


def _ordinal(text: str, gold: Gold) -> bool:
    # docs "ordinal": "first", "21st", "a third war" are never read as numbers.
    return not gold.is_range and _only((m.kind for m in mentions(text, gold.value)), {"ordinal"})


def _small_spelled(text: str, gold: Gold) -> bool:
    # docs "small number in words": "the two leaders", "Six Party talks" -- up to ten, in words,
    # with no qualifier ("more than three ships" stays; so does "up"/"down", which NewsQuant
    # uses for a direction of change, not for how exact the number is).
    if gold.is_range or gold.change not in {"=", "up", "down"} or not 0 <= gold.value <= 10:
        return False
    kinds = [m.kind for m in mentions(text, gold.value)]
    return _only(kinds, {"word", "ordinal"}) and "word" in kinds


def _nothing_named(text: str, gold: Gold) -> bool:
    # docs "counts nothing named": "rose 5 to 7". The annotators found neither a unit nor a
    # noun (unit and normalized_unit both "-"): index levels ("closed at 1,234.56"), scores,
    # and sums whose currency sign the dataset lost.
    return gold.unit == "-" and gold.lemma == "-"


ExclusionRule = Callable[[str, Gold], bool]

# (name, predicate). Names are those of docs/figures.md and of monitor explain.
EXCLUSION_RULES: tuple[tuple[str, ExclusionRule], ...] = (
    ("age", _age),
    ("duration", _duration),
    ("year", _year),
    ("time", _time_of_day),
    ("name or identifier", _name),
    ("calibre or dimension", _glued_unit),
    ("hyphenated adjective", _hyphenated),
    ("one of", _one_of),
    ("ordinal", _ordinal),
    ("small number in words", _small_spelled),
    ("counts nothing named", _nothing_named),
)


def exclusion(text: str, gold: Gold) -> str | None:
    """Return the docs/figures.md rule that says ``gold`` is not a figure, or None."""
    for name, applies in EXCLUSION_RULES:
        if applies(text, gold):
            return name
    return None


def load_newsquant(path: Path = NEWSQUANT) -> list[GoldSentence] | None:
    """NewsQuant with the exclusion rules applied, or None when the file is absent."""
    if not path.is_file():
        return None
    sentences = []
    for record in json.loads(path.read_text(encoding="utf-8")):
        text = str(record["text"])
        kept, excluded = [], []
        for item in record["quantities"]:
            for gold in read_gold(item):
                rule = exclusion(text, gold)
                if rule is None:
                    kept.append(gold)
                else:
                    excluded.append((gold, rule))
        sentences.append(
            GoldSentence(text, tuple(kept), tuple(excluded), len(record["quantities"]))
        )
    return sentences


# --- pairing -------------------------------------------------------------------------------


def pair(
    predicted: Sequence[Any], gold: Sequence[Any], matches: Callable[[Any, Any], bool]
) -> dict[int, int]:
    """A maximum one-to-one matching: {prediction index: gold index}.

    Sentences hold a handful of numbers, so Kuhn's augmenting paths are plenty; unlike a greedy
    pass, a prediction that could answer two gold items never takes the one another needs.
    """
    edges = [[g for g, item in enumerate(gold) if matches(p, item)] for p in predicted]
    owner: dict[int, int] = {}  # gold index -> prediction index

    def augment(p: int, seen: set[int]) -> bool:
        for g in edges[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or augment(owner[g], seen):
                owner[g] = p
                return True
        return False

    for p in range(len(predicted)):
        augment(p, set())
    return {p: g for g, p in owner.items()}


def value_matches(predicted: Predicted, gold: Gold) -> bool:
    if gold.is_range:
        if close(predicted.low, gold.low) and close(predicted.high, gold.high):
            return True
        # NewsQuant writes vague amounts as order-of-magnitude ranges ("dozens" 12-120,
        # "thousands" 1000-10000); ours are narrower tables. Both say "an amount of this order"
        # when ours lies inside theirs.
        if (
            predicted.qualifier == "vague"
            and gold.low <= predicted.low <= predicted.high <= gold.high
        ):
            return True
    return close(predicted.value, gold.value)


# --- NewsQuant scoring ---------------------------------------------------------------------

_PERCENT_UNITS = frozenset(("%", "percent", "per cent", "pc", "pct", "percentage"))
_CURRENCY_SIGNS = re.compile(r"[$€£¥₹₩₪]|^(?:RM|sen|p|cents?|pence|Y|HK\$|\$A|A\$|US\$)$")
_CURRENCY_WORDS = frozenset(
    "dollar euro pound sterling yuan yen renminbi rupee won shekel ringgit sen cent penny pence "
    "franc krona krone rouble ruble rand peso lira dirham riyal baht dong".split()
)


def gold_kind(gold: Gold) -> str:
    """count, percent or money, from the gold unit and lemma."""
    unit, lemma = gold.unit.lower(), gold.lemma.lower()
    if unit in _PERCENT_UNITS or lemma.startswith("percentage"):
        return "percent"
    # "australian dollar", "malaysian ringgit per month", "indian rupee": a currency word.
    if _CURRENCY_SIGNS.search(gold.unit) or _CURRENCY_WORDS.intersection(lemma.split()):
        return "money"
    return "count"


def our_kind(predicted: Predicted) -> str:
    if predicted.unit == COUNT:
        return "count"
    return "percent" if predicted.unit == PERCENT else "money"


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and re.search(r"(?:s|x|z|ch|sh)es$", word):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _words(phrase: str) -> list[str]:
    return [_singular(word) for word in re.findall(r"[\w'\u2019-]+", phrase.lower())]


_HEAD_CUT = re.compile(
    r"\s+(?:of|to|in|per|a|an|for|from|on|at|by|with|that|which|who)\b.*$", re.IGNORECASE
)
_LEADING = re.compile(r"^(?:(?:of|the|a|an)\s+)+", re.IGNORECASE)


def gold_head(gold: Gold) -> str:
    """The counted noun of a gold item: the last word of its unit before any complement."""
    phrase = _HEAD_CUT.sub("", _LEADING.sub("", gold.unit))
    words = _words(phrase)
    return words[-1] if words else ""


def thing_matches(thing: str, gold: Gold) -> bool:
    """The gold head noun, or the whole gold lemma, appears in our thing (plurals stripped)."""
    ours_words = _words(thing)
    if not ours_words:
        return False
    head = gold_head(gold)
    if head and head in ours_words:
        return True
    lemma = _words(gold.lemma)
    size = len(lemma)
    return size > 0 and any(
        ours_words[i : i + size] == lemma for i in range(len(ours_words) - size + 1)
    )


_QUALIFIERS = {
    "~": {"about"},
    ">": {"more_than", "at_least"},
    "<": {"up_to", "almost"},
}


def qualifier_matches(predicted: Predicted, gold: Gold) -> bool | None:
    """Whether our qualifier says what the gold change does; None when there is nothing to say."""
    if gold.change == "=":
        return predicted.qualifier in ({"range", "vague"} if gold.is_range else {"exact"})
    allowed = _QUALIFIERS.get(gold.change)
    return None if allowed is None else predicted.qualifier in allowed


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class Tally:
    """Counts behind a P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return f1(self.precision, self.recall)

    def summary(self) -> dict[str, Any]:
        """The numbers, rounded, for baselines, JSON output and messages."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Miss:
    """A scoring error in one sentence, for error analysis (printed, never stored)."""

    sentence: str
    what: str  # "missed", "extra", "thing", "kind", "qualifier"
    gold: Gold | None
    predicted: Predicted | None


@dataclass
class NewsQuantScore(Tally):
    sentences: int = 0
    gold_annotated: int = 0  # as NewsQuant lists them
    gold_total: int = 0  # after a change "from a to b" is split in two
    excluded_by_rule: Counter[str] = field(default_factory=Counter)
    set_aside_by_rule: Counter[str] = field(default_factory=Counter)  # predictions on excluded
    thing_pairs: int = 0
    thing_hits: int = 0
    kind_hits: int = 0
    qualifier_pairs: int = 0
    qualifier_hits: int = 0
    errors: list[Miss] = field(default_factory=list)

    @property
    def gold_kept(self) -> int:
        return self.gold_total - self.excluded

    @property
    def excluded(self) -> int:
        return sum(self.excluded_by_rule.values())

    @property
    def thing_accuracy(self) -> float:
        return ratio(self.thing_hits, self.thing_pairs)

    @property
    def kind_accuracy(self) -> float:
        return ratio(self.kind_hits, self.tp)

    @property
    def qualifier_accuracy(self) -> float:
        return ratio(self.qualifier_hits, self.qualifier_pairs)

    def summary(self) -> dict[str, Any]:
        return {
            **super().summary(),
            "sentences": self.sentences,
            "gold_annotated": self.gold_annotated,
            "split_changes": self.gold_total - self.gold_annotated,
            "gold_total": self.gold_total,
            "gold_excluded": self.excluded,
            "gold_kept": self.gold_kept,
            # Every rule, in order, zeros included: the denominator's make-up is explicit.
            "excluded_by_rule": {name: self.excluded_by_rule[name] for name, _ in EXCLUSION_RULES},
            "set_aside_by_rule": {
                name: self.set_aside_by_rule[name] for name, _ in EXCLUSION_RULES
            },
            "thing_accuracy": round(self.thing_accuracy, 4),
            "thing_pairs": self.thing_pairs,
            "kind_accuracy": round(self.kind_accuracy, 4),
            "qualifier_accuracy": round(self.qualifier_accuracy, 4),
            "qualifier_pairs": self.qualifier_pairs,
        }


Extractor = Callable[[str], Sequence[Predicted]]


def score_newsquant(
    extract: Extractor, sentences: Sequence[GoldSentence], *, keep_errors: bool = False
) -> NewsQuantScore:
    """Value-level P/R/F1 of ``extract`` on the filtered gold, with thing/kind/qualifier."""
    result = NewsQuantScore(sentences=len(sentences))
    for sentence in sentences:
        result.gold_annotated += sentence.annotated
        result.gold_total += len(sentence.kept) + len(sentence.excluded)
        for _, rule in sentence.excluded:
            result.excluded_by_rule[rule] += 1
        predicted = list(extract(sentence.text))
        paired = pair(predicted, sentence.kept, value_matches)
        spare = [p for i, p in enumerate(predicted) if i not in paired]
        excluded = [gold for gold, _ in sentence.excluded]
        aside = pair(spare, excluded, value_matches)
        for g_index in aside.values():
            result.set_aside_by_rule[sentence.excluded[g_index][1]] += 1
        result.tp += len(paired)
        result.fp += len(spare) - len(aside)
        result.fn += len(sentence.kept) - len(paired)
        if keep_errors:
            matched_gold = set(paired.values())
            result.errors += [
                Miss(sentence.text, "missed", gold, None)
                for i, gold in enumerate(sentence.kept)
                if i not in matched_gold
            ]
            result.errors += [
                Miss(sentence.text, "extra", None, p) for i, p in enumerate(spare) if i not in aside
            ]
        for p_index, g_index in paired.items():
            prediction, gold = predicted[p_index], sentence.kept[g_index]
            kind = gold_kind(gold)
            kind_ok = kind == our_kind(prediction)
            result.kind_hits += kind_ok
            if keep_errors and not kind_ok:
                result.errors.append(Miss(sentence.text, "kind", gold, prediction))
            if prediction.unit == COUNT and kind == "count" and gold.unit != "-":
                result.thing_pairs += 1
                thing_ok = thing_matches(prediction.thing, gold)
                result.thing_hits += thing_ok
                if keep_errors and not thing_ok:
                    result.errors.append(Miss(sentence.text, "thing", gold, prediction))
            qualifier_ok = qualifier_matches(prediction, gold)
            if qualifier_ok is not None:
                result.qualifier_pairs += 1
                result.qualifier_hits += qualifier_ok
                if keep_errors and not qualifier_ok:
                    result.errors.append(Miss(sentence.text, "qualifier", gold, prediction))
    return result


# --- golden files --------------------------------------------------------------------------


@dataclass
class GoldenScore(Tally):
    files: int = 0
    expected: int = 0

    def summary(self) -> dict[str, Any]:
        return {
            **super().summary(),
            "files": self.files,
            "expected": self.expected,
        }


def golden_matches(predicted: Predicted, expected: dict[str, Any]) -> bool:
    value_ok = (expected["value"] is None and predicted.qualifier == "vague") or close(
        predicted.value, expected["value"]
    )
    return (
        value_ok
        and close(predicted.low, expected["low"])
        and close(predicted.high, expected["high"])
        and predicted.qualifier == expected["qualifier"]
        and predicted.unit == expected["unit"]
        and predicted.thing == expected["thing"]
    )


def golden_files(directory: Path = GOLDEN_DIR) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(name, text, expected figures) of every NAME.txt that has a NAME.expected.json."""
    found = []
    for text_path in sorted(directory.glob("*.txt")):
        expected_path = text_path.with_name(f"{text_path.stem}.expected.json")
        if expected_path.is_file():
            expected = json.loads(expected_path.read_text(encoding="utf-8"))
            found.append((text_path.stem, text_path.read_text(encoding="utf-8"), expected))
    return found


def score_golden(extract: Extractor = ours, directory: Path = GOLDEN_DIR) -> GoldenScore:
    """P/R/F1 of ``extract`` on the golden files: a match agrees on all six fields."""
    result = GoldenScore()
    for _, text, expected in golden_files(directory):
        result.files += 1
        result.expected += len(expected)
        predicted = list(extract(text))
        paired = pair(predicted, expected, golden_matches)
        result.tp += len(paired)
        result.fp += len(predicted) - len(paired)
        result.fn += len(expected) - len(paired)
    return result


# --- command line --------------------------------------------------------------------------


def _describe_gold(gold: Gold | None) -> str:
    if gold is None:
        return "-"
    value = f"{gold.low:g}-{gold.high:g}" if gold.is_range else f"{gold.value:g}"
    return f"{gold.change}{value} [{gold.unit}]"


def _describe_predicted(predicted: Predicted | None) -> str:
    if predicted is None:
        return "-"
    value = "vague" if predicted.value is None else f"{predicted.value:g}"
    bounds = f"({predicted.low:g}..{predicted.high:g})"
    return f"{predicted.qualifier} {value} {bounds} {predicted.unit} {predicted.thing!r}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score parse_figures on NewsQuant and ours.")
    parser.add_argument("--errors", action="store_true", help="print every error, by kind")
    args = parser.parse_args(argv)
    print("golden files:", json.dumps(score_golden().summary()))
    sentences = load_newsquant()
    if sentences is None:
        print(f"NewsQuant not found at {NEWSQUANT}", file=sys.stderr)
        return 2
    result = score_newsquant(ours, sentences, keep_errors=args.errors)
    print("NewsQuant:", json.dumps(result.summary(), indent=1))
    for error in result.errors:
        print(
            f"{error.what:9} gold {_describe_gold(error.gold):30} ours "
            f"{_describe_predicted(error.predicted)}\n          | {error.sentence}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
