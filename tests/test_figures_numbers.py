"""The number grammar: what find_numbers reads from news-like sentences."""

from __future__ import annotations

import itertools

import pytest

from monitor.figures.model import COUNT, PERCENT, Number
from monitor.figures.numbers import find_numbers


def _read(text: str) -> list[tuple[str, float]]:
    return [(text[n.start : n.end], n.value) for n in find_numbers(text)]


def _only(text: str) -> Number:
    numbers = find_numbers(text)
    assert len(numbers) == 1, [text[n.start : n.end] for n in numbers]
    return numbers[0]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The depot held 10,000 shells.", "10,000", 10_000),
        ("Le dépôt: 10.000 obus.", "10.000", 10_000),
        ("A stock of 10 000 shells.", "10 000", 10_000),
        ("A stock of 10\u202f000 shells.", "10\u202f000", 10_000),
        ("A stock of 1\u00a0234\u00a0567 shells.", "1\u00a0234\u00a0567", 1_234_567),
        ("Prices rose 2.5 points.", "2.5", 2.5),
        ("Output reached 2,7 million tonnes.", "2,7 million", 2_700_000),
        ("Output reached 2.500 million tonnes.", "2.500 million", 2_500_000),
        ("It costs 1.234,5 euros.", "1.234,5 euros", 1234.5),
        ("They fired 3 million rounds.", "3 million", 3_000_000),
        ("A budget of 1.5bn was set.", "1.5bn", 1.5e9),
        ("Over 10k people ran.", "Over 10k", 10_000),
        ("The fund holds 1.2b in cash.", "1.2b", 1.2e9),
        ("The fund holds 10M in cash.", "10M", 10_000_000),
        ("It spent 4 bln on roads.", "4 bln", 4e9),
        ("It spent 4 mln on roads.", "4 mln", 4e6),
        ("It spent 4mn on roads.", "4mn", 4e6),
        ("Debt hit 2 trillion.", "2 trillion", 2e12),
        ("A thousand protesters gathered.", "A thousand", 1000),
        ("three million people", "three million", 3e6),
        ("a dozen drones", "a dozen", 12),
        ("half a dozen drones", "half a dozen", 6),
        ("half a million refugees", "half a million", 500_000),
        ("one and a half million refugees", "one and a half million", 1_500_000),
        ("two hundred and fifty tanks", "two hundred and fifty", 250),
        ("twenty-five tanks", "twenty-five", 25),
        ("a hundred tanks", "a hundred", 100),
        ("a quarter of a million voters", "a quarter of a million", 250_000),
        ("three quarters of the vote", "three quarters", 0.75),
        ("two-thirds of the seats", "two-thirds", 2 / 3),
        ("four thousand three hundred and twelve", "four thousand three hundred and twelve", 4312),
        ("Unemployment fell to 3/4 of its peak.", "3/4", 0.75),
        ("It grew 2½ times.", "2½", 2.5),
        ("The temperature fell to -5 overnight.", "-5", -5),
        ("The index stood at minus 12.", "minus 12", -12),
    ],
)
def test_values(text: str, span: str, value: float) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.value == pytest.approx(value)
    assert number.qualifier in ("exact", "more_than")


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "low", "high", "number_text"),
    [
        ("around 11,000 containers", "about", 11_000, 9_900, 12_100, "11,000"),
        ("about 3 million rounds", "about", 3e6, 2.7e6, 3.3e6, "3 million"),
        ("some 400 soldiers", "about", 400, 360, 440, "400"),
        ("an estimated 5,000 homes", "about", 5000, 4500, 5500, "5,000"),
        ("roughly 20 villages", "about", 20, 18, 22, "20"),
        ("nearly 300 people", "almost", 300, 270, 300, "300"),
        ("almost 300 people", "almost", 300, 270, 300, "300"),
        ("close to 300 people", "almost", 300, 270, 300, "300"),
        ("just under 300 people", "almost", 300, 270, 300, "300"),
        ("at least 40 dead", "at_least", 40, 40, 60, "40"),
        ("no fewer than 40 dead", "at_least", 40, 40, 60, "40"),
        ("a minimum of 40 dead", "at_least", 40, 40, 60, "40"),
        ("40 or more dead", "at_least", 40, 40, 60, "40 or more"),
        ("more than 1,000 drones", "more_than", 1000, 1000, 1500, "1,000"),
        ("over 1,000 drones", "more_than", 1000, 1000, 1500, "1,000"),
        ("upwards of 1,000 drones", "more_than", 1000, 1000, 1500, "1,000"),
        ("in excess of $1bn", "more_than", 1e9, 1e9, 1.5e9, "1bn"),
        ("up to 700 workers", "up_to", 700, 350, 700, "700"),
        ("as many as 700 workers", "up_to", 700, 350, 700, "700"),
        ("fewer than 700 workers", "up_to", 700, 350, 700, "700"),
        ("under 700 workers", "up_to", 700, 350, 700, "700"),
        ("10,000 to 12,000 troops", "range", 11_000, 10_000, 12_000, "10,000 to 12,000"),
        ("between 11,000 and 12,000 troops", "range", 11_500, 11_000, 12_000, "11,000 and 12,000"),
        ("10-12 million doses", "range", 11e6, 10e6, 12e6, "10-12 million"),
        ("from 3 to 5 million doses", "range", 4e6, 3e6, 5e6, "3 to 5 million"),
        ("between five and six thousand", "range", 5500, 5000, 6000, "five and six thousand"),
        ("in 1950-53", "range", 1951.5, 1950, 1953, "1950-53"),
        ("more than 10 and fewer than 20 boats", "range", 15, 10, 20, "10 and fewer than 20"),
    ],
)
def test_qualifiers(
    text: str, qualifier: str, value: float, low: float, high: float, number_text: str
) -> None:
    number = _only(text)
    assert number.qualifier == qualifier
    assert (number.value, number.low, number.high) == pytest.approx((value, low, high))
    assert text[number.number_start : number.end] == number_text


