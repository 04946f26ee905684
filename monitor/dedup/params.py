"""The parameters an index was built with: stored in the database, never mixed."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from monitor.dedup.urls import URL_NORMALIZER

# Bump when features_of or MinHasher can give other values for some text: that includes a
# change to monitor.watch.text.words, the definition of a word they share with the matcher.
# tests/test_dedup_features.py pins the values, so such a change fails there first.
TEXT_NORMALIZER_VERSION = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupParams:
    """Everything that decides which rows the dedup indexes hold for an article."""

    seed: int = 20241114
    permutations: int = 128
    bands: int = 32  # of permutations // bands rows each
    shingle_words: int = 5
    sentence_min_words: int = 8
    # A key already held by this many originals is common: it gets no more rows and proposes
    # no candidates, so one "Sign up for our newsletter" or the band every report of a daily
    # series shares never costs a scan.
    common_band_articles: int = 50
    common_sentence_articles: int = 50
    text_normalizer: int = TEXT_NORMALIZER_VERSION
    url_normalizer: str = URL_NORMALIZER

    @property
    def rows_per_band(self) -> int:
        return self.permutations // self.bands

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def __post_init__(self) -> None:
        if self.permutations % self.bands:
            raise ValueError("permutations must be a multiple of bands")


DEDUP_PARAMS = DedupParams()
