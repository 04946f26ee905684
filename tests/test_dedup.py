"""The dedup stage on both databases: URL, text and near copies, what is not a copy, the
stored parameters, reindexing, and two writers racing to store copies of one story."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from monitor.dedup import DEDUP_PARAMS, Decision, add_document
from monitor.dedup.explain import explain_url
from monitor.dedup.features import features_of
from monitor.dedup.index import DedupIndexError, require_params
from monitor.dedup.reindex import reindex
from monitor.model import Document
from monitor.store.db import make_engine, write_engine
from monitor.store.tables import Article, DedupBand, DedupIndex, DedupSentence
from tests.dedup_texts import INDEPENDENT, TEXT, rewrite, syndicated, updated


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


def document(url: str, text: str = TEXT, **extra: object) -> Document:
    values: dict[str, object] = dict(
        url=url,
        title="Rail cars leave Rajin",
        text=text,
        author=None,
        site=url.split("/")[2],
        language="en",
        published_at=datetime(2024, 4, 14, tzinfo=UTC),
        origin="page",
    )
    values.update(extra)
    return Document(**values)  # type: ignore[arg-type]


def add(engine: Engine, doc: Document, **options: object) -> Decision:
    with Session(write_engine(engine)) as session, session.begin():
        return add_document(session, doc, **options)  # type: ignore[arg-type]


def test_an_article_and_its_copies_each_get_the_right_kind(engine: Engine) -> None:
    original = add(engine, document("https://harbour.example/news/rajin-rail"))
    assert original == Decision(original.article_id, None, None, None)

    tracking = add(
        engine,
        document("https://www.harbour.example/news/rajin-rail/?utm_source=feed&fbclid=x"),
    )
    assert (tracking.duplicate_of, tracking.kind, tracking.score) == (
        original.article_id,
        "url",
        1.0,
    )

    shouted = add(engine, document("https://mirror.example/a/1", TEXT.upper()))
    assert (shouted.duplicate_of, shouted.kind) == (original.article_id, "text")

    copy = add(engine, document("https://wire.example/s/77", syndicated()))
    assert (copy.duplicate_of, copy.kind) == (original.article_id, "near")
    assert copy.score is not None and 0.5 <= copy.score < 1

    # Published after the original (at the same minute, the canonical URL would decide which
    # is the original, and "digest.example" comes first).
    later = datetime(2024, 4, 14, 6, tzinfo=UTC)
    reworded = add(
        engine, document("https://digest.example/2024/rail", rewrite(), published_at=later)
    )
    assert (reworded.duplicate_of, reworded.kind) == (original.article_id, "near")

    again = add(engine, document("https://harbour.example/news/rajin-rail"))
    assert (again.stored, again.article_id, again.kind) == (False, original.article_id, "url")


def test_an_independent_report_and_an_updated_figure_are_not_copies(engine: Engine) -> None:
    add(engine, document("https://harbour.example/news/rajin-rail"))
    independent = add(engine, document("https://other.example/ministry-silent", INDEPENDENT))
    assert independent.duplicate_of is None
    # The same text with "5 million" where the original said "3 million" is the news itself.
    update_ = add(engine, document("https://harbour.example/news/rajin-rail-update", updated()))
    assert update_.duplicate_of is None


def test_a_copy_of_a_copy_points_at_the_original(engine: Engine) -> None:
    original = add(engine, document("https://harbour.example/news/rajin-rail"))
    first = add(engine, document("https://mirror.example/a/1", TEXT.upper()))
    second = add(engine, document("https://mirror.example/a/1?utm_medium=social", TEXT))
    assert first.duplicate_of == second.duplicate_of == original.article_id


def test_the_earliest_published_version_is_the_original_whatever_came_first(
    engine: Engine,
) -> None:
    # The reprint (one paragraph dropped, credit lines added) is fetched first; the original,
    # published two hours earlier and with a figure the reprint lacks, arrives after it.
    early, late = datetime(2024, 4, 14, 6, tzinfo=UTC), datetime(2024, 4, 14, 8, tzinfo=UTC)
    reprint = add(engine, document("https://wire.example/s/77", syndicated(), published_at=late))
    assert reprint.duplicate_of is None
    original = add(engine, document("https://harbour.example/news/rajin-rail", published_at=early))
    assert original.duplicate_of is None
    assert original.reparented == reprint.article_id
    with Session(engine) as session:
        held = session.get(Article, reprint.article_id)
        assert held is not None and held.duplicate_of == original.article_id
    # A later copy now points at the original.
    later = add(engine, document("https://mirror.example/a/1", TEXT.upper(), published_at=late))
    assert later.duplicate_of == original.article_id


def test_the_page_canonical_and_aliases_are_url_keys(engine: Engine) -> None:
    held = add(
        engine,
        document(
            "https://harbour.example/news/rajin-rail?output=print",
            canonical_url="/news/rajin-rail",
        ),
        aliases=["https://news.google.com/rss/articles/CBMiTOKEN123?oc=5"],
    )
    by_canonical = add(engine, document("https://m.harbour.example/news/rajin-rail", "Other text."))
    by_token = add(
        engine,
        document("https://news.google.com/articles/CBMiTOKEN123?hl=en-US", "Other text again."),
    )
    assert by_canonical.duplicate_of == by_token.duplicate_of == held.article_id
    assert by_canonical.kind == by_token.kind == "url"


def test_a_home_page_or_off_site_canonical_is_ignored(engine: Engine) -> None:
    first = add(engine, document("https://harbour.example/news/1", canonical_url="/"))
    second = add(
        engine,
        document("https://harbour.example/news/2", INDEPENDENT, canonical_url="/"),
    )
    third = add(
        engine,
        document(
            "https://harbour.example/news/3",
            updated(),
            canonical_url="https://elsewhere.example/news/1",
        ),
    )
    assert [first.duplicate_of, second.duplicate_of, third.duplicate_of] == [None, None, None]


def test_explain_names_the_decision_the_match_and_the_copies(engine: Engine) -> None:
    original = add(engine, document("https://harbour.example/news/rajin-rail"))
    copy = add(engine, document("https://wire.example/s/77", syndicated()))
    with Session(engine) as session:
        of_copy = explain_url(session, "https://wire.example/s/77?utm_campaign=x")
        of_original = explain_url(session, "https://harbour.example/news/rajin-rail")
        unknown = explain_url(session, "https://harbour.example/news/other")
    assert (of_copy.found_by, of_copy.article_id, of_copy.decision) == (
        "canonical",
        copy.article_id,
        "duplicate",
    )
    assert of_copy.matched_url == "https://harbour.example/news/rajin-rail"
    assert of_copy.jaccard is not None and of_copy.jaccard == pytest.approx(copy.score, abs=1e-3)
    assert of_original.decision == "original"
    assert [c.id for c in of_original.copies] == [copy.article_id]
    assert unknown.article_id is None and unknown.found_by is None
    assert original.article_id != copy.article_id


def test_only_originals_are_indexed(engine: Engine) -> None:
    original = add(engine, document("https://harbour.example/news/rajin-rail"))
    add(engine, document("https://wire.example/s/77", syndicated()))
    with Session(engine) as session:
        band_owners = set(session.scalars(select(DedupBand.article_id)))
        sentence_owners = set(session.scalars(select(DedupSentence.article_id)))
        bands = session.scalar(select(func.count()).select_from(DedupBand))
    assert band_owners == sentence_owners == {original.article_id}
    assert bands == DEDUP_PARAMS.bands


def test_boilerplate_sentences_stop_getting_rows(engine: Engine) -> None:
    params = dataclasses.replace(DEDUP_PARAMS, common_sentence_articles=3)
    footer = "Sign up for our daily briefing to get stories like this one in your inbox."
    texts = [TEXT, INDEPENDENT, updated().replace("11,000", "9,000"), "Nothing alike at all. " * 3]
    for n, text in enumerate(texts):
        add(
            engine, document(f"https://harbour.example/n/{n}", f"{text}\n\n{footer}"), params=params
        )
    with Session(engine) as session:
        (footer_hash,) = features_of(footer, params).sentence_hashes
        holders = session.scalar(
            select(func.count()).where(DedupSentence.sentence_hash == footer_hash)
        )
    assert holders == 3


def test_other_parameters_are_refused_until_reindexed(engine: Engine) -> None:
    original = add(engine, document("https://harbour.example/news/rajin-rail"))
    changed = dataclasses.replace(DEDUP_PARAMS, shingle_words=4)
    with pytest.raises(DedupIndexError, match=r"shingle_words 5 .*monitor dedup reindex"):
        add(engine, document("https://wire.example/s/77", syndicated()), params=changed)

    result = reindex(engine, changed)
    assert (result.articles, result.originals) == (1, 1)
    copy = add(engine, document("https://wire.example/s/77", syndicated()), params=changed)
    assert copy.duplicate_of == original.article_id
    with Session(engine) as session:
        assert session.get(DedupIndex, 1).params["shingle_words"] == 4  # type: ignore[union-attr]


def test_articles_stored_before_the_index_need_a_reindex(engine: Engine) -> None:
    original = add(engine, document("https://harbour.example/news/rajin-rail"))
    copy = add(engine, document("https://wire.example/s/77", syndicated()))
    with Session(engine) as session, session.begin():
        # As after upgrading from revision 0002: articles, and no index at all.
        for table in (DedupBand, DedupSentence, DedupIndex):
            session.execute(table.__table__.delete())  # type: ignore[attr-defined]
        session.execute(update(Article).values(text_hash=None))
    with Session(engine) as session, pytest.raises(DedupIndexError, match="reindex"):
        require_params(session, DEDUP_PARAMS)

    assert reindex(engine).originals == 1  # the copy keeps its decision and gets no rows
    later = datetime(2024, 4, 14, 6, tzinfo=UTC)  # at the same minute, the URL would decide
    rewritten = add(
        engine, document("https://digest.example/2024/rail", rewrite(), published_at=later)
    )
    exact = add(engine, document("https://mirror.example/x", TEXT.upper()))
    assert rewritten.duplicate_of == exact.duplicate_of == original.article_id
    with Session(engine) as session:
        assert session.get(Article, copy.article_id).duplicate_of == original.article_id  # type: ignore[union-attr]


@pytest.mark.parametrize("attempt", range(3))
def test_racing_writers_never_make_two_originals(engine: Engine, attempt: int) -> None:
    add(engine, document("https://unrelated.example/x", INDEPENDENT))  # the index exists
    barrier = threading.Barrier(2)
    decisions: list[Decision] = []
    errors: list[BaseException] = []

    def store(doc: Document) -> None:
        try:
            with Session(write_engine(engine)) as session, session.begin():
                barrier.wait(timeout=10)
                decisions.append(add_document(session, doc))
        except BaseException as error:  # reported below, in the test's thread
            errors.append(error)

    threads = [
        threading.Thread(target=store, args=(document(url, text),))
        for url, text in (
            ("https://harbour.example/news/rajin-rail", TEXT),
            ("https://wire.example/s/77", syndicated()),
        )
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    # Whichever got the lock first, the stored state has one original: a text stored first
    # and published (here: at the same minute, listed by URL) after the other is re-parented.
    with Session(engine) as session:
        stored = {
            d.article_id: session.get(Article, d.article_id).duplicate_of  # type: ignore[union-attr]
            for d in decisions
        }
    originals = [article_id for article_id, of in stored.items() if of is None]
    copies = [of for of in stored.values() if of is not None]
    assert len(originals) == 1 and copies == originals
