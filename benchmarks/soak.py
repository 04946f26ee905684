"""Soak: the daemon survives repeated SIGKILLs without losing articles or alerts.

What it proves. ``monitor run`` is killed with SIGKILL at random moments, again and again,
while its feeds keep growing; after the last kill one more daemon runs until it has caught
up. Then every article the feeds published must be stored, every figure they reported must
have reached the webhook receiver, and no killed daemon may have left a process behind.
Repeats are counted as well: a crash between a send and its commit may post one message
twice under one idempotency key (docs/alerts.md), and the report says how often that
happened.

How. Everything runs on loopback, in this one command:

- a news server (threads of this process) serves ``--feeds`` RSS feeds; one new item is
  published every ``--interval`` seconds, on the feeds in turn. Each item links to an article
  page on the same server: invented prose about a flood on the Marrow river, with one figure
  in a place of its own ("at least 212 families were evacuated in Velbrook"), so each article
  should raise exactly one alert (a new measure);
- a webhook receiver (threads of this process) records every POST body and its
  ``Idempotency-Key`` header;
- the daemon is this checkout's ``python -m monitor --config CFG run``, in its own process
  group (its extraction workers share that group), logging into ``daemon.log`` of the work
  folder. After each SIGKILL the group is watched for up to ``--grace`` seconds: whatever is
  still alive then is a leftover process (counted, then killed, so that kills stay
  independent);
- after the last kill the feeds stop growing and a last daemon runs until everything is
  stored and delivered, or ``--settle-timeout`` passes; then it gets SIGTERM.

Usage: ``.venv/bin/python benchmarks/soak.py [--kills 20] [--seed N] [--db sqlite|postgresql]
[--json]``; benchmarks/README.md says what the report means. Exit status: 0 when nothing was
lost, 1 when an article or an alert was, 2 when the soak could not be set up or a
monitor command of its own failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from html import escape as html_escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from xml.sax.saxutils import escape as xml_escape

REPO = Path(__file__).resolve().parent.parent
POSTGRES_ADMIN = "host=127.0.0.1 port=5432 user=postgres dbname=postgres"
WATCH = "marrow-floods"
MEASURE_PREFIX = "families evacuated in "

# --- the invented news -----------------------------------------------------------------------

# One sentence per article carries its figure. Its place is the article's own town, so every
# article reports a measure nobody reported before ("families evacuated in <town>"): one new
# alert each, whatever order the articles are decided in.
FIGURE_SENTENCES = (
    "At least {n} families were evacuated in {town} on {day} as flooding along the Marrow river"
    " spread into low-lying streets, the regional emergency office said.",
    "Officials said at least {n} families were evacuated in {town} overnight after flooding on"
    " the Marrow river cut the main road.",
    "In {town}, at least {n} families were evacuated on {day} when the flooded Marrow river"
    " reached the market square, according to the district council.",
)
# The rest of an article is drawn from these. None holds a number, so none is a figure; each
# article takes its own random handful, so the dedup stage sees different texts, not copies.
FILLER = (
    "Volunteers stacked sandbags outside the old grain hall while the water kept rising.",
    "Forecasters expect more rain over the hills before the weekend.",
    "The mayor asked residents to stay away from the footbridges and the towpath.",
    "Rescue crews in small boats checked on elderly neighbours who had refused to leave.",
    "A school gymnasium was turned into a shelter with camp beds and hot soup.",
    "Farmers moved their sheep to higher pastures as the fields turned into lakes.",
    "The railway company suspended services on the valley line until further notice.",
    "Power was cut to several streets as a precaution, the utility said.",
    "Engineers were inspecting the stone bridge for cracks after debris struck its piers.",
    "Shopkeepers carried their stock upstairs and boarded up their windows.",
    "The river authority warned that the crest had not yet passed the upper valley.",
    "Residents described hearing the water before they saw it come over the embankment.",
    "Church bells were rung in the evening to warn outlying farms.",
    "The regional governor promised emergency grants for households that lost their belongings.",
    "Drinking water was being handed out at the fire station because the pumps had failed.",
    "Insurers said it was too early to estimate the cost of the damage.",
    "Local radio stayed on air through the night, reading out messages from stranded families.",
    "Police closed the ring road after a lorry was swept against the crash barrier.",
    "The hospital postponed routine operations and kept its ambulances on standby.",
    "Older residents said they had not seen the river this high since their childhood.",
    "Aid workers handed out blankets, torches and dry clothes at the community centre.",
    "The army sent lorries able to drive through deep water to help with the evacuation.",
    "Schools across the district will stay shut until the water recedes.",
    "Environmental officers were testing the water for fuel and sewage.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Town names are built from syllables, one name per item number: 16 x 8 x 16 = 2048 names.
HEADS = "Ost Vel Tav Brun Kel Sor Dun Hal Mer Rav Lin Gor Ash Wen Cal Fen".split()
MIDDLES = ("", "er", "an", "il", "ow", "en", "ar", "im")
TAILS = (
    "mark brook ford holm wick stead dale haven moor ley thorpe by combe field gate ness".split()
)
MAX_ITEMS = len(HEADS) * len(MIDDLES) * len(TAILS)


def town(number: int) -> str:
    """Return the invented town of item ``number`` (unique below MAX_ITEMS)."""
    head = HEADS[number % len(HEADS)]
    tail = TAILS[(number // len(HEADS)) % len(TAILS)]
    middle = MIDDLES[(number // (len(HEADS) * len(TAILS))) % len(MIDDLES)]
    return head + middle + tail


@dataclass(frozen=True, slots=True)
class Item:
    """One published feed item and its article page."""

    number: int
    feed: int
    town: str
    families: int
    title: str
    paragraphs: tuple[str, ...]
    published: datetime


def make_item(number: int, feeds: int, rng: random.Random) -> Item:
    """Invent item ``number``: its figure sentence among six filler sentences."""
    place = town(number)
    families = rng.randint(12, 950)
    template = rng.choice(FIGURE_SENTENCES)
    figure = template.format(n=families, town=place, day=rng.choice(DAYS))
    filler = rng.sample(FILLER, 6)
    return Item(
        number=number,
        feed=number % feeds,
        town=place,
        families=families,
        title=f"Flooding on the Marrow river forces evacuations in {place}",
        paragraphs=(
            " ".join([figure, *filler[:2]]),
            " ".join(filler[2:4]),
            " ".join(filler[4:]),
        ),
        published=datetime.now(UTC),
    )


class News:
    """The published items, shared by the publisher thread and the server's threads."""

    def __init__(self, feeds: int, rng: random.Random) -> None:
        self.feeds = feeds
        self._rng = rng
        self._items: list[Item] = []
        self._lock = threading.Lock()

    def publish(self) -> Item:
        with self._lock:
            if len(self._items) >= MAX_ITEMS:
                raise RuntimeError(f"more than {MAX_ITEMS} items: use a longer --interval")
            item = make_item(len(self._items), self.feeds, self._rng)
            self._items.append(item)
            return item

    @property
    def items(self) -> list[Item]:
        with self._lock:
            return list(self._items)

    def item(self, number: int) -> Item | None:
        with self._lock:
            return self._items[number] if 0 <= number < len(self._items) else None


