"""Sentences of an article's text, with their offsets, for the figures stage.

A figure is read inside one sentence, so the split must not cut at the full stops of
abbreviations ("Mr. Kim", "Washington D.C.'s", "U.S. officials") or of decimals ("2.5").
Paragraph breaks always end a sentence: extracted text keeps one paragraph per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# A full stop, ! or ? with any closing quotes or brackets, then space and something that can
# start a sentence; or a line break.
_BOUNDARY = re.compile(
    "(?P<end>[.!?][\"'\u201d\u2019)\\]]*)\\s+(?=[\"'\u201c\u2018(\\[]?[A-Z0-9\u00c0-\u024f])|\\n+"
)
# Words whose full stop does not end a sentence when a capital follows.
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen lt col maj capt sgt adm cmdr gov sen rep rev hon pres jr sr
    no nos vs etc inc ltd co corp dept est fig approx mt ft jan feb mar apr jun jul aug sep
    sept oct nov dec u.s u.k u.n d.c e.g i.e a.m p.m""".split()
)
_LAST_WORD = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> Iterator[Sentence]:
    """Yield the sentences of ``text`` with their spans, leading and trailing space trimmed."""
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        stop = boundary.end("end") if boundary.group("end") else boundary.start()
        if boundary.group("end") and _is_abbreviation(text[start:stop]):
            continue
        yield from _trimmed(text, start, stop)
        start = boundary.end()
    yield from _trimmed(text, start, len(text))


def _is_abbreviation(piece: str) -> bool:
    last = _LAST_WORD.search(piece.rstrip("\"'\u201d\u2019)]"))
    if last is None:
        return False
    word = last.group(1).lower()
    # A single capital with a full stop is an initial ("Kim Jong U. Smith"), not an end.
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _trimmed(text: str, start: int, stop: int) -> Iterator[Sentence]:
    piece = text[start:stop]
    stripped = piece.strip()
    if stripped:
        offset = start + len(piece) - len(piece.lstrip())
        yield Sentence(offset, offset + len(stripped), stripped)
