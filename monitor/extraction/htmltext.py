"""An article's main text and metadata from an HTML page, by trafilatura.

Settings, measured on trafilatura's own evaluation pages (``tests/test_extract_eval.py``):

- ``include_comments=False``: readers' comments are not the article, and their numbers
  ("I paid 3 million for mine") must never become figures.
- ``include_tables=False``: on news pages tables are mostly link boxes ("most read",
  results, schedules); the figures stage reads sentences, which table cells are not.
- balanced extraction, neither ``favor_precision`` nor ``favor_recall``: precision mode
  dropped whole article sentences on four of the evaluation pages (one a sentence with the
  penalties a law sets, exactly what the figures stage is for) to remove boilerplate on four
  others; recall mode let in seven boilerplate snippets for two article ones.
- fallback extractors on (``fast=False``): they rescue pages whose markup trafilatura's own
  heuristics misread, at a cost the process pool absorbs.
- ``deduplicate=False``: trafilatura's deduplication keeps a process-wide cache, so a
  worker's output would depend on the pages it happened to see before.
- dates: the original publication date (not the last update), with time and zone kept.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

import trafilatura
from trafilatura.settings import Document as Extracted

from monitor.errors import ExtractError
from monitor.model import Document
from monitor.published import DROPPED_CHARS, believed

_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
_DATE_PARAMS = {
    "original_date": True,
    # The text search would find a date on more pages (9 more right, 3 more wrong of 133 dated
    # evaluation pages), but its first use scans every dateparser locale (~1.5 s in each
    # extraction worker) and feed entries carry their own date, which the pipeline falls back
    # on (benchmarks/ingest.py: 1.1x -> see the README there).
    "extensive_search": False,
    "outputformat": _DATE_FORMAT,
}
# ISO 639 codes, optionally followed by a region or script ("en-GB", "pt_BR", "zh-Hant").
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*", re.IGNORECASE)
_LANGUAGE_XPATHS = (
    "/html/@lang",
    # The HTML parser keeps "xml:lang" as a plain attribute name, outside any namespace.
    "/html/@*[name() = 'xml:lang']",
    "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
    " = 'content-language']/@content",
    "//meta[@property='og:locale']/@content",
)
# Not trafilatura's own URL field: it falls back on <base href>, often the site's home page.
_CANONICAL_XPATHS = (
    "//head//link[contains(concat(' ', translate(@rel, 'CANONIL', 'canonil'), ' '),"
    " ' canonical ')]/@href",
    "//head//meta[@property='og:url']/@content",
)


def extract_html(html: str, *, url: str, min_chars: int = 200) -> Document:
    """Return the article of an HTML page: main text, title, author, site, language, date.

    Raises ExtractError when the page cannot be parsed or its main text is shorter than
    ``min_chars`` characters (a paywall, an index page, an error page).
    """
    tree = trafilatura.load_html(html)
    if tree is None:
        raise ExtractError(f"{url}: not an HTML document")
    # trafilatura's own language field needs an optional detector; the markup says it anyway.
    language = _page_language(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_links=False,
        include_images=False,
        favor_precision=False,
        favor_recall=False,
        fast=False,
        deduplicate=False,
        date_extraction_params=dict(_DATE_PARAMS),
    )
    text = (result.text or "").strip() if isinstance(result, Extracted) else ""
    if not isinstance(result, Extracted) or len(text) < min_chars:
        raise ExtractError(f"{url}: main text has {len(text)} characters, fewer than {min_chars}")
    published = parse_published(result.date)
    dropped = result.date[:DROPPED_CHARS] if result.date and published is None else None
    return Document(
        url=url,
        title=_nonblank(result.title),
        text=text,
        author=_nonblank(result.author),
        site=_nonblank(result.sitename),
        language=language,
        published_at=published,
        origin="page",
        canonical_url=_declared_canonical(tree),
        published_dropped=dropped,
    )


def parse_published(value: str | None) -> datetime | None:
    """Return an ISO 8601 date or date-time as an aware UTC datetime, or None if unreadable.

    A date alone is midnight UTC; a time without a zone is taken as UTC, since nothing on the
    page says otherwise and the server's zone would be a guess too.
    """
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    moment = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    return believed(moment, written=value)


def _page_language(tree: Any) -> str | None:
    """Return the primary language subtag the page declares ("en" for "en-GB"), or None.

    ``tree`` is an lxml HtmlElement, which has no type information.
    """
    for xpath in _LANGUAGE_XPATHS:
        values: Any = tree.xpath(xpath)
        for value in values:
            match = _LANGUAGE_TAG.fullmatch(str(value).strip())
            if match:
                return match.group(1).lower()
    return None


def _declared_canonical(tree: Any) -> str | None:
    """Return the page's own canonical URL as written (maybe relative), or None.

    The dedup stage resolves it and keeps it only when it stays on the page's site.
    """
    for xpath in _CANONICAL_XPATHS:
        values: Any = tree.xpath(xpath)
        for value in values:
            if str(value).strip():
                return str(value).strip()
    return None


def _nonblank(value: str | None) -> str | None:
    """Return the value stripped, or None when it is None or blank."""
    return (value.strip() or None) if value else None
