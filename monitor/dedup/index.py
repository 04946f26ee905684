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
from datetime import datetime

from sqlalchemy import Select, bindparam, delete, insert, literal, select, text, union_all
from sqlalchemy.orm import Session

from monitor.dedup.params import DedupParams
from monitor.errors import MonitorError
from monitor.store.articles import PUBLISHED
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


_HELD = (
    select(Article.id, Article.duplicate_of, Article.duplicate_kind).order_by(Article.id).limit(1)
)
# Statements built once: the lookups run for every article, and building a statement costs more
# than running it here. Expanding parameters take the IN (...) lists.
_HELD_BY_IDS = _HELD.where(Article.id.in_(bindparam("ids", expanding=True)))
_HELD_BY_URLS = _HELD.join(ArticleUrl, ArticleUrl.article_id == Article.id).where(
    ArticleUrl.url_key.in_(bindparam("keys", expanding=True))
)
# Both "same URL" and "same text" in one round trip, the URL answer first.
_BY_URL, _BY_TEXT = 0, 1  # also the order of preference
_VIA = {_BY_URL: "url", _BY_TEXT: "text"}
_HELD_BY_URL_OR_TEXT = (
    union_all(
        select(
            literal(_BY_URL).label("via"), Article.id, Article.duplicate_of, Article.duplicate_kind
        )
        .join(ArticleUrl, ArticleUrl.article_id == Article.id)
        .where(ArticleUrl.url_key.in_(bindparam("keys", expanding=True))),
        select(literal(_BY_TEXT), Article.id, Article.duplicate_of, Article.duplicate_kind).where(
            Article.text_hash == bindparam("text_hash")
        ),
    )
    .order_by(text("via"), text("id"))
    .limit(1)
)
_BANDS, _SENTENCES = 0, 1
_POSTINGS = union_all(
    select(literal(_BANDS), DedupBand.band_key, DedupBand.article_id).where(
        DedupBand.band_key.in_(bindparam("bands", expanding=True))
    ),
    select(literal(_SENTENCES), DedupSentence.sentence_hash, DedupSentence.article_id).where(
        DedupSentence.sentence_hash.in_(bindparam("sentences", expanding=True))
    ),
)
_TEXTS = select(Article.id, Article.text).where(Article.id.in_(bindparam("ids", expanding=True)))
_HELD_URL_KEYS = select(ArticleUrl.url_key).where(
    ArticleUrl.url_key.in_(bindparam("keys", expanding=True))
)


def _held(
    session: Session, statement: Select[int, int | None, str | None], **values: object
) -> Held | None:
    row = session.execute(statement, values).first()
    if row is None:
        return None
    return Held(row.id, row.duplicate_of or row.id, row.duplicate_kind == "url")


def held_among(session: Session, ids: Sequence[int]) -> Held | None:
    """Return the earliest of these articles, if any exists."""
    return _held(session, _HELD_BY_IDS, ids=list(ids)) if ids else None


def held_by_urls(session: Session, keys: Collection[int]) -> Held | None:
    """Return the earliest article holding one of the URL keys, if any."""
    return _held(session, _HELD_BY_URLS, keys=list(keys)) if keys else None


def held_by_url_or_text(
    session: Session, keys: Collection[int], text_hash: str | None
) -> tuple[str, Held] | None:
    """Return ("url", held) for the earliest article with one of the URL keys, else ("text",
    held) for the earliest with this text hash (None: no text lookup), else None."""
    values = {"keys": list(keys), "text_hash": text_hash}
    row = session.execute(_HELD_BY_URL_OR_TEXT, values).first()
    if row is None:
        return None
    return _VIA[row.via], Held(row.id, row.duplicate_of or row.id, row.duplicate_kind == "url")


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


def postings(
    session: Session, band_keys: Sequence[int], sentence_keys: Sequence[int], params: DedupParams
) -> tuple[Postings, Postings]:
    """Return who holds these band keys and sentence keys, read in one round trip."""
    holders: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
    if band_keys or sentence_keys:
        values = {"bands": list(band_keys), "sentences": list(sentence_keys)}
        for index_, key, article_id in session.execute(_POSTINGS, values):
            holders[index_].setdefault(key, []).append(article_id)
    return (
        Postings(holders[_BANDS], params.common_band_articles),
        Postings(holders[_SENTENCES], params.common_sentence_articles),
    )


def texts(session: Session, article_ids: Collection[int]) -> dict[int, str]:
    """Return the stored text of each of these articles."""
    if not article_ids:
        return {}
    return {row.id: row.text for row in session.execute(_TEXTS, {"ids": list(article_ids)})}


def texts_in_order(
    session: Session, article_ids: Collection[int]
) -> list[tuple[int, str, tuple[datetime, str]]]:
    """Return these articles' texts with their place in publication order
    (``articles.PUBLICATION_ORDER``), earliest first, in one query."""
    if not article_ids:
        return []
    query = select(Article.id, Article.text, PUBLISHED, Article.canonical_url).where(
        Article.id.in_(sorted(article_ids))
    )
    rows = [(row[0], row[1], (row[2], row[3])) for row in session.execute(query)]
    return sorted(rows, key=lambda row: (row[2], row[0]))


def add_urls(session: Session, article_id: int, urls: Mapping[int, str]) -> None:
    """Give the article the URL keys that no article holds yet."""
    if not urls:
        return
    held = set(session.scalars(_HELD_URL_KEYS, {"keys": list(urls)}))
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
