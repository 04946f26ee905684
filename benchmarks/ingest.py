"""Ingest benchmark: ``monitor run --once`` end to end against trafilatura alone, same pages.

The 146 real pages of trafilatura's evaluation set (read from
``../shared/peer-suites/trafilatura-eval/`` at run time, never copied into the project) are
served on loopback behind an RSS feed. Each repetition measures, in this one command:

1. ours: ``run_once`` on a fresh, migrated SQLite database: conditional GET of the feed, then
   for every entry fetch, decode, extract in the process pool, watch match and store. The
   timed window is the whole ``asyncio.run(run_once(...))``, so it includes starting and
   stopping the process pool, as ``monitor run --once`` pays them;
2. the baseline: ``trafilatura.bare_extraction(html, url=..., with_metadata=True)`` (its
   default settings otherwise) over the same pages, one after the other in one process.

Neither side gets a warm-up. Usage: ``.venv/bin/python benchmarks/ingest.py [--repeat N]
[--processes N] [--json]``; benchmarks/README.md says what the figures mean.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import json
import logging
import multiprocessing
import os
import re
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

# Spawned processes (the extraction pool's workers, the baseline's process) start by running
# this file's top level again, as __mp_main__, just as under `monitor run --once` they run the
# `monitor` script, whose one import is monitor.cli. So this file imports monitor.cli and
# nothing else heavy at the top: the workers' start-up, which is inside the timed window,
# then costs what it costs the real command, and follows it if monitor.cli's imports change.
# Everything else of monitor (and trafilatura) is imported where it is used.
import monitor.cli  # noqa: F401

if TYPE_CHECKING:
    from monitor.config import Settings
    from monitor.polling import PollResult

REPO = Path(__file__).resolve().parent.parent
EVAL_DIR = REPO.parent / "shared" / "peer-suites" / "trafilatura-eval"

# Very common words of the corpus's languages (mostly German and English, some French,
# Italian, Spanish, Portuguese, Dutch, Nordic), so that nearly every article is stored and
# the database writes are measured; the few pages in Japanese, Chinese and Bengali still end
# as no_match, which counts as processed. Words of three letters or fewer match only
# themselves (monitor/watch/match.py), so "the" never matches "them".
ANY_TEXT_QUERY = (
    "the OR and OR der OR die OR und OR le OR la OR et OR il OR di OR de OR el OR en OR y"
    " OR het OR og OR och"
)
# Outcomes (monitor.pipeline.Outcome values) of entries whose page was fetched and read; the
# others (retry, known, skipped) never reached extraction.
PROCESSED = ("stored", "no_match", "no_text")
# Enough requests in flight that loopback never waits on the fetch limits; the pool, not the
# fetcher, should be what bounds the pipeline. One host serves everything, hence per_host.
FETCH_CONCURRENCY = 16
_TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
_MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class EvalPage:
    path: Path
    body: bytes
    title: str


@dataclass(frozen=True, slots=True)
class PipelineRun:
    seconds: float
    entries: int
    processed: int
    stored: int
    no_match: int
    no_text: int
    other: dict[str, int]  # retry, known, skipped: none expected; a retry means a fetch failed
    pages_per_s: float
    main_cpu_s: float  # event loop, its database threads and the loopback server thread
    workers_cpu_s: float  # the extraction pool (children ended during the run)
    main_peak_rss_mb: float
    children_peak_rss_mb: float


@dataclass(frozen=True, slots=True)
class BaselineRun:
    seconds: float
    pages: int
    empty: int  # pages trafilatura returned no text for
    pages_per_s: float
    peak_rss_mb: float


def load_pages(folder: Path) -> list[EvalPage]:
    """Return the evaluation pages listed in evaldata.json, in file-name order."""
    evaldata: dict[str, dict[str, Any]] = json.loads(
        (folder / "evaldata.json").read_text(encoding="utf-8")
    )
    pages = []
    for name in sorted({entry["file"] for entry in evaldata.values()}):
        path = folder / "pages" / name
        body = path.read_bytes()
        pages.append(EvalPage(path=path, body=body, title=_title(body) or path.stem))
    return pages


def _title(body: bytes) -> str:
    from monitor.fetching.decoding import decode

    # Decoded as the fetcher would decode it, so that feed titles read right in any charset.
    decoded = decode(body, None)
    found = _TITLE.search(decoded[0]) if decoded else None
    return _SPACE.sub(" ", html.unescape(found.group(1))).strip() if found else ""


def render_feed(base_url: str, pages: Sequence[EvalPage]) -> bytes:
    """Return an RSS 2.0 feed with one item per page, linking to /page/<n> on the server."""
    # No description: with fetch_all the pre-filter is skipped anyway, and a page whose
    # extraction fails then ends as no_text instead of being stored from the feed's summary.
    items = "".join(
        f"<item><title>{escape(page.title)}</title><link>{base_url}/page/{n}</link>"
        f'<guid isPermaLink="false">eval-{n}</guid></item>'
        for n, page in enumerate(pages)
    )
    channel = (
        f"<channel><title>trafilatura evaluation pages</title><link>{base_url}/</link>"
        f"<description>ingest benchmark</description>{items}</channel>"
    )
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'.encode()


class _CorpusServer(ThreadingHTTPServer):
    daemon_threads = True
    routes: dict[str, tuple[bytes, str]]

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that hangs up (the run failing, the pool closing keep-alive connections) is
        # not the server's problem; anything else still gets the default traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 so that httpx keeps its connections open, as it would with a real news site.
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        assert isinstance(self.server, _CorpusServer)
        route = self.server.routes.get(self.path)
        if route is None:
            self.send_error(404)
            return
        body, content_type = route
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would drown the figures


@contextmanager
def serving(pages: Sequence[EvalPage]) -> Iterator[str]:
    """Serve the feed, the pages and a permissive robots.txt on loopback; yield the base URL."""
    server = _CorpusServer(("127.0.0.1", 0), _Handler)
    base_url = f"http://127.0.0.1:{server.server_address[1]}"
    # Plain "text/html" without a charset, as many sites send it: the fetcher's chain (meta
    # charset, then detection) decides, as it has to in production.
    server.routes = {f"/page/{n}": (page.body, "text/html") for n, page in enumerate(pages)}
    server.routes["/feed.xml"] = (render_feed(base_url, pages), "application/rss+xml")
    server.routes["/robots.txt"] = (b"User-agent: *\nAllow: /\n", "text/plain")
    thread = threading.Thread(target=server.serve_forever, name="corpus-server", daemon=True)
    thread.start()
    try:
        yield base_url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def benchmark_settings(folder: Path, base_url: str, max_bytes: int) -> Settings:
    """Write and load the configuration of one measured run, its SQLite file in ``folder``."""
    from monitor.config import load_settings

    config = folder / "monitor.toml"
    database = json.dumps(f"sqlite:///{folder / 'monitor.db'}")  # a TOML basic string
    config.write_text(
        f"""
