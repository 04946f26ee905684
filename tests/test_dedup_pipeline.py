"""Dedup in the running pipeline and the commands: a known URL is never fetched again, copies
are stored with their kind, `monitor explain` and `monitor articles --duplicates` show them."""

from __future__ import annotations

import asyncio
import html
import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.cli import cli
from monitor.config import load_settings
from monitor.daemon import run_once
from monitor.store.db import make_engine
from monitor.store.tables import SourceEntry
from tests.dedup_texts import INDEPENDENT, PARAGRAPHS, TEXT, syndicated
from tests.servers import FeedServer

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CONFIG = """
[monitor]
database_url = "{db_url}"
[fetch]
timeout = "5s"
allow_private_addresses = true
[[source]]
name = "wire"
url = "{feed}"
[[watch]]
name = "arms"
query = '{query}'
"""
QUERY = "Rajin OR Seoul"


def article_page(title: str, text: str, *, chrome: str = "", canonical: str = "") -> bytes:
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n\n") if p.strip())
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f"<html lang='en'><head><title>{html.escape(title)}</title>{link}</head><body>"
        f"<nav>Home | World | {chrome} Sport</nav><article><h1>{html.escape(title)}</h1>"
        f"{paragraphs}</article><footer>{chrome} Contact us | Privacy</footer></body></html>"
    ).encode()


def rss(server: FeedServer, links: list[tuple[str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(server.url(path))}</link>"
        f"<guid>{escape(path)}</guid><description>Rail cars leave Rajin for Moscow.</description>"
        "</item>"
        for path, title in links
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    ).encode()


def write_config(tmp_path: Path, db_url: str, server: FeedServer, query: str = QUERY) -> Path:
    path = tmp_path / "monitor.toml"
    text = CONFIG.format(db_url=db_url, feed=server.url("/feed.xml"), query=query)
    path.write_text(text, encoding="utf-8")
    return path


def invoke(config: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), *args])
    return result.exit_code, result.output


def json_lines(output: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in output.splitlines()]


def html_route(server: FeedServer, path: str, body: bytes) -> None:
    server.route(path, body=body, headers={"Content-Type": "text/html; charset=utf-8"})


