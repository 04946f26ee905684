"""Measure names: which figures are compared with each other, under a name users can type."""

from __future__ import annotations

import pytest

from monitor.figures.measures import DEFAULT_SYNONYMS, MAX_LENGTH, measure_of
from monitor.figures.model import COUNT, PERCENT, Figure


def figure(
    thing: str,
    *,
    unit: str = COUNT,
    rate: str | None = None,
    scope: str | None = None,
    value: float = 1.0,
) -> Figure:
    return Figure(
        value=value,
        low=value,
        high=value,
        qualifier="exact",
        unit=unit,
        thing=thing,
        sentence=f"They counted {value:g} {thing}.",
        start=13,
        end=14,
        rate=rate,
        scope=scope,
    )


def test_shells_rounds_and_ammunition_are_one_measure() -> None:
    names = {
        measure_of(figure("rounds of 152mm artillery shells", value=3e6)),
        measure_of(figure("rounds of ammunition", value=5e6)),
        measure_of(figure("shells", value=6e6)),
    }
    assert names == {"ammunition"}


def test_ballistic_missiles_counted_exactly_or_vaguely_are_one_measure() -> None:
    assert measure_of(figure("ballistic missiles", value=40)) == "ballistic missile"
    # The grammar takes "scores of" as the number; a thing that kept it names the same measure.
    assert measure_of(figure("scores of ballistic missiles")) == "ballistic missile"


def test_a_monthly_shortfall_of_rounds_is_ammunition_per_month() -> None:
    assert measure_of(figure("rounds", rate="monthly", value=50_000)) == "ammunition per month"


def test_containers_of_munitions_are_counted_as_containers() -> None:
    assert measure_of(figure("containers of munitions", value=11_000)) == "container"
    assert measure_of(figure("containers", value=13_000)) == "container"


def test_the_four_required_measures_are_apart() -> None:
    names = [
        measure_of(figure("rounds of 152mm artillery shells")),
        measure_of(figure("ballistic missiles")),
        measure_of(figure("rounds", rate="monthly")),
        measure_of(figure("containers of munitions")),
    ]
    assert len(set(names)) == 4


@pytest.mark.parametrize(
    ("thing", "kind"),
    [
        ("missiles", "missile"),
        ("bombs", "bomb"),
        ("munitions", "munition"),
        ("shells", "shell"),
        ("casualties", "casualty"),
        ("ammunition", "ammunition"),
        ("launches", "launch"),
        ("torpedoes", "torpedo"),
        ("boxes", "box"),
        ("servicemen", "serviceman"),
        ("aircraft", "aircraft"),
        ("personnel", "personnel"),
        ("crisis", "crisis"),
    ],
)
def test_the_head_noun_is_made_singular(thing: str, kind: str) -> None:
    assert measure_of(figure(thing), synonyms={}) == kind


@pytest.mark.parametrize(
    ("thing", "kind"),
    [
        ("pieces of artillery", "artillery"),
        ("pairs of boots", "boot"),
        ("batches of drones", "drone"),
        ("types of missiles", "missile"),
        ("tens of thousands of shells", "ammunition"),
        ("the number of troops", "troops"),
    ],
)
def test_packaging_and_quantity_words_stand_for_what_they_hold(thing: str, kind: str) -> None:
    assert measure_of(figure(thing)) == kind


def test_a_unit_of_measurement_goes_into_the_brackets() -> None:
    assert measure_of(figure("tonnes of rice")) == "rice [tonnes]"
    assert measure_of(figure("tons of rice")) == "rice [tonnes]"
    assert measure_of(figure("barrels of oil", rate="daily")) == "oil [barrels] per day"
    # Counted in sacks, rice is another measure: the two numbers cannot be compared.
    assert measure_of(figure("sacks of rice")) == "sack"


def test_an_attribute_keeps_what_it_is_of() -> None:
    assert measure_of(figure("value of the artillery", unit="USD")) == "value of artillery [USD]"
    assert measure_of(figure("cost of the shells", unit="eur")) == "cost of ammunition [EUR]"


def test_determiners_vague_adjectives_and_tokens_with_digits_are_dropped() -> None:
    assert measure_of(figure("the new 155-mm shells"), synonyms={}) == "shell"
    assert measure_of(figure("more additional ballistic missiles")) == "ballistic missile"
    assert measure_of(figure("its other nuclear bombs")) == "nuclear bomb"


def test_whose_and_where_are_not_part_of_the_kind() -> None:
    assert measure_of(figure("North Korea's artillery shells")) == "ammunition"
    assert measure_of(figure("North Korea\u2019s artillery shells")) == "ammunition"
    assert measure_of(figure("soldiers' salaries")) == "salary"
    assert measure_of(figure("shells to Russia")) == "ammunition"
    assert measure_of(figure("troops in Kursk")) == "troops"


def test_percent_money_rate_and_scope_each_have_their_place_in_the_name() -> None:
    assert measure_of(figure("provocations", scope="2022's record")) == (
        "provocation (2022's record)"
    )
    assert measure_of(figure("turnout", unit=PERCENT)) == "turnout [%]"
    assert measure_of(figure("exports", unit="USD", rate="annual", scope="to China")) == (
        "export [USD] per year (to china)"
    )


@pytest.mark.parametrize(
    ("rate", "said"),
    [
        ("daily", "per day"),
        ("weekly", "per week"),
        ("monthly", "per month"),
        ("annual", "per year"),
        ("yearly", "per year"),
        ("per week", "per week"),
        ("a month", "per month"),
        ("Monthly ", "per month"),
    ],
)
def test_rates_are_said_per_period(rate: str, said: str) -> None:
    assert measure_of(figure("drones", rate=rate)) == f"drone {said}"


def test_the_synonym_table_maps_a_whole_kind_or_its_head_to_a_group() -> None:
    synonyms = {**DEFAULT_SYNONYMS, "ballistic missile": "missiles", "drone": "drones"}
    assert measure_of(figure("ballistic missiles"), synonyms) == "missiles"
    assert measure_of(figure("cruise missiles"), synonyms) == "cruise missile"
    assert measure_of(figure("attack drones"), synonyms) == "drones"
    assert measure_of(figure("soldiers")) == "troops"


def test_a_given_table_replaces_the_default_one() -> None:
    assert measure_of(figure("shells"), {"drone": "drones"}) == "shell"


def test_a_conjunction_is_named_whole_not_by_its_last_word() -> None:
    assert measure_of(figure("rocket launchers and shells")) == "rocket launcher and shell"


def test_names_are_stable_across_case_and_spacing() -> None:
    assert measure_of(figure("Rounds  of Ammunition")) == measure_of(figure("rounds of ammunition"))
    assert measure_of(figure("Ballistic Missiles")) == measure_of(figure("ballistic missiles"))


def test_a_figure_without_a_named_kind_is_a_figure_of_its_unit() -> None:
    assert measure_of(figure("")) == "figure"
    assert measure_of(figure("152mm", unit=PERCENT)) == "figure [%]"
    assert measure_of(figure("tonnes")) == "figure [tonnes]"


def test_a_name_fits_the_column_with_its_unit_rate_and_scope_whole() -> None:
    name = measure_of(figure("big " * 100 + "drones", unit="USD", rate="daily", scope="in x"))
    assert len(name) <= MAX_LENGTH
    assert name.startswith("big big ") and name.endswith(" big drone [USD] per day (in x)")
