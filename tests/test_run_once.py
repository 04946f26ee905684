"""`monitor run --once` end to end: a real feed server on loopback, real extraction, both
databases. Each fault leaves the run going, records its kind, and loses no entry."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.cli import cli
from monitor.config import Settings, load_settings
from monitor.daemon import run_once
from monitor.pipeline import MAX_PAGE_ATTEMPTS
from monitor.runtime import CLAIM_BATCH
from monitor.store.db import make_engine
from monitor.store.tables import Article, Source, SourceEntry, WatchMatch
from tests.servers import FeedServer

WATCH = '"North Korea" AND (Russia OR Moscow)'
MATCHING = (
    "North Korea shipped more artillery shells to Russia this spring, officials in Seoul said on "
    "Tuesday, citing rail traffic at the border crossing and port activity at Rajin. "
)
OTHER = "The city council approved a new budget for parks and libraries after a long debate. "


def page(title: str, sentence: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence * 2}</p>" for _ in range(4))
    return (
        f"<html lang='en'><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Contact us</footer></body></html>"
    ).encode()


def feed(server: FeedServer, items: list[tuple[str, str, str]]) -> bytes:
    """An RSS feed of (slug, title, summary) items linking to /news/<slug> on the server."""
    xml = "".join(
        f"<item><title>{escape(title)}</title><link>{server.url('/news/' + slug)}</link>"
        f"<guid>{slug}</guid><description>{escape(summary)}</description></item>"
        for slug, title, summary in items
    )
    channel = f"<channel><title>t</title>{xml}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'.encode()


@pytest.fixture
def server(feed_server: FeedServer) -> Iterator[FeedServer]:
    feed_server.route(
        "/robots.txt",
        body=b"User-agent: *\nDisallow: /private/\n",
        headers={"Content-Type": "text/plain"},
    )
    yield feed_server


def settings_for(server: FeedServer, db_url: str, tmp_path: Path) -> Settings:
    config = tmp_path / "monitor.toml"
    config.write_text(
        f"""
