"""Decide whether a document is a copy of a held article, and store it with that decision.

``add_document`` is the dedup stage's one entry point for writers (the pipeline and
``monitor import``). It runs inside the caller's write transaction, behind ``index.lock``, so
the lookups and the insert are one atomic step: an article's decision and its index rows
commit together with the rest of its path, or not at all.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from monitor.dedup import index, urls
from monitor.dedup.features import Features, features_of, held_features
from monitor.dedup.minhash import MinHasher
from monitor.dedup.params import DEDUP_PARAMS, DedupParams
from monitor.dedup.verify import MIN_SHINGLES, compare
from monitor.model import Document
from monitor.store import articles
from monitor.store.types import utc_now


@dataclass(frozen=True, slots=True)
class Match:
    """The held original a document duplicates, how that was found and how closely."""

    original_id: int
    kind: str  # "url", "text" or "near"
    score: float


@dataclass(frozen=True, slots=True)
class Decision:
    """What ``add_document`` did with a document."""

    article_id: int  # the stored row; when ``stored`` is false, the row already at the URL
    duplicate_of: int | None  # the original; for a row already at the URL, that row's
    kind: str | None
    score: float | None
    stored: bool = True
    # The former original this one displaced: published later, stored earlier, now its copy.
    reparented: int | None = None

    @property
    def is_copy(self) -> bool:
        """Whether the document was stored as a copy of a held article."""
        return self.stored and self.duplicate_of is not None


@functools.cache
def minhasher(params: DedupParams) -> MinHasher:
    return MinHasher(params)


def band_keys(features: Features, params: DedupParams) -> list[int]:
    """Return the MinHash band keys of a text's features (none for a text without words)."""
    hasher = minhasher(params)
    signature = hasher.signature(features.shingles)
    return hasher.band_keys(signature) if signature is not None else []


def canonical_of(document: Document) -> str:
    """Return the document's canonical URL: its page's own, when trusted, else its URL's."""
    declared = urls.page_canonical(document.url, document.canonical_url)
    return declared or urls.canonical_url(document.url)


def url_keys(document: Document, aliases: Iterable[str] = ()) -> dict[int, str]:
    """Return the URL keys a document is known by: its URL, its page's canonical, aliases."""
    declared = urls.page_canonical(document.url, document.canonical_url)
    keys: dict[int, str] = {}
    for url in [document.url, *([declared] if declared else []), *aliases]:
        keys.setdefault(urls.url_key(url), urls.canonical_url(url))
    return keys


def held_url(session: Session, url: str) -> index.Held | None:
    """Return the held article at ``url`` or at its canonical form, if any; reads only."""
    held_id = articles.article_id_for_url(session, url)
    if held_id is not None:
        return index.held_among(session, [held_id])
    return index.held_by_urls(session, [urls.url_key(url)])


@dataclass(frozen=True, slots=True)
class _Lookup:
    """Everything one document's lookups read, kept for indexing it if it is an original."""

    keys: dict[int, str]
    features: Features
    band_keys: list[int]
    bands: index.Postings | None = None
    sentences: index.Postings | None = None


def find_duplicate(
    session: Session,
    document: Document,
    *,
    aliases: Sequence[str] = (),
    params: DedupParams = DEDUP_PARAMS,
) -> Match | None:
    """Return the held original that ``document`` duplicates, or None; reads only."""
    features = features_of(document.text, params)
    lookup = _Lookup(url_keys(document, aliases), features, band_keys(features, params))
    match, _lookup = _find(session, lookup, params, publication_key(document, utc_now()))
    return match


def publication_key(document: Document, fetched_at: datetime) -> tuple[datetime, str]:
    """Where ``document`` stands in publication order (``articles.PUBLICATION_ORDER``)."""
    return (document.published_at or fetched_at, canonical_of(document))


def _find(
    session: Session, lookup: _Lookup, params: DedupParams, published: tuple[datetime, str]
) -> tuple[Match | None, _Lookup]:
    # Below the verification's size floor, one text is too short to say it was copied
    # ("Subscribe to read the full story."), so such a text is looked up by URL only.
    text_hash = lookup.features.text_hash if lookup.features.shingles.size >= MIN_SHINGLES else None
    found = index.held_by_url_or_text(session, lookup.keys.keys(), text_hash)
    if found is not None:
        via, held = found
        return Match(held.original_id, via, 1.0), lookup
    bands, sentences = index.postings(
        session, lookup.band_keys, lookup.features.sentence_hashes, params
    )
    lookup = _Lookup(lookup.keys, lookup.features, lookup.band_keys, bands, sentences)
    return _near(session, lookup, params, published), lookup


