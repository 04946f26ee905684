"""The dedup indexes in the database, and the parameters they were built with.

Every question is an indexed lookup with ``IN (...)``: URL keys and band and sentence keys by
primary key, text hashes by their own index. A band or sentence key stops getting rows once
``cap`` originals hold it (``Postings``), so a lookup reads at most keys x cap rows whatever the
corpus size, and nothing here holds more than one article's rows in memory.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import InstrumentedAttribute, Session

from monitor.dedup.params import DedupParams
from monitor.errors import MonitorError
from monitor.store.tables import Article, ArticleUrl, DedupBand, DedupIndex, DedupSentence
from monitor.store.types import utc_now

# pg_advisory_xact_lock key ("dedup" in ASCII): one writer decides at a time, so two daemons
# storing near-copies at once cannot both find nothing and both become originals.
_LOCK_KEY = 0x6465647570
_STATE_ID = 1
MAX_CANDIDATES = 8  # per index; more would be boilerplate-only pages matching each other


class DedupIndexError(MonitorError):
    """The dedup indexes were built with other parameters, or not at all."""

    kind = "dedup_index"


def lock(session: Session) -> None:
    """Serialise dedup decisions across processes until the transaction ends.

    SQLite needs nothing more: write transactions there BEGIN IMMEDIATE and so already take
    turns (``store.db.write_engine``).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK_KEY})


def check_params(session: Session, params: DedupParams) -> None:
    """Raise DedupIndexError unless the indexes were built with ``params``.

    An empty corpus takes the parameters on first use; a corpus stored before the indexes
    existed (or under other parameters) needs ``monitor dedup reindex``.
    """
    require_params(session, params)
    if session.get(DedupIndex, _STATE_ID) is None:
        write_params(session, params)


def require_params(session: Session, params: DedupParams) -> None:
    """Raise DedupIndexError unless the indexes are usable with ``params``; reads only."""
    state = session.get(DedupIndex, _STATE_ID)
    if state is not None and state.params != params.to_json():
        raise DedupIndexError(
            f"the dedup index was built with {_differences(state.params, params)}: "
            'run "monitor dedup reindex" to rebuild it'
        )
    if state is None and session.scalar(select(Article.id).limit(1)) is not None:
        raise DedupIndexError(
            'the stored articles have no dedup index yet: run "monitor dedup reindex"'
        )


def write_params(session: Session, params: DedupParams) -> None:
    state = session.get(DedupIndex, _STATE_ID)
    if state is None:
        session.add(DedupIndex(id=_STATE_ID, params=params.to_json()))
    else:
        state.params, state.built_at = params.to_json(), utc_now()


def _differences(stored: Mapping[str, object], params: DedupParams) -> str:
    wanted = params.to_json()
    changed = [
        f"{name} {stored.get(name)!r} (this version uses {wanted.get(name)!r})"
        for name in sorted(set(stored) | set(wanted))
        if stored.get(name) != wanted.get(name)
    ]
    return ", ".join(changed)


@dataclass(frozen=True, slots=True)
class Held:
    """A held article that a lookup found, and the original it stands for."""

    article_id: int
    original_id: int  # itself, unless it is a copy
    url_copy: bool  # a copy found by URL: its URL keys belong to its original

    @property
    def keys_owner(self) -> int:
        """Return the article that new URL keys of this one should point at."""
        return self.original_id if self.url_copy else self.article_id


def held_among(session: Session, query_ids: Sequence[int]) -> Held | None:
    """Return the earliest of these articles, if any exists."""
    if not query_ids:
        return None
    row = session.execute(
        select(Article.id, Article.duplicate_of, Article.duplicate_kind)
        .where(Article.id.in_(query_ids))
        .order_by(Article.id)
        .limit(1)
    ).first()
    if row is None:
        return None
    return Held(row.id, row.duplicate_of or row.id, row.duplicate_kind == "url")


