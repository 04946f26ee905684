"""Initial schema: sources and their poll state, articles, entries seen, watch matches,
figures, alerts and the delivery outbox.

Revision ID: 0001
Revises:
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Written out here rather than imported from monitor.store, so this revision keeps meaning
# what it meant when the code it was written for changes. CHECK names are wrapped in op.f():
# Alembic applies the models' naming convention ("ck_<table>_<name>") to names it is given.
NAME = sa.String(200)
KIND = sa.String(32)
HASH = sa.String(64)


def _timestamp(name: str, *, nullable: bool) -> sa.Column[object]:
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def _lease() -> list[sa.Column[object]]:
    return [
        sa.Column("lease_owner", NAME, nullable=True),
        _timestamp("lease_expires_at", nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", NAME, nullable=False),
        sa.Column("type", KIND, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        _timestamp("created_at", nullable=False),
        _timestamp("next_poll_at", nullable=True),
        _timestamp("last_polled_at", nullable=True),
        _timestamp("last_success_at", nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("failure_count", sa.Integer(), nullable=False),
        sa.Column("last_error_kind", KIND, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        *_lease(),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("name", name="uq_sources_name"),
    )
    op.create_index("ix_sources_next_poll_at", "sources", ["next_poll_at"])

    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("url_hash", HASH, nullable=False),
        sa.Column("text_hash", HASH, nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("site", sa.String(255), nullable=True),
        sa.Column("language", sa.String(16), nullable=True),
        _timestamp("published_at", nullable=True),
        _timestamp("fetched_at", nullable=False),
        sa.Column("content_origin", KIND, nullable=False),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("duplicate_kind", sa.String(8), nullable=True),
        sa.Column("duplicate_score", sa.Float(), nullable=True),
        sa.CheckConstraint(
            "duplicate_kind IN ('url', 'text', 'near')", name=op.f("ck_articles_duplicate_kind")
        ),
        sa.ForeignKeyConstraint(
            ["duplicate_of"],
            ["articles.id"],
            name="fk_articles_duplicate_of_articles",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
    )
    op.create_index("ix_articles_url_hash", "articles", ["url_hash"])
    op.create_index("ix_articles_text_hash", "articles", ["text_hash"])
    op.create_index("ix_articles_published_at", "articles", ["published_at"])
    op.create_index("ix_articles_duplicate_of", "articles", ["duplicate_of"])

    op.create_table(
        "source_entries",
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("entry_key", HASH, nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=True),
        sa.Column("outcome", KIND, nullable=False),
        _timestamp("seen_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name="fk_source_entries_source_id_sources",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_source_entries_article_id_articles",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("source_id", "entry_key", name="pk_source_entries"),
    )
    op.create_index("ix_source_entries_article_id", "source_entries", ["article_id"])

    op.create_table(
        "watch_matches",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("watch", NAME, nullable=False),
        _timestamp("matched_at", nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_watch_matches_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "watch", name="pk_watch_matches"),
    )
    op.create_index("ix_watch_matches_watch", "watch_matches", ["watch"])

    op.create_table(
        "figures",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("watch", NAME, nullable=False),
        sa.Column("measure", sa.String(300), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("low", sa.Float(), nullable=False),
        sa.Column("high", sa.Float(), nullable=False),
        sa.Column("qualifier", KIND, nullable=False),
        sa.Column("unit", KIND, nullable=False),
        sa.Column("thing", sa.Text(), nullable=False),
        sa.Column("sentence", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        _timestamp("created_at", nullable=False),
        sa.CheckConstraint(
            "status IN ('new_measure', 'changed_figure', 'repeat')", name=op.f("ck_figures_status")
        ),
        sa.CheckConstraint(
            "qualifier IN ('exact', 'about', 'at_least', 'more_than', 'up_to', 'almost',"
            " 'range', 'vague')",
            name=op.f("ck_figures_qualifier"),
        ),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name="fk_figures_article_id_articles",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_figures"),
    )
    op.create_index("ix_figures_article_id", "figures", ["article_id"])
    op.create_index("ix_figures_watch_measure", "figures", ["watch", "measure"])

    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("figure_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("watch", NAME, nullable=False),
        sa.Column("measure", sa.String(300), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        _timestamp("created_at", nullable=False),
        sa.CheckConstraint(
            "kind IN ('new_measure', 'changed_figure')", name=op.f("ck_alerts_kind")
        ),
        sa.ForeignKeyConstraint(
            ["figure_id"],
            ["figures.id"],
            name="fk_alerts_figure_id_figures",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_alerts"),
        sa.UniqueConstraint("figure_id", name="uq_alerts_figure_id"),
    )
    op.create_index("ix_alerts_watch", "alerts", ["watch"])

    op.create_table(
        "deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("alert_id", sa.Integer(), nullable=False),
        sa.Column("notifier", NAME, nullable=False),
        sa.Column("idempotency_key", HASH, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        _timestamp("next_attempt_at", nullable=False),
        sa.Column("last_error_kind", KIND, nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        _timestamp("sent_at", nullable=True),
        *_lease(),
        sa.CheckConstraint(
            "status IN ('pending', 'sent', 'failed')", name=op.f("ck_deliveries_status")
        ),
        sa.ForeignKeyConstraint(
            ["alert_id"],
            ["alerts.id"],
            name="fk_deliveries_alert_id_alerts",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_deliveries"),
        sa.UniqueConstraint("alert_id", "notifier", name="uq_deliveries_alert_id_notifier"),
        sa.UniqueConstraint("idempotency_key", name="uq_deliveries_idempotency_key"),
    )
    op.create_index(
        "ix_deliveries_status_next_attempt_at", "deliveries", ["status", "next_attempt_at"]
    )


def downgrade() -> None:
    # Children before parents; dropping a table drops its indexes on both engines.
    for table in (
        "deliveries",
        "alerts",
        "figures",
        "watch_matches",
        "source_entries",
        "articles",
        "sources",
    ):
        op.drop_table(table)
