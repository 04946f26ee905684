"""The database schema as SQLAlchemy 2 typed models.

Every "have we seen this?" question is an indexed lookup: an entry by (source, entry key), an
article by the hash of its canonical URL or of its text, a figure's measure by (watch, measure),
a due poll or delivery by its time. Enumerated columns are strings with CHECK constraints, not
database enums, so adding a value is a one-line migration on both engines.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    BigInteger,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from monitor.store.types import UTCDateTime, utc_now

# Named constraints let Alembic's batch mode on SQLite find and drop them later.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

DUPLICATE_KINDS = ("url", "text", "near")
# The first two alert; "previous" is a past value an article recalls, "vague" a vague amount
# that agrees with no earlier value, "headline" a figure of the headline that the body does
# not restate. "second_value" (another value of a measure the article already reported) is
# no longer given since 2026-12-06, but figures stored before keep it.
FIGURE_STATUSES = (
    "new_measure",
    "changed_figure",
    "repeat",
    "previous",
    "vague",
    "second_value",
    "headline",
)
FIGURE_ROLES = ("current", "previous")
QUALIFIERS = ("exact", "about", "at_least", "more_than", "up_to", "almost", "range", "vague")
# The figure alerts, then the operator's alerts on a source's health (monitor.alerts.sources).
ALERT_KINDS = (
    "new_measure",
    "changed_figure",
    "source_failing",
    "source_silent",
    "source_recovered",
)
# A source's health as the daemon last judged it; the operator was told of each change.
SOURCE_HEALTH = ("ok", "failing", "silent")
DELIVERY_STATUSES = ("pending", "sent", "failed")

NAME = String(200)
KIND = String(32)
HASH = String(64)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    listed = ", ".join(f"'{value}'" for value in values)
    return f"{column} IN ({listed})"


class Base(DeclarativeBase):
    metadata = metadata
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        str: Text(),
        dict[str, Any]: JSON(),
    }


class Source(Base):
    """A configured source and its poll state: validators, schedule, failures, lease."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(NAME, unique=True)
    type: Mapped[str] = mapped_column(KIND)
    url: Mapped[str]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    next_poll_at: Mapped[datetime | None] = mapped_column(index=True)
    last_polled_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    etag: Mapped[str | None]
    last_modified: Mapped[str | None]
    failure_count: Mapped[int] = mapped_column(default=0)
    last_error_kind: Mapped[str | None] = mapped_column(KIND)
    last_error: Mapped[str | None]
    lease_owner: Mapped[str | None] = mapped_column(NAME)
    lease_expires_at: Mapped[datetime | None]
    # One of SOURCE_HEALTH, and since when. No CHECK constraint: adding one would make
    # SQLite copy the table, and the copy would cascade-delete the source's entries.
    health: Mapped[str] = mapped_column(String(16), default="ok", server_default="ok")
    health_since: Mapped[datetime | None]


