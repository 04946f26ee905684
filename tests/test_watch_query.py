from __future__ import annotations

import pytest

from monitor.watch import And, Near, Node, Not, Or, Phrase, QueryError, Term, parse_query
from monitor.watch.query import positive_terms
from monitor.watch.text import normalize, words

NK = Phrase(("north", "korea"))
A, B, C, D = Term("a"), Term("b"), Term("c"), Term("d")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pyŏngyang", ["pyongyang"]),
        ("PYONGYANG", ["pyongyang"]),
        ("Hwasong-11", ["hwasong", "11"]),
        ("Kim's", ["kim", "s"]),
        ("Kim\u2019s", ["kim", "s"]),
        ("Straße Ærø", ["strasse", "ærø"]),
        ("Île-de-France", ["ile", "de", "france"]),
        ("snake_case", ["snake", "case"]),
        ("x²  ...  ", ["x2"]),
        ("Москва, 2024", ["москва", "2024"]),
        ("नमस्ते दुनिया", [normalize("नमस्ते"), normalize("दुनिया")]),
        ("", []),
        ("-- !", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_normalize_folds_case_and_accents() -> None:
    assert normalize("Pyŏngyang") == normalize("PYONGYANG") == "pyongyang"
    assert normalize("℡ İstanbul") == "tel istanbul"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            '"North Korea" AND (Russia OR Moscow OR Kremlin OR Putin)',
            And(
                (
                    NK,
                    Or((Term("russia"), Term("moscow"), Term("kremlin"), Term("putin"))),
                )
            ),
        ),
        ("Korea", Term("korea")),
        ("a b c", And((A, B, C))),
        ("a AND b c", And((A, B, C))),
        ("a OR b OR c", Or((A, B, C))),
        ("(a AND b) AND (c AND d)", And((A, B, C, D))),
        ("(a OR b) OR (c OR d)", Or((A, B, C, D))),
        ("((a))", A),
        # AND, explicit or implicit, binds tighter than OR.
        ("a b OR c", Or((And((A, B)), C))),
        ("a OR b c", Or((A, And((B, C))))),
        ("a OR b AND c", Or((A, And((B, C))))),
        ("(a OR b) c", And((Or((A, B)), C))),
        # NOT binds tighter than AND, NEAR tighter than NOT.
        ("a NOT b", And((A, Not(B)))),
        ("a AND NOT b OR c", Or((And((A, Not(B))), C))),
        ("a NOT (b OR c)", And((A, Not(Or((B, C)))))),
        ("a NOT b NEAR/3 c", And((A, Not(Near(B, C, 3))))),
        ("a -b", And((A, Not(B)))),
        ('a -"North Korea"', And((A, Not(NK)))),
        ("a -(b OR c)", And((A, Not(Or((B, C)))))),
        ("(-b a)", And((Not(B), A))),
        ("a NEAR/5 b", Near(A, B, 5)),
        ("a NEAR/1 b", Near(A, B, 1)),
        ("a NEAR/50 b", Near(A, B, 50)),
        ('"North Korea" NEAR/10 missile*', Near(NK, Term("missile", prefix=True), 10)),
        ("a NEAR/2 b OR c", Or((Near(A, B, 2), C))),
        ("a NEAR/2 b c", And((Near(A, B, 2), C))),
        ("title:Korea", Term("korea", field="title")),
        ('title:"North Korea"', Phrase(("north", "korea"), field="title")),
        (
            "title:(a OR -b) c",
            And((Or((Term("a", field="title"), Not(Term("b", field="title")))), C)),
        ),
        (
            "title:(a NEAR/3 title:b)",
            Near(Term("a", field="title"), Term("b", field="title"), 3),
        ),
        ("title:a NEAR/3 b", Near(Term("a", field="title"), B, 3)),
        ("a -title:b", And((A, Not(Term("b", field="title"))))),
        ("missile*", Term("missile", prefix=True)),
        ("Pyŏng*", Term("pyong", prefix=True)),
        ("title:miss*", Term("miss", prefix=True, field="title")),
        ("a and b or not c", And((A, Term("and"), B, Term("or"), Term("not"), C))),
        ("NEARBY near/5", And((Term("nearby"), Phrase(("near", "5"))))),
        ("Pyŏngyang", Term("pyongyang")),
        ("PYONGYANG", Term("pyongyang")),
        ('"Pyŏngyang"', Phrase(("pyongyang",))),
        ("Hwasong-11", Phrase(("hwasong", "11"))),
        ("Kim's", Phrase(("kim", "s"))),
        ("10:30", Phrase(("10", "30"))),
        ('a"b c"', And((A, Phrase(("b", "c"))))),
        ("  \ta\n  ", A),
        ("a a", And((A, A))),
        # A negation is allowed when every match still needs a positive term.
        ("a AND (b OR NOT c)", And((A, Or((B, Not(C)))))),
        ("a NOT (b OR -c)", And((A, Not(Or((B, Not(C))))))),
    ],
)
def test_parse(query: str, expected: Node) -> None:
    assert parse_query(query) == expected


