"""A real HTTP server on loopback for tests: routes scripted per test, requests recorded.

tests/conftest.py makes the ``feed_server`` fixture available to every test module. One
server runs for the whole session; each test starts with no routes and no requests.
"""

from __future__ import annotations

import http.server
import itertools
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest


class Headers(Mapping[str, str]):
    """Request headers, looked up in any case; iterating gives lower-case names."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._values = {name.lower(): value for name, value in items}

    def __getitem__(self, name: str) -> str:
        return self._values[name.lower()]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Headers({self._values!r})"


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as the server received it.

    ``started`` and ``finished`` are ticks of a server-side clock that advances by one at
    every event, so tests compare the order of events, never their durations. ``finished``
    is taken just before the last bytes of the answer go out (a client cannot have the whole
    answer before then), and stays None for an answer that was never completed.
    """

    method: str
    path: str  # with the query string
    headers: Headers
    body: bytes
    started: int
    finished: int | None = None


@dataclass(frozen=True, slots=True)
class _Route:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    delay: float
    drip: tuple[int, float] | None

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k.lower() == name), None)


_NOT_FOUND = _Route(404, (("Content-Type", "text/plain"),), b"not found\n", 0.0, None)
_BODILESS = frozenset({204, 304})


class _Aborted(Exception):
    """The server was reset or stopped while an answer was still being delayed."""


