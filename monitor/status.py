"""What ``monitor status`` reports: where the data is and how much of it there is."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Engine, Select, func, select
from sqlalchemy.orm import Session

from monitor.config import Settings
from monitor.dedup import DEDUP_PARAMS
from monitor.dedup.index import DedupIndexError, require_params
from monitor.store import tables
from monitor.store.daemons import scheduler_state
from monitor.store.db import display_url
from monitor.store.migrate import require_current_schema
from monitor.store.types import utc_now


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusReport:
    config: str
    database: str
    schema_revision: str
    sources_configured: int
    watches_configured: int
    sources: int
    articles: int
    duplicates: int  # articles stored as copies of another
    dedup_index: str  # "ok", or what is wrong and the command that fixes it
    figures: int
    pending_alerts: int
    failed_deliveries: int
    scheduler: str  # "running", "stalled" or "stopped" (monitor.store.daemons)
    sources_unhealthy: int  # judged failing or silent

    def to_json(self) -> dict[str, object]:
        """Return the report as the JSON object ``monitor status --json`` prints."""
        return asdict(self)


def status_report(settings: Settings, engine: Engine) -> StatusReport:
    """Return the status of the configured database; raises SchemaError if not migrated."""
    revision = require_current_schema(engine)
    with Session(engine) as session:
        return StatusReport(
            config=settings.origin,
            database=display_url(settings.monitor.database_url),
            schema_revision=revision,
            sources_configured=len(settings.sources),
            watches_configured=len(settings.watches),
            sources=_count(session, select(tables.Source.id)),
            articles=_count(session, select(tables.Article.id)),
            duplicates=_count(
                session, select(tables.Article.id).where(tables.Article.duplicate_of.is_not(None))
            ),
            dedup_index=_dedup_index(session),
            figures=_count(session, select(tables.Figure.id)),
            pending_alerts=_count(
                session,
                select(tables.Delivery.alert_id)
                .where(tables.Delivery.status == "pending")
                .distinct(),
            ),
            failed_deliveries=_count(
                session, select(tables.Delivery.id).where(tables.Delivery.status == "failed")
            ),
            scheduler=scheduler_state(session, utc_now()).state,
            sources_unhealthy=_count(
                session, select(tables.Source.id).where(tables.Source.health != "ok")
            ),
        )


def _dedup_index(session: Session) -> str:
    try:
        require_params(session, DEDUP_PARAMS)
    except DedupIndexError as error:
        return str(error)
    return "ok"


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)
