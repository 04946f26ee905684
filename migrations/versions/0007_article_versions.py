"""Articles are rechecked: a page edited in place (a toll raised, a correction) becomes a new
version. Articles carry their version (and fetched_at gets an index: the recheck schedule
looks at the recently fetched ones), the page's validators for a conditional GET and when
they were last looked at; article_versions keeps the texts they replaced; figures say which
version they were read in; source entries keep a digest of what the feed said of them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "articles", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )
    op.add_column("articles", sa.Column("updated_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("articles", sa.Column("page_etag", sa.String(255), nullable=True))
    op.add_column("articles", sa.Column("page_last_modified", sa.String(64), nullable=True))
    op.add_column("articles", sa.Column("rechecked_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(op.f("ix_articles_rechecked_at"), "articles", ["rechecked_at"])
    op.create_index(op.f("ix_articles_fetched_at"), "articles", ["fetched_at"])
    op.create_table(
        "article_versions",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text_hash", sa.String(64), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_versions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "version", name=op.f("pk_article_versions")),
    )
    op.add_column(
        "figures", sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1"))
    )
    op.add_column("source_entries", sa.Column("entry_digest", sa.String(64), nullable=True))


def downgrade() -> None:
    # Plain ALTER TABLE ... DROP COLUMN (SQLite 3.35+): batch mode would copy the articles and
    # figures tables on SQLite, and the old tables' cascades would take their dependents.
    op.drop_column("source_entries", "entry_digest")
    op.drop_column("figures", "version")
    op.drop_table("article_versions")
    op.drop_index(op.f("ix_articles_fetched_at"), table_name="articles")
    op.drop_index(op.f("ix_articles_rechecked_at"), table_name="articles")
    for column in ("rechecked_at", "page_last_modified", "page_etag", "updated_at", "version"):
        op.drop_column("articles", column)
