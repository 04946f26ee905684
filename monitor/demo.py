"""`monitor demo`: the whole pipeline on bundled sample news, served on loopback, no network.

The sample articles (monitor/demo_data) were written for the demo; their pages carry the
clutter real pages have (cookie banner, navigation, share links, related list, comments).
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any

DEMO_WATCH = '"North Korea" AND (Russia OR Moscow OR Kremlin OR Putin)'


def _data(name: str) -> str:
    return (resources.files("monitor") / "demo_data" / name).read_text(encoding="utf-8")


def _articles() -> list[dict[str, Any]]:
    loaded: list[dict[str, Any]] = json.loads(_data("articles.json"))
    return loaded


def render_page(article: dict[str, Any]) -> str:
    """Return the sample article as a full news page."""
    published = datetime.fromisoformat(article["published"])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in article["paragraphs"])
    return _data("page.html.tmpl").format(
        title=html.escape(article["title"]),
        site=html.escape(article["site"]),
        author=html.escape(article["author"]),
        published=article["published"],
        published_human=published.strftime("%d %B %Y"),
        body=body,
    )


def render_feed(base_url: str) -> str:
    """Return an RSS 2.0 feed listing every sample article."""
    items = []
    for article in _articles():
        published = format_datetime(datetime.fromisoformat(article["published"]))
        items.append(
            "<item>"
            f"<title>{html.escape(article['title'])}</title>"
            f"<link>{base_url}/news/{article['slug']}</link>"
            f'<guid isPermaLink="false">demo-{article["slug"]}</guid>'
            f"<pubDate>{published}</pubDate>"
            f"<description>{html.escape(article['summary'])}</description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Demo news</title><link>{base_url}/</link><description>Sample feed</description>"
        + "".join(items)
        + "</channel></rss>"
    )


class _Handler(BaseHTTPRequestHandler):
    base_url = ""

    def do_GET(self) -> None:
        pages = {f"/news/{a['slug']}": a for a in _articles()}
        if self.path == "/feed.xml":
            self._send(200, "application/rss+xml; charset=utf-8", render_feed(self.base_url))
        elif self.path in pages:
            self._send(200, "text/html; charset=utf-8", render_page(pages[self.path]))
        elif self.path == "/robots.txt":
            self._send(200, "text/plain", "User-agent: *\nAllow: /\n")
        else:
            self._send(404, "text/plain", "not found")

    def _send(self, status: int, content_type: str, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the demo prints what the monitor did, not the server's access log."""


@contextmanager
def serve_demo_news() -> Iterator[str]:
    """Serve the sample feed and pages on a free loopback port; yield the feed URL."""

    class Handler(_Handler):
        pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Handler.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    handler = Handler
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"{handler.base_url}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def demo_config(feed_url: str, database_url: str) -> str:
    """Return the TOML configuration the demo runs with."""
    return f"""
[monitor]
database_url = "{database_url}"
log_level = "WARNING"

[fetch]
allow_private_addresses = true

[[source]]
name = "demo-news"
url = "{feed_url}"

[[watch]]
name = "dprk-russia-arms"
query = '{DEMO_WATCH}'
notify = ["screen"]

[notify.screen]
type = "console"
"""


def write_demo_config(folder: Path, feed_url: str, database_url: str) -> Path:
    """Write the demo configuration into ``folder`` and return its path."""
    path = folder / "demo.toml"
    path.write_text(demo_config(feed_url, database_url), encoding="utf-8")
    return path
