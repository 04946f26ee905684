"""`monitor explain URL`: what the corpus holds for a URL and why it was judged so."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from monitor.dedup import urls
from monitor.dedup.features import features_of
from monitor.dedup.params import DEDUP_PARAMS, DedupParams
from monitor.dedup.verify import compare
from monitor.store import articles
from monitor.store.tables import Article, ArticleUrl, Source, SourceEntry


@dataclass(frozen=True, slots=True)
class Copy:
    id: int
    kind: str
    score: float | None
    site: str | None
    url: str


@dataclass(frozen=True, slots=True)
class Sighting:
    source: str
    url: str
    outcome: str
    error_kind: str | None
    seen_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    url: str
    canonical_url: str
    found_by: str | None  # "url" (this exact URL), "canonical" (its canonical form) or None
    article_id: int | None = None
    title: str | None = None
    site: str | None = None
    decision: str | None = None  # "original" or "duplicate"
    duplicate_of: int | None = None
    duplicate_kind: str | None = None
    score: float | None = None
    matched_url: str | None = None  # the original's URL, for a duplicate
    jaccard: float | None = None  # recomputed now, against the original, for a near duplicate
    containment: float | None = None
    copies: list[Copy] = field(default_factory=list)  # for an original: also published by
    sightings: list[Sighting] = field(default_factory=list)  # feed entries that led here
    # The date that placed it in publication order (which copy is the original, the order
    # figures are decided in): the article's own, or when it was fetched if it gives none.
    ordered_by: str | None = None  # "published" or "fetched"
    ordered_at: datetime | None = None
    published_dropped: str | None = None  # the date it gave, not believed (monitor.published)
    version: int = 1  # > 1: the page was edited after it was stored (monitor.recheck)

    def to_json(self) -> dict[str, object]:
        row = asdict(self)
        row["ordered_at"] = self.ordered_at.isoformat() if self.ordered_at else None
        for sighting in row["sightings"]:
            sighting["seen_at"] = sighting["seen_at"].isoformat()
        return row


def explain_url(session: Session, url: str, params: DedupParams = DEDUP_PARAMS) -> Explanation:
    """Return what is held for ``url``, the dedup decision and what it matched."""
    canonical = urls.canonical_url(url)
    article_id = articles.article_id_for_url(session, url)
    found_by = "url" if article_id is not None else None
    if article_id is None:
        article_id = session.scalar(
            select(ArticleUrl.article_id).where(ArticleUrl.url_key == urls.url_key(url))
        )
        found_by = "canonical" if article_id is not None else None
    article = session.get(Article, article_id) if article_id is not None else None
    if article is None:
        return Explanation(url=url, canonical_url=canonical, found_by=None)
    explanation = Explanation(
        url=url,
        canonical_url=canonical,
        found_by=found_by,
        article_id=article.id,
        title=article.title,
        site=article.site,
        decision="duplicate" if article.duplicate_of is not None else "original",
        duplicate_of=article.duplicate_of,
        duplicate_kind=article.duplicate_kind,
        score=article.duplicate_score,
        copies=_copies(session, article.id),
        sightings=_sightings(session, article.id),
        ordered_by="published" if article.published_at is not None else "fetched",
        ordered_at=article.published_at or article.fetched_at,
        published_dropped=article.published_dropped,
        version=article.version,
    )
    original = session.get(Article, article.duplicate_of) if article.duplicate_of else None
    if original is None:
        return explanation
    explanation = replace(explanation, matched_url=original.url)
    if article.duplicate_kind == "near":
        similarity = compare(features_of(article.text, params), features_of(original.text, params))
        explanation = replace(
            explanation,
            jaccard=round(similarity.jaccard, 4),
            containment=round(similarity.containment, 4),
        )
    return explanation


def _copies(session: Session, article_id: int) -> list[Copy]:
    query = (
        select(
            Article.id, Article.duplicate_kind, Article.duplicate_score, Article.site, Article.url
        )
        .where(Article.duplicate_of == article_id)
        .order_by(Article.id)
    )
    return [
        Copy(row.id, row.duplicate_kind or "", row.duplicate_score, row.site, row.url)
        for row in session.execute(query)
    ]


def _sightings(session: Session, article_id: int) -> list[Sighting]:
    query = (
        select(
            Source.name,
            SourceEntry.url,
            SourceEntry.outcome,
            SourceEntry.error_kind,
            SourceEntry.seen_at,
        )
        .join(Source, Source.id == SourceEntry.source_id)
        .where(SourceEntry.article_id == article_id)
        .order_by(SourceEntry.seen_at)
    )
    return [Sighting(*row) for row in session.execute(query)]


def describe(explanation: Explanation) -> str:
    """Return the explanation as lines for people."""
    e = explanation
    lines = [f"URL:        {e.url}", f"canonical:  {e.canonical_url}"]
    if e.article_id is None:
        lines.append("held:       no (neither this URL nor its canonical form)")
        return "\n".join(lines)
    how = "this exact URL" if e.found_by == "url" else "its canonical form"
    lines.append(f"held:       #{e.article_id} {e.title or ''} ({e.site or '-'}), by {how}")
    if e.ordered_at is not None:
        date = f"{e.ordered_at:%Y-%m-%d %H:%M} UTC"
        if e.ordered_by == "published":
            said = "its publication date"
        elif e.published_dropped:
            said = f"when it was fetched (its date {e.published_dropped!r} was not believed)"
        else:
            said = "when it was fetched (it gives no date)"
        lines.append(f"ordered by: {date}, {said}")
    if e.version > 1:
        lines.append(f"version:    {e.version} (edited since stored: articles --versions URL)")
    if e.decision == "original":
        lines.append("decision:   original")
    else:
        score = f"{e.score:.2f}" if e.score is not None else "-"
        lines.append(
            f"decision:   {e.duplicate_kind} duplicate of #{e.duplicate_of}, score {score}"
        )
        lines.append(f"matched:    {e.matched_url}")
        if e.jaccard is not None:
            lines.append(f"now:        Jaccard {e.jaccard:.2f}, containment {e.containment:.2f}")
    for copy in e.copies:
        score = f"{copy.score:.2f}" if copy.score is not None else "-"
        lines.append(f"copy:       #{copy.id} {copy.kind} {score} {copy.site or '-'} {copy.url}")
    for seen in e.sightings:
        lines.append(f"seen via:   {seen.source}: {seen.url} ({seen.outcome})")
    return "\n".join(lines)
