"""Dedup benchmark: the database-backed dedup index at 10k, 100k and 1M articles, and accuracy
and memory against datasketch's in-memory MinHashLSH.

For each engine (SQLite, PostgreSQL) one scratch database grows through the sizes. At each size:

1. fill: synthetic articles are bulk-loaded up to the size, each a minimal ``articles`` row with
   32 random band keys, random sentence hashes and one URL key (random signed 64-bit values,
   a fixed numpy seed). The fill runs in a child process with bulk-load settings; the next size
   adds to the rows of the last one;
2. timed, in this process, on real documents of ``tests.dedup_corpus`` (hashed for real):
   hashing (``features_of`` + MinHash signature + band keys), lookups (the SQL of
   ``find_duplicate`` and the verification of its candidates, with the hashing done before the
   clock starts; ``find_duplicate`` whole is timed too), and inserts (``add_document`` in its
   own write transaction, committed);
3. untimed: the lookups' SQL replayed on the bare DBAPI cursor (what SQLAlchemy adds),
   ``tracemalloc``'s peak over the lookups and more inserts, peak RSS, and the bytes of the
   dedup index tables per article.

The lookups are the same documents at every size (held out of the corpora inserted at the
first), so the sizes differ only in what the index holds.

Then, once: the labelled corpus through ``add_document`` and through MinHashLSH (alone, and
with our verification rule), scored; and the RAM a MinHashLSH needs per article.

Usage: ``.venv/bin/python benchmarks/dedup.py [--sizes 10000,100000,1000000]
[--engines sqlite,postgresql] [--samples N] [--quick] [--json]``; benchmarks/README.md says
what the figures mean.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import sqlite3
import struct
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

    from monitor.dedup.features import Features
    from monitor.model import Document
    from tests.dedup_corpus import CorpusDoc, Score

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
QUICK_SIZES = (2_000, 20_000)
ENGINES = ("sqlite", "postgresql")
DEFAULT_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
SCRATCH_DATABASE = "bench_dedup"
DEFAULT_SAMPLES = 300

# The synthetic fill: one numpy generator per batch, seeded with (FILL_SEED, first id), so a
# batch holds the same rows whichever run or size step writes it.
FILL_SEED = 20261124
FILL_BATCH = 50_000  # articles per transaction: about 3.7M index rows
BANDS_PER_ARTICLE = 32  # DEDUP_PARAMS.bands; checked in main()
# Real documents: the accuracy corpus is seed 4 (tests.dedup_corpus's default); the timed
# documents come from other seeds, so that no size re-inserts what an earlier one stored.
ACCURACY_SEED = 4
FIRST_TIMED_SEED = 1000
WARMUP_SEED = 999
WARMUP_STORIES = 4
LSH_SIZES = (10_000, 100_000)

# The targets.
LOOKUP_P50_MS = {"sqlite": 1.0, "postgresql": 2.0}
LOOKUP_P99_MS = 5.0
MAX_SIZE_RATIO = 2.0  # lookup p50 at the largest size / at the smallest
HASH_MS = 3.0  # hashing per article (median)
SQLITE_INDEX_BYTES = 1.5 * 1024  # per article
FLAT_RSS = 0.10  # "memory flat": peak RSS grows by at most 10% from the smallest size ...
FLAT_TRACEMALLOC = 1.25  # ... and tracemalloc's peak by at most 25% (plus 1 MB of slack)

# The index is these tables with their indexes; the text hash index is shown beside it.
INDEX_TABLES = ("dedup_bands", "dedup_sentences", "article_urls")
TEXT_HASH_INDEX = "ix_articles_text_hash"
_MB = 1024 * 1024
_INT64 = np.iinfo(np.int64)


# --------------------------------------------------------------------------------------------
# Figures


@dataclass(frozen=True, slots=True)
class FillResult:
    articles: int
    index_rows: int
    seconds: float  # the whole fill, PostgreSQL's VACUUM ANALYZE included
    vacuum_seconds: float  # PostgreSQL only


@dataclass(slots=True)
class SizeResult:
    engine: str
    size: int  # the nominal size: articles in the database when the timed phase starts
    articles: int  # articles when the index was measured (after the timed inserts)
    fill_seconds: float
    fill_vacuum_seconds: float
    hash_p50_ms: float
    hash_p99_ms: float
    lookup_p50_ms: float  # SQL + verification, hashing excluded
    lookup_p99_ms: float
    sql_p50_ms: float  # the same lookups without the verification: the index's queries alone
    sql_p99_ms: float
    driver_p50_ms: float  # the same SQL replayed on the DBAPI cursor (driver_times)
    driver_p99_ms: float
    step_p50_ms: dict[str, float]  # per step, over the lookups that reached it
    step_p99_ms: dict[str, float]
    find_p50_ms: float  # find_duplicate whole: hashing + SQL + verification
    find_p99_ms: float
    insert_p50_ms: float  # add_document in its own committed write transaction
    insert_p99_ms: float
    lookups: int
    inserts: int
    lookup_kinds: dict[str, int]
    insert_kinds: dict[str, int]
    candidates_mean: float  # candidates verified per lookup
    mismatches: int  # lookups where the timed steps and find_duplicate disagreed (expect 0)
    index_bytes: dict[str, int]  # per table or index
    index_bytes_per_article: float
    text_hash_bytes_per_article: float
    database_bytes: int
    rss_peak_mb: float  # the process's high-water mark so far
    rss_now_mb: float
    tracemalloc_peak_mb: float


@dataclass(frozen=True, slots=True)
class Scored:
    name: str
    precision: float
    recall: float
    recall_by_role: dict[str, float]
    false_positives: int
    false_negatives: int
    seconds: float


@dataclass(frozen=True, slots=True)
class LshMemory:
    articles: int
    tracemalloc_bytes_per_article: float
    rss_bytes_per_article: float
    insert_seconds: float


@dataclass(slots=True)
class Accuracy:
    seed: int
    documents: int
    copies: int
    runs: list[Scored] = field(default_factory=list)
    lsh_memory: list[LshMemory] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# The synthetic fill (runs in a child process, so its buffers never count as this process's
# memory)


@dataclass(frozen=True, slots=True)
class SyntheticBatch:
    ids: npt.NDArray[np.int64]
    urls: list[str]
    url_hashes: list[str]
    text_hashes: list[str]
    url_keys: npt.NDArray[np.int64]
    band_ids: npt.NDArray[np.int64]  # (key, id) rows, sorted by key
    band_keys: npt.NDArray[np.int64]
    sentence_ids: npt.NDArray[np.int64]
    sentence_hashes: npt.NDArray[np.int64]

    @property
    def index_rows(self) -> int:
        return len(self.band_keys) + len(self.sentence_hashes) + len(self.url_keys)


def synthetic_batch(first_id: int, count: int, sentence_counts: Sequence[int]) -> SyntheticBatch:
    """Return ``count`` synthetic originals with ids from ``first_id``, and their index rows."""
    import hashlib

    rng = np.random.default_rng([FILL_SEED, first_id])
    ids = np.arange(first_id, first_id + count, dtype=np.int64)
    # About as long as the corpus's URLs (median 97 characters): article_urls stores the URL.
    urls = [
        f"https://outlet{i % 500:03d}.example.com/news/2026/11/24/"
        f"synthetic-article-for-the-dedup-benchmark-{i:08d}"
        for i in ids.tolist()
    ]
    raw_text_hashes = rng.integers(0, 256, size=(count, 32), dtype=np.uint8)

    def random_keys(n: int) -> npt.NDArray[np.int64]:
        return rng.integers(_INT64.min, _INT64.max, size=n, dtype=np.int64, endpoint=True)

    band_keys = random_keys(count * BANDS_PER_ARTICLE)
    band_ids = np.repeat(ids, BANDS_PER_ARTICLE)
    # As many sentences per article as real articles have (drawn from the corpus's counts).
    per_article = rng.choice(np.asarray(sentence_counts, dtype=np.int64), size=count)
    sentence_hashes = random_keys(int(per_article.sum()))
    sentence_ids = np.repeat(ids, per_article)
    # Sorted by key, so each batch walks the b-trees in order instead of jumping around them.
    band_order = np.argsort(band_keys, kind="stable")
    sentence_order = np.argsort(sentence_hashes, kind="stable")
    return SyntheticBatch(
        ids=ids,
        urls=urls,
        url_hashes=[hashlib.sha256(url.encode()).hexdigest() for url in urls],
        text_hashes=[row.tobytes().hex() for row in raw_text_hashes],
        url_keys=random_keys(count),
        band_ids=band_ids[band_order],
        band_keys=band_keys[band_order],
        sentence_ids=sentence_ids[sentence_order],
        sentence_hashes=sentence_hashes[sentence_order],
    )


def _batches(first_id: int, count: int, sentence_counts: Sequence[int]) -> Iterator[SyntheticBatch]:
    for start in range(first_id, first_id + count, FILL_BATCH):
        yield synthetic_batch(start, min(FILL_BATCH, first_id + count - start), sentence_counts)


FETCHED_AT = "2026-11-24 00:00:00"


def fill_sqlite(path: str, first_id: int, count: int, sentence_counts: list[int]) -> FillResult:
    """Bulk-load synthetic articles into the SQLite file; return what it took."""
    start = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    rows = 0
    try:
        # Bulk-load settings for this connection, during the fill only: no rollback journal,
        # no fsync, a 2 GB page cache. The file goes back to WAL at the end (the daemon's
        # mode, set by store.db), and the timed phase runs with the daemon's own settings.
        # Nothing else has the file open while this runs.
        connection.execute("PRAGMA journal_mode=OFF")
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("PRAGMA cache_size=-2000000")
        connection.execute("PRAGMA foreign_keys=OFF")  # the ids are consistent by construction
        for batch in _batches(first_id, count, sentence_counts):
            connection.execute("BEGIN")
            connection.executemany(
                "INSERT INTO articles (id, url, canonical_url, url_hash, text_hash, text,"
                " fetched_at, content_origin) VALUES (?, ?, ?, ?, ?, '', ?, 'page')",
                zip(
                    batch.ids.tolist(),
                    batch.urls,
                    batch.urls,
                    batch.url_hashes,
                    batch.text_hashes,
                    [FETCHED_AT] * len(batch.urls),
                    strict=True,
                ),
            )
            connection.executemany(
                "INSERT INTO article_urls (url_key, article_id, url) VALUES (?, ?, ?)",
                zip(batch.url_keys.tolist(), batch.ids.tolist(), batch.urls, strict=True),
            )
            connection.executemany(
                "INSERT INTO dedup_bands (band_key, article_id) VALUES (?, ?)",
                zip(batch.band_keys.tolist(), batch.band_ids.tolist(), strict=True),
            )
            connection.executemany(
                "INSERT INTO dedup_sentences (sentence_hash, article_id) VALUES (?, ?)",
                zip(batch.sentence_hashes.tolist(), batch.sentence_ids.tolist(), strict=True),
            )
            connection.execute("COMMIT")
            rows += batch.index_rows
        connection.execute("PRAGMA journal_mode=WAL")
    finally:
        connection.close()
    return FillResult(count, rows, time.perf_counter() - start, 0.0)


# PostgreSQL's binary COPY: a header, then per row a field count and (length, value) pairs,
# big-endian; a (BIGINT, INTEGER) row is always 22 bytes, so numpy writes a whole batch.
_COPY_HEADER = b"PGCOPY\n\xff\r\n\x00" + struct.pack(">ii", 0, 0)
_COPY_TRAILER = struct.pack(">h", -1)
_KEY_ID_ROW = np.dtype([("n", ">i2"), ("l1", ">i4"), ("key", ">i8"), ("l2", ">i4"), ("id", ">i4")])


def _binary_key_id_rows(keys: npt.NDArray[np.int64], ids: npt.NDArray[np.int64]) -> bytes:
    rows = np.empty(len(keys), dtype=_KEY_ID_ROW)
    rows["n"], rows["l1"], rows["key"], rows["l2"], rows["id"] = 2, 8, keys, 4, ids
    return _COPY_HEADER + rows.tobytes() + _COPY_TRAILER


def fill_postgresql(
    conninfo: str, first_id: int, count: int, sentence_counts: list[int]
) -> FillResult:
    """Bulk-load synthetic articles with COPY; return what it took."""
    import psycopg

    start = time.perf_counter()
    rows = 0
    with psycopg.connect(conninfo) as connection:
        # This session only: no foreign-key triggers (the ids are consistent by construction)
        # and no wait for the WAL flush at each commit.
        connection.execute("SET session_replication_role = replica")
        connection.execute("SET synchronous_commit = off")
        for batch in _batches(first_id, count, sentence_counts):
            with connection.cursor() as cursor:
                articles = "".join(
                    f"{i}\t{url}\t{url}\t{url_hash}\t{text_hash}\t\t{FETCHED_AT}+00\tpage\n"
                    for i, url, url_hash, text_hash in zip(
                        batch.ids.tolist(),
                        batch.urls,
                        batch.url_hashes,
                        batch.text_hashes,
                        strict=True,
                    )
                )
                with cursor.copy(
                    "COPY articles (id, url, canonical_url, url_hash, text_hash, text,"
                    " fetched_at, content_origin) FROM STDIN"
                ) as copy:
                    copy.write(articles)
                urls = "".join(
                    f"{key}\t{i}\t{url}\n"
                    for key, i, url in zip(
                        batch.url_keys.tolist(), batch.ids.tolist(), batch.urls, strict=True
                    )
                )
                with cursor.copy("COPY article_urls (url_key, article_id, url) FROM STDIN") as copy:
                    copy.write(urls)
                with cursor.copy(
                    "COPY dedup_bands (band_key, article_id) FROM STDIN (FORMAT BINARY)"
                ) as copy:
                    copy.write(_binary_key_id_rows(batch.band_keys, batch.band_ids))
                with cursor.copy(
                    "COPY dedup_sentences (sentence_hash, article_id) FROM STDIN (FORMAT BINARY)"
                ) as copy:
                    copy.write(_binary_key_id_rows(batch.sentence_hashes, batch.sentence_ids))
            connection.commit()
            rows += batch.index_rows
        # Explicit ids bypass the sequence; the next add_document must get a fresh one.
        connection.execute(
            "SELECT setval(pg_get_serial_sequence('articles', 'id'),"
            " (SELECT max(id) FROM articles))"
        )
        connection.commit()
        # What autovacuum would soon do for a table that grew this much: statistics for the
        # planner and the visibility map for index-only scans.
        vacuum_start = time.perf_counter()
        connection.autocommit = True
        connection.execute("VACUUM ANALYZE articles, article_urls, dedup_bands, dedup_sentences")
        vacuum_seconds = time.perf_counter() - vacuum_start
    return FillResult(count, rows, time.perf_counter() - start, vacuum_seconds)


def _in_child(function: Any, *args: Any) -> Any:
    """Run ``function(*args)`` in a fresh process; return its result."""
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(1, mp_context=spawn) as pool:
        return pool.submit(function, *args).result()


# --------------------------------------------------------------------------------------------
# Databases


@dataclass(frozen=True, slots=True)
class Target:
    engine: str  # "sqlite" or "postgresql"
    url: str  # SQLAlchemy URL
    sqlite_path: str | None = None


def _libpq(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def postgres_reachable(url: str) -> str | None:
    """Return why PostgreSQL at ``url`` cannot be used, or None when it can."""
    import psycopg

    try:
        with psycopg.connect(_libpq(url), connect_timeout=5) as connection:
            connection.execute("SELECT 1")
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return None


@contextmanager
def scratch_database(engine: str, postgres_url: str) -> Iterator[Target]:
    """Yield a fresh, migrated database with the dedup parameters row; delete it afterwards."""
    if engine == "sqlite":
        with tempfile.TemporaryDirectory(prefix="dedup-bench-") as folder:
            path = str(Path(folder) / "bench.db")
            target = Target("sqlite", f"sqlite:///{path}", path)
            _migrate(target)
            yield target
        return
    import psycopg
    from sqlalchemy.engine import make_url

    admin = _libpq(postgres_url)
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {SCRATCH_DATABASE}")
    try:
        url = make_url(postgres_url).set(database=SCRATCH_DATABASE)
        target = Target("postgresql", url.render_as_string(hide_password=False))
        _migrate(target)
        yield target
    finally:
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {SCRATCH_DATABASE} WITH (FORCE)")


def _migrate(target: Target) -> None:
    from sqlalchemy.orm import Session

    from monitor.dedup import DEDUP_PARAMS
    from monitor.dedup.index import write_params
    from monitor.store.db import make_engine, write_engine
    from monitor.store.migrate import upgrade

    engine = make_engine(target.url, create=True)
    try:
        upgrade(engine)
        # Synthetic articles have index rows from the start; without the parameters row,
        # add_document would ask for a reindex.
        with Session(write_engine(engine)) as session, session.begin():
            write_params(session, DEDUP_PARAMS)
    finally:
        engine.dispose()


def article_count(engine: Engine) -> tuple[int, int]:
    """Return (number of articles, largest id)."""
    from sqlalchemy import text

    with engine.connect() as connection:
        row = connection.execute(text("SELECT count(*), coalesce(max(id), 0) FROM articles")).one()
    return int(row[0]), int(row[1])


def fill_to(target: Target, size: int, sentence_counts: list[int]) -> FillResult:
    """Add synthetic articles until the database holds ``size``."""
    from monitor.store.db import make_engine

    engine = make_engine(target.url)
    try:
        count, last_id = article_count(engine)
    finally:
        engine.dispose()  # the fill wants the file to itself (SQLite's journal mode change)
    missing = max(0, size - count)
    if missing == 0:
        return FillResult(0, 0, 0.0, 0.0)
    if target.engine == "sqlite":
        assert target.sqlite_path is not None
        result: FillResult = _in_child(
            fill_sqlite, target.sqlite_path, last_id + 1, missing, sentence_counts
        )
    else:
        result = _in_child(
            fill_postgresql, _libpq(target.url), last_id + 1, missing, sentence_counts
        )
    return result


def index_sizes(engine: Engine, target: Target) -> tuple[dict[str, int], int]:
    """Return the bytes of each index table and index (and the text hash index), and the
    database's total bytes."""
    from sqlalchemy import text

    sizes: dict[str, int] = {}
    with engine.connect() as connection:
        if target.engine == "sqlite":
            # dbstat counts the pages of each b-tree; aggregate=TRUE sums them per b-tree.
            schema = connection.execute(text("SELECT name, tbl_name FROM sqlite_schema"))
            owners = {row.name: row.tbl_name for row in schema}
            for name, pages in connection.execute(
                text("SELECT name, pgsize FROM dbstat WHERE aggregate = TRUE")
            ):
                if owners.get(name) in INDEX_TABLES or name == TEXT_HASH_INDEX:
                    sizes[name] = int(pages)
            page_size = connection.execute(text("PRAGMA page_size")).scalar_one()
            page_count = connection.execute(text("PRAGMA page_count")).scalar_one()
            total = int(page_size) * int(page_count)
        else:
            for name in INDEX_TABLES:
                sizes[name] = int(
                    connection.execute(
                        text("SELECT pg_total_relation_size(CAST(:name AS regclass))"),
                        {"name": name},
                    ).scalar_one()
                )
            sizes[TEXT_HASH_INDEX] = int(
                connection.execute(
                    text("SELECT pg_relation_size(CAST(:name AS regclass))"),
                    {"name": TEXT_HASH_INDEX},
                ).scalar_one()
            )
            total = int(
                connection.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
            )
    return sizes, total


