"""The alert outbox end to end, against real servers on loopback: an aiosmtpd SMTP server and
a local HTTP receiver for Slack and webhooks. Each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from click.testing import CliRunner
from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.alerts.configured import build_notifiers
from monitor.alerts.deliver import CLAIM_BATCH, LEASE, deliver_due
from monitor.cli import cli
from monitor.config import Settings, load_settings
from monitor.daemon import run_once
from monitor.store.db import make_engine
from monitor.store.tables import Alert, Delivery
from monitor.store.types import utc_now
from tests.servers import FeedServer
from tests.test_alerts_render import shells_changed
from tests.test_dedup_pipeline import (
    SEEDS,
    article_page,
    html_route,
    invoke,
    json_lines,
    write_config,
)
from tests.test_figures_pipeline import SEED_ORDER
from tests.test_notifiers import Mailbox, free_port
from tests.test_notifiers import start_smtp as start_smtp  # the fixture, for these tests

# Appended to the dedup tests' configuration, whose last table is the watch.
ALERTING = """
notify = {notify}
mode = "{mode}"
[notify.desk]
type = "email"
smtp_url = "smtp://127.0.0.1:{smtp_port}"
from = "monitor@example.org"
to = ["desk@example.org", "analyst@example.org"]
[notify.ops]
type = "slack"
webhook_url = "env:SLACK_URL"
[notify.hook]
type = "webhook"
url = "env:HOOK_URL"
secret = "env:HOOK_SECRET"
"""

HISTORY_SHELLS = (
    "North Korea has shipped about 3 million rounds of artillery shells to Russia, South "
    "Korea's defence minister told reporters in Seoul, citing intelligence estimates.\n\n"
    "The minister said the transfers had continued through the winter despite sanctions."
)
HISTORY_CONTAINERS = (
    "Satellite images show that around 11,000 containers of munitions have left North Korea "
    "for Russia since August, according to a report by a Washington research group.\n\n"
    "The report tracked rail cars crossing the border bridge at Tumangang every week."
)
NEWS = (
    "North Korea has now sent 6 million shells to Russia, officials in Seoul said on Monday, "
    "doubling their earlier estimate of the trade between the two countries.\n\n"
    "The officials said 13,000 containers had crossed the border by rail, and that Russian "
    "ships had carried more from the port of Rajin in recent weeks."
)
REPEAT = (
    "Russia has received 6 million shells from North Korea, a senior intelligence official "
    "repeated on Tuesday in remarks to lawmakers about the arms trade.\n\n"
    "In all 13,000 containers have made the journey, the official added, warning that "
    "Pyongyang could ask for missile technology in return."
)


def configure(
    tmp_path: Path,
    db_url: str,
    server: FeedServer,
    smtp_port: int,
    *,
    notify: tuple[str, ...] = ("desk", "ops"),
    mode: str = "instant",
) -> tuple[Path, Settings]:
    path = write_config(tmp_path, db_url, server, query='"North Korea" AND Russia')
    alerting = ALERTING.format(notify=json.dumps(list(notify)), mode=mode, smtp_port=smtp_port)
    path.write_text(path.read_text(encoding="utf-8") + alerting, encoding="utf-8")
    environ = {
        "SLACK_URL": server.url("/services/T000/B000/secret-token"),
        "HOOK_URL": server.url("/hook"),
        "HOOK_SECRET": "hook-secret",
    }
    return path, load_settings(path, environ=environ)


def serve_feed(server: FeedServer, articles: list[tuple[str, str, str]]) -> None:
    items = ""
    for path, title, text in articles:
        html_route(server, path, article_page(title, text))
        items += (
            f"<item><title>{title}</title><link>{server.url(path)}</link><guid>{path}</guid>"
            "<description>North Korea and Russia</description></item>"
        )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
    server.route("/feed.xml", body=body.encode(), headers={"Content-Type": "application/rss+xml"})


def import_history(tmp_path: Path, config: Path) -> None:
    files = []
    for name, text in (("shells.txt", HISTORY_SHELLS), ("containers.txt", HISTORY_CONTAINERS)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    code, output = invoke(config, "import", "--published", "2024-04-14", *files)
    assert code == 0, output


def slack_posts(server: FeedServer) -> list[dict[str, Any]]:
    return [
        json.loads(r.body)
        for r in server.requests
        if r.method == "POST" and r.path.startswith("/services/")
    ]


def test_one_email_and_one_slack_message_per_new_figure_and_none_for_a_repeat(
    feed_server: FeedServer, start_smtp: Any, db_url: str, tmp_path: Path
) -> None:
    smtp = start_smtp()
    server = feed_server
    server.route("/services/T000/B000/secret-token", body=b"ok")
    config, settings = configure(tmp_path, db_url, server, smtp.port)
    import_history(tmp_path, config)
    assert smtp.mailbox.received == []  # history raises nothing

    serve_feed(server, [("/news/6m", "Shells estimate doubles", NEWS)])
    asyncio.run(run_once(settings, processes=0))

    mails = smtp.mailbox.received
    assert len(mails) == 2
    assert all(m.rcpt_tos == ["desk@example.org", "analyst@example.org"] for m in mails)
    bodies = {m.message["Subject"]: m.message.get_body(("plain",)).get_content() for m in mails}
    shells = next(body for subject, body in bodies.items() if "ammunition" in subject)
    assert "6 million shells" in shells and "was about 3 million" in shells
    containers = next(body for subject, body in bodies.items() if "container" in subject)
    assert "13,000 containers" in containers and "about 11,000" in containers
    posts = slack_posts(server)
    assert len(posts) == 2
    assert any("was about 3 million" in json.dumps(post) for post in posts)

    serve_feed(
        server,
        [("/news/6m", "Shells estimate doubles", NEWS), ("/news/again", "Again", REPEAT)],
    )
    asyncio.run(run_once(settings, processes=0))
    assert len(smtp.mailbox.received) == 2 and len(slack_posts(server)) == 2

    code, output = invoke(config, "alerts", "--json")
    assert code == 0, output
    alerts = json_lines(output)
    assert {a["kind"] for a in alerts} == {"changed_figure"}
    assert all(d["status"] == "sent" for a in alerts for d in a["deliveries"])  # type: ignore[attr-defined]


def test_smtp_down_then_up_alerts_wait_then_all_arrive_once(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    port = free_port()  # nothing listens yet
    config, settings = configure(tmp_path, db_url, feed_server, port, notify=("desk",))
    import_history(tmp_path, config)
    serve_feed(feed_server, [("/news/6m", "Shells estimate doubles", NEWS)])
    asyncio.run(run_once(settings, processes=0))

    engine = make_engine(db_url)
    with Session(engine) as session:
        waiting = session.scalars(select(Delivery)).all()
        assert [(d.status, d.last_error_kind, d.attempts) for d in waiting] == [
            ("pending", "smtp_connect", 1)
        ] * 2
        assert all(d.next_attempt_at > utc_now() for d in waiting)

    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        notifiers = build_notifiers(settings)
        later = utc_now() + timedelta(hours=1)
        outcomes = deliver_due(engine, notifiers, owner="test", now=later)
        assert [o.status for o in outcomes] == ["sent", "sent"]
        assert deliver_due(engine, notifiers, owner="test", now=later + timedelta(hours=1)) == []
    finally:
        controller.stop()
        engine.dispose()
    assert len(mailbox.received) == 2


def test_slack_429_waits_for_retry_after_500_retries_and_404_is_a_dead_letter(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    slack = "/services/T000/B000/secret-token"
    server.route(slack, status=429, headers={"Retry-After": "900"}, body=b"rate_limited")
    config, settings = configure(tmp_path, db_url, server, free_port(), notify=("ops",))
    import_history(tmp_path, config)
    serve_feed(server, [("/news/6m", "Shells estimate doubles", NEWS)])
    started = utc_now()
    asyncio.run(run_once(settings, processes=0))

    engine = make_engine(db_url)
    notifiers = build_notifiers(settings)
    try:
        with Session(engine) as session:
            rows = session.scalars(select(Delivery)).all()
            assert all(d.status == "pending" and d.last_error_kind == "http_status" for d in rows)
            # Retry-After (900 s) is respected, though the backoff alone would be 15-30 s.
            assert all(d.next_attempt_at >= started + timedelta(seconds=900) for d in rows)
        assert deliver_due(engine, notifiers, owner="t", now=utc_now()) == []  # not due yet

        server.route(slack, status=500, body=b"oops")
        soon = utc_now() + timedelta(seconds=901)
        outcomes = deliver_due(engine, notifiers, owner="t", now=soon, rng=random.Random(1))
        assert [o.status for o in outcomes] == ["retry", "retry"]

        server.route(slack, status=404, body=b"no_service")
        later = soon + timedelta(hours=7)
        outcomes = deliver_due(engine, notifiers, owner="t", now=later)
        assert [o.status for o in outcomes] == ["failed", "failed"]
    finally:
        engine.dispose()

    code, output = invoke(config, "alerts", "--failed", "--json")
    failed = json_lines(output)
    assert len(failed) == 2
    assert "secret-token" not in output  # the webhook URL is a secret
    alert_id = str(failed[0]["id"])
    code, output = invoke(config, "alerts", "retry", alert_id)
    assert code == 0 and "1 deliveries queued again" in output
    code, output = invoke(config, "alerts", "--failed", "--json")
    assert len(json_lines(output)) == 1


def test_a_digest_collects_several_alerts_into_one_message(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    server.route("/hook", body=b"ok")
    config, settings = configure(
        tmp_path, db_url, server, free_port(), notify=("hook",), mode="digest"
    )
    import_history(tmp_path, config)
    # The page's address carries an access token: it must not travel in the alert.
    serve_feed(server, [("/news/6m?token=s3cr3t-access", "Shells estimate doubles", NEWS)])
    asyncio.run(run_once(settings, processes=0))
    assert [r for r in server.requests if r.path == "/hook"] == []  # waits for the digest

    engine = make_engine(db_url)
    try:
        outcomes = deliver_due(
            engine, build_notifiers(settings), owner="t", now=utc_now() + timedelta(hours=1)
        )
    finally:
        engine.dispose()
    assert [(o.status, len(o.delivery_ids)) for o in outcomes] == [("sent", 2)]
    (post,) = [r for r in server.requests if r.path == "/hook"]
    body = json.loads(post.body)
    assert body["digest"] is True and body["watch"] == "arms"
    assert sorted(a["measure"] for a in body["alerts"]) == ["ammunition supplied", "containers"]
    assert post.headers["X-Figure-Monitor-Signature"].startswith("sha256=")
    assert b"s3cr3t-access" not in post.body
    assert body["alerts"][0]["article"]["url"] == server.url("/news/6m")


def test_every_due_delivery_goes_out_in_one_pass_however_many_were_queued(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    """A poll that queues more alerts than one claim holds (CLAIM_BATCH) sends them all in
    the same pass: `run --once` leaves nothing waiting for a run that may never come."""
    server = feed_server
    server.route("/hook", body=b"ok")
    _, settings = configure(tmp_path, db_url, server, free_port(), notify=("hook",))
    queued = CLAIM_BATCH * 2 + 7
    engine = make_engine(db_url)
    try:
        with Session(engine) as session, session.begin():
            for number in range(queued):
                payload = {**shells_changed(), "id": number + 1, "watch": "arms"}
                alert = Alert(
                    kind="changed_figure", watch="arms", measure="ammunition", payload=payload
                )
                session.add(alert)
                session.flush()
                session.add(
                    Delivery(alert_id=alert.id, notifier="hook", idempotency_key=f"k{number:04d}")
                )
        outcomes = deliver_due(engine, build_notifiers(settings), owner="t")
        with Session(engine) as session:
            statuses = Counter(session.scalars(select(Delivery.status)))
    finally:
        engine.dispose()
    assert Counter(o.status for o in outcomes) == {"sent": queued}
    assert statuses == {"sent": queued}
    posted = [json.loads(r.body)["id"] for r in server.requests if r.path == "/hook"]
    assert sorted(posted) == list(range(1, queued + 1))  # each once


CHILD = """
import sys
from datetime import datetime
from monitor.alerts.configured import build_notifiers
from monitor.alerts.deliver import deliver_due
from monitor.config import load_settings
from monitor.store.db import make_engine
settings = load_settings(sys.argv[1], environ=dict(SLACK_URL=sys.argv[3], HOOK_URL=sys.argv[4],
                                                   HOOK_SECRET="hook-secret"))