[monitor]
database_url = "{db_url}"
[fetch]
timeout = "1s"
allow_private_addresses = true
[[source]]
name = "wire"
url = "{server.url("/feed.xml")}"
[[watch]]
name = "arms"
query = '{WATCH}'
""",
        encoding="utf-8",
    )
    return load_settings(config, environ={})


def serve_story(server: FeedServer, slug: str, *, matching: bool = True) -> tuple[str, str, str]:
    title = "North Korea and Russia: the shell trade" if matching else "Parks budget approved"
    server.route(
        f"/news/{slug}",
        body=page(title, MATCHING if matching else OTHER),
        headers={"Content-Type": "text/html; charset=utf-8"},
    )
    summary = "North Korea sends shells to Russia." if matching else "Council news."
    return slug, title, summary


def run(settings: Settings) -> list:
    return __import__("asyncio").run(run_once(settings, processes=0))


def stored(db_url: str) -> dict[str, object]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        result = {
            "articles": sorted(session.scalars(select(Article.url))),
            "origins": sorted(session.scalars(select(Article.content_origin))),
            "watches": sorted(session.scalars(select(WatchMatch.watch))),
            "entries": dict(session.execute(select(SourceEntry.url, SourceEntry.outcome)).all()),
            "entry_errors": dict(
                session.execute(select(SourceEntry.url, SourceEntry.error_kind)).all()
            ),
            "attempts": dict(session.execute(select(SourceEntry.url, SourceEntry.attempts)).all()),
            "source": session.scalars(select(Source)).one(),
        }
    engine.dispose()
    return result


def test_matching_entries_are_stored_others_skipped_and_a_304_costs_nothing(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    items = [
        serve_story(server, "a"),
        serve_story(server, "b"),
        serve_story(server, "c", matching=False),
    ]
    server.route(
        "/feed.xml",
        body=feed(server, items),
        headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'},
    )
    settings = settings_for(server, db_url, tmp_path)
    (result,) = run(settings)
    assert result.error_kind is None
    state = stored(db_url)
    assert state["articles"] == [server.url("/news/a"), server.url("/news/b")]
    assert state["watches"] == ["arms", "arms"]
    assert state["entries"][server.url("/news/c")] == "skipped"
    assert state["source"].etag == '"v1"'
    fetched_pages = [r.path for r in server.requests if r.path.startswith("/news/")]
    assert sorted(fetched_pages) == ["/news/a", "/news/b"]

    server.route("/feed.xml", status=304)
    (again,) = run(settings)
    assert again.not_modified
    feed_requests = [r for r in server.requests if r.path == "/feed.xml"]
    assert feed_requests[-1].headers.get("If-None-Match") == '"v1"'
    assert len(stored(db_url)["articles"]) == 2


def test_the_feed_summary_is_the_article_s_standfirst_when_matching(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    # The page never names a watch term its summary names: the summary is the outlet's own
    # description of the article, and counts. A page that neither names is no match.
    body = "Officials in Seoul said on Tuesday that rail traffic at the border had doubled. "
    for slug in ("standfirst", "unrelated"):
        server.route(
            f"/news/{slug}",
            body=page("Rail traffic doubles", body),
            headers={"Content-Type": "text/html; charset=utf-8"},
        )
    items = [
        ("standfirst", "Rail traffic doubles", "North Korea sends more shells to Russia by rail."),
        ("unrelated", "Rail traffic doubles", "North Korea reopens a rail link."),
    ]
    server.route(
        "/feed.xml", body=feed(server, items), headers={"Content-Type": "application/rss+xml"}
    )
    run(settings_for(server, db_url, tmp_path))
    state = stored(db_url)
    assert state["entries"][server.url("/news/standfirst")] == "stored"
    assert state["articles"] == [server.url("/news/standfirst")]
    assert state["entries"][server.url("/news/unrelated")] in ("no_match", "skipped")


def test_a_failing_page_is_retried_next_time_and_validators_wait(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    items = [serve_story(server, "a")]
    server.route("/news/a", status=500)
    server.route(
        "/feed.xml",
        body=feed(server, items),
        headers={"Content-Type": "application/rss+xml", "ETag": '"v1"'},
    )
    settings = settings_for(server, db_url, tmp_path)
    run(settings)
    first = stored(db_url)
    url = server.url("/news/a")
    assert first["articles"] == []
    assert (first["entries"], first["entry_errors"]) == ({url: "retry"}, {url: "http_status"})
    assert first["source"].etag is None, "an entry left to retry must not be hidden by a 304"
    serve_story(server, "a")
    run(settings)
    second = stored(db_url)
    assert second["articles"] == [url]
    assert (second["entries"], second["attempts"]) == ({url: "stored"}, {url: 2})


def test_a_page_that_keeps_failing_gives_way_to_the_feed_text(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server.route("/news/a", status=503)
    summary = (MATCHING * 3).strip()
    body = feed(server, [("a", "North Korea and Russia", summary)])
    server.route("/feed.xml", body=body, headers={"Content-Type": "application/rss+xml"})
    settings = settings_for(server, db_url, tmp_path)
    outcomes = [run(settings)[0].outcomes for _ in range(MAX_PAGE_ATTEMPTS)]
    assert [o[0] for o in outcomes] == ["retry"] * (MAX_PAGE_ATTEMPTS - 1) + ["stored"]
    state = stored(db_url)
    url = server.url("/news/a")
    assert state["origins"] == ["feed"]
    assert (state["entry_errors"], state["attempts"]) == (
        {url: "http_status"},
        {url: MAX_PAGE_ATTEMPTS},
    )
    assert len([r for r in server.requests if r.path == "/news/a"]) == MAX_PAGE_ATTEMPTS


def gone(server: FeedServer, path: str) -> None:
    server.route(path, status=404)


def not_html(server: FeedServer, path: str) -> None:
    server.route(path, body=b'{"not": "html"}', headers={"Content-Type": "application/json"})


def robots_denied(server: FeedServer, path: str) -> None:
    server.route(path, body=page("x", MATCHING), headers={"Content-Type": "text/html"})
    server.route("/robots.txt", body=f"User-agent: *\nDisallow: {path}\n".encode())


def redirect_loop(server: FeedServer, path: str) -> None:
    server.redirect(path, "/loop/b")
    server.redirect("/loop/b", path)


def redirect_to_a_file(server: FeedServer, path: str) -> None:
    server.redirect(path, "file:///etc/passwd")


def too_large(server: FeedServer, path: str) -> None:
    # Past the default 5 MB cap: the fetch stops reading at the cap.
    server.route(
        path,
        body=b"<html><body>" + b"<p>padding</p>" * 400_000,
        headers={"Content-Type": "text/html"},
    )


def too_little_text(server: FeedServer, path: str) -> None:
    server.route(
        path,
        body=b"<html><body><p>Subscribe to read.</p></body></html>",
        headers={"Content-Type": "text/html"},
    )


@pytest.mark.parametrize(
    ("serve_page", "kind"),
    [
        (gone, "http_status"),
        (not_html, "not_html"),
        (robots_denied, "robots_denied"),
        (redirect_loop, "redirect_loop"),
        (redirect_to_a_file, "bad_url"),
        (too_large, "too_large"),
        (too_little_text, "extract"),
    ],
)
def test_a_page_that_fails_for_good_falls_back_to_the_feed_text(
    server: FeedServer, db_url: str, tmp_path: Path, serve_page: Any, kind: str
) -> None:
    serve_page(server, "/news/a")
    summary = (MATCHING * 3).strip()
    server.route(
        "/feed.xml",
        body=feed(server, [("a", "North Korea and Russia", summary)]),
        headers={"Content-Type": "application/rss+xml"},
    )
    (result,) = run(settings_for(server, db_url, tmp_path))
    assert result.error_kind is None, "a page's failure is not the source's"
    state = stored(db_url)
    url = server.url("/news/a")
    assert state["origins"] == ["feed"]
    assert (state["entries"], state["entry_errors"]) == ({url: "stored"}, {url: kind})


@pytest.mark.parametrize(
    ("route", "kind"),
    [
        ({"status": 429, "headers": {"Retry-After": "7200"}}, "http_status"),
        ({"status": 500}, "http_status"),
        (
            {"body": b"<rss><channel><item><title>cut", "headers": {"Content-Type": "text/plain"}},
            "malformed_feed",
        ),
        ({"body": b"<rss></rss>", "drip": (4, 0.5)}, "timeout"),
    ],
)
def test_a_failing_feed_records_its_kind_and_backs_off(
    server: FeedServer, db_url: str, tmp_path: Path, route: dict, kind: str
) -> None:
    server.route("/feed.xml", **route)
    before = datetime.now(UTC)
    (result,) = run(settings_for(server, db_url, tmp_path))
    assert result.error_kind == kind
    source = stored(db_url)["source"]
    assert (source.failure_count, source.last_error_kind) == (1, kind)
    minimum = 7200 if "Retry-After" in route.get("headers", {}) else 500
    assert (source.next_poll_at - before).total_seconds() >= minimum


def test_repeated_guids_still_process_every_entry(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    items = [serve_story(server, slug) for slug in ("a", "b", "c")]
    body = (
        feed(server, items)
        .replace(b"<guid>a</guid>", b"<guid>x</guid>")
        .replace(b"<guid>b</guid>", b"<guid>x</guid>")
        .replace(b"<guid>c</guid>", b"<guid>x</guid>")
    )
    server.route("/feed.xml", body=body, headers={"Content-Type": "application/rss+xml"})
    run(settings_for(server, db_url, tmp_path))
    assert len(stored(db_url)["articles"]) == 3


def test_an_unexpected_failure_is_recorded_and_frees_the_source(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    items = [serve_story(server, "a")]
    server.route(
        "/feed.xml", body=feed(server, items), headers={"Content-Type": "application/rss+xml"}
    )
    engine = make_engine(db_url)
    with engine.begin() as connection:
        # A real fault no handler expects: the table of seen entries is gone.
        connection.exec_driver_sql("ALTER TABLE source_entries RENAME TO source_entries_gone")
    engine.dispose()
    (result,) = run(settings_for(server, db_url, tmp_path))
    assert result.error_kind == "internal"
    source = stored_source(db_url)
    assert (source.last_error_kind, source.failure_count, source.lease_owner) == (
        "internal",
        1,
        None,
    )
    assert "source_entries" in (source.last_error or "")


def stored_source(db_url: str) -> Source:
    """The source row alone: stored() also reads source_entries, which that test removes."""
    engine = make_engine(db_url)
    with Session(engine) as session:
        source = session.scalars(select(Source)).one()
    engine.dispose()
    return source


def test_explain_says_which_date_was_not_believed_and_what_stood_in(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    settings = settings_for(server, db_url, tmp_path)
    slug, title, summary = serve_story(server, "backdated")
    item = (
        f"<item><title>{escape(title)}</title><link>{server.url('/news/' + slug)}</link>"
        f"<guid>{slug}</guid><pubDate>Mon, 01 Jan 9999 00:00:00 GMT</pubDate>"
        f"<description>{escape(summary)}</description></item>"
    )
    server.route(
        "/feed.xml",
        body=f"<rss version='2.0'><channel><title>t</title>{item}</channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    run(settings)
    config = tmp_path / "monitor.toml"
    url = server.url("/news/backdated")
    result = CliRunner().invoke(cli, ["--config", str(config), "explain", url])
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("ordered by:")]
    assert "when it was fetched (its date 'Mon, 01 Jan 9999 00:00:00 GMT' was not believed)" in line
    result = CliRunner().invoke(cli, ["--config", str(config), "explain", url, "--json"])
    (explained,) = [json.loads(row) for row in result.output.splitlines()]
    assert explained["ordered_by"] == "fetched"
    assert explained["published_dropped"] == "Mon, 01 Jan 9999 00:00:00 GMT"


def test_run_once_polls_every_source_however_many_batches_they_take(
    server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    # More sources than one claim takes: a daemon's tick polls a batch, `run --once` all.
    count = CLAIM_BATCH + 30
    for n in range(count):
        # Entries no watch wants: each is recorded as seen, and no page is fetched.
        link = server.url(f"/parks/{n}")
        item = f"<item><title>Parks budget {n}</title><link>{link}</link></item>"
        server.route(
            f"/feeds/{n}.xml",
            body=f"<rss version='2.0'><channel><title>t</title>{item}</channel></rss>".encode(),
            headers={"Content-Type": "application/rss+xml"},
        )
    config = tmp_path / "many.toml"
    sources = "".join(
        f'[[source]]\nname = "feed-{n}"\nurl = "{server.url(f"/feeds/{n}.xml")}"\n'
        for n in range(count)
    )
    config.write_text(
        f'[monitor]\ndatabase_url = "{db_url}"\n[fetch]\nallow_private_addresses = true\n'
        f'host_interval = "1ms"\nper_host = 16\n{sources}'
        f"[[watch]]\nname = \"arms\"\nquery = '{WATCH}'\n",
        encoding="utf-8",
    )
    results = run(load_settings(config, environ={}))
    assert sorted(r.source for r in results) == sorted(f"feed-{n}" for n in range(count))
    assert all(r.error_kind is None and r.held_by is None for r in results)
    engine = make_engine(db_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(SourceEntry)) == count
        assert session.scalar(select(func.count()).where(Source.last_polled_at.is_(None))) == 0
    engine.dispose()