# --------------------------------------------------------------------------------------------
# Real documents, hashed before the clock starts


@dataclass(frozen=True, slots=True)
class Probe:
    doc: CorpusDoc
    document: Document
    features: Features
    band_keys: list[int]  # empty when the text has no words
    url_keys: list[int]


def prepare(doc: CorpusDoc) -> tuple[Probe, float]:
    """Return the document with its features, and the seconds its hashing took.

    The hashing is what ``add_document`` and ``find_duplicate`` do before any lookup:
    ``features_of`` and ``decide.band_keys`` (MinHash signature and band keys). The URL keys
    are computed too, but outside the clock.
    """
    from monitor.dedup import DEDUP_PARAMS
    from monitor.dedup.decide import band_keys, url_keys
    from monitor.dedup.features import features_of
    from tests.dedup_corpus import to_document

    start = time.perf_counter()
    features = features_of(doc.text, DEDUP_PARAMS)
    keys = band_keys(features, DEDUP_PARAMS)
    seconds = time.perf_counter() - start
    document = to_document(doc)
    return Probe(doc, document, features, keys, [*url_keys(document)]), seconds


def timed_documents(
    seeds: Iterator[int], samples: int
) -> tuple[list[Probe], list[Probe], list[float]]:
    """Return documents to insert, documents to look up, and the hashing times of all.

    Each corpus is split: every other copy, update, independent or unrelated article is held
    out for the lookups, the rest (all originals among them) is inserted first. So a lookup
    meets near copies of held originals (verification passes), updates and independent
    reports of held stories (candidates that verification rejects) and unrelated articles.
    Whole corpora are added until at least ``samples`` are held out.
    """
    from tests.dedup_corpus import build_corpus

    inserts: list[Probe] = []
    lookups: list[Probe] = []
    hashing: list[float] = []
    while len(lookups) < samples:
        for doc in build_corpus(seed=next(seeds)):
            probe, seconds = prepare(doc)
            hashing.append(seconds)
            held_out = doc.role != "original" and doc.index % 2 == 1
            (lookups if held_out else inserts).append(probe)
    return inserts, lookups, hashing


