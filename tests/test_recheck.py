"""Edited articles are fetched again: a changed feed entry, or the schedule while the article
is young, brings a conditional GET; a changed text becomes a new version whose figures are
read again, alerting on what the article now says differently (a lower value: a correction).
Real feed and page server, real webhook receiver, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import html
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from monitor.cli import cli
from monitor.config import load_settings
from monitor.daemon import run_once
from monitor.store.db import make_engine
from monitor.store.tables import Article
from monitor.store.types import utc_now
from tests.servers import FeedServer

PAGE = "/news/quake-toll"
FIRST = (
    "The earthquake in the Varsel valley has killed 1,500 people, the civil protection agency"
    " said on Monday, as rescuers searched collapsed buildings through the night."
)
RAISED = (
    "The earthquake in the Varsel valley has killed 3,000 people, the civil protection agency"
    " said on Tuesday, as rescuers searched collapsed buildings through the night."
)
CORRECTED = (
    "The earthquake in the Varsel valley has killed 2,800 people, the civil protection agency"
    " said on Wednesday after finding that some victims had been counted twice."
)


def page(text: str) -> bytes:
    return (
        "<html lang='en'><head><title>Varsel quake toll</title></head><body><article>"
        f"<h1>Varsel quake toll</h1><p>{html.escape(text)}</p>"
        "<p>Aid agencies said roads into the valley remained blocked by landslides.</p>"
        "</article></body></html>"
    ).encode()


def feed(server: FeedServer, summary: str) -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
        f"<title>Varsel quake toll</title><link>{server.url(PAGE)}</link><guid>{PAGE}</guid>"
        "<pubDate>Mon, 01 Dec 2026 08:00:00 GMT</pubDate>"
        f"<description>{html.escape(summary)}</description></item></channel></rss>"
    ).encode()


def serve(server: FeedServer, text: str, summary: str, etag: str, *, status: int = 200) -> None:
    server.route("/hook", body=b"ok")
    server.route(
        "/feed.xml",
        body=feed(server, summary),
        headers={"Content-Type": "application/rss+xml"},
    )
    server.route(
        PAGE,
        status=status,
        body=page(text) if status == 200 else b"",
        headers={"Content-Type": "text/html; charset=utf-8", "ETag": etag},
    )


def configure(tmp_path: Path, db_url: str, server: FeedServer) -> Path:
    path = tmp_path / "monitor.toml"
    path.write_text(
        f"""
