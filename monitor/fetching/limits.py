"""How many requests run at once, overall and per host, and how closely they follow."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

# Hosts kept only for their interval are swept out once the table reaches this size.
_SWEEP_AT = 1024


@dataclass(slots=True)
class _Host:
    slots: asyncio.Semaphore
    users: int = 0  # requests holding or waiting for one of this host's slots
    next_start: float = 0.0  # loop time before which no request may start


class RequestSlots:
    """Per-host and overall concurrency limits, with a minimum interval between starts."""

    def __init__(self, *, concurrency: int, per_host: int, interval: float = 0.0) -> None:
        if concurrency < 1 or per_host < 1:
            raise ValueError("concurrency and per_host must be at least 1")
        self._overall = asyncio.Semaphore(concurrency)
        self._per_host = per_host
        self._interval = interval
        self._hosts: dict[str, _Host] = {}
        self._sweep_at = _SWEEP_AT

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        """Yield once a slot of this host and an overall slot are held and its turn has come."""
        state = self._hosts.get(host)
        if state is None:
            if len(self._hosts) >= self._sweep_at:
                self._sweep()
            state = self._hosts[host] = _Host(asyncio.Semaphore(self._per_host))
        state.users += 1
        try:
            # The host's slot comes first: a request queued behind a busy host must not hold
            # one of the overall slots that requests to idle hosts could use.
            async with state.slots:
                await self._start(state)
                try:
                    yield
                finally:
                    self._overall.release()
        finally:
            state.users -= 1
            self._forget(host, state)

    async def _start(self, state: _Host) -> None:
        """Return holding an overall slot, at least the interval after the host's last start."""
        loop = asyncio.get_running_loop()
        while True:
            delay = state.next_start - loop.time()
            if delay > 0:
                # Waiting without an overall slot: other hosts' requests may run meanwhile.
                await asyncio.sleep(delay)
            await self._overall.acquire()
            now = loop.time()
            # Waiting for the overall slot took time, during which another request to this
            # host may have started; check again rather than trust the earlier reckoning.
            if now >= state.next_start:
                state.next_start = now + self._interval
                return
            self._overall.release()

    def _forget(self, host: str, state: _Host) -> None:
        # An idle host whose interval has passed carries no information; dropping it keeps
        # the table as small as the set of hosts in use.
        idle = state.users == 0 and state.next_start <= asyncio.get_running_loop().time()
        if idle and self._hosts.get(host) is state:
            del self._hosts[host]

    def _sweep(self) -> None:
        now = asyncio.get_running_loop().time()
        for host, state in list(self._hosts.items()):
            if state.users == 0 and state.next_start <= now:
                del self._hosts[host]
        # Doubling the threshold keeps sweeping linear overall while many hosts are busy.
        self._sweep_at = max(_SWEEP_AT, 2 * len(self._hosts))
