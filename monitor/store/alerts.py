"""Reading and reviving alerts: `monitor alerts` and `monitor alerts retry`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from monitor.store.tables import Alert, Delivery
from monitor.store.types import iso, utc_now


@dataclass(frozen=True, slots=True)
class DeliveryRow:
    id: int
    notifier: str
    status: str
    digest: bool
    attempts: int
    next_attempt_at: datetime | None
    sent_at: datetime | None
    last_error_kind: str | None
    last_error: str | None


@dataclass(frozen=True, slots=True)
class AlertRow:
    id: int
    kind: str
    watch: str
    measure: str
    created_at: datetime
    payload: dict[str, Any]
    deliveries: list[DeliveryRow] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        """The alert JSON of DESIGN.md, with its deliveries beside it."""
        return {
            **self.payload,
            "deliveries": [
                {
                    "id": d.id,
                    "notifier": d.notifier,
                    "status": d.status,
                    "digest": d.digest,
                    "attempts": d.attempts,
                    "next_attempt_at": iso(d.next_attempt_at) if d.status == "pending" else None,
                    "sent_at": iso(d.sent_at),
                    "last_error_kind": d.last_error_kind,
                    "last_error": d.last_error,
                }
                for d in self.deliveries
            ],
        }


def list_alerts(
    session: Session, *, status: str | None = None, limit: int = 100, before_id: int | None = None
) -> list[AlertRow]:
    """Return the newest alerts, or those with a delivery in ``status`` ("pending", "failed"),
    newest first; with ``before_id``, the next ones older than that alert (keyset pagination:
    ``monitor alerts --json`` reads every alert a page at a time)."""
    query = select(Alert).where(*_alerts_in(status)).order_by(Alert.id.desc())
    if before_id is not None:
        query = query.where(Alert.id < before_id)
    alerts = list(session.scalars(query.limit(limit)))
    deliveries: dict[int, list[DeliveryRow]] = {}
    if alerts:
        rows = session.scalars(
            select(Delivery)
            .where(Delivery.alert_id.in_([a.id for a in alerts]))
            .order_by(Delivery.notifier)
        )
        for row in rows:
            deliveries.setdefault(row.alert_id, []).append(
                DeliveryRow(
                    id=row.id,
                    notifier=row.notifier,
                    status=row.status,
                    digest=row.digest,
                    attempts=row.attempts,
                    next_attempt_at=row.next_attempt_at,
                    sent_at=row.sent_at,
                    last_error_kind=row.last_error_kind,
                    last_error=row.last_error,
                )
            )
    return [
        AlertRow(
            id=a.id,
            kind=a.kind,
            watch=a.watch,
            measure=a.measure,
            created_at=a.created_at,
            payload=dict(a.payload),
            deliveries=deliveries.get(a.id, []),
        )
        for a in alerts
    ]


def count_alerts(session: Session, *, status: str | None = None) -> int:
    """Return how many alerts ``list_alerts`` would list without a limit."""
    return session.scalar(select(func.count()).select_from(Alert).where(*_alerts_in(status))) or 0


def _alerts_in(status: str | None) -> list[ColumnElement[bool]]:
    if status is None:
        return []
    return [Alert.id.in_(select(Delivery.alert_id).where(Delivery.status == status))]


def retry_alert(session: Session, alert_id: int) -> int:
    """Put an alert's failed deliveries back in the queue, due now; return how many."""
    rows = session.scalars(
        select(Delivery).where(Delivery.alert_id == alert_id, Delivery.status == "failed")
    )
    revived = 0
    for row in rows:
        row.status, row.attempts, row.next_attempt_at = "pending", 0, utc_now()
        row.lease_owner, row.lease_expires_at = None, None
        revived += 1
    return revived
