"""Figure rows: storing decided figures, the values a new one is compared with, and a measure's
history of distinct values with who corroborated each.

Everything is ordered as the figures stage decides: by publication time (an undated article by
when it was fetched), then by id.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, exists, func, or_, select, tuple_, update
from sqlalchemy.orm import Session, aliased

from monitor.figures.decide import Book, Decided, Held, family_of, provisional_index
from monitor.figures.measures import ANY_THING
from monitor.figures.novelty import EarlierValue
from monitor.store.articles import PUBLICATION_ORDER, PUBLISHED
from monitor.store.tables import Article, WatchMatch
from monitor.store.tables import Figure as StoredFigure
from monitor.store.types import iso, utc_now

REPEAT = "repeat"
# A measure's distinct values: what a new figure is compared with, and what its history lists.
_REPORTED = StoredFigure.status.in_(("new_measure", "changed_figure", "second_value"))
_RESTATED = aliased(StoredFigure)
_DISTINCT = or_(
    _REPORTED,
    and_(StoredFigure.status == "previous", StoredFigure.repeat_of.is_(None)),
    # "64 wells closed in Arvelia" read as a repeat of "64 wells": the value of its own
    # measure too, which a later report of that measure repeats rather than opens.
    and_(
        StoredFigure.status == "repeat",
        StoredFigure.role == "current",
        exists()
        .where(_RESTATED.id == StoredFigure.repeat_of, _RESTATED.measure != StoredFigure.measure)
        .correlate(StoredFigure),
    ),
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureRow:
    """A stored figure with its article's URL and date: one item of `monitor figures list`."""

    id: int
    article_id: int
    article_url: str
    site: str | None
    watch: str
    published_at: datetime | None
    value: float
    low: float
    high: float
    qualifier: str
    unit: str
    thing: str
    measure: str
    rate: str | None
    scope: str | None
    sentence: str
    status: str
    reason: str
    repeat_of: int | None
    role: str = "current"
    event: str | None = None
    place: str | None = None
    evidence: dict[str, str] | None = None

    def to_json(self) -> dict[str, Any]:
        """Return the row as JSON values: the timestamp in ISO 8601."""
        values = asdict(self)
        values["published_at"] = iso(self.published_at)
        return values


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """An article that reported a value."""

    figure_id: int
    article_id: int
    article_url: str
    site: str | None
    published_at: datetime | None
    copy_of: int | None  # the original article, when this one is a copy of another


@dataclass(frozen=True, slots=True, kw_only=True)
class HistoryValue:
    """A distinct value of a measure: who reported it first, and who repeated it since."""

    figure_id: int
    watch: str
    value: float
    low: float
    high: float
    qualifier: str
    unit: str
    status: str  # "new_measure", "changed_figure", or "previous": known only as a past value
    reason: str
    source: Report
    corroborations: list[Report] = field(default_factory=list)  # one per other article
    # Copies of the reporting articles (syndicated, reprinted): they carry no figures of their
    # own, since a copy is no independent corroboration; they are counted here apart.
    copies: int = 0

    @property
    def independent(self) -> int:
        """Corroborations by articles of their own."""
        return sum(report.copy_of is None for report in self.corroborations)


def add_figures(
    session: Session, article_id: int, watch: str, decided: Sequence[Decided], version: int = 1
) -> list[int]:
    """Store an article's decided figures for ``watch``, in the order given (text order),
    read in the article's ``version``.

    Returns the new rows' ids in that order. A figure that repeats or restates another of the
    same article points at it once both are stored (``decide.provisional``).
    """
    rows = [_row(article_id, watch, item) for item in decided]
    for row in rows:
        row.version = version
    session.add_all(rows)
    session.flush()
    ids = [row.id for row in rows]
    for row, item in zip(rows, decided, strict=True):
        target = item.decision.repeat_of
        index = provisional_index(target) if target is not None else None
        if index is not None:
            row.repeat_of = ids[index]
    session.flush()
    return ids


