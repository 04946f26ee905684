"""The figures stage in the running daemon and the commands: figures are decided after the
poll in publication order, copies bring none of their own, and `monitor figures`, `figures
history` and `explain` show the decisions with their reasons."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.cli import cli
from monitor.config import load_settings
from monitor.daemon import run_once
from monitor.dedup import add_document
from monitor.figures.stage import decide_pending
from monitor.model import Document
from monitor.store.db import make_engine
from monitor.store.tables import Article
from tests.servers import FeedServer
from tests.test_dedup_pipeline import SEEDS, article_page, html_route, json_lines, write_config

QUERY = '"North Korea" AND (Russia OR Moscow OR Putin)'

EARLY = (
    "North Korea has sent about 3 million rounds of artillery shells to Russia, officials in "
    "Seoul said on Monday, in the first estimate of the trade they have made public.\n\n"
    "The shipments left the port of Rajin over several months, the officials added, and "
    "satellite images showed long queues of rail cars at the border crossing with Russia."
)
LATE = (
    "Seoul now believes North Korea has shipped 5 million rounds of ammunition to Russia, a "
    "defence official told parliament on Thursday, raising the estimate given last month.\n\n"
    "The official said the country had also sent 40 ballistic missiles, some of which were "
    "fired at Ukrainian cities by Russian forces during the winter offensive."
)


def invoke(config: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--config", str(config), *args], catch_exceptions=False)
    return result.exit_code, result.output


def rss(server: FeedServer, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{server.url(path)}</link><guid>{path}</guid>"
        f"<pubDate>{date}</pubDate><description>North Korea and Russia.</description></item>"
        for path, title, date in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{entries}</channel></rss>'.encode()


def test_one_poll_decides_in_publication_order_and_copies_add_no_figures(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    html_route(server, "/late", article_page("Seoul raises shell estimate", LATE))
    html_route(server, "/early", article_page("First estimate of shells", EARLY))
    html_route(server, "/copy", article_page("SEOUL RAISES SHELL ESTIMATE", LATE, chrome="Mirror"))
    # The newest entry first, as feeds list them: stored first, decided last.
    items = [
        ("/late", "Raised", "Thu, 11 Apr 2024 09:00:00 GMT"),
        ("/early", "First", "Mon, 11 Mar 2024 09:00:00 GMT"),
    ]
    feed = {"Content-Type": "application/rss+xml"}
    server.route("/feed.xml", body=rss(server, items), headers=feed)
    config = write_config(tmp_path, db_url, server, query=QUERY)
    asyncio.run(run_once(load_settings(config, environ={}), processes=0))
    # A day later, a mirror reprints the newer story.
    items.insert(0, ("/copy", "Copy", "Fri, 12 Apr 2024 09:00:00 GMT"))
    server.route("/feed.xml", body=rss(server, items), headers=feed)
    asyncio.run(run_once(load_settings(config, environ={}), processes=0))

    code, output = invoke(config, "figures", "--json")
    assert code == 0, output
    figures = json_lines(output)
    found = [(f["article_url"], f["measure"], f["value"], f["status"]) for f in figures]
    # Sent and shipped are one event; the modifiers of "ballistic missiles" do not split it.
    assert found == [
        (server.url("/early"), "ammunition supplied", 3e6, "new_measure"),
        (server.url("/late"), "ammunition supplied", 5e6, "changed_figure"),
        (server.url("/late"), "missiles supplied", 40, "new_measure"),
    ]
    changed = figures[1]
    assert changed["qualifier"] == "exact" and changed["thing"] == "rounds of ammunition"
    assert "about 3,000,000" in str(changed["reason"])
    assert changed["watch"] == "arms" and str(changed["published_at"]).startswith("2024-04-11")

    code, output = invoke(config, "figures", "history", "ammunition supplied")
    assert code == 0, output
    first = output.splitlines()[0]
    assert first.startswith("about 3,000,000") and "new_measure" in first
    assert "1 copies" in output  # the mirror counts apart from independent reports

    code, output = invoke(config, "explain", server.url("/copy"))
    assert code == 0 and "none of its own" in output
    code, output = invoke(config, "explain", server.url("/late"))
    assert "changed_figure" in output and "5,000,000" in output
    # The words that decided each measure and role are shown beside it.
    assert "decided by:" in output and "event 'shipped (verb before)'" in output
    assert "role '(reported as current)'" in output


def test_a_crash_between_storing_and_deciding_leaves_the_article_pending(db_url: str) -> None:
    engine = make_engine(db_url)
    from monitor.store import migrate

    migrate.upgrade(engine)
    document = Document(
        url="https://news.example/1",
        title="t",
        text=EARLY,
        author=None,
        site="news.example",
        language="en",
        published_at=None,
        origin="import",
    )
    with Session(engine) as session, session.begin():
        add_document(session, document, watches=["arms"])
    with Session(engine) as session:
        assert session.scalar(select(Article.figures_decided_at)) is None

    decided = decide_pending(engine)
    assert [(d.watch, [f.meaning.figure.value for f in d.decided]) for d in decided] == [
        ("arms", [3e6])
    ]
    assert decide_pending(engine) == []  # decided once
    engine.dispose()


SEED_ORDER = ("002", "004", "001", "000", "003")


def test_seeds_imported_in_publication_order_show_5_million_as_a_changed_figure(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    paths = [str(next(SEEDS.glob(f"{prefix}_*.txt"))) for prefix in SEED_ORDER]
    config = write_config(tmp_path, db_url, feed_server, query=QUERY)
    code, output = invoke(config, "import", *paths)
    assert code == 0, output

    code, output = invoke(config, "figures", "--json")
    figures = {(f["thing"], f["value"]): f for f in json_lines(output)}
    shells, five = (
        figures[("rounds of 152mm artillery shells", 3e6)],
        figures[("rounds of ammunition", 5e6)],
    )
    assert shells["status"] == "new_measure" and shells["qualifier"] == "about"
    assert five["status"] == "changed_figure" and five["measure"] == shells["measure"]
    assert figures[("containers of munitions", 11000)]["qualifier"] == "about"
    assert figures[("ballistic missiles", 40)]["status"] == "new_measure"
    assert figures[("rounds", 50000)]["measure"] != shells["measure"]  # a monthly rate
    assert figures[("provocations", 48)]["status"] == "new_measure"
    assert figures[("nuclear bombs", 50)]["qualifier"] == "at_least"
    years = {value for _, value in figures if 1900 <= value <= 2100}
    assert years == set()  # no years, calibres or names
