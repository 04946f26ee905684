"""The generated dedup corpus is what it claims to be, and ``score`` counts as documented."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from tests.dedup_corpus import (
    COPY_ROLES,
    ROLES,
    TEMPLATED_SITES,
    CorpusDoc,
    build_corpus,
    role_counts,
    score,
)

_WORD = re.compile(r"[^\W_]+")
_NUMBER = re.compile(r"\d+")
_NAME = re.compile(r"(?<![.!?\"]\s)(?<!^)\b[A-Z][a-z]{3,}\b", re.MULTILINE)


@pytest.fixture(scope="module")
def corpus() -> list[CorpusDoc]:
    return build_corpus()


def grams(text: str, size: int = 5) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def jaccard(a: str, b: str) -> float:
    x, y = grams(a), grams(b)
    return len(x & y) / len(x | y)


def containment(part: str, whole: str) -> float:
    """The share of ``part``'s 5-grams that ``whole`` has too."""
    x = grams(part)
    return len(x & grams(whole)) / len(x)


def numbers(text: str) -> set[str]:
    return set(_NUMBER.findall(text))


def names(text: str) -> set[str]:
    """Capitalised words that do not start a sentence: names of people, places, bodies."""
    return set(_NAME.findall(text))


def normalized(text: str) -> str:
    return " ".join(text.lower().split())


def story_original(corpus: list[CorpusDoc], doc: CorpusDoc) -> CorpusDoc:
    (original,) = [d for d in corpus if d.group == doc.group and d.role == "original"]
    return original


def of_role(corpus: list[CorpusDoc], role: str) -> list[CorpusDoc]:
    return [doc for doc in corpus if doc.role == role]


# --- determinism and shape -----------------------------------------------------------------


def test_a_seed_gives_the_same_corpus_every_time(corpus: list[CorpusDoc]) -> None:
    assert build_corpus(seed=4, stories=60) == corpus


def test_another_seed_gives_another_corpus(corpus: list[CorpusDoc]) -> None:
    other = build_corpus(seed=5)
    assert other != corpus
    assert not {doc.text for doc in other} & {doc.text for doc in corpus}


def test_role_counts_are_in_the_intended_ranges(corpus: list[CorpusDoc]) -> None:
    counts = Counter(doc.role for doc in corpus)
    assert set(counts) == set(ROLES)
    assert counts == role_counts(60)
    assert counts["original"] == 60
    assert 40 <= counts["syndicated"] <= 50
    assert 30 <= counts["truncated"] <= 40
    assert 30 <= counts["rewrite"] <= 40
    assert counts["update"] == 6
    assert 35 <= counts["independent"] <= 45
    assert 35 <= counts["unrelated"] <= 45
    assert 240 <= len(corpus) <= 280


def test_a_small_corpus_has_every_role() -> None:
    small = build_corpus(seed=11, stories=12)
    assert Counter(doc.role for doc in small) == role_counts(12)


def test_indexes_urls_and_times(corpus: list[CorpusDoc]) -> None:
    assert [doc.index for doc in corpus] == list(range(len(corpus)))
    assert len({doc.url for doc in corpus}) == len(corpus)
    assert all(doc.url.startswith("https://") for doc in corpus)
    assert any("utm_source=" in doc.url for doc in corpus)
    times = [doc.published_at for doc in corpus]
    assert all(t.tzinfo == UTC for t in times)
    assert times == sorted(times)


def test_copies_arrive_after_their_original(corpus: list[CorpusDoc]) -> None:
    for doc in corpus:
        if doc.role in COPY_ROLES:
            assert doc.original_index is not None
            assert doc.original_index < doc.index
            original = corpus[doc.original_index]
            assert (original.role, original.group) == ("original", doc.group)
            assert original.site != doc.site
        else:
            assert doc.original_index is None
        if doc.role in ("update", "independent"):
            assert story_original(corpus, doc).index < doc.index


