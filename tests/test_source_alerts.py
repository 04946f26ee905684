"""Source-health alerts: a feed that keeps failing, or goes silent, is told to the operator
once through the ``[health]`` notifiers, and so is its recovery. Real polls of a loopback feed
server, a real webhook receiver, SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts.render_source import is_source_alert, render_source_alert
from monitor.alerts.sources import GROUP_AT
from monitor.cli import cli
from monitor.config import load_settings
from monitor.daemon import run_once
from monitor.store.db import make_engine
from monitor.store.tables import Alert, Source, SourceEntry
from monitor.store.types import utc_now
from tests.servers import FeedServer
from tests.web_fixtures import FilledDatabase, serve_web

# A key under a name no rule knows: the whole query stays out of the operator's alerts.
FEED = "/feed.xml?k=s3cr3t-feed-key"


def rss(server: FeedServer, count: int) -> bytes:
    # Titles that match no watch: the entries are seen (arrivals) without fetching a page.
    items = "".join(
        f"<item><title>Harbour timetable {n}</title><link>{server.url(f'/t/{n}')}</link>"
        f"<guid>timetable-{n}</guid></item>"
        for n in range(count)
    )
    channel = f"<channel><title>t</title>{items}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


def serve_feed(server: FeedServer, count: int) -> None:
    server.route(FEED, body=rss(server, count), headers={"Content-Type": "application/rss+xml"})


def configure(tmp_path: Path, db_url: str, server: FeedServer, health: str) -> Path:
    server.route("/hook", body=b"ok")
    server.route("/ops", body=b"ok")
    path = tmp_path / "monitor.toml"
    path.write_text(
        f"""
