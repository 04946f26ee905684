"""Decide whether an article matches a watch query.

Build a ``MatchText`` once per article, then ask ``matches(query, text)`` for each watch; the
article's words are indexed once, so every term of every query is a lookup, not a scan.
``prefilter`` makes the cheaper, looser decision of whether a feed entry is worth fetching.

The rules users rely on (what a term matches, NEAR, title:, and the plural and demonym
extensions defined by the constants below) are written out in docs/watch-queries.md.
"""

from __future__ import annotations

import dataclasses
import itertools
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import assert_never

from monitor.watch.query import And, Near, Node, Not, Or, Phrase, Term, positive_terms
from monitor.watch.text import words

# The extension rule; the module docstring ("Extensions") is its description for users.
_SHORTEST_EXTENDED = 4
_PLURAL_ES_AFTER = ("s", "x", "z", "ch", "sh", "o")
_APPENDED = ("an", "ans", "ian", "ians", "i", "is", "ese")
_REPLACEABLE_ENDINGS = ("a", "e")
_REPLACEMENTS = ("an", "ans", "ian", "ians", "ean", "eans", "ese")


def extended_forms(word: str) -> tuple[str, ...]:
    """Return ``word`` followed by every longer form the extension rule lets it match.

    ``word`` must be normalized (as ``text.words`` returns it); see "Extensions" in the module
    docstring for the rule.
    """
    if len(word) < _SHORTEST_EXTENDED:
        return (word,)
    forms = [word, word + "s"]
    if word.endswith(_PLURAL_ES_AFTER):
        forms.append(word + "es")
    forms += [word + suffix for suffix in _APPENDED]
    if word.endswith(_REPLACEABLE_ENDINGS):
        forms += [word[:-1] + suffix for suffix in _REPLACEMENTS]
    if word.endswith("y"):
        forms.append(word[:-1] + "ies")
    return tuple(dict.fromkeys(forms))


@dataclass(frozen=True, slots=True, eq=False)
class MatchText:
    """The words of one article, indexed so that each query term is a lookup.

    ``tokens`` holds the title's words followed by the body's, so the first ``len(title)``
    positions are the title. ``index`` maps each word to its positions in ``tokens``, in
    increasing order; ``vocabulary`` is the sorted list of distinct words, for prefix
    searches.
    """

    title: tuple[str, ...]
    # A long article would flood every repr and assertion message.
    tokens: tuple[str, ...] = field(repr=False)
    index: Mapping[str, tuple[int, ...]] = field(repr=False)
    vocabulary: tuple[str, ...] = field(repr=False)

    @classmethod
    def of(cls, *, title: str, text: str) -> MatchText:
        """Return the indexed words of the article with this ``title`` and body ``text``."""
        title_words = tuple(words(title))
        tokens = title_words + tuple(words(text))
        positions: dict[str, list[int]] = {}
        for position, word in enumerate(tokens):
            positions.setdefault(word, []).append(position)
        index = {word: tuple(found) for word, found in positions.items()}
        # A read-only view, so that a MatchText shared between watches cannot be altered.
        return cls(title_words, tokens, MappingProxyType(index), tuple(sorted(index)))


def matches(node: Node, text: MatchText) -> bool:
    """Return whether the article ``text`` satisfies the query ``node``.

    ``node`` comes from ``parse_query``, whose words are already normalized.
    """
    if isinstance(node, Term | Phrase):
        return bool(_starts(node, text))
    if isinstance(node, Near):
        return _near(node, text)
    if isinstance(node, And):
        return all(matches(item, text) for item in node.items)
    if isinstance(node, Or):
        return any(matches(item, text) for item in node.items)
    if isinstance(node, Not):
        return not matches(node.item, text)
    assert_never(node)


def prefilter(node: Node, *, title: str, summary: str) -> bool:
    """Return whether a feed entry's ``title`` or ``summary`` holds any positive term of ``node``.

    This decides whether to fetch the page, and a missed article costs more than an extra
    fetch, so it is permissive: it looks for each term and phrase that is not under a NOT
    (with the same extensions as ``matches``), ignores the NOTs, takes NEAR operands one by
    one, and treats ``title:`` terms as if they could be anywhere, since a feed's title and
    summary often differ from the page's.
    """
    text = MatchText.of(title=title, text=summary)
    return any(_starts(_anywhere(term), text) for term in positive_terms(node))


def _anywhere(term: Term | Phrase) -> Term | Phrase:
    """Return ``term`` looking in the title and the body, whatever its field."""
    return term if term.field == "any" else dataclasses.replace(term, field="any")


def _starts(node: Term | Phrase, text: MatchText) -> Sequence[int]:
    """Return the positions in ``text.tokens`` where ``node`` begins, in increasing order."""
    if isinstance(node, Phrase):
        found = _phrase_starts(node.words, text)
    elif node.prefix:
        found = _prefix_positions(node.word, text)
    else:
        found = _positions(extended_forms(node.word), text)
    if node.field == "title":
        # A phrase never crosses into the body, so starting in the title means lying in it.
        return found[: bisect_left(found, len(text.title))]
    return found


def _width(node: Term | Phrase) -> int:
    """Return how many words an occurrence of ``node`` covers."""
    return len(node.words) if isinstance(node, Phrase) else 1


def _positions(forms: Iterable[str], text: MatchText) -> Sequence[int]:
    """Return the positions of any of the words ``forms``, in increasing order."""
    found = [text.index[form] for form in forms if form in text.index]
    if len(found) == 1:
        return found[0]
    # Different words never share a position, so sorting the union needs no deduplication.
    return sorted(itertools.chain.from_iterable(found))


def _prefix_positions(prefix: str, text: MatchText) -> Sequence[int]:
    """Return the positions of the words starting with ``prefix``, in increasing order."""
    vocabulary = text.vocabulary
    first = bisect_left(vocabulary, prefix)
    last = first
    while last < len(vocabulary) and vocabulary[last].startswith(prefix):
        last += 1
    return _positions(vocabulary[first:last], text)


def _phrase_starts(phrase: Sequence[str], text: MatchText) -> Sequence[int]:
    """Return where ``phrase`` begins, its last word extended, within the title or the body."""
    last = _positions(extended_forms(phrase[-1]), text)
    if len(phrase) == 1:
        return last
    following = [frozenset(text.index.get(word, ())) for word in phrase[1:-1]]
    following.append(frozenset(last))
    if not all(following):
        return []
    title_end = len(text.title)
    span = len(phrase) - 1
    return [
        start
        for start in text.index.get(phrase[0], ())
        if (start < title_end) == (start + span < title_end)
        and all(start + offset in positions for offset, positions in enumerate(following, 1))
    ]


def _near(node: Near, text: MatchText) -> bool:
    """Return whether an occurrence of each operand of ``node`` lies within its distance."""
    lefts = _starts(node.left, text)
    rights = _starts(node.right, text)
    if not lefts or not rights:
        return False
    left_width, right_width = _width(node.left), _width(node.right)
    title_end = len(text.title)
    for left in lefts:
        in_title = left < title_end
        # Right after left: only the first right start past the left's end can be close
        # enough, and if it is in another passage every later one is too.
        after = bisect_left(rights, left + left_width)
        if after < len(rights):
            right = rights[after]
            if right - (left + left_width) <= node.distance and (right < title_end) == in_title:
                return True
        # Right before left: likewise only the last right that ends before the left starts.
        before = bisect_right(rights, left - right_width) - 1
        if before >= 0:
            right = rights[before]
            if left - (right + right_width) <= node.distance and (right < title_end) == in_title:
                return True
    return False
