"""parse_figures against quantulum3 on NewsQuant's 590 news sentences: throughput and value-F1.

One command:

    .venv/bin/python benchmarks/figures.py [--repeat N] [--json]

Both extractors run in this process, on the same sentences, one call per sentence. After one
untimed warm-up pass of each (quantulum3 loads its unit tables on first use, about 2 s), every
repetition times a full pass of each, alternating which goes first so that neither always runs
on a warmer or a cooler machine. It reports the median sentences/s of each, the ratio (ours /
quantulum3) of every repetition and its median, and, untimed, the value-level P/R/F1 of both
on the same filtered gold with the same scorer (tests/figures_eval.py).

quantulum3 is a benchmark-only dependency (the ``bench`` extra). It runs without its optional
scikit-learn classifier, which only chooses between units with the same surface form ("pound"
of weight or of money); the import's warning about it is silenced. NewsQuant is read from
../shared/peer-suites beside the repository at run time and never copied in; without it the
script exits with status 2. benchmarks/README.md says what the figures mean.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.figures.extract import parse_figures
from monitor.figures.meaning import read_meanings
from tests.figures_eval import (
    NEWSQUANT,
    Predicted,
    from_figure,
    load_newsquant,
    ours,
    score_newsquant,
)

DEFAULT_REPEAT = 5


def quantulum_parse() -> Callable[[str], list[Any]]:
    """quantulum3's ``parser.parse``, imported with its missing-classifier warning silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser  # type: ignore[import-untyped]  # no type information
    parse: Callable[[str], list[Any]] = parser.parse
    return parse


def from_quantity(quantity: Any) -> Predicted:
    """A quantulum3 Quantity as the scorer sees it.

    A range comes back as its midpoint with ``uncertainty`` the half-width ("between 10 and 12"
    is 11 +/- 1); percentages have unit "percentage"; money has a currency entity and an ISO
    code; everything else, counts included ("dimensionless"), is a count here. The value is
    taken as quantulum3 reports it.
    """
    value = float(quantity.value)
    spread = quantity.uncertainty
    low, high = (value - spread, value + spread) if spread else (value, value)
    unit = quantity.unit
    if unit.name == "percentage":
        kind = "percent"
    elif unit.entity.name == "currency":
        kind = unit.currency_code or "XXX"
    else:
        kind = "count"
    return Predicted(
        value=value,
        low=low,
        high=high,
        qualifier="range" if spread else "exact",
        unit=kind,
        thing="" if unit.name == "dimensionless" else unit.name,
    )


@dataclass(frozen=True)
class Run:
    ours_s: float  # wall seconds for one pass over every sentence
    quantulum_s: float
    ours_per_s: float  # sentences per second
    quantulum_per_s: float
    ratio: float  # ours / quantulum3, sentences per second, this repetition
    # read_meanings: the figures with what they mean (measure, role), as the figures pass
    # reads them; its ratio to quantulum3 in the same repetition.
    meanings_s: float = 0.0
    meanings_per_s: float = 0.0
    meanings_ratio: float = 0.0


