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


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        # Currency letters or signs before the digits, glued or spaced.
        ("The yacht sold for USD10m.", "USD10m", 1e7, "USD"),
        ("Revenue reached EUR50m last year.", "EUR50m", 5e7, "EUR"),
        ("A stimulus of INR1 trillion was announced.", "INR1 trillion", 1e12, "INR"),
        ("The bonus was GBP 3m.", "GBP 3m", 3e6, "GBP"),
        ("The club paid CHF 2.5bn.", "CHF 2.5bn", 2.5e9, "CHF"),
        ("The fund holds SEK5bn.", "SEK5bn", 5e9, "SEK"),
        ("The miner raised A$3bn.", "A$3bn", 3e9, "AUD"),
        ("A $5 fee applies.", "$5", 5, "USD"),
        ("NATO'S $2 TRILLION PLAN", "$2 TRILLION", 2e12, "USD"),
        ("The miner raised $A3bn.", "$A3bn", 3e9, "AUD"),
        ("Debt was $US113 trillion.", "$US113 trillion", 1.13e14, "USD"),
        ("The grant is C$40 million.", "C$40 million", 4e7, "CAD"),
        ("Fares came to HK$216,925.", "HK$216,925", 216_925, "HKD"),
        ("Fares came to HK $216,925.", "HK $216,925", 216_925, "HKD"),
        ("They laundered S$1mil.", "S$1mil", 1e6, "SGD"),
        ("It costs NZ$99.99 a year.", "NZ$99.99", 99.99, "NZD"),
        ("Petrobras spent R$12bn.", "R$12bn", 1.2e10, "BRL"),
        ("The deal is worth RM5.2 billion.", "RM5.2 billion", 5.2e9, "MYR"),
        ("A plan for RM 79 a month.", "RM 79", 79, "MYR"),
        ("It costs Rs 500 crore.", "Rs 500 crore", 5e9, "INR"),
        ("It costs Rs.500.", "Rs.500", 500, "INR"),
        ("Profit rose to ¥300bn.", "¥300bn", 3e11, "JPY"),
        ("Profit rose to Y=150 billion.", "Y=150 billion", 1.5e11, "JPY"),
        ("A fee of ₹50,000 applies.", "₹50,000", 50_000, "INR"),
        ("A budget of ₽5 trillion.", "₽5 trillion", 5e12, "RUB"),
        ("A budget of ₪3.2 billion.", "₪3.2 billion", 3.2e9, "ILS"),
        ("A budget of NIS 5 billion.", "NIS 5 billion", 5e9, "ILS"),
        ("The package was worth PS2.7m.", "PS2.7m", 2.7e6, "GBP"),
        ("Passengers paid PS21,700 in all.", "PS21,700", 21_700, "GBP"),
        ("The bill came to PHP5bn.", "PHP5bn", 5e9, "PHP"),
        # Currency words after the number.
        ("Turnover was 1.3 billion shekels.", "1.3 billion shekels", 1.3e9, "ILS"),
        ("The bank lent 45 billion ringgit.", "45 billion ringgit", 4.5e10, "MYR"),
        ("A meal costs 800 baht.", "800 baht", 800, "THB"),
        ("A ticket costs 500 pesos.", "500 pesos", 500, "MXN"),
        ("A ticket costs 20 francs.", "20 francs", 20, "CHF"),
        ("A ticket costs 10 lira.", "10 lira", 10, "TRY"),
        ("A ticket costs 50 rand.", "50 rand", 50, "ZAR"),
        ("A ticket costs 100 dirhams.", "100 dirhams", 100, "AED"),
        ("A ticket costs 5 riyals.", "5 riyals", 5, "SAR"),
        ("A ticket costs 300 naira.", "300 naira", 300, "NGN"),
        ("A ticket costs 40 zloty.", "40 zloty", 40, "PLN"),
        ("A ticket costs 90 kronor.", "90 kronor", 90, "SEK"),
        ("A ticket costs 50 krone.", "50 krone", 50, "NOK"),
        ("Deposits of 7 million Danish crowns.", "7 million Danish crowns", 7e6, "DKK"),
        ("A ticket costs 20 rupees.", "20 rupees", 20, "INR"),
        # Subunits are a hundredth of their currency.
        ("The shares fell 68 pence.", "68 pence", 0.68, "GBP"),
        ("The shares closed at 118.5p.", "118.5p", 1.185, "GBP"),
        ("The shares fell 68 p on the day.", "68 p", 0.68, "GBP"),
        ("Crude rose 50 cents.", "50 cents", 0.5, "USD"),
        ("The stock added 30 sen.", "30 sen", 0.3, "MYR"),
    ],
)
def test_more_money(text: str, span: str, value: float, unit: str) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.unit == unit
    assert number.value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The PS5 and the PS4 sold out.", []),
        ("Fill up with RON95 petrol.", []),
        ("Upgrade to PHP 8.1 now.", [("8.1", 8.1, COUNT)]),
        ("The summit SDG 13 talks.", [("13", 13, COUNT)]),
        ("They met at 5 p.m. sharp.", [("5", 5, COUNT)]),
        ("It streams in 1080p.", [("1080", 1080, COUNT)]),
        ("Sen. Warren won 5 Sen votes.", [("5", 5, COUNT)]),
        ("He bought 5 PC games.", [("5", 5, COUNT)]),
        ("The Vol.3 and ID.4 models.", []),
    ],
)
def test_letters_that_are_no_currency(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(text[n.start : n.end], n.value, n.unit) for n in find_numbers(text)] == expected


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Gilts yield 5pc.", "5pc", 5),
        ("Gilts yield 5 pc.", "5 pc", 5),
        ("Gilts yield 3.2pct.", "3.2pct", 3.2),
        ("Gilts yield 3.2 pct.", "3.2 pct", 3.2),
    ],
)
def test_pc_and_pct_are_percent(text: str, span: str, value: float) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert (number.unit, number.value) == (PERCENT, pytest.approx(value))