class Article(Base):
    """A stored document: its text, metadata and, for a copy, the article it duplicates."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint(_one_of("duplicate_kind", DUPLICATE_KINDS), name="duplicate_kind"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    url: Mapped[str]
    canonical_url: Mapped[str]
    # URLs can outgrow a PostgreSQL btree entry; their fixed-size hash is what gets indexed.
    url_hash: Mapped[str] = mapped_column(HASH, index=True)
    text_hash: Mapped[str | None] = mapped_column(HASH, index=True)
    title: Mapped[str | None]
    text: Mapped[str] = mapped_column(default="")
    author: Mapped[str | None]
    site: Mapped[str | None] = mapped_column(String(255))
    language: Mapped[str | None] = mapped_column(String(16))
    published_at: Mapped[datetime | None] = mapped_column(index=True)
    # A date the article gave that was not believed (monitor.published), as written.
    published_dropped: Mapped[str | None] = mapped_column(String(64))
    # Indexed for the recheck schedule: the young articles are the recently fetched ones.
    fetched_at: Mapped[datetime] = mapped_column(default=utc_now, index=True)
    content_origin: Mapped[str] = mapped_column(KIND, default="page")
    duplicate_of: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    duplicate_kind: Mapped[str | None] = mapped_column(String(8))
    duplicate_score: Mapped[float | None] = mapped_column(Float)
    # NULL until the figures stage has decided this article's figures (in publication order);
    # NULL again when a recheck finds the page changed, so the new version is decided.
    figures_decided_at: Mapped[datetime | None] = mapped_column(index=True)
    # Rechecks (monitor/recheck.py): the version the text is (1 for the first fetch), when it
    # was fetched if not first, the page's validators for a conditional GET, and the last look.
    version: Mapped[int] = mapped_column(default=1, server_default="1")
    updated_at: Mapped[datetime | None]
    page_etag: Mapped[str | None] = mapped_column(String(255))
    page_last_modified: Mapped[str | None] = mapped_column(String(64))
    rechecked_at: Mapped[datetime | None] = mapped_column(index=True)


class ArticleVersion(Base):
    """An earlier text of an article that its page has since replaced (an update, a
    correction); the current text is the article's own."""

    __tablename__ = "article_versions"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    fetched_at: Mapped[datetime]
    text_hash: Mapped[str | None] = mapped_column(HASH)
    title: Mapped[str | None]
    text: Mapped[str]


class ArticleUrl(Base):
    """A URL key of an article: its canonical URL, its page's declared one, the feed's link.

    Only articles that are not URL duplicates get keys, so a key leads straight to an original
    or a text or near copy.
    """

    __tablename__ = "article_urls"

    url_key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str]


class DedupBand(Base):
    """One MinHash band of an original article: the near-duplicate candidate index."""

    __tablename__ = "dedup_bands"
    # SQLite stores the key in the primary key's b-tree alone (no rowid copy): half the bytes.
    __table_args__ = ({"sqlite_with_rowid": False},)

    band_key: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


class DedupSentence(Base):
    """The hash of one long sentence of an original article: the containment index."""

    __tablename__ = "dedup_sentences"
    __table_args__ = ({"sqlite_with_rowid": False},)

    sentence_hash: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )


class DedupIndex(Base):
    """The one row saying which parameters the dedup indexes were built with."""

    __tablename__ = "dedup_index"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    params: Mapped[dict[str, Any]]
    built_at: Mapped[datetime] = mapped_column(default=utc_now)


class SourceEntry(Base):
    """A feed entry a source listed: processed (never again), or waiting for a retry."""

    __tablename__ = "source_entries"
    # A source's newest arrivals, for its usual gap (monitor.sources.health).
    __table_args__ = (Index("ix_source_entries_source_id_seen_at", "source_id", "seen_at"),)

    source_id: Mapped[int] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    entry_key: Mapped[str] = mapped_column(HASH, primary_key=True)
    url: Mapped[str]
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    outcome: Mapped[str] = mapped_column(KIND)
    # Why the page could not be used (a fetch error kind), when the text came from elsewhere
    # or the entry waits for another try (outcome "retry").
    error_kind: Mapped[str | None] = mapped_column(KIND)
    attempts: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    seen_at: Mapped[datetime] = mapped_column(default=utc_now)
    # What the feed said of it (title, summary, content, updated date), hashed: a change means
    # the article was edited, and its page is fetched again.
    entry_digest: Mapped[str | None] = mapped_column(HASH)


class WatchMatch(Base):
    """An article that a watch's query matched."""

    __tablename__ = "watch_matches"

    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    )
    watch: Mapped[str] = mapped_column(NAME, primary_key=True, index=True)
    matched_at: Mapped[datetime] = mapped_column(default=utc_now)


