"""Parse watch queries, the boolean searches written in the config, into a tree of nodes.

The language:

- ``korea`` matches the word, ``korea*`` any word starting with "korea", ``"north korea"`` the
  words in that order. Case and accents are ignored. A word with punctuation inside
  (``Hwasong-11``) means the phrase of its parts.
- ``a b`` and ``a AND b`` need both, ``a OR b`` either, ``NOT a`` and ``-a`` exclude.
- ``a NEAR/5 b``: two terms or phrases at most 5 words apart (the distance is 1 to 50).
- ``title:korea``, ``title:"north korea"``, ``title:(a OR b)`` look in the title only.
- Parentheses group. From loosest to tightest: OR, AND, NOT, NEAR.
- Operators are uppercase; "and", "or" and "not" are ordinary words.
- Every match must rest on a term that is not negated: ``NOT a`` and ``a OR NOT b`` are refused.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal, NamedTuple, TypeAlias

from monitor.watch.text import words

Field: TypeAlias = Literal["any", "title"]


@dataclass(frozen=True, slots=True)
class Term:
    word: str
    prefix: bool = False
    field: Field = "any"


@dataclass(frozen=True, slots=True)
class Phrase:
    words: tuple[str, ...]
    field: Field = "any"


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: Node


@dataclass(frozen=True, slots=True)
class Near:
    left: Term | Phrase
    right: Term | Phrase
    distance: int


Node: TypeAlias = Term | Phrase | And | Or | Not | Near

MAX_NEAR = 50
MAX_QUERY_LENGTH = 10_000


class QueryError(ValueError):
    """A query that cannot be parsed; ``column`` is the 1-based position of the problem."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"{message} at column {column}")
        self.message = message
        self.column = column


def parse_query(query: str) -> Node:
    """Parse ``query``; raise QueryError if it is not a valid query."""
    if not query.strip():
        raise QueryError("the query is empty", 1)
    if len(query) > MAX_QUERY_LENGTH:
        raise QueryError(f"the query is longer than {MAX_QUERY_LENGTH} characters", 1)
    try:
        return _Parser(_tokenize(query)).parse()
    except RecursionError:
        # Thousands of nested "(" or "NOT"; no real watch needs that.
        raise QueryError("the query is nested too deeply", 1) from None


def positive_terms(node: Node) -> list[Term | Phrase]:
    """Return the terms and phrases of ``node`` that are not under a NOT, without repeats."""
    return list(dict.fromkeys(_positive(node)))


def required_terms(node: Node) -> list[Term | Phrase]:
    """Return the terms every matching article contains: in "cholera AND Kesmar" both, in
    "(flood OR floods) AND Vessa" only Vessa."""
    if isinstance(node, Term | Phrase):
        return [node]
    if isinstance(node, And):
        return [term for item in node.items for term in required_terms(item)]
    if isinstance(node, Near):
        return [node.left, node.right]
    if isinstance(node, Or):
        first, *rest = [required_terms(item) for item in node.items]
        return [term for term in first if all(term in other for other in rest)]
    return []


def _positive(node: Node) -> Iterator[Term | Phrase]:
    if isinstance(node, Term | Phrase):
        yield node
    elif isinstance(node, Near):
        yield from (node.left, node.right)
    elif isinstance(node, And | Or):
        for item in node.items:
            yield from _positive(item)


def _needs_positive(node: Node) -> bool:
    """Whether every article that ``node`` matches contains one of its positive terms.

    The pre-filter fetches only articles with a positive term, so a query that can match
    without one ("a OR NOT b") would silently miss articles.
    """
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_needs_positive(item) for item in node.items)
    if isinstance(node, Or):
        return all(_needs_positive(item) for item in node.items)
    return True


class _Token(NamedTuple):
    kind: str  # WORD, PHRASE, FIELD, AND, OR, NOT, NEAR, "-", "(", ")", EOF
    text: str
    column: int
    node: Term | Phrase | None = None
    distance: int = 0


