"""What the dedup stage reads from an article's text: its hash, shingles, sentences, numbers.

Text is compared as normalised words (``watch.text.words``: case folded, accents stripped,
punctuation and white space gone), so a copy that differs only in title case, quotes, dashes
or line wrapping has the same words.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from monitor.dedup.params import DedupParams
from monitor.watch.text import words

Hashes = npt.NDArray[np.uint32]

# A sentence ends at . ! or ? followed by space, or at a line break; quotes may close it.
_SENTENCE_END = re.compile("(?<=[.!?])[\"'\u201d\u2019)\\]]*\\s+|\n+")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# Dates, times and years in their usual wordings: credit and update lines carry them, and
# they are not figures. A bare "1900" is a figure ("1900 containers"); "in 1900" is a year.
_NOT_A_FIGURE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?\b"
    rf"|\b{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{4}})\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b"
    r"|(?:\b(?:in|since|until|by|from|year|copyright)|©|\(c\))\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_PROSE_END = re.compile("[.!?][\"'\u201d\u2019)\\]]*\\s*$")


@dataclass(frozen=True, slots=True, eq=False)
class Features:
    """An article's text as the dedup indexes and the verification see it."""

    text_hash: str | None  # None when the text has no words
    shingles: Hashes  # sorted distinct 32-bit hashes of the word n-grams
    sentence_hashes: tuple[int, ...]  # distinct signed 32-bit keys of the long sentences
    numbers: frozenset[str]  # every digit run of the text
    # The figures of its prose: digit runs of sentences that end as sentences do (headlines of
    # other stories, "Read more: ... 926 farms" and "9 min read" lines do not), less dates,
    # times and years.
    reported_numbers: frozenset[str]


def features_of(text: str, params: DedupParams) -> Features:
    """Return the dedup features of an article's text."""
    tokens: list[str] = []
    hashes: dict[int, None] = {}  # insertion-ordered, so the result is stable
    reported: set[str] = set()
    # Sentences are split at white space and punctuation only, so their words, end to end,
    # are the text's words: one pass tokenises both.
    for sentence in _SENTENCE_END.split(text):
        sentence_tokens = words(sentence)
        tokens.extend(sentence_tokens)
        if len(sentence_tokens) >= params.sentence_min_words:
            hashes.setdefault(sentence_key(sentence_tokens), None)
        if _DIGIT.search(sentence) and _PROSE_END.search(sentence):
            reported.update(_numbers(words(_NOT_A_FIGURE.sub(" ", sentence))))
    return Features(
        text_hash=_text_hash(tokens),
        shingles=shingle_hashes(tokens, params.shingle_words),
        sentence_hashes=tuple(hashes),
        numbers=frozenset(_numbers(tokens)),
        reported_numbers=frozenset(reported),
    )


def held_features(text: str, params: DedupParams) -> Features:
    """Return the features ``verify.compare`` reads of a held text: shingles and numbers.

    Verification recomputes them from stored text for every candidate, so it skips the rest.
    """
    tokens = words(text)
    return Features(
        text_hash=None,
        shingles=shingle_hashes(tokens, params.shingle_words),
        sentence_hashes=(),
        numbers=frozenset(_numbers(tokens)),
        reported_numbers=frozenset(),
    )


def sentence_key(tokens: list[str]) -> int:
    """Return the signed 32-bit key of a sentence's words.

    32 bits, not 64: a collision only adds one shared sentence to an unrelated article, which
    needs three to become a candidate and must then pass verification; the index is ~20%
    smaller for it.
    """
    digest = hashlib.blake2b(" ".join(tokens).encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def _numbers(tokens: list[str]) -> list[str]:
    return [t for t in tokens if t.isdigit()]


def text_hash(text: str) -> str | None:
    """Return the hash of a text's normalised words (``Features.text_hash`` without the rest)."""
    return _text_hash(words(text))


def _text_hash(tokens: list[str]) -> str | None:
    if not tokens:
        return None
    return hashlib.sha256(" ".join(tokens).encode("utf-8")).hexdigest()


def shingle_hashes(tokens: list[str], size: int) -> Hashes:
    """Return the sorted distinct 32-bit hashes of the ``size``-word runs of ``tokens``.

    Each distinct word is hashed once; a run's hash mixes its words' hashes with one odd
    multiplier per position (arithmetic modulo 2**64, top 32 bits kept), so the runs of a
    whole article are hashed in a few array operations. A text shorter than ``size`` words
    is one run, so short texts still compare.
    """
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    cache: dict[str, int] = {}
    word_hashes = np.fromiter(
        (cache[t] if t in cache else cache.setdefault(t, _word_hash(t)) for t in tokens),
        dtype=np.uint64,
        count=len(tokens),
    )
    count = max(1, len(tokens) - size + 1)
    mixed = np.zeros(count, dtype=np.uint64)
    for position, multiplier in enumerate(_POSITION_MULTIPLIERS[: min(size, len(tokens))]):
        mixed += word_hashes[position : position + count] * multiplier
    return np.unique((mixed >> np.uint64(32)).astype(np.uint32))


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "big")


# Odd 64-bit constants (from blake2b, fixed here so the hashes never change between runs).
_POSITION_MULTIPLIERS = [np.uint64(_word_hash(f"position {i}") | 1) for i in range(16)]


def signed_key(data: bytes) -> int:
    """Return a stable signed 64-bit key of ``data``: it fits a SQL BIGINT on every engine."""
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)
