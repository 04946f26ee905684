"""An article's versions, oldest first, and what changed from one to the next: the sentences
added and removed, and the figures whose value moved (``monitor articles --versions URL``)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.store.tables import Article, ArticleVersion
from monitor.store.tables import Figure as StoredFigure
from monitor.store.types import iso

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True, slots=True)
class VersionRow:
    article_id: int
    version: int
    fetched_at: datetime | None
    title: str | None
    sentences_added: int  # against the version before (the first: all of its sentences)
    sentences_removed: int
    # "people killed: 1,500 -> 3,000", per watch and measure whose current value moved
    figures_changed: list[str]
    current: bool  # the text the article holds now

    def to_json(self) -> dict[str, object]:
        row = asdict(self)
        row["fetched_at"] = iso(self.fetched_at)
        return row


def list_versions(session: Session, article_id: int) -> list[VersionRow]:
    """Return every version of an article, the one it holds now last."""
    article = session.get(Article, article_id)
    if article is None:
        return []
    earlier = session.scalars(
        select(ArticleVersion)
        .where(ArticleVersion.article_id == article_id)
        .order_by(ArticleVersion.version)
    )
    texts = [(v.version, v.fetched_at, v.title, v.text) for v in earlier]
    texts.append(
        (article.version, article.updated_at or article.fetched_at, article.title, article.text)
    )
    values = _values_by_version(session, article_id)
    rows = []
    before: set[str] = set()
    before_values: dict[str, float] = {}
    for version, fetched_at, title, text in texts:
        sentences = _sentences(text)
        now_values = values.get(version, {})
        moved = [
            f"{measure}: {_number(before_values[measure])} -> {_number(value)}"
            for measure, value in sorted(now_values.items())
            if measure in before_values and before_values[measure] != value
        ]
        rows.append(
            VersionRow(
                article_id=article_id,
                version=version,
                fetched_at=fetched_at,
                title=title,
                sentences_added=len(sentences - before),
                sentences_removed=len(before - sentences),
                figures_changed=moved,
                current=version == article.version,
            )
        )
        before, before_values = sentences, {**before_values, **now_values}
    return rows


def _values_by_version(session: Session, article_id: int) -> dict[int, dict[str, float]]:
    """Return each version's first current value of every measure it reports."""
    query = (
        select(StoredFigure)
        .where(StoredFigure.article_id == article_id, StoredFigure.role == "current")
        .where(StoredFigure.qualifier != "vague")
        .order_by(StoredFigure.version, StoredFigure.span_start, StoredFigure.id)
    )
    values: dict[int, dict[str, float]] = {}
    for row in session.scalars(query):
        name = f"{row.measure} ({row.watch})"
        values.setdefault(row.version, {}).setdefault(name, row.value)
    return values


def _sentences(text: str) -> set[str]:
    return {" ".join(part.split()) for part in _SENTENCE_END.split(text) if part.strip()}


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"