[monitor]
database_url = "{db_url}"
log_level = "WARNING"
[fetch]
allow_private_addresses = true
host_interval = "1ms"
[health]
{health}
[notify.hook]
type = "webhook"
url = "{server.url("/hook")}"
[notify.ops]
type = "webhook"
url = "{server.url("/ops")}"
[[source]]
name = "harbour-wire"
url = "{server.url(FEED)}"
[[watch]]
name = "strike"
query = "dockworkers AND strike"
notify = ["hook"]
""",
        encoding="utf-8",
    )
    return path


def poll(config: Path) -> None:
    asyncio.run(run_once(load_settings(config, environ={}), processes=0))


def posted(server: FeedServer, path: str) -> list[dict[str, Any]]:
    return [json.loads(r.body) for r in server.requests if r.path == path]


def stored_health(db_url: str) -> str:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            return session.scalars(select(Source.health)).one()
    finally:
        engine.dispose()


def test_a_failing_source_is_told_once_then_its_recovery(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    config = configure(tmp_path, db_url, feed_server, 'notify = ["ops"]\nfailing_after = 3')
    feed_server.route(FEED, status=503, body=b"down for maintenance")
    poll(config)
    poll(config)
    assert posted(feed_server, "/ops") == []  # two failures are weather, not news
    poll(config)
    poll(config)
    [failing] = posted(feed_server, "/ops")
    assert failing["kind"] == "source_failing"
    assert failing["source"]["name"] == "harbour-wire"
    assert (failing["failures"], failing["error_kind"]) == (3, "http_status")
    assert failing["last_success_at"] is None
    assert stored_health(db_url) == "failing"
    listed = CliRunner().invoke(cli, ["--config", str(config), "sources", "--json"])
    assert json.loads(listed.output)["health"] == "failing", listed.output
    status = CliRunner().invoke(cli, ["--config", str(config), "status", "--json"])
    assert json.loads(status.output)["sources_unhealthy"] == 1, status.output

    serve_feed(feed_server, 2)
    poll(config)
    poll(config)
    failing_again, recovered = posted(feed_server, "/ops")
    assert failing_again == failing
    assert recovered["kind"] == "source_recovered"
    assert (recovered["was"], recovered["health"]) == ("failing", "ok")
    assert recovered["failures"] == 0 and recovered["last_success_at"] is not None
    assert stored_health(db_url) == "ok"

    # The analysts' notifier gets no operator alert, and the feed's key goes nowhere.
    assert posted(feed_server, "/hook") == []
    bodies = b"".join(r.body for r in feed_server.requests if r.path == "/ops")
    assert b"s3cr3t-feed-key" not in bodies
    assert failing["source"]["url"] == feed_server.url("/feed.xml")


def test_a_silent_source_is_told_once_then_its_return(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    config = configure(tmp_path, db_url, feed_server, "")  # every notifier by default
    serve_feed(feed_server, 6)
    poll(config)
    assert posted(feed_server, "/ops") == []
    # Six hourly arrivals, the last 15 hours ago: the history a wire feed that stopped
    # publishing would have left. 15 h is past four usual gaps and past six hours.
    _age_arrivals(db_url, every=timedelta(hours=1), last=timedelta(hours=15))
    poll(config)
    poll(config)
    [silent] = posted(feed_server, "/ops")
    assert posted(feed_server, "/hook") == [silent]
    assert silent["kind"] == "source_silent"
    assert silent["usual_gap_seconds"] == 3600
    assert silent["failures"] == 0 and silent["error"] is None
    assert stored_health(db_url) == "silent"

    serve_feed(feed_server, 7)  # a new item
    poll(config)
    _, recovered = posted(feed_server, "/ops")
    assert recovered["kind"] == "source_recovered"
    assert (recovered["was"], recovered["health"]) == ("silent", "ok")
    assert stored_health(db_url) == "ok"


def test_with_no_health_notifier_the_state_is_kept_and_nothing_is_sent(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    config = configure(tmp_path, db_url, feed_server, "notify = []\nfailing_after = 1")
    feed_server.route(FEED, status=404)
    poll(config)
    assert stored_health(db_url) == "failing"
    assert posted(feed_server, "/ops") == posted(feed_server, "/hook") == []
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            assert session.scalars(select(Alert)).all() == []
        filled = FilledDatabase(load_settings(config, environ={}), engine, feed_server)
        with serve_web(filled) as web:
            [source] = httpx.get(f"{web}/api/sources").json()
            page = httpx.get(f"{web}/sources").text
        assert (source["state"], source["health"]) == ("failing", "failing")
        assert "judged failing since" in page
    finally:
        engine.dispose()
    # Removed from the configuration, the source is no longer counted as unhealthy.
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace('name = "harbour-wire"', 'name = "other-wire"'), "utf-8")
    feed_server.route(FEED, body=rss(feed_server, 1))
    poll(config)
    status = CliRunner().invoke(cli, ["--config", str(config), "status", "--json"])
    assert json.loads(status.output)["sources_unhealthy"] == 0, status.output


def _age_arrivals(db_url: str, *, every: timedelta, last: timedelta) -> None:
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            entries = session.scalars(select(SourceEntry).order_by(SourceEntry.url)).all()
            newest = utc_now() - last
            for age, entry in enumerate(reversed(entries)):
                entry.seen_at = newest - age * every
    finally:
        engine.dispose()


def test_the_messages_say_what_is_wrong_since_when_and_escape_the_feeds_words() -> None:
    failing = {
        "kind": "source_failing",
        "source": {"name": "harbour-wire", "type": "rss", "url": "https://news.example/feed"},
        "health": "failing",
        "was": "ok",
        "failures": 4,
        "error_kind": "http_status",
        "error": "fetch: http_status: <script>alert(1)</script> answered 503",
        "last_success_at": "2026-12-01T06:00:00+00:00",
        "created_at": "2026-12-02T06:00:00+00:00",
    }
    message = render_source_alert(failing)
    assert message.subject == "[source] harbour-wire is failing: 4 polls in a row failed"
    assert "Last successful poll: 2026-12-01 06:00 UTC" in message.text
    assert "<script>" not in message.html and "&lt;script&gt;" in message.html
    slack = json.dumps(message.slack)
    assert "<script>" not in slack and "&lt;script&gt;" in slack
    assert message.payload == failing

    silent = {
        **failing,
        "kind": "source_silent",
        "error": None,
        "last_new_item_at": "2026-12-01T18:00:00+00:00",
        "usual_gap_seconds": 7200.0,
    }
    message = render_source_alert(silent)
    assert message.subject == "[source] harbour-wire is silent: no new item for 12 h"
    assert "usually brings one every 2 h" in message.text

    recovered = {
        **failing,
        "kind": "source_recovered",
        "health": "ok",
        "was": "failing",
        "was_since": "2026-11-29T06:00:00+00:00",
    }
    message = render_source_alert(recovered)
    assert message.subject == "[source] harbour-wire recovered: it answers again"
    assert "It was failing for 3 days, since 2026-11-29 06:00 UTC." in message.text
    assert [is_source_alert(p) for p in (failing, silent, recovered)] == [True] * 3
    assert not is_source_alert({"kind": "changed_figure"})


def test_many_sources_failing_at_once_are_one_message_listing_them(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    # The daemon's own network going down fails every source it polls: one message, not one
    # a source.
    feed_server.route("/ops", body=b"ok")
    names = [f"wire-{n}" for n in range(GROUP_AT + 2)]
    sources = "".join(
        f'[[source]]\nname = "{name}"\nurl = "{feed_server.url(f"/{name}.xml")}"\n'
        for name in names
    )
    config = tmp_path / "many.toml"
    config.write_text(
        f'[monitor]\ndatabase_url = "{db_url}"\nlog_level = "WARNING"\n[fetch]\n'
        'allow_private_addresses = true\nhost_interval = "1ms"\n[health]\nfailing_after = 1\n'
        f'[notify.ops]\ntype = "webhook"\nurl = "{feed_server.url("/ops")}"\n{sources}',
        encoding="utf-8",
    )
    for name in names[:-1]:
        feed_server.route(f"/{name}.xml", status=503)
    feed_server.route(f"/{names[-1]}.xml", body=rss(feed_server, 1))
    poll(config)
    [failing] = posted(feed_server, "/ops")
    assert failing["kind"] == "source_failing" and failing["count"] == GROUP_AT + 1
    assert sorted(s["source"]["name"] for s in failing["sources"]) == names[:-1]
    assert {s["error_kind"] for s in failing["sources"]} == {"http_status"}
    message = render_source_alert(failing)
    assert message.subject == f"[source] {GROUP_AT + 1} sources are failing"
    assert all(f"{name}: 1 failed polls" in message.text for name in names[:-1])

    for name in names[:-1]:
        feed_server.route(f"/{name}.xml", body=rss(feed_server, 1))
    poll(config)
    _, recovered = posted(feed_server, "/ops")
    assert recovered["kind"] == "source_recovered" and recovered["count"] == GROUP_AT + 1
    assert {s["was"] for s in recovered["sources"]} == {"failing"}
    listed = CliRunner().invoke(cli, ["--config", str(config), "alerts", "--json"])
    kinds = [json.loads(line)["kind"] for line in listed.output.splitlines()]
    assert kinds == ["source_recovered", "source_failing"]  # newest first
    table = CliRunner().invoke(cli, ["--config", str(config), "alerts"]).output
    assert table.count(f"{GROUP_AT + 1} sources") == 2, table