def stored_ids(earlier: Sequence[EarlierValue], ids: Sequence[int]) -> list[EarlierValue]:
    """Return ``earlier`` with the provisional ids of an article's own values replaced by the
    ids its figures were stored under (``add_figures``)."""
    return [
        replace(value, figure_id=ids[index])
        if (index := provisional_index(value.figure_id)) is not None
        else value
        for value in earlier
    ]


def _row(article_id: int, watch: str, item: Decided) -> StoredFigure:
    figure = item.meaning.figure
    target = item.decision.repeat_of
    return StoredFigure(
        article_id=article_id,
        watch=watch,
        measure=item.measure,
        family=family_of(item.measure, item.meaning.key.place),
        value=figure.value,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        unit=figure.unit,
        thing=figure.thing,
        sentence=figure.sentence,
        span_start=figure.start,
        span_end=figure.end,
        rate=figure.rate,
        scope=item.meaning.key.scope,
        status=item.decision.status,
        reason=item.decision.reason,
        repeat_of=target if target is not None and target > 0 else None,
        event=item.meaning.key.event,
        place=item.meaning.key.place,
        role=item.meaning.role,
        evidence=dict(item.meaning.evidence),
    )


def load_book(
    session: Session,
    watch: str,
    measures: Collection[str],
    families: Collection[str] = (),
    values: Collection[tuple[str, float]] = (),
    thing_values: Collection[tuple[str, float, str]] = (),
    events: Collection[str] = (),
) -> Book:
    """Return the distinct values so far of those of ``measures`` the watch has, oldest first,
    the measures in the order they were opened; and the current values of the measures of
    ``families`` (``decide.family_of``), placed or not; and the current values of any
    measure that are within 1% of one of ``values`` (unit, value), and of the measures of a
    thing that hold one of ``thing_values`` (unit, value, thing): what a figure of another
    measure may restate (``Book.restated``), and the current values of the measures of
    ``events``. A measure ``*spilled [tonnes]``
    (``ANY_THING``) stands for every measure whose name ends " spilled [tonnes]"."""
    if not measures:
        return Book()
    exact = sorted(name for name in measures if not name.startswith(ANY_THING))
    endings = [
        StoredFigure.measure.like(f"% {_escaped(name[1:])}", escape="\\")
        for name in sorted(measures)
        if name.startswith(ANY_THING)
    ]
    found: dict[str, list[EarlierValue]] = {}
    for row, value in _values(session, watch, or_(StoredFigure.measure.in_(exact), *endings)):
        found.setdefault(row.measure, []).append(value)
    kin: dict[str, list[Held]] = {}
    if families:
        for row, held in _held(session, watch, StoredFigure.family.in_(sorted(families))):
            kin.setdefault(row.family or row.measure, []).append(held)
    near = [
        and_(StoredFigure.unit == unit, StoredFigure.value.between(value * 0.99, value * 1.01))
        for unit, value in sorted(values)
    ]
    near += [
        and_(
            StoredFigure.unit == unit,
            StoredFigure.value.between(value * 0.9999, value * 1.0001),
            or_(
                StoredFigure.measure == thing,
                StoredFigure.measure.like(f"{_escaped(thing)} %", escape="\\"),
            ),
        )
        for unit, value, thing in sorted(thing_values)
    ]
    twins = [held for _, held in _held(session, watch, or_(*near))] if near else []
    by_event: dict[str, list[Held]] = {}
    if events:
        for _, held in _held(session, watch, StoredFigure.event.in_(sorted(events))):
            by_event.setdefault(held.event or "", []).append(held)
    return Book.of(found, kin, twins, by_event)


def _held(
    session: Session, watch: str, condition: ColumnElement[bool]
) -> list[tuple[StoredFigure, Held]]:
    """The watch's reported current values that meet ``condition``, in publication order."""
    return [
        (
            row,
            Held(
                row.measure,
                value,
                placed=row.place is not None,
                unit=row.unit,
                evented=row.event is not None,
                event=row.event,
                place=row.place,
            ),
        )
        for row, value in _values(
            session, watch, and_(condition, StoredFigure.role == "current", _REPORTED)
        )
    ]


