from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from monitor.sources.feed import FeedError, entry_key, parse_feed
from monitor.sources.google_news import search_feed_url
from monitor.sources.schedule import MAX_BACKOFF, after_failure, after_success, first_poll

FEEDS = Path(__file__).parent / "data" / "feeds"
XML = {"content-type": "application/rss+xml"}


def parse(name: str, headers: dict[str, str] = XML) -> list:
    body = (FEEDS / name).read_bytes()
    return parse_feed(body, source="s", url="https://feeds.example.org/x", headers=headers).entries


def test_rss20_entries_have_text_titles_summaries_and_utc_dates() -> None:
    first, second = parse("rss20.xml")
    assert first.title == "Rail yard satellite images show more freight cars"
    assert first.summary == "Analysts counted roughly 70 freight cars near the border crossing."
    assert first.published_at == datetime(2024, 3, 11, 23, 30, tzinfo=UTC)
    assert first.guid == "gazette-8812"
    assert first.key == entry_key(guid="gazette-8812", url=first.url)
    assert second.url == "https://gazette.example.org/2024/03/briefing"


def test_atom_entry_carries_its_full_content() -> None:
    (entry,) = parse("atom.xml", {"content-type": "application/atom+xml"})
    assert entry.url == "https://desk.example.net/articles/rajin-port"
    assert entry.published_at == datetime(2024, 4, 14, 3, 0, tzinfo=UTC)
    assert "doubled since autumn, officials said" in entry.content


def test_rss10_and_rss091() -> None:
    (wire,) = parse("rss10.xml")
    assert (wire.title, wire.published_at) == (
        "Envoy visits Pyongyang",
        datetime(2024, 2, 5, 9, 0, tzinfo=UTC),
    )
    (old,) = parse("rss091.xml", {"content-type": "text/xml"})
    assert old.title == "Café talks resume in Genève"
    assert old.guid is None and old.key == entry_key(guid=None, url=old.url)


def test_repeated_guids_fall_back_to_links_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    body = (FEEDS / "duplicate-guids.xml").read_bytes()
    parsed = parse_feed(
        body, source="careless", url="https://careless.example.org/rss", headers=XML
    )
    assert len({entry.key for entry in parsed.entries}) == 3
    assert all(entry.guid is None for entry in parsed.entries)
    assert any("repeats GUIDs" in warning for warning in parsed.warnings)
    assert "repeats GUIDs" in caplog.text


def test_a_truncated_feed_keeps_what_it_could_read() -> None:
    body = (FEEDS / "truncated.xml").read_bytes()
    parsed = parse_feed(body, source="cut", url="https://cut.example.org/rss", headers=XML)
    assert [entry.title for entry in parsed.entries][:1] == ["Complete item"]
    assert parsed.warnings and "not well-formed" in parsed.warnings[0]


def test_garbage_is_a_feed_error() -> None:
    with pytest.raises(FeedError, match="not a readable feed"):
        parse("garbage.xml", {"content-type": "text/html"})


def test_google_news_search_url() -> None:
    url = search_feed_url('"North Korea" artillery', language="en", region="gb")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "news.google.com", "/rss/search")
    assert parse_qs(parts.query) == {
        "q": ['"North Korea" artillery'],
        "hl": ["en-GB"],
        "gl": ["GB"],
        "ceid": ["GB:en"],
    }


NOW = datetime(2024, 4, 14, 12, 0, tzinfo=UTC)


def test_success_keeps_the_interval_within_jitter() -> None:
    rng = random.Random(7)
    delays = [(after_success(NOW, 600, rng) - NOW).total_seconds() for _ in range(200)]
    assert 540 <= min(delays) < max(delays) <= 660


def test_many_new_sources_spread_over_a_minute_and_a_lone_one_starts_at_once() -> None:
    rng = random.Random(7)
    starts = {first_poll(NOW, 600, rng, new_sources=50) for _ in range(50)}
    assert len(starts) == 50 and all(NOW <= s <= NOW + timedelta(seconds=60) for s in starts)
    assert max(starts) - min(starts) > timedelta(seconds=30)
    assert first_poll(NOW, 600, rng, new_sources=1) <= NOW + timedelta(seconds=2)


def test_failures_back_off_exponentially_up_to_the_cap_and_never_stop() -> None:
    rng = random.Random(7)
    delays = [(after_failure(NOW, 600, n, rng) - NOW).total_seconds() for n in range(1, 12)]
    assert 540 <= delays[0] <= 660
    assert 1080 <= delays[1] <= 1320
    assert all(d <= MAX_BACKOFF * 1.1 for d in delays)
    assert delays[-1] >= MAX_BACKOFF * 0.9
    assert (after_failure(NOW, 600, 10_000, rng) - NOW).total_seconds() <= MAX_BACKOFF * 1.1


def test_retry_after_is_honoured_when_longer() -> None:
    rng = random.Random(7)
    assert after_failure(NOW, 60, 1, rng, retry_after=3600) == NOW + timedelta(seconds=3600)


def test_implausible_feed_dates_are_not_believed() -> None:
    # A date no article has is no date: the fetch time then stands in, so a backdated or
    # far-future entry cannot claim to be a story's first report.
    ahead = (datetime.now(UTC) + timedelta(days=30)).strftime("%a, %d %b %Y %H:%M:%S GMT")
    items = [
        ("year-9999", "Mon, 01 Jan 9999 00:00:00 GMT"),
        ("year-1", "0001-01-01T00:00:00Z"),
        ("month-13", "2024-13-45T25:61:61Z"),
        ("next-month", ahead),
        ("fine", "Mon, 11 Mar 2024 23:30:00 GMT"),
    ]
    body = "".join(
        f"<item><title>{name}</title><link>https://a.example.org/{name}</link>"
        f"<guid>{name}</guid><pubDate>{date}</pubDate></item>"
        for name, date in items
    )
    feed = f"<rss version='2.0'><channel><title>t</title>{body}</channel></rss>".encode()
    entries = parse_feed(feed, source="s", url="https://a.example.org/feed", headers=XML).entries
    dates = {entry.title: entry.published_at for entry in entries}
    assert dates == {
        "year-9999": None,
        "year-1": None,
        "month-13": None,
        "next-month": None,
        "fine": datetime(2024, 3, 11, 23, 30, tzinfo=UTC),
    }
    # Kept as written, so that ``monitor explain`` can say which date was not believed.
    dropped = {entry.title: entry.published_dropped for entry in entries}
    assert dropped == {name: (None if name == "fine" else date) for name, date in items}


def test_implausible_page_dates_are_not_believed() -> None:
    from monitor.extraction.htmltext import parse_published

    assert parse_published("2024-03-11T23:30:00+00:00") == datetime(2024, 3, 11, 23, 30, tzinfo=UTC)
    assert parse_published("9999-01-01") is None
    assert parse_published("0001-01-01T00:00:00") is None
    assert parse_published("2024-13-45") is None