def test_qualifier_words_are_part_of_the_span() -> None:
    text = "Officials said about $2.4bn was spent."
    number = _only(text)
    assert text[number.start : number.end] == "about $2.4bn"
    assert text[number.number_start : number.end] == "2.4bn"


@pytest.mark.parametrize(
    ("text", "span", "low", "high"),
    [
        ("dozens of drones", "dozens", 24, 99),
        ("scores of drones", "scores", 40, 200),
        ("hundreds of drones", "hundreds", 200, 999),
        ("thousands of drones", "thousands", 2000, 9999),
        ("tens of thousands of drones", "tens of thousands", 20_000, 99_999),
        ("hundreds of thousands of drones", "hundreds of thousands", 200_000, 999_999),
        ("millions of drones", "millions", 2e6, 9_999_999),
        ("many thousands of drones", "many thousands", 2000, 9999),
        ("several million drones", "several million", 3e6, 9e6),
        ("several thousand drones", "several thousand", 3000, 9000),
        ("a few hundred drones", "a few hundred", 200, 500),
        ("several billion US dollars", "several billion US dollars", 3e9, 9e9),
    ],
)
def test_vague_amounts(text: str, span: str, low: float, high: float) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.vague and number.qualifier == "vague" and number.spelled
    assert (number.low, number.high) == pytest.approx((low, high))
    assert low < number.value < high


@pytest.mark.parametrize(
    "text",
    [
        "Several were hurt.",
        "A few came back.",
        "A handful remained.",
        "Many fled.",
        "The first strike came on the 21st, a second followed.",
        "It was the twenty-first attempt.",
        "North Korea fired a KN-23 and Russia flew an Su-57.",
        "The G7 met; a Hwasong-11 flew; COVID-19 spread; an F-16 crashed.",
        "See https://example.com/report?id=30%25 for more.",
        "Call +1-222-333-4444 today.",
        "It happened on 5/17/2018.",
        "The one you mentioned is gone.",
        "He won the vote.",
        "Update to version 1.2.3 or the server at 192.168.1.2.",
        "A year and a half later.",
        "It was a half-hour show.",
    ],
)
def test_no_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_digits_before_a_unit_end_at_the_digits() -> None:
    text = "It fired 152mm shells in a 90-minute barrage."
    assert _read(text) == [("152", 152), ("90", 90)]


