"""Same news, same answer: a developing story polled in shuffled arrival orders, by one to
three daemons at once, gives identical clusters, figure decisions and alerts every time, on
SQLite and on PostgreSQL (docs/dedup.md, "Which copy is the original").

The flood story of tests/data/stories arrives in two polls (its rounds 1-4, then 5-8), so it
holds copies that arrive in the same poll as their original and copies that arrive later.
Two of its copies are made harder: one is published the same minute as its original (the
canonical URL decides, never the arrival), one drops a paragraph and adds a syndication line.
Every run shuffles the feeds' entry order and delays each page by a random amount.
"""

from __future__ import annotations

import asyncio
import dataclasses
import random
from contextlib import AsyncExitStack
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.config import Settings, load_settings
from monitor.runtime import open_runtime
from monitor.store.db import make_engine
from monitor.store.tables import Alert, Article
from monitor.store.tables import Figure as StoredFigure
from monitor.store.types import utc_now
from monitor.tick import poll_tick
from tests.databases import migrated_database
from tests.servers import FeedServer
from tests.stories.corpus import STORIES, Story, load_story
from tests.stories.run import configuration, page_path, serve_round

POLLS = (4, 8)  # the last story round each poll serves
RUNS = {"sqlite": 6, "postgresql": 3}

Snapshot = dict[str, Any]


def _story() -> Story:
    story = load_story(STORIES / "flood.yaml")
    copies = [article for article in story.articles if article.copy_of]
    same_minute, shortened = copies[0], copies[1]
    articles = []
    for article in story.articles:
        if article is same_minute:
            original = story.article(same_minute.copy_of or "")
            article = dataclasses.replace(article, published=original.published)
        elif article is shortened:
            paragraphs = (*article.paragraphs[:-1], "This article first appeared in the Herald.")
            article = dataclasses.replace(article, paragraphs=paragraphs)
        articles.append(article)
    return dataclasses.replace(story, articles=tuple(articles))


@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_the_same_news_gives_the_same_answer_in_any_arrival_order(
    kind: str, feed_server: FeedServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    story = _story()
    snapshots = []
    for run in range(RUNS[kind]):
        with migrated_database(kind, tmp_path / f"run{run}", request) as url:
            snapshots.append(_run(story, feed_server, url, tmp_path / f"run{run}", seed=run))
    first = snapshots[0]
    # The story's copies are stored as copies of its originals: the test sees real clusters.
    copies = {
        page_path(story, a): page_path(story, story.article(a.copy_of or ""))
        for a in story.articles
        if a.copy_of
    }
    assert {path for path, original in first["clusters"].items() if original} == set(copies)
    assert first["alerts"], "the story raises alerts"
    for run, snapshot in enumerate(snapshots[1:], start=1):
        for part in ("clusters", "figures", "alerts"):
            assert snapshot[part] == first[part], f"run {run} ({_pollers(run)} pollers): {part}"
    # The earliest published version is the original; at the same minute, the URL decides.
    for copy, original in copies.items():
        chosen = first["clusters"][copy] or copy
        assert chosen in {copy, original}
        if (
            story.article(copy.rsplit("/", 1)[1]).published
            != story.article(original.rsplit("/", 1)[1]).published
        ):
            assert chosen == original


def _pollers(run: int) -> int:
    return 1 + run % 3


def _run(story: Story, server: FeedServer, url: str, folder: Path, *, seed: int) -> Snapshot:
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "monitor.toml"
    config.write_text(configuration([story], server, url), encoding="utf-8")
    settings = load_settings(config, environ={})
    shuffle = random.Random(seed)
    for last_round in POLLS:
        server.reset()
        serve_round([story], server, last_round, shuffle=shuffle)
        asyncio.run(_poll_with(settings, _pollers(seed), shuffle))
    return _snapshot(url)


async def _poll_with(settings: Settings, pollers: int, shuffle: random.Random) -> None:
    """Poll every source once with ``pollers`` daemons at once, each with its share of the
    sources in a shuffled order; each ends its tick as a daemon does."""
    sources = list(settings.sources)
    shuffle.shuffle(sources)
    async with AsyncExitStack() as stack:
        ticks = []
        for index in range(pollers):
            runtime = await stack.enter_async_context(open_runtime(settings, processes=0))
            share = dataclasses.replace(settings, sources=tuple(sources[index::pollers]))
            runtime = dataclasses.replace(runtime, settings=share, owner=f"poller-{index}")
            ticks.append(poll_tick(runtime, due_by=_far_future()))
        await asyncio.gather(*ticks)


def _far_future() -> datetime:
    return utc_now() + timedelta(days=36500)


def _snapshot(url: str) -> Snapshot:
    """What an analyst sees, keyed by page path, never by database id (arrival order)."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            path_of = {row.id: _path(row.url) for row in session.scalars(select(Article))}
            clusters = {
                path_of[row.id]: path_of[row.duplicate_of] if row.duplicate_of else None
                for row in session.scalars(select(Article))
            }
            figures = sorted(
                (
                    path_of[row.article_id],
                    row.span_start,
                    row.watch,
                    row.measure,
                    row.value,
                    row.role,
                    row.status,
                )
                for row in session.scalars(select(StoredFigure))
            )
            figure_of = {row.id: row for row in session.scalars(select(StoredFigure))}
            alerts = sorted(
                (
                    path_of[figure_of[row.figure_id].article_id],
                    figure_of[row.figure_id].measure,
                    figure_of[row.figure_id].value,
                    figure_of[row.figure_id].status,
                )
                for row in session.scalars(select(Alert))
                if row.figure_id is not None
            )
    finally:
        engine.dispose()
    return {"clusters": clusters, "figures": figures, "alerts": alerts}


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]
