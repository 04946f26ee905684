"""The ingestion commands through the real entry point: import, run (daemon), demo, listings."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from tests.process import run_monitor
from tests.servers import FeedServer

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXTRACT_DATA = Path(__file__).parent / "data" / "extract"
SEED_ORDER = ["002", "004", "001", "000", "003"]  # publication order, as the figures issue gives it

CONFIG = """
[monitor]
database_url = "{db_url}"
[fetch]
timeout = "{timeout}"
allow_private_addresses = true
{source}
[[watch]]
name = "arms"
query = '"North Korea" AND (Russia OR Moscow OR Kremlin OR Putin)'
"""


def write_config(tmp_path: Path, db_url: str, source: str = "", *, timeout: str = "5s") -> Path:
    path = tmp_path / "monitor.toml"
    path.write_text(CONFIG.format(db_url=db_url, source=source, timeout=timeout), encoding="utf-8")
    return path


def seed_files() -> list[Path]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return [next(SEEDS.glob(f"{prefix}_*.txt")) for prefix in SEED_ORDER]


# A page the "arms" watch keeps, for the tests that run the daemon itself.
STORY_PAGE = (
    "<html><body><article><h1>North Korea and Russia</h1><p>"
    + "North Korea shipped more artillery shells to Russia this spring, officials said, "
    "citing rail traffic at the border and activity at the port of Rajin. "
    * 6
    + "</p></article></body></html>"
)


def serve_one_article(server: FeedServer, path: str, *, delay: float = 0.0) -> str:
    """Serve STORY_PAGE at ``path`` and a feed listing it; return the source's config lines."""
    server.route(path, body=STORY_PAGE.encode(), headers={"Content-Type": "text/html"}, delay=delay)
    item = (
        f"<item><title>North Korea and Russia</title><link>{server.url(path)}</link>"
        f"<guid>{path}</guid></item>"
    )
    server.route(
        "/feed.xml",
        body=f"<rss version='2.0'><channel><title>t</title>{item}</channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )
    return f'[[source]]\nname = "wire"\nurl = "{server.url("/feed.xml")}"\n'


def start_daemon(config: Path, cwd: Path) -> subprocess.Popen[str]:
    """Start ``monitor run`` as its own process, output captured, no MONITOR_ variables."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    return subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "run"],
        cwd=cwd,
        env=environ,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop_daemon(daemon: subprocess.Popen[str], signum: int = signal.SIGTERM) -> str:
    """Send ``signum`` to a running daemon, wait for its end (SIGKILL after a minute) and
    return what it logged."""
    if daemon.poll() is None:
        daemon.send_signal(signum)
    try:
        _, stderr = daemon.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        daemon.kill()
        _, stderr = daemon.communicate()
    return stderr


def articles_json(config: Path) -> list[dict[str, object]]:
    result = CliRunner().invoke(cli, ["--config", str(config), "articles", "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_seeds_import_in_the_order_given_and_only_once(db_url: str, tmp_path: Path) -> None:
    seeds = seed_files()
    config = write_config(tmp_path, db_url)
    args = ["--config", str(config), "import", *map(str, seeds), "--published", "2024-04-14"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    listed = articles_json(config)
    assert [a["url"] for a in reversed(listed)] == [seed.resolve().as_uri() for seed in seeds]
    assert all(a["matched_watches"] == ["arms"] for a in listed)
    assert all(a["published_at"] == "2024-04-14T00:00:00+00:00" for a in listed)
    again = CliRunner().invoke(cli, ["--config", str(config), "import", str(seeds[0])])
    assert again.exit_code == 0 and "already held as #" in again.output
    assert len(articles_json(config)) == 5


def test_import_of_a_page_and_of_a_missing_file(db_url: str, tmp_path: Path) -> None:
    config = write_config(tmp_path, db_url)
    page = EXTRACT_DATA / "harbour_article.html"
    result = CliRunner().invoke(
        cli, ["--config", str(config), "import", str(page), str(tmp_path / "missing.txt")]
    )
    assert result.exit_code == 1
    assert "missing.txt: not imported: cannot read" in result.output
    (stored,) = articles_json(config)
    assert stored["url"] == page.resolve().as_uri() and stored["title"]


def test_sources_lists_state_and_the_last_error_kind(
    feed_server: FeedServer,
    db_url: str,
    tmp_path: Path,
) -> None:
    feed_server.route("/feed.xml", status=503, headers={"Retry-After": "60"})
    source = f'[[source]]\nname = "wire"\nurl = "{feed_server.url("/feed.xml")}"\n'
    config = write_config(tmp_path, db_url, source)
    run = CliRunner().invoke(cli, ["--config", str(config), "run", "--once"])
    assert run.exit_code == 1 and "wire: failed (http_status)" in run.output
    listed = CliRunner().invoke(cli, ["--config", str(config), "sources", "--json"])
    (row,) = [json.loads(line) for line in listed.output.splitlines()]
    assert (row["name"], row["state"], row["failure_count"], row["last_error_kind"]) == (
        "wire",
        "failing",
        1,
        "http_status",
    )
    assert row["next_poll_at"].endswith("+00:00")


def test_demo_stores_the_matching_sample_articles_without_their_clutter(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    result = run_monitor("demo", "--database", database, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "demo-news: 2 stored, 1 skipped" in result.stdout
    config = write_config(tmp_path, database)
    listed = articles_json(config)
    assert len(listed) == 2 and all(a["matched_watches"] == ["dprk-russia-arms"] for a in listed)
    from sqlalchemy import create_engine, text

    engine = create_engine(database)
    with engine.connect() as connection:
        texts = connection.execute(text("SELECT text FROM articles")).scalars().all()
    engine.dispose()
    joined = "\n".join(texts)
    assert "11,000 containers of munitions" in joined and "5 million rounds" in joined
    for clutter in (
        "cookies",
        "Leave a Reply",
        "Related Articles",
        "Share on",
        "All rights reserved",
    ):
        assert clutter not in joined


def test_the_demo_alerts_new_and_changed_figures_and_never_a_past_value(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    result = run_monitor("demo", "--database", database, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    # "at least 6,700 containers ..., up from the 1,000 containers it had reported": the
    # 1,000 is history, listed as a past value, never alerted.
    assert "1,000 containers" in out and "previous" in out
    alerted = [line for line in out.splitlines() if " \u2014 " in line and "figure" in line]
    headlines = [line for line in out.splitlines() if line.startswith("dprk-russia-arms \u2014")]
    assert not any("1,000" in line for line in alerted)
    # "at least 6,700" after "about 11,000" rounds nothing the earlier figure said: a new
    # estimate, alerted as a change.
    assert "5 alerts raised, 5 delivered" in out
    assert sorted(headlines) == [
        "dprk-russia-arms \u2014 Changed figure: ammunition",
        "dprk-russia-arms \u2014 Changed figure: containers supplied",
        "dprk-russia-arms \u2014 New measure: ammunition (its first figure)",
        "dprk-russia-arms \u2014 New measure: ammunition per month (shortfall) (its first figure)",
        "dprk-russia-arms \u2014 New measure: containers supplied (its first figure)",
    ]
    # The figures table lists it, with its status.
    past = next(line for line in out.splitlines() if line.rstrip().endswith("previous"))
    assert "1,000 containers" in past


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_the_daemon_finishes_the_article_in_flight_and_exits_on_a_signal(
    feed_server: FeedServer,
    db_url: str,
    tmp_path: Path,
    signum: int,
) -> None:
    # The page arrives slowly, so the signal lands while the article is in flight.
    config = write_config(tmp_path, db_url, serve_one_article(feed_server, "/news/a", delay=1.5))
    daemon = start_daemon(config, tmp_path)
    try:
        feed_server.wait_for_path("/news/a", timeout=30)
    finally:
        stderr = stop_daemon(daemon, signum)
    assert daemon.returncode == 0, stderr
    assert "Traceback" not in stderr
    (stored,) = articles_json(config)
    assert stored["url"] == feed_server.url("/news/a")


def test_import_refuses_devices_pipes_and_directories_at_once(db_url: str, tmp_path: Path) -> None:
    # A device read without a bound fills memory; a FIFO opened for reading blocks until a
    # writer comes: both are refused with one line, and the regular file beside them is kept.
    config = write_config(tmp_path, db_url)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    page = EXTRACT_DATA / "harbour_article.html"
    args = ["--config", str(config), "import", "/dev/zero", str(fifo), str(tmp_path), str(page)]
    result = subprocess.run(
        [sys.executable, "-m", "monitor", *args], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1, result.stderr
    for name in ("/dev/zero", str(fifo), str(tmp_path)):
        assert f"{name}: not imported: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr
    (stored,) = articles_json(config)
    assert stored["url"] == page.resolve().as_uri()


def test_import_reads_a_file_no_further_than_its_limit(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from monitor import importing

    monkeypatch.setattr(importing, "MAX_FILE_BYTES", 1_000)
    big = tmp_path / "big.txt"
    big.write_text("North Korea shipped shells to Russia. " * 100, encoding="utf-8")
    config = write_config(tmp_path, db_url)
    result = CliRunner().invoke(cli, ["--config", str(config), "import", str(big)])
    assert result.exit_code == 1
    assert "big.txt: not imported: larger than 1,000 bytes" in result.output
    assert articles_json(config) == []


@pytest.mark.parametrize(
    "args",
    [
        ["articles", "--limit", "-1"],
        ["articles", "--limit", "0"],
        ["alerts", "--limit", "99999999999999999999999999"],
        ["alerts", "retry", "99999999999999999999999999"],
        ["alerts", "retry", "0"],
    ],
)
def test_integers_out_of_range_are_one_line_usage_errors(
    args: list[str], db_url: str, tmp_path: Path
) -> None:
    config = write_config(tmp_path, db_url)
    result = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "is not in the range" in result.stderr
    assert "Traceback" not in result.stderr and "OverflowError" not in result.stderr


# The scheduler's overlap does not depend on the database: SQLite only, to keep it short.
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_tick_longer_than_the_interval_is_waited_for_without_log_spam(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    # The page takes two tick intervals to arrive: the scheduler must not report each
    # skipped tick, and the daemon still stores the article and stops cleanly.
    source = serve_one_article(feed_server, "/news/slow", delay=11)
    config = write_config(tmp_path, db_url, source, timeout="30s")
    daemon = start_daemon(config, tmp_path)
    try:
        feed_server.wait_for_path("/news/slow", timeout=30)
        deadline = time.monotonic() + 40
        while not articles_json(config) and time.monotonic() < deadline:
            time.sleep(0.5)
    finally:
        stderr = stop_daemon(daemon)
    assert daemon.returncode == 0, stderr
    assert "maximum number of running instances" not in stderr
    assert stderr.count("is taking longer than") <= 1
    assert "Traceback" not in stderr
    assert len(articles_json(config)) == 1


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads processes from /proc (Linux)")
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_the_extraction_workers_die_with_a_killed_daemon(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    # SIGKILL leaves the daemon no chance to stop its pool: the workers must notice alone.
    config = write_config(tmp_path, db_url, serve_one_article(feed_server, "/news/a"))
    daemon = start_daemon(config, tmp_path)
    try:
        deadline = time.monotonic() + 60
        while not articles_json(config) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert articles_json(config), "the page was never extracted"
        children = _children(daemon.pid)
        assert children, "the extraction pool started no worker"
        daemon.kill()
        daemon.wait(timeout=10)
        deadline = time.monotonic() + 15
        while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [pid for pid in children if _alive(pid)]
    finally:
        if daemon.poll() is None:
            daemon.kill()
            daemon.wait()
        for stream in (daemon.stdout, daemon.stderr):
            if stream is not None:
                stream.close()  # not read: what the daemon wrote does not matter here


def test_the_daemon_serves_its_own_metrics_on_the_configured_port(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    import socket

    import httpx
    from prometheus_client.parser import text_string_to_metric_families

    config = write_config(tmp_path, db_url, serve_one_article(feed_server, "/news/a"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("[monitor]\n", f"[monitor]\nmetrics_port = {port}\n"), "utf-8")
    daemon = start_daemon(config, tmp_path)
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/metrics", timeout=5)
            except httpx.TransportError:
                time.sleep(0.2)
                continue
            samples = {
                (s.name, tuple(sorted(s.labels.items()))): s.value
                for family in text_string_to_metric_families(answer.text)
                for s in family.samples
            }
            polled = samples.get(("monitor_polls_total", (("outcome", "ok"),)), 0)
            ticked = samples.get(("monitor_tick_seconds_count", ()), 0)
            stored = samples.get(("monitor_articles", (("kind", "original"),)), 0)
            if polled >= 1 and ticked >= 1 and stored >= 1:
                break
            time.sleep(0.2)
    finally:
        stderr = stop_daemon(daemon)
    assert daemon.returncode == 0, stderr
    assert samples.get(("monitor_tick_seconds_count", ()), 0) >= 1, stderr
    assert samples.get(("monitor_polls_total", (("outcome", "ok"),)), 0) >= 1, samples
    assert samples[("monitor_fetch_seconds_count", ())] >= 2  # the feed and its article
    assert samples[("monitor_articles", (("kind", "original"),))] == 1  # the database's too
    assert samples[("monitor_last_tick_end_timestamp_seconds", ())] > 0


def test_healthz_follows_the_daemons_scheduler(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    """Running while a daemon beats; stopped (healthy) after a clean stop; stalled (503)
    when a killed daemon's heartbeat has grown old."""
    import socket

    import httpx
    from sqlalchemy import update
    from sqlalchemy.orm import Session

    from monitor.store.db import make_engine
    from monitor.store.tables import Daemon
    from monitor.store.types import utc_now

    config = write_config(tmp_path, db_url, serve_one_article(feed_server, "/news/a"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environ = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    web = subprocess.Popen(
        [sys.executable, "-m", "monitor", "--config", str(config), "serve", "--port", str(port)],
        cwd=tmp_path,
        env=environ,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def healthz(until: str) -> httpx.Response:
        deadline = time.monotonic() + 60
        while True:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                if answer.json()["scheduler"] == until or time.monotonic() > deadline:
                    return answer
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.2)

    try:
        assert healthz("stopped").status_code == 200  # the view may run alone
        daemon = start_daemon(config, tmp_path)
        try:
            running = healthz("running")
            deadline = time.monotonic() + 60
            while running.json()["last_tick_at"] is None and time.monotonic() < deadline:
                time.sleep(0.5)
                running = healthz("running")
        finally:
            stderr = stop_daemon(daemon)
        assert daemon.returncode == 0, stderr
        assert running.status_code == 200, running.json()
        assert running.json()["last_tick_age_seconds"] < 60, running.json()
        stopped = healthz("stopped")
        assert stopped.status_code == 200 and stopped.json()["scheduler"] == "stopped"

        killed = start_daemon(config, tmp_path)
        healthz("running")
        stop_daemon(killed, signal.SIGKILL)
        # Time passes with no heartbeat: the row the killed daemon left ages.
        engine = make_engine(db_url)
        with Session(engine) as session, session.begin():
            old = utc_now() - timedelta(minutes=10)
            session.execute(update(Daemon).values(heartbeat_at=old))
        engine.dispose()
        stalled = healthz("stalled")
        assert stalled.status_code == 503 and stalled.json()["scheduler"] == "stalled"
        assert stalled.json()["database"] == "ok"
    finally:
        web.terminate()
        web.wait(timeout=30)
