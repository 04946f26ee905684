"""Figures keep what their measure is made of (event, place), their role (current, or a past
value the text recalls) and the words that decided them; four statuses that never alert join
the three that may. An alert outlives its figure (`monitor replay` decides a watch again):
alerts.figure_id becomes nullable and is set to NULL when the figure goes.

Figures stored before this revision are current values with no event or place recorded;
`monitor replay WATCH` decides a watch's stored articles again under the new rules.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_OLD_STATUSES = ("new_measure", "changed_figure", "repeat")
_NEW_STATUSES = (*_OLD_STATUSES, "previous", "vague", "second_value", "headline")
# What a copy of the figures table would delete by cascade on SQLite; parents first.
_FIGURE_DEPENDENTS = ("alerts", "deliveries")
_ALERT_FIGURE_FK = "fk_alerts_figure_id_figures"


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


def upgrade() -> None:
    with _alerts_kept(), op.batch_alter_table("figures") as batch:
        batch.add_column(sa.Column("event", sa.String(32), nullable=True))
        batch.add_column(sa.Column("place", sa.String(200), nullable=True))
        batch.add_column(sa.Column("role", sa.String(16), nullable=False, server_default="current"))
        batch.add_column(sa.Column("evidence", sa.JSON(), nullable=True))
        batch.drop_constraint(op.f("ck_figures_status"), type_="check")
        batch.create_check_constraint(op.f("ck_figures_status"), _one_of("status", _NEW_STATUSES))
        batch.create_check_constraint(
            op.f("ck_figures_role"), _one_of("role", ("current", "previous"))
        )
    with _deliveries_kept(), op.batch_alter_table("alerts") as batch:
        batch.alter_column("figure_id", existing_type=sa.Integer(), nullable=True)
        batch.drop_constraint(_ALERT_FIGURE_FK, type_="foreignkey")
        batch.create_foreign_key(
            _ALERT_FIGURE_FK, "figures", ["figure_id"], ["id"], ondelete="SET NULL"
        )


def downgrade() -> None:
    op.execute("DELETE FROM alerts WHERE figure_id IS NULL")
    with _deliveries_kept(), op.batch_alter_table("alerts") as batch:
        batch.drop_constraint(_ALERT_FIGURE_FK, type_="foreignkey")
        batch.create_foreign_key(
            _ALERT_FIGURE_FK, "figures", ["figure_id"], ["id"], ondelete="CASCADE"
        )
        batch.alter_column("figure_id", existing_type=sa.Integer(), nullable=False)
    # The statuses an older version cannot read go: a past value was never stored before.
    op.execute(
        "DELETE FROM figures WHERE status IN ('previous', 'vague', 'second_value', 'headline')"
    )
    with _alerts_kept(), op.batch_alter_table("figures") as batch:
        batch.drop_constraint(op.f("ck_figures_role"), type_="check")
        batch.drop_constraint(op.f("ck_figures_status"), type_="check")
        batch.create_check_constraint(op.f("ck_figures_status"), _one_of("status", _OLD_STATUSES))
        batch.drop_column("evidence")
        batch.drop_column("role")
        batch.drop_column("place")
        batch.drop_column("event")


@contextmanager
def _alerts_kept() -> Iterator[None]:
    """Keep alerts and deliveries while batch mode copies the figures table on SQLite, whose
    cascade would otherwise delete them with the old table (see 0004)."""
    if op.get_bind().dialect.name != "sqlite":
        yield
        return
    for table in _FIGURE_DEPENDENTS:
        op.execute(f"CREATE TEMP TABLE kept_{table} AS SELECT * FROM {table}")
    yield
    for table in _FIGURE_DEPENDENTS:
        op.execute(f"INSERT INTO {table} SELECT * FROM kept_{table}")
        op.execute(f"DROP TABLE kept_{table}")


@contextmanager
def _deliveries_kept() -> Iterator[None]:
    """Keep deliveries while batch mode copies the alerts table on SQLite (see above)."""
    if op.get_bind().dialect.name != "sqlite":
        yield
        return
    op.execute("CREATE TEMP TABLE kept_deliveries AS SELECT * FROM deliveries")
    yield
    op.execute("INSERT INTO deliveries SELECT * FROM kept_deliveries")
    op.execute("DROP TABLE kept_deliveries")
