"""Measure names: the counted thing (head noun, modifiers dropped), what happened, where, unit,
rate and scope, said as an analyst would and typed back by users."""

from __future__ import annotations

import pytest

from monitor.figures.measures import (
    DEFAULT_SYNONYMS,
    MAX_LENGTH,
    MeasureKey,
    head_of,
    measure_key,
)
from monitor.figures.model import COUNT, PERCENT


def name(
    thing: str,
    *,
    event: str | None = None,
    place: str | None = None,
    unit: str = COUNT,
    rate: str | None = None,
    scope: str | None = None,
    synonyms: dict[str, str] | None = None,
) -> str:
    head = head_of(thing, synonyms)
    key = measure_key(
        head, event=event or head.event, place=place, unit=unit, rate=rate, scope=scope
    )
    return key.name


@pytest.mark.parametrize(
    "thing",
    [
        "North Korean ballistic missiles",
        "ballistic missiles",
        "short-range ballistic missiles",
        "North Korean missiles",
        "missiles",
        "KN-23 missiles",
    ],
)
def test_modifiers_that_only_narrow_the_head_make_no_measure_of_their_own(thing: str) -> None:
    assert name(thing, event="sent") == "missiles supplied"


@pytest.mark.parametrize(
    ("thing", "head"),
    [
        ("shipping containers", "containers"),
        ("containers of munitions", "containers"),
        ("rounds of 152mm artillery shells", "ammunition"),
        ("rounds of ammunition", "ammunition"),
        ("Veskari soldiers", "troops"),
        ("unionised dockworkers", "workers"),
        ("Ostmarkian villagers", "people"),
        ("residents", "people"),
        ("prefabricated homes", "homes"),
        ("houses", "homes"),
        ("Canadair water bombers", "aircraft"),
        ("emergency funding", "aid"),
        ("oral vaccine doses", "doses"),
        ("long-range attack drones", "drones"),
        ("the number of troops", "troops"),
        ("tonnes of rice", "rice"),
        ("civilians", "civilians"),
        ("children", "children"),
    ],
)
def test_the_head_is_the_counted_noun_in_the_plural_or_its_group(thing: str, head: str) -> None:
    assert head_of(thing).name == head


@pytest.mark.parametrize(
    ("thing", "head", "event"),
    [
        ("wounded soldiers", "troops", "injured"),
        ("civilian deaths", "civilians", "killed"),
        ("casualties among North Korean troops", "troops", "casualties"),
        ("job cuts", "jobs", "cut"),
        ("striking workers", "workers", "strike"),
        ("strikers", "workers", "strike"),
        ("suspected cases", "cases", "suspected"),
        ("displaced people", "people", "displaced"),
        ("lives", "people", "killed"),
        ("deaths", "", "killed"),  # who died comes from the sentence (meaning.py)
        ("dead", "", "killed"),
    ],
)
def test_an_event_word_in_the_phrase_is_the_event_not_the_thing(
    thing: str, head: str, event: str
) -> None:
    read = head_of(thing)
    assert (read.name, read.event) == (head, event)


def test_the_event_is_said_for_what_it_befalls() -> None:
    assert name("soldiers", event="injured") == "troops wounded"
    assert name("people", event="injured") == "people injured"
    assert name("troops", event="casualties") == "troops killed or wounded"
    assert name("troops", event="sent") == "troops sent"
    assert name("containers", event="sent") == "containers supplied"
    assert name("cases", event="suspected") == "suspected cases"


def test_where_is_part_of_a_placed_event_and_not_of_a_transfer() -> None:
    assert name("people", event="killed", place="Norland") == "people killed in Norland"
    assert name("troops", event="sent", place="Russia") == "troops sent"
    assert name("homes", place="Tarnet") == "homes"  # no event said: no place either
    assert name("cases", place="Tavel") == "cases in Tavel"


def test_units_of_measurement_and_areas_go_into_the_brackets() -> None:
    assert name("tonnes of rice") == "rice [tonnes]"
    assert name("barrels of oil", rate="daily") == "oil [barrels] per day"
    assert name("hectares", event="burned") == "area burned [hectares]"
    assert name("hectares of pine forest", event="burned") == "area burned [hectares]"
    assert head_of("km").distance


def test_an_attribute_keeps_what_it_is_of() -> None:
    assert name("value of the artillery", unit="USD") == "value of artillery [USD]"
    assert name("cost of the shells", unit="eur") == "cost of ammunition [EUR]"


def test_a_rate_like_quantity_keeps_its_modifiers() -> None:
    assert name("case fatality rate", unit=PERCENT) == "case fatality rate [%]"
    assert name("unemployment rate", unit=PERCENT) == "unemployment rate [%]"


def test_an_increment_is_a_count_of_its_own() -> None:
    assert name("new cases", rate="daily") == "new cases per day"
    assert name("additional troops", event="sent") == "new troops sent"


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
    assert name("drones", rate=rate) == f"drones {said}"


def test_scope_and_unit_have_their_place_in_the_name() -> None:
    assert name("provocations", scope="2022's record") == "provocations (2022's record)"
    assert name("rounds", rate="monthly", scope="shortfall") == "ammunition per month (shortfall)"
    assert name("turnout", unit=PERCENT) == "turnout [%]"


def test_a_configured_phrase_keeps_its_modifiers_apart() -> None:
    synonyms = {**DEFAULT_SYNONYMS, "ballistic missile": "ballistic missiles"}
    assert name("short-range ballistic missiles", synonyms=synonyms) == "ballistic missiles"
    assert name("cruise missiles", synonyms=synonyms) == "missiles"
    assert name("shells", synonyms={"drone": "drones"}) == "shells"  # a table replaces the default


def test_a_conjunction_names_each_head() -> None:
    assert name("rocket launchers and shells") == "launchers and ammunition"


def test_names_are_stable_across_case_and_spacing() -> None:
    assert name("Rounds  of Ammunition") == name("rounds of ammunition")
    assert name("Ballistic Missiles") == name("ballistic missiles")


def test_a_name_fits_the_column_with_its_place_unit_rate_and_scope_whole() -> None:
    key = MeasureKey(head="big " * 100 + "drones", unit="USD", rate="per day", scope="in x")
    assert len(key.name) <= MAX_LENGTH
    assert key.name.endswith(" big drones [USD] per day (in x)")