class FeedServer:
    """An HTTP/1.1 server on 127.0.0.1, in daemon threads; answers only the routes it is given."""

    def __init__(self) -> None:
        self._lock = threading.Condition()
        self._routes: dict[str, _Route] = {}
        self._requests: list[RecordedRequest] = []
        self._clock = itertools.count(1)
        # Set to cut short the delays of answers still running when a test ends.
        self._abort = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._server is not None:
            raise RuntimeError("the server is already running")
        self._server = _Server(self)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="feed-server", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread, self._server, self._thread = self._server, self._thread, None, None
        self._abort.set()
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the server is not running")
        return int(self._server.server_address[1])

    def url(self, path: str = "/") -> str:
        """Return the absolute URL of ``path`` on this server."""
        return f"http://127.0.0.1:{self.port}{path}"

    def reset(self) -> None:
        """Forget all routes and recorded requests, and cut short answers still running."""
        with self._lock:
            self._routes.clear()
            self._requests.clear()
            self._abort.set()
            self._abort = threading.Event()

    @property
    def requests(self) -> list[RecordedRequest]:
        """Return the requests received so far, oldest first (a copy)."""
        with self._lock:
            return list(self._requests)

    def paths(self) -> list[str]:
        """Return the paths of the requests received so far, oldest first."""
        return [r.path for r in self.requests]

    def wait_for(self, n: int, timeout: float = 5.0) -> None:
        """Return once at least ``n`` requests arrived; fail the test after ``timeout`` s."""
        with self._lock:
            if not self._lock.wait_for(lambda: len(self._requests) >= n, timeout):
                got = len(self._requests)
                raise AssertionError(f"expected {n} requests within {timeout}s, got {got}")

    def wait_for_path(self, path: str, timeout: float = 5.0) -> None:
        """Return once a request for ``path`` arrived; fail the test after ``timeout`` s."""
        with self._lock:
            if not self._lock.wait_for(
                lambda: any(r.path == path for r in self._requests), timeout
            ):
                raise AssertionError(f"no request for {path} within {timeout}s: {self.paths()}")

    def route(
        self,
        path: str,
        *,
        status: int = 200,
        headers: Mapping[str, str] | None = None,
        body: bytes = b"",
        delay: float = 0.0,
        drip: tuple[int, float] | None = None,
    ) -> None:
        """Answer requests for ``path`` (matched with its query, else without).

        ``delay`` seconds pass before the status line; ``drip=(size, seconds)`` sends the
        body in pieces of ``size`` bytes with a pause between them. A ``Transfer-Encoding:
        chunked`` header sends the body chunked and without Content-Length.
        """
        if drip is not None and drip[0] < 1:
            raise ValueError("drip pieces must be at least one byte")
        entry = _Route(status, tuple((headers or {}).items()), body, delay, drip)
        with self._lock:
            self._routes[path] = entry

    def redirect(self, path: str, to: str, status: int = 302) -> None:
        """Answer ``path`` with a redirect to ``to`` (a path or an absolute URL)."""
        self.route(path, status=status, headers={"Location": to})

    def serve_file(self, path: str, file: Path | str, content_type: str) -> None:
        """Answer ``path`` with the bytes of ``file``."""
        body = Path(file).read_bytes()
        self.route(path, headers={"Content-Type": content_type}, body=body)

    def _arrive(
        self, method: str, path: str, headers: Headers, body: bytes
    ) -> tuple[_Route, threading.Event, Callable[[], None]]:
        """Record a request; return its route, the abort event and how to mark it finished."""
        with self._lock:
            request = RecordedRequest(
                method=method, path=path, headers=headers, body=body, started=next(self._clock)
            )
            self._requests.append(request)
            index = len(self._requests) - 1
            abort = self._abort
            found = self._routes.get(path) or self._routes.get(path.partition("?")[0])
            self._lock.notify_all()

        def finish() -> None:
            with self._lock:
                # A reset since the request arrived has emptied the list; nothing to mark.
                if index < len(self._requests) and self._requests[index] is request:
                    self._requests[index] = replace(request, finished=next(self._clock))
                    self._lock.notify_all()

        return found or _NOT_FOUND, abort, finish


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, feed: FeedServer) -> None:
        self.feed = feed
        super().__init__(("127.0.0.1", 0), _Handler)

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        # Clients hanging up early (a fetch that timed out or refused a body) are expected.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked answers, as real servers do
    server: _Server

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_POST(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean

    def _answer(self, *, send_body: bool) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = Headers(self.headers.items())
        route, abort, finish = self.server.feed._arrive(self.command, self.path, headers, body)
        try:
            self._respond(route, send_body=send_body, abort=abort, finish=finish)
        except (_Aborted, ConnectionError):
            self.close_connection = True

    def _respond(
        self,
        route: _Route,
        *,
        send_body: bool,
        abort: threading.Event,
        finish: Callable[[], None],
    ) -> None:
        if route.delay and abort.wait(route.delay):
            raise _Aborted
        chunked = "chunked" in (route.header("transfer-encoding") or "").lower()
        self.send_response(route.status)
        for name, value in route.headers:
            self.send_header(name, value)
        if not chunked and route.header("content-length") is None:
            self.send_header("Content-Length", str(len(route.body)))
        frames = self._frames(route, chunked=chunked) if send_body else []
        if route.status in _BODILESS:
            frames = []
        if not frames:
            finish()
        self.end_headers()
        pause = route.drip[1] if route.drip else 0.0
        for number, frame in enumerate(frames):
            if number and pause and abort.wait(pause):
                raise _Aborted
            if number == len(frames) - 1:
                finish()
            self.wfile.write(frame)
            self.wfile.flush()

    @staticmethod
    def _frames(route: _Route, *, chunked: bool) -> list[bytes]:
        size = route.drip[0] if route.drip else max(len(route.body), 1)
        pieces = [route.body[i : i + size] for i in range(0, len(route.body), size)]
        if not chunked:
            return pieces
        return [b"%x\r\n%s\r\n" % (len(p), p) for p in pieces] + [b"0\r\n\r\n"]


_SERVER_KEY = pytest.StashKey[FeedServer]()


@pytest.fixture(name="feed_server")
def feed_server_fixture(request: pytest.FixtureRequest) -> FeedServer:
    """The session's one loopback server, with no routes and no recorded requests yet.

    The server lives in the session's stash rather than in a session-scoped fixture so that
    test modules need to import this one fixture only.
    """
    server = request.config.stash.get(_SERVER_KEY, None)
    if server is None:
        server = FeedServer()
        server.start()
        request.config.stash[_SERVER_KEY] = server
        request.config.add_cleanup(server.stop)
    server.reset()
    return server