# --------------------------------------------------------------------------------------------
# The timed operations


@dataclass(frozen=True, slots=True)
class Found:
    kind: str | None  # "url", "text", "near", or None for nothing
    original_id: int | None
    candidates: int
    steps: dict[str, float]  # seconds of each step that ran, in LOOKUP_STEPS order


# The steps of a lookup; all but "verify" are one or two SQL queries each.
LOOKUP_STEPS = ("urls+text", "postings", "texts", "verify")


class _Laps:
    """Seconds between successive ``lap`` calls, by name."""

    def __init__(self) -> None:
        self.steps: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.steps[name] = now - self._last
        self._last = now


def lookup(session: Session, probe: Probe) -> Found:
    """Answer find_duplicate's question from precomputed features and band keys.

    The steps of ``monitor.dedup.decide._find`` and ``_near``, in their order: URL keys and
    text hash (one query; the text hash only for texts of ``MIN_SHINGLES`` or more), band and
    sentence postings (one query), the
    candidates' stored texts, then the exact check of each candidate (its stored text is
    hashed again here, as ``_near`` does) until one passes. Every lookup's answer is checked
    against find_duplicate itself, so a change there shows as mismatches.
    """
    from monitor.dedup import DEDUP_PARAMS, index
    from monitor.dedup.features import held_features
    from monitor.dedup.verify import MIN_SHINGLES, compare

    features = probe.features
    laps = _Laps()
    text_hash = features.text_hash if features.shingles.size >= MIN_SHINGLES else None
    held = index.held_by_url_or_text(session, probe.url_keys, text_hash)
    laps.lap("urls+text")
    if held is not None:
        return Found(held[0], held[1].original_id, 0, laps.steps)
    bands, sentences = index.postings(
        session, probe.band_keys, features.sentence_hashes, DEDUP_PARAMS
    )
    laps.lap("postings")
    candidates = dict.fromkeys(bands.candidates(min_shared=1))
    min_shared = max(1, min(3, len(features.sentence_hashes)))
    candidates.update(dict.fromkeys(sentences.candidates(min_shared=min_shared)))
    texts = sorted(index.texts(session, candidates).items())
    laps.lap("texts")
    found = Found(None, None, len(candidates), laps.steps)
    for article_id, text in texts:
        if compare(features, held_features(text, DEDUP_PARAMS)).is_duplicate:
            found = Found("near", article_id, len(candidates), laps.steps)
            break
    laps.lap("verify")
    return found