[monitor]
database_url = "{db_url}"
log_level = "WARNING"
[fetch]
allow_private_addresses = true
host_interval = "1ms"
[recheck]
window = "3650d"
every = "1h"
[notify.hook]
type = "webhook"
url = "{server.url("/hook")}"
[[source]]
name = "wire"
url = "{server.url("/feed.xml")}"
[[watch]]
name = "quake"
query = "earthquake AND Varsel"
notify = ["hook"]
""",
        encoding="utf-8",
    )
    return path


def poll(config: Path) -> None:
    asyncio.run(run_once(load_settings(config, environ={}), processes=0))


def stored_once(server: FeedServer, db_url: str, tmp_path: Path) -> Path:
    """Store the first version of the article; return the configuration, the server reset."""
    config = configure(tmp_path, db_url, server)
    serve(server, FIRST, "Varsel earthquake kills 1,500", '"v1"')
    poll(config)
    server.reset()
    return config


def alerts(server: FeedServer) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in server.requests if r.path == "/hook"]


def page_requests(server: FeedServer) -> list[Any]:
    return [r for r in server.requests if r.path == PAGE]


def test_an_edited_article_is_read_again_and_alerts_on_what_changed(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    config = configure(tmp_path, db_url, server)
    serve(server, FIRST, "Varsel earthquake kills 1,500", '"v1"')
    poll(config)
    assert [(a["measure"], a["value"], a["kind"]) for a in alerts(server)] == [
        ("people killed", 1500, "new_measure")
    ]

    # The same feed entry: nothing is fetched again (the scheduled recheck is not due).
    server.reset()
    serve(server, RAISED, "Varsel earthquake kills 1,500", '"v2"')
    poll(config)
    assert page_requests(server) == [] and alerts(server) == []

    # The feed entry changes: the page is fetched again, conditionally, and read again.
    server.reset()
    serve(server, RAISED, "Varsel earthquake toll rises to 3,000", '"v2"')
    poll(config)
    (request,) = page_requests(server)
    assert request.headers.get("if-none-match") == '"v1"'
    (raised,) = alerts(server)
    assert (raised["measure"], raised["value"], raised["kind"]) == (
        "people killed",
        3000,
        "changed_figure",
    )
    assert raised["revision"]["version"] == 2
    assert raised["revision"]["earlier_value"] == 1500
    assert raised["revision"]["correction"] is False
    assert [p["value"] for p in raised["previous"]] == [1500]

    # Later, on the schedule: the toll is corrected down, which the alert says.
    server.reset()
    serve(server, CORRECTED, "Varsel earthquake toll rises to 3,000", '"v3"')
    _age_last_look(db_url, hours=2)
    poll(config)
    (corrected,) = alerts(server)
    assert (corrected["value"], corrected["kind"]) == (2800, "changed_figure")
    assert corrected["revision"] == {
        "version": 3,
        "earlier_value": 3000,
        "earlier_at": corrected["revision"]["earlier_at"],
        "correction": True,
    }
    assert corrected["revision"]["earlier_at"] is not None

    # The versions, and what changed from one to the next.
    result = CliRunner().invoke(
        cli, ["--config", str(config), "articles", "--versions", server.url(PAGE), "--json"]
    )
    assert result.exit_code == 0, result.output
    versions = [json.loads(line) for line in result.output.splitlines()]
    assert [v["version"] for v in versions] == [1, 2, 3]
    assert [v["current"] for v in versions] == [False, False, True]
    assert versions[1]["figures_changed"] == ["people killed (quake): 1,500 -> 3,000"]
    assert versions[2]["figures_changed"] == ["people killed (quake): 3,000 -> 2,800"]
    assert versions[2]["sentences_removed"] >= 1 and versions[2]["sentences_added"] >= 1
    result = CliRunner().invoke(cli, ["--config", str(config), "explain", server.url(PAGE)])
    assert "version:    3" in result.output
    assert "ordered by: 2026-12-01 08:00 UTC, its publication date" in result.output


def test_a_page_that_did_not_change_costs_a_304_and_changes_nothing(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    config = stored_once(server, db_url, tmp_path)
    serve(server, FIRST, "Varsel earthquake kills 1,500", '"v1"', status=304)
    _age_last_look(db_url, hours=2)
    poll(config)
    (request,) = page_requests(server)
    assert request.headers.get("if-none-match") == '"v1"'
    assert alerts(server) == []
    article = the_article(db_url)
    assert article.version == 1 and article.rechecked_at is not None
    # Looked at just now: the next tick does not fetch it again.
    server.reset()
    serve(server, FIRST, "Varsel earthquake kills 1,500", '"v1"', status=304)
    poll(config)
    assert page_requests(server) == []


def test_a_page_that_fails_on_recheck_keeps_its_text_and_the_daemon_goes_on(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    config = stored_once(server, db_url, tmp_path)
    serve(server, FIRST, "Varsel earthquake toll revised", '"v1"', status=500)
    poll(config)  # the feed changed; the page answers 500
    assert len(page_requests(server)) >= 1 and alerts(server) == []
    article = the_article(db_url)
    assert article.version == 1 and "1,500" in article.text


def test_the_feeds_text_stands_in_for_a_page_that_failed_until_the_page_is_read(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    config = configure(tmp_path, db_url, server)
    # The page gives no text (a layout the extractor cannot read, as a crashed worker would):
    # the feed's summary is stored in its place, with the figure it gives.
    serve(server, FIRST, "Varsel earthquake kills 1,500", '"v1"')
    server.route(PAGE, body=b"<html><body><p>Loading...</p></body></html>")
    poll(config)
    article = the_article(db_url)
    assert article.content_origin == "feed" and "1,500" in article.text
    assert [a["value"] for a in alerts(server)] == [1500]

    # Not before its retry is due; then the page is read, and what only it says alerts.
    server.reset()
    serve(server, RAISED, "Varsel earthquake kills 1,500", '"v2"')
    poll(config)
    assert page_requests(server) == []
    # Its first retry comes sooner than ``every`` (1 h here): 30 minutes after it was stored.
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            stored_at = utc_now() - timedelta(minutes=31)
            session.execute(update(Article).values(fetched_at=stored_at))
    finally:
        engine.dispose()
    poll(config)
    assert len(page_requests(server)) == 1
    article = the_article(db_url)
    assert article.content_origin == "page" and article.version == 2
    assert "3,000" in article.text and "Aid agencies" in article.text
    (alert,) = alerts(server)
    assert alert["value"] == 3000


def the_article(db_url: str) -> Article:
    """Return the one stored article, detached from its session."""
    engine = make_engine(db_url)
    try:
        with Session(engine, expire_on_commit=False) as session:
            (article,) = session.scalars(select(Article)).all()
            session.expunge(article)
            return article
    finally:
        engine.dispose()


def _age_last_look(db_url: str, *, hours: int) -> None:
    """Move the article's last look back, as if ``hours`` had passed."""
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            earlier = utc_now() - timedelta(hours=hours)
            session.execute(
                update(Article).values(rechecked_at=earlier, updated_at=earlier, fetched_at=earlier)
            )
    finally:
        engine.dispose()