def test_stories_interleave(corpus: list[CorpusDoc]) -> None:
    """Most copies arrive after some other story's original, not right after their own."""
    starts = sorted(doc.index for doc in corpus if doc.role == "original")
    later = [
        doc
        for doc in corpus
        if doc.original_index is not None
        and any(doc.original_index < start < doc.index for start in starts)
    ]
    assert len(later) > 0.7 * sum(doc.role in COPY_ROLES for doc in corpus)


def test_originals_have_six_to_fourteen_paragraphs_of_forty_to_ninety_words(
    corpus: list[CorpusDoc],
) -> None:
    for doc in of_role(corpus, "original"):
        paragraphs = doc.text.split("\n\n")
        assert 6 <= len(paragraphs) <= 14
        assert all(40 <= len(p.split()) <= 90 for p in paragraphs), doc.index


def test_originals_report_numbers_in_many_forms(corpus: list[CorpusDoc]) -> None:
    text = "\n".join(doc.text for doc in of_role(corpus, "original"))
    for form in (r"\d million \w", r"\d{1,2},\d{3} \w", r"\d billion", r"\d per ?cent"):
        assert re.search(form, text), form
    for qualifier in ("about", "nearly", "more than", "at least"):
        assert re.search(rf"{qualifier} \$?\d", text), qualifier


# --- each role -------------------------------------------------------------------------------


def test_syndicated_copies_overlap_heavily(corpus: list[CorpusDoc]) -> None:
    retitled = 0
    for doc in of_role(corpus, "syndicated"):
        original = corpus[doc.original_index or 0]
        assert containment(doc.text, original.text) > 0.6
        assert containment(original.text, doc.text) > 0.6
        assert doc.title.lower() == original.title.lower()
        retitled += doc.title != original.title
    assert retitled >= 0.9 * len(of_role(corpus, "syndicated"))


def test_some_syndicated_copies_differ_only_in_white_space_and_case(
    corpus: list[CorpusDoc],
) -> None:
    verbatim = [
        doc
        for doc in of_role(corpus, "syndicated")
        if normalized(doc.text) == normalized(corpus[doc.original_index or 0].text)
    ]
    assert len(verbatim) >= 3
    assert any(doc.text != corpus[doc.original_index or 0].text for doc in verbatim)


def test_truncated_copies_are_paragraph_prefixes(corpus: list[CorpusDoc]) -> None:
    for doc in of_role(corpus, "truncated"):
        mine = doc.text.split("\n\n")
        theirs = corpus[doc.original_index or 0].text.split("\n\n")
        kept = next(
            i for i, pair in enumerate(itertools.zip_longest(mine, theirs)) if pair[0] != pair[1]
        )
        assert kept >= 3
        assert 0.35 <= kept / len(theirs) <= 0.7
        rest = mine[kept:]
        assert len(rest) <= 1 and all(len(line.split()) < 15 for line in rest)


def test_rewrites_keep_the_numbers_and_change_words(corpus: list[CorpusDoc]) -> None:
    for doc in of_role(corpus, "rewrite"):
        original = corpus[doc.original_index or 0]
        assert numbers(doc.text) == numbers(original.text)
        assert doc.title.lower() != original.title.lower()
        assert 0.5 < jaccard(doc.text, original.text) < 0.95
        assert len(doc.text.split("\n\n")) == len(original.text.split("\n\n"))


def test_updates_change_one_figure(corpus: list[CorpusDoc]) -> None:
    for doc in of_role(corpus, "update"):
        original = story_original(corpus, doc)
        assert numbers(doc.text) - numbers(original.text), doc.index  # a new number
        assert numbers(original.text) - numbers(doc.text), doc.index  # in place of an old one
        assert jaccard(doc.text, original.text) > 0.5


def test_independent_articles_share_entities_but_not_wording(corpus: list[CorpusDoc]) -> None:
    for doc in of_role(corpus, "independent"):
        original = story_original(corpus, doc)
        assert jaccard(doc.text, original.text) < 0.15
        assert len(names(doc.text) & names(original.text)) >= 3
        assert len(numbers(doc.text) & numbers(original.text)) >= 2
        assert doc.site != original.site


