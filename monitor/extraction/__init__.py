"""The extract stage: an article's text and metadata from an HTML page, a file or a feed entry.

- ``extract_html``: main text and metadata of a web page, by trafilatura (``htmltext``);
- ``clean_plain_text`` and ``document_from_text``: plain-text scrapes, such as imported files,
  with their boilerplate lines removed (``plaintext``, whose docstring lists the rules);
- ``document_from_feed``: a feed entry's own content or summary, when its page gave nothing;
- ``Extractor``: ``extract_html`` in worker processes for the daemon's event loop (``pool``).
"""

from __future__ import annotations

from monitor.extraction.feed import document_from_feed
from monitor.extraction.htmltext import extract_html, parse_published
from monitor.extraction.plaintext import clean_plain_text, document_from_text
from monitor.extraction.pool import Extractor

__all__ = [
    "Extractor",
    "clean_plain_text",
    "document_from_feed",
    "document_from_text",
    "extract_html",
    "parse_published",
]
