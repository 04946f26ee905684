"""The web view in a real headless Chromium (Debian's package, driven by Playwright): follow a
measure from the watch page to its chart to a source article, as an analyst would.

`.ci/run` installs Chromium and sets MONITOR_REQUIRE_BROWSER, so there a missing browser is a
failure; elsewhere these tests are skipped with the reason."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from tests.servers import FeedServer
from tests.web_fixtures import MARKUP_TITLE, FilledDatabase, fill_database, serve_web

if TYPE_CHECKING:
    from playwright.sync_api import Page

playwright = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Chromium on a machine with no network: no background connections it would wait for.
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("MONITOR_REQUIRE_BROWSER"):
        raise RuntimeError(f"Chromium is required here and not found at {CHROMIUM}")
    pytest.skip("Debian's chromium package is not installed", allow_module_level=True)


@pytest.fixture
def site(feed_server: FeedServer, tmp_path: Path) -> Iterator[tuple[str, FilledDatabase]]:
    filled = fill_database(feed_server, f"sqlite:///{tmp_path / 'web.db'}", tmp_path)
    with serve_web(filled) as base:
        yield base, filled
    filled.engine.dispose()


@pytest.fixture
def page() -> Iterator[Page]:
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
        yield context.new_page()
        browser.close()


def figures_json(filled: FilledDatabase, measure: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(
        cli, ["--config", filled.settings.origin, "figures", "--measure", measure, "--json"]
    )
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_an_analyst_follows_a_measure_to_its_chart_and_a_source(
    site: tuple[str, FilledDatabase], page: Page
) -> None:
    base, filled = site
    browser_page = page
    browser_page.goto(base + "/")
    browser_page.click("text=tarnet-fire")
    browser_page.click("a.measure:has-text('homes destroyed')")
    heading = browser_page.inner_text("h1")
    assert heading.startswith("homes destroyed")
    points = browser_page.locator("svg.timeline a.point")
    drawn = sorted(
        (
            int(str(points.nth(i).get_attribute("data-figure-id"))),
            float(str(points.nth(i).get_attribute("data-value"))),
        )
        for i in range(points.count())
    )
    listed = sorted(
        (int(str(f["id"])), float(str(f["value"]))) for f in figures_json(filled, heading)
    )
    assert drawn == listed
    box = browser_page.locator("svg.timeline").bounding_box()
    assert box is not None and box["width"] <= 390  # fits the phone's width
    browser_page.locator("svg.timeline a.point.changed").first.click()
    browser_page.wait_for_url("**/articles/*")
    assert "185" in browser_page.inner_text("table.figures")


def test_a_title_with_markup_is_text_in_the_browser(
    site: tuple[str, FilledDatabase], page: Page
) -> None:
    base, filled = site
    result = CliRunner().invoke(cli, ["--config", filled.settings.origin, "articles", "--json"])
    (marked,) = [
        row for row in map(json.loads, result.output.splitlines()) if row["title"] == MARKUP_TITLE
    ]
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{base}/articles/{marked['id']}")
    assert page.inner_text("h1.article-title") == MARKUP_TITLE
    assert dialogs == []  # the script never ran