@dataclass(slots=True)
class Timings:
    lookup: list[float] = field(default_factory=list)
    sql: list[float] = field(default_factory=list)  # the lookup without its verification
    steps: dict[str, list[float]] = field(default_factory=dict)
    find: list[float] = field(default_factory=list)
    insert: list[float] = field(default_factory=list)
    lookup_kinds: Counter[str] = field(default_factory=Counter)
    insert_kinds: Counter[str] = field(default_factory=Counter)
    candidates: list[int] = field(default_factory=list)
    mismatches: int = 0


def run_inserts(engine: Engine, probes: Sequence[Probe], timings: Timings | None) -> None:
    """add_document each probe in its own write transaction (timed from session to commit)."""
    from sqlalchemy.orm import Session

    from monitor.dedup import add_document
    from monitor.store.db import write_engine

    writer = write_engine(engine)
    for probe in probes:
        start = time.perf_counter()
        with Session(writer) as session, session.begin():
            decision = add_document(session, probe.document)
        seconds = time.perf_counter() - start
        if timings is not None:
            timings.insert.append(seconds)
            kind = decision.kind or "original"
            timings.insert_kinds["not stored" if not decision.stored else kind] += 1


def run_lookups(engine: Engine, probes: Sequence[Probe], timings: Timings | None) -> None:
    """Look each probe up twice in one read session: the timed steps and find_duplicate."""
    from sqlalchemy.orm import Session

    from monitor.dedup import find_duplicate

    for number, probe in enumerate(probes):
        with Session(engine) as session:
            session.connection()  # the pool checkout and BEGIN stay outside the clock
            # Alternate which of the two goes first, so neither always gets the warm cache.
            order = ("steps", "find") if number % 2 == 0 else ("find", "steps")
            found: Found | None = None
            match: Any = None
            for step in order:
                start = time.perf_counter()
                if step == "steps":
                    found = lookup(session, probe)
                else:
                    match = find_duplicate(session, probe.document)
                seconds = time.perf_counter() - start
                if timings is not None:
                    (timings.lookup if step == "steps" else timings.find).append(seconds)
        assert found is not None
        if timings is not None:
            for name, seconds in found.steps.items():
                timings.steps.setdefault(name, []).append(seconds)
            timings.sql.append(sum(v for k, v in found.steps.items() if k != "verify"))
            timings.candidates.append(found.candidates)
            timings.lookup_kinds[found.kind or "none"] += 1
            expected = (match.kind, match.original_id) if match is not None else (None, None)
            if (found.kind, found.original_id) != expected:
                timings.mismatches += 1


