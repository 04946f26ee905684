"""The deployment files: docker-compose.yml and the Dockerfile (no Docker engine runs here, so
they are read and checked, not started), and the runtime dependencies importing together."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from monitor.config import load_settings

ROOT = Path(__file__).resolve().parents[1]


def compose() -> dict[str, Any]:
    loaded = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def test_compose_has_the_four_services() -> None:
    assert set(compose()["services"]) == {"postgres", "monitor", "web", "mailpit"}


def test_the_web_service_serves_the_daemons_database_on_loopback() -> None:
    services = compose()["services"]
    web, daemon = services["web"], services["monitor"]
    assert web["build"] == "." and web["command"][:2] == ["monitor", "serve"]
    assert (
        web["environment"]["MONITOR_DATABASE_URL"] == daemon["environment"]["MONITOR_DATABASE_URL"]
    )
    assert web["ports"] == ["127.0.0.1:8080:8080"]
    assert "/healthz" in " ".join(web["healthcheck"]["test"])


def test_the_web_views_templates_and_stylesheet_are_in_the_wheel(tmp_path: Path) -> None:
    import subprocess
    import sys
    import zipfile

    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "monitor/web/templates/measure.html" in names
    assert "monitor/web/static/style.css" in names


def test_postgres_16_with_a_named_volume_and_a_health_check() -> None:
    document = compose()
    postgres = document["services"]["postgres"]
    assert postgres["image"].startswith("postgres:16")
    volume = postgres["volumes"][0].split(":")[0]
    assert volume in document["volumes"], "the data volume is a named volume"
    assert "pg_isready" in " ".join(postgres["healthcheck"]["test"])


def test_daemon_is_built_here_and_waits_for_a_healthy_database() -> None:
    monitor = compose()["services"]["monitor"]
    assert monitor["build"] == "."
    assert monitor["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert monitor["environment"]["MONITOR_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert any(v.endswith(":/etc/monitor:ro") for v in monitor["volumes"])


def test_compose_configuration_loads_with_the_compose_environment() -> None:
    environment = compose()["services"]["monitor"]["environment"]
    config_file = ROOT / "config" / Path(environment["MONITOR_CONFIG"]).name
    settings = load_settings(config_file, environ={"SMTP_URL": environment["SMTP_URL"]})
    assert settings.missing_secrets() == []
    assert settings.notifiers["desk"].type == "email"


def test_mailpit_offers_smtp_and_its_web_inbox() -> None:
    ports = " ".join(compose()["services"]["mailpit"]["ports"])
    assert ":1025:1025" in ports and ":8025:8025" in ports


def test_dockerfile_runs_as_a_non_root_user_and_migrates_before_running() -> None:
    lines = (ROOT / "Dockerfile").read_text(encoding="utf-8").splitlines()
    base_image = next(line for line in lines if line.startswith("FROM "))
    assert base_image.endswith("-slim")
    users = [line.split()[1] for line in lines if line.startswith("USER ")]
    assert users and users[-1] not in ("root", "0")
    (command,) = [line for line in lines if line.startswith("CMD ")]
    assert command.index("monitor db upgrade") < command.index("monitor run")


def test_trafilatura_imports_and_extracts_with_current_lxml() -> None:
    # Without lxml_html_clean installed, importing trafilatura fails with current lxml.
    import trafilatura

    html = (
        "<html><body><nav>Home | World</nav><article><h1>Shells</h1>"
        "<p>Officials said about three million rounds had been shipped by rail since August, "
        "according to the ministry, which gave no further details on the shipments.</p>"
        "</article><footer>Leave a Reply</footer></body></html>"
    )
    text = trafilatura.extract(html)
    assert text is not None and "three million rounds" in text
