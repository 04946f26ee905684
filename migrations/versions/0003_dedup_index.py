"""The dedup indexes: URL keys, MinHash bands, sentence hashes and their parameters.

Articles stored before this revision have no index rows and the parameters row is absent, so
the daemon refuses to store more until `monitor dedup reindex` has built them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "article_urls",
        sa.Column("url_key", sa.BigInteger(), primary_key=True, autoincrement=False),
        sa.Column(
            "article_id",
            sa.Integer(),
            sa.ForeignKey(
                "articles.id", name=op.f("fk_article_urls_article_id_articles"), ondelete="CASCADE"
            ),
            nullable=False,
        ),
        sa.Column("url", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("url_key", name=op.f("pk_article_urls")),
    )
    op.create_index(op.f("ix_article_urls_article_id"), "article_urls", ["article_id"])
    for table, key in (("dedup_bands", "band_key"), ("dedup_sentences", "sentence_hash")):
        op.create_table(
            table,
            sa.Column(key, sa.BigInteger(), nullable=False, autoincrement=False),
            sa.Column(
                "article_id",
                sa.Integer(),
                sa.ForeignKey(
                    "articles.id", name=op.f(f"fk_{table}_article_id_articles"), ondelete="CASCADE"
                ),
                nullable=False,
                autoincrement=False,
            ),
            sa.PrimaryKeyConstraint(key, "article_id", name=op.f(f"pk_{table}")),
            sqlite_with_rowid=False,
        )
    op.create_table(
        "dedup_index",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("built_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dedup_index")),
    )


def downgrade() -> None:
    op.drop_table("dedup_index")
    op.drop_table("dedup_sentences")
    op.drop_table("dedup_bands")
    op.drop_index(op.f("ix_article_urls_article_id"), table_name="article_urls")
    op.drop_table("article_urls")
