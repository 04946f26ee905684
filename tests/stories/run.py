"""Running the stories end to end: feeds and pages on loopback, `run --once` per round.

Every story's sources are served by one ``FeedServer``; before each polling round the feeds
list the articles of the rounds so far (newest first, as feeds do) and their pages are
served. The monitor then polls every source once, exactly as ``monitor run --once`` does,
and its alerts go to a webhook on the same server. What comes out is read back from the
webhook's requests and the database.
"""

from __future__ import annotations

import asyncio
import html
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.config import Settings, load_settings
from monitor.daemon import run_once
from monitor.demo import render_page
from monitor.store.db import make_engine
from monitor.store.tables import Alert, Article
from monitor.store.tables import Figure as StoredFigure
from tests.servers import FeedServer
from tests.stories.corpus import Story, StoryArticle

HOOK = "/hook"


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    url: str
    text: str
    duplicate_of: int | None
    title: str | None = None

    @property
    def body_start(self) -> int:
        """Where the body starts: after the headline, when the text opens with it."""
        first = self.text.split("\n", 1)[0]
        if self.title and " ".join(first.split()) == " ".join(self.title.split()):
            return len(first)
        return 0


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the monitor made of the stories: articles, figures and the alerts it sent."""

    articles: dict[str, StoredArticle]  # by path: /story/source/id
    figures: list[StoredFigure]
    alerts: list[dict[str, Any]]  # webhook payloads, each with "figure_id" added from the DB


def page_path(story: Story, article: StoryArticle) -> str:
    return f"/{story.name}/{article.source}/{article.id}"


def feed_path(story: Story, source: str) -> str:
    return f"/{story.name}/{source}/feed.xml"


def configuration(stories: Sequence[Story], server: FeedServer, database_url: str) -> str:
    """Return the TOML configuration the stories run with: every feed, a watch per story."""
    lines = [
        "[monitor]",
        f'database_url = "{database_url}"',
        'log_level = "WARNING"',
        "[fetch]",
        "allow_private_addresses = true",
        'host_interval = "1ms"',
        "per_host = 8",
        "concurrency = 8",
        "[notify.hook]",
        'type = "webhook"',
        f'url = "{server.url(HOOK)}"',
    ]
    for story in stories:
        for source in story.sources:
            lines += [
                "[[source]]",
                f'name = "{story.name}-{source.name}"',
                f'url = "{server.url(feed_path(story, source.name))}"',
            ]
        lines += [
            "[[watch]]",
            f'name = "{story.watch_name}"',
            f"query = '{story.watch_query}'",
            'notify = ["hook"]',
            "max_per_hour = 0",
        ]
    return "\n".join(lines) + "\n"


def serve_round(
    stories: Sequence[Story],
    server: FeedServer,
    round_: int,
    *,
    shuffle: random.Random | None = None,
) -> None:
    """Serve every feed as it reads at ``round_``, and the pages of the articles it lists.

    With ``shuffle``, each feed lists its entries in a random order and each page answers
    after a random delay (up to 0.2 s), so the articles arrive in an order of its choosing.
    """
    server.route(HOOK, status=200, body=b"ok")
    for story in stories:
        for source in story.sources:
            listed = sorted(
                (a for a in story.articles if a.source == source.name and a.round <= round_),
                key=lambda a: a.published,
                reverse=True,
            )
            if shuffle is not None:
                shuffle.shuffle(listed)
            body = _feed(story, source.name, listed, server).encode()
            server.route(
                feed_path(story, source.name),
                headers={"Content-Type": "application/rss+xml; charset=utf-8"},
                body=body,
            )
            for article in listed:
                page = render_page(_page_fields(story, article)).encode()
                server.route(
                    page_path(story, article),
                    headers={"Content-Type": "text/html; charset=utf-8"},
                    body=page,
                    delay=shuffle.uniform(0.0, 0.2) if shuffle is not None else 0.0,
                )


def run_stories(
    stories: Sequence[Story],
    server: FeedServer,
    database_url: str,
    folder: Path,
    *,
    shuffle: int | None = None,
) -> Outcome:
    """Poll the stories round by round into ``database_url``; return what came out. With
    ``shuffle`` (a seed), entries and pages arrive in an order of its choosing."""
    config = folder / "stories.toml"
    config.write_text(configuration(stories, server, database_url), encoding="utf-8")
    settings = load_settings(config, environ={})
    rng = random.Random(shuffle) if shuffle is not None else None
    for round_ in range(1, max(story.rounds for story in stories) + 1):
        serve_round(stories, server, round_, shuffle=rng)
        _poll(settings)
    return read_outcome(database_url, server)


def _poll(settings: Settings) -> None:
    for result in asyncio.run(run_once(settings, processes=0)):
        if result.error_kind:
            raise AssertionError(f"{result.source}: poll failed: {result.error_kind}")


def read_outcome(database_url: str, server: FeedServer) -> Outcome:
    """Return the stored articles and figures, and the alerts the webhook received."""
    payloads = [json.loads(r.body) for r in server.requests if r.path == HOOK]
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            articles = {
                _path(row.url): StoredArticle(
                    row.id, row.url, row.text, row.duplicate_of, row.title
                )
                for row in session.scalars(select(Article))
            }
            figures = list(session.scalars(select(StoredFigure).order_by(StoredFigure.id)))
            session.expunge_all()
            figure_of = {
                row.id: row.figure_id for row in session.execute(select(Alert.id, Alert.figure_id))
            }
    finally:
        engine.dispose()
    sent = [{**payload, "figure_id": figure_of[payload["id"]]} for payload in payloads]
    return Outcome(articles=articles, figures=figures, alerts=sent)


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3] if url.count("/") >= 3 else url


def _page_fields(story: Story, article: StoryArticle) -> dict[str, Any]:
    site = next(s.site for s in story.sources if s.name == article.source)
    return {
        "title": article.title,
        "site": site,
        "author": f"{site} staff",
        "published": article.published.isoformat(),
        "paragraphs": list(article.paragraphs),
    }


def _feed(story: Story, source: str, articles: list[StoryArticle], server: FeedServer) -> str:
    items = "".join(
        "<item>"
        f"<title>{html.escape(a.title)}</title>"
        f"<link>{server.url(page_path(story, a))}</link>"
        f'<guid isPermaLink="false">{story.name}-{a.id}</guid>'
        f"<pubDate>{format_datetime(a.published)}</pubDate>"
        f"<description>{html.escape(a.summary)}</description>"
        "</item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>{html.escape(source)}</title><link>{server.url('/')}</link>"
        f"<description>{html.escape(story.about)}</description>{items}</channel></rss>"
    )