_BINARY = frozenset({"AND", "OR", "NEAR"})
_OPERATORS = _BINARY | {"NOT", "-"}
_STARTS = frozenset({"WORD", "PHRASE", "FIELD", "NOT", "-", "("})
_FIELD_PREFIX = re.compile(r"([^\W\d_]+):")
_START = _Token("START", "", 0)
_TITLE_OPERAND = "title: must be directly followed by a term, a phrase or a group"
_NEAR_CHAIN = "chains like 'a NEAR/5 b NEAR/5 c' are not supported; join pairs with AND"


def _tokenize(query: str) -> list[_Token]:
    tokens: list[_Token] = []
    i = 0
    while i < len(query):
        char, column = query[i], i + 1
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char, char, column))
            i += 1
        elif char == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError("unbalanced quote", column)
            tokens.append(_phrase_token(query[i + 1 : end], column))
            i = end + 1
        elif char == "-" and i + 1 < len(query) and not query[i + 1].isspace():
            tokens.append(_Token("-", "-", column))
            i += 1
        elif field := _FIELD_PREFIX.match(query, i):
            if field.group(1) != "title":
                raise QueryError(
                    f"unknown field '{field.group(1)}' (only title: is supported)", column
                )
            tokens.append(_Token("FIELD", field.group(0), column))
            i = field.end()
        else:
            end = i
            while end < len(query) and not query[end].isspace() and query[end] not in '()"':
                end += 1
            tokens.append(_word_token(query[i:end], column))
            i = end
    tokens.append(_Token("EOF", "", len(query) + 1))
    return tokens


def _phrase_token(content: str, column: int) -> _Token:
    star = content.find("*")
    if star >= 0:
        raise QueryError("'*' is not allowed inside a phrase", column + 1 + star)
    found = words(content)
    if not found:
        raise QueryError("empty phrase", column)
    return _Token("PHRASE", f'"{content}"', column, Phrase(tuple(found)))


def _word_token(raw: str, column: int) -> _Token:
    if raw in ("AND", "OR", "NOT"):
        return _Token(raw, raw, column)
    if raw == "NEAR" or raw.startswith("NEAR/"):
        distance = raw[5:]
        if not distance:
            raise QueryError("NEAR needs a distance, like NEAR/5", column)
        if not (distance.isascii() and distance.isdigit() and 1 <= int(distance) <= MAX_NEAR):
            raise QueryError(f"the NEAR distance must be from 1 to {MAX_NEAR}, like NEAR/5", column)
        return _Token("NEAR", raw, column, distance=int(distance))
    star = raw.find("*")
    if star == 0:
        raise QueryError("'*' needs a word before it", column)
    if 0 < star < len(raw) - 1:
        raise QueryError("'*' is only allowed at the end of a word", column + star)
    prefix = star > 0
    found = words(raw[:-1] if prefix else raw)
    if not found:
        raise QueryError(f"'{raw}' has no letters or digits", column)
    if prefix and len(found) > 1:
        raise QueryError(f"'{raw}': a prefix search needs a single word before '*'", column)
    node = Term(found[0], prefix) if len(found) == 1 else Phrase(tuple(found))
    return _Token("WORD", raw, column, node)