class Figure(Base):
    """One figure an article reports, its measure and the novelty decision with its reason."""

    __tablename__ = "figures"
    __table_args__ = (
        CheckConstraint(_one_of("status", FIGURE_STATUSES), name="status"),
        CheckConstraint(_one_of("qualifier", QUALIFIERS), name="qualifier"),
        CheckConstraint(_one_of("role", FIGURE_ROLES), name="role"),
        Index("ix_figures_watch_measure", "watch", "measure"),
        Index("ix_figures_family_watch", "family", "watch"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    watch: Mapped[str] = mapped_column(NAME)
    measure: Mapped[str] = mapped_column(String(300))
    # The measure without its place (figures.decide.family_of): where the same count given
    # with and without its place meet.
    family: Mapped[str | None] = mapped_column(String(300))
    value: Mapped[float] = mapped_column(Float)
    low: Mapped[float] = mapped_column(Float)
    high: Mapped[float] = mapped_column(Float)
    qualifier: Mapped[str] = mapped_column(KIND)
    unit: Mapped[str] = mapped_column(KIND, default="count")
    thing: Mapped[str]
    sentence: Mapped[str]
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    rate: Mapped[str | None] = mapped_column(String(64))
    scope: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str] = mapped_column(default="")
    # What the measure is made of: the event ("killed", a key of figures.lexicon.EVENTS) and
    # the place it counts in; the figure's role (current, or a past value the text recalls);
    # and the words that decided each part, for `monitor explain`.
    event: Mapped[str | None] = mapped_column(String(32))
    place: Mapped[str | None] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="current", server_default="current")
    evidence: Mapped[dict[str, Any] | None]
    # The earlier figure a repeat corroborates; NULL for a new or changed figure.
    repeat_of: Mapped[int | None] = mapped_column(
        ForeignKey("figures.id", ondelete="SET NULL"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utc_now)
    # The article version whose text the figure was read in (articles.version).
    version: Mapped[int] = mapped_column(default=1, server_default=text("1"))


class Alert(Base):
    """A new or changed figure worth telling people about; ``payload`` is the alert JSON.

    A source-health alert (kind "source_...") has no figure and no watch (""); its
    ``measure`` is the source's name."""

    __tablename__ = "alerts"
    __table_args__ = (CheckConstraint(_one_of("kind", ALERT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The figure it was raised for; NULL once that figure is decided again (`monitor replay`):
    # the alert is a record of what was sent, and its payload says it all.
    figure_id: Mapped[int | None] = mapped_column(
        ForeignKey("figures.id", ondelete="SET NULL"), unique=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    watch: Mapped[str] = mapped_column(NAME, index=True)
    measure: Mapped[str] = mapped_column(String(300))
    payload: Mapped[dict[str, Any]]
    created_at: Mapped[datetime] = mapped_column(default=utc_now)


class Delivery(Base):
    """The outbox: one row per alert and notifier, claimed, sent and retried independently."""

    __tablename__ = "deliveries"
    __table_args__ = (
        CheckConstraint(_one_of("status", DELIVERY_STATUSES), name="status"),
        UniqueConstraint("alert_id", "notifier"),
        Index("ix_deliveries_status_next_attempt_at", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alerts.id", ondelete="CASCADE"))
    notifier: Mapped[str] = mapped_column(NAME)
    idempotency_key: Mapped[str] = mapped_column(HASH, unique=True)
    # Waits for its watch's next digest instead of going out alone.
    digest: Mapped[bool] = mapped_column(default=False, server_default=false())
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utc_now)
    last_error_kind: Mapped[str | None] = mapped_column(KIND)
    last_error: Mapped[str | None]
    sent_at: Mapped[datetime | None]
    lease_owner: Mapped[str | None] = mapped_column(NAME)
    lease_expires_at: Mapped[datetime | None]


class Daemon(Base):
    """A running daemon's heartbeat: its scheduler writes it every few seconds, and its row
    goes when it stops cleanly. ``/healthz`` reads it; an old heartbeat is a stalled daemon."""

    __tablename__ = "daemons"

    owner: Mapped[str] = mapped_column(NAME, primary_key=True)
    started_at: Mapped[datetime]
    heartbeat_at: Mapped[datetime]
    last_tick_at: Mapped[datetime | None]  # when its last tick ended
