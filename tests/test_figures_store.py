"""Stored figures on both databases: the seeds story decided in publication order, the values a
figure is compared with, a measure's history with its corroborations, and pending articles."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from monitor.figures.measures import measure_of
from monitor.figures.model import COUNT, Figure, Qualifier
from monitor.figures.novelty import Decision, decide
from monitor.model import Document
from monitor.store.articles import add_article
from monitor.store.figures import (
    add_figures,
    earlier_values,
    list_figures,
    mark_decided,
    measure_history,
    pending_articles,
)
from monitor.store.tables import Article
from monitor.store.tables import Figure as StoredFigure

DAY = timedelta(days=1)
APRIL_14 = datetime(2024, 4, 14, 8, 0, tzinfo=UTC)


def figure(
    value: float,
    thing: str,
    qualifier: Qualifier = "exact",
    *,
    low: float | None = None,
    high: float | None = None,
    rate: str | None = None,
) -> Figure:
    sentence = f"Officials counted {value:,.0f} {thing}."
    return Figure(
        value=value,
        low=value if low is None else low,
        high=value if high is None else high,
        qualifier=qualifier,
        unit=COUNT,
        thing=thing,
        sentence=sentence,
        start=18,
        end=18 + len(f"{value:,.0f}"),
        rate=rate,
    )


def store(
    session: Session,
    url: str,
    published_at: datetime | None,
    figures: Sequence[Figure],
    *,
    watch: str = "arms",
    copy_of: int | None = None,
) -> tuple[int, list[tuple[int, Decision]]]:
    """Store an article and decide its figures as the pipeline does; return their ids."""
    document = Document(
        url=url,
        title=None,
        text=" ".join(found.sentence for found in figures),
        author=None,
        site=url.split("/")[2],
        language="en",
        published_at=published_at,
        origin="page",
    )
    duplicate = (copy_of, "near", 0.9) if copy_of is not None else None
    article_id = add_article(
        session,
        document,
        watches=[watch],
        canonical_url=url,
        text_hash=None,
        duplicate=duplicate,
    )
    decided = []
    for found in figures:
        measure = measure_of(found)
        decided.append((found, measure, decide(found, earlier_values(session, watch, measure))))
    ids = add_figures(session, article_id, watch, decided)
    mark_decided(session, article_id)
    return article_id, [(id_, decision) for id_, (_, _, decision) in zip(ids, decided, strict=True)]


ABOUT_3M_SHELLS = figure(3e6, "rounds of 152mm artillery shells", "about", low=2.7e6, high=3.3e6)


def test_the_seeds_story_in_publication_order(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        scmp, [(shells, first), (missiles_40, missiles_first)] = store(
            session,
            "https://www.scmp.com/news/3",
            APRIL_14,
            [ABOUT_3M_SHELLS, figure(40, "ballistic missiles")],
        )
        reuters, [(five_million, changed)] = store(
            session,
            "https://www.reuters.com/world/5",
            APRIL_14 + 2 * DAY,
            [figure(5e6, "rounds of ammunition")],
        )
        _, [(again, repeat), (scores, vague)] = store(
            session,
            "https://en.yna.co.kr/view/7",
            APRIL_14 + 3 * DAY,
            [
                figure(5e6, "rounds"),
                figure(100, "ballistic missiles", "vague", low=40, high=200),
            ],
        )
        _, [(copied, copy_repeat)] = store(
            session,
            "https://mirror.example.net/5",
            APRIL_14 + 4 * DAY,
            [figure(5e6, "rounds of ammunition")],
            copy_of=reuters,
        )
        _, [(six_million, six)] = store(
            session, "https://www.nknews.org/6", APRIL_14 + 5 * DAY, [figure(6e6, "shells")]
        )

    assert (first.status, first.reason) == ("new_measure", "first figure of this measure")
    assert missiles_first.status == "new_measure"
    assert changed.status == "changed_figure" and changed.repeat_of is None
    assert changed.reason == (
        "5,000,000 is outside every earlier value:"
        f" about 3,000,000 (2.7M\u20133.3M, #{shells}, scmp.com 2024-04-14)"
    )
    assert (repeat.status, repeat.repeat_of) == ("repeat", five_million)
    assert repeat.reason == f"repeats 5,000,000 (#{five_million}, reuters.com 2024-04-16)"
    assert (vague.status, vague.repeat_of) == ("repeat", missiles_40)
    assert (copy_repeat.status, copy_repeat.repeat_of) == ("repeat", five_million)
    assert six.status == "changed_figure"
    assert six.reason.startswith("6,000,000 is outside every earlier value: 5,000,000 (#")

    with Session(engine) as session:
        history = measure_history(session, "ammunition", watch="arms")
        assert [(v.figure_id, v.value, v.status) for v in history] == [
            (shells, 3e6, "new_measure"),
            (five_million, 5e6, "changed_figure"),
            (six_million, 6e6, "changed_figure"),
        ]
        assert history[0].source.article_id == scmp
        assert history[0].source.site == "www.scmp.com"
        assert history[0].source.published_at == APRIL_14
        assert history[0].corroborations == []
        corroborated = history[1]
        assert corroborated.source.article_url == "https://www.reuters.com/world/5"
        assert [(r.figure_id, r.site, r.copy_of) for r in corroborated.corroborations] == [
            (again, "en.yna.co.kr", None),
            (copied, "mirror.example.net", reuters),
        ]
        assert (corroborated.independent, corroborated.copies) == (1, 1)

        missiles = measure_history(session, "ballistic missile")
        assert [(v.figure_id, [r.figure_id for r in v.corroborations]) for v in missiles] == [
            (missiles_40, [scores])
        ]


def test_nuclear_bombs_at_least_50_then_60_repeats_and_100_changes(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        _, [(at_least, _)] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            [figure(50, "nuclear bombs", "at_least", low=50, high=75)],
        )
        _, [(_, sixty)] = store(
            session, "https://b.example/2", APRIL_14 + DAY, [figure(60, "nuclear bombs")]
        )
        _, [(_, hundred)] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, [figure(100, "nuclear bombs")]
        )
    assert (sixty.status, sixty.repeat_of) == ("repeat", at_least)
    assert hundred.status == "changed_figure"
    assert f"at least 50 (50\u201375, #{at_least}, a.example 2024-04-14)" in hundred.reason


def test_earlier_values_are_the_distinct_values_in_publication_order(engine: Engine) -> None:
    fetched_late = APRIL_14 + 10 * DAY
    with Session(engine) as session, session.begin():
        # Stored first but published later: it is not the older value.
        store(session, "https://b.example/2", APRIL_14 + DAY, [figure(20, "drones")])
        store(session, "https://a.example/1", APRIL_14, [figure(10, "drones")])
        store(session, "https://c.example/3", APRIL_14 + 2 * DAY, [figure(10, "drones")])
        undated = add_article(
            session,
            Document(
                url="https://d.example/4",
                title=None,
                text="",
                author=None,
                site=None,
                language=None,
                published_at=None,
                origin="feed",
            ),
            watches=["arms"],
            canonical_url="https://d.example/4",
            text_hash=None,
            fetched_at=fetched_late,
        )
        add_figures(
            session,
            undated,
            "arms",
            [(figure(40, "drones"), "drone", Decision(status="changed_figure", reason="x"))],
        )
    with Session(engine) as session:
        values = earlier_values(session, "arms", "drone")
        assert [(v.value, v.site, v.published_at) for v in values] == [
            (10, "a.example", APRIL_14),  # the repeat from c.example is no value of its own
            (20, "b.example", APRIL_14 + DAY),
            (40, None, None),  # undated: placed by when it was fetched
        ]
        assert values[0].article_url == "https://a.example/1"
        assert earlier_values(session, "other watch", "drone") == []


def test_watches_keep_their_measures_apart(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        _, [(arms_id, arms)] = store(session, "https://a.example/1", APRIL_14, [ABOUT_3M_SHELLS])
        _, [(_, trade)] = store(
            session,
            "https://a.example/2",
            APRIL_14 + DAY,
            [figure(5e6, "shells")],
            watch="trade",
        )
    assert (arms.status, trade.status) == ("new_measure", "new_measure")
    with Session(engine) as session:
        both = measure_history(session, "ammunition")
        assert [(v.watch, v.value) for v in both] == [("arms", 3e6), ("trade", 5e6)]
        assert [v.figure_id for v in measure_history(session, "ammunition", "arms")] == [arms_id]


def test_an_article_repeating_a_value_corroborates_it_once_and_never_itself(
    engine: Engine,
) -> None:
    with Session(engine) as session, session.begin():
        source, [(first, _)] = store(
            session, "https://a.example/1", APRIL_14, [figure(40, "tanks")]
        )
        _, [(again, _)] = store(
            session, "https://b.example/2", APRIL_14 + DAY, [figure(40, "tanks")]
        )
        repeats = [
            (figure(40, "tanks"), "tank", Decision(status="repeat", reason="r", repeat_of=first))
        ] * 2
        add_figures(session, source, "arms", repeats)  # said again further down the source
        other = session.scalar(select(StoredFigure.article_id).where(StoredFigure.id == again))
        assert other is not None
        add_figures(session, other, "arms", repeats)
    with Session(engine) as session:
        [value] = measure_history(session, "tank", "arms")
        assert [report.figure_id for report in value.corroborations] == [again]


def test_listed_figures_carry_the_json_contract_fields(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        article_id, [(shells, _)] = store(
            session, "https://www.scmp.com/news/3", APRIL_14, [ABOUT_3M_SHELLS]
        )
        store(
            session,
            "https://a.example/2",
            APRIL_14 + DAY,
            [figure(50_000, "rounds", rate="monthly"), figure(40, "ballistic missiles")],
        )
    with Session(engine) as session:
        assert len(list_figures(session)) == 3
        assert [row.measure for row in list_figures(session, watch="arms")] == [
            "ammunition",
            "ammunition per month",
            "ballistic missile",
        ]
        [row] = list_figures(session, watch="arms", measure="ammunition")
        assert list_figures(session, watch="nobody") == []
    assert row.to_json() == {
        "id": shells,
        "article_id": article_id,
        "article_url": "https://www.scmp.com/news/3",
        "site": "www.scmp.com",
        "watch": "arms",
        "published_at": "2024-04-14T08:00:00+00:00",
        "value": 3e6,
        "low": 2.7e6,
        "high": 3.3e6,
        "qualifier": "about",
        "unit": "count",
        "thing": "rounds of 152mm artillery shells",
        "measure": "ammunition",
        "rate": None,
        "scope": None,
        "sentence": ABOUT_3M_SHELLS.sentence,
        "status": "new_measure",
        "reason": "first figure of this measure",
        "repeat_of": None,
    }


def test_pending_articles_come_in_publication_order_until_decided(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        ids = {}
        for name, published in (("b", APRIL_14 + DAY), ("a", APRIL_14), ("c", None)):
            ids[name] = add_article(
                session,
                Document(
                    url=f"https://{name}.example/",
                    title=None,
                    text="",
                    author=None,
                    site=None,
                    language=None,
                    published_at=published,
                    origin="page",
                ),
                watches=[],
                canonical_url=f"https://{name}.example/",
                text_hash=None,
                fetched_at=APRIL_14 + 2 * DAY,
            )
    with Session(engine) as session, session.begin():
        assert pending_articles(session) == [ids["a"], ids["b"], ids["c"]]
        assert pending_articles(session, limit=1) == [ids["a"]]
        mark_decided(session, ids["a"], at=APRIL_14 + 3 * DAY)
    with Session(engine) as session:
        assert pending_articles(session) == [ids["b"], ids["c"]]
        decided_at = session.scalar(
            select(Article.figures_decided_at).where(Article.id == ids["a"])
        )
        assert decided_at == APRIL_14 + 3 * DAY
        with pytest.raises(LookupError, match="no article #999"):
            mark_decided(session, 999)


def test_a_repeat_outlives_the_article_it_repeated(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        first_article, _ = store(session, "https://a.example/1", APRIL_14, [figure(7, "ships")])
        _, [(repeat, decision)] = store(
            session, "https://b.example/2", APRIL_14 + DAY, [figure(7, "ships")]
        )
        assert decision.repeat_of is not None
    with Session(engine) as session, session.begin():
        session.execute(delete(Article).where(Article.id == first_article))
    with Session(engine) as session:
        kept = session.get(StoredFigure, repeat)
        assert kept is not None and kept.repeat_of is None
        assert measure_history(session, "ship") == []
