"""Articles keep a publication date they gave but that was not believed (a year 9999, a
month 13), as written, so that ``monitor explain`` can say why the fetch time orders them.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("published_dropped", sa.String(64), nullable=True))


def downgrade() -> None:
    op.drop_column("articles", "published_dropped")
