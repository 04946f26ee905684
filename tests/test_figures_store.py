"""Stored figures on both databases: articles decided by the figures pass in publication order,
the book a figure is compared with, a measure's history with its corroborations and past
values, and pending articles."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from monitor.figures.options import FigureOptions
from monitor.figures.stage import decide_article
from monitor.model import Document
from monitor.store.articles import add_article
from monitor.store.figures import (
    FigureRow,
    list_figures,
    load_book,
    mark_decided,
    measure_history,
    pending_articles,
)
from monitor.store.tables import Article
from monitor.store.tables import Figure as StoredFigure

DAY = timedelta(days=1)
APRIL_14 = datetime(2024, 4, 14, 8, 0, tzinfo=UTC)
OPTIONS = FigureOptions()


def document(
    url: str, text: str, published_at: datetime | None, title: str | None = None
) -> Document:
    return Document(
        url=url,
        title=title,
        text=text,
        author=None,
        site=url.split("/")[2],
        language="en",
        published_at=published_at,
        origin="page",
    )


def store(
    session: Session,
    url: str,
    published_at: datetime | None,
    text: str,
    *,
    watch: str = "arms",
    copy_of: int | None = None,
    fetched_at: datetime | None = None,
    title: str | None = None,
) -> tuple[int, list[FigureRow]]:
    """Store an article and decide its figures with the figures pass; return its rows."""
    duplicate = (copy_of, "near", 0.9) if copy_of is not None else None
    article_id = add_article(
        session,
        document(url, text, published_at, title),
        watches=[watch],
        canonical_url=url,
        text_hash=None,
        duplicate=duplicate,
        fetched_at=fetched_at,
    )
    decide_article(session, article_id, OPTIONS)
    session.flush()
    rows = [row for row in list_figures(session, watch=watch) if row.article_id == article_id]
    return article_id, rows


def test_an_arms_story_in_publication_order(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        scmp, [shells, missiles] = store(
            session,
            "https://www.scmp.com/news/3",
            APRIL_14,
            "North Korea has shipped about 3 million rounds of 152mm artillery shells to Russia"
            " as well as 40 ballistic missiles, officials said.",
        )
        reuters, [five] = store(
            session,
            "https://www.reuters.com/world/5",
            APRIL_14 + 2 * DAY,
            "Seoul now says North Korea has supplied 5 million rounds of ammunition to Russia.",
        )
        _, [again, scores] = store(
            session,
            "https://en.yna.co.kr/view/7",
            APRIL_14 + 3 * DAY,
            "Pyongyang has sent 5 million rounds and scores of ballistic missiles to Moscow.",
        )
        copy, copied = store(
            session,
            "https://mirror.example.net/5",
            APRIL_14 + 4 * DAY,
            "Seoul now says North Korea has supplied 5 million rounds of ammunition to Russia.",
            copy_of=reuters,
        )
        _, [six] = store(
            session,
            "https://www.nknews.org/6",
            APRIL_14 + 5 * DAY,
            "North Korea has delivered 6 million shells to Russia, Seoul said.",
        )

    assert (shells.measure, shells.status) == ("ammunition supplied", "new_measure")
    assert shells.reason == "first figure of this measure"
    assert (missiles.measure, missiles.status) == ("missiles supplied", "new_measure")
    assert (five.measure, five.status, five.repeat_of) == (
        "ammunition supplied",
        "changed_figure",
        None,
    )
    assert five.reason == (
        "5,000,000 is outside every earlier value:"
        f" about 3,000,000 (2.7M\u20133.3M, #{shells.id}, scmp.com 2024-04-14)"
    )
    assert (again.status, again.repeat_of) == ("repeat", five.id)
    assert again.reason == f"repeats 5,000,000 (#{five.id}, reuters.com 2024-04-16)"
    # "scores of" is vague: it corroborates the 40 it contains and never alerts.
    assert (scores.measure, scores.status, scores.repeat_of) == (
        "missiles supplied",
        "repeat",
        missiles.id,
    )
    assert copied == []  # a copy's figures are its original's
    assert six.status == "changed_figure"
    assert six.reason.startswith("6,000,000 is outside every earlier value: 5,000,000 (#")

    with Session(engine) as session:
        history = measure_history(session, "ammunition supplied", watch="arms")
        assert [(v.figure_id, v.value, v.status) for v in history] == [
            (shells.id, 3e6, "new_measure"),
            (five.id, 5e6, "changed_figure"),
            (six.id, 6e6, "changed_figure"),
        ]
        assert history[0].source.article_id == scmp
        assert history[0].source.site == "www.scmp.com"
        assert history[0].source.published_at == APRIL_14
        corroborated = history[1]
        assert [(r.figure_id, r.site) for r in corroborated.corroborations] == [
            (again.id, "en.yna.co.kr")
        ]
        assert (corroborated.independent, corroborated.copies) == (1, 1)
        assert session.get(Article, copy) is not None


def test_a_flood_toll_with_past_values_and_places(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        _, first = store(
            session,
            "https://wire.example/1",
            APRIL_14,
            "Floods along the Vessa have killed 11 people in Dravonia, officials said.",
            watch="floods",
        )
        _, second = store(
            session,
            "https://herald.example/2",
            APRIL_14 + DAY,
            "The death toll in Dravonia rose to 18, up from 11 a day earlier. In Lutavia, 4"
            " people were killed and 30 injured.",
            watch="floods",
        )
    [eleven] = first
    eighteen, past, lutavia, injured = second
    assert (eleven.measure, eleven.status) == ("people killed in Dravonia", "new_measure")
    assert (eighteen.measure, eighteen.status) == ("people killed in Dravonia", "changed_figure")
    # The past value corroborates the earlier report; it never alerts.
    assert (past.role, past.status, past.repeat_of) == ("previous", "previous", eleven.id)
    assert (lutavia.measure, lutavia.status) == ("people killed in Lutavia", "new_measure")
    assert (injured.measure, injured.status) == ("people injured in Lutavia", "new_measure")
    assert eighteen.evidence is not None and eighteen.evidence["place"] == "in Dravonia"
    assert past.evidence is not None and "up from" in past.evidence["role"]


def test_the_book_holds_distinct_values_in_publication_order(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        # Stored first but published later: it is not the older value.
        store(session, "https://b.example/2", APRIL_14 + DAY, "The army has launched 20 drones.")
        store(session, "https://a.example/1", APRIL_14, "The army has launched 10 drones.")
        store(session, "https://c.example/3", APRIL_14 + 2 * DAY, "It has launched 10 drones.")
        store(
            session,
            "https://d.example/4",
            None,  # undated: placed by when it was fetched
            "The army has launched 40 drones, up from 30 drones the week before.",
            fetched_at=APRIL_14 + 10 * DAY,
        )
    with Session(engine) as session:
        book = load_book(session, "arms", {"drones fired", "drones"})
        values = book.earlier("drones fired")
        assert [(v.value, v.site, v.role) for v in values] == [
            (10, "a.example", "current"),  # the repeat from c.example is no value of its own
            (20, "b.example", "current"),
            (40, "d.example", "current"),
            (30, "d.example", "previous"),  # a past value no earlier report had
        ]
        assert values[0].article_url == "https://a.example/1"
        assert load_book(session, "other watch", {"drones fired"}).earlier("drones fired") == []


def test_watches_keep_their_measures_apart(engine: Engine) -> None:
    text = "North Korea has shipped about 3 million shells to Russia."
    with Session(engine) as session, session.begin():
        _, [arms] = store(session, "https://a.example/1", APRIL_14, text)
        _, [trade] = store(session, "https://a.example/2", APRIL_14 + DAY, text, watch="trade")
    assert (arms.status, trade.status) == ("new_measure", "new_measure")
    with Session(engine) as session:
        both = measure_history(session, "ammunition supplied")
        assert [(v.watch, v.value) for v in both] == [("arms", 3e6), ("trade", 3e6)]
        in_arms = measure_history(session, "ammunition supplied", "arms")
        assert [v.figure_id for v in in_arms] == [arms.id]


def test_an_article_repeating_a_value_corroborates_it_once_and_never_itself(
    engine: Engine,
) -> None:
    with Session(engine) as session, session.begin():
        _, [first, restated] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            "The army has sent 40 tanks to the front. Those 40 tanks were sent by rail.",
        )
        _, [again, twice] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "Officials said 40 tanks were sent. The 40 tanks were sent last week.",
        )
    assert (restated.status, restated.repeat_of) == ("repeat", first.id)
    assert (again.repeat_of, twice.repeat_of) == (first.id, first.id)
    with Session(engine) as session:
        [value] = measure_history(session, "tanks supplied", "arms")
        assert [report.figure_id for report in value.corroborations] == [again.id]


def test_a_second_value_of_a_measure_in_one_article_is_decided_on_its_own(
    engine: Engine,
) -> None:
    # Two values under one measure name are most often two measures the reading merged
    # ("2,000 jobs at Oskel ... 600 at Harnsted"): each is news when no earlier article had it.
    with Session(engine) as session, session.begin():
        _, [first, second, restated] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            "About 300 homes were destroyed. Officials later said 410 homes were destroyed."
            " The 410 destroyed homes were mostly in the old town.",
        )
    assert first.status == "new_measure"
    assert (second.status, second.repeat_of) == ("new_measure", None)
    assert "a second value beside the article's about 300" in second.reason
    assert (restated.status, restated.repeat_of) == ("repeat", second.id)
    # Either value may be the one the next article repeats: neither is news then, and a
    # second value that only an earlier article gave is a repeat of it.
    with Session(engine) as session, session.begin():
        _, [again] = store(
            session, "https://b.example/2", APRIL_14 + DAY, "410 homes were destroyed."
        )
        _, [other, moved] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "Some 520 homes were destroyed, the agency said; the town counted 300 homes destroyed.",
        )
    assert (again.status, again.repeat_of) == ("repeat", second.id)
    assert other.status == "changed_figure"
    assert (moved.status, moved.repeat_of) == ("repeat", first.id)


def test_a_value_given_with_its_place_and_then_without_it_is_one_report(engine: Engine) -> None:
    # A storm: one outlet says where the 14 barns fell, another leaves the place out.
    with Session(engine) as session, session.begin():
        _, [placed] = store(
            session, "https://a.example/1", APRIL_14, "The storm destroyed 14 barns in Holmvik."
        )
        _, [unplaced] = store(
            session, "https://b.example/2", APRIL_14 + DAY, "In all, 14 barns were destroyed."
        )
        _, [other_place] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, "Gales destroyed 14 barns in Orsa."
        )
        _, [moved] = store(
            session, "https://d.example/4", APRIL_14 + 3 * DAY, "Some 20 barns were destroyed."
        )
    assert placed.measure == "barns destroyed in Holmvik"
    assert (unplaced.status, unplaced.repeat_of) == ("repeat", placed.id)
    assert "under barns destroyed in Holmvik" in unplaced.reason
    # Another place's count of the same size is its own news; so is a value that moved, a
    # change of the value the repeat gave its own measure.
    assert (other_place.measure, other_place.status) == ("barns destroyed in Orsa", "new_measure")
    assert (moved.measure, moved.status) == ("barns destroyed", "changed_figure")
    with Session(engine) as session:
        families = set(session.scalars(select(StoredFigure.family)))
    assert families == {"barns destroyed"}


def test_a_sum_that_names_no_money_noun_joins_the_one_named_for_its_event(
    engine: Engine,
) -> None:
    # A kidnapping: one outlet names the ransom, the next only says what the gang wants.
    with Session(engine) as session, session.begin():
        _, [named] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            "The kidnappers have made a ransom demand of $2 million.",
        )
        _, [unnamed] = store(
            session, "https://b.example/2", APRIL_14 + DAY, "The gang wants $2 million in cash."
        )
        _, [raised] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, "The gang now wants $3 million."
        )
    assert named.measure == "ransom demanded [USD]"
    assert (unnamed.measure, unnamed.status) == ("ransom demanded [USD]", "repeat")
    assert (raised.measure, raised.status) == ("ransom demanded [USD]", "changed_figure")


def test_a_count_that_names_only_its_event_joins_the_measure_that_names_the_thing(
    engine: Engine,
) -> None:
    # A canal spill: later reports give the new estimate without saying "diesel" again.
    with Session(engine) as session, session.begin():
        _, [named] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            "An estimated 2,000 litres of diesel spilled into the canal.",
        )
        _, [raised] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "The utility raised its estimate of the spill to 3,000 litres.",
        )
        _, [same] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "The spill now stands at 3,000 litres.",
        )
        _, [other_unit] = store(
            session, "https://d.example/4", APRIL_14 + 3 * DAY, "About 40 tonnes spilled, too."
        )
    assert named.measure == "diesel spilled [litres]"
    assert (raised.measure, raised.status) == ("diesel spilled [litres]", "changed_figure")
    assert (same.measure, same.status) == ("diesel spilled [litres]", "repeat")
    # Another unit is another measure: the thing's name is borrowed only for the same one.
    assert (other_unit.measure, other_unit.status) == ("spilled [tonnes]", "new_measure")


def test_men_the_story_counted_by_what_they_are_join_that_count(engine: Engine) -> None:
    # A pit collapse: the first report says miners, the next only "men".
    with Session(engine) as session, session.begin():
        _, [miners] = store(
            session, "https://a.example/1", APRIL_14, "A cave-in at the pit has trapped 12 miners."
        )
        _, [men] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "Rescuers are drilling towards the 12 men still trapped.",
        )
        _, [fewer] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, "Nine men remain trapped."
        )
    assert miners.measure == "miners trapped"
    assert (men.measure, men.status) == ("miners trapped", "repeat")
    assert (fewer.measure, fewer.status) == ("miners trapped", "changed_figure")


def test_a_distinctive_value_under_other_words_repeats_the_count_that_gave_it(
    engine: Engine,
) -> None:
    # Ransomware at a utility: outlets name the same machines differently.
    with Session(engine) as session, session.begin():
        _, [computers, laptops] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            "The attack encrypted 2,300 computers at the utility and 3,000 laptops at home.",
        )
        _, [machines] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "Technicians are rebuilding about 2,300 machines.",
        )
        _, [tablets, floor] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "Staff were handed 3,000 tablets. Engineers checked at least 2,300 servers.",
        )
    assert (computers.measure, computers.status) == ("computers", "new_measure")
    assert (machines.status, machines.repeat_of) == ("repeat", computers.id)
    assert "under computers" in machines.reason
    # A round value is shared by chance too often, and a bound is no count of its own.
    assert (laptops.status, tablets.status) == ("new_measure", "new_measure")
    assert (floor.measure, floor.status) == ("servers", "new_measure")
    # What befell them may be worded another way too.
    with Session(engine) as session, session.begin():
        _, [locked] = store(
            session, "https://d.example/4", APRIL_14 + 3 * DAY, "Hackers locked 1,240 accounts."
        )
        _, [seized] = store(
            session,
            "https://e.example/5",
            APRIL_14 + 4 * DAY,
            "The gang seized 1,240 customer profiles.",
        )
        # Close is not the same: two exact counts a few apart are two counts ("1,536
        # admitted", then "1,541 discharged"), but an approximate one near a count may be it.
        _, [discharged] = store(
            session, "https://f.example/6", APRIL_14 + 5 * DAY, "Clinics discharged 1,245 users."
        )
        _, [approximate] = store(
            session,
            "https://g.example/7",
            APRIL_14 + 6 * DAY,
            "Investigators found about 1,250 compromised logins.",
        )
    assert locked.status == "new_measure"
    assert (seized.status, seized.repeat_of) == ("repeat", locked.id)
    assert discharged.status == "new_measure"
    assert (approximate.status, approximate.repeat_of) == ("repeat", discharged.id)


def test_a_count_that_names_no_event_repeats_the_same_things_count_that_names_one(
    engine: Engine,
) -> None:
    # A teachers' strike: one outlet says what befell the schools, the next only counts them.
    with Session(engine) as session, session.begin():
        _, [closed] = store(
            session, "https://a.example/1", APRIL_14, "The strike has closed 40 schools in Harlow."
        )
        _, [bare] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "Parents of pupils at 40 schools protested.",
        )
        _, [other] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, "Inspectors visited 40 clinics."
        )
        _, [more] = store(
            session, "https://d.example/4", APRIL_14 + 3 * DAY, "Teachers now picket 55 schools."
        )
    assert (closed.measure, closed.status) == ("schools closed in Harlow", "new_measure")
    assert (bare.measure, bare.status, bare.repeat_of) == ("schools", "repeat", closed.id)
    assert "under schools closed in Harlow" in bare.reason
    # Another thing with the same value, or the same thing with another, is news of its own.
    assert (other.status, more.status) == ("new_measure", "changed_figure")


def test_a_repeat_under_another_measure_is_its_own_measures_value_too(engine: Engine) -> None:
    # A chemical leak: wells counted, then the same wells said closed, twice.
    with Session(engine) as session, session.begin():
        _, [counted] = store(
            session, "https://a.example/1", APRIL_14, "Families in Arvel rely on 64 wells."
        )
        _, [closed] = store(
            session, "https://b.example/2", APRIL_14 + DAY, "Officials have closed 64 wells."
        )
        _, [again] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, "The 64 wells closed stay shut."
        )
    assert (closed.measure, closed.status, closed.repeat_of) == (
        "wells closed",
        "repeat",
        counted.id,
    )
    assert (again.measure, again.status, again.repeat_of) == ("wells closed", "repeat", closed.id)


def test_a_toll_is_news_even_when_a_count_of_people_had_the_same_value(engine: Engine) -> None:
    # A hotel collapse: a count of guests says nothing of what befell them.
    with Session(engine) as session, session.begin():
        _, [guests] = store(
            session, "https://a.example/1", APRIL_14, "The hotel had 23 guests and staff inside."
        )
        _, [toll] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "The number of people killed in the collapse has risen to 23.",
        )
        _, [staff] = store(
            session, "https://c.example/3", APRIL_14 + 2 * DAY, "The plant had 11 workers on shift."
        )
        _, [dead] = store(
            session, "https://d.example/4", APRIL_14 + 3 * DAY, "The blast killed 11 workers."
        )
    assert guests.measure == "people"
    assert (toll.measure, toll.status) == ("people killed", "new_measure")
    assert staff.measure == "workers"
    assert (dead.measure, dead.status) == ("workers killed", "new_measure")


def test_listed_figures_carry_the_json_contract_fields(engine: Engine) -> None:
    sentence = "North Korea has shipped about 3 million rounds of 152mm artillery shells."
    with Session(engine) as session, session.begin():
        article_id, [shells] = store(session, "https://www.scmp.com/news/3", APRIL_14, sentence)
        store(
            session,
            "https://a.example/2",
            APRIL_14 + DAY,
            "Russia faces a monthly shortfall of 50,000 rounds. It was sent 40 missiles.",
        )
    with Session(engine) as session:
        assert len(list_figures(session)) == 3
        assert [row.measure for row in list_figures(session, watch="arms")] == [
            "ammunition supplied",
            "ammunition per month (shortfall)",
            "missiles supplied",
        ]
        [row] = list_figures(session, watch="arms", measure="ammunition supplied")
        assert list_figures(session, watch="nobody") == []
    assert row.to_json() == {
        "id": shells.id,
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
        "measure": "ammunition supplied",
        "rate": None,
        "scope": None,
        "sentence": sentence,
        "status": "new_measure",
        "reason": "first figure of this measure",
        "repeat_of": None,
        "role": "current",
        "event": "sent",
        "place": None,
        "evidence": {
            "event": "shipped (verb before)",
            "head": "artillery shells",
            "role": "(reported as current)",
        },
    }


def test_pending_articles_come_in_publication_order_until_decided(engine: Engine) -> None:
    with Session(engine) as session, session.begin():
        ids = {}
        for name, published in (("b", APRIL_14 + DAY), ("a", APRIL_14), ("c", None)):
            ids[name] = add_article(
                session,
                document(f"https://{name}.example/x", "", published),
                watches=[],
                canonical_url=f"https://{name}.example/x",
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
        first_article, _ = store(
            session, "https://a.example/1", APRIL_14, "The navy has sent 7 ships."
        )
        _, [repeat] = store(
            session, "https://b.example/2", APRIL_14 + DAY, "The navy has sent 7 ships."
        )
        assert repeat.repeat_of is not None
    with Session(engine) as session, session.begin():
        session.execute(delete(Article).where(Article.id == first_article))
    with Session(engine) as session:
        kept = session.get(StoredFigure, repeat.id)
        assert kept is not None and kept.repeat_of is None
        assert measure_history(session, "ships supplied") == []


def test_a_larger_unplaced_count_after_a_placed_floor_is_not_said_again(engine: Engine) -> None:
    # Shelling in a border province: the town's floor, then the province's count.
    text = (
        "At least 23 civilians were killed in Harlow, officials said. The ministry said 31"
        " civilians had been killed across the province since Monday. The 23 deaths in Harlow"
        " are the most in a decade."
    )
    with Session(engine) as session, session.begin():
        _, rows = store(session, "https://a.example/1", APRIL_14, text)
    by_value = {row.value: row for row in rows}
    assert (by_value[31].measure, by_value[31].status) == ("civilians killed", "new_measure")


def test_a_count_that_names_no_event_joins_the_measure_whose_value_it_repeats(
    engine: Engine,
) -> None:
    # Containers at a port: on board first, delivered next; "the 1,200 containers" are the
    # delivered ones, not a change of those on board.
    with Session(engine) as session, session.begin():
        _, [aboard] = store(
            session, "https://a.example/1", APRIL_14, "The freighter had 300 containers on board."
        )
        _, [delivered] = store(
            session, "https://b.example/2", APRIL_14 + DAY, "The ship delivered 1,200 containers."
        )
        _, [bare] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "Dockers unloaded the 1,200 containers by Friday.",
        )
    assert (aboard.measure, delivered.measure) == ("containers on board", "containers supplied")
    assert (bare.measure, bare.status, bare.repeat_of) == (
        "containers supplied",
        "repeat",
        delivered.id,
    )


def test_a_count_named_by_other_things_repeats_the_latest_value_of_its_event(
    engine: Engine,
) -> None:
    # An outbreak at a hospital: outlets name the same infected staff in different words.
    with Session(engine) as session, session.begin():
        _, [nurses] = store(
            session,
            "https://a.example/1",
            APRIL_14,
            "The outbreak has infected 37 nurses at Calder General.",
        )
        _, [workers] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "The 37 health workers infected are isolating at home.",
        )
        _, [patients] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "Doctors said 52 patients had been infected.",
        )
        _, [cleaners] = store(
            session,
            "https://d.example/4",
            APRIL_14 + 3 * DAY,
            "At least 37 cleaners were infected, the union said.",
        )
    assert (nurses.status, workers.status) == ("new_measure", "repeat")
    assert workers.repeat_of == nurses.id and "under nurses infected" in workers.reason
    # Another value of the same event is a count of its own; so is a bound, which says too
    # little to be another count (two places' equal counts: the barns of Holmvik and Orsa).
    assert patients.status == "new_measure"
    assert (cleaners.measure, cleaners.status) == ("cleaners infected", "new_measure")


def test_a_count_the_text_presents_as_known_repeats_the_story_s_count_of_that_size(
    engine: Engine,
) -> None:
    # A dock strike: "the 40 pickets" presents a count the reader already has, whatever the
    # story first called them; a round 40 said plainly is another count.
    with Session(engine) as session, session.begin():
        _, [arrested] = store(
            session, "https://a.example/1", APRIL_14, "Police arrested 40 strikers at the gates."
        )
        _, [known] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "A court freed the 40 pickets on bail.",
        )
        _, [plain] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "Unions said 40 pickets were hurt.",
        )
        _, [unknown] = store(
            session,
            "https://d.example/4",
            APRIL_14 + 3 * DAY,
            "Those 65 lorries are stuck at the port.",
        )
    assert (arrested.measure, arrested.status) == ("workers arrested", "new_measure")
    assert (known.status, known.repeat_of) == ("repeat", arrested.id)
    assert "under workers arrested" in known.reason
    assert plain.status == "new_measure"
    # Presented as known but never reported: the story's first count of it.
    assert unknown.status == "new_measure"


def test_a_place_guessed_from_the_headline_joins_the_story_s_unplaced_count(
    engine: Engine,
) -> None:
    # A coach fire: the first report gives no place; a later one's headline names the town,
    # which the reading takes as the place of its unplaced count, a guess.
    headline = "Coach fire: Belcoria's hospitals fill up"
    with Session(engine) as session, session.begin():
        _, [first] = store(
            session, "https://a.example/1", APRIL_14, "Doctors said 25 people were injured."
        )
        _, [guessed] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            f"{headline}\nCrews in Belcoria worked all night. Doctors said 32 people were injured.",
            title=headline,
        )
        _, [said] = store(
            session,
            "https://c.example/3",
            APRIL_14 + 2 * DAY,
            "Doctors said 31 people were injured in Belcoria.",
        )
    assert (first.measure, first.status) == ("people injured", "new_measure")
    assert guessed.place == "Belcoria"
    assert (guessed.measure, guessed.status) == ("people injured", "changed_figure")
    # A place the sentence itself names is a count of its own.
    assert (said.measure, said.status) == ("people injured in Belcoria", "new_measure")


def test_people_in_critical_condition_are_no_count_of_people_where_they_are(
    engine: Engine,
) -> None:
    # A pier fire: the people there, then those in critical condition, are two counts;
    # firefighters counted bare are the ones the story has deployed.
    with Session(engine) as session, session.begin():
        _, [aboard] = store(
            session, "https://a.example/1", APRIL_14, "There were 40 people from Holm at the pier."
        )
        _, [critical] = store(
            session,
            "https://b.example/2",
            APRIL_14 + DAY,
            "Doctors said 6 people remain in critical condition.",
        )
        _, [deployed] = store(
            session, "https://c.example/3", APRIL_14 + DAY, "Holm deployed 120 firefighters."
        )
        _, [bare] = store(
            session, "https://d.example/4", APRIL_14 + 2 * DAY, "About 150 firefighters fought on."
        )
    assert aboard.measure == "people"
    assert (critical.measure, critical.status) == ("people in critical condition", "new_measure")
    assert (deployed.measure, bare.measure) == ("firefighters sent", "firefighters sent")
    assert bare.status == "changed_figure"
