"""HTML extraction off the event loop, in a pool of worker processes.

trafilatura is pure CPU work (parsing, tree walks, regular expressions) that holds the GIL, so
threads would stall the daemon's event loop and its polling; processes do not.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from types import TracebackType

from monitor.errors import ExtractError
from monitor.extraction.htmltext import extract_html
from monitor.model import Document

log = logging.getLogger(__name__)

WORKER_ATTEMPTS = 2  # a page is tried on a fresh worker once after its worker died


class Extractor:
    """Runs ``extract_html`` in worker processes so that callers on an event loop keep going.

    ``processes`` is the pool size: None for one per CPU, 0 to extract in the calling process
    (tests, tiny runs). Use it as a context manager, or call ``close()``, to stop the workers.
    """

    def __init__(self, *, processes: int | None = None, min_chars: int = 200) -> None:
        if processes is not None and processes < 0:
            raise ValueError(f"processes must be 0 or more, not {processes}")
        self.processes = (os.cpu_count() or 1) if processes is None else processes
        self.min_chars = min_chars
        self._pool: ProcessPoolExecutor | None = self._new_pool()

    async def extract(self, html: str, *, url: str) -> Document:
        """Return the page's Document; raises ExtractError as ``extract_html`` does.

        A worker that dies (a crash in lxml, the OOM killer) breaks the whole pool, and every
        page in it then: the pool is replaced and each page tried once more on a fresh worker.
        A page that kills its worker twice is reported as an ExtractError.
        """
        if self.processes == 0:
            return extract_html(html, url=url, min_chars=self.min_chars)
        loop = asyncio.get_running_loop()
        for attempt in range(1, WORKER_ATTEMPTS + 1):
            pool = self._pool
            if pool is None:
                raise RuntimeError("the Extractor is closed")
            try:
                return await loop.run_in_executor(pool, _extract, html, url, self.min_chars)
            except BrokenProcessPool as error:
                if self._pool is pool:  # the first page to see it replaces the pool
                    pool.shutdown(wait=False, cancel_futures=True)
                    self._pool = self._new_pool()
                if attempt == WORKER_ATTEMPTS:
                    raise ExtractError(f"{url}: the extraction worker stopped ({error})") from error
                log.warning("%s: the extraction worker stopped; trying a fresh one", url)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def close(self) -> None:
        """Stop the worker processes, after the extractions under way."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _new_pool(self) -> ProcessPoolExecutor | None:
        if self.processes == 0:
            return None
        # "spawn", not "fork": forking a process that runs threads (the daemon's database
        # threads, the executor's own) can copy a held lock into the child and hang it.
        return ProcessPoolExecutor(
            self.processes,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_die_with_parent,
            initargs=(os.getpid(),),
        )


PARENT_CHECK_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """Make this worker exit when the process that started it is gone.

    A daemon killed with SIGKILL cannot stop its pool: the workers would be adopted by init and
    live on (about 130 MB each crash, so a crash-restart loop eats the machine). A worker's
    parent changes only when that parent dies, so each worker watches it from a daemon thread.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)  # no cleanup to run: the parent that wanted the result is gone

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _extract(html: str, url: str, min_chars: int) -> Document:
    """Return ``extract_html``'s Document; module level, so the pool can pickle a reference."""
    return extract_html(html, url=url, min_chars=min_chars)
