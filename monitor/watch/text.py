"""The one definition of a word, shared by query parsing and article matching."""

from __future__ import annotations

import re
import unicodedata

# Letters and digits of any script; the underscore is the one \w character that is punctuation.
_WORD = re.compile(r"[^\W_]+")


def normalize(text: str) -> str:
    """Casefold ``text`` and strip its accents, so "Pyŏngyang" and "PYONGYANG" compare equal."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    # Drop every mark (category M), not only those with a nonzero combining class: Devanagari
    # vowel signs have class 0, and since \w does not match marks, keeping them would split
    # one word into several.
    stripped = "".join(
        char for char in decomposed if not unicodedata.category(char).startswith("M")
    )
    # NFKD can produce capitals ("℡" -> "TEL"), so casefold once more.
    return stripped.casefold()


def words(text: str) -> list[str]:
    """Return the normalized words of ``text``: runs of letters and digits.

    Any other character separates words, so "Hwasong-11" is ["hwasong", "11"] and "Kim's" is
    ["kim", "s"].
    """
    return _WORD.findall(normalize(text))
