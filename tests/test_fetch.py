"""The fetcher against a real loopback server: limits, redirects, addresses, robots, charsets."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from datetime import UTC, datetime
from typing import Any

import pytest

from monitor.config.settings import FetchSettings
from monitor.errors import FetchError
from monitor.fetch import Fetcher, parse_retry_after
from monitor.fetching.addresses import is_special
from monitor.model import Page
from tests.servers import FeedServer

USER_AGENT = "figure-monitor-test/0.1 (+https://example.org/monitor)"
LOOPBACK = (ipaddress.ip_network("127.0.0.1/32"),)
HTML = "text/html; charset=utf-8"


def make_settings(**overrides: Any) -> FetchSettings:
    values: dict[str, Any] = {
        "timeout": 5.0,
        "max_bytes": 100_000,
        "max_redirects": 5,
        "concurrency": 8,
        "per_host": 2,
        "host_interval": 0.0,
        "respect_robots": False,
        "allow_private_addresses": False,
        "user_agent": USER_AGENT,
    }
    values.update(overrides)
    return FetchSettings(**values)


async def fetch(url: str, settings: FetchSettings | None = None, **options: Any) -> Page:
    async with Fetcher(settings or make_settings(), allowed_networks=LOOPBACK) as fetcher:
        return await fetcher.get(url, **options)


async def fetch_error(
    url: str, settings: FetchSettings | None = None, **options: Any
) -> FetchError:
    with pytest.raises(FetchError) as caught:
        await fetch(url, settings, **options)
    return caught.value


def html(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body><p>{body}</p></body></html>"


# --- answers and charsets ---


async def test_html_page_decoded_by_header_charset(feed_server: FeedServer) -> None:
    body = html("Пять миллионов снарядов").encode("utf-8")
    feed_server.route("/page", headers={"Content-Type": "text/html; charset=UTF-8"}, body=body)

    page = await fetch(feed_server.url("/page"))

    assert page.status == 200
    assert page.url == page.final_url == feed_server.url("/page")
    assert page.body == body
    assert "Пять миллионов снарядов" in page.text
    assert page.charset == "utf-8"
    assert page.content_type == "text/html"
    assert page.headers["content-type"] == "text/html; charset=UTF-8"
    assert all(name == name.lower() for name in page.headers)


async def test_meta_charset_used_when_header_has_none(feed_server: FeedServer) -> None:
    document = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head>'
        "<body><p>Пхеньян отправил в Россию пять миллионов снарядов.</p></body></html>"
    )
    feed_server.route(
        "/ru", headers={"Content-Type": "text/html"}, body=document.encode("windows-1251")
    )

    page = await fetch(feed_server.url("/ru"))

    assert page.text == document
    assert page.charset == "cp1251"


async def test_meta_http_equiv_charset(feed_server: FeedServer) -> None:
    document = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body>Größe</body></html>"
    )
    feed_server.route("/de", headers={"Content-Type": "text/html"}, body=document.encode("latin-1"))

    page = await fetch(feed_server.url("/de"))

    assert page.text == document
    assert page.charset == "iso8859-1"


async def test_wrong_declared_charset_falls_back_to_detection(feed_server: FeedServer) -> None:
    text = (
        "Le chef a préparé une crème brûlée délicieuse pour les invités. Après le dîner, "
        "nous sommes allés au théâtre voir une pièce très émouvante. La soirée était "
        "magnifique et tout le monde était ravi. Demain, nous visiterons le château et le "
        "musée près de la rivière, où les élèves étudient l'histoire."
    )
    feed_server.route("/fr", headers={"Content-Type": HTML}, body=html(text).encode("latin-1"))

    page = await fetch(feed_server.url("/fr"))

    assert text in page.text
    assert page.charset != "utf-8"


async def test_body_no_charset_decodes_is_a_decode_error(feed_server: FeedServer) -> None:
    feed_server.route("/binary", headers={"Content-Type": HTML}, body=bytes(range(256)) * 4)

    error = await fetch_error(feed_server.url("/binary"))

    assert error.kind == "decode"


async def test_not_modified_answer_is_a_page_with_status_304(feed_server: FeedServer) -> None:
    feed_server.route("/feed.xml", status=304, headers={"ETag": '"v1"'})

    page = await fetch(
        feed_server.url("/feed.xml"), headers={"If-None-Match": '"v1"'}, expect_html=False
    )

    assert page.status == 304
    assert page.body == b""
    assert page.text == ""
    assert page.headers["etag"] == '"v1"'
    assert feed_server.requests[0].headers["if-none-match"] == '"v1"'


async def test_too_many_requests_carries_retry_after(feed_server: FeedServer) -> None:
    feed_server.route("/busy", status=429, headers={"Retry-After": "120"}, body=b"slow down")

    error = await fetch_error(feed_server.url("/busy"))

    assert (error.kind, error.status, error.retry_after) == ("http_status", 429, 120.0)


async def test_server_error_is_http_status(feed_server: FeedServer) -> None:
    feed_server.route("/broken", status=500, body=b"oops")

    error = await fetch_error(feed_server.url("/broken"))

    assert (error.kind, error.status, error.retry_after) == ("http_status", 500, None)


async def test_unknown_path_is_http_status_404(feed_server: FeedServer) -> None:
    error = await fetch_error(feed_server.url("/nowhere"))

    assert (error.kind, error.status) == ("http_status", 404)


def test_retry_after_as_http_date() -> None:
    now = datetime(2015, 10, 21, 7, 26, tzinfo=UTC)

    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT", now=now) == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:00:00 GMT", now=now) == 0.0
    assert parse_retry_after("soon", now=now) is None
    assert parse_retry_after(None) is None


async def test_json_is_not_html(feed_server: FeedServer) -> None:
    feed_server.route("/api", headers={"Content-Type": "application/json"}, body=b'{"a": 1}')

    error = await fetch_error(feed_server.url("/api"))

    assert error.kind == "not_html"


async def test_json_is_fine_when_html_is_not_expected(feed_server: FeedServer) -> None:
    feed_server.route("/api", headers={"Content-Type": "application/json"}, body=b'{"a": 1}')

    page = await fetch(feed_server.url("/api"), expect_html=False)

    assert (page.content_type, page.text) == ("application/json", '{"a": 1}')


async def test_html_without_content_type_is_accepted(feed_server: FeedServer) -> None:
    feed_server.route("/bare", body=html("plain").encode())

    page = await fetch(feed_server.url("/bare"))

    assert "plain" in page.text
    assert page.content_type == ""


async def test_text_without_content_type_is_not_html(feed_server: FeedServer) -> None:
    feed_server.route("/bare", body=b"just some text")

    error = await fetch_error(feed_server.url("/bare"))

    assert error.kind == "not_html"


# --- limits: time, size, redirects ---


async def test_slowly_dripping_body_hits_the_total_deadline(feed_server: FeedServer) -> None:
    # Each piece comes well within the read timeout; only a deadline over the whole
    # request stops a body that would take ten seconds.
    feed_server.route("/slow", headers={"Content-Type": HTML}, body=b"x" * 50, drip=(2, 0.4))

    error = await fetch_error(feed_server.url("/slow"), make_settings(timeout=1.0))

    assert error.kind == "timeout"


async def test_body_larger_than_declared_limit_is_refused(feed_server: FeedServer) -> None:
    feed_server.route("/big", headers={"Content-Type": HTML}, body=b"x" * 5_000)

    error = await fetch_error(feed_server.url("/big"), make_settings(max_bytes=1_000))

    assert error.kind == "too_large"
    feed_server.wait_for(1)
    assert feed_server.paths() == ["/big"]


async def test_undeclared_body_is_cut_off_at_the_limit(feed_server: FeedServer) -> None:
    # Chunked, without Content-Length, and dripping: read to the end, it would outlast the
    # deadline and fail as a timeout; stopped at the limit, it is too large.
    feed_server.route(
        "/big",
        headers={"Content-Type": HTML, "Transfer-Encoding": "chunked"},
        body=b"x" * 200_000,
        drip=(1_000, 0.05),
    )

    error = await fetch_error(feed_server.url("/big"), make_settings(max_bytes=1_500, timeout=3))

    assert error.kind == "too_large"
    assert feed_server.paths() == ["/big"]


async def test_chunked_body_within_limit_is_read(feed_server: FeedServer) -> None:
    body = html("chunks").encode()
    headers = {"Content-Type": HTML, "Transfer-Encoding": "chunked"}
    feed_server.route("/chunked", headers=headers, body=body, drip=(10, 0.0))

    page = await fetch(feed_server.url("/chunked"))

    assert page.body == body


async def test_redirects_are_followed(feed_server: FeedServer) -> None:
    feed_server.redirect("/old", "/older", status=301)
    feed_server.redirect("/older", feed_server.url("/new"))
    feed_server.route("/new", headers={"Content-Type": HTML}, body=html("moved").encode())

    page = await fetch(feed_server.url("/old"), make_settings(max_redirects=2))

    assert page.url == feed_server.url("/old")
    assert page.final_url == feed_server.url("/new")
    assert feed_server.paths() == ["/old", "/older", "/new"]


async def test_redirect_cycle_is_a_loop(feed_server: FeedServer) -> None:
    feed_server.redirect("/a", "/b")
    feed_server.redirect("/b", "/a")

    error = await fetch_error(feed_server.url("/a"))

    assert error.kind == "redirect_loop"
    assert feed_server.paths() == ["/a", "/b"]


async def test_redirect_chain_longer_than_allowed_is_a_loop(feed_server: FeedServer) -> None:
    for n in range(4):
        feed_server.redirect(f"/r{n}", f"/r{n + 1}")
    feed_server.route("/r4", headers={"Content-Type": HTML}, body=html("end").encode())

    error = await fetch_error(feed_server.url("/r0"), make_settings(max_redirects=2))

    assert error.kind == "redirect_loop"
    assert feed_server.paths() == ["/r0", "/r1", "/r2"]


async def test_redirect_to_another_scheme_is_refused(feed_server: FeedServer) -> None:
    feed_server.redirect("/ftp", "ftp://127.0.0.1/file")
    feed_server.redirect("/local", "file:///etc/passwd")

    error = await fetch_error(feed_server.url("/ftp"))
    local = await fetch_error(feed_server.url("/local"))

    # Permanent: asking again would be refused again, so it is no network error to retry.
    assert (error.kind, local.kind) == ("bad_url", "bad_url")
    assert "only http and https" in str(local)


# --- addresses ---


async def test_redirect_to_an_address_outside_the_allowed_network(
    feed_server: FeedServer,
) -> None:
    feed_server.redirect("/go", f"http://127.0.0.2:{feed_server.port}/target")

    error = await fetch_error(feed_server.url("/go"))

    assert error.kind == "private_address"
    assert feed_server.paths() == ["/go"]


async def test_loopback_refused_when_private_addresses_are_not_allowed(
    feed_server: FeedServer,
) -> None:
    feed_server.route("/page", headers={"Content-Type": HTML}, body=html("hidden").encode())

    async with Fetcher(make_settings(respect_robots=True)) as fetcher:
        with pytest.raises(FetchError) as caught:
            await fetcher.get(feed_server.url("/page"))

    assert caught.value.kind == "private_address"
    assert feed_server.requests == []


async def test_private_addresses_allowed_by_configuration(feed_server: FeedServer) -> None:
    feed_server.route("/page", headers={"Content-Type": HTML}, body=html("local").encode())

    async with Fetcher(make_settings(allow_private_addresses=True)) as fetcher:
        page = await fetcher.get(feed_server.url("/page"))

    assert "local" in page.text


async def test_ipv6_loopback_literal_refused() -> None:
    error = await fetch_error("http://[::1]:9/page")

    assert error.kind == "private_address"


@pytest.mark.parametrize(
    ("address", "special"),
    [
        ("127.0.0.2", True),
        ("10.1.2.3", True),
        ("169.254.169.254", True),
        ("100.64.0.1", True),
        ("224.0.0.1", True),
        ("0.0.0.0", True),
        ("::ffff:127.0.0.1", True),
        ("fe80::1", True),
        ("93.184.215.14", False),
        ("2606:2800:21f:cb07:6820:80da:af6b:8b2c", False),
    ],
)
def test_special_addresses(address: str, special: bool) -> None:
    assert is_special(ipaddress.ip_address(address)) is special


async def test_connection_refused_is_a_network_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    error = await fetch_error(f"http://127.0.0.1:{port}/")

    assert error.kind == "network"


# --- robots.txt ---

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


async def test_robots_txt_denies_and_allows(feed_server: FeedServer) -> None:
    feed_server.route("/robots.txt", headers={"Content-Type": "text/plain"}, body=ROBOTS)
    for path in ("/private/report", "/news/1", "/news/2"):
        feed_server.route(path, headers={"Content-Type": HTML}, body=html(path).encode())
    settings = make_settings(respect_robots=True)

    async with Fetcher(settings, allowed_networks=LOOPBACK) as fetcher:
        # Concurrent first requests to a site still share one robots.txt fetch.
        denied, *pages = await asyncio.gather(
            *(fetcher.get(feed_server.url(p)) for p in ("/private/report", "/news/1", "/news/2")),
            return_exceptions=True,
        )
        again = await fetcher.get(feed_server.url("/news/1"))

    assert isinstance(denied, FetchError)
    assert denied.kind == "robots_denied"
    assert [p.status for p in pages if isinstance(p, Page)] == [200, 200]
    assert again.status == 200
    paths = feed_server.paths()
    assert paths.count("/robots.txt") == 1
    assert "/private/report" not in paths


async def test_check_robots_false_skips_robots_txt(feed_server: FeedServer) -> None:
    feed_server.route("/robots.txt", body=b"User-agent: *\nDisallow: /\n")
    feed_server.route("/feed.xml", headers={"Content-Type": "application/rss+xml"}, body=b"<rss/>")

    page = await fetch(
        feed_server.url("/feed.xml"),
        make_settings(respect_robots=True),
        expect_html=False,
        check_robots=False,
    )

    assert page.status == 200
    assert feed_server.paths() == ["/feed.xml"]


@pytest.mark.parametrize("robots_status", [404, 503])
async def test_robots_txt_missing_or_failing_allows_all(
    feed_server: FeedServer, robots_status: int
) -> None:
    feed_server.route("/robots.txt", status=robots_status)
    feed_server.route("/page", headers={"Content-Type": HTML}, body=html("ok").encode())

    page = await fetch(feed_server.url("/page"), make_settings(respect_robots=True))

    assert page.status == 200
    assert feed_server.paths() == ["/robots.txt", "/page"]


# --- politeness ---


async def test_one_request_per_host_at_a_time(feed_server: FeedServer) -> None:
    for path in ("/slow/1", "/slow/2"):
        feed_server.route(path, headers={"Content-Type": HTML}, body=html(path).encode(), delay=0.3)
    settings = make_settings(per_host=1, concurrency=4)

    async with Fetcher(settings, allowed_networks=LOOPBACK) as fetcher:
        await asyncio.gather(
            fetcher.get(feed_server.url("/slow/1")), fetcher.get(feed_server.url("/slow/2"))
        )

    first, second = sorted(feed_server.requests, key=lambda r: r.started)
    assert first.finished is not None
    assert first.finished < second.started


async def test_user_agent_and_accept_headers(feed_server: FeedServer) -> None:
    feed_server.route("/page", headers={"Content-Type": HTML}, body=html("hi").encode())
    feed_server.route("/feed.xml", headers={"Content-Type": "application/rss+xml"}, body=b"<rss/>")

    async with Fetcher(make_settings(), allowed_networks=LOOPBACK) as fetcher:
        await fetcher.get(feed_server.url("/page"), headers={"User-Agent": "Mozilla/5.0"})
        await fetcher.get(feed_server.url("/feed.xml"), expect_html=False)

    page, feed = feed_server.requests
    assert page.headers["user-agent"] == feed.headers["user-agent"] == USER_AGENT
    assert page.headers["accept"].startswith("text/html")
    assert "application/rss+xml" in feed.headers["accept"]


async def test_fetcher_must_be_open() -> None:
    fetcher = Fetcher(make_settings(allow_private_addresses=True))

    with pytest.raises(RuntimeError):
        await fetcher.get("http://127.0.0.1:9/")
