"""Faults a long-running daemon meets: its database going away, and a crash mid-poll.

Real parts throughout: the daemon runs as its own process against a real PostgreSQL or SQLite
database and a loopback feed server; the database is made unavailable by PostgreSQL itself
(connections disallowed and the daemon's own cut), not by a stand-in.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from monitor.alerts.deliver import CLAIM_BATCH, claim_due
from monitor.owners import daemon_owner, gone_owners, owner_name
from monitor.store.db import make_engine, unavailable_reason
from monitor.store.sources import (
    claim_due_sources,
    lease_holders,
    renew_leases,
)
from monitor.store.tables import Alert, Delivery, Source
from monitor.store.types import utc_now
from tests.process import run_monitor
from tests.servers import FeedServer
from tests.test_commands import (
    STORY_PAGE,
    articles_json,
    serve_one_article,
    start_daemon,
    stop_daemon,
    write_config,
)
from tests.test_store_sources import sync


def _dead_pid() -> int:
    """The pid of a process of this host that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _wait_for(condition: Callable[[], object], timeout: float, step: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return bool(condition())


# --- who may take over a lease -----------------------------------------------------------


def test_gone_owners_are_ended_processes_of_this_host_and_this_process_itself() -> None:
    me = daemon_owner()
    assert daemon_owner() == me  # one name for the process's life
    dead = owner_name(_dead_pid(), "a1b2c3d4")
    alive = owner_name(os.getppid(), "a1b2c3d4")
    earlier = owner_name(os.getpid(), "0ld0ld00")  # had our pid before us: it has ended
    host, pid, scope, token = dead.split(":")
    elsewhere = f"another-host.example:{pid}:{scope}:{token}"
    # A container on this host's network: same host name, its own pid namespace.
    other_namespace = f"{host}:{pid}:0000beef:{token}"
    holders = [me, dead, alive, earlier, elsewhere, other_namespace, "poller-1"]
    assert gone_owners(holders, me=me) == {me, dead, earlier}


def test_a_lease_of_a_gone_daemon_is_taken_over_at_once_and_a_live_one_is_not(
    db_url: str,
) -> None:
    engine = make_engine(db_url)
    now = utc_now()
    try:
        sync(engine, "a", "b", now=now - timedelta(hours=1))
        crashed, running = owner_name(_dead_pid(), "t1"), owner_name(os.getppid(), "t2")
        with Session(engine) as session:
            claim_due_sources(session, names=["a"], now=now, owner=crashed, lease=60)
            claim_due_sources(session, names=["b"], now=now, owner=running, lease=60)
        with Session(engine) as session:
            holders = lease_holders(session, now)
            gone = gone_owners(holders, me=daemon_owner())
            taken = claim_due_sources(
                session,
                names=["a", "b"],
                now=now,
                owner=daemon_owner(),
                lease=60,
                takeover_from=gone,
            )
        assert sorted(holders) == sorted([crashed, running])
        assert [state.name for state in taken] == ["a"]  # b's daemon still runs: its lease holds
    finally:
        engine.dispose()


def test_a_heartbeat_renews_only_the_leases_its_daemon_still_holds(db_url: str) -> None:
    engine = make_engine(db_url)
    now = utc_now()
    try:
        sync(engine, "a", "b", now=now - timedelta(hours=1))
        with Session(engine) as session:
            claim_due_sources(session, names=["a"], now=now, owner="d1", lease=60)
            claim_due_sources(session, names=["b"], now=now, owner="d2", lease=60)
            ids = list(session.scalars(select(Source.id).order_by(Source.name)))
        later = now + timedelta(minutes=5)
        with Session(engine) as session, session.begin():
            renew_leases(session, ids, owner="d1", expires_at=later)
        with Session(engine) as session:
            expiry = dict(session.execute(select(Source.name, Source.lease_expires_at)).all())
        assert expiry["a"] == later
        assert expiry["b"] == now + timedelta(seconds=60)
    finally:
        engine.dispose()


def test_deliveries_are_claimed_in_small_batches_and_a_gone_daemons_at_once(db_url: str) -> None:
    engine = make_engine(db_url)
    now = utc_now()
    crashed = owner_name(_dead_pid(), "t3")
    try:
        with Session(engine) as session, session.begin():
            for number in range(CLAIM_BATCH + 5):
                alert = Alert(kind="new_measure", watch="w", measure=f"m{number}", payload={})
                session.add(alert)
                session.flush()
                session.add(
                    Delivery(
                        alert_id=alert.id,
                        notifier="hook",
                        idempotency_key=f"k{number}",
                        next_attempt_at=now - timedelta(seconds=1),
                    )
                )
        first = claim_due(engine, owner=crashed, now=now)
        assert len(first) == CLAIM_BATCH
        # Its daemon died with the batch leased for minutes more: a restart takes it at once.
        heir = claim_due(engine, owner=daemon_owner(), now=now + timedelta(seconds=1))
        assert len(heir) == CLAIM_BATCH
        assert {d.id for d in heir} & {d.id for d in first}
        with Session(engine) as session:
            owners = set(
                session.scalars(
                    select(Delivery.lease_owner).where(Delivery.lease_owner.is_not(None))
                )
            )
        assert owners == {daemon_owner()}
    finally:
        engine.dispose()


# --- a crash mid-poll ----------------------------------------------------------------------


def _sources_json(config: Path) -> list[dict[str, object]]:
    result = run_monitor("--config", str(config), "sources", "--json", cwd=config.parent)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_poll_cut_by_a_kill_is_retaken_at_once_by_the_restarted_daemon(
    feed_server: FeedServer, db_url: str, tmp_path: Path
) -> None:
    source = serve_one_article(feed_server, "/news/slow", delay=40)
    config = write_config(tmp_path, db_url, source, timeout="60s")
    first = start_daemon(config, tmp_path)
    second = None
    try:
        feed_server.wait_for_path("/news/slow", timeout=30)
        (row,) = _sources_json(config)
        assert row["state"] == "polling"
        assert str(row["lease_owner"]).startswith(f"{socket.gethostname()}:{first.pid}:")
        leased_until = str(row["lease_expires_at"])

        # Another daemon (run --once) leaves the source to the one polling it, and says so.
        once = run_monitor("--config", str(config), "run", "--once", cwd=tmp_path)
        assert once.returncode == 1, once.stdout + once.stderr
        assert f"wire: not polled: {row['lease_owner']} is polling it" in once.stdout
        assert "no source could be polled" in once.stderr

        # The lease is renewed while the poll runs, so a slow poll keeps its source.
        assert _wait_for(
            lambda: str(_sources_json(config)[0]["lease_expires_at"]) > leased_until, timeout=30
        ), "the lease was not renewed"

        first.kill()
        first.wait(timeout=10)
        requests_before = feed_server.paths().count("/news/slow")
        feed_server.route(
            "/news/slow", body=STORY_PAGE.encode(), headers={"Content-Type": "text/html"}
        )
        started = time.monotonic()
        second = start_daemon(config, tmp_path)
        # Its lease would hold the source for a minute more: the restart takes it at once.
        assert _wait_for(lambda: articles_json(config), timeout=40), "the poll was not retaken"
        retaken_after = time.monotonic() - started
        assert feed_server.paths().count("/news/slow") > requests_before
        assert retaken_after < 40
        (row,) = _sources_json(config)
        assert row["state"] == "ok"
    finally:
        for daemon in (first, second):
            if daemon is not None:
                stderr = stop_daemon(daemon)
    assert "Traceback" not in stderr


# --- the database goes away -----------------------------------------------------------------


def _connections(admin: Engine, database: str, *, allowed: bool) -> None:
    """Allow or disallow connections to ``database``; disallowing also cuts the open ones."""
    with admin.connect() as connection:
        connection.execute(text(f"ALTER DATABASE {database} WITH ALLOW_CONNECTIONS {allowed}"))
        if not allowed:
            connection.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :name AND pid <> pg_backend_pid()"
                ),
                {"name": database},
            )


