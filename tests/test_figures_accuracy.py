"""parse_figures' accuracy on NewsQuant and on our golden files stays above pinned floors.

The floors live in tests/data/figures_baseline.json: the measured values rounded down to
three decimals, raised (never lowered) when extraction gets better. Scoring and NewsQuant's
exclusion rules are in tests/figures_eval.py; ``python -m tests.figures_eval --errors`` prints
every miss and extra. NewsQuant is read from ../shared/peer-suites beside the repository; its
test skips when that is absent.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from tests.figures_eval import (
    NEWSQUANT,
    GoldenScore,
    NewsQuantScore,
    load_newsquant,
    ours,
    score_golden,
    score_newsquant,
)

BASELINE = Path(__file__).parent / "data" / "figures_baseline.json"
METRICS = ("precision", "recall", "f1")


@cache
def baseline() -> dict[str, Any]:
    pinned: dict[str, Any] = json.loads(BASELINE.read_text(encoding="utf-8"))
    return pinned


def shortfalls(result: NewsQuantScore | GoldenScore, floors: dict[str, float]) -> list[str]:
    """One line per metric below its floor."""
    return [
        f"{metric} {getattr(result, metric):.4f} < floor {floors[metric]}"
        for metric in METRICS
        if getattr(result, metric) < floors[metric]
    ]


def test_newsquant_accuracy_stays_above_the_baseline() -> None:
    sentences = load_newsquant()
    if sentences is None:
        pytest.skip(f"NewsQuant is not at {NEWSQUANT}")
    pinned = baseline()["newsquant"]
    result = score_newsquant(ours, sentences)
    measured = result.summary()
    # The exclusion rules decide the denominator; a change to them must show up here, not
    # quietly as a better score.
    counts = {key: measured[key] for key in ("gold_annotated", "gold_total", "gold_excluded")}
    assert counts == {key: pinned[key] for key in counts}, (
        f"NewsQuant gold counts moved: measured {counts}, excluded by rule "
        f"{measured['excluded_by_rule']}; {BASELINE.name} records {pinned['excluded_by_rule']}"
    )
    assert measured["excluded_by_rule"] == pinned["excluded_by_rule"]
    failures = shortfalls(result, pinned["floors"])
    assert not failures, (
        f"NewsQuant accuracy below {BASELINE.name}: "
        + "; ".join(failures)
        + f"\nmeasured: {json.dumps(measured)}"
        + "\nsee: python -m tests.figures_eval --errors"
    )


def test_golden_files_accuracy_stays_above_the_baseline() -> None:
    result = score_golden()
    failures = shortfalls(result, baseline()["golden"]["floors"])
    assert not failures, (
        f"golden-file accuracy below {BASELINE.name}: "
        + "; ".join(failures)
        + f"\nmeasured: {json.dumps(result.summary())}"
    )


@pytest.mark.parametrize("suite", ["newsquant", "golden"])
def test_the_floors_are_the_measured_values_rounded_down(suite: str) -> None:
    # Keeps the baseline honest: a floor above what was measured would be a wish, and one more
    # than 0.001 below it would let a regression through.
    pinned = baseline()[suite]
    for metric in METRICS:
        measured = pinned["measured_values"][metric]
        assert pinned["floors"][metric] == math.floor(round(measured * 1000, 6)) / 1000, metric
