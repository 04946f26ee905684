"""`monitor dedup reindex`: rebuild the dedup indexes under the current parameters.

Decisions already taken stay as they are (figures and alerts were derived from them); what is
rebuilt is what later lookups read: every article's canonical URL, text hash and URL keys, and
the band and sentence rows of the originals. Articles are read in id order, a batch at a time,
so memory stays flat whatever the corpus size. The whole rebuild is one transaction behind the
dedup lock, so nothing ever reads a half-built index. Run it with the daemons stopped: they
refuse to start until it is done anyway, and on SQLite a writer gives up after the busy timeout
(10 s) rather than wait for a long rebuild.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from monitor.dedup import index
from monitor.dedup.decide import band_keys, canonical_of, url_keys
from monitor.dedup.features import features_of
from monitor.dedup.params import DEDUP_PARAMS, DedupParams
from monitor.model import Document
from monitor.store.db import write_engine
from monitor.store.tables import Article, SourceEntry

BATCH = 500


@dataclass(frozen=True, slots=True)
class ReindexResult:
    articles: int
    originals: int
    seconds: float


def reindex(engine: Engine, params: DedupParams = DEDUP_PARAMS) -> ReindexResult:
    """Rebuild every dedup index row and record ``params`` as what they were built with."""
    started = time.perf_counter()
    seen = originals = 0
    with Session(write_engine(engine)) as session, session.begin():
        index.lock(session)
        index.clear(session)
        last_id = 0
        while True:
            batch = list(
                session.scalars(
                    select(Article).where(Article.id > last_id).order_by(Article.id).limit(BATCH)
                )
            )
            if not batch:
                break
            aliases = _entry_urls(session, [article.id for article in batch])
            for article in batch:
                features = features_of(article.text, params)
                document = _document(article)
                article.text_hash = features.text_hash
                article.canonical_url = canonical_of(document)
                if article.duplicate_kind == "url":
                    continue
                index.add_urls(session, article.id, url_keys(document, aliases.get(article.id, ())))
                if article.duplicate_of is not None:
                    continue
                keys = band_keys(features, params)
                bands, sentences = index.postings(session, keys, features.sentence_hashes, params)
                index.add_original(
                    session,
                    article.id,
                    bands=bands,
                    band_keys=keys,
                    sentences=sentences,
                    sentence_hashes=features.sentence_hashes,
                )
                originals += 1
            seen += len(batch)
            last_id = batch[-1].id
            session.flush()
            session.expunge_all()  # keep memory flat: the batch is written
        index.write_params(session, params)
    return ReindexResult(seen, originals, time.perf_counter() - started)


def _entry_urls(session: Session, article_ids: list[int]) -> dict[int, list[str]]:
    """Return the feed links that led to each article (redirectors, Google News links)."""
    found: dict[int, list[str]] = {}
    query = (
        select(SourceEntry.article_id, SourceEntry.url)
        .where(SourceEntry.article_id.in_(article_ids))
        .order_by(SourceEntry.article_id, SourceEntry.url)
    )
    for article_id, url in session.execute(query):
        if article_id is not None:
            found.setdefault(article_id, []).append(url)
    return found


def _document(article: Article) -> Document:
    # The stored canonical URL stands in for the page's declared one: the page is not kept.
    return Document(
        url=article.url,
        title=article.title,
        text=article.text,
        author=article.author,
        site=article.site,
        language=article.language,
        published_at=article.published_at,
        origin="page",
        canonical_url=article.canonical_url,
    )
