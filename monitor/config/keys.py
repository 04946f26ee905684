"""The one table of configuration keys: every key, its kind, its default and what it is for.

``config/monitor.example.toml`` documents each of them; tests/test_config_documented.py fails
when a key here is missing there.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor import __version__
from monitor.config import values as v


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED: object = _Required()


@dataclass(frozen=True, slots=True)
class Key:
    """One configuration key."""

    name: str
    kind: v.Kind
    default: object
    help: str


MONITOR_KEYS = (
    Key("database_url", v.DATABASE_URL, "sqlite:///monitor.db", "SQLite file or PostgreSQL URL"),
    Key(
        "log_level",
        v.one_of("DEBUG", "INFO", "WARNING", "ERROR"),
        "INFO",
        "how much the daemon logs",
    ),
)

FETCH_KEYS = (
    Key("timeout", v.DURATION, "20s", "total time allowed for one request"),
    Key("max_bytes", v.whole_number(1024), 5_000_000, "largest response body read"),
    Key("max_redirects", v.whole_number(0), 5, "redirects followed before giving up"),
    Key("concurrency", v.whole_number(1), 16, "requests in flight at once"),
    Key("per_host", v.whole_number(1), 2, "requests in flight at once to one host"),
    Key("respect_robots", v.BOOL, True, "obey robots.txt"),
    Key(
        "allow_private_addresses",
        v.BOOL,
        False,
        "allow loopback and private targets (tests and the demo)",
    ),
    Key(
        "user_agent",
        v.STRING,
        f"figure-monitor/{__version__} (self-hosted news monitor)",
        "User-Agent header sent with every request",
    ),
)

SOURCE_COMMON_KEYS = (
    Key("name", v.STRING, REQUIRED, "unique name of the source"),
    Key("type", v.one_of("rss", "google-news"), "rss", "kind of source"),
    Key("every", v.DURATION, "10m", "poll interval"),
    Key("fetch_all", v.BOOL, False, "fetch every entry, not only those the watches pre-select"),
)

SOURCE_TYPE_KEYS: dict[str, tuple[Key, ...]] = {
    "rss": (Key("url", v.HTTP_URL, REQUIRED, "RSS or Atom feed URL"),),
    "google-news": (
        Key("query", v.STRING, REQUIRED, "Google News search terms"),
        Key("language", v.STRING, "en", "interface language (hl)"),
        Key("region", v.STRING, "US", "edition country (gl)"),
    ),
}

WATCH_KEYS = (
    Key("name", v.STRING, REQUIRED, "unique name of the watch"),
    Key("query", v.QUERY, REQUIRED, "boolean query matched against article text"),
    Key("notify", v.STRINGS, [], "names of [notify.NAME] tables to alert"),
    Key("mode", v.one_of("instant", "digest"), "instant", "alert at once or in digests"),
    Key("digest_every", v.DURATION, "1h", "digest interval when mode is digest"),
)

NOTIFY_COMMON_KEYS = (
    Key("type", v.one_of("email", "slack", "webhook", "console"), REQUIRED, "notifier kind"),
)

NOTIFY_TYPE_KEYS: dict[str, tuple[Key, ...]] = {
    "email": (
        Key("smtp_url", v.secret_url("smtp", "smtps"), REQUIRED, "smtp[s]://user:pass@host:port"),
        Key("from", v.EMAIL, REQUIRED, "sender address"),
        Key("to", v.EMAILS, REQUIRED, "recipient addresses"),
        Key("subject_prefix", v.STRING, "[figure-monitor]", "start of every subject line"),
    ),
    "slack": (
        Key("webhook_url", v.secret_url("https", "http"), REQUIRED, "Slack incoming webhook URL"),
    ),
    "webhook": (
        Key("url", v.secret_url("http", "https"), REQUIRED, "where the alert JSON is POSTed"),
        Key("secret", v.SECRET, None, "HMAC-SHA256 key for the signature header"),
    ),
    "console": (),
}