class _Parser:
    """Recursive descent: or := and (OR and)*; and := unary (AND? unary)*;
    unary := (NOT | -) unary | near; near := primary (NEAR/n primary)?;
    primary := WORD | PHRASE | title: primary | ( or )."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.pos = 0
        # Columns of OR alternatives that can match without a positive term, outside any NOT.
        self.weak_alternatives: list[int] = []
        self.negations = 0

    def peek(self, ahead: int = 0) -> _Token:
        return self.tokens[min(self.pos + ahead, len(self.tokens) - 1)]

    def advance(self) -> _Token:
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def parse(self) -> Node:
        node = self.parse_or()
        if self.peek().kind == ")":
            raise QueryError("unbalanced ')'", self.peek().column)
        if not positive_terms(node):
            raise QueryError("the query needs at least one term that is not negated", 1)
        if not _needs_positive(node):
            column = self.weak_alternatives[0] if self.weak_alternatives else 1
            raise QueryError("each side of OR needs a term that is not negated", column)
        return node

    def parse_or(self) -> Node:
        alternatives = [(self.peek().column, self.parse_and())]
        while self.peek().kind == "OR":
            self.advance()
            alternatives.append((self.peek().column, self.parse_and()))
        if len(alternatives) > 1 and not self.negations:
            self.weak_alternatives += [c for c, item in alternatives if not _needs_positive(item)]
        return _combine(Or, [item for _, item in alternatives])

    def parse_and(self) -> Node:
        items = [self.parse_unary()]
        while self.peek().kind == "AND" or self.peek().kind in _STARTS:
            if self.peek().kind == "AND":
                self.advance()
            items.append(self.parse_unary())
        return _combine(And, items)

    def parse_unary(self) -> Node:
        if self.peek().kind in ("NOT", "-"):
            self.advance()
            self.negations += 1
            item = self.parse_unary()
            self.negations -= 1
            return Not(item)
        return self.parse_near()

    def parse_near(self) -> Node:
        simple = self.operand_ahead() in ("WORD", "PHRASE")
        left = self.parse_primary()
        if self.peek().kind != "NEAR":
            return left
        near = self.advance()
        # A group of one term parses to a Term, so judge the operands by their tokens.
        if not simple or self.operand_ahead() in ("(", "NOT", "-"):
            raise QueryError(f"{near.text} can only join terms or phrases", near.column)
        right = self.parse_primary()
        if self.peek().kind == "NEAR":
            raise QueryError(_NEAR_CHAIN, self.peek().column)
        assert isinstance(left, Term | Phrase) and isinstance(right, Term | Phrase)
        return Near(left, right, near.distance)

    def operand_ahead(self) -> str:
        """The kind of the next operand's token, looking past a title: prefix."""
        return self.peek(1).kind if self.peek().kind == "FIELD" else self.peek().kind

    def parse_primary(self) -> Node:
        token = self.advance()
        if token.node is not None:
            return token.node
        if token.kind == "FIELD":
            following = self.peek()
            adjacent = following.column == token.column + len(token.text)
            if not adjacent or following.kind not in ("WORD", "PHRASE", "("):
                raise QueryError(_TITLE_OPERAND, token.column)
            return _in_title(self.parse_primary())
        if token.kind == "(":
            if self.peek().kind == ")":
                raise QueryError("empty group '()'", token.column)
            node = self.parse_or()
            if self.peek().kind != ")":
                raise QueryError("unbalanced '('", token.column)
            self.advance()
            return node
        raise self.missing_operand(token)

    def missing_operand(self, token: _Token) -> QueryError:
        """The error for ``token`` standing where a term was expected."""
        previous = self.tokens[self.pos - 2] if self.pos >= 2 else _START
        if token.kind in _BINARY and previous.kind in _OPERATORS:
            return QueryError(f"two operators in a row: {previous.text} {token.text}", token.column)
        if token.kind in _BINARY:
            return QueryError(f"{token.text} needs a term before it", token.column)
        if previous.kind in _OPERATORS:
            name = "'-'" if previous.kind == "-" else previous.text
            return QueryError(f"{name} needs a term after it", previous.column)
        if token.kind == ")":
            return QueryError("unbalanced ')'", token.column)
        if previous.kind == "(":
            return QueryError("unbalanced '('", previous.column)
        return QueryError("expected a term", token.column)


def _combine(kind: type[And] | type[Or], items: list[Node]) -> Node:
    flat: list[Node] = []
    for item in items:
        flat.extend(item.items if isinstance(item, kind) else (item,))
    return flat[0] if len(flat) == 1 else kind(tuple(flat))


def _in_title(node: Node) -> Node:
    if isinstance(node, Term | Phrase):
        return dataclasses.replace(node, field="title")
    if isinstance(node, Near):
        left, right = (dataclasses.replace(op, field="title") for op in (node.left, node.right))
        return Near(left, right, node.distance)
    if isinstance(node, Not):
        return Not(_in_title(node.item))
    return type(node)(tuple(_in_title(item) for item in node.items))
