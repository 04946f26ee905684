"""An article's text from its feed entry, for when the page itself gave none."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from monitor.model import Document, Entry

_TAG = re.compile(r"<[a-zA-Z][^>]*>")
# Elements whose start or end breaks the text into lines.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6"
    " header hr li main ol p pre section table td th tr ul".split()
)
# Elements whose content is never text a reader sees.
_HIDDEN = frozenset("head iframe noscript script style svg template".split())


def document_from_feed(entry: Entry) -> Document | None:
    """Return the entry's own text (its content, else its summary) as a Document; None if empty.

    A feed's full content is the article as its publisher chose to send it, so only its markup
    is removed; no length minimum, since a summary is still the best text there is.
    """
    for candidate in (entry.content, entry.summary):
        text = html_to_text(candidate) if _TAG.search(candidate) else _lines(candidate)
        if text:
            return Document(
                url=entry.url,
                title=entry.title or None,
                text=text,
                author=None,
                site=None,
                language=None,
                published_at=entry.published_at,
                origin="feed",
                published_dropped=entry.published_dropped,
            )
    return None


def html_to_text(html: str) -> str:
    """Return the visible text of an HTML fragment, one line per paragraph or other block."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return _lines("".join(collector.parts))


def _lines(text: str) -> str:
    """Return the text's non-blank lines, whitespace runs made single spaces."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self._hidden_depth += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self._hidden_depth = max(0, self._hidden_depth - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden_depth:
            self.parts.append(data)
