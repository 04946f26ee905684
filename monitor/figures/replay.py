"""`monitor replay WATCH`: decide a watch's stored articles again, in publication order.

For a new watch, one whose query or measures changed, or a corpus read by an older version:
the watch's query is matched again against every stored article (from ``since`` on), and the
figures of the matching originals are decided again, oldest first, exactly as the figures
pass decides them. The result is what the watch would have raised.

It all happens in one transaction, behind the figures lock. A dry run rolls it back, so
nothing changes; otherwise the watch's figures are replaced (its alerts stay: they record
what was sent) and, only when asked, the new alerts are queued for delivery.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from monitor.alerts.outbox import WatchAlerting
from monitor.figures.decide import Decided
from monitor.figures.novelty import ALERTING
from monitor.figures.options import FigureOptions
from monitor.figures.stage import decide_for_watch, lock_figures
from monitor.figures.wording import amount
from monitor.store import figures as stored
from monitor.store.db import write_engine
from monitor.store.tables import Article
from monitor.watch import MatchText, matches, parse_query


@dataclass(frozen=True, slots=True)
class ReplayedAlert:
    """An alert the replay raises (or would raise)."""

    kind: str
    measure: str
    said: str  # the value as the text qualified it, with its thing
    sentence: str
    article_url: str
    site: str | None
    published_at: datetime | None

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "measure": self.measure,
            "said": self.said,
            "sentence": self.sentence,
            "article_url": self.article_url,
            "site": self.site,
            "published_at": self.published_at.isoformat() if self.published_at else None,
        }


@dataclass
class Replay:
    """What a replay read and decided."""

    watch: str
    articles: int = 0  # matching originals whose figures were decided
    copies: int = 0  # matching copies: no figures of their own
    figures: int = 0
    measures: Counter[str] = field(default_factory=Counter)  # measure -> figures
    alerts: list[ReplayedAlert] = field(default_factory=list)
    applied: bool = False
    sent: bool = False  # the alerts were queued for delivery


def replay_watch(
    engine: Engine,
    *,
    watch: str,
    query: str,
    options: FigureOptions,
    policy: WatchAlerting,
    since: datetime | None = None,
    apply: bool = True,
    send: bool = False,
) -> Replay:
    """Decide the watch's articles again (module docstring); ``apply`` keeps the result,
    ``send`` also queues the alerts of the watch's followed measures."""
    if send and not apply:
        raise ValueError("a dry run sends nothing")
    node = parse_query(query)
    replay = Replay(watch=watch, applied=apply, sent=send)
    with Session(write_engine(engine)) as session:
        session.begin()
        lock_figures(session)
        stored.forget_watch_figures(session, watch, since=since)
        for article_id in stored.article_ids_in_order(session, since=since):
            article = session.get(Article, article_id)
            assert article is not None  # listed in this transaction
            text = MatchText.of(title=article.title or "", text=article.text)
            matched = matches(node, text)
            stored.set_watch_match(session, article.id, watch, matched)
            if not matched:
                continue
            if article.duplicate_of is not None:
                replay.copies += 1
                continue
            decided = decide_for_watch(
                session, article, watch, options, policy if send else None
            ).decided
            replay.articles += 1
            replay.figures += len(decided)
            replay.measures.update(item.measure for item in decided)
            replay.alerts += [
                _alert(item, article)
                for item in decided
                if item.decision.status in ALERTING
                and article.content_origin != "import"
                and policy.follows(item.measure)
            ]
        if apply:
            session.commit()
        else:
            session.rollback()
    return replay


def _alert(item: Decided, article: Article) -> ReplayedAlert:
    figure = item.meaning.figure
    said = amount(figure.value, figure.low, figure.high, figure.qualifier, figure.unit)
    return ReplayedAlert(
        kind=item.decision.status,
        measure=item.measure,
        said=f"{said} {figure.thing}".strip(),
        sentence=figure.sentence,
        article_url=article.url,
        site=article.site,
        published_at=article.published_at,
    )
