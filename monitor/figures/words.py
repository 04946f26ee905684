"""Words of a sentence with their offsets, for the rules that read around a number."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f'\u2019-]*|\d[\d,.]*\d|\d|[^\w\s]")
# Punctuation that closes a clause for the rules looking for the words that govern a number.
CLAUSE_MARKS = frozenset(';:()[]\u2014\u2013"\u201c\u201d')


@dataclass(frozen=True, slots=True)
class Word:
    text: str  # as written, with a possessive "'s" kept
    lower: str  # lower case, curly apostrophes straightened, a trailing "'s" or "'" dropped
    start: int
    end: int

    @property
    def is_number(self) -> bool:
        return self.text[0].isdigit()

    @property
    def is_mark(self) -> bool:
        return not self.text[0].isalnum()

    @property
    def possessive(self) -> bool:
        return self.text.endswith(("'s", "\u2019s", "s'", "s\u2019"))


def words_of(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Return the words and marks of ``text[start:end]`` with offsets into ``text``."""
    found = []
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        written = match.group()
        lower = written.lower().replace("\u2019", "'")
        if lower.endswith("'s"):
            lower = lower[:-2]
        elif lower.endswith("s'"):
            lower = lower[:-1]
        found.append(Word(written, lower.strip("'-") or lower, match.start(), match.end()))
    return found


def lowers(words: list[Word]) -> list[str]:
    return [word.lower for word in words]
