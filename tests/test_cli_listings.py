"""`monitor alerts`, `articles` and `figures` on databases longer than a table's default and
than one page of --json: the JSON lists every row, the table says how many it left out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner, Result
from sqlalchemy.orm import Session

from monitor.cli import JSON_PAGE, TABLE_LIMIT, cli
from monitor.store.db import make_engine
from monitor.store.figures import list_figures
from monitor.store.tables import Alert, Delivery
from tests.rows import article, figure, sha

# Two full pages and a part of a third: every page boundary of the JSON stream is crossed.
STORED = 2 * JSON_PAGE + 7
START = datetime(2025, 3, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Stored:
    """The ids the database was filled with, in insertion (id) order."""

    articles: list[int]
    alerts: list[int]
    pending: list[int]  # alerts with a delivery waiting to go out
    copies: list[int]  # articles that are a copy of the first


@pytest.fixture
def stored(db_url: str) -> Stored:
    """STORED articles, each with a figure and its alert; some articles are copies, some
    alerts wait for a delivery."""
    engine = make_engine(db_url)
    with Session(engine) as session:
        articles = [article(f"https://news.example.org/{n}") for n in range(STORED)]
        session.add_all(articles)
        session.flush()
        copies = articles[1::4]
        for copy in copies:
            copy.duplicate_of, copy.duplicate_kind = articles[0].id, "near"
        figures = [figure(stored.id) for stored in articles]
        session.add_all(figures)
        session.flush()
        alerts = [
            Alert(figure_id=f.id, kind="new_measure", watch=f.watch, measure=f.measure, payload={})
            for f in figures
        ]
        session.add_all(alerts)
        session.flush()
        for alert in alerts:
            alert.payload = {"id": alert.id}  # as the outbox stores it
        pending = [alert for n, alert in enumerate(alerts) if n % 3]  # more than a page
        session.add_all(
            Delivery(alert_id=a.id, notifier="desk", idempotency_key=sha(str(a.id)))
            for a in pending
        )
        session.commit()
        ids = Stored(
            articles=[a.id for a in articles],
            alerts=[a.id for a in alerts],
            pending=[a.id for a in pending],
            copies=[a.id for a in copies],
        )
    engine.dispose()
    return ids


def invoke(db_url: str, *args: str) -> Result:
    result = CliRunner().invoke(
        cli, list(args), env={"MONITOR_DATABASE_URL": db_url}, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return result


def json_lines(db_url: str, *args: str) -> list[dict[str, object]]:
    result = invoke(db_url, *args, "--json")
    assert result.stderr == ""
    return [json.loads(line) for line in result.stdout.splitlines()]


def table_ids(result: Result) -> list[int]:
    """The ids in a table's first column, under its header and rule."""
    return [int(line.split()[0]) for line in result.stdout.splitlines()[2:]]


def newest_first(ids: list[int]) -> list[int]:
    return sorted(ids, reverse=True)


def test_alerts_json_lists_every_alert_newest_first(db_url: str, stored: Stored) -> None:
    assert [row["id"] for row in json_lines(db_url, "alerts")] == newest_first(stored.alerts)


def test_alerts_json_with_a_limit_lists_that_many(db_url: str, stored: Stored) -> None:
    for limit in (3, JSON_PAGE, JSON_PAGE + 1, STORED + 10):
        rows = json_lines(db_url, "alerts", "--limit", str(limit))
        assert [row["id"] for row in rows] == newest_first(stored.alerts)[:limit]


def test_alerts_json_of_a_status_pages_through_that_status(db_url: str, stored: Stored) -> None:
    assert len(stored.pending) > JSON_PAGE
    rows = json_lines(db_url, "alerts", "--pending")
    assert [row["id"] for row in rows] == newest_first(stored.pending)
    assert json_lines(db_url, "alerts", "--failed") == []


def test_alerts_table_shows_the_newest_and_says_how_many_it_left_out(
    db_url: str, stored: Stored
) -> None:
    result = invoke(db_url, "alerts")
    assert table_ids(result) == newest_first(stored.alerts)[:TABLE_LIMIT]
    assert result.stderr == f"... {STORED - TABLE_LIMIT} more; use --limit or --json\n"

    limited = invoke(db_url, "alerts", "--limit", "10", "--pending")
    assert table_ids(limited) == newest_first(stored.pending)[:10]
    assert limited.stderr == f"... {len(stored.pending) - 10} more; use --limit or --json\n"

    everything = invoke(db_url, "alerts", "--limit", str(STORED))
    assert len(table_ids(everything)) == STORED
    assert everything.stderr == ""


def test_articles_json_lists_every_article_newest_first(db_url: str, stored: Stored) -> None:
    assert [row["id"] for row in json_lines(db_url, "articles")] == newest_first(stored.articles)
    limited = json_lines(db_url, "articles", "--limit", "7")
    assert [row["id"] for row in limited] == newest_first(stored.articles)[:7]
    copies = json_lines(db_url, "articles", "--duplicates")
    assert [row["id"] for row in copies] == newest_first(stored.copies)
    # The original's copies are read with each page's articles: only the page holding it
    # names them.
    [original] = [row for row in json_lines(db_url, "articles") if row["id"] == stored.articles[0]]
    assert original["also_published_by"] == ["news.example.org"]


def test_articles_table_says_how_many_it_left_out(db_url: str, stored: Stored) -> None:
    result = invoke(db_url, "articles")
    assert table_ids(result) == newest_first(stored.articles)[:TABLE_LIMIT]
    assert result.stderr == f"... {STORED - TABLE_LIMIT} more; use --limit or --json\n"
    copies = invoke(db_url, "articles", "--duplicates", "--limit", "5")
    assert table_ids(copies) == newest_first(stored.copies)[:5]
    assert copies.stderr == f"... {len(stored.copies) - 5} more; use --limit or --json\n"


def test_a_table_that_shows_everything_says_nothing_more(db_url: str) -> None:
    assert invoke(db_url, "alerts").stderr == ""
    assert invoke(db_url, "articles").stderr == ""


def test_figures_json_lists_every_figure_in_publication_order(db_url: str) -> None:
    """Pages follow publication order, not ids: articles published in the reverse order of
    arrival, some in the same minute (ordered by URL), some undated (by fetch time), and
    several figures to an article."""
    engine = make_engine(db_url)
    with Session(engine) as session:
        articles = [
            article(
                f"https://news.example.org/{n % 7}/{n}",
                published_at=None if n % 11 == 0 else START - timedelta(minutes=n // 3),
                fetched_at=START - timedelta(minutes=n // 2),
            )
            for n in range(STORED // 2)
        ]
        session.add_all(articles)
        session.flush()
        session.add_all(figure(a.id, value=float(n)) for a in articles for n in range(2))
        session.commit()
        expected = [row.to_json() for row in list_figures(session)]
        arms = [row.to_json() for row in list_figures(session, watch="arms")]
    engine.dispose()
    assert len(expected) > 2 * JSON_PAGE
    assert [row["id"] for row in expected] != sorted(row["id"] for row in expected)
    assert json_lines(db_url, "figures") == expected
    assert json_lines(db_url, "figures", "--watch", "arms") == arms == expected
    assert json_lines(db_url, "figures", "--watch", "nobody") == []
