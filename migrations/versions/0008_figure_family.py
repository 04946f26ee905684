"""Figures keep their measure's family: the measure without its place ("people killed in
Tarnet" -> "people killed"). A value given with its place in one article and without it in
another is one report read two ways; the figures pass finds the other reading through this
column (``figures.decide.family_of``), indexed with the watch (family first: a lookup by
watch and measure keeps its own index).

Rows stored before this revision get their family from their measure and place, the way
``family_of`` derives it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("figures", sa.Column("family", sa.String(300), nullable=True))
    op.execute(
        "UPDATE figures SET family = CASE WHEN place IS NULL THEN measure"
        " ELSE replace(measure, ' in ' || place, '') END"
    )
    op.create_index(op.f("ix_figures_family_watch"), "figures", ["family", "watch"])


def downgrade() -> None:
    op.drop_index(op.f("ix_figures_family_watch"), table_name="figures")
    op.drop_column("figures", "family")
