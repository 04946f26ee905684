"""Our trafilatura settings against trafilatura's defaults on its own evaluation pages.

The pages and their expectations live in ``../shared/peer-suites/trafilatura-eval/`` (see its
README.md); they are read there, never copied. Each page lists snippets the main text must
contain ("with") and snippets it must not ("without"); a page scores one point per "with"
snippet found and one per "without" snippet absent: trafilatura's own scoring.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import trafilatura
from charset_normalizer import from_bytes

from monitor.errors import ExtractError
from monitor.extraction import extract_html

EVAL = Path(__file__).resolve().parents[2] / "shared" / "peer-suites" / "trafilatura-eval"

Case = tuple[str, str, list[str], list[str]]  # url, html, "with" snippets, "without" snippets

pytestmark = pytest.mark.skipif(
    not (EVAL / "evaldata.json").is_file(), reason=f"no evaluation pages at {EVAL}"
)


def decode(body: bytes) -> str:
    """Return the page as text: UTF-8 when it is, else charset detection (as the fetcher)."""
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body).best()
        return str(best) if best is not None else body.decode("latin-1")


def load_cases() -> list[Case]:
    cases = json.loads((EVAL / "evaldata.json").read_text(encoding="utf-8"))
    return [
        (url, decode((EVAL / "pages" / case["file"]).read_bytes()), case["with"], case["without"])
        for url, case in cases.items()
    ]


def defaults_text(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def our_text(html: str, url: str) -> str:
    try:
        return extract_html(html, url=url).text
    except ExtractError:
        return ""


def score(cases: list[Case], extract: Callable[[str, str], str]) -> int:
    points = 0
    for url, html, with_snippets, without_snippets in cases:
        text = extract(html, url)
        points += sum(snippet in text for snippet in with_snippets)
        points += sum(snippet not in text for snippet in without_snippets)
    return points


def test_our_settings_score_at_least_the_defaults() -> None:
    started = time.perf_counter()
    cases = load_cases()
    assert len(cases) == 146
    possible = sum(len(w) + len(wo) for _, _, w, wo in cases)
    defaults = score(cases, defaults_text)
    ours = score(cases, our_text)
    summary = (
        f"trafilatura eval, {len(cases)} pages, {possible} points: defaults {defaults}, "
        f"ours {ours} ({time.perf_counter() - started:.1f} s)"
    )
    print(summary)
    assert ours >= defaults, summary
