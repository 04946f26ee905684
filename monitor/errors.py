"""The error tree of figure-monitor.

    MonitorError
    ├── ConfigError      a configuration file or environment override is invalid
    ├── DatabaseError    the database cannot be reached or opened
    ├── SchemaError      the database schema is missing or not at the code's revision
    ├── FetchError       a URL could not be fetched; ``kind`` says why (FETCH_KINDS)
    └── ExtractError     a page or file gave no usable article text

Each error has a stable ``kind``: a short string stored on database rows and shown by
``monitor status``, so operators and tests can rely on it while messages stay free to improve.
"""

from __future__ import annotations


class MonitorError(Exception):
    """figure-monitor failed."""

    kind = "error"

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or (self.__doc__ or "").strip())


class ConfigError(MonitorError):
    """The configuration is invalid."""

    kind = "config"

    def __init__(self, origin: str, key: str | None, problem: str) -> None:
        self.origin = origin
        self.key = key
        self.problem = problem
        where = f"{origin}: {key}" if key else origin
        super().__init__(f"{where}: {problem}")


class DatabaseError(MonitorError):
    """The database cannot be reached or opened."""

    kind = "database"


class SchemaError(MonitorError):
    """The database schema is not at the revision this version of figure-monitor expects."""

    kind = "schema"


FETCH_KINDS = (
    "timeout",  # connect, read or total time ran out
    "too_large",  # the body passed fetch.max_bytes
    "http_status",  # an answer other than 2xx or 304; ``status`` and ``retry_after`` say more
    "robots_denied",  # robots.txt disallows the URL for our User-Agent
    "private_address",  # the host resolves to a loopback, private or link-local address
    "redirect_loop",  # more than fetch.max_redirects redirects, or a cycle
    "bad_url",  # a redirect to an invalid URL, to another scheme (file://) or to no host
    "decode",  # the body could not be decoded as text
    "not_html",  # a page was expected and something else came
    "network",  # DNS failure, refused connection, TLS error, broken response
)


class FetchError(MonitorError):
    """A URL could not be fetched."""

    kind = "network"

    def __init__(
        self,
        url: str,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: float | None = None,
    ) -> None:
        if kind not in FETCH_KINDS:
            raise ValueError(f"unknown fetch error kind {kind!r}")
        self.url = url
        self.kind = kind
        self.status = status
        self.retry_after = retry_after
        super().__init__(f"fetch: {kind}: {message}")


class ExtractError(MonitorError):
    """A page or file gave no usable article text."""

    kind = "extract"
