"""robots.txt rules, fetched at most once an hour per site and shared by all requests."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import httpx
from protego import Protego

ROBOTS_TTL = 3600.0
DEFAULT_PORTS: Mapping[str, int] = MappingProxyType({"http": 80, "https": 443})

# Returns a site's parsed robots.txt, or None when everything is allowed.
RobotsLoader = Callable[[httpx.URL], Awaitable[Protego | None]]
_Origin = tuple[str, str, int]


@dataclass(frozen=True, slots=True)
class _Rules:
    parser: Protego | None
    expires: float  # loop time


def robots_url(url: httpx.URL) -> httpx.URL:
    """Return the robots.txt URL of the site (scheme, host and port) that serves ``url``."""
    return httpx.URL(f"{url.scheme}://{url.netloc.decode('ascii')}/robots.txt")


class RobotsCache:
    """Answers whether robots.txt lets our User-Agent fetch a URL, loading each site's once."""

    def __init__(self, user_agent: str, load: RobotsLoader, *, ttl: float = ROBOTS_TTL) -> None:
        self._user_agent = user_agent
        self._load = load
        self._ttl = ttl
        self._rules: dict[_Origin, _Rules] = {}
        self._locks: dict[_Origin, asyncio.Lock] = {}

    async def allows(self, url: httpx.URL) -> bool:
        """Return whether the site's robots.txt allows our User-Agent to fetch ``url``."""
        origin = (url.scheme, url.host, url.port or DEFAULT_PORTS.get(url.scheme, 0))
        rules = self._fresh(origin) or await self._refresh(origin, url)
        return rules.parser is None or bool(rules.parser.can_fetch(str(url), self._user_agent))

    def _fresh(self, origin: _Origin) -> _Rules | None:
        rules = self._rules.get(origin)
        if rules is None or rules.expires <= asyncio.get_running_loop().time():
            return None
        return rules

    async def _refresh(self, origin: _Origin, url: httpx.URL) -> _Rules:
        """Return the site's rules, loading them unless a concurrent caller just did."""
        lock = self._locks.setdefault(origin, asyncio.Lock())
        try:
            # One load per site: requests arriving meanwhile wait for it instead of each
            # fetching robots.txt themselves.
            async with lock:
                rules = self._fresh(origin)
                if rules is None:
                    parser = await self._load(robots_url(url))
                    rules = _Rules(parser, asyncio.get_running_loop().time() + self._ttl)
                    self._forget_expired()
                    self._rules[origin] = rules
                return rules
        finally:
            if self._locks.get(origin) is lock and not lock.locked():
                del self._locks[origin]

    def _forget_expired(self) -> None:
        now = asyncio.get_running_loop().time()
        for origin in [o for o, rules in self._rules.items() if rules.expires <= now]:
            del self._rules[origin]