def test_points_stay_counts() -> None:
    # "percentage points" is the unit of a change in a percentage; bare points are a count.
    assert [(n.value, n.unit) for n in find_numbers("It rose 0.5 percentage points.")] == [
        (0.5, PERCENT)
    ]
    assert [(n.value, n.unit) for n in find_numbers("The index rose 64 points.")] == [(64, COUNT)]


@pytest.mark.parametrize(
    ("text", "span", "value", "unit"),
    [
        ("Dow +0.2% at noon.", "+0.2%", 0.2, PERCENT),
        ("Stoxx -1.5% at noon.", "-1.5%", -1.5, PERCENT),
        ("Stoxx \u22123% at noon.", "\u22123%", -3, PERCENT),
        ("The score was minus 5.", "minus 5", -5, COUNT),
        ("Total offense was minus-5 yards.", "minus-5", -5, COUNT),
        ("It can dip to minus-130 degrees.", "minus-130", -130, COUNT),
        ("Cash flow was -$5bn.", "-$5bn", -5e9, "USD"),
        ("Cash flow was +£3m.", "+£3m", 3e6, "GBP"),
        ("Index change (+0.8%) today.", "+0.8%", 0.8, PERCENT),
    ],
)
def test_signed_numbers(text: str, span: str, value: float, unit: str) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert (number.value, number.unit) == (pytest.approx(value), unit)


def test_plus_of_a_phone_number_is_no_sign() -> None:
    # The number starts at its digits, so the figure layer sees the "+" and drops a phone.
    text = "Call +44 20 7946 0000 today."
    first = find_numbers(text)[0]
    assert text[first.start : first.end] == "44"
    from monitor.figures.extract import parse_figures

    assert parse_figures(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Different units at the two ends: a change, then a level.
        ("The Dax fell 0.4 per cent to 13,176.", [("0.4 per cent", 0.4), ("13,176", 13_176)]),
        ("The index gained 0.7 percent to 6,327.80.", [("0.7 percent", 0.7), ("6,327.80", 6327.8)]),
        ("The stock rose 18 sen to RM23.50.", [("18 sen", 0.18), ("RM23.50", 23.5)]),
        ("The shares rose 6.5% to 164p.", [("6.5%", 6.5), ("164p", 1.64)]),
        # "by X to Y" with a complete X.
        (
            "The deficit rose by $2 billion to $12 billion.",
            [("$2 billion", 2e9), ("$12 billion", 1.2e10)],
        ),
        # A verb of change before "from".
        ("Rates rose from 3% to 5%.", [("3%", 3), ("5%", 5)]),
        ("Output jumped from 240 to 273 units.", [("240", 240), ("273", 273)]),
        ("Sales were down from 90 to 70 tonnes.", [("90", 90), ("70", 70)]),
        # A year before an amount with a scale.
        ("Sales rose in 2018 to 3.9 million units.", [("2018", 2018), ("3.9 million", 3.9e6)]),
    ],
)
def test_changes_are_two_numbers(text: str, expected: list[tuple[str, float]]) -> None:
    assert _read(text) == [(span, pytest.approx(value)) for span, value in expected]


@pytest.mark.parametrize(
    ("text", "span", "low", "high", "unit"),
    [
        ("Prices range from $5 to $9 a box.", "from $5 to $9", 5, 9, "USD"),
        ("Homes go from RM120,000 to RM300,000.", "from RM120,000 to RM300,000", 1.2e5, 3e5, "MYR"),
        ("Temperatures dropped by 1 to 1.5 degrees.", "1 to 1.5", 1, 1.5, COUNT),
        ("Between 20 and 10 people came.", "Between 20 and 10", 10, 20, COUNT),
        ("A fare of 50 to 60 cents.", "50 to 60 cents", 0.5, 0.6, "USD"),
        ("Fines of $3 billion to $5 billion.", "$3 billion to $5 billion", 3e9, 5e9, "USD"),
    ],
)
def test_ranges_that_stay(text: str, span: str, low: float, high: float, unit: str) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.qualifier == "range"
    assert (number.low, number.high, number.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        (
            "The mass is 1.99\u00d710\u207b\u00b3\u2070 kg.",
            "1.99\u00d710\u207b\u00b3\u2070",
            1.99e-30,
        ),
        ("The mass is 1.99 x 10^-30 kg.", "1.99 x 10^-30", 1.99e-30),
        ("Light covers 2.998\u00d710\u22128 units.", "2.998\u00d710\u22128", 2.998e-8),
        ("It grew to 10\u2076 cells.", "10\u2076", 1e6),
        ("Drink 1\u204432 of a quart.", "1\u204432", 1 / 32),
        ("Drink 1\u2044128 of a gallon.", "1\u2044128", 1 / 128),
        ("It grew 2 1\u20442 times.", "2 1\u20442", 2.5),
    ],
)
def test_scientific_notation_and_fraction_slash(text: str, span: str, value: float) -> None:
    number = _only(text)
    assert text[number.start : number.end] == span
    assert number.value == pytest.approx(value, rel=1e-12)


def test_digits_and_a_scale_are_not_continued_in_words() -> None:
    assert _read("It paid $3 million two years ago.") == [("$3 million", 3e6), ("two", 2.0)]
    assert _read("two million three hundred thousand") == [
        ("two million three hundred thousand", 2_300_000.0)
    ]
