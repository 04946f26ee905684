"""parse_figures: golden files of our own, the not-a-figure rules one by one, and the seeds.

Golden files are `tests/data/figures/NAME.txt` beside `NAME.expected.json`: every figure the
text reports, in text order, and nothing else. A `value` of null in a vague figure means the
central value is the vague table's business (`numbers.py`); its low and high are checked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from monitor.figures.extract import parse_figures, read_numbers
from monitor.figures.model import Figure
from monitor.figures.sentences import split_sentences
from monitor.importing import read_document

DATA = Path(__file__).parent / "data" / "figures"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GOLDEN = sorted(path.stem for path in DATA.glob("*.txt"))
FIELDS = ("value", "low", "high", "qualifier", "unit", "thing", "rate", "scope")


def as_expected(figure: Figure, expected: dict[str, Any]) -> dict[str, Any]:
    got = {field: getattr(figure, field) for field in FIELDS}
    if expected.get("value") is None and figure.qualifier == "vague":
        got["value"] = None
    return got


def compare(figures: list[Figure], expected: list[dict[str, Any]]) -> None:
    got = [as_expected(f, e) for f, e in zip(figures, expected, strict=False)]
    got += [as_expected(f, {}) for f in figures[len(expected) :]]
    for item in expected:
        for bound in ("value", "low", "high"):
            if item[bound] is not None:
                item[bound] = pytest.approx(item[bound])
    assert got == expected


@pytest.mark.parametrize("name", GOLDEN)
def test_golden_file(name: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((DATA / f"{name}.expected.json").read_text(encoding="utf-8"))
    compare(parse_figures(text), expected)


def test_a_figure_spans_its_number_phrase_and_keeps_its_sentence() -> None:
    text = "Intro line.\nOfficials said about 3 million rounds of shells were sent. Next one."
    (figure,) = parse_figures(text)
    assert text[figure.start : figure.end] == "about 3 million"
    assert figure.sentence == "Officials said about 3 million rounds of shells were sent."


# --- what is not a figure: each rule on its own ---------------------------------------------


def skipped(sentence: str) -> list[str | None]:
    return [reading.skipped for reading in read_numbers(sentence)]


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Sanctions have been in place since 2006.", "year"),
        ("The talks recalled 2022's record and the mood of 2019.", "year"),
        ("It was the bloodiest battle of the 1950-53 war.", "year"),
        ("The deal was signed on 3 June in Geneva.", "date"),
        ("Troops arrived in November 2022.", "date"),
        ("The envoy landed on March 14, 2024, in Seoul.", "date"),
        ("The convoy left at 4:30 in the morning.", "time"),
        ("The vote closes at 6 p.m. on Friday.", "time"),
        ("A 4-year-old boy was rescued from the rubble.", "age"),
        ("Kim, 40, did not comment.", "age"),
        ("The minister, aged 71, resigned.", "age"),
        ("The regime has built the network for 15 years.", "duration"),
        ("North Korea released a 90-minute documentary.", "duration"),
        ("It fired 152mm shells across the river.", "calibre or dimension"),
        ("The three-way relationship is picking up again.", "hyphenated adjective"),
        ("The council passed Resolution 1874 unanimously.", "name or identifier"),
        ("She cited Article 51 of the charter.", "name or identifier"),
        ("Call the desk on +44 20 7946 0000 for details.", "phone or code"),
        ("The two leaders met in Vladivostok.", "definite reference"),
        ("It is one of the largest transfers.", "one of a kind, not a count"),
        ("The fire killed one of the guards.", "one of"),
        ("Shares in the S&P 500 fell on Monday.", "name or identifier"),
        ("He was hurt in Game 2 and missed the final.", "name or identifier"),
        ("The firm's 2018 sales jumped.", "year"),
        ("Kim is on pace to surpass 2022's record.", "year"),
        ("Between 1600 and 1900 the glaciers grew.", "year"),
        ("The embassy at 575 Wilbraham Road was closed.", "address"),
    ],
)
def test_not_a_figure(sentence: str, reason: str) -> None:
    reasons = skipped(sentence)
    assert reason in reasons
    assert parse_figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The KN-23 and the Hwasong-11 were shown beside a Su-57 at the G7 summit.",
        "He was the first leader to visit, and the 21st envoy overall.",
        "A third war is not what Biden needs.",
    ],
)
def test_names_with_digits_and_ordinals_are_not_even_read(sentence: str) -> None:
    assert parse_figures(sentence) == []


def test_a_small_number_in_words_counts_once_qualified_or_the_limit_is_lowered() -> None:
    assert parse_figures("The two leaders met.") == []
    (about,) = parse_figures("Nearly two dozen ships docked.")
    assert (about.value, about.thing) == (24, "ships")
    (counted,) = parse_figures("The two leaders met.", small_spelled_max=1)
    assert (counted.value, counted.thing) == (2, "leaders")


def test_a_count_that_leaves_out_its_noun_counts_the_sentence_earlier_thing() -> None:
    figures = parse_figures("About 68,400 people fled in May and 95,800 who stayed were hurt.")
    assert [(f.value, f.thing) for f in figures] == [(68400, "people"), (95800, "people")]
    assert parse_figures("A senior officer, 52, told reporters.") == []


def test_a_capitalised_headline_keeps_its_figures() -> None:
    (figure,) = parse_figures("North Korea Sent 5 Million Shells To Russia")
    assert (figure.value, figure.thing) == (5e6, "Shells")


def test_a_four_digit_count_of_things_is_not_a_year() -> None:
    (figure,) = parse_figures("The army moved 2000 troops to the border.")
    assert (figure.value, figure.thing) == (2000, "troops")


# --- sentences ------------------------------------------------------------------------------


def test_sentences_do_not_end_at_abbreviations_or_decimals() -> None:
    text = (
        "Dr. Cha of Washington D.C.\u2019s CSIS said 2.5 million. U.S. officials agreed!"
        " Mr. Kim left."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Dr. Cha of Washington D.C.\u2019s CSIS said 2.5 million.",
        "U.S. officials agreed!",
        "Mr. Kim left.",
    ]
    assert all(text[s.start : s.end] == s.text for s in split_sentences(text))


# --- the seeds: the user's own articles, read where they lie ---------------------------------


def seed_paths() -> list[Any]:
    if not SEEDS.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"no seeds at {SEEDS}"))]
    return [pytest.param(path, id=path.name[:3]) for path in sorted(SEEDS.glob("*.txt"))]


@pytest.mark.parametrize("path", seed_paths())
def test_seed_figures_are_all_found_and_nothing_else(path: Path) -> None:
    annotations = json.loads((DATA / "seeds.annotations.json").read_text(encoding="utf-8"))
    text = read_document(path).text
    compare(parse_figures(text), annotations[path.name[:3]])
