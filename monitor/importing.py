"""`monitor import`: add existing documents (HTML or text files) to the corpus.

Imported articles are history: later coverage is checked against them, and they raise no
alerts. Files are stored in the order given, so their order is their publication order when
they carry no date of their own.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.dedup import Decision, add_document
from monitor.errors import ExtractError
from monitor.extraction import document_from_text, extract_html
from monitor.fetching.decoding import decode, looks_like_html
from monitor.model import Document
from monitor.pipeline import Watch
from monitor.store.db import write_engine
from monitor.watch import MatchText, matches

MAX_FILE_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class ImportResult:
    path: Path
    article_id: int | None  # None when nothing was stored
    title: str | None = None
    watches: tuple[str, ...] = ()
    problem: str | None = None  # why nothing was stored
    decision: Decision | None = None  # the dedup stage's, when the file could be read


def read_document(path: Path, *, published_at: datetime | None = None) -> Document:
    """Return the document in an HTML or plain-text file; raises ExtractError if it has none."""
    body = _read_regular_file(path)
    decoded = decode(body, None)
    if decoded is None:
        raise ExtractError("cannot decode the file as text")
    text, _charset = decoded
    url = path.resolve().as_uri()
    is_html = path.suffix.lower() in (".html", ".htm", ".xhtml") or looks_like_html(body)
    document = extract_html(text, url=url) if is_html else document_from_text(text, url=url)
    document = dataclasses.replace(document, origin="import")
    if document.published_at is None and published_at is not None:
        document = dataclasses.replace(document, published_at=published_at)
    return document


def _read_regular_file(path: Path) -> bytes:
    """Return the bytes of a regular file of at most MAX_FILE_BYTES, else raise ExtractError.

    The file is opened without blocking and checked on the open descriptor, so a FIFO is
    refused at once rather than waited on, a device such as /dev/zero is refused rather than
    read until memory runs out, and a file that grows after a size check is still read only
    up to the limit.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise ExtractError(f"cannot read: {error.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise ExtractError("not a regular file (a device, a pipe or a directory)")
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            body = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ExtractError(f"cannot read: {error.strerror}") from None
    finally:
        os.close(descriptor)
    if len(body) > MAX_FILE_BYTES:
        raise ExtractError(f"larger than {MAX_FILE_BYTES:,} bytes")
    return body


def import_files(
    engine: Engine,
    paths: Sequence[Path],
    *,
    watches: Sequence[Watch],
    published_at: datetime | None = None,
) -> list[ImportResult]:
    """Store each file as an article, in the order given; a file already held is skipped."""
    results = []
    for path in paths:
        try:
            document = read_document(path, published_at=published_at)
        except ExtractError as error:
            results.append(ImportResult(path, None, problem=str(error)))
            continue
        text = MatchText.of(title=document.title or "", text=document.text)
        matched = tuple(w.name for w in watches if matches(w.query, text))
        with Session(write_engine(engine)) as session, session.begin():
            decision = add_document(session, document, watches=matched)
        if not decision.stored:
            problem = f"already held as #{decision.article_id}"
            results.append(
                ImportResult(path, None, document.title, problem=problem, decision=decision)
            )
            continue
        results.append(
            ImportResult(path, decision.article_id, document.title, matched, decision=decision)
        )
    return results
