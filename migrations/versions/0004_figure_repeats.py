"""Figures keep their rate, scope and the earlier figure a repeat corroborates; articles record
when their figures were decided.

Articles stored before this revision have no decision time: the figures stage takes them as
pending and decides them, in publication order, like any new article.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_REPEAT_OF_FK = "fk_figures_repeat_of_figures"
# What a copy of the figures table would delete by cascade on SQLite; parents first.
_FIGURE_DEPENDENTS = ("alerts", "deliveries")


def upgrade() -> None:
    op.add_column("figures", sa.Column("rate", sa.String(64), nullable=True))
    op.add_column("figures", sa.Column("scope", sa.Text(), nullable=True))
    with _alerts_kept(), op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("repeat_of", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            _REPEAT_OF_FK, "figures", ["repeat_of"], ["id"], ondelete="SET NULL"
        )
    op.create_index(op.f("ix_figures_repeat_of"), "figures", ["repeat_of"])
    op.add_column(
        "articles", sa.Column("figures_decided_at", sa.DateTime(timezone=True), nullable=True)
    )
    op.create_index(op.f("ix_articles_figures_decided_at"), "articles", ["figures_decided_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_figures_decided_at"), table_name="articles")
    # Not batch mode: a copy of articles would cascade to everything that belongs to one.
    # SQLite (3.35+) drops a plain column in place.
    op.drop_column("articles", "figures_decided_at")
    op.drop_index(op.f("ix_figures_repeat_of"), table_name="figures")
    with _alerts_kept(), op.batch_alter_table("figures") as batch:
        batch.drop_constraint(_REPEAT_OF_FK, type_="foreignkey")
        batch.drop_column("repeat_of")
        batch.drop_column("scope")
        batch.drop_column("rate")


@contextmanager
def _alerts_kept() -> Iterator[None]:
    """Keep alerts and their deliveries while batch mode copies the figures table on SQLite.

    Batch mode drops the old table, and SQLite (foreign keys on, which a transaction cannot turn
    off) deletes what references it by cascade: every alert, and with them every delivery.
    A foreign key cannot be added in place there (a REFERENCES of ADD COLUMN is not reflected
    with its name and ON DELETE, so a later batch copy would lose them), hence the copy.
    """
    if op.get_bind().dialect.name != "sqlite":
        yield
        return
    for table in _FIGURE_DEPENDENTS:
        op.execute(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    yield
    for table in _FIGURE_DEPENDENTS:
        op.execute(f"INSERT INTO {table} SELECT * FROM kept_{table}")
        op.execute(f"DROP TABLE kept_{table}")