def _values(
    session: Session, watch: str, condition: ColumnElement[bool]
) -> list[tuple[StoredFigure, EarlierValue]]:
    """The watch's figures that meet ``condition`` (distinct values only unless the condition
    says otherwise), each with its value as a later figure compares with it, in publication
    order."""
    query = (
        select(StoredFigure, Article.url, Article.site, Article.published_at)
        .join(Article, Article.id == StoredFigure.article_id)
        .where(StoredFigure.watch == watch, condition, _DISTINCT)
        .order_by(*PUBLICATION_ORDER, StoredFigure.article_id, StoredFigure.id)
    )
    return [
        (
            row,
            EarlierValue(
                figure_id=row.id,
                value=row.value,
                low=row.low,
                high=row.high,
                qualifier=row.qualifier,  # type: ignore[arg-type]  # the CHECK constraint's values
                article_url=url,
                site=site,
                published_at=published_at,
                article_id=row.article_id,
                role=row.role,
            ),
        )
        for row, url, site, published_at in session.execute(query)
    ]


def _escaped(text: str) -> str:
    """``text`` with LIKE's wildcards taken literally."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def list_figures(
    session: Session,
    *,
    watch: str | None = None,
    measure: str | None = None,
    limit: int | None = None,
    after_id: int | None = None,
) -> list[FigureRow]:
    """Return stored figures, of one watch and/or measure if given, oldest first: the first
    ``limit`` if given, and with ``after_id`` those that come after that figure (keyset
    pagination: ``monitor figures --json`` reads every figure a page at a time)."""
    order = (*PUBLICATION_ORDER, StoredFigure.article_id, StoredFigure.id)
    query = (
        select(StoredFigure, Article.url, Article.site, Article.published_at)
        .join(Article, Article.id == StoredFigure.article_id)
        .where(*_of(watch=watch, measure=measure))
        .order_by(*order)
        .limit(limit)
    )
    if after_id is not None:
        # The order is by publication, not by id: a page starts after the whole sort key of
        # the figure the last one ended with, read back as the database holds it.
        key = session.execute(
            select(*order)
            .select_from(StoredFigure)
            .join(Article, Article.id == StoredFigure.article_id)
            .where(StoredFigure.id == after_id)
        ).one_or_none()
        if key is None:
            raise LookupError(f"no figure #{after_id}")
        query = query.where(tuple_(*order) > tuple_(*key))
    return [figure_row(*found) for found in session.execute(query)]


def figure_row(
    row: StoredFigure, article_url: str, site: str | None, published_at: datetime | None
) -> FigureRow:
    """Return a stored figure as listed, with its article's URL, site and date."""
    return FigureRow(
        id=row.id,
        article_id=row.article_id,
        article_url=article_url,
        site=site,
        watch=row.watch,
        published_at=published_at,
        value=row.value,
        low=row.low,
        high=row.high,
        qualifier=row.qualifier,
        unit=row.unit,
        thing=row.thing,
        measure=row.measure,
        rate=row.rate,
        scope=row.scope,
        sentence=row.sentence,
        status=row.status,
        reason=row.reason,
        repeat_of=row.repeat_of,
        role=row.role,
        event=row.event,
        place=row.place,
        evidence=row.evidence,
    )


