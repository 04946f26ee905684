from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from monitor import __version__
from monitor.cli import cli
from monitor.store.db import make_engine
from monitor.store.migrate import head_revision
from monitor.store.tables import Delivery, Source
from tests.databases import postgres_database, postgres_url
from tests.process import run_monitor
from tests.rows import article, sha, stored_alert

ROOT = Path(__file__).resolve().parents[1]


def invoke(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.output.strip() == f"monitor, version {__version__}"


def test_example_config_upgrade_then_status(empty_db_url: str) -> None:
    """The issue's acceptance: db upgrade && status with the example config, on both engines."""
    env = {"MONITOR_DATABASE_URL": empty_db_url}
    example = str(ROOT / "config" / "monitor.example.toml")
    upgraded = invoke("--config", example, "db", "upgrade", env=env)
    assert upgraded.exit_code == 0, upgraded.output
    assert f"schema at revision {head_revision()}" in upgraded.output
    shown = invoke("--config", example, "status", env=env)
    assert shown.exit_code == 0, shown.output
    assert re.search(rf"^schema_revision +{head_revision()}$", shown.output, re.MULTILINE)
    report = json.loads(invoke("--config", example, "status", "--json", env=env).output)
    assert report["schema_revision"] == head_revision()
    assert report["config"] == example
    assert (report["sources_configured"], report["watches_configured"]) == (2, 1)
    assert (report["articles"], report["figures"], report["pending_alerts"]) == (0, 0, 0)


def test_status_counts_what_the_database_holds(db_url: str) -> None:
    engine = make_engine(db_url)
    with Session(engine) as session:
        session.add(Source(name="feed", type="rss", url="https://example.org/rss"))
        alert = stored_alert(session)
        session.add_all([article("https://example.org/1"), article("https://example.org/2")])
        for notifier, status in (("desk", "pending"), ("ops", "pending"), ("hook", "failed")):
            session.add(
                Delivery(
                    alert_id=alert.id,
                    notifier=notifier,
                    status=status,
                    idempotency_key=sha(notifier),
                )
            )
        session.commit()
    engine.dispose()
    result = invoke("status", "--json", env={"MONITOR_DATABASE_URL": db_url})
    report = json.loads(result.output)
    assert (report["sources"], report["articles"], report["figures"]) == (1, 3, 1)
    assert (report["pending_alerts"], report["failed_deliveries"]) == (1, 1)
    assert (report["scheduler"], report["sources_unhealthy"]) == ("stopped", 0)


def test_status_refuses_an_unmigrated_database(empty_db_url: str) -> None:
    result = CliRunner().invoke(cli, ["status"], env={"MONITOR_DATABASE_URL": empty_db_url})
    assert result.exit_code == 1
    assert (
        result.stderr
        == 'monitor: the database has no figure-monitor schema yet: run "monitor db upgrade"\n'
    )


@pytest.mark.postgres
def test_status_hides_the_database_password(postgres_admin: Engine, postgres_template: str) -> None:
    with postgres_database(postgres_admin, template=postgres_template) as name:
        # The local server trusts loopback, so the password is accepted and ignored.
        url = make_url(postgres_url(name)).set(password="hunter2")
        env = {"MONITOR_DATABASE_URL": url.render_as_string(hide_password=False)}
        result = invoke("status", "--json", env=env)
    assert result.exit_code == 0, result.output
    assert "hunter2" not in result.output
    assert json.loads(result.output)["database"] == url.render_as_string(hide_password=True)
    assert ":***@" in json.loads(result.output)["database"]


def test_db_downgrade_to_base_then_upgrade(empty_db_url: str) -> None:
    env = {"MONITOR_DATABASE_URL": empty_db_url}
    assert invoke("db", "upgrade", env=env).exit_code == 0
    down = invoke("db", "downgrade", "base", env=env)
    assert down.exit_code == 0 and "schema at revision base" in down.output
    assert CliRunner().invoke(cli, ["status"], env=env).exit_code == 1


def test_built_in_defaults_use_monitor_db_in_the_working_directory(tmp_path: Path) -> None:
    assert invoke("db", "upgrade").exit_code == 0
    assert (tmp_path / "monitor.db").is_file()
    report = json.loads(invoke("status", "--json").output)
    assert report["config"] == "built-in defaults"
    assert report["database"] == "sqlite:///monitor.db"


def test_config_check_reports_what_it_checked() -> None:
    result = invoke("config", "check")
    assert result.exit_code == 0
    assert result.output.startswith("built-in defaults: ok (0 sources, 0 watches, 0 notifiers;")


def test_unreachable_database_is_one_line_without_the_password(tmp_path: Path) -> None:
    # Port 9 (discard) has no PostgreSQL behind it on any machine this runs on.
    env = {"MONITOR_DATABASE_URL": "postgresql://fm:hunter2@127.0.0.1:9/fm"}
    result = run_monitor("status", cwd=tmp_path, env=env)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "monitor: cannot use the database postgresql+psycopg://fm:***@127.0.0.1:9/fm: "
    )
    assert len(result.stderr.splitlines()) == 1
    assert "hunter2" not in result.stderr


def test_commands_print_only_their_result(tmp_path: Path) -> None:
    upgraded = run_monitor("db", "upgrade", cwd=tmp_path)
    assert (upgraded.returncode, upgraded.stderr) == (0, "")
    assert upgraded.stdout == f"sqlite:///monitor.db: schema at revision {head_revision()}\n"
    shown = run_monitor("status", "--json", cwd=tmp_path)
    assert (shown.returncode, shown.stderr) == (0, "")
    assert json.loads(shown.stdout)["schema_revision"] == head_revision()
