"""The knobs of the figures stage, built from the ``[figures]`` configuration table.

Kept apart from the stage so the command line and tests can build them without importing the
grammar, and so the configuration only ever extends the built-in defaults, never replaces them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from monitor.config.settings import Settings
from monitor.figures.exclusions import SMALL_SPELLED_MAX
from monitor.figures.measures import DEFAULT_SYNONYMS
from monitor.watch.match import extended_forms
from monitor.watch.query import (
    And,
    Node,
    Or,
    Phrase,
    Term,
    parse_query,
    positive_terms,
    required_terms,
)


@dataclass(frozen=True, slots=True)
class FigureOptions:
    """How figures are read and named: the small-number cut-off, the word -> group table, and
    each watch's frame (the places its query requires, lower case: a count there is the
    story's total) and the words its query names at all (none is one article's focus)."""

    small_spelled_max: int = SMALL_SPELLED_MAX
    synonyms: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_SYNONYMS))
    frames: Mapping[str, frozenset[str]] = field(default_factory=dict)
    terms: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def frame(self, watch: str) -> frozenset[str]:
        return self.frames.get(watch, frozenset())

    def story_terms(self, watch: str) -> frozenset[str]:
        return self.terms.get(watch, frozenset())


def figure_options(settings: Settings) -> FigureOptions:
    """Return the figure options of ``settings``: the built-in synonyms with the configured
    words laid over them, so a configured word takes its configured group."""
    figures = settings.figures
    return FigureOptions(
        small_spelled_max=figures.small_spelled_max,
        synonyms={**DEFAULT_SYNONYMS, **figures.synonyms},
        frames={watch.name: watch_frame(watch.query) for watch in settings.watches},
        terms={watch.name: watch_terms(watch.query) for watch in settings.watches},
    )


def watch_frame(query: str) -> frozenset[str]:
    """Return the words and phrases every article of a watch's query contains, lower case:
    in "cholera AND Kesmar" the story is in Kesmar, and in "(Veskar OR Veskari) AND border"
    in Veskar (one name and its demonym)."""
    node = parse_query(query)
    terms = [*required_terms(node), *_one_name(node)]
    return frozenset(
        " ".join(term.words) if isinstance(term, Phrase) else term.word for term in terms
    )


def watch_terms(query: str) -> frozenset[str]:
    """Return every word and phrase a watch's query asks for, lower case: "Drassel OR Kovar"
    are places the whole story is about, whichever an article names."""
    return frozenset(
        " ".join(term.words) if isinstance(term, Phrase) else term.word
        for term in positive_terms(parse_query(query))
    )


def _one_name(node: Node) -> list[Term]:
    """The names an OR lists only in their forms ("Veskar OR Veskari"), inside an AND."""
    if isinstance(node, And):
        return [term for item in node.items for term in _one_name(item)]
    if not isinstance(node, Or) or not all(isinstance(item, Term) for item in node.items):
        return []
    words = [item.word for item in node.items if isinstance(item, Term)]
    for stem in sorted(words, key=len):
        if all(word in extended_forms(stem) for word in words):
            return [Term(stem)]
    return []
