"""The dedup stage: recognise what the corpus already holds.

Three questions, cheapest first, each an indexed lookup that never scans the corpus:

1. **Same URL** (``urls``): the canonical form of the entry's link, then of the page's final
   URL and its own ``<link rel=canonical>``, against the URL keys of held articles. Asked before
   the page is fetched, so a known page is never fetched again.
2. **Same text** (``features.text_hash``): a hash of the normalised extracted text.
3. **Near duplicate** (``index``, ``verify``): candidates from two database indexes, a MinHash
   band index over word 5-grams (syndicated copies, light rewrites) and a sentence-hash index
   (copies that sit inside longer pages), each verified against the candidate's stored text.

Only originals are indexed: a copy of a copy is found through the original, and a story
syndicated to a hundred outlets costs index rows once. ``decide.add_document`` stores an
article with its decision; ``reindex`` rebuilds the indexes after the parameters change.
"""

from __future__ import annotations

from monitor.dedup.decide import Decision, add_document, find_duplicate, held_url
from monitor.dedup.params import DEDUP_PARAMS, DedupParams

__all__ = ["DEDUP_PARAMS", "Decision", "DedupParams", "add_document", "find_duplicate", "held_url"]