@pytest.mark.parametrize(
    ("query", "message", "column"),
    [
        ("", "the query is empty", 1),
        ("  \t ", "the query is empty", 1),
        ('a "North Korea', "unbalanced quote", 3),
        ('"a" "b', "unbalanced quote", 5),
        ('a ""', "empty phrase", 3),
        ('a " .. "', "empty phrase", 3),
        ('"North Kor*"', "'*' is not allowed inside a phrase", 11),
        ("(a OR b", "unbalanced '('", 1),
        ("a (b (c) d", "unbalanced '('", 3),
        ("a (", "unbalanced '('", 3),
        ("a OR b)", "unbalanced ')'", 7),
        (")", "unbalanced ')'", 1),
        ("a ()", "empty group '()'", 3),
        ("a AND", "AND needs a term after it", 3),
        ("a OR", "OR needs a term after it", 3),
        ("(a OR) b", "OR needs a term after it", 4),
        ("OR b", "OR needs a term before it", 1),
        ("AND", "AND needs a term before it", 1),
        ("(AND b)", "AND needs a term before it", 2),
        ("NOT", "NOT needs a term after it", 1),
        ("a NOT", "NOT needs a term after it", 3),
        ("a -)", "'-' needs a term after it", 3),
        ("a AND OR b", "two operators in a row: AND OR", 7),
        ("a OR OR b", "two operators in a row: OR OR", 6),
        ("a NOT AND b", "two operators in a row: NOT AND", 7),
        ("a NEAR/3 OR b", "two operators in a row: NEAR/3 OR", 10),
        ("a NEAR b", "NEAR needs a distance, like NEAR/5", 3),
        ("a NEAR/ b", "NEAR needs a distance, like NEAR/5", 3),
        ("a NEAR/0 b", "the NEAR distance must be from 1 to 50, like NEAR/5", 3),
        ("a NEAR/51 b", "the NEAR distance must be from 1 to 50, like NEAR/5", 3),
        ("a NEAR/x b", "the NEAR distance must be from 1 to 50, like NEAR/5", 3),
        ("a NEAR/3", "NEAR/3 needs a term after it", 3),
        ("NEAR/3 a", "NEAR/3 needs a term before it", 1),
        ("(a OR b) NEAR/3 c", "NEAR/3 can only join terms or phrases", 10),
        ("a NEAR/3 (b OR c)", "NEAR/3 can only join terms or phrases", 3),
        ("a NEAR/3 (b)", "NEAR/3 can only join terms or phrases", 3),
        ("a NEAR/3 title:(b)", "NEAR/3 can only join terms or phrases", 3),
        ("a NEAR/3 NOT b", "NEAR/3 can only join terms or phrases", 3),
        ("a NEAR/3 -b", "NEAR/3 can only join terms or phrases", 3),
        (
            "a NEAR/3 b NEAR/3 c",
            "chains like 'a NEAR/5 b NEAR/5 c' are not supported; join pairs with AND",
            12,
        ),
        ("a*b", "'*' is only allowed at the end of a word", 2),
        ("ab**", "'*' is only allowed at the end of a word", 3),
        ("a *", "'*' needs a word before it", 3),
        ("Kim's*", "'Kim's*': a prefix search needs a single word before '*'", 1),
        ("a .*", "'.*' has no letters or digits", 3),
        ("a - b", "'-' has no letters or digits", 3),
        ("a ...", "'...' has no letters or digits", 3),
        ("a body:b", "unknown field 'body' (only title: is supported)", 3),
        ("Title:b", "unknown field 'Title' (only title: is supported)", 1),
        ("a title: b", "title: must be directly followed by a term, a phrase or a group", 3),
        ("a title:", "title: must be directly followed by a term, a phrase or a group", 3),
        ("title:-b a", "title: must be directly followed by a term, a phrase or a group", 1),
        ("title:NOT b", "title: must be directly followed by a term, a phrase or a group", 1),
        ("NOT x", "the query needs at least one term that is not negated", 1),
        ("-a -b", "the query needs at least one term that is not negated", 1),
        ("--a", "the query needs at least one term that is not negated", 1),
        ("NOT (a OR b)", "the query needs at least one term that is not negated", 1),
        ("a OR NOT b", "each side of OR needs a term that is not negated", 6),
        ("(a OR -b) (c OR -d)", "each side of OR needs a term that is not negated", 7),
        ("a NOT (b OR -c) OR -d", "each side of OR needs a term that is not negated", 20),
    ],
)
def test_parse_error(query: str, message: str, column: int) -> None:
    with pytest.raises(QueryError) as caught:
        parse_query(query)
    assert (caught.value.message, caught.value.column) == (message, column)
    assert str(caught.value) == f"{message} at column {column}"
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            '"North Korea" AND (Russia OR Moscow) NOT Seoul',
            [NK, Term("russia"), Term("moscow")],
        ),
        ("a NEAR/3 title:b", [A, Term("b", field="title")]),
        ("a -(b OR c) d*", [A, Term("d", prefix=True)]),
        ("a a OR a", [A]),
        ("a NOT (b OR -c)", [A]),
    ],
)
def test_positive_terms(query: str, expected: list[Term | Phrase]) -> None:
    assert positive_terms(parse_query(query)) == expected