def time_pass(parse: Callable[[str], object], texts: Sequence[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        parse(text)
    return time.perf_counter() - start


def measure(texts: Sequence[str], repeat: int) -> list[Run]:
    quantulum = quantulum_parse()
    with warnings.catch_warnings():
        # quantulum3 may warn about ambiguous units; a benchmark has no use for that noise.
        warnings.simplefilter("ignore")
        time_pass(parse_figures, texts)  # warm-up: regex compilation, first-use caches
        time_pass(quantulum, texts)  # warm-up: unit and entity tables
        time_pass(read_meanings, texts)
        runs = []
        for index in range(repeat):
            if index % 2 == 0:
                ours_s, quantulum_s = time_pass(parse_figures, texts), time_pass(quantulum, texts)
            else:
                quantulum_s, ours_s = time_pass(quantulum, texts), time_pass(parse_figures, texts)
            meanings_s = time_pass(read_meanings, texts)
            ours_rate, quantulum_rate = len(texts) / ours_s, len(texts) / quantulum_s
            meanings_rate = len(texts) / meanings_s
            runs.append(
                Run(
                    ours_s,
                    quantulum_s,
                    ours_rate,
                    quantulum_rate,
                    ours_rate / quantulum_rate,
                    meanings_s,
                    meanings_rate,
                    meanings_rate / quantulum_rate,
                )
            )
    return runs


def accuracy(sentences: Sequence[Any]) -> dict[str, dict[str, Any]]:
    quantulum = quantulum_parse()

    def theirs(text: str) -> list[Predicted]:
        return [from_quantity(quantity) for quantity in quantulum(text)]

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ours_score = score_newsquant(ours, sentences).summary()
        theirs_score = score_newsquant(theirs, sentences).summary()
    return {"ours": ours_score, "quantulum3": theirs_score}


def report(texts: Sequence[str], runs: Sequence[Run], scores: dict[str, dict[str, Any]]) -> str:
    ours_rate = statistics.median(run.ours_per_s for run in runs)
    quantulum_rate = statistics.median(run.quantulum_per_s for run in runs)
    ratios = [run.ratio for run in runs]
    gold = scores["ours"]
    lines = [
        f"NewsQuant: {len(texts)} sentences; gold {gold['gold_kept']} quantities kept of "
        f"{gold['gold_total']} ({gold['gold_excluded']} excluded as not figures)",
        f"{len(runs)} timed repetitions after one warm-up pass of each",
        "",
        "| extractor     | sentences/s (median) | precision | recall | value-F1 |",
        "|---------------|---------------------:|----------:|-------:|---------:|",
    ]
    for name, rate in (("parse_figures", ours_rate), ("quantulum3", quantulum_rate)):
        score = scores["ours" if name == "parse_figures" else "quantulum3"]
        lines.append(
            f"| {name:13} | {rate:20,.0f} | {score['precision']:9.4f} | "
            f"{score['recall']:6.4f} | {score['f1']:8.4f} |"
        )
    meanings_rate = statistics.median(run.meanings_per_s for run in runs)
    meanings_ratios = [run.meanings_ratio for run in runs]
    lines += [
        f"| read_meanings | {meanings_rate:20,.0f} | (parse_figures plus measure and role) |",
        "",
        "ratio (ours / quantulum3) per repetition: " + ", ".join(f"{r:.1f}x" for r in ratios),
        f"median ratio: {statistics.median(ratios):.1f}x",
        "with meaning (read_meanings / quantulum3): "
        + ", ".join(f"{r:.1f}x" for r in meanings_ratios)
        + f"; median {statistics.median(meanings_ratios):.1f}x",
    ]
    return "\n".join(lines)


def report_json(
    texts: Sequence[str], runs: Sequence[Run], scores: dict[str, dict[str, Any]]
) -> str:
    return json.dumps(
        {
            "sentences": len(texts),
            "runs": [asdict(run) for run in runs],
            "median_ours_per_s": statistics.median(run.ours_per_s for run in runs),
            "median_quantulum_per_s": statistics.median(run.quantulum_per_s for run in runs),
            "median_ratio": statistics.median(run.ratio for run in runs),
            "median_meanings_ratio": statistics.median(run.meanings_ratio for run in runs),
            "accuracy": scores,
        }
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeat", type=int, default=DEFAULT_REPEAT, help=f"timed runs (default {DEFAULT_REPEAT})"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    sentences = load_newsquant()
    if sentences is None:
        print(
            f"figures benchmark: NewsQuant is not at {NEWSQUANT}\n"
            "(it is read from the shared peer suites at run time, never copied into the project)",
            file=sys.stderr,
        )
        return 2
    try:
        quantulum_parse()
    except ImportError:
        print(
            'figures benchmark: quantulum3 is not installed: .venv/bin/pip install -e ".[bench]"',
            file=sys.stderr,
        )
        return 2
    texts = [sentence.text for sentence in sentences]
    # from_figure is what the scorer applies to our figures; check it still fits the model.
    from_figure(parse_figures("about 3 million rounds of shells")[0])
    runs = measure(texts, args.repeat)
    scores = accuracy(sentences)
    print(report_json(texts, runs, scores) if args.json else report(texts, runs, scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
