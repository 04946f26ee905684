"""Running a tick's pieces of work side by side, and ending them all before reporting."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Sequence
from typing import TypeVar

T = TypeVar("T")


async def gather_all(work: Sequence[Awaitable[T]]) -> list[T]:
    """Await every piece of ``work`` to its end, then return their results in order, or raise
    the first error.

    ``asyncio.gather`` raises at the first error and leaves the rest running, unowned: after a
    database outage the next tick would find its own entries still being fetched and take
    them up a second time (``monitor.owners``: a daemon never claims while its work runs)."""
    results = await asyncio.gather(*work, return_exceptions=True)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return list(results)  # type: ignore[arg-type]  # no exception is left among them
