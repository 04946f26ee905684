"""Which parts of the near-duplicate check find which copies: the measurements behind
the thresholds in docs/dedup.md.

For every labelled pair of the generated corpus (tests/dedup_corpus.py, several seeds) — each
copy with its original, each independent report with the original of its story, and each
report of a daily series with the one before it — this prints how often each candidate index
(MinHash bands, shared sentences) would propose the pair, and how often each verification rule
(Jaccard, containment, the number guard) would accept it. It calls the same functions as the
dedup stage, without a database. One command:

    .venv/bin/python benchmarks/dedup_measures.py [--seeds 1-5] [--stories 60]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.dedup.features import Features, features_of
from monitor.dedup.minhash import MinHasher
from monitor.dedup.params import DEDUP_PARAMS
from monitor.dedup.verify import MIN_CONTAINMENT, MIN_JACCARD, MIN_SHINGLES, compare
from tests.dedup_corpus import CorpusDoc, build_corpus

COPIES = ("syndicated", "truncated", "rewrite")
COLUMNS = (
    "bands",
    "sentences",
    "either",
    f"J>={MIN_JACCARD}",
    f"C>={MIN_CONTAINMENT}",
    "J or C",
    "numbers ok",
    "judged copy",
)


def pairs(corpus: list[CorpusDoc]) -> list[tuple[str, CorpusDoc, CorpusDoc]]:
    """Return (role, new, held) pairs: copies, and what must never be merged."""
    originals = {doc.group: doc for doc in corpus if doc.role == "original"}
    found = []
    previous_report: dict[str, CorpusDoc] = {}
    for doc in corpus:
        if doc.role in COPIES or doc.role in ("update", "independent"):
            found.append((doc.role, doc, originals[doc.group]))
        elif doc.role == "unrelated":
            series = doc.url.rsplit("/", 2)[0]  # a daily report's outlet and section
            if series in previous_report:
                found.append(("daily series", doc, previous_report[series]))
            previous_report[series] = doc
    return found


def flags(new: Features, held: Features, hasher: MinHasher) -> dict[str, bool]:
    new_sig, held_sig = hasher.signature(new.shingles), hasher.signature(held.shingles)
    bands = bool(
        new_sig is not None
        and held_sig is not None
        and set(hasher.band_keys(new_sig)) & set(hasher.band_keys(held_sig))
    )
    shared = len(set(new.sentence_hashes) & set(held.sentence_hashes))
    sentences = shared >= max(1, min(3, len(new.sentence_hashes)))
    similarity = compare(new, held)
    big = similarity.smaller >= MIN_SHINGLES
    jaccard = big and similarity.jaccard >= MIN_JACCARD
    containment = big and similarity.containment >= MIN_CONTAINMENT
    return {
        "bands": bands,
        "sentences": sentences,
        "either": bands or sentences,
        COLUMNS[3]: jaccard,
        COLUMNS[4]: containment,
        "J or C": jaccard or containment,
        "numbers ok": not similarity.new_numbers,
        "judged copy": (bands or sentences) and similarity.is_duplicate,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", default="1-5", help="a range like 1-5 [default: 1-5]")
    parser.add_argument("--stories", type=int, default=60)
    args = parser.parse_args()
    first, _, last = args.seeds.partition("-")
    hasher = MinHasher(DEDUP_PARAMS)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    totals: dict[str, int] = defaultdict(int)
    for seed in range(int(first), int(last or first) + 1):
        corpus = build_corpus(seed=seed, stories=args.stories)
        cache = {doc.index: features_of(doc.text, DEDUP_PARAMS) for doc in corpus}
        for role, new, held in pairs(corpus):
            totals[role] += 1
            for name, value in flags(cache[new.index], cache[held.index], hasher).items():
                counts[role][name] += value
    print(f"seeds {args.seeds}, {args.stories} stories each; share of pairs with each flag")
    print(f"{'pair':<14}{'n':>6}" + "".join(f"{c:>13}" for c in COLUMNS))
    for role in (*COPIES, "update", "independent", "daily series"):
        row = "".join(f"{counts[role][c] / totals[role]:>13.3f}" for c in COLUMNS)
        print(f"{role:<14}{totals[role]:>6}{row}")


if __name__ == "__main__":
    main()
