"""What the dedup stage reads from a text, pinned: a change to any of these values changes
the rows of a built index, so it must come with a TEXT_NORMALIZER_VERSION bump (and a
`monitor dedup reindex` for users). Also the rules that keep the indexes bounded and the
URL keys honest, on both databases."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from monitor.dedup import DEDUP_PARAMS, add_document, held_url
from monitor.dedup.decide import band_keys
from monitor.dedup.features import features_of
from monitor.dedup.params import TEXT_NORMALIZER_VERSION
from monitor.model import Document
from monitor.store.db import make_engine, write_engine
from monitor.store.tables import DedupBand
from tests.dedup_texts import INDEPENDENT, TEXT


def test_the_features_of_a_text_are_pinned() -> None:
    features = features_of(TEXT, DEDUP_PARAMS)
    assert TEXT_NORMALIZER_VERSION == 1
    assert features.text_hash == "b0b1a78c84c4668f6cb201b358e1e24c2ca69176f6453ede080c6dab68d9aa07"
    assert features.shingles.size == 198
    assert [int(h) for h in features.shingles[:3]] == [10599294, 12181343, 42579146]
    assert features.sentence_hashes[:2] == (-409934243, 1960700864)
    assert band_keys(features, DEDUP_PARAMS)[:3] == [
        7487416709124793482,
        -471659518450923595,
        6072237654928988750,
    ]


def test_case_quotes_and_wrapping_do_not_change_the_text_hash() -> None:
    plain = features_of("He said: 'We counted 11,000 containers.' Then he left.", DEDUP_PARAMS)
    styled = features_of(
        "HE SAID:\n\u201cWe counted 11,000\ncontainers.\u201d  Then he left.", DEDUP_PARAMS
    )
    assert plain.text_hash == styled.text_hash


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        ("They moved 1900 containers.", {"1900"}),
        ("About 5 million rounds left on April 3, 2024.", {"5"}),
        ("It began in 1990 and by 2024 had 11,000 staff.", {"11", "000"}),
        ("This article first appeared on Harbour Watch on 15 April.", set()),
        ("Updated 14:32 GMT.", set()),
        ("\u00a9 2024 Harbour Watch. All rights reserved.", set()),
        ("Published 2024-04-14 with 3 ships.", {"3"}),
        ("Read more: Drought wipes out 926 farms", set()),  # a headline, not a sentence
        ("9 min read", set()),
    ],
)
def test_the_figures_a_sentence_reports(sentence: str, figures: set[str]) -> None:
    assert features_of(sentence, DEDUP_PARAMS).reported_numbers == figures


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def add(engine: Engine, url: str, text: str, **options: object):
    document = Document(
        url=url,
        title="t",
        text=text,
        author=None,
        site=None,
        language="en",
        published_at=datetime(2024, 4, 14, tzinfo=UTC),
        origin="page",
        canonical_url=options.pop("canonical_url", None),  # type: ignore[arg-type]
    )
    with Session(write_engine(engine)) as session, session.begin():
        return add_document(session, document, **options)  # type: ignore[arg-type]


def daily_report(day: int) -> str:
    """A templated report: same skeleton every day, other figures (each day is news)."""
    return (
        f"The harbour authority said {day * 7 + 3} ships docked on day {day}, carrying "
        f"{day * 1000 + 11} tonnes of grain and {day * 13 + 5} containers of machinery, "
        "and that the outer berths would stay closed for dredging until further notice. "
        "Pilots reported calm seas and good visibility throughout the morning shift, and "
        "the authority repeated its advice to small craft to keep clear of the channel."
    )


def test_a_band_shared_by_a_daily_series_stops_getting_rows(engine: Engine) -> None:
    params = dataclasses.replace(DEDUP_PARAMS, common_band_articles=3)
    decisions = [
        add(engine, f"https://port.example/d/{day}", daily_report(day), params=params)
        for day in range(1, 9)
    ]
    assert all(d.duplicate_of is None for d in decisions)  # new figures every day
    with Session(engine) as session:
        busiest = session.scalar(
            select(func.count())
            .select_from(DedupBand)
            .group_by(DedupBand.band_key)
            .order_by(func.count().desc())
            .limit(1)
        )
    assert busiest == 3


def test_short_identical_texts_are_not_copies(engine: Engine) -> None:
    first = add(engine, "https://a.example/1", "Subscribe to read the full story.")
    second = add(engine, "https://a.example/2", "Subscribe to read the full story.")
    assert first.duplicate_of is None and second.duplicate_of is None


@pytest.mark.parametrize(
    ("url", "declared"),
    [
        ("https://blog.example/?p=101", "https://blog.example/"),
        ("https://news.example/article.php?id=5", "/article.php"),
    ],
)
def test_a_canonical_link_that_names_less_than_the_page_is_ignored(
    engine: Engine, url: str, declared: str
) -> None:
    add(engine, url, TEXT, canonical_url=declared)
    other = url.replace("101", "202").replace("id=5", "id=6")
    decision = add(engine, other, INDEPENDENT, canonical_url=declared)
    assert decision.duplicate_of is None


def test_a_feed_link_to_a_held_page_becomes_its_key(engine: Engine) -> None:
    held = add(engine, "https://harbour.example/news/rajin-rail", TEXT)
    token_link = "https://news.google.com/rss/articles/CBMiAbCdEf?oc=5"
    again = add(engine, "https://harbour.example/news/rajin-rail", TEXT, aliases=[token_link])
    assert (again.stored, again.article_id) == (False, held.article_id)
    with Session(engine) as session:
        found = held_url(session, "https://news.google.com/articles/CBMiAbCdEf")
    assert found is not None and found.article_id == held.article_id


def test_a_reprint_with_a_dated_credit_line_is_a_copy(engine: Engine) -> None:
    original = add(engine, "https://harbour.example/news/rajin-rail", TEXT)
    reprint = "\n\n".join(
        [TEXT, "This article first appeared on Harbour Watch on 15 April. Updated 14:32 GMT."]
    )
    copy = add(engine, "https://wire.example/s/1", reprint)
    assert (copy.duplicate_of, copy.kind) == (original.article_id, "near")
