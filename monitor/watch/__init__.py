"""Watch queries: the boolean searches that decide which articles a watch looks at."""

from __future__ import annotations

from monitor.watch.match import MatchText, extended_forms, matches, prefilter
from monitor.watch.query import (
    And,
    Near,
    Node,
    Not,
    Or,
    Phrase,
    QueryError,
    Term,
    parse_query,
    positive_terms,
)

__all__ = [
    "And",
    "MatchText",
    "Near",
    "Node",
    "Not",
    "Or",
    "Phrase",
    "QueryError",
    "Term",
    "extended_forms",
    "matches",
    "parse_query",
    "positive_terms",
    "prefilter",
]