def driver_times(engine: Engine, probes: Sequence[Probe]) -> list[float]:
    """Return, per probe, the seconds its lookup's SQL takes on the bare DBAPI cursor.

    A diagnostic: each lookup runs once more (untimed) while the statements SQLAlchemy sends
    are captured, exactly as rendered and with their parameters; they are then replayed on a
    raw connection of the same engine and timed. The difference from "SQL" is SQLAlchemy's
    own time per statement; what is left is the database's and the driver's.
    """
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    captured: list[tuple[str, Any]] = []

    def capture(
        connection: Any,
        cursor: Any,
        statement: str,
        parameters: Any,
        context: Any,
        executemany: bool,
    ) -> None:
        if statement.lstrip().upper().startswith("SELECT"):  # not BEGIN
            captured.append((statement, parameters))

    per_probe = []
    event.listen(engine, "before_cursor_execute", capture)
    try:
        for probe in probes:
            with Session(engine) as session:
                lookup(session, probe)
            per_probe.append(list(captured))
            captured.clear()
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    seconds = []
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        for statements in per_probe:
            start = time.perf_counter()
            for statement, parameters in statements:
                cursor.execute(statement, parameters)
                cursor.fetchall()
            seconds.append(time.perf_counter() - start)
        cursor.close()
    finally:
        raw.close()
    return seconds


def warm_up(engine: Engine) -> None:
    """Insert and look up a few documents of another seed, untimed: compiled statements,
    connections and imports are ready before the clock starts."""
    from tests.dedup_corpus import build_corpus

    probes = [prepare(doc)[0] for doc in build_corpus(seed=WARMUP_SEED, stories=WARMUP_STORIES)]
    run_lookups(engine, probes, None)
    run_inserts(engine, probes, None)


def _ms(values: Sequence[float], percentile: float) -> float:
    return float(np.percentile(np.asarray(values), percentile)) * 1000 if values else 0.0


def _rss_now_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024 / _MB
    return 0.0


def _rss_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / _MB  # KiB on Linux


def measure_size(
    target: Target,
    size: int,
    fill: FillResult,
    seeds: Iterator[int],
    samples: int,
    lookups: list[Probe],
) -> SizeResult:
    """Time hashing, lookups and inserts at the database's current size; then measure memory
    and index bytes.

    ``lookups`` is filled at the first size with held-out documents of the corpora inserted
    there, and looked up again at every later size: the same questions, with the same
    answers and candidates, against an ever larger index.
    """
    from monitor.store.db import make_engine

    inserts, held_out, hashing = timed_documents(seeds, samples)
    if not lookups:
        lookups.extend(held_out[:samples])
    # A second, untimed round of lookups and inserts for tracemalloc (which slows Python down
    # too much to run under the clock): the held-out documents of one more corpus.
    extra_inserts, extra_lookups, _ = timed_documents(seeds, 1)
    engine = make_engine(target.url)
    try:
        warm_up(engine)
        timings = Timings()
        run_inserts(engine, inserts, timings)
        run_lookups(engine, lookups, timings)
        driver = driver_times(engine, lookups)
        tracemalloc.start()
        try:
            tracemalloc.reset_peak()
            run_inserts(engine, extra_inserts, None)
            run_lookups(engine, extra_lookups + lookups, None)
            traced_peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        rss_peak, rss_now = _rss_peak_mb(), _rss_now_mb()
        articles, _ = article_count(engine)
        sizes, total = index_sizes(engine, target)
    finally:
        engine.dispose()
    index_bytes = sum(v for k, v in sizes.items() if k != TEXT_HASH_INDEX)
    return SizeResult(
        engine=target.engine,
        size=size,
        articles=articles,
        fill_seconds=fill.seconds,
        fill_vacuum_seconds=fill.vacuum_seconds,
        hash_p50_ms=_ms(hashing, 50),
        hash_p99_ms=_ms(hashing, 99),
        lookup_p50_ms=_ms(timings.lookup, 50),
        lookup_p99_ms=_ms(timings.lookup, 99),
        sql_p50_ms=_ms(timings.sql, 50),
        sql_p99_ms=_ms(timings.sql, 99),
        driver_p50_ms=_ms(driver, 50),
        driver_p99_ms=_ms(driver, 99),
        step_p50_ms={k: _ms(timings.steps[k], 50) for k in LOOKUP_STEPS if k in timings.steps},
        step_p99_ms={k: _ms(timings.steps[k], 99) for k in LOOKUP_STEPS if k in timings.steps},
        find_p50_ms=_ms(timings.find, 50),
        find_p99_ms=_ms(timings.find, 99),
        insert_p50_ms=_ms(timings.insert, 50),
        insert_p99_ms=_ms(timings.insert, 99),
        lookups=len(timings.lookup),
        inserts=len(timings.insert),
        lookup_kinds=dict(timings.lookup_kinds),
        insert_kinds=dict(timings.insert_kinds),
        candidates_mean=float(np.mean(timings.candidates)) if timings.candidates else 0.0,
        mismatches=timings.mismatches,
        index_bytes=sizes,
        index_bytes_per_article=index_bytes / articles,
        text_hash_bytes_per_article=sizes.get(TEXT_HASH_INDEX, 0) / articles,
        database_bytes=total,
        rss_peak_mb=rss_peak,
        rss_now_mb=rss_now,
        tracemalloc_peak_mb=traced_peak / _MB,
    )


