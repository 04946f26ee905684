"""A database filled by real polls of loopback feeds, and the web view served over it.

The story is a wildfire (ours, not the seeds'): two polling rounds, a changed toll, a
syndicated copy, a headline carrying markup, and a second source that always fails.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

import uvicorn
from sqlalchemy import Engine

from monitor.config import Settings, load_settings
from monitor.daemon import run_once
from monitor.store import migrate
from monitor.store.db import make_engine
from monitor.web.app import create_app
from tests.servers import FeedServer

WATCH = "wildfire AND Tarnet"
MARKUP_TITLE = "Tarnet wildfire <script>alert('x')</script> update"
ROUNDS: list[list[tuple[str, str, str]]] = [
    [
        (
            "fire-day-one",
            "Wildfire near Tarnet forces evacuations",
            "The wildfire north of Tarnet has destroyed 120 homes, the regional fire service "
            "said on Monday. About 2,300 people were evacuated from villages along the ridge. "
            "Some 400 firefighters were deployed overnight.",
        ),
    ],
    [
        (
            "fire-day-two",
            MARKUP_TITLE,
            "The wildfire north of Tarnet has now destroyed 185 homes, up from 120, the fire "
            "service said on Tuesday. About 2,300 people remain evacuated. The number of "
            "firefighters deployed rose to 650.",
        ),
        (
            "fire-day-two-copy",
            "Tarnet fire destroys 185 homes",
            "The wildfire north of Tarnet has now destroyed 185 homes, up from 120, the fire "
            "service said on Tuesday. About 2,300 people remain evacuated. The number of "
            "firefighters deployed rose to 650.",
        ),
    ],
]


@dataclass
class FilledDatabase:
    settings: Settings
    engine: Engine
    server: FeedServer


def _page(title: str, text: str) -> bytes:
    body = "".join(f"<p>{escape(text)}</p>" for _ in range(1))
    filler = (
        "<p>Crews worked through the night along the ridge road, and residents gathered at the "
        "sports hall in the town centre, where volunteers handed out water and blankets.</p>"
    )
    return (
        f"<html lang='en'><head><title>{escape(title)}</title></head><body><nav>Home</nav>"
        f"<article><h1>{escape(title)}</h1>{body}{filler}</article>"
        "<footer>All rights reserved</footer></body></html>"
    ).encode()


def _feed(server: FeedServer, items: list[tuple[str, str, str]], day: int) -> bytes:
    xml = "".join(
        f"<item><title>{escape(title)}</title><link>{server.url('/news/' + slug)}</link>"
        f"<guid>{slug}</guid><description>Tarnet wildfire news.</description>"
        f"<pubDate>{day + index:02d} Jun 2026 0{index}:00:00 GMT</pubDate></item>"
        for index, (slug, title, _) in enumerate(items)
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{xml}</channel></rss>'
    ).encode()


def fill_database(server: FeedServer, db_url: str, tmp_path: Path) -> FilledDatabase:
    """Poll the story's rounds into ``db_url`` and return the settings and an engine."""
    config = tmp_path / "monitor.toml"
    config.write_text(
        f"""
[monitor]
database_url = "{db_url}"
[fetch]
timeout = "2s"
allow_private_addresses = true
[[source]]
name = "ridge-news"
url = "{server.url("/feed.xml")}"
[[source]]
name = "broken-wire"
url = "{server.url("/broken.xml")}"
[[watch]]
name = "tarnet-fire"
query = '{WATCH}'
""",
        encoding="utf-8",
    )
    settings = load_settings(config, environ={})
    engine = make_engine(db_url, create=True)
    migrate.upgrade(engine)
    server.route("/broken.xml", status=500, body=b"down")
    listed: list[tuple[str, str, str]] = []
    for day, items in enumerate(ROUNDS, start=1):
        for slug, title, text in items:
            server.route(
                f"/news/{slug}",
                body=_page(title, text),
                headers={"Content-Type": "text/html; charset=utf-8"},
            )
        listed += items
        server.route(
            "/feed.xml", body=_feed(server, listed, day), headers={"Content-Type": "text/xml"}
        )
        asyncio.run(run_once(settings, processes=0))
    return FilledDatabase(settings, engine, server)


@contextmanager
def serve_web(filled: FilledDatabase) -> Iterator[str]:
    """Serve the web view of ``filled`` on a free loopback port; yield its base URL."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(filled.settings, filled.engine),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        lifespan="off",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the web view did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