class Publisher:
    """Publishes one item every ``interval`` seconds in a thread, until stopped."""

    def __init__(self, news: News, interval: float) -> None:
        self._news = news
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="publisher", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self._news.publish()
            if self._stop.wait(self._interval):
                return


# --- the loopback servers --------------------------------------------------------------------


class QuietServer(ThreadingHTTPServer):
    """A threaded HTTP server on 127.0.0.1 that says nothing when a client hangs up."""

    daemon_threads = True

    def __init__(self, handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A daemon killed in the middle of a request resets its connections: that is the
        # point of the soak, not an error of the server.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


Server = TypeVar("Server", bound=QuietServer)


@contextmanager
def serving(server: Server) -> Iterator[Server]:
    """Run ``server`` in a thread for the duration of the block."""
    thread = threading.Thread(target=server.serve_forever, name="http", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

    def log_message(self, format: str, *args: object) -> None:
        pass  # one line per request would bury the report

    def answer(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)


class NewsServer(QuietServer):
    def __init__(self, news: News) -> None:
        self.news = news
        super().__init__(NewsHandler)


class NewsHandler(Handler):
    """``/feed/K.xml``: feed K's items, newest first; ``/article/N``: item N's page."""

    server: NewsServer

    def do_GET(self) -> None:
        if found := re.fullmatch(r"/feed/(\d+)\.xml", self.path):
            self.feed(int(found[1]))
        elif (found := re.fullmatch(r"/article/(\d+)", self.path)) and (
            item := self.server.news.item(int(found[1]))
        ):
            self.answer(200, article_html(item).encode(), "text/html; charset=utf-8")
        else:
            self.answer(404, b"not found\n", "text/plain")

    def feed(self, number: int) -> None:
        items = [item for item in self.server.news.items if item.feed == number]
        # An ETag as real feeds send: the daemon's conditional GET gets 304 when nothing is new.
        etag = f'"{number}-{len(items)}"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        body = feed_xml(number, items, self.server.url).encode()
        self.answer(200, body, "application/rss+xml; charset=utf-8", ETag=etag)


def feed_xml(number: int, items: Sequence[Item], url: Callable[[str], str]) -> str:
    """Return RSS 2.0 listing ``items``, newest first; ``url`` makes a path absolute."""
    entries = "".join(
        f"<item><title>{xml_escape(item.title)}</title>"
        f"<link>{url(f'/article/{item.number}')}</link>"
        f'<guid isPermaLink="false">soak-{item.number}</guid>'
        f"<pubDate>{format_datetime(item.published)}</pubDate>"
        f"<description>Flooding along the Marrow river reached {item.town}.</description>"
        "</item>"
        for item in reversed(items)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Marrow valley news {number}</title><link>{url('/')}</link>"
        f"<description>soak feed</description>{entries}</channel></rss>"
    )


def article_html(item: Item) -> str:
    paragraphs = "".join(f"<p>{html_escape(text)}</p>" for text in item.paragraphs)
    title = html_escape(item.title)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


@dataclass(frozen=True, slots=True)
class Post:
    key: str | None
    payload: dict[str, Any]


class Receiver(QuietServer):
    """The webhook's receiving end: records every POST, answers 200."""

    def __init__(self) -> None:
        self._posts: list[Post] = []
        self._lock = threading.Lock()
        super().__init__(ReceiverHandler)

    def record(self, post: Post) -> None:
        with self._lock:
            self._posts.append(post)

    @property
    def posts(self) -> list[Post]:
        with self._lock:
            return list(self._posts)


class ReceiverHandler(Handler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            payload = json.loads(body)
        except ValueError:
            payload = {"unreadable": body.decode("utf-8", "replace")}
        self.server.record(Post(self.headers.get("Idempotency-Key"), payload))
        self.answer(200, b"ok", "text/plain")


# --- database and configuration --------------------------------------------------------------


@contextmanager
def database(kind: str, folder: Path) -> Iterator[str]:
    """Yield the URL of a fresh database: a file in ``folder``, or a scratch PostgreSQL one
    that is dropped afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'monitor.db'}"
        return
    import psycopg  # only this mode needs it

    name = f"soak_{os.getpid()}"
    try:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f"CREATE DATABASE {name}")
    except psycopg.Error as error:
        raise SoakError(f"PostgreSQL at 127.0.0.1:5432 is not usable: {error}") from None
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


class SoakError(Exception):
    """The soak could not be set up or go on: no database, a command that failed (status 2)."""


def write_config(
    folder: Path, database_url: str, feeds: list[str], hook: str, log_level: str
) -> Path:
    # `every` cannot go below 1m (monitor/config/keys.py), so the feeds are several sources
    # polled in turn: one poll every few seconds, and kills land in the middle of polls.
    sources = "".join(
        f'[[source]]\nname = "feed-{number}"\nurl = "{url}"\nevery = "1m"\nfetch_all = true\n\n'
        for number, url in enumerate(feeds)
    )
    text = f"""[monitor]
database_url = "{database_url}"
log_level = "{log_level}"

[fetch]
timeout = "10s"
allow_private_addresses = true
respect_robots = false

{sources}[[watch]]
name = "{WATCH}"
query = '"Marrow river" AND flood*'
notify = ["hook"]
# Every alert goes out on its own: past the default ceiling of 20 an hour they would wait
# for a digest, and the soak would be measuring the ceiling.
max_per_hour = 0

[notify.hook]
type = "webhook"
url = "{hook}"
"""
    path = folder / "monitor.toml"
    path.write_text(text, encoding="utf-8")
    return path


# --- the daemon's processes -------------------------------------------------------------------


def monitor_env() -> dict[str, str]:
    """The environment of every monitor command: this checkout's code, no MONITOR_ overrides."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MONITOR_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    return env


def monitor_command(config: Path, *args: str) -> str:
    """Run one ``monitor`` command to its end; return its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "monitor", "--config", str(config), *args],
        cwd=config.parent,
        env=monitor_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode != 0:
        raise SoakError(f"monitor {' '.join(args)} failed: {done.stderr.strip()}")
    return done.stdout


def json_lines(config: Path, *args: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in monitor_command(config, *args).splitlines() if line]


def start_daemon(config: Path, log: Path, label: str) -> subprocess.Popen[bytes]:
    """Start ``monitor run`` in a session of its own, its output appended to ``log``."""
    with log.open("ab") as stream:
        daemon = subprocess.Popen(
            [sys.executable, "-m", "monitor", "--config", str(config), "run"],
            cwd=config.parent,
            env=monitor_env(),
            stdin=subprocess.DEVNULL,
            stdout=stream,
            stderr=stream,
            start_new_session=True,  # its own process group: the pool's workers join it
        )
    log_line(log, f"{label}: pid {daemon.pid}")
    return daemon


def log_line(log: Path, text: str) -> None:
    """Append a line of the soak's own to the daemon's log, so the log tells which daemon
    wrote what (a lease names its daemon by pid) and when each was killed."""
    # One short write in append mode: it lands whole, after what the daemon wrote so far.
    with log.open("a", encoding="utf-8") as stream:
        stream.write(f"----- soak: {text}, {datetime.now(UTC).isoformat()} -----\n")


def group_members(pgid: int) -> dict[int, str]:
    """Return the live processes of process group ``pgid``: pid -> /proc state letter."""
    members = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # The command name, in parentheses, may hold spaces: split after its last ")".
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # the process ended while the folder was read
        state, group = fields[0], int(fields[2])
        if group == pgid and state != "Z":  # a zombie holds no memory and runs nothing
            members[int(stat.parent.name)] = state
    return members


def rss_mb(pid: int) -> float:
    """Return a process's resident set (VmRSS) in MB, 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@dataclass(frozen=True, slots=True)
class Memory:
    """The resident memory of a daemon and its children at one moment."""

    age: float  # seconds since the daemon started
    daemon_mb: float
    children: int
    children_mb: float

    def __str__(self) -> str:
        return (
            f"{self.daemon_mb:.0f} MB + {self.children}"
            f" {'child' if self.children == 1 else 'children'} {self.children_mb:.0f} MB"
            f" ({self.age:.1f} s after start)"
        )


def memory(daemon: subprocess.Popen[bytes], started: float) -> Memory:
    others = [pid for pid in group_members(daemon.pid) if pid != daemon.pid]
    return Memory(
        age=time.monotonic() - started,
        daemon_mb=rss_mb(daemon.pid),
        children=len(others),
        children_mb=sum(rss_mb(pid) for pid in others),
    )


@dataclass(frozen=True, slots=True)
class Kill:
    """One SIGKILL: when it came, and what of the daemon's group outlived it."""

    pid: int
    after: float  # seconds after the start
    memory: Memory
    leftovers: int  # processes of the group still alive after the grace period
    emptied_in: float | None  # seconds until the group was empty, None if it never was


def kill_daemon(daemon: subprocess.Popen[bytes], started: float, grace: float, log: Path) -> Kill:
    """SIGKILL the daemon alone, as the OOM killer or a power cut would, and watch its group.

    Only the daemon gets the signal: its workers must notice on their own that it is gone.
    Whatever still lives after ``grace`` seconds is counted, then killed with the whole group.
    """
    measured = memory(daemon, started)
    daemon.kill()
    daemon.wait()
    killed_at = time.monotonic()
    log_line(log, f"SIGKILL to pid {daemon.pid}, {killed_at - started:.1f} s after its start")
    deadline = killed_at + grace
    while (members := group_members(daemon.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    emptied = None if members else time.monotonic() - killed_at
    if members:
        try:
            os.killpg(daemon.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    return Kill(daemon.pid, killed_at - started, measured, len(members), emptied)


# --- what the soak found ------------------------------------------------------------------------


@dataclass(slots=True)
class Findings:
    """Everything the report shows."""

    db: str
    kills: list[Kill] = field(default_factory=list)
    published: int = 0
    stored: int = 0
    alerts_raised: int = 0
    alerts_unexpected: int = 0
    alerts_sent_in_db: int = 0
    alerts_pending_in_db: int = 0
    alerts_failed_in_db: int = 0
    delivered: int = 0  # expected figures that reached the receiver
    posts: int = 0
    repeated_keys: int = 0  # posts whose idempotency key had been posted before
    figures_alerted_twice: int = 0  # figures posted under more than one alert
    missing_articles: list[int] = field(default_factory=list)
    missing_alerts: list[int] = field(default_factory=list)
    stale_leases: list[str] = field(default_factory=list)
    undecided: int = 0  # stored articles whose figures were never decided
    settled_in: float | None = None
    settle_timeout: float = 0.0
    final_start: Memory | None = None
    final_end: Memory | None = None
    final_exit: int | None = None
    final_leftovers: int = 0
    log: str = ""
    log_errors: int = 0
    log_tracebacks: int = 0
    wall: float = 0.0

    @property
    def lost(self) -> bool:
        return self.stored < self.published or self.delivered < self.published

    def to_json(self) -> dict[str, Any]:
        row = {name: getattr(self, name) for name in self.__dataclass_fields__}
        row["kills"] = [
            {
                "pid": kill.pid,
                "after": round(kill.after, 2),
                "leftovers": kill.leftovers,
                "emptied_in": None if kill.emptied_in is None else round(kill.emptied_in, 2),
                "memory": memory_json(kill.memory),
            }
            for kill in self.kills
        ]
        row["final_start"] = memory_json(self.final_start)
        row["final_end"] = memory_json(self.final_end)
        row["leftovers_after_kills"] = sum(kill.leftovers for kill in self.kills)
        row["lost"] = self.lost
        return row


def memory_json(measured: Memory | None) -> dict[str, float] | None:
    if measured is None:
        return None
    return {
        "age": round(measured.age, 1),
        "daemon_mb": round(measured.daemon_mb, 1),
        "children": measured.children,
        "children_mb": round(measured.children_mb, 1),
    }


def article_number(url: str) -> int | None:
    found = re.search(r"/article/(\d+)$", url)
    return int(found[1]) if found else None


def alerted_number(payload: dict[str, Any]) -> int | None:
    """Return the item an alert is about, when it is the figure that item was written for."""
    if payload.get("watch") != WATCH or not str(payload.get("measure", "")).startswith(
        MEASURE_PREFIX
    ):
        return None
    return article_number(str(payload.get("article", {}).get("url", "")))


def stored_numbers(config: Path) -> set[int]:
    rows = json_lines(config, "articles", "--json", "--limit", "1000000")
    return {n for row in rows if (n := article_number(str(row["url"]))) is not None}


def read_alerts(findings: Findings, config: Path, expected: set[int]) -> None:
    """What the database says of the alerts (``monitor alerts --json``)."""
    rows = json_lines(config, "alerts", "--json", "--limit", "1000000")
    numbers = [alerted_number(row) for row in rows]
    findings.alerts_raised = sum(number in expected for number in numbers)
    findings.alerts_unexpected = sum(number not in expected for number in numbers)
    statuses = [{d["status"] for d in row["deliveries"]} for row in rows]
    findings.alerts_sent_in_db = sum(status == {"sent"} for status in statuses)
    findings.alerts_pending_in_db = sum("pending" in status for status in statuses)
    findings.alerts_failed_in_db = sum("failed" in status for status in statuses)


def read_posts(findings: Findings, posts: list[Post], expected: set[int]) -> None:
    """What reached the receiver: delivered figures, repeated keys, figures sent twice."""
    findings.posts = len(posts)
    keys = Counter(post.key for post in posts)
    findings.repeated_keys = sum(count - 1 for count in keys.values())
    alert_ids: dict[int, set[object]] = {}
    for post in posts:
        number = alerted_number(post.payload)
        if number is not None:
            alert_ids.setdefault(number, set()).add(post.payload.get("id"))
    findings.delivered = len(expected & alert_ids.keys())
    findings.missing_alerts = sorted(expected - alert_ids.keys())
    findings.figures_alerted_twice = sum(len(ids) > 1 for ids in alert_ids.values())


def read_database(findings: Findings, database_url: str) -> None:
    """What the database holds once the last daemon stopped: the leases still held (only a
    killed daemon can have left one) and the stored articles whose figures were not decided."""
    from sqlalchemy import create_engine, text  # the project's own dependency

    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            leases = connection.execute(
                text(
                    "SELECT name, lease_owner, lease_expires_at FROM sources"
                    " WHERE lease_owner IS NOT NULL ORDER BY name"
                )
            ).all()
            findings.undecided = connection.scalar(
                text("SELECT count(*) FROM articles WHERE figures_decided_at IS NULL")
            )
    finally:
        engine.dispose()
    now = datetime.now(UTC)
    findings.stale_leases = [
        f"{name} (held by {owner}, {(utc(expires) - now).total_seconds() / 60:.1f} min left)"
        for name, owner, expires in leases
    ]


def utc(value: datetime | str) -> datetime:
    """Return a timestamp read with plain SQL as aware UTC (SQLite gives naive UTC text)."""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def read_log(findings: Findings, log: Path) -> None:
    text = log.read_text(encoding="utf-8", errors="replace")
    findings.log = str(log)
    findings.log_errors = len(re.findall(r"^\S+ \S+ (?:ERROR|CRITICAL) ", text, re.MULTILINE))
    findings.log_tracebacks = text.count("Traceback (most recent call last)")


# --- the soak ------------------------------------------------------------------------------------


def soak(args: argparse.Namespace, folder: Path, database_url: str) -> Findings:
    """Kill and restart the daemon ``args.kills`` times, then let a last one catch up."""
    began = time.monotonic()
    findings = Findings(db=args.db, settle_timeout=args.settle_timeout)
    # Two generators from one seed: the kill moments stay the same however many items the
    # publisher's timing lets through.
    kill_rng = random.Random(f"{args.seed}/kills")
    news = News(args.feeds, random.Random(f"{args.seed}/news"))
    log = folder / "daemon.log"
    with serving(NewsServer(news)) as news_server, serving(Receiver()) as receiver:
        feeds = [news_server.url(f"/feed/{number}.xml") for number in range(args.feeds)]
        config = write_config(folder, database_url, feeds, receiver.url("/hook"), args.log_level)
        monitor_command(config, "db", "upgrade")
        publisher = Publisher(news, args.interval)
        publisher.start()
        for number in range(1, args.kills + 1):
            daemon = start_daemon(config, log, f"start {number} of {args.kills + 1}")
            started = time.monotonic()
            time.sleep(kill_rng.uniform(args.min_delay, args.max_delay))
            findings.kills.append(kill_daemon(daemon, started, args.grace, log))
            kill = findings.kills[-1]
            progress(
                args,
                f"kill {number}/{args.kills}: pid {kill.pid} after {kill.after:.1f} s,"
                f" {kill.leftovers} leftovers, {len(news.items)} items published",
            )
        publisher.stop()
        expected = {item.number for item in news.items}
        findings.published = len(expected)
        settle(findings, args, config, log, receiver, expected)
        read_posts(findings, receiver.posts, expected)
    read_alerts(findings, config, expected)
    read_database(findings, database_url)
    read_log(findings, log)
    findings.wall = time.monotonic() - began
    return findings


def settle(
    findings: Findings,
    args: argparse.Namespace,
    config: Path,
    log: Path,
    receiver: Receiver,
    expected: set[int],
) -> None:
    """Run a last daemon until every item is stored and alerted, or the timeout; SIGTERM it."""
    daemon = start_daemon(config, log, "the last start: settling")
    started = time.monotonic()
    time.sleep(min(5.0, args.settle_timeout))  # past start-up, so the pool is counted
    findings.final_start = memory(daemon, started)
    stored: set[int] = set()
    while time.monotonic() - started < args.settle_timeout and daemon.poll() is None:
        stored = stored_numbers(config)
        read_posts(findings, receiver.posts, expected)
        progress(args, f"settling: {len(stored)} stored, {findings.delivered} delivered")
        if stored >= expected and findings.delivered >= len(expected):
            findings.settled_in = time.monotonic() - started
            break
        time.sleep(2.0)
    findings.final_end = memory(daemon, started)
    log_line(log, f"SIGTERM to pid {daemon.pid}")
    daemon.send_signal(signal.SIGTERM)
    try:
        findings.final_exit = daemon.wait(timeout=60)
    except subprocess.TimeoutExpired:
        daemon.kill()
        findings.final_exit = daemon.wait()
    time.sleep(args.grace)  # the same grace as after a kill, for the workers to end
    findings.final_leftovers = len(group_members(daemon.pid))
    if findings.final_leftovers:
        os.killpg(daemon.pid, signal.SIGKILL)
    stored = stored_numbers(config)
    findings.stored = len(stored & expected)
    findings.missing_articles = sorted(expected - stored)


def progress(args: argparse.Namespace, line: str) -> None:
    if not args.quiet:
        print(line, file=sys.stderr, flush=True)


# --- the report --------------------------------------------------------------------------------


def report(findings: Findings, args: argparse.Namespace) -> str:
    f = findings
    kills = f.kills
    leftovers = sum(kill.leftovers for kill in kills)
    slow = [kill.emptied_in for kill in kills if kill.emptied_in is not None]
    settled = (
        f"everything in after {f.settled_in:.1f} s"
        if f.settled_in is not None
        else f"NOT everything in after {f.settle_timeout:.0f} s (--settle-timeout)"
    )
    lines = [
        f"soak: {len(kills)} kills, {f.db}, seed {args.seed}, {args.feeds} feeds,"
        f" an item every {args.interval:g} s, kills {args.min_delay:g}-{args.max_delay:g} s"
        " after each start",
        f"  articles stored     {f.stored} / {f.published} published" + missing(f.missing_articles),
        f"  alerts raised       {f.alerts_raised} / {f.published} expected"
        f" ({f.alerts_unexpected} others; in the database: {f.alerts_sent_in_db} sent,"
        f" {f.alerts_pending_in_db} pending, {f.alerts_failed_in_db} failed)",
        f"  alerts delivered    {f.delivered} / {f.published} expected, at the receiver"
        + missing(f.missing_alerts),
        f"  duplicate posts     {f.repeated_keys} repeated idempotency keys in {f.posts} posts;"
        f" {f.figures_alerted_twice} figures alerted twice",
        f"  leftover processes  {leftovers} after {len(kills)} kills (grace {args.grace:g} s;"
        f" the groups emptied in {max(slow, default=0):.2f} s at most)",
        f"                      {f.final_leftovers} after the final SIGTERM"
        f" (exit status {f.final_exit})",
        f"  rss                 first daemon at its kill: {kills[0].memory if kills else '-'}",
        f"                      last daemon: {f.final_start}; at the end: {f.final_end}",
        f"  settle              {settled}",
        f"  undecided figures   {f.undecided} stored articles whose figures were never decided",
        f"  stale leases        {len(f.stale_leases)} sources still leased by killed daemons"
        + "".join(f"\n                        {lease}" for lease in f.stale_leases),
        f"  daemon log          {f.log}: {f.log_errors} ERROR lines, {f.log_tracebacks} tracebacks",
        f"  wall time           {f.wall:.1f} s",
        "result: " + ("LOST ARTICLES OR ALERTS" if f.lost else "nothing lost"),
    ]
    return "\n".join(lines)


def missing(numbers: list[int]) -> str:
    if not numbers:
        return ""
    shown = ", ".join(map(str, numbers[:12])) + (", ..." if len(numbers) > 12 else "")
    return f"; missing items: {shown}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="SIGKILLs (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="seed of kills and news (default 1)")
    parser.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--feeds", type=int, default=8, help="feeds, one source each (default 8)")
    parser.add_argument(
        "--interval", type=float, default=1.0, help="seconds between items (default 1)"
    )
    parser.add_argument("--min-delay", type=float, default=1.0, help="earliest kill, s (1)")
    parser.add_argument("--max-delay", type=float, default=6.0, help="latest kill, s (6)")
    parser.add_argument(
        "--grace", type=float, default=3.0, help="seconds a killed group has to empty (3)"
    )
    parser.add_argument(
        "--settle-timeout",
        type=float,
        default=120.0,
        help="seconds the last daemon gets to store and deliver everything (default 120)",
    )
    parser.add_argument(
        "--log-level",
        choices=("DEBUG", "INFO", "WARNING"),
        default="INFO",
        help="the daemon's log_level (default INFO; DEBUG also says why figures wait)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)
    if args.kills < 1 or args.feeds < 1 or not 0 < args.min_delay <= args.max_delay:
        parser.error("give at least one kill and one feed, and 0 < --min-delay <= --max-delay")
    # Kept afterwards: the daemon's log is the evidence when something was lost.
    folder = Path(tempfile.mkdtemp(prefix="soak-"))
    try:
        with database(args.db, folder) as database_url:
            findings = soak(args, folder, database_url)
    except SoakError as error:
        print(f"soak: {error}", file=sys.stderr)
        return 2
    print(json.dumps(findings.to_json()) if args.json else report(findings, args))
    return 1 if findings.lost else 0


if __name__ == "__main__":
    sys.exit(main())