def held_by_urls(session: Session, keys: Collection[int]) -> Held | None:
    """Return the earliest article holding one of the URL keys, if any."""
    if not keys:
        return None
    ids = session.scalars(select(ArticleUrl.article_id).where(ArticleUrl.url_key.in_(keys)))
    return held_among(session, list(ids))


def held_by_text(session: Session, text_hash: str | None) -> Held | None:
    """Return the earliest article with this normalised-text hash, if any."""
    if text_hash is None:
        return None
    ids = session.scalars(
        select(Article.id).where(Article.text_hash == text_hash).order_by(Article.id).limit(1)
    )
    return held_among(session, list(ids))


@dataclass(frozen=True, slots=True)
class Postings:
    """Which originals hold each of an article's keys in one index, ``cap`` at most per key.

    A key held by ``cap`` originals is common (a boilerplate sentence, the band every report
    of a daily series shares): it proposes no candidates and takes no more rows, which is what
    bounds every lookup to ``keys x cap`` rows whatever the corpus size.
    """

    holders: Mapping[int, Sequence[int]]
    cap: int

    def candidates(self, *, min_shared: int) -> list[int]:
        """Return the originals sharing ``min_shared`` or more uncommon keys, most first."""
        shared: Counter[int] = Counter()
        for ids in self.holders.values():
            if len(ids) < self.cap:
                shared.update(ids)
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        return [article for article, count in ranked if count >= min_shared][:MAX_CANDIDATES]

    def uncommon(self, keys: Iterable[int]) -> list[int]:
        """Return the distinct keys that may take one more row."""
        return [k for k in dict.fromkeys(keys) if len(self.holders.get(k, ())) < self.cap]


def band_postings(session: Session, band_keys: Sequence[int], params: DedupParams) -> Postings:
    return _postings(
        session, DedupBand.band_key, DedupBand.article_id, band_keys, params.common_band_articles
    )


def sentence_postings(session: Session, hashes: Sequence[int], params: DedupParams) -> Postings:
    return _postings(
        session,
        DedupSentence.sentence_hash,
        DedupSentence.article_id,
        hashes,
        params.common_sentence_articles,
    )


def _postings(
    session: Session,
    key: InstrumentedAttribute[int],
    article: InstrumentedAttribute[int],
    keys: Sequence[int],
    cap: int,
) -> Postings:
    holders: dict[int, list[int]] = {}
    if keys:
        for found, article_id in session.execute(select(key, article).where(key.in_(keys))):
            holders.setdefault(found, []).append(article_id)
    return Postings(holders, cap)


def texts(session: Session, article_ids: Collection[int]) -> dict[int, str]:
    """Return the stored text of each of these articles."""
    if not article_ids:
        return {}
    query = select(Article.id, Article.text).where(Article.id.in_(article_ids))
    return {row.id: row.text for row in session.execute(query)}


def add_urls(session: Session, article_id: int, urls: Mapping[int, str]) -> None:
    """Give the article the URL keys that no article holds yet."""
    if not urls:
        return
    held = set(session.scalars(select(ArticleUrl.url_key).where(ArticleUrl.url_key.in_(urls))))
    rows = [
        {"url_key": key, "article_id": article_id, "url": url}
        for key, url in urls.items()
        if key not in held
    ]
    if rows:
        session.execute(insert(ArticleUrl), rows)


def add_original(
    session: Session,
    article_id: int,
    *,
    bands: Postings,
    band_keys: Sequence[int],
    sentences: Postings,
    sentence_hashes: Sequence[int],
) -> None:
    """Index an original under its band keys and sentence hashes that are not yet common."""
    for table, column, keys in (
        (DedupBand, "band_key", bands.uncommon(band_keys)),
        (DedupSentence, "sentence_hash", sentences.uncommon(sentence_hashes)),
    ):
        if keys:
            session.execute(insert(table), [{column: k, "article_id": article_id} for k in keys])


def clear(session: Session) -> None:
    """Delete every index row (``reindex`` builds them again)."""
    for table in (DedupBand, DedupSentence, ArticleUrl):
        session.execute(delete(table))