[monitor]
database_url = {database}
log_level = "WARNING"
[fetch]
max_bytes = {max_bytes}
concurrency = {FETCH_CONCURRENCY}
per_host = {FETCH_CONCURRENCY}
host_interval = "1ms"
respect_robots = true
allow_private_addresses = true
[[source]]
name = "trafilatura-eval"
url = "{base_url}/feed.xml"
fetch_all = true
[[watch]]
name = "any-text"
query = "{ANY_TEXT_QUERY}"
""",
        encoding="utf-8",
    )
    return load_settings(config, environ={})


def measure_pipeline(
    base_url: str, pages: Sequence[EvalPage], processes: int | None
) -> PipelineRun:
    """Time one ``run_once`` over the feed on a fresh database; return its figures."""
    from monitor.daemon import run_once
    from monitor.store.db import make_engine
    from monitor.store.migrate import upgrade

    max_bytes = max(5_000_000, 2 * max(len(page.body) for page in pages))
    with tempfile.TemporaryDirectory(prefix="ingest-bench-") as folder:
        settings = benchmark_settings(Path(folder), base_url, max_bytes)
        # Creating and migrating the database is outside the window: a daemon's database
        # exists before it polls.
        engine = make_engine(settings.monitor.database_url, create=True)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        self_before = resource.getrusage(resource.RUSAGE_SELF)
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        results = asyncio.run(run_once(settings, processes=processes))
        seconds = time.perf_counter() - start
        self_after = resource.getrusage(resource.RUSAGE_SELF)
        children_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    failed = [result for result in results if result.error_kind]
    if failed:
        raise SystemExit(f"the feed could not be polled: {failed[0].error_kind}")
    counts = _outcomes(results)
    processed = sum(counts[outcome] for outcome in PROCESSED)
    return PipelineRun(
        seconds=seconds,
        entries=sum(counts.values()),
        processed=processed,
        stored=counts["stored"],
        no_match=counts["no_match"],
        no_text=counts["no_text"],
        other={name: n for name, n in counts.items() if name not in PROCESSED and n},
        pages_per_s=processed / seconds,
        main_cpu_s=_cpu(self_after) - _cpu(self_before),
        workers_cpu_s=_cpu(children_after) - _cpu(children_before),
        main_peak_rss_mb=_peak_mb(self_after),
        children_peak_rss_mb=_peak_mb(children_after),
    )


def _outcomes(results: Sequence[PollResult]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for result in results:
        counts.update(str(outcome) for outcome in result.outcomes)
    return counts


def measure_baseline(pages: Sequence[EvalPage], urls: Sequence[str]) -> BaselineRun:
    """Time trafilatura alone over the pages in one fresh process; return its figures."""
    # A fresh process each time, so every repetition's baseline starts as cold as the pool's
    # workers do (no caches warmed by an earlier repetition), and so that its memory does not
    # count as the pipeline's main process.
    paths = [str(page.path) for page in pages]
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
        seconds, empty, peak_rss_mb = pool.submit(_baseline_in_child, paths, list(urls)).result()
    return BaselineRun(
        seconds=seconds,
        pages=len(paths),
        empty=empty,
        pages_per_s=len(paths) / seconds,
        peak_rss_mb=peak_rss_mb,
    )


def _baseline_in_child(paths: list[str], urls: list[str]) -> tuple[float, int, float]:
    """Return the seconds to extract every page (trafilatura's defaults plus metadata), the
    number of pages without text, and this process's peak RSS in MB."""
    import trafilatura
    from trafilatura.settings import Document as Extracted

    from monitor.fetching.decoding import decode

    # Reading and decoding are outside the window: the baseline is trafilatura's work alone,
    # on the same text the fetcher gives the pipeline (same decoding chain, no header charset).
    texts = []
    for path in paths:
        decoded = decode(Path(path).read_bytes(), None)
        texts.append(decoded[0] if decoded else "")
    empty = 0
    start = time.perf_counter()
    for text, url in zip(texts, urls, strict=True):
        result = trafilatura.bare_extraction(text, url=url, with_metadata=True)
        if not isinstance(result, Extracted) or not (result.text or "").strip():
            empty += 1
    seconds = time.perf_counter() - start
    return seconds, empty, _peak_mb(resource.getrusage(resource.RUSAGE_SELF))


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def _peak_mb(usage: resource.struct_rusage) -> float:
    return usage.ru_maxrss * 1024 / _MB  # ru_maxrss is in KiB on Linux


def _cpus() -> int:
    # The CPUs this process may run on (a container's limit), else all of them.
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _trafilatura_version() -> str:
    from importlib.metadata import version

    return version("trafilatura")


def report_text(
    pages: Sequence[EvalPage],
    processes: int | None,
    runs: Sequence[tuple[PipelineRun, BaselineRun]],
) -> str:
    sizes = [len(page.body) for page in pages]
    pool = processes if processes is not None else os.cpu_count() or 1
    lines = [
        f"pages: {len(pages)}, {sum(sizes) / _MB:.1f} MB,"
        f" median {statistics.median(sizes) / 1024:.0f} KB, largest {max(sizes) / 1024:.0f} KB",
        f"cpus: {_cpus()} (os.cpu_count {os.cpu_count()}), pool processes: {pool},"
        f" python {sys.version.split()[0]}, trafilatura {_trafilatura_version()}",
    ]
    for number, (ours, base) in enumerate(runs, 1):
        other = ", ".join(f"{n} {name}" for name, n in ours.other.items()) or "none"
        lines += [
            f"run {number}:",
            f"  ours      {ours.pages_per_s:6.2f} articles/s  {ours.processed} processed"
            f" in {ours.seconds:.2f} s  (stored {ours.stored}, no_match {ours.no_match},"
            f" no_text {ours.no_text}; other: {other})",
            f"            cpu: main {ours.main_cpu_s:.2f} s, workers {ours.workers_cpu_s:.2f} s;"
            f" peak rss: main {ours.main_peak_rss_mb:.0f} MB,"
            f" largest child so far {ours.children_peak_rss_mb:.0f} MB",
            f"  baseline  {base.pages_per_s:6.2f} pages/s     {base.pages} pages"
            f" in {base.seconds:.2f} s  (no text: {base.empty};"
            f" peak rss {base.peak_rss_mb:.0f} MB)",
            f"  ratio     {ours.pages_per_s / base.pages_per_s:.2f}x (ours / baseline)",
        ]
    if len(runs) > 1:
        ratios = [ours.pages_per_s / base.pages_per_s for ours, base in runs]
        ours_rates = [ours.pages_per_s for ours, _ in runs]
        base_rates = [base.pages_per_s for _, base in runs]
        lines.append(
            f"median of {len(runs)}: ours {statistics.median(ours_rates):.2f} articles/s,"
            f" baseline {statistics.median(base_rates):.2f} pages/s,"
            f" ratio {statistics.median(ratios):.2f}x"
        )
    return "\n".join(lines)


def report_json(
    pages: Sequence[EvalPage],
    processes: int | None,
    runs: Sequence[tuple[PipelineRun, BaselineRun]],
) -> str:
    ratios = [ours.pages_per_s / base.pages_per_s for ours, base in runs]
    return json.dumps(
        {
            "pages": len(pages),
            "bytes": sum(len(page.body) for page in pages),
            "cpus": _cpus(),
            "processes": processes if processes is not None else os.cpu_count() or 1,
            "runs": [
                {"ours": asdict(ours), "baseline": asdict(base), "ratio": ratio}
                for (ours, base), ratio in zip(runs, ratios, strict=True)
            ],
            "median_ratio": statistics.median(ratios),
        }
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=1, help="measured runs (default 1)")
    parser.add_argument(
        "--processes", type=int, default=None, help="extraction pool size (default: one per CPU)"
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    if not (EVAL_DIR / "evaldata.json").is_file() or not (EVAL_DIR / "pages").is_dir():
        print(
            f"ingest benchmark: the evaluation pages are not at {EVAL_DIR}\n"
            "(expected evaldata.json and pages/ from the shared peer suites; they are read"
            " from there at run time and never copied into the project)",
            file=sys.stderr,
        )
        return 2
    # Warnings only: a failed fetch or extraction should show, the per-page INFO should not.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from monitor.watch import parse_query

    parse_query(ANY_TEXT_QUERY)  # fail here, with the parser's message, if it stops parsing
    pages = load_pages(EVAL_DIR)
    runs = []
    with serving(pages) as base_url:
        urls = [f"{base_url}/page/{n}" for n in range(len(pages))]
        for _ in range(args.repeat):
            ours = measure_pipeline(base_url, pages, args.processes)
            runs.append((ours, measure_baseline(pages, urls)))
    if args.json:
        print(report_json(pages, args.processes, runs))
    else:
        print(report_text(pages, args.processes, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