def test_stories_do_not_share_wording(corpus: list[CorpusDoc]) -> None:
    articles = [
        doc
        for doc in corpus
        if doc.role in ("original", "unrelated") and doc.site not in TEMPLATED_SITES
    ]
    sets = [grams(doc.text) for doc in articles]
    for (a, x), (b, y) in itertools.combinations(zip(articles, sets, strict=True), 2):
        assert len(x & y) / len(x | y) < 0.15, (a.index, b.index)


def test_templated_reports_share_a_skeleton_but_not_their_figures(
    corpus: list[CorpusDoc],
) -> None:
    for site in TEMPLATED_SITES:
        reports = [doc for doc in corpus if doc.site == site]
        assert len(reports) == 3
        assert {doc.role for doc in reports} == {"unrelated"}
        assert len({doc.group for doc in reports}) == 3
        assert len({doc.published_at.date() for doc in reports}) == 3
        for a, b in itertools.combinations(reports, 2):
            assert jaccard(a.text, b.text) > 0.1
            assert numbers(a.text) != numbers(b.text)


# --- score() ---------------------------------------------------------------------------------


def doc(index: int, role: str, group: int, original: int | None = None) -> CorpusDoc:
    return CorpusDoc(
        index=index,
        url=f"https://news.example.org/{index}",
        site="Example",
        title=f"Story {index}",
        text="Text.",
        published_at=datetime(2024, 3, 4, tzinfo=UTC) + timedelta(hours=index),
        group=group,
        role=role,
        original_index=original,
    )


SMALL = [
    doc(0, "original", 0),
    doc(1, "syndicated", 0, 0),
    doc(2, "rewrite", 0, 0),
    doc(3, "independent", 0),
    doc(4, "unrelated", 1),
    doc(5, "original", 2),
    doc(6, "truncated", 2, 5),
    doc(7, "update", 2),
]
PERFECT: dict[int, int | None] = {0: None, 1: 0, 2: 1, 3: None, 4: None, 5: None, 6: 5, 7: None}


def test_a_perfect_run_scores_one() -> None:
    result = score(SMALL, PERFECT)  # 2 -> 1: linked to a copy of its own story, which is right
    assert (result.precision, result.recall) == (1.0, 1.0)
    assert (result.true_positives, result.false_positives, result.false_negatives) == (3, 0, 0)
    assert result.recall_by_role == {"syndicated": 1.0, "truncated": 1.0, "rewrite": 1.0}
    assert result.false_merges_by_role == dict.fromkeys(ROLES, 0)


def test_a_false_merge_costs_precision() -> None:
    result = score(SMALL, {**PERFECT, 3: 0})
    assert result.precision == 0.75 and result.recall == 1.0
    assert result.false_positives == 1
    assert result.false_merges_by_role["independent"] == 1


def test_an_update_taken_for_a_copy_is_a_false_merge() -> None:
    result = score(SMALL, {**PERFECT, 7: 5})
    assert result.false_merges_by_role["update"] == 1 and result.precision == 0.75


def test_a_missed_copy_costs_recall() -> None:
    result = score(SMALL, {**PERFECT, 6: None})
    assert result.precision == 1.0
    assert result.recall == pytest.approx(2 / 3)
    assert result.false_negatives == 1
    assert result.recall_by_role["truncated"] == 0.0


def test_a_copy_linked_to_another_story_is_a_false_merge() -> None:
    result = score(SMALL, {**PERFECT, 6: 0})
    assert (result.true_positives, result.false_positives, result.false_negatives) == (2, 1, 0)
    assert result.precision == pytest.approx(2 / 3)
    assert result.recall == pytest.approx(2 / 3)
    assert result.false_merges_by_role["truncated"] == 1


def test_a_copy_linked_to_an_independent_article_is_a_false_merge() -> None:
    result = score(SMALL, {**PERFECT, 2: 3})
    assert result.false_merges_by_role["rewrite"] == 1
    assert result.recall_by_role["rewrite"] == 0.0


def test_nothing_judged_a_duplicate() -> None:
    result = score(SMALL, {})
    assert result.precision == 1.0 and result.recall == 0.0
    assert result.false_negatives == 3
