"""The novelty rule: a first value, a value outside every earlier one, and a repeat."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from monitor.figures.model import COUNT, PERCENT, Figure, Qualifier
from monitor.figures.novelty import Decision, EarlierValue, agrees, decide

APRIL_14 = datetime(2024, 4, 14, 8, 0, tzinfo=UTC)


def figure(
    value: float,
    qualifier: Qualifier = "exact",
    *,
    low: float | None = None,
    high: float | None = None,
    unit: str = COUNT,
) -> Figure:
    return Figure(
        value=value,
        low=value if low is None else low,
        high=value if high is None else high,
        qualifier=qualifier,
        unit=unit,
        thing="rounds",
        sentence="...",
        start=0,
        end=3,
    )


def earlier(
    figure_id: int,
    value: float,
    qualifier: Qualifier = "exact",
    *,
    low: float | None = None,
    high: float | None = None,
    site: str | None = "scmp.com",
    url: str = "https://www.scmp.com/news/1",
    published_at: datetime | None = APRIL_14,
) -> EarlierValue:
    return EarlierValue(
        figure_id=figure_id,
        value=value,
        low=value if low is None else low,
        high=value if high is None else high,
        qualifier=qualifier,
        article_url=url,
        site=site,
        published_at=published_at,
    )


def about_3m(figure_id: int) -> EarlierValue:
    return earlier(figure_id, 3e6, "about", low=2.7e6, high=3.3e6)


def test_the_first_value_of_a_measure_is_a_new_measure() -> None:
    assert decide(figure(3e6, "about", low=2.7e6, high=3.3e6), []) == Decision(
        status="new_measure", reason="first figure of this measure", repeat_of=None
    )


def test_a_value_outside_every_earlier_one_is_a_changed_figure_naming_them() -> None:
    decision = decide(figure(5e6), [about_3m(1)])
    assert decision == Decision(
        status="changed_figure",
        reason=(
            "5,000,000 is outside every earlier value:"
            " about 3,000,000 (2.7M\u20133.3M, #1, scmp.com 2024-04-14)"
        ),
    )


def test_a_repeat_names_and_points_at_the_value_it_repeats() -> None:
    decision = decide(figure(5e6), [about_3m(1), earlier(2, 5e6)])
    assert decision == Decision(
        status="repeat", reason="repeats 5,000,000 (#2, scmp.com 2024-04-14)", repeat_of=2
    )


def test_a_vague_amount_repeats_an_exact_value_inside_it() -> None:
    scores = figure(60, "vague", low=40, high=200)
    decision = decide(scores, [earlier(12, 40)])
    assert (decision.status, decision.repeat_of) == ("repeat", 12)
    assert decision.reason == "repeats 40 (#12, scmp.com 2024-04-14)"


def test_a_value_above_an_earlier_lower_bound_is_news_a_looser_one_is_not() -> None:
    at_least_50 = earlier(3, 50, "at_least", low=50, high=75)
    assert decide(figure(60), [at_least_50]).status == "changed_figure"  # more than the floor
    assert decide(figure(51), [at_least_50]).status == "repeat"  # within 2.5% of it
    more_than_45 = figure(45, "more_than", low=45, high=67.5)
    assert decide(more_than_45, [at_least_50]).status == "repeat"  # says less, not more
    at_least_150 = figure(150, "at_least", low=150, high=225)
    assert decide(at_least_150, [at_least_50]).status == "changed_figure"
    changed = decide(figure(100), [at_least_50])
    assert changed.reason == (
        "100 is outside every earlier value: at least 50 (50\u201375, #3, scmp.com 2024-04-14)"
    )


def test_a_looser_restatement_of_an_exact_value_repeats_it() -> None:
    exact = earlier(4, 3124)
    assert decide(figure(3000, "more_than", low=3000, high=4500), [exact]).status == "repeat"
    assert decide(figure(3100, "about", low=2790, high=3410), [exact]).status == "repeat"
    assert decide(figure(3200, "almost", low=2880, high=3200), [exact]).status == "repeat"
    # The other way round, a precise value above "more than 3,000" says more.
    floor = earlier(5, 3000, "more_than", low=3000, high=4500)
    assert decide(figure(3124), [floor]).status == "changed_figure"


@pytest.mark.parametrize(
    ("new", "old", "agree"),
    [
        (300, 312, True),  # "300" rounds 312: a plain number is as precise as its digits
        (312, 300, False),  # the precise value is news after the round one
        (3e6, 3.1e6, True),  # "3 million" after 3,100,000: a rounding
        (3.2e6, 3e6, False),  # "3.2 million" is precise to 50,000
        (4700, 4300, False),
        (2900, 2950, True),  # within half of the last digit written (50)
        (3000, 2900, True),  # "3,000" may round 2,900 (within 5%)
        (3000, 2800, False),  # but not 2,800 (6.7%)
        (6e6, 5e6, False),  # "6 million shells" after "5 million rounds"
        (14, 15, False),
        (20, 21, False),  # "20 dead" after 21: a count below 100 is exact, a revision
        (90, 88, False),
        (100, 98, True),  # "100" may round 98
        (0, 0, True),
    ],
)
def test_a_plain_number_agrees_with_what_it_may_round(new: float, old: float, agree: bool) -> None:
    assert agrees(figure(new), earlier(1, old)) is agree


def test_qualified_values_agree_when_they_overlap() -> None:
    up_to_1000 = figure(1000, "up_to", low=500, high=1000)
    assert agrees(up_to_1000, earlier(1, 520))
    assert agrees(up_to_1000, earlier(1, 400))  # "up to" has no lower end
    assert not agrees(figure(400, "up_to", low=200, high=400), earlier(1, 500, "up_to"))
    between = figure(15, "range", low=10, high=20)
    assert agrees(between, earlier(1, 20, "almost", low=18, high=20))
    assert not agrees(between, earlier(1, 25, "about", low=22.5, high=27.5))
    assert agrees(figure(3e6, "about", low=2.7e6, high=3.3e6), earlier(1, 3.2e6))


def test_the_most_recent_agreeing_value_is_the_one_repeated() -> None:
    values = [about_3m(1), earlier(2, 5e6), earlier(3, 3.1e6)]
    assert decide(figure(3.1e6), values).repeat_of == 3
    assert decide(figure(3e6, "almost", low=2.7e6, high=3e6), values).repeat_of == 1


def test_a_measure_known_only_by_a_past_value_is_new_with_the_past_value_named() -> None:
    past = EarlierValue(
        figure_id=8,
        value=1000,
        low=1000,
        high=1000,
        qualifier="exact",
        article_url="https://www.scmp.com/news/1",
        site="scmp.com",
        published_at=APRIL_14,
        role="previous",
    )
    decision = decide(figure(6700, "at_least", low=6700, high=10050), [past])
    assert decision.status == "new_measure"
    assert decision.reason == (
        "first figure of this measure; earlier it was 1,000 (#8, scmp.com 2024-04-14,"
        " as a past value)"
    )
    assert decide(figure(1000), [past]).status == "repeat"  # a stale report of the past value


def test_a_changed_figure_names_the_nearest_three_earlier_values() -> None:
    # 40 and 160 are as near as each other: the older comes first.
    values = [earlier(index, value) for index, value in enumerate((10, 20, 40, 80, 160), 1)]
    reason = decide(figure(100), values).reason
    assert reason == (
        "100 is outside every earlier value: 80 (#4, scmp.com 2024-04-14);"
        " 40 (#3, scmp.com 2024-04-14); 160 (#5, scmp.com 2024-04-14); and 2 more"
    )


def test_a_source_without_a_site_or_date_is_named_by_its_host() -> None:
    value = earlier(7, 12.5, site=None, url="https://www.yna.co.kr/view/1", published_at=None)
    decision = decide(figure(20, unit=PERCENT), [value])
    assert decision.reason == "20% is outside every earlier value: 12.5% (#7, yna.co.kr undated)"


def test_money_and_ranges_read_as_the_text_said_them() -> None:
    value = earlier(9, 1.5e9, "range", low=1e9, high=2e9)
    decision = decide(figure(3.5e9, "more_than", low=3.5e9, high=5.25e9, unit="USD"), [value])
    assert decision.reason == (
        "more than USD 3,500,000,000 is outside every earlier value:"
        " USD 1,000,000,000\u2013USD 2,000,000,000 (#9, scmp.com 2024-04-14)"
    )


def test_a_floor_rounds_down_by_less_than_its_leading_digits_place() -> None:
    # Deaths in a wildfire: "more than 3,000" rounds 3,124 down; "at least 40" after 118 says
    # nothing the 118 did: another count (another place's, another event's), so it is news.
    more_than_3000 = figure(3000, "more_than", low=3000, high=4500)
    assert decide(more_than_3000, [earlier(1, 3124)]).status == "repeat"
    assert decide(more_than_3000, [earlier(1, 3950)]).status == "repeat"
    assert decide(more_than_3000, [earlier(1, 4300)]).status == "changed_figure"
    more_than_1_5m = figure(1.5e6, "more_than", low=1.5e6, high=2.25e6)
    assert decide(more_than_1_5m, [earlier(1, 1.62e6)]).status == "repeat"
    at_least_40 = figure(40, "at_least", low=40, high=60)
    assert decide(at_least_40, [earlier(1, 41)]).status == "repeat"
    assert decide(at_least_40, [earlier(1, 118)]).status == "changed_figure"
    at_least_61 = figure(61, "at_least", low=61, high=91)
    assert decide(at_least_61, [earlier(1, 64)]).status == "repeat"
    assert decide(at_least_61, [earlier(1, 75)]).status == "changed_figure"


def test_an_about_value_is_as_precise_as_its_digits() -> None:
    # Nurses on strike; cases of an epidemic; a crowd.
    about_14000 = earlier(6, 14000, "about", low=12600, high=15400)
    finer = figure(14400, "about", low=12960, high=15840)
    assert decide(finer, [about_14000]).status == "changed_figure"  # a finer count moved
    assert decide(figure(14000, "about", low=12600, high=15400), [earlier(7, 14400)]).status == (
        "repeat"  # "about 14,000" rounds 14,400
    )
    assert decide(figure(3100, "about", low=2790, high=3410), [earlier(8, 3124)]).status == (
        "repeat"  # within its last digit: a rounding
    )
    assert decide(figure(3e6, "about", low=2.7e6, high=3.3e6), [earlier(9, 3.1e6)]).status == (
        "repeat"  # a round "about" keeps its ±10%
    )


def test_a_small_or_round_about_value_still_rounds_a_near_one() -> None:
    # Deaths in a heatwave; pupils held; homes flooded.
    assert decide(figure(25, "about", low=22.5, high=27.5), [earlier(1, 24)]).status == "repeat"
    assert decide(figure(350, "about", low=315, high=385), [earlier(2, 340)]).status == "repeat"
    assert decide(figure(14500, "about", low=13050, high=15950), [earlier(3, 14000)]).status == (
        "changed_figure"
    )
