"""`monitor replay WATCH` on both databases: a dry run changes nothing, a replay replaces the
watch's figures and keeps the alerts already sent, --send queues only the followed measures,
and the figures pass alerts only the measures a watch follows."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from monitor.alerts.outbox import WatchAlerting
from monitor.cli import cli
from monitor.figures.options import FigureOptions, watch_frame, watch_terms
from monitor.figures.stage import decide_pending
from monitor.model import Document
from monitor.store.articles import add_article
from monitor.store.db import make_engine
from monitor.store.tables import Alert
from monitor.store.tables import Figure as StoredFigure

CONFIG = """
[monitor]
database_url = "{db_url}"
[[watch]]
name = "fire"
query = 'wildfire AND Tarnet'
{measures}
"""
AUGUST_4 = datetime(2025, 8, 4, 6, 0, tzinfo=UTC)
STORY = [
    "The wildfire near Tarnet has destroyed 35 homes and killed 2 people, officials said.",
    "The wildfire has now destroyed 62 homes in Tarnet, up from 35, and killed 3 people.",
    "Crews said the Tarnet wildfire had destroyed 62 homes; 3 people have died.",
]


def write_config(tmp_path: Path, db_url: str, measures: str = "") -> Path:
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db_url=db_url, measures=measures), encoding="utf-8")
    return path


def store_story(db_url: str) -> None:
    """Store the story's articles as a poll would (matched, figures pending), not decided."""
    engine = make_engine(db_url)
    with Session(engine) as session, session.begin():
        for day, text in enumerate(STORY):
            url = f"https://news{day}.example/fire"
            document = Document(
                url=url,
                title=None,
                text=text,
                author=None,
                site=f"news{day}.example",
                language="en",
                published_at=AUGUST_4 + timedelta(days=day),
                origin="page",
            )
            add_article(session, document, watches=["fire"], canonical_url=url, text_hash=None)
    engine.dispose()


def counts(db_url: str) -> tuple[int, int]:
    engine = make_engine(db_url)
    with Session(engine) as session:
        figures = session.scalar(select(func.count()).select_from(StoredFigure)) or 0
        alerts = session.scalar(select(func.count()).select_from(Alert)) or 0
    engine.dispose()
    return figures, alerts


def replay(config: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--config", str(config), "replay", "fire", *args])


def alerts_of(result: Result) -> list[tuple[str, str, str]]:
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    return [(row["kind"], row["measure"], row["said"]) for row in rows]


def test_a_dry_run_shows_the_alerts_and_changes_nothing(db_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path, db_url)
    store_story(db_url)
    shown = alerts_of(replay(config, "--dry-run", "--json"))
    assert shown == [
        ("new_measure", "homes destroyed", "35 homes"),
        ("new_measure", "people killed", "2 people"),
        ("changed_figure", "homes destroyed", "62 homes"),
        ("changed_figure", "people killed", "3 people"),
    ]  # "up from 35" is history; the third article repeats the second
    assert counts(db_url) == (0, 0)
    text = replay(config, "--dry-run")
    assert text.exit_code == 0 and "dry run: nothing was changed" in text.output
    assert "3 articles decided" in text.output


def test_a_replay_replaces_the_figures_and_sends_only_when_asked(
    db_url: str, tmp_path: Path
) -> None:
    config = write_config(tmp_path, db_url)
    store_story(db_url)
    first = alerts_of(replay(config, "--json"))
    figures, alerts = counts(db_url)
    assert figures > 0 and alerts == 0  # stored; nothing queued without --send
    # Again with --send: the same decisions, now queued; the figures are replaced, not added.
    sent = alerts_of(replay(config, "--send", "--json"))
    assert sent == first
    assert counts(db_url) == (figures, len(sent))
    # The watch now follows one measure: a replay sends only its alerts, and the alerts
    # already sent stay as the record of what went out.
    followed = write_config(tmp_path, db_url, measures='measures = ["People Killed"]')
    again = alerts_of(replay(followed, "--send", "--json"))
    assert [measure for _, measure, _ in again] == ["people killed", "people killed"]
    assert counts(db_url) == (figures, len(sent) + len(again))


def test_a_replay_refuses_an_unknown_watch_and_a_dry_run_that_sends(
    db_url: str, tmp_path: Path
) -> None:
    config = write_config(tmp_path, db_url)
    unknown = CliRunner().invoke(cli, ["--config", str(config), "replay", "flood"])
    assert unknown.exit_code != 0 and "no watch named 'flood'" in unknown.output
    both = replay(config, "--dry-run", "--send")
    assert both.exit_code == 2 and "--dry-run sends nothing" in both.output


@pytest.mark.parametrize(("measures", "alerted"), [((), 4), (("homes destroyed",), 2)])
def test_the_figures_pass_alerts_only_the_measures_a_watch_follows(
    db_url: str, measures: tuple[str, ...], alerted: int
) -> None:
    store_story(db_url)
    engine = make_engine(db_url)
    query = "wildfire AND Tarnet"
    options = FigureOptions(frames={"fire": watch_frame(query)}, terms={"fire": watch_terms(query)})
    decided = decide_pending(engine, options, {"fire": WatchAlerting(notify=(), measures=measures)})
    engine.dispose()
    news = sum(result.news for result in decided)
    assert news == 4  # every measure is decided and kept, followed or not
    assert counts(db_url)[1] == alerted