def sentence_counts_of_corpus() -> list[int]:
    """Return how many sentence hashes each original of the accuracy corpus has."""
    from monitor.dedup import DEDUP_PARAMS
    from monitor.dedup.features import features_of
    from tests.dedup_corpus import build_corpus

    return [
        len(features_of(doc.text, DEDUP_PARAMS).sentence_hashes)
        for doc in build_corpus(seed=ACCURACY_SEED)
        if doc.role == "original"
    ]


def run_engine(
    engine: str,
    postgres_url: str,
    sizes: Sequence[int],
    samples: int,
    sentence_counts: list[int],
    progress: bool,
) -> list[SizeResult]:
    """Grow one scratch database through the sizes, measuring at each."""
    results = []
    seeds = iter(range(FIRST_TIMED_SEED, sys.maxsize))
    lookups: list[Probe] = []
    with scratch_database(engine, postgres_url) as target:
        for size in sizes:
            fill = fill_to(target, size, sentence_counts)
            if progress:
                _note(f"{engine} {size:,}: filled {fill.articles:,} in {fill.seconds:.1f} s")
            result = measure_size(target, size, fill, seeds, samples, lookups)
            if progress:
                _note(
                    f"{engine} {size:,}: lookup p50 {result.lookup_p50_ms:.2f} ms,"
                    f" insert p50 {result.insert_p50_ms:.2f} ms,"
                    f" {result.index_bytes_per_article:.0f} B/article"
                )
            results.append(result)
    return results


def _note(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Accuracy and memory against datasketch


def _scored(name: str, result: Score, seconds: float) -> Scored:
    return Scored(
        name=name,
        precision=result.precision,
        recall=result.recall,
        recall_by_role=dict(result.recall_by_role),
        false_positives=result.false_positives,
        false_negatives=result.false_negatives,
        seconds=seconds,
    )


def _shingles(text: str) -> list[bytes]:
    """Word 5-grams of the normalised words, as ours uses (one run for a shorter text)."""
    from monitor.dedup import DEDUP_PARAMS
    from monitor.watch.text import words

    tokens = words(text)
    size = DEDUP_PARAMS.shingle_words
    runs = max(1, len(tokens) - size + 1) if tokens else 0
    return sorted({" ".join(tokens[i : i + size]).encode() for i in range(runs)})


def datasketch_run(corpus: Sequence[CorpusDoc], *, verify: bool) -> dict[int, int | None]:
    """Feed the corpus to a MinHashLSH in arrival order; return what each doc was judged.

    Each document is queried before it is inserted, and only documents judged originals are
    inserted, as in our index. Alone, a candidate means a duplicate of the earliest candidate;
    with ``verify``, it is the earliest candidate that passes our exact check
    (``verify.compare``), as in ``decide._near``.
    """
    from datasketch import MinHash, MinHashLSH  # type: ignore[import-untyped]

    from monitor.dedup import DEDUP_PARAMS
    from monitor.dedup.features import features_of
    from monitor.dedup.verify import compare

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    features = {}
    found: dict[int, int | None] = {}
    for doc in corpus:
        minhash = MinHash(num_perm=128)
        minhash.update_batch(_shingles(doc.text))
        candidates = sorted(lsh.query(minhash))
        judged: int | None = None
        if verify:
            features[doc.index] = features_of(doc.text, DEDUP_PARAMS)
            passing = (
                candidate
                for candidate in candidates
                if compare(features[doc.index], features[candidate]).is_duplicate
            )
            judged = next(passing, None)
        elif candidates:
            judged = candidates[0]
        found[doc.index] = judged
        if judged is None:
            lsh.insert(doc.index, minhash)
    return found


def accuracy() -> Accuracy:
    """Score ours and datasketch's LSH (alone and with our verification) on one corpus."""
    from monitor.dedup import add_document
    from monitor.store.db import make_engine
    from monitor.store.migrate import upgrade
    from tests.dedup_corpus import build_corpus, feed, found_map, score

    corpus = build_corpus(seed=ACCURACY_SEED)
    result = Accuracy(
        ACCURACY_SEED, len(corpus), sum(1 for doc in corpus if doc.expected_duplicate)
    )
    with tempfile.TemporaryDirectory(prefix="dedup-bench-accuracy-") as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'accuracy.db'}", create=True)
        try:
            upgrade(engine)
            start = time.perf_counter()
            decisions = feed(engine, corpus, add_document)
            seconds = time.perf_counter() - start
        finally:
            engine.dispose()
    result.runs.append(
        _scored("ours (add_document, SQLite)", score(corpus, found_map(corpus, decisions)), seconds)
    )
    for name, verify in (("datasketch MinHashLSH", False), ("MinHashLSH + our verify", True)):
        start = time.perf_counter()
        found = datasketch_run(corpus, verify=verify)
        result.runs.append(_scored(name, score(corpus, found), time.perf_counter() - start))
    return result


def lsh_memory(articles: int) -> LshMemory:
    """Return the RAM a MinHashLSH(threshold=0.5, num_perm=128) takes per article held.

    Runs in a child process: the RSS delta is then the LSH's alone, and this process's own
    peak RSS stays what our dedup needs.
    """
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    rng = np.random.default_rng(FILL_SEED)
    template = MinHash(num_perm=128)  # seed 1's permutations, shared by every signature
    signatures = rng.integers(0, 2**32, size=(articles, 128), dtype=np.uint64)
    rss_before = _rss_now_mb()
    tracemalloc.start()
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for key, values in enumerate(signatures):
        # A signature as MinHash.digest() gives it; LeanMinHash drops the permutations, so
        # what stays in memory is what the LSH keeps.
        lsh.insert(key, LeanMinHash(seed=template.seed, hashvalues=values))
    seconds = time.perf_counter() - start
    traced = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    rss = (_rss_now_mb() - rss_before) * _MB
    assert lsh.query(LeanMinHash(seed=template.seed, hashvalues=signatures[0])) == [0]
    return LshMemory(articles, traced / articles, rss / articles, seconds)


