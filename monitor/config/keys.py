"""The one table of configuration keys: every key, its kind and its default.

``config/monitor.example.toml`` documents each of them, and tests/test_config_documented.py
fails when a key here is missing there. Defaults are written as they would be in TOML.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor import __version__
from monitor.config import values as v
from monitor.figures.exclusions import SMALL_SPELLED_MAX


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: object = _Required()


@dataclass(frozen=True, slots=True)
class Key:
    """One configuration key; ``default`` is REQUIRED, None (optional) or a TOML value."""

    name: str
    kind: v.Kind
    default: object


MONITOR_KEYS = (
    Key("database_url", v.DATABASE_URL, "sqlite:///monitor.db"),
    Key("log_level", v.one_of("DEBUG", "INFO", "WARNING", "ERROR"), "INFO"),
    # The daemon's own Prometheus metrics (polls, fetch latency, ticks); 0 serves none.
    Key("metrics_port", v.whole_number(0), 0),
    Key("metrics_host", v.STRING, "127.0.0.1"),
)

FETCH_KEYS = (
    Key("timeout", v.duration("1s"), "20s"),
    Key("max_bytes", v.whole_number(1024), 5_000_000),
    Key("max_redirects", v.whole_number(0), 5),
    Key("concurrency", v.whole_number(1), 16),
    Key("per_host", v.whole_number(1), 2),
    # Politeness: requests to one host start at least this far apart.
    Key("host_interval", v.duration("1ms"), "250ms"),
    Key("respect_robots", v.BOOL, True),
    Key("allow_private_addresses", v.BOOL, False),
    Key("user_agent", v.STRING, f"figure-monitor/{__version__} (self-hosted news monitor)"),
)

FIGURES_KEYS = (
    Key("small_spelled_max", v.whole_number(0), SMALL_SPELLED_MAX),
    # {group: [word, ...]} in the file, flattened to {word: group}; it extends DEFAULT_SYNONYMS.
    Key("synonyms", v.SYNONYMS, {}),
)

RECHECK_KEYS = (
    # Fetch a stored article again when its feed entry changes (title, summary, content or
    # updated date): outlets edit a developing story in place.
    Key("on_feed_change", v.BOOL, True),
    # And on a schedule while it is young: every `every`, for `window` after publication.
    Key("window", v.duration("1m"), "48h"),
    Key("every", v.duration("1m"), "6h"),
    # At most this many scheduled rechecks per tick (0: none); the rest wait for the next.
    Key("per_tick", v.whole_number(0), 20),
)

HEALTH_KEYS = (
    # Operator alerts when a source keeps failing or goes silent, and when it is back. The
    # notifiers they go to; unset: every configured notifier; []: none.
    Key("notify", v.NAMES, None),
    # A source that failed this many polls in a row is failing.
    Key("failing_after", v.whole_number(1), 3),
    # A source is silent after this many of its usual gaps between new items (learned from
    # its last arrivals)...
    Key("silent_factor", v.whole_number(2), 4),
    # ...and never before this long without one.
    Key("silent_min", v.duration("1m"), "6h"),
)

SOURCE_COMMON_KEYS = (
    Key("name", v.NAME, REQUIRED),
    Key("type", v.one_of("rss", "google-news"), "rss"),
    # Polling a feed more often than once a minute gains nothing and gets clients blocked.
    Key("every", v.duration("1m"), "10m"),
    Key("fetch_all", v.BOOL, False),
)

SOURCE_TYPE_KEYS: dict[str, tuple[Key, ...]] = {
    "rss": (Key("url", v.HTTP_URL, REQUIRED),),
    "google-news": (
        Key("query", v.STRING, REQUIRED),
        Key("language", v.STRING, "en"),
        Key("region", v.STRING, "US"),
    ),
}

WATCH_KEYS = (
    Key("name", v.NAME, REQUIRED),
    Key("query", v.QUERY, REQUIRED),
    Key("notify", v.NAMES, []),
    Key("mode", v.one_of("instant", "digest"), "instant"),
    Key("digest_every", v.duration("1m"), "1h"),
    # Instant alerts beyond this many in an hour fold into the next digest; 0: no ceiling.
    Key("max_per_hour", v.whole_number(0), 20),
    # The measures that alert (their figures are kept either way); empty: every measure.
    Key("measures", v.MEASURES, []),
)

NOTIFY_COMMON_KEYS = (Key("type", v.one_of("email", "slack", "webhook", "console"), REQUIRED),)

NOTIFY_TYPE_KEYS: dict[str, tuple[Key, ...]] = {
    "email": (
        Key("smtp_url", v.secret_url("smtp", "smtps"), REQUIRED),
        Key("from", v.EMAIL, REQUIRED),
        Key("to", v.EMAILS, REQUIRED),
        Key("subject_prefix", v.STRING, "[figure-monitor]"),
    ),
    # Plain http:// is allowed for local receivers (tests, a relay on the same host).
    "slack": (Key("webhook_url", v.secret_url("https", "http"), REQUIRED),),
    "webhook": (
        Key("url", v.secret_url("http", "https"), REQUIRED),
        Key("secret", v.SECRET, None),
    ),
    "console": (),
}
