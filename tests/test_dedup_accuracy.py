"""The dedup stage's accuracy on the generated corpus (tests/dedup_corpus.py) stays above floors.

The floors live in tests/data/dedup_baseline.json, with the seed and size of the corpus they
were measured on. Raise them when the dedup stage gets better; a change that drops below one
must say why. ``python -m tests.dedup_corpus`` prints the same score and misjudged documents.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.dedup import add_document
from monitor.store.db import write_engine
from tests.dedup_corpus import (
    CorpusDoc,
    Score,
    build_corpus,
    describe,
    feed,
    found_map,
    misjudged,
    score,
    to_document,
)

BASELINE = Path(__file__).parent / "data" / "dedup_baseline.json"


@cache
def baseline() -> dict[str, Any]:
    floors: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return floors


@cache
def corpus() -> tuple[CorpusDoc, ...]:
    floors = baseline()
    return tuple(build_corpus(seed=floors["seed"], stories=floors["stories"]))


def shortfalls(result: Score, floors: dict[str, Any]) -> list[str]:
    """Return one line per floor the result is below (or false-merge count it is above)."""
    found = []
    if result.precision < floors["precision"]:
        found.append(f"precision {result.precision:.4f} < {floors['precision']}")
    if result.recall < floors["recall"]:
        found.append(f"recall {result.recall:.4f} < {floors['recall']}")
    for role, floor in floors["recall_by_role"].items():
        if result.recall_by_role[role] < floor:
            found.append(f"recall of {role} {result.recall_by_role[role]:.4f} < {floor}")
    for role, most in floors["false_merges"].items():
        if result.false_merges_by_role[role] > most:
            found.append(f"false merges of {role} {result.false_merges_by_role[role]} > {most}")
    return found


def test_dedup_accuracy_stays_above_the_baseline(engine: Engine) -> None:
    docs = list(corpus())
    decisions = feed(engine, docs, add_document)
    found = found_map(docs, decisions)
    result = score(docs, found)
    failures = shortfalls(result, baseline())
    wrong = misjudged(docs, found, decisions)
    assert not failures, "\n".join(
        [
            f"dedup accuracy below {BASELINE.name}: " + "; ".join(failures),
            describe(result),
            repr(result),
            f"{len(wrong)} misjudged documents:",
            *wrong,
        ]
    )


def normalized(text: str) -> str:
    return " ".join(text.lower().split())


def test_a_verbatim_copy_is_a_text_duplicate_and_a_rewrite_a_near_one(engine: Engine) -> None:
    docs = corpus()
    copy = next(
        doc
        for doc in docs
        if doc.role == "syndicated"
        and normalized(doc.text) == normalized(docs[doc.original_index or 0].text)
    )
    rewrite = next(
        doc for doc in docs if doc.role == "rewrite" and doc.original_index != copy.original_index
    )
    order = [
        docs[copy.original_index or 0],
        copy,
        docs[rewrite.original_index or 0],
        rewrite,
    ]
    decisions = []
    for doc in order:
        with Session(write_engine(engine)) as session, session.begin():
            decisions.append(add_document(session, to_document(doc)))
    first, text_copy, second, near_copy = decisions
    assert (first.duplicate_of, second.duplicate_of) == (None, None)
    assert (text_copy.duplicate_of, text_copy.kind) == (first.article_id, "text")
    assert (near_copy.duplicate_of, near_copy.kind) == (second.article_id, "near")
    assert near_copy.score is not None and 0.0 < near_copy.score < 1.0
