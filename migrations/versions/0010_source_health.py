"""Sources remember their health (ok, failing, silent) and since when, so the operator is told
of a change once (an index on entries' arrival times makes the judging cheap); alerts gain
the three kinds of the source-health alerts. Running daemons write a heartbeat, so
``/healthz`` can tell a live scheduler from a stalled one.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_FIGURE_KINDS = ("new_measure", "changed_figure")
_ALL_KINDS = (*_FIGURE_KINDS, "source_failing", "source_silent", "source_recovered")


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    # In place, no batch copy: a copy of sources on SQLite would cascade to their entries.
    op.add_column(
        "sources", sa.Column("health", sa.String(16), nullable=False, server_default="ok")
    )
    op.add_column("sources", sa.Column("health_since", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_source_entries_source_id_seen_at", "source_entries", ["source_id", "seen_at"]
    )
    with _deliveries_kept(), op.batch_alter_table("alerts") as batch:
        batch.drop_constraint(op.f("ck_alerts_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_alerts_kind"), _one_of("kind", _ALL_KINDS))
    op.create_table(
        "daemons",
        sa.Column("owner", sa.String(200), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_tick_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("owner", name=op.f("pk_daemons")),
    )


def downgrade() -> None:
    op.drop_table("daemons")
    op.execute("DELETE FROM alerts WHERE kind LIKE 'source_%'")
    with _deliveries_kept(), op.batch_alter_table("alerts") as batch:
        batch.drop_constraint(op.f("ck_alerts_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_alerts_kind"), _one_of("kind", _FIGURE_KINDS))
    op.drop_index("ix_source_entries_source_id_seen_at", table_name="source_entries")
    # Not batch mode either (see upgrade).
    op.drop_column("sources", "health_since")
    op.drop_column("sources", "health")


@contextmanager
def _deliveries_kept() -> Iterator[None]:
    """Keep deliveries while batch mode copies the alerts table on SQLite, whose cascade would
    otherwise delete them with the old table (see 0004)."""
    if op.get_bind().dialect.name != "sqlite":
        yield
        return
    op.execute("CREATE TEMP TABLE kept_deliveries AS SELECT * FROM deliveries")
    yield
    op.execute("INSERT INTO deliveries SELECT * FROM kept_deliveries")
    op.execute("DROP TABLE kept_deliveries")
