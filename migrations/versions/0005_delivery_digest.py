"""Deliveries say whether they wait for a digest (a watch's digest mode, or an instant watch
past its hourly ceiling).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Added in place (no batch copy): a copy of deliveries on SQLite would gain nothing.
    op.add_column(
        "deliveries",
        sa.Column("digest", sa.Boolean(), nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("deliveries") as batch:
        batch.drop_column("digest")