def test_known_urls_are_not_fetched_and_copies_are_stored_with_their_kind(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    html_route(server, "/news/rajin-rail", article_page("Rail cars leave Rajin", TEXT))
    html_route(
        server,
        "/wire/77",
        article_page("RAIL CARS LEAVE RAJIN", syndicated(), chrome="Harbour Watch syndication"),
    )
    html_route(server, "/ministry", article_page("Ministry silent", INDEPENDENT))
    # A redirector whose target is already held: found after the fetch, by the final URL.
    server.redirect("/go/abc", "/news/rajin-rail")
    # Entries of one poll are processed concurrently: the originals come in a poll of their own.
    firsts = [("/news/rajin-rail", "Rail cars leave Rajin"), ("/ministry", "Ministry silent")]
    server.route(
        "/feed.xml", body=rss(server, firsts), headers={"Content-Type": "application/rss+xml"}
    )
    config = write_config(tmp_path, db_url, server)
    asyncio.run(run_once(load_settings(config, environ={}), processes=0))
    links = [
        *firsts,
        ("/news/rajin-rail?utm_source=rss&utm_medium=feed", "Rail cars leave Rajin"),
        ("/news/rajin-rail/amp", "Rail cars leave Rajin (AMP)"),
        ("/wire/77", "Rail cars leave Rajin, wire copy"),
        ("/go/abc", "Rail cars leave Rajin, via a redirector"),
    ]
    server.route(
        "/feed.xml", body=rss(server, links), headers={"Content-Type": "application/rss+xml"}
    )
    (result,) = asyncio.run(run_once(load_settings(config, environ={}), processes=0))
    assert result.error_kind is None

    requested = [r.path for r in server.requests]
    assert "/news/rajin-rail?utm_source=rss&utm_medium=feed" not in requested
    assert "/news/rajin-rail/amp" not in requested
    engine = make_engine(db_url)
    with Session(engine) as session:
        outcomes = dict(session.execute(select(SourceEntry.url, SourceEntry.outcome)).all())
    engine.dispose()
    assert outcomes == {
        server.url("/news/rajin-rail"): "stored",
        server.url("/news/rajin-rail?utm_source=rss&utm_medium=feed"): "known",
        server.url("/news/rajin-rail/amp"): "known",
        server.url("/wire/77"): "duplicate",
        server.url("/ministry"): "stored",
        server.url("/go/abc"): "known",
    }

    code, output = invoke(config, "articles", "--json")
    listed = {a["url"]: a for a in json_lines(output)}
    original = listed[server.url("/news/rajin-rail")]
    copy = listed[server.url("/wire/77")]
    assert (copy["duplicate_of"], copy["duplicate_kind"]) == (original["id"], "near")
    assert original["duplicate_of"] is None and original["also_published_by"] == [copy["site"]]
    assert listed[server.url("/ministry")]["duplicate_of"] is None

    code, output = invoke(config, "articles", "--duplicates", "--json")
    assert code == 0
    assert [a["url"] for a in json_lines(output)] == [server.url("/wire/77")]

    code, output = invoke(config, "explain", server.url("/wire/77?fbclid=abc"))
    assert code == 0, output
    assert f"near duplicate of #{original['id']}" in output
    assert f"matched:    {server.url('/news/rajin-rail')}" in output
    assert "seen via:   wire" in output

    code, output = invoke(config, "explain", "--json", server.url("/news/rajin-rail/amp"))
    explained = json.loads(output)
    assert (explained["article_id"], explained["decision"]) == (original["id"], "original")
    assert [c["id"] for c in explained["copies"]] == [copy["id"]]

    code, output = invoke(config, "explain", server.url("/never-seen"))
    assert code == 1 and "held:       no" in output

    code, output = invoke(config, "status", "--json")
    status = json.loads(output)
    assert (status["articles"], status["duplicates"], status["dedup_index"]) == (3, 1, "ok")


def test_a_page_whose_canonical_link_names_a_held_page_is_a_url_duplicate(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    html_route(server, "/news/rajin-rail", article_page("Rail cars leave Rajin", TEXT))
    # The print edition of the same page: another address, its canonical link says which.
    printed = article_page(
        "Rail cars leave Rajin",
        "\n\n".join(PARAGRAPHS[:2]) + "\n\nPrinted.",
        canonical="/news/rajin-rail",
    )
    html_route(server, "/print/rajin-rail", printed)
    config = write_config(tmp_path, db_url, server)
    links = [("/news/rajin-rail", "Rail cars leave Rajin")]
    for _poll in range(2):
        server.route(
            "/feed.xml", body=rss(server, links), headers={"Content-Type": "application/rss+xml"}
        )
        asyncio.run(run_once(load_settings(config, environ={}), processes=0))
        links.append(("/print/rajin-rail", "Printable"))

    _code, output = invoke(config, "articles", "--duplicates", "--json")
    (copy,) = json_lines(output)
    assert (copy["url"], copy["duplicate_kind"]) == (server.url("/print/rajin-rail"), "url")
    assert copy["canonical_url"] == server.url("/news/rajin-rail")


def seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def test_a_seed_imported_twice_or_copied_elsewhere_is_recognised(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    from monitor.extraction import clean_plain_text

    server = feed_server
    original = seed("002")
    config = write_config(
        tmp_path, db_url, server, query='"North Korea" AND (Russia OR Moscow OR Putin)'
    )
    code, output = invoke(config, "import", str(original), str(seed("004")))
    assert code == 0, output
    code, output = invoke(config, "import", str(original))
    assert code == 0 and "already held as #1 (url duplicate)" in output

    # The same article on another site: its own page furniture, a tracking-parameter URL.
    text = clean_plain_text(original.read_text(encoding="utf-8"))
    html_route(
        server,
        "/world/copy?utm_source=partner&utm_campaign=feed",
        article_page("Syndicated", text, chrome="Partner Network Newsletter Login Subscribe"),
    )
    links = [("/world/copy?utm_source=partner&utm_campaign=feed", "North Korea and Russia")]
    server.route(
        "/feed.xml", body=rss(server, links), headers={"Content-Type": "application/rss+xml"}
    )
    asyncio.run(run_once(load_settings(config, environ={}), processes=0))

    code, output = invoke(config, "articles", "--duplicates", "--json")
    (copy,) = json_lines(output)
    assert copy["duplicate_of"] == 1 and copy["duplicate_kind"] in ("text", "near")
    assert copy["canonical_url"] == server.url("/world/copy")
    code, output = invoke(config, "explain", server.url("/world/copy"))
    assert code == 0 and "duplicate of #1" in output