engine = make_engine(settings.monitor.database_url)
deliver_due(engine, build_notifiers(settings), owner="doomed",
            now=datetime.fromisoformat(sys.argv[2]))
"""


def test_a_daemon_killed_between_send_and_commit_repeats_one_message_and_loses_none(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    server.route("/hook", status=503, headers={"Retry-After": "1"}, body=b"busy")
    config, settings = configure(tmp_path, db_url, server, free_port(), notify=("hook",))
    import_history(tmp_path, config)
    serve_feed(server, [("/news/6m", "Shells estimate doubles", NEWS)])
    asyncio.run(run_once(settings, processes=0))  # two alerts queued; their first try got 503
    hooks = lambda: [r for r in server.requests if r.path == "/hook"]  # noqa: E731
    queued = len(hooks())
    assert queued == 2

    # A daemon claims both, and is killed while the receiver holds the first message.
    server.route("/hook", body=b"ok", delay=30)
    now = utc_now() + timedelta(hours=1)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(config),
            now.isoformat(),
            server.url("/services/x"),
            server.url("/hook"),
        ],
        cwd=Path(__file__).resolve().parents[1],
    )
    try:
        deadline = time.monotonic() + 30
        while len(hooks()) == queued and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(hooks()) == queued + 1, "the doomed daemon sent nothing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()

    # Its leases expire; the next tick sends everything that was not recorded as sent.
    server.route("/hook", body=b"ok")
    engine = make_engine(db_url)
    try:
        later = now + LEASE + timedelta(minutes=1)
        outcomes = deliver_due(engine, build_notifiers(settings), owner="heir", now=later)
        assert [o.status for o in outcomes] == ["sent", "sent"]
        with Session(engine) as session:
            assert {d.status for d in session.scalars(select(Delivery))} == {"sent"}
    finally:
        engine.dispose()
    keys = Counter(r.headers["Idempotency-Key"] for r in hooks()[queued:])
    # The message in flight at the kill arrives twice under one key; every other once.
    assert sorted(keys.values()) == [1, 2]


def test_seeds_as_history_then_6_million_shells_and_13000_containers_alert_once_each(
    feed_server: FeedServer, start_smtp: Any, db_url: str, tmp_path: Path
) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    smtp = start_smtp()
    server = feed_server
    server.route("/services/T000/B000/secret-token", body=b"ok")
    config, settings = configure(tmp_path, db_url, server, smtp.port)
    seeds = [str(next(SEEDS.glob(f"{prefix}_*.txt"))) for prefix in SEED_ORDER]
    code, output = invoke(config, "import", *seeds)
    assert code == 0, output

    serve_feed(server, [("/news/6m", "Shells estimate doubles", NEWS)])
    asyncio.run(run_once(settings, processes=0))
    subjects = sorted(str(m.message["Subject"]) for m in smtp.mailbox.received)
    assert len(subjects) == 2 and len(slack_posts(server)) == 2
    shells = next(m for m in smtp.mailbox.received if "ammunition" in str(m.message["Subject"]))
    text = shells.message.get_body(("plain",)).get_content()
    assert "6 million shells" in text and "5 million" in text and "about 3 million" in text

    serve_feed(
        server,
        [("/news/6m", "Shells estimate doubles", NEWS), ("/news/again", "Again", REPEAT)],
    )
    asyncio.run(run_once(settings, processes=0))
    assert len(smtp.mailbox.received) == 2 and len(slack_posts(server)) == 2


def test_instant_alerts_past_the_hourly_ceiling_fold_into_the_next_digest(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    server = feed_server
    server.route("/hook", body=b"ok")
    config, _ = configure(tmp_path, db_url, server, free_port(), notify=("hook",))
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            'mode = "instant"', 'mode = "instant"\nmax_per_hour = 1'
        ),
        encoding="utf-8",
    )
    settings = load_settings(
        config,
        environ={
            "SLACK_URL": server.url("/s"),
            "HOOK_URL": server.url("/hook"),
            "HOOK_SECRET": "s",
        },
    )
    import_history(tmp_path, config)
    serve_feed(server, [("/news/6m", "Shells estimate doubles", NEWS)])
    asyncio.run(run_once(settings, processes=0))

    alone = [r for r in server.requests if r.path == "/hook"]
    assert len(alone) == 1 and "digest" not in json.loads(alone[0].body)
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            folded = session.scalars(select(Delivery).where(Delivery.status == "pending")).all()
            assert [d.digest for d in folded] == [True]
        outcomes = deliver_due(
            engine, build_notifiers(settings), owner="t", now=utc_now() + timedelta(hours=1)
        )
    finally:
        engine.dispose()
    assert [(o.status, len(o.delivery_ids)) for o in outcomes] == [("sent", 1)]
    assert json.loads([r for r in server.requests if r.path == "/hook"][-1].body)["digest"]


def test_alerts_test_reports_the_real_answer_of_the_server(
    feed_server: FeedServer, start_smtp: Any, db_url: str, tmp_path: Path
) -> None:
    smtp = start_smtp()
    feed_server.route("/hook", status=404, body=b"no such hook")
    config, _ = configure(tmp_path, db_url, feed_server, smtp.port)
    env = {"SLACK_URL": feed_server.url("/s"), "HOOK_URL": feed_server.url("/hook")}
    result = CliRunner().invoke(
        cli, ["--config", str(config), "alerts", "test", "desk"], env={**env, "HOOK_SECRET": "x"}
    )
    assert result.exit_code == 0, result.output
    assert "desk: sent: 250" in result.output
    (mail,) = smtp.mailbox.received
    assert "test message" in str(mail.message["Subject"])

    result = CliRunner().invoke(
        cli, ["--config", str(config), "alerts", "test", "hook"], env={**env, "HOOK_SECRET": "x"}
    )
    assert result.exit_code != 0
    assert "hook: failed (http_status)" in result.output and "404" in result.output