def _near(
    session: Session, lookup: _Lookup, params: DedupParams, published: tuple[datetime, str]
) -> Match | None:
    assert lookup.bands is not None and lookup.sentences is not None
    candidates = dict.fromkeys(lookup.bands.candidates(min_shared=1))
    # A copy inside a longer page shares sentences, not necessarily bands.
    min_shared = max(1, min(3, len(lookup.features.sentence_hashes)))
    candidates.update(dict.fromkeys(lookup.sentences.candidates(min_shared=min_shared)))
    # The earliest published candidate that passes: a copy points at the first publication,
    # not at a later update that happens to share the copied part more closely.
    for article_id, text, held_at in index.texts_in_order(session, candidates):
        # A held article that came out later is the copy if it says nothing the new one does
        # not ("a paragraph dropped, a syndication line added"), whatever the new one adds;
        # one of the same minute may be either.
        later = published[0] < held_at[0]
        same_time = published[0] == held_at[0]
        if later or same_time:
            held = features_of(text, params)
            similarity = compare(held, _as_held(lookup.features))
            if similarity.is_duplicate:
                return Match(article_id, "near", round(similarity.score, 4))
        if not later:
            similarity = compare(lookup.features, held_features(text, params))
            if similarity.is_duplicate:
                return Match(article_id, "near", round(similarity.score, 4))
    return None


def add_document(
    session: Session,
    document: Document,
    *,
    watches: Iterable[str] = (),
    aliases: Sequence[str] = (),
    fetched_at: datetime | None = None,
    params: DedupParams = DEDUP_PARAMS,
) -> Decision:
    """Store ``document`` as an original or as a copy of what the corpus holds.

    ``aliases`` are other URLs that led to the document (a feed's link before redirects, a
    Google News article link); they become URL keys of the article they name, so the next
    entry with one of them is known without a fetch. A document whose exact URL is already
    stored is not stored again (``stored`` is false).
    """
    # Hashing happens before the lock: other writers wait for lookups only.
    features = features_of(document.text, params)
    lookup = _Lookup(url_keys(document, aliases), features, band_keys(features, params))
    index.lock(session)
    index.check_params(session, params)
    held_id = articles.article_id_for_url(session, document.url)
    if held_id is not None:
        held = index.held_among(session, [held_id])
        assert held is not None  # found just above, in this transaction
        index.add_urls(session, held.keys_owner, lookup.keys)
        return Decision(held.article_id, held.original_id, "url", 1.0, stored=False)
    fetched_at = fetched_at or utc_now()
    match, lookup = _find(session, lookup, params, publication_key(document, fetched_at))
    former = None
    if match is not None:
        match = Match(articles.original_of(session, match.original_id), match.kind, match.score)
        if match.kind != "url" and _published_first(session, document, fetched_at, match):
            # The earliest published version is the original, whatever order they came in.
            former, match = match, None
    article_id = articles.add_article(
        session,
        document,
        watches=watches,
        fetched_at=fetched_at,
        canonical_url=canonical_of(document),
        text_hash=features.text_hash,
        duplicate=(match.original_id, match.kind, match.score) if match else None,
    )
    # A URL copy's keys name its original; any other article's name itself.
    owner = match.original_id if match is not None and match.kind == "url" else article_id
    index.add_urls(session, owner, lookup.keys)
    if match is not None:
        return Decision(article_id, match.original_id, match.kind, match.score)
    if former is not None:
        articles.reparent(
            session,
            former=former.original_id,
            original=article_id,
            kind=former.kind,
            score=former.score,
        )
    if lookup.bands is None or lookup.sentences is None:
        bands, sentences = index.postings(
            session, lookup.band_keys, lookup.features.sentence_hashes, params
        )
        lookup = _Lookup(lookup.keys, lookup.features, lookup.band_keys, bands, sentences)
    assert lookup.bands is not None and lookup.sentences is not None  # an original was searched
    index.add_original(
        session,
        article_id,
        bands=lookup.bands,
        band_keys=lookup.band_keys,
        sentences=lookup.sentences,
        sentence_hashes=features.sentence_hashes,
    )
    return Decision(article_id, None, None, None, reparented=former.original_id if former else None)


def _as_held(features: Features) -> Features:
    return Features(
        text_hash=None,
        shingles=features.shingles,
        sentence_hashes=(),
        numbers=features.numbers,
        reported_numbers=frozenset(),
    )


def _published_first(
    session: Session, document: Document, fetched_at: datetime, match: Match
) -> bool:
    """Whether ``document`` comes before the original it matched in publication order (an
    undated one counts from when it was fetched; one minute's versions by canonical URL)."""
    held = articles.publication_keys(session, [match.original_id]).get(match.original_id)
    return held is not None and publication_key(document, fetched_at) < held
