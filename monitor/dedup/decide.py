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
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from monitor.dedup import index, urls
from monitor.dedup.features import Features, features_of
from monitor.dedup.minhash import MinHasher
from monitor.dedup.params import DEDUP_PARAMS, DedupParams
from monitor.dedup.verify import compare
from monitor.model import Document
from monitor.store import articles


@dataclass(frozen=True, slots=True)
class Match:
    """The held original a document duplicates, how that was found and how closely."""

    original_id: int
    kind: str  # "url", "text" or "near"
    score: float
    matched_id: int  # the held article that matched: the original, or a copy of it


@dataclass(frozen=True, slots=True)
class Decision:
    """What ``add_document`` did with a document."""

    article_id: int  # the stored row; when ``stored`` is false, the row already holding the URL
    duplicate_of: int | None
    kind: str | None
    score: float | None
    stored: bool = True

    @property
    def is_duplicate(self) -> bool:
        return self.duplicate_of is not None


@functools.cache
def minhasher(params: DedupParams) -> MinHasher:
    return MinHasher(params)


def declared_canonical(document: Document) -> str | None:
    """Return the canonical URL the page declares for itself, when it can be trusted.

    It must stay on the page's site, and must not be the site's home page for an article
    page: templates that put the home page there would make every article one URL.
    """
    declared = urls.page_canonical(document.url, document.canonical_url)
    if declared is None or (urlsplit(declared).path in ("", "/") and _has_path(document.url)):
        return None
    return declared


def _has_path(url: str) -> bool:
    return urlsplit(url).path not in ("", "/")


def url_keys(document: Document, aliases: Iterable[str] = ()) -> dict[int, str]:
    """Return the URL keys a document is known by: its URL, its page's canonical, aliases."""
    declared = declared_canonical(document)
    candidates = [document.url, *([declared] if declared else []), *aliases]
    keys: dict[int, str] = {}
    for url in candidates:
        keys.setdefault(urls.url_key(url), urls.canonical_url(url))
    return keys


def held_url(session: Session, url: str) -> index.Held | None:
    """Return the held article at ``url`` or at its canonical form, if any; reads only."""
    held_id = articles.article_id_for_url(session, url)
    if held_id is not None:
        return index.held_among(session, [held_id])
    return index.held_by_urls(session, [urls.url_key(url)])


def find_duplicate(
    session: Session,
    document: Document,
    *,
    aliases: Sequence[str] = (),
    params: DedupParams = DEDUP_PARAMS,
) -> Match | None:
    """Return the held original that ``document`` duplicates, or None; reads only."""
    match, _postings = _find(session, document, aliases, features_of(document.text, params), params)
    return match


def _find(
    session: Session,
    document: Document,
    aliases: Sequence[str],
    features: Features,
    params: DedupParams,
) -> tuple[Match | None, index.SentencePostings | None]:
    """Return the match, and the sentence postings when the near-duplicate search read them."""
    held = index.held_by_urls(session, url_keys(document, aliases).keys())
    if held is not None:
        return Match(held.original_id, "url", 1.0, held.article_id), None
    held = index.held_by_text(session, features.text_hash)
    if held is not None:
        return Match(held.original_id, "text", 1.0, held.article_id), None
    postings = index.sentence_postings(session, features.sentence_hashes)
    return _near(session, features, postings, params), postings


def _near(
    session: Session,
    features: Features,
    postings: index.SentencePostings,
    params: DedupParams,
) -> Match | None:
    hasher = minhasher(params)
    signature = hasher.signature(features.shingles)
    if signature is None:
        return None
    candidates = dict.fromkeys(index.band_candidates(session, hasher.band_keys(signature)))
    # A copy inside a longer page shares sentences, not necessarily bands.
    min_shared = max(1, min(3, len(features.sentence_hashes)))
    candidates.update(dict.fromkeys(postings.candidates(params, min_shared=min_shared)))
    # The earliest candidate that passes: a copy points at the first publication, not at a
    # later update that happens to share the copied part more closely.
    for article_id, text in sorted(index.texts(session, candidates).items()):
        similarity = compare(features, features_of(text, params))
        if similarity.is_duplicate:
            return Match(article_id, "near", round(similarity.score, 4), article_id)
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
    Google News article link); they become URL keys of an original or a text or near copy, so
    the next entry with one of them is known without a fetch. A document whose exact URL is
    already stored is not stored again (``stored`` is false).
    """
    index.lock(session)
    index.check_params(session, params)
    held_id = articles.article_id_for_url(session, document.url)
    if held_id is not None:
        held = index.held_among(session, [held_id])
        assert held is not None  # found just above, in this transaction
        return Decision(held.article_id, held.original_id, "url", 1.0, stored=False)
    features = features_of(document.text, params)
    match, postings = _find(session, document, aliases, features, params)
    keys = url_keys(document, aliases)
    article_id = articles.add_article(
        session,
        document,
        watches=watches,
        fetched_at=fetched_at,
        canonical_url=declared_canonical(document) or urls.canonical_url(document.url),
        text_hash=features.text_hash,
        duplicate=(match.original_id, match.kind, match.score) if match else None,
    )
    if match is not None:
        if match.kind != "url":
            index.add_urls(session, article_id, keys)
        return Decision(article_id, match.original_id, match.kind, match.score)
    index.add_urls(session, article_id, keys)
    hasher = minhasher(params)
    signature = hasher.signature(features.shingles)
    index.add_original(
        session,
        article_id,
        band_keys=hasher.band_keys(signature) if signature is not None else [],
        sentence_hashes=features.sentence_hashes,
        postings=postings or index.sentence_postings(session, features.sentence_hashes),
        params=params,
    )
    return Decision(article_id, None, None, None)