# --------------------------------------------------------------------------------------------
# Report


def _mark(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def targets(engine: str, results: Sequence[SizeResult]) -> list[tuple[str, bool, str]]:
    """Return (target, met, figures) for one engine's results.

    The latency targets are checked twice: on the lookup as find_duplicate does it (SQL and
    the verification of candidates) and on its SQL alone (what the index's size can change).
    """
    first, last = results[0], results[-1]
    rows = []
    for label, p50, p99 in (
        ("lookup", "lookup_p50_ms", "lookup_p99_ms"),
        ("SQL alone", "sql_p50_ms", "sql_p99_ms"),
    ):
        worst_p50 = max(getattr(r, p50) for r in results)
        worst_p99 = max(getattr(r, p99) for r in results)
        ratio = _ratio(getattr(last, p50), getattr(first, p50))
        rows += [
            (
                f"{label} p50 <= {LOOKUP_P50_MS[engine]:g} ms at every size",
                worst_p50 <= LOOKUP_P50_MS[engine],
                f"worst {worst_p50:.2f} ms",
            ),
            (
                f"{label} p99 <= {LOOKUP_P99_MS:g} ms at every size",
                worst_p99 <= LOOKUP_P99_MS,
                f"worst {worst_p99:.2f} ms",
            ),
            (
                f"{label} p50 {_size(last.size)}/{_size(first.size)} <= {MAX_SIZE_RATIO:g}",
                ratio <= MAX_SIZE_RATIO,
                f"{ratio:.2f}",
            ),
        ]
    worst_hash = max(r.hash_p50_ms for r in results)
    rss_growth = last.rss_peak_mb - first.rss_peak_mb
    traced_ok = last.tracemalloc_peak_mb <= first.tracemalloc_peak_mb * FLAT_TRACEMALLOC + 1
    rows += [
        (
            f"hashing <= {HASH_MS:g} ms/article (p50)",
            worst_hash <= HASH_MS,
            f"worst {worst_hash:.2f} ms",
        ),
        (
            "memory flat (peak RSS +10%, tracemalloc peak x1.25 + 1 MB)",
            rss_growth <= first.rss_peak_mb * FLAT_RSS and traced_ok,
            f"RSS {first.rss_peak_mb:.0f} -> {last.rss_peak_mb:.0f} MB, tracemalloc"
            f" {first.tracemalloc_peak_mb:.1f} -> {last.tracemalloc_peak_mb:.1f} MB",
        ),
    ]
    if engine == "sqlite":
        worst_index = max(r.index_bytes_per_article for r in results)
        rows.append(
            (
                f"index <= {SQLITE_INDEX_BYTES:.0f} B/article (1.5 KiB)",
                worst_index <= SQLITE_INDEX_BYTES,
                f"worst {worst_index:.0f} B",
            )
        )
    return rows


def _ratio(large: float, small: float) -> float:
    return large / small if small else float("inf")


def _size(n: int) -> str:
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def accuracy_ok(result: Accuracy) -> bool:
    ours, alone = result.runs[0], result.runs[1]
    return ours.precision >= alone.precision and ours.recall >= alone.recall


def report_text(
    results: dict[str, list[SizeResult]],
    result: Accuracy,
    sentence_counts: Sequence[int],
    seconds: float,
) -> str:
    lines = [
        f"machine: {_cpus()} CPUs, python {platform.python_version()}, SQLite"
        f" {sqlite3.sqlite_version}; synthetic articles: {BANDS_PER_ARTICLE} band keys,"
        f" {np.mean(sentence_counts):.1f} sentence hashes"
        f" ({'--sentences' if len(sentence_counts) == 1 else 'mean, as the corpus originals'}),"
        " 1 URL key each",
        "times in ms; hash = features_of + signature + band keys; lookup = SQL + verification"
        " (hashing excluded); SQL = lookup without verification; driver = the same SQL on the"
        " DBAPI cursor; find = find_duplicate whole; insert = add_document, committed",
    ]
    header = (
        f"  {'size':>6} {'articles':>9} {'fill s':>7} {'hash p50/p99':>13}"
        f" {'lookup p50/p99':>15} {'SQL p50/p99':>13} {'driver p50/p99':>14}"
        f" {'find p50/p99':>13}"
        f" {'insert p50/p99':>15} {'index B/art':>11} {'RSS MB':>7} {'traced MB':>9}"
    )
    for engine, rows in results.items():
        lines += ["", f"{engine}:", header]
        for r in rows:
            lines.append(
                f"  {_size(r.size):>6} {r.articles:>9,} {r.fill_seconds:>7.1f}"
                f" {r.hash_p50_ms:>6.2f}/{r.hash_p99_ms:<6.2f}"
                f" {r.lookup_p50_ms:>7.2f}/{r.lookup_p99_ms:<7.2f}"
                f" {r.sql_p50_ms:>6.2f}/{r.sql_p99_ms:<6.2f}"
                f" {r.driver_p50_ms:>6.2f}/{r.driver_p99_ms:<7.2f}"
                f" {r.find_p50_ms:>6.2f}/{r.find_p99_ms:<6.2f}"
                f" {r.insert_p50_ms:>7.2f}/{r.insert_p99_ms:<7.2f}"
                f" {r.index_bytes_per_article:>11.0f} {r.rss_peak_mb:>7.1f}"
                f" {r.tracemalloc_peak_mb:>9.2f}"
            )
        for r in rows:
            tables = ", ".join(f"{name} {n / r.articles:.0f}" for name, n in r.index_bytes.items())
            steps = ", ".join(
                f"{name} {r.step_p50_ms[name]:.2f}/{r.step_p99_ms[name]:.2f}"
                for name in r.step_p50_ms
            )
            vacuum = r.fill_vacuum_seconds
            lines += [
                f"  {_size(r.size)}: {r.lookups} lookups {_kinds(r.lookup_kinds)},"
                f" {r.candidates_mean:.2f} candidates each, mismatches {r.mismatches};"
                f" {r.inserts} inserts {_kinds(r.insert_kinds)}",
                f"      lookup steps p50/p99 ms: {steps}",
                f"      B/article: {tables}; database {r.database_bytes / _MB:,.0f} MB;"
                f" RSS now {r.rss_now_mb:.1f} MB"
                + (f"; fill's VACUUM ANALYZE {vacuum:.1f} s" if vacuum else ""),
            ]
        lines.append(f"  targets ({engine}):")
        for name, met, figures in targets(engine, rows):
            lines.append(f"    {_mark(met)}  {name:<60} {figures}")
    lines += [
        "",
        f"accuracy: build_corpus(seed={result.seed}), {result.documents} documents,"
        f" {result.copies} copies, in arrival order",
        f"  {'':<28} {'precision':>9} {'recall':>7} {'syndicated':>10} {'truncated':>9}"
        f" {'rewrite':>7} {'fp':>3} {'fn':>3} {'s':>6}",
    ]
    for run in result.runs:
        by_role = run.recall_by_role
        lines.append(
            f"  {run.name:<28} {run.precision:>9.4f} {run.recall:>7.4f}"
            f" {by_role.get('syndicated', 0):>10.3f} {by_role.get('truncated', 0):>9.3f}"
            f" {by_role.get('rewrite', 0):>7.3f} {run.false_positives:>3}"
            f" {run.false_negatives:>3} {run.seconds:>6.2f}"
        )
    lines.append(
        f"    {_mark(accuracy_ok(result))}  ours at least as good as MinHashLSH alone"
        " (precision and recall)"
    )
    for memory in result.lsh_memory:
        lines.append(
            f"  MinHashLSH(0.5, 128) holding {memory.articles:,} signatures:"
            f" {memory.tracemalloc_bytes_per_article / 1024:.1f} KB/article (tracemalloc),"
            f" {memory.rss_bytes_per_article / 1024:.1f} KB/article (RSS),"
            f" inserted in {memory.insert_seconds:.1f} s"
        )
    peaks = [r.rss_peak_mb for rows in results.values() for r in rows]
    if peaks:
        lines.append(
            f"  ours: nothing per article in RAM; this process's peak RSS {max(peaks):.0f} MB"
            " at every size (above)"
        )
    lines.append(f"\nwhole run: {seconds / 60:.1f} min")
    return "\n".join(lines)


def _kinds(kinds: dict[str, int]) -> str:
    return "(" + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")"


def report_json(
    results: dict[str, list[SizeResult]],
    result: Accuracy,
    sentence_counts: Sequence[int],
    seconds: float,
) -> str:
    engines = {}
    for engine, rows in results.items():
        first, last = rows[0], rows[-1]
        engines[engine] = {
            "sizes": [asdict(r) for r in rows],
            "lookup_p50_ratio": _ratio(last.lookup_p50_ms, first.lookup_p50_ms),
            "sql_p50_ratio": _ratio(last.sql_p50_ms, first.sql_p50_ms),
            "targets": [
                {"target": name, "met": met, "figures": figures}
                for name, met, figures in targets(engine, rows)
            ],
        }
    return json.dumps(
        {
            "cpus": _cpus(),
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "sentence_hashes_per_synthetic_article": float(np.mean(sentence_counts)),
            "engines": engines,
            "accuracy": asdict(result),
            "accuracy_at_least_as_good": accuracy_ok(result),
            "seconds": seconds,
        }
    )


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _sizes(value: str) -> list[int]:
    sizes = sorted({int(part.replace("_", "")) for part in value.split(",") if part.strip()})
    if not sizes or sizes[0] < 1:
        raise argparse.ArgumentTypeError("give positive sizes, e.g. 10000,100000")
    return sizes


def _engines(value: str) -> list[str]:
    engines = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [e for e in engines if e not in ENGINES]
    if unknown or not engines:
        raise argparse.ArgumentTypeError(f"engines are {', '.join(ENGINES)}")
    return list(dict.fromkeys(engines))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", type=_sizes, default=None, help="articles, e.g. 10000,100000,1000000"
    )
    parser.add_argument(
        "--engines", type=_engines, default=list(ENGINES), help="sqlite,postgresql (default both)"
    )
    parser.add_argument(
        "--samples",
        type=int,
        default=DEFAULT_SAMPLES,
        help=f"timed lookups per size (default {DEFAULT_SAMPLES}; inserts are about twice that)",
    )
    parser.add_argument("--quick", action="store_true", help="sizes 2000,20000 (a smoke run)")
    parser.add_argument(
        "--postgres-url",
        default=DEFAULT_POSTGRES_URL,
        help=f"where to create the scratch database {SCRATCH_DATABASE}",
    )
    parser.add_argument(
        "--sentences",
        type=int,
        default=None,
        help="sentence hashes per synthetic article (default: drawn from the corpus's originals)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object of figures")
    args = parser.parse_args(argv)
    if args.quick and args.sizes:
        parser.error("--quick chooses the sizes; give one or the other")
    if args.samples < 1:
        parser.error("--samples must be at least 1")
    if args.sentences is not None and args.sentences < 0:
        parser.error("--sentences must be 0 or more")
    sizes = args.sizes or list(QUICK_SIZES if args.quick else DEFAULT_SIZES)
    if "postgresql" in args.engines:
        problem = postgres_reachable(args.postgres_url)
        if problem is not None:
            print(f"dedup benchmark: PostgreSQL is not reachable: {problem}", file=sys.stderr)
            return 2
    from monitor.dedup import DEDUP_PARAMS

    if DEDUP_PARAMS.bands != BANDS_PER_ARTICLE:
        raise SystemExit(f"the fill writes {BANDS_PER_ARTICLE} bands, the index uses another count")
    started = time.perf_counter()
    sentence_counts = (
        [args.sentences] if args.sentences is not None else sentence_counts_of_corpus()
    )
    results = {
        engine: run_engine(
            engine, args.postgres_url, sizes, args.samples, sentence_counts, not args.json
        )
        for engine in args.engines
    }
    # Last, so that nothing here raises the peak RSS the sizes report.
    result = accuracy()
    result.lsh_memory = [_in_child(lsh_memory, n) for n in LSH_SIZES]
    seconds = time.perf_counter() - started
    if args.json:
        print(report_json(results, result, sentence_counts, seconds))
    else:
        print(report_text(results, result, sentence_counts, seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