def _serve_two(server: FeedServer, *, slow: float) -> None:
    """A feed of two articles: /news/before at once, /news/during after ``slow`` seconds."""
    items = ""
    for path, delay in (("/news/before", 0.0), ("/news/during", slow)):
        page = STORY_PAGE.replace("this spring", f"this spring ({path})")
        server.route(path, body=page.encode(), headers={"Content-Type": "text/html"}, delay=delay)
        items += (
            f"<item><title>North Korea and Russia {path}</title><link>{server.url(path)}</link>"
            f"<guid>{path}</guid></item>"
        )
    server.route(
        "/feed.xml",
        body=f"<rss version='2.0'><channel><title>t</title>{items}</channel></rss>".encode(),
        headers={"Content-Type": "application/rss+xml"},
    )


@pytest.mark.postgres
@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_a_database_outage_is_one_line_each_way_and_loses_nothing(
    feed_server: FeedServer, db_url: str, tmp_path: Path, postgres_admin: Engine
) -> None:
    database = make_url(db_url).database
    assert database is not None
    # The database goes away while the daemon waits for the second page: that article's
    # poll is cut short, and must be taken up again once the database is back.
    _serve_two(feed_server, slow=8)
    source = f'[[source]]\nname = "wire"\nurl = "{feed_server.url("/feed.xml")}"\n'
    config = write_config(tmp_path, db_url, source)
    daemon = start_daemon(config, tmp_path)
    try:
        feed_server.wait_for_path("/news/during", timeout=60)
        assert _wait_for(lambda: len(articles_json(config)) == 1, timeout=10)
        _connections(postgres_admin, database, allowed=False)
        status = run_monitor("--config", str(config), "status", cwd=tmp_path)
        assert status.returncode == 1
        assert len(status.stderr.strip().splitlines()) == 1, status.stderr
        assert "not currently accepting connections" in status.stderr
        time.sleep(25)  # the page arrives, cannot be stored; ticks back off
        feed_server.route(
            "/news/during",
            body=STORY_PAGE.replace("this spring", "this spring (/news/during)").encode(),
            headers={"Content-Type": "text/html"},
        )
        _connections(postgres_admin, database, allowed=True)
        assert _wait_for(lambda: len(articles_json(config)) == 2, timeout=90), "lost in outage"
    finally:
        _connections(postgres_admin, database, allowed=True)
        stderr = stop_daemon(daemon)
    assert daemon.returncode == 0, stderr
    assert stderr.count("database unavailable") == 1, stderr
    assert stderr.count("database available again") == 1, stderr
    assert "Traceback" not in stderr
    assert "postgres@" in stderr and "password" not in stderr.lower()
    # The outage is the whole story of those 25 seconds: no warning or error per tick.
    outage = stderr[stderr.index("database unavailable") : stderr.index("available again")]
    between = outage.splitlines()[1:-1]  # after the first line, before the recovery's
    assert not [line for line in between if " WARNING " in line or " ERROR " in line], outage
    stored = {str(article["url"]).rsplit("/", 1)[1] for article in articles_json(config)}
    assert stored == {"before", "during"}


