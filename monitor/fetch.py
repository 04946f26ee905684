"""Fetch pages and feeds over HTTP with one shared client, within limits a news monitor needs.

Every request is bounded in time (connect, read and a total deadline that a slowly dripping
body cannot stretch), in size, in redirects and in concurrency per host and overall. Hosts
that resolve to loopback, private or otherwise special addresses are refused unless the
configuration allows them, robots.txt is honoured, and every failure is a ``FetchError``
whose ``kind`` is one of ``FETCH_KINDS``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http.cookiejar import CookieJar, DefaultCookiePolicy
from types import TracebackType
from typing import Self

import httpx
from protego import Protego

from monitor.config.settings import FetchSettings
from monitor.daemon_metrics import timed_fetch
from monitor.errors import FetchError
from monitor.fetching.addresses import AddressPolicy, Network, resolve
from monitor.fetching.decoding import HTML_TYPES, decode, looks_like_html, parse_content_type
from monitor.fetching.limits import RequestSlots
from monitor.fetching.robots import DEFAULT_PORTS, RobotsCache
from monitor.model import Page

log = logging.getLogger(__name__)

PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/rdf+xml;q=0.9,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
ROBOTS_ACCEPT = "text/plain,*/*;q=0.5"
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class _Answer:
    url: str  # the URL that gave this answer (the last hop)
    status: int
    headers: dict[str, str]  # lower-case names
    body: bytes  # read only for 2xx answers


class Fetcher:
    """An open HTTP client with the fetch policy applied; use as ``async with Fetcher(...)``.

    ``allowed_networks`` are let through even when private addresses are refused (an
    operator's intranet, or loopback in tests); ``host_interval`` is the minimum number of
    seconds between the starts of two requests to one host.
    """

    def __init__(
        self,
        settings: FetchSettings,
        *,
        allowed_networks: Sequence[Network] = (),
        host_interval: float = 0.0,
    ) -> None:
        self._settings = settings
        self._addresses = AddressPolicy(
            allow_private=settings.allow_private_addresses, allowed=allowed_networks
        )
        self._slots = RequestSlots(
            concurrency=settings.concurrency, per_host=settings.per_host, interval=host_interval
        )
        self._robots = RobotsCache(settings.user_agent, self._load_robots)
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Self:
        if self._client is not None:
            raise RuntimeError("this Fetcher is already open")
        timeout = self._settings.timeout
        self._client = httpx.AsyncClient(
            follow_redirects=False,  # each hop is checked here first
            timeout=httpx.Timeout(timeout),
            limits=httpx.Limits(max_connections=self._settings.concurrency),
            # Proxies from the environment would connect on our behalf to addresses this
            # module never checked.
            trust_env=False,
            # Cookies would pile up over a daemon's life across thousands of sites and make
            # one fetch depend on the ones before it.
            cookies=CookieJar(policy=DefaultCookiePolicy(allowed_domains=[])),
        )
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()

    async def get(
        self,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        expect_html: bool = True,
        check_robots: bool = True,
    ) -> Page:
        """Return the page at ``url`` (status 2xx, or 304 with an empty body), decoded.

        ``headers`` go with every hop (If-None-Match, If-Modified-Since, or an Accept that
        replaces ours; never the User-Agent). ``expect_html`` refuses anything but an HTML
        page; when false, the Accept header asks for feeds. ``check_robots=False`` skips
        robots.txt (a feed the operator configured), which ``respect_robots=false`` skips for
        every request. Raises FetchError, whose ``kind`` says why the page could not be had.
        """
        if self._client is None:
            raise RuntimeError("the Fetcher is not open: use 'async with Fetcher(...)'")
        sent = httpx.Headers({"accept": PAGE_ACCEPT if expect_html else FEED_ACCEPT})
        # As bytes: httpx refuses a non-ASCII str, such as an ETag a server sent in UTF-8.
        sent.update({name.encode(): value.encode() for name, value in (headers or {}).items()})
        # Robots rules are matched against this name, so the caller does not get to change it.
        sent["user-agent"] = self._settings.user_agent
        robots = check_robots and self._settings.respect_robots
        with timed_fetch():
            answer = await self._follow(url, sent, robots=robots, expect_html=expect_html)
        return _page(url, answer, expect_html=expect_html)

    async def _follow(
        self, url: str, headers: httpx.Headers, *, robots: bool, expect_html: bool
    ) -> _Answer:
        """Return the first answer that is not a redirect, after at most max_redirects hops."""
        target = _target(url, url)
        seen = {str(target)}
        for _ in range(self._settings.max_redirects + 1):
            await self._admit(url, target, robots=robots)
            answer = await self._exchange(url, target, headers, expect_html=expect_html)
            location = answer.headers.get("location")
            if answer.status not in REDIRECT_STATUSES or not location:
                return answer
            target = _target(url, location, base=target)
            if str(target) in seen:
                raise FetchError(url, "redirect_loop", f"{answer.url} redirects back to {target}")
            seen.add(str(target))
        limit = self._settings.max_redirects
        raise FetchError(url, "redirect_loop", f"more than {limit} redirects, last to {target}")

    async def _admit(self, url: str, target: httpx.URL, *, robots: bool) -> None:
        """Return when ``target`` may be requested: its address is allowed, so is robots.txt."""
        await self._check_address(url, target)
        if robots and not await self._robots.allows(target):
            raise FetchError(url, "robots_denied", f"robots.txt disallows {target}")

    async def _check_address(self, url: str, target: httpx.URL) -> None:
        """Return when every address of the target's host may be connected to."""
        # Limitation (DNS rebinding): the name is resolved here and again by httpx when it
        # connects, so a DNS server that answers a public address now and a private one a
        # moment later still gets its request through. Closing that gap means connecting to
        # the checked address itself (with the name kept for Host and TLS); until then, an
        # operator who needs a guarantee filters outgoing traffic at the network level too.
        if not self._addresses.checks:
            return
        host = target.raw_host.decode("ascii")
        port = target.port or DEFAULT_PORTS[target.scheme]
        try:
            async with asyncio.timeout(self._settings.timeout):
                addresses = await resolve(host, port)
        except TimeoutError:
            raise FetchError(url, "timeout", f"resolving {host} took too long") from None
        except OSError as error:
            raise FetchError(url, "network", f"cannot resolve {host}: {error}") from error
        if not addresses:
            raise FetchError(url, "network", f"{host} has no IPv4 or IPv6 address")
        refused = self._addresses.refused(addresses)
        if refused is not None:
            raise FetchError(url, "private_address", f"{host} resolves to {refused}")

    async def _exchange(
        self, url: str, target: httpx.URL, headers: httpx.Headers, *, expect_html: bool
    ) -> _Answer:
        """Return the answer of one request, within the per-host, overall and time limits."""
        timeout = self._settings.timeout
        async with self._slots.slot(target.host):
            # The deadline starts once the request may go: time spent queued behind other
            # requests to a busy host is not the server's slowness.
            try:
                async with asyncio.timeout(timeout):
                    return await self._transfer(url, target, headers, expect_html=expect_html)
            except (TimeoutError, httpx.TimeoutException):
                raise FetchError(url, "timeout", f"{target}: no answer within {timeout}s") from None
            except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as error:
                reason = str(error) or type(error).__name__
                raise FetchError(url, "network", f"{target}: {reason}") from error

    async def _transfer(
        self, url: str, target: httpx.URL, headers: httpx.Headers, *, expect_html: bool
    ) -> _Answer:
        """Return the answer to one GET, its body read (up to max_bytes) only on success."""
        if self._client is None:
            raise RuntimeError("the Fetcher was closed")
        async with self._client.stream("GET", target, headers=headers) as response:
            answer_headers = {name.lower(): value for name, value in response.headers.items()}
            body = b""
            if response.is_success:
                media, _ = parse_content_type(answer_headers.get("content-type", ""))
                if expect_html and media and media not in HTML_TYPES:
                    raise FetchError(url, "not_html", f"{target} is {media}, not an HTML page")
                body = await self._read_capped(url, target, response)
            return _Answer(str(target), response.status_code, answer_headers, body)

    async def _read_capped(self, url: str, target: httpx.URL, response: httpx.Response) -> bytes:
        """Return the (decompressed) body, refusing it as soon as it passes max_bytes."""
        limit = self._settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, "too_large", f"{target}: {declared} bytes, limit {limit}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise FetchError(url, "too_large", f"{target}: more than {limit} bytes")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _load_robots(self, robots_url: httpx.URL) -> Protego | None:
        """Return the parsed robots.txt at ``robots_url``; None allows everything."""
        headers = httpx.Headers({"accept": ROBOTS_ACCEPT, "user-agent": self._settings.user_agent})
        url = str(robots_url)
        try:
            answer = await self._follow(url, headers, robots=False, expect_html=False)
        except FetchError as error:
            # A site whose robots.txt cannot be had (timeout, refused, too large) is crawled
            # as if it had none. RFC 9309 would have a crawler stay away after a 5xx; for a
            # monitor that fetches one article at a time, missing the news costs more.
            log.info("robots.txt not available, allowing all: %s", error)
            return None
        if not 200 <= answer.status < 300:
            # 404 and other 4xx: the site has no rules. 5xx: allowed, as above.
            return None
        return Protego.parse(answer.body.decode("utf-8", errors="replace"))


def _target(url: str, location: str, *, base: httpx.URL | None = None) -> httpx.URL:
    """Return ``location`` (relative to ``base``) as an absolute http(s) URL, fragment dropped."""
    try:
        target = base.join(location) if base is not None else httpx.URL(location)
    except (httpx.InvalidURL, ValueError) as error:
        raise FetchError(url, "bad_url", f"invalid URL {location!r}: {error}") from error
    # Permanent, not "network": asking again gives the same answer, so the page is not retried.
    if target.scheme not in DEFAULT_PORTS:
        raise FetchError(url, "bad_url", f"{location!r}: only http and https URLs are fetched")
    if not target.host:
        raise FetchError(url, "bad_url", f"{location!r} names no host")
    return target.copy_with(fragment=None)


def _page(url: str, answer: _Answer, *, expect_html: bool) -> Page:
    """Return the Page of a final answer; raise FetchError for a status or body it cannot be."""
    media, charset = parse_content_type(answer.headers.get("content-type", ""))
    if answer.status != 304 and not 200 <= answer.status < 300:
        raise FetchError(
            url,
            "http_status",
            f"{answer.url} answered {answer.status}",
            status=answer.status,
            retry_after=parse_retry_after(answer.headers.get("retry-after")),
        )
    if expect_html and answer.status != 304 and not media and not looks_like_html(answer.body):
        raise FetchError(url, "not_html", f"{answer.url} has no content type and is not HTML")
    decoded = decode(answer.body, charset)
    if decoded is None:
        raise FetchError(url, "decode", f"{answer.url}: no charset decodes the body")
    text, used = decoded
    return Page(
        url=url,
        final_url=answer.url,
        status=answer.status,
        headers=answer.headers,
        body=answer.body,
        text=text,
        charset=used,
        content_type=media,
    )


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Return the seconds a Retry-After value (seconds or an HTTP date) asks to wait, or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:  # HTTP dates are GMT; "-0000" parses without a zone
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