def test_years_are_numbers() -> None:
    assert _read("In 2019 100 people died.") == [("2019", 2019), ("100", 100)]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Inflation was 5% in May.", "5%", 5),
        ("Inflation was 5 per cent in May.", "5 per cent", 5),
        ("Inflation was 5 percent in May.", "5 percent", 5),
        ("Inflation was 5 pct in May.", "5 pct", 5),
        ("Inflation was five percent in May.", "five percent", 5),
        ("Rates rose 0.25 percentage points.", "0.25 percentage points", 0.25),
        ("between 10 and 12 per cent", "between 10 and 12 per cent", 11),
    ],
)
def test_percent(text: str, span: str, value: float) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.unit == PERCENT
    assert number.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("It costs $2.4m.", "$2.4m", 2.4e6, "USD"),
        ("It costs $20.", "$20", 20, "USD"),
        ("It costs US$3 billion.", "US$3 billion", 3e9, "USD"),
        ("It costs USD 3bn.", "USD 3bn", 3e9, "USD"),
        ("It costs €10,000.", "€10,000", 10_000, "EUR"),
        ("It costs £5m.", "£5m", 5e6, "GBP"),
        ("It costs ₩1 trillion.", "₩1 trillion", 1e12, "KRW"),
        ("It costs 3 million dollars.", "3 million dollars", 3e6, "USD"),
        ("It costs 10,000 euros.", "10,000 euros", 10_000, "EUR"),
        ("It costs 5 billion won.", "5 billion won", 5e9, "KRW"),
        ("It costs 300 billion yen.", "300 billion yen", 3e11, "JPY"),
        ("It costs 40 billion yuan.", "40 billion yuan", 4e10, "CNY"),
        ("It costs 2 trillion roubles.", "2 trillion roubles", 2e12, "RUB"),
        ("It costs 2 trillion rubles.", "2 trillion rubles", 2e12, "RUB"),
        ("It costs $10-12bn.", "$10-12bn", 11e9, "USD"),
        ("It costs millions of dollars.", "millions of dollars", 4.5e6, "USD"),
        ("Ein Ticket kostet 10 € hier.", "10 €", 10, "EUR"),
        ("It costs Rs. 500 crore.", "Rs. 500 crore", 5e9, "INR"),
        ("It costs 10,000 won.", "10,000 won", 10_000, "KRW"),
    ],
)
def test_money(text: str, span: str, value: float, unit: str) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.unit == unit
    assert number.value == pytest.approx(value)


def test_spelled_only_without_digits() -> None:
    numbers = find_numbers("two tanks, 2 tanks, a dozen tanks, 3 million tanks")
    assert [n.spelled for n in numbers] == [True, False, True, False]
    assert all(n.unit == COUNT for n in numbers)


def test_numbers_in_order_and_apart() -> None:
    text = "Up to 700 workers, about 3 million rounds and 5% of $2bn."
    numbers = find_numbers(text)
    assert [text[n.start : n.end] for n in numbers] == [
        "Up to 700",
        "about 3 million",
        "5%",
        "$2bn",
    ]
    assert all(a.end <= b.start for a, b in itertools.pairwise(numbers))


def test_a_fall_is_two_numbers() -> None:
    assert _read("Exports fell from 5 million to 3 million.") == [
        ("5 million", 5e6),
        ("3 million", 3e6),
    ]


def test_list_with_commas_is_not_a_decimal() -> None:
    assert _read("Rooms 22,24,26 and 31.") == [("22", 22), ("24", 24), ("26", 26), ("31", 31)]


def test_year_before_won_is_no_money() -> None:
    number = _only("The party that in 2016 won the vote.")
    assert number.unit == COUNT


def test_three_decimals_before_percent_are_decimals() -> None:
    assert _read("The 10-year yield rose to 4.275%.") == [("10", 10), ("4.275%", 4.275)]


def test_european_thousands_with_several_groups() -> None:
    assert _read("Die Stadt hat 1.234.567 Einwohner.") == [("1.234.567", 1_234_567)]


def test_at_one_point_is_no_decimal() -> None:
    assert _read("At one point two soldiers fled.") == [("one", 1), ("two", 2)]
    assert _read("Growth was two point five percent.") == [("two point five percent", 2.5)]