def test_unavailable_is_told_from_a_defect() -> None:
    engine = make_engine("sqlite://")
    try:
        with engine.connect() as connection:
            try:
                connection.execute(text("SELECT * FROM no_such_table"))
            except OperationalError as error:
                assert unavailable_reason(error) is None  # the schema is wrong: a defect
            else:
                raise AssertionError("the query should have failed")
    finally:
        engine.dispose()
    refused = make_engine("postgresql+psycopg://nobody@127.0.0.1:9/nothing")
    try:
        with refused.connect():
            raise AssertionError("nothing listens on port 9")
    except OperationalError as error:
        assert unavailable_reason(error)
    finally:
        refused.dispose()
    assert unavailable_reason(ValueError("x")) is None


@pytest.mark.postgres
def test_a_cancelled_statement_is_no_outage_but_a_dropped_connection_is(
    postgres_admin: Engine,
) -> None:
    with postgres_admin.connect() as connection:
        connection.execute(text("SET statement_timeout = 1"))
        with pytest.raises(OperationalError) as cancelled:
            connection.execute(text("SELECT pg_sleep(1)"))
    assert unavailable_reason(cancelled.value) is None  # the next statement may well work
    with postgres_admin.connect() as victim, postgres_admin.connect() as admin:
        pid = victim.execute(text("SELECT pg_backend_pid()")).scalar_one()
        admin.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        with pytest.raises(OperationalError) as dropped:
            victim.execute(text("SELECT 1"))
    assert unavailable_reason(dropped.value)
