"""The figures pass: decide the figures of stored articles, in publication order.

The pipeline stores an article (and its dedup decision) in one transaction; this pass decides
its figures in another, after every poll and import. Taking all pending articles oldest first
is what makes novelty follow publication order within a poll, whose entries are stored
concurrently; a crash between the two transactions leaves the article pending, and the next
pass decides it. Each article commits on its own, with its figures and the mark that they are
decided, behind a lock, so two daemons cannot both call one value a new measure.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from monitor.alerts.outbox import WatchAlerting, queue_alert
from monitor.figures.decide import ArticleRef, Decided, context_placed, distinctive, family_of
from monitor.figures.decide import decide_article as decide_figures
from monitor.figures.meaning import read_meanings
from monitor.figures.measures import ANY_THING
from monitor.figures.novelty import ALERTING
from monitor.figures.options import FigureOptions
from monitor.store import figures as stored
from monitor.store.db import unavailable_reason, write_engine
from monitor.store.tables import Article, ArticleVersion, WatchMatch
from monitor.store.types import iso

log = logging.getLogger(__name__)

# pg_advisory_xact_lock key ("figure" in ASCII); SQLite writers already take turns.
_LOCK_KEY = 0x666967757265
_BATCH = 100


@dataclass(frozen=True, slots=True)
class ArticleFigures:
    """What the pass decided for one article and watch, in text order."""

    article_id: int
    watch: str
    decided: tuple[Decided, ...]

    @property
    def news(self) -> int:
        """How many of its figures are new or changed."""
        return sum(item.decision.status in ALERTING for item in self.decided)


def decide_pending(
    engine: Engine,
    options: FigureOptions | None = None,
    alerting: Mapping[str, WatchAlerting] | None = None,
) -> list[ArticleFigures]:
    """Decide every article whose figures are pending, oldest first; return the decisions.

    With ``alerting`` (by watch name), each new or changed figure of an article that was not
    imported queues its alert and deliveries in the article's transaction.

    An article whose figures fail to be decided (a defect: the text is already stored and
    checked) is logged and left pending for the next pass, and the others go on.
    """
    options = options or FigureOptions()
    results: list[ArticleFigures] = []
    failed: set[int] = set()
    while True:
        with Session(engine) as session:
            batch = [
                article_id
                for article_id in stored.pending_articles(session, limit=len(failed) + _BATCH)
                if article_id not in failed
            ]
        if not batch:
            return results
        for article_id in batch:
            try:
                with Session(write_engine(engine)) as session, session.begin():
                    _lock(session)
                    results.extend(decide_article(session, article_id, options, alerting))
            except Exception as error:
                if unavailable_reason(error) is not None:
                    raise  # the database, not this article: the daemon reports the outage
                log.exception("figures of article #%s could not be decided", article_id)
                failed.add(article_id)


def decide_article(
    session: Session,
    article_id: int,
    options: FigureOptions,
    alerting: Mapping[str, WatchAlerting] | None = None,
) -> list[ArticleFigures]:
    """Decide and store one article's figures for each watch it matched; mark it decided.

    A copy gets no figures of its own: its original's are the report, and a copy is no
    independent corroboration of them.
    """
    article = session.get(Article, article_id)
    results: list[ArticleFigures] = []
    if article is None or article.figures_decided_at is not None:
        return results  # deleted, or decided by another daemon since it was listed
    if article.duplicate_of is None:
        watches = session.scalars(
            select(WatchMatch.watch)
            .where(WatchMatch.article_id == article_id)
            .order_by(WatchMatch.watch)
        )
        for watch in watches:
            policy = (alerting or {}).get(watch)
            results.append(decide_for_watch(session, article, watch, options, policy))
    stored.mark_decided(session, article_id)
    return results


def decide_for_watch(
    session: Session,
    article: Article,
    watch: str,
    options: FigureOptions,
    policy: WatchAlerting | None,
) -> ArticleFigures:
    """Decide and store an original article's figures for one watch; with ``policy``, queue
    the alerts of its new and changed figures that the watch follows.

    Imported articles are history: later coverage is judged against them, silently.
    """
    meanings = read_meanings(
        article.text,
        title=article.title,
        frame=options.frame(watch),
        small_spelled_max=options.small_spelled_max,
        synonyms=options.synonyms,
        story_terms=options.story_terms(watch),
    ).meanings
    candidates = {name for meaning in meanings for name in meaning.candidates}
    candidates |= {
        family_of(name, meaning.key.place)
        for meaning in meanings
        if context_placed(meaning)
        for name in meaning.candidates or (meaning.key.name,)
        if not name.startswith(ANY_THING)
    }
    families = {
        family_of(name, meaning.key.place)
        for meaning in meanings
        for name in meaning.candidates
        if not name.startswith(ANY_THING)
    }
    reports = [meaning for meaning in meanings if meaning.role == "current" and not meaning.vague]
    values = {
        (meaning.figure.unit, meaning.figure.value)
        for meaning in reports
        if distinctive(meaning.figure.value) or meaning.definite
    }
    thing_values = {
        (meaning.figure.unit, meaning.figure.value, meaning.key.head)
        for meaning in reports
        if not distinctive(meaning.figure.value) and meaning.key.head
    }
    events = {meaning.key.event for meaning in reports if meaning.key.event is not None}
    book = stored.load_book(session, watch, candidates, families, values, thing_values, events)
    reference = ArticleRef(article.id, article.url, article.site, article.published_at)
    decided = decide_figures(meanings, book, reference)
    ids = stored.add_figures(session, article.id, watch, decided, article.version)
    if policy is None or article.content_origin == "import":
        return ArticleFigures(article.id, watch, tuple(decided))
    for item, figure_id in zip(decided, ids, strict=True):
        if item.decision.status in ALERTING and policy.follows(item.measure):
            revision = _revision(session, article, item) if article.version > 1 else None
            queue_alert(
                session,
                figure_id=figure_id,
                figure=item.meaning.figure,
                measure=item.measure,
                watch=watch,
                decision=item.decision,
                earlier=stored.stored_ids(item.earlier, ids),
                article=article,
                alerting=policy,
                revision=revision,
            )
    return ArticleFigures(article.id, watch, tuple(decided))


def _revision(session: Session, article: Article, item: Decided) -> dict[str, object] | None:
    """What an edited article said of the measure before: "it said 1,500 at 10:40"; a lower
    value now is a correction."""
    # Stored values of this article come from its earlier versions (this version's own are
    # not stored yet: they carry provisional ids below zero).
    own = [v for v in item.earlier if v.article_id == article.id and v.figure_id > 0]
    if not own:
        return None
    before = session.get(ArticleVersion, (article.id, article.version - 1))
    said = own[-1]
    return {
        "version": article.version,
        "earlier_value": said.value,
        "earlier_at": iso(before.fetched_at) if before is not None else None,
        "correction": item.meaning.figure.value < said.value,
    }


def lock_figures(session: Session) -> None:
    """Take the figures lock for the transaction: two daemons never decide at once."""
    _lock(session)


def _lock(session: Session) -> None:
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})
