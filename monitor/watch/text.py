"""The one definition of a word, shared by query parsing and article matching."""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script; the underscore is the one \w character that is punctuation.
_WORD = re.compile(r"[^\W_]+")


class _MarkRemover(dict[int, int | None]):
    """A str.translate table that drops marks (category M), filled in as characters appear.

    Every mark is dropped, not only those with a nonzero combining class: Devanagari vowel
    signs have class 0, and since \\w does not match marks, keeping them would split one word
    into several. Filling lazily keeps start-up free of a scan over all of Unicode; the table
    only ever holds characters seen in text, a few thousand at most.
    """

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)).startswith("M") else code
        self[code] = kept
        return kept


_DROP_MARKS = _MarkRemover()


def normalize(text: str) -> str:
    """Casefold ``text`` and strip its accents, so "Pyŏngyang" and "PYONGYANG" compare equal."""
    if text.isascii():
        return text.lower()
    stripped = unicodedata.normalize("NFKD", text.casefold()).translate(_DROP_MARKS)
    # NFKD can produce capitals ("℡" -> "TEL"), so casefold once more.
    return stripped.casefold()


def words(text: str) -> list[str]:
    """Return the normalized words of ``text``: runs of letters and digits.

    Any other character separates words, so "Hwasong-11" is ["hwasong", "11"] and "Kim's" is
    ["kim", "s"].
    """
    return _WORD.findall(normalize(text))
