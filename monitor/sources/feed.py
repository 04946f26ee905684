"""Parse RSS 0.9x/1.0/2.0 and Atom bytes (fetched by us, never by feedparser) into entries."""

from __future__ import annotations

import calendar
import hashlib
import io
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import feedparser

from monitor.errors import MonitorError
from monitor.extraction.feed import html_to_text
from monitor.model import Entry
from monitor.published import DROPPED_CHARS, believed

log = logging.getLogger(__name__)


class FeedError(MonitorError):
    """The body is not a feed that could be read."""

    kind = "malformed_feed"


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    entries: list[Entry]
    title: str
    warnings: list[str]


def parse_feed(body: bytes, *, source: str, url: str, headers: Mapping[str, str]) -> ParsedFeed:
    """Return the entries of a feed body; raises FeedError when nothing can be read from it."""
    # BytesIO: given a str, feedparser would treat it as a URL or a path and do the I/O itself.
    parsed: Any = feedparser.parse(
        io.BytesIO(body), response_headers=dict(headers), resolve_relative_uris=True
    )
    warnings = []
    raw_entries = [e for e in parsed.entries if _link(e, url)]
    if parsed.bozo:
        problem = f"{type(parsed.bozo_exception).__name__}: {parsed.bozo_exception}"
        if not raw_entries:
            raise FeedError(f"not a readable feed ({problem})")
        warnings.append(f"feed is not well-formed, {len(raw_entries)} entries read: {problem}")
    use_guids = _guids_are_usable(raw_entries)
    if not use_guids and any(e.get("id") for e in raw_entries):
        warnings.append("feed repeats GUIDs for different links; entries are keyed by link")
    entries = [_entry(e, source=source, base=url, use_guid=use_guids) for e in raw_entries]
    for warning in warnings:
        log.warning("%s: %s", source, warning, extra={"source": source})
    return ParsedFeed(entries=entries, title=_text(parsed.feed.get("title", "")), warnings=warnings)


def entry_key(*, guid: str | None, url: str) -> str:
    """Return an entry's stable identity: the hash of its GUID, else of its link."""
    basis = f"guid:{guid}" if guid else f"link:{url}"
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def _guids_are_usable(entries: list[Any]) -> bool:
    """Whether every entry has a GUID and no GUID stands for two different links."""
    links_by_guid: dict[str, str] = {}
    for entry in entries:
        guid = entry.get("id")
        if not guid:
            return False
        link = entry.get("link", "")
        if links_by_guid.setdefault(guid, link) != link:
            return False
    return True


def _entry(raw: Any, *, source: str, base: str, use_guid: bool) -> Entry:
    url = _link(raw, base)
    guid = raw.get("id") if use_guid else None
    content = raw.get("content") or []
    published, dropped = _published(raw)
    return Entry(
        source=source,
        key=entry_key(guid=guid, url=url),
        url=url,
        guid=guid,
        title=_text(raw.get("title", "")),
        summary=_text(raw.get("summary", "")),
        content=content[0].get("value", "") if content else "",
        published_at=published,
        updated_at=_updated(raw),
        published_dropped=dropped,
    )


def _link(raw: Any, base: str) -> str:
    link = str(raw.get("link") or "").strip()
    return link if link.startswith(("http://", "https://")) else ""


def _text(value: str) -> str:
    """Return feed markup as plain text (titles and summaries are often HTML)."""
    # The extraction's HTML reader: it also drops what a reader never sees (script, style).
    return " ".join(html_to_text(value).split())


def _updated(raw: Any) -> datetime | None:
    """Return the entry's own "updated" date (Atom <updated>, RSS <atom:updated>), if any."""
    # dict.get: feedparser's own get() answers a missing "updated" with the published date.
    moment = dict.get(raw, "updated_parsed")
    return datetime.fromtimestamp(calendar.timegm(moment), tz=UTC) if moment else None


def _published(raw: Any) -> tuple[datetime | None, str | None]:
    """Return the entry's publication date, or None and the date as written when it is not
    believed ("9999-01-01", "0001-01-01", a month 13 rolled into next year)."""
    for field in ("published", "updated", "created"):
        moment = raw.get(f"{field}_parsed")
        if moment:
            written = str(dict.get(raw, field) or "")
            # feedparser gives UTC struct_time; timegm reads it as UTC (mktime would not).
            try:
                parsed = datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)
            except (OverflowError, ValueError, OSError):
                return None, written[:DROPPED_CHARS] or None
            if believed(parsed, written=written) is None:
                return None, written[:DROPPED_CHARS] or None
            return parsed, None
    return None, None
