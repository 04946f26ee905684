"""Google News search feeds: the RSS URL for a query, language and edition."""

from __future__ import annotations

from urllib.parse import urlencode

SEARCH_FEED = "https://news.google.com/rss/search"


def search_feed_url(query: str, *, language: str = "en", region: str = "US") -> str:
    """Return the Google News RSS search URL for ``query`` in one language and edition."""
    region = region.upper()
    interface = f"{language}-{region}" if len(language) == 2 else language
    params = {"q": query, "hl": interface, "gl": region, "ceid": f"{region}:{language}"}
    return f"{SEARCH_FEED}?{urlencode(params)}"
