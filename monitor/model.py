"""Plain values passed between the stages of the pipeline (no ORM rows).

source poll -> Entry -> fetch -> Page -> extract -> Document -> dedup, watch, figures
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

ContentOrigin = Literal["page", "feed", "import"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """One item of a feed, as the feed describes it."""

    source: str  # the source's configured name
    key: str  # stable identity within the source: hash of the GUID, else of the link
    url: str
    guid: str | None
    title: str
    summary: str  # plain text
    content: str  # the feed's own full content (HTML or text), "" when it has none
    published_at: datetime | None
    updated_at: datetime | None = None  # the feed's own "updated" date, when it gives one
    published_dropped: str | None = None  # a date the feed gave that was not believed

    @property
    def digest(self) -> str:
        """What the feed says of the entry, hashed: a new digest means the article was edited."""
        said = "\x1f".join(
            (
                self.title,
                self.summary,
                self.content,
                self.updated_at.isoformat() if self.updated_at else "",
            )
        )
        return hashlib.sha256(said.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """A fetched response: the body, decoded, and where it finally came from."""

    url: str  # as requested
    final_url: str  # after redirects
    status: int  # 200..299, or 304 for a conditional GET whose resource did not change
    headers: Mapping[str, str]  # lower-case names
    body: bytes
    text: str  # body decoded (header charset, then meta charset, then detection)
    charset: str
    content_type: str  # media type only, lower case ("text/html")


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """An article's main text and metadata, extracted from a page, a feed or a file."""

    url: str
    title: str | None
    text: str
    author: str | None
    site: str | None
    language: str | None
    published_at: datetime | None
    origin: ContentOrigin
    # The page's own <link rel=canonical> or og:url as written (maybe relative); the dedup
    # stage keeps it only when it resolves to another page of the same site.
    canonical_url: str | None = None
    # A publication date the page or feed gave but that was not believed (monitor.published),
    # as written: ``monitor explain`` says why the fetch time stands in.
    published_dropped: str | None = None
