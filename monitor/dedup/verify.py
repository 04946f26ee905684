"""The exact check every near-duplicate candidate must pass, on text recomputed from storage.

Two measures over word-shingle sets, because copies come in two shapes: a syndicated copy or
a light rewrite is most of the original (Jaccard), while a truncated copy, or an original
quoted whole inside a longer page, is most of the *smaller* text (containment, the share of
the smaller set found in the larger).

A copy reports nothing its original did not: a text with a number its candidate lacks (an
updated casualty count, "5 million" where the original said "3 million") is never a duplicate,
since for this monitor that changed figure is the news. Only the figures of the new text's
prose count (``Features.reported_numbers``): a reprint's "Read more" headlines, "first
appeared on 15 April." and "Updated 14:32 GMT." lines carry numbers of their own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from monitor.dedup.features import Features

MIN_JACCARD = 0.5
MIN_CONTAINMENT = 0.8
# Below this many shingles on the smaller side, a high overlap is a shared quote, not a copy.
MIN_SHINGLES = 25


@dataclass(frozen=True, slots=True)
class Similarity:
    jaccard: float
    containment: float
    smaller: int  # shingles in the smaller set
    new_numbers: frozenset[str]  # numbers of the new text that the candidate lacks

    @property
    def is_duplicate(self) -> bool:
        if self.smaller < MIN_SHINGLES or self.new_numbers:
            return False
        return self.jaccard >= MIN_JACCARD or self.containment >= MIN_CONTAINMENT

    @property
    def score(self) -> float:
        """The measure that decided: Jaccard when it suffices, else containment."""
        return self.jaccard if self.jaccard >= MIN_JACCARD else self.containment


def compare(new: Features, held: Features) -> Similarity:
    """Return how much of ``new`` the held article's text already says."""
    shared = np.intersect1d(new.shingles, held.shingles, assume_unique=True).size
    union = new.shingles.size + held.shingles.size - shared
    smaller = min(new.shingles.size, held.shingles.size)
    return Similarity(
        jaccard=shared / union if union else 0.0,
        containment=shared / smaller if smaller else 0.0,
        smaller=smaller,
        new_numbers=new.reported_numbers - held.numbers,
    )