def measure_history(session: Session, measure: str, watch: str | None = None) -> list[HistoryValue]:
    """Return each distinct value of ``measure`` in order, with its first report and the
    articles that repeated it since.

    A value repeated inside the article that first reported it is not corroborated by it, and
    an article that repeats a value twice counts once. Without ``watch`` the values of every
    watch are listed, each with its own.
    """
    query = (
        select(StoredFigure, Article.url, Article.site, Article.published_at, Article.duplicate_of)
        .join(Article, Article.id == StoredFigure.article_id)
        .where(*_of(watch=watch, measure=measure))
        .order_by(*PUBLICATION_ORDER, StoredFigure.article_id, StoredFigure.id)
    )
    history: dict[int, HistoryValue] = {}
    repeats: list[tuple[int, Report]] = []
    for row, url, site, published_at, duplicate_of in session.execute(query):
        report = Report(
            figure_id=row.id,
            article_id=row.article_id,
            article_url=url,
            site=site,
            published_at=published_at,
            copy_of=duplicate_of,
        )
        distinct = row.status in ("new_measure", "changed_figure", "second_value") or (
            row.status == "previous" and row.repeat_of is None
        )
        if distinct:
            history[row.id] = HistoryValue(
                figure_id=row.id,
                watch=row.watch,
                value=row.value,
                low=row.low,
                high=row.high,
                qualifier=row.qualifier,
                unit=row.unit,
                status=row.status,
                reason=row.reason,
                source=report,
            )
        elif row.repeat_of is not None and row.status in (REPEAT, "previous"):
            repeats.append((row.repeat_of, report))
    counted = {(value.figure_id, value.source.article_id) for value in history.values()}
    for repeated, report in repeats:
        value = history.get(repeated)
        if value is not None and (repeated, report.article_id) not in counted:
            counted.add((repeated, report.article_id))
            value.corroborations.append(report)
    copies = _copies_of(session, {article for _, article in counted})
    return [
        replace(
            value,
            copies=copies.get(value.source.article_id, 0)
            + sum(copies.get(report.article_id, 0) for report in value.corroborations),
        )
        for value in history.values()
    ]


def _copies_of(session: Session, article_ids: set[int]) -> dict[int, int]:
    """Return how many stored copies each of ``article_ids`` has."""
    if not article_ids:
        return {}
    query = (
        select(Article.duplicate_of, func.count())
        .where(Article.duplicate_of.in_(article_ids))
        .group_by(Article.duplicate_of)
    )
    return {original: count for original, count in session.execute(query) if original}


def pending_articles(session: Session, limit: int | None = None) -> list[int]:
    """Return the ids of articles whose figures are not decided yet, in publication order."""
    query = (
        select(Article.id)
        .where(Article.figures_decided_at.is_(None))
        .order_by(*PUBLICATION_ORDER, Article.id)
        .limit(limit)
    )
    return list(session.scalars(query))


def oldest_pending_fetch(session: Session) -> datetime | None:
    """Return when the longest-waiting article with undecided figures was fetched."""
    query = select(func.min(Article.fetched_at)).where(Article.figures_decided_at.is_(None))
    return session.scalar(query)


def mark_decided(session: Session, article_id: int, at: datetime | None = None) -> None:
    """Record that the figures of an article were decided (for every watch it matched)."""
    decided = (
        update(Article)
        .where(Article.id == article_id)
        .values(figures_decided_at=at or utc_now())
        .returning(Article.id)
        .execution_options(synchronize_session=False)
    )
    if session.scalar(decided) is None:
        raise LookupError(f"no article #{article_id}")


def _of(*, watch: str | None, measure: str | None) -> list[ColumnElement[bool]]:
    conditions = []
    if watch is not None:
        conditions.append(StoredFigure.watch == watch)
    if measure is not None:
        conditions.append(StoredFigure.measure == measure)
    return conditions


def article_ids_in_order(session: Session, *, since: datetime | None = None) -> list[int]:
    """Return the ids of stored articles in publication order (fetch time for undated
    ones), those published or fetched from ``since`` on when given."""
    query = select(Article.id).order_by(*PUBLICATION_ORDER, Article.id)
    if since is not None:
        query = query.where(PUBLISHED >= since)
    return list(session.scalars(query))


def set_watch_match(session: Session, article_id: int, watch: str, matched: bool) -> None:
    """Record whether an article matches a watch (a replay with a changed query)."""
    held = session.get(WatchMatch, (article_id, watch))
    if matched and held is None:
        session.add(WatchMatch(article_id=article_id, watch=watch))
    elif not matched and held is not None:
        session.delete(held)


def forget_watch_figures(session: Session, watch: str, *, since: datetime | None = None) -> int:
    """Delete the figures of a watch (of articles published from ``since`` on); return how
    many. Their alerts stay, as the record of what was sent."""
    query = delete(StoredFigure).where(StoredFigure.watch == watch)
    if since is not None:
        query = query.where(
            StoredFigure.article_id.in_(select(Article.id).where(PUBLISHED >= since))
        )
    result = session.execute(query.execution_options(synchronize_session=False))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
