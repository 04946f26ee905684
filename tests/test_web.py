"""`monitor serve`: every page and its JSON twin over a database filled by real polls of
loopback feeds, on both databases; /metrics read by Prometheus' own parser."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import event

from monitor.cli import cli
from monitor.store.db import make_engine
from monitor.web.app import create_app
from tests.servers import FeedServer
from tests.web_fixtures import MARKUP_TITLE, FilledDatabase, fill_database, serve_web


@pytest.fixture
def filled(feed_server: FeedServer, db_url: str, tmp_path: Path) -> Iterator[FilledDatabase]:
    database = fill_database(feed_server, db_url, tmp_path)
    yield database
    database.engine.dispose()


@pytest.fixture
def web(filled: FilledDatabase) -> Iterator[str]:
    with serve_web(filled) as base:
        yield base


def cli_json(filled: FilledDatabase, *args: str) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["--config", filled.settings.origin, *args, "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_the_watch_page_lists_its_measures_and_each_leads_to_its_timeline(
    web: str, filled: FilledDatabase
) -> None:
    index = httpx.get(f"{web}/").text
    assert "tarnet-fire" in index and "wildfire AND Tarnet" in index
    figures = cli_json(filled, "figures", "--watch", "tarnet-fire")
    measures = {f["measure"] for f in figures if f["status"] in ("new_measure", "changed_figure")}
    assert measures, "the polls stored no figures"
    watch_page = httpx.get(f"{web}/watches/tarnet-fire").text
    for measure in measures:
        assert f"name={quote(str(measure), safe='')}" in watch_page
    api = httpx.get(f"{web}/api/watches/tarnet-fire").json()
    assert {m["measure"] for m in api} == measures


def test_a_timelines_points_are_the_figures_the_cli_lists(web: str, filled: FilledDatabase) -> None:
    figures = cli_json(filled, "figures", "--watch", "tarnet-fire")
    by_measure: dict[str, set[int]] = {}
    for row in figures:
        by_measure.setdefault(str(row["measure"]), set()).add(int(str(row["id"])))
    changed = [m for m, ids in by_measure.items() if len(ids) > 1]
    assert changed, "no measure with more than one figure"
    for measure, ids in by_measure.items():
        url = f"{web}/watches/tarnet-fire/measure?name={quote(measure)}"
        page = httpx.get(url)
        assert page.status_code == 200
        drawn = {int(part.split('"')[0]) for part in page.text.split('data-figure-id="')[1:]}
        assert drawn == ids, measure
        points = httpx.get(url.replace("/watches/", "/api/watches/")).json()["points"]
        assert {p["id"] for p in points} == ids
        assert {p["value"] for p in points} == {r["value"] for r in figures if r["id"] in ids}


def test_the_homes_destroyed_timeline_shows_the_change_and_its_history(web: str) -> None:
    measures = httpx.get(f"{web}/api/watches/tarnet-fire").json()
    (homes,) = [m for m in measures if m["measure"].startswith("homes destroyed")]
    assert homes["latest"]["value"] == 185 and homes["values"] == 2
    points = httpx.get(
        f"{web}/api/watches/tarnet-fire/measure?name={quote(homes['measure'])}"
    ).json()["points"]
    kinds = sorted((p["value"], p["kind"]) for p in points)
    assert (120, "new") in kinds and (185, "changed") in kinds
    assert (120, "previous") in kinds  # "up from 120": history, drawn grey


def test_an_article_title_with_markup_is_shown_as_text(web: str, filled: FilledDatabase) -> None:
    articles = cli_json(filled, "articles")
    (marked,) = [a for a in articles if a["title"] == MARKUP_TITLE]
    page = httpx.get(f"{web}/articles/{marked['id']}").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    detail = httpx.get(f"{web}/api/articles/{marked['id']}").json()
    assert detail["title"] == MARKUP_TITLE
    assert 185 in {f["value"] for f in detail["figures"]}  # its figures beside its text


def test_a_copy_says_what_it_copies(web: str, filled: FilledDatabase) -> None:
    articles = cli_json(filled, "articles")
    (copy,) = [a for a in articles if a["duplicate_of"] is not None]
    detail = httpx.get(f"{web}/api/articles/{copy['id']}").json()
    assert detail["dedup"]["duplicate_of"] == copy["duplicate_of"]
    page = httpx.get(f"{web}/articles/{copy['id']}").text
    assert f'href="/articles/{copy["duplicate_of"]}"' in page
    original = httpx.get(f"{web}/api/articles/{copy['duplicate_of']}").json()
    assert [c["id"] for c in original["dedup"]["copies"]] == [copy["id"]]


def test_alerts_page_through_every_alert_with_a_cursor(web: str, filled: FilledDatabase) -> None:
    expected = cli_json(filled, "alerts", "--limit", "1000")
    assert len(expected) >= 3
    seen: list[int] = []
    cursor = ""
    while True:
        page = httpx.get(f"{web}/api/alerts", params={"limit": 2, "cursor": cursor}).json()
        seen += [item["id"] for item in page["items"]]
        assert len(page["items"]) <= 2
        if page["next_cursor"] is None:
            break
        cursor = str(page["next_cursor"])
    assert seen == [alert["id"] for alert in expected]  # newest first, none lost
    html = httpx.get(f"{web}/alerts").text
    assert all(f'">\n<td>{alert_id}</td>' in html for alert_id in seen)  # each row's id cell
    states = {item["state"] for item in httpx.get(f"{web}/api/alerts").json()["items"]}
    assert states == {"no notifier"}  # the watch names no notifier: nothing to deliver


def test_figures_page_through_every_figure(web: str, filled: FilledDatabase) -> None:
    expected = [row["id"] for row in cli_json(filled, "figures")]
    seen: list[int] = []
    cursor = ""
    while True:
        page = httpx.get(f"{web}/api/figures", params={"limit": 3, "cursor": cursor}).json()
        seen += [item["id"] for item in page["items"]]
        if page["next_cursor"] is None:
            break
        cursor = str(page["next_cursor"])
    assert seen == expected  # every figure once, in the CLI's order


def test_sources_flag_the_failing_one(web: str) -> None:
    sources = {s["name"]: s for s in httpx.get(f"{web}/api/sources").json()}
    assert sources["ridge-news"]["state"] == "ok" and sources["ridge-news"]["items"] == 3
    assert sources["broken-wire"]["state"] == "failing"
    assert sources["broken-wire"]["last_error_kind"] == "http_status"
    page = httpx.get(f"{web}/sources").text
    assert 'class="source failing"' in page


def test_metrics_are_prometheus_text_that_counts_the_database(
    web: str, filled: FilledDatabase
) -> None:
    response = httpx.get(f"{web}/metrics")
    assert response.status_code == 200
    families = {f.name: f for f in text_string_to_metric_families(response.text)}
    figures = cli_json(filled, "figures")
    decided = {s.labels["decision"]: s.value for s in families["monitor_figures"].samples}
    assert sum(decided.values()) == len(figures)
    assert decided["new_measure"] == sum(f["status"] == "new_measure" for f in figures)
    sources = {s.labels["state"]: s.value for s in families["monitor_sources"].samples}
    assert sources == {"ok": 1.0, "failing": 1.0, "new": 0.0}
    # One failed poll is below [health] failing_after: the daemon judged both sources ok.
    health = {s.labels["health"]: s.value for s in families["monitor_source_health"].samples}
    assert health == {"ok": 2.0}
    assert families["monitor_daemons_running"].samples[0].value == 0  # `run --once` filled it
    articles = {s.labels["kind"]: s.value for s in families["monitor_articles"].samples}
    assert sum(articles.values()) == 3 and articles["original"] == 2


def test_healthz_says_whether_the_database_answers(web: str, filled: FilledDatabase) -> None:
    ok = httpx.get(f"{web}/healthz")
    assert ok.status_code == 200 and ok.json()["database"] == "ok"
    assert ok.json()["last_poll_at"] is not None


def test_healthz_is_503_when_the_database_is_down(filled: FilledDatabase, tmp_path: Path) -> None:
    down = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    broken = FilledDatabase(filled.settings, down, filled.server)
    with serve_web(broken) as base:
        response = httpx.get(f"{base}/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_unknown_pages_and_bad_cursors_are_clear_errors(web: str) -> None:
    missing = httpx.get(f"{web}/watches/no-such-watch")
    assert missing.status_code == 404 and "no-such-watch" in missing.text
    assert httpx.get(f"{web}/api/articles/999999").json() == {"error": "no such article"}
    bad = httpx.get(f"{web}/api/alerts", params={"cursor": "drop table"})
    assert bad.status_code == 400 and "cursor" in bad.json()["error"]
    for limit in ("0", "501", "\u00b2", "9" * 5000):
        assert httpx.get(f"{web}/api/alerts", params={"limit": limit}).status_code == 400
    gone = httpx.get(f"{web}/api/figures", params={"cursor": "999999"})
    assert gone.status_code == 400 and "start again" in gone.json()["error"]


def test_pages_need_nothing_from_elsewhere(web: str, filled: FilledDatabase) -> None:
    article = cli_json(filled, "articles")[0]["id"]
    measure = httpx.get(f"{web}/api/watches/tarnet-fire").json()[0]["measure"]
    for path in (
        "/",
        "/alerts",
        "/sources",
        "/watches/tarnet-fire",
        f"/watches/tarnet-fire/measure?name={quote(measure)}",
        f"/articles/{article}",
    ):
        html = httpx.get(f"{web}{path}").text
        assert "<script" not in html and "src=" not in html  # no script, no remote asset
        assert '<link rel="stylesheet" href="/static/style.css">' in html
    assert "svg.timeline" in httpx.get(f"{web}/static/style.css").text


def test_create_app_builds_without_a_database_call(filled: FilledDatabase) -> None:
    # The app is built before anything is read: a database that is down at start is a
    # /healthz answer, not a crash.
    engine = make_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    connects: list[object] = []
    event.listen(engine.pool, "connect", lambda *args: connects.append(args))
    app = create_app(filled.settings, engine)
    assert [route.path for route in app.routes][:2] == ["/", "/watches/{watch}"]
    assert connects == []


def test_an_imported_files_address_is_shown_not_linked(
    web: str, filled: FilledDatabase, tmp_path: Path
) -> None:
    page = tmp_path / "tarnet.html"
    page.write_text(
        "<html><head><title>Tarnet wildfire</title></head><body><article><h1>Tarnet wildfire"
        "</h1><p>The wildfire near Tarnet has destroyed 210 homes, the fire service said. "
        "Crews worked through the night along the ridge road near the town.</p><p>Residents "
        "gathered at the sports hall, where volunteers handed out water and blankets to the "
        "families who had left their homes on the ridge.</p></article>"
        "</body></html>",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli,
        [
            "--config",
            filled.settings.origin,
            "import",
            "--published",
            "2026-06-05",
            str(page),
        ],
    )
    assert result.exit_code == 0, result.output
    (imported,) = [a for a in cli_json(filled, "articles") if str(a["url"]).startswith("file:")]
    html = httpx.get(f"{web}/articles/{imported['id']}").text
    assert 'href="file:' not in html and str(imported["url"]) in html


def test_a_source_long_past_its_usual_gap_is_flagged_silent(
    web: str, filled: FilledDatabase
) -> None:
    # ridge-news brought items hourly for a day, a fortnight ago, and nothing since.
    from datetime import timedelta

    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from monitor.store.tables import Source, SourceEntry
    from monitor.store.types import utc_now

    assert httpx.get(f"{web}/api/sources").json()[0]["state"] == "ok"
    with Session(filled.engine) as session, session.begin():
        source = session.scalars(select(Source).where(Source.name == "ridge-news")).one()
        for entry in session.scalars(select(SourceEntry)):
            entry.seen_at = utc_now() - timedelta(days=14)
        start = utc_now() - timedelta(days=15)
        session.add_all(
            SourceEntry(
                source_id=source.id,
                entry_key=f"old-{hour}",
                url=f"http://example.org/old/{hour}",
                outcome="skipped",
                seen_at=start + timedelta(hours=hour),
            )
            for hour in range(24)
        )
    sources = {s["name"]: s for s in httpx.get(f"{web}/api/sources").json()}
    assert sources["ridge-news"]["state"] == "silent"
    assert sources["broken-wire"]["state"] == "failing"  # failing says more than silent
    assert 'class="source silent"' in httpx.get(f"{web}/sources").text
