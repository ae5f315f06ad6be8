"""The search index: one Whoosh document per archived passage, derived from the DB.

Public face: ``Indexer`` writes (one document's passages, or a rebuild),
``check`` compares the index with the database, ``Searcher`` answers
``SearchRequest``s with ``SearchResult``s, which ``search_json`` turns into the
JSON the command line and the API share. Only this package imports Whoosh.
"""

from __future__ import annotations

from index import checklist, exports
from index.errors import (
    IndexBusy,
    IndexMissing,
    IndexOutdated,
    IndexUnavailable,
    SearchQueryError,
)
from index.freshness import CheckReport, check
from index.healing import Healing, heal
from index.matching import Match, MatchCount, MatchList
from index.payload import PUBLIC_FACETS, document_link, search_json
from index.results import (
    ClaimHit,
    DocumentHit,
    FacetCount,
    Hit,
    OutletLabel,
    SearchRequest,
    SearchResult,
)
from index.schema import SCHEMA_VERSION
from index.search import Searcher
from index.snippets import Snippet
from index.text import result_lines
from index.within import InDocument
from index.writer import Indexer, IndexUpdate

__all__ = [
    "PUBLIC_FACETS",
    "SCHEMA_VERSION",
    "CheckReport",
    "ClaimHit",
    "DocumentHit",
    "FacetCount",
    "Healing",
    "Hit",
    "InDocument",
    "IndexBusy",
    "IndexMissing",
    "IndexOutdated",
    "IndexUnavailable",
    "IndexUpdate",
    "Indexer",
    "Match",
    "MatchCount",
    "MatchList",
    "OutletLabel",
    "SearchQueryError",
    "SearchRequest",
    "SearchResult",
    "Searcher",
    "Snippet",
    "check",
    "checklist",
    "exports",
    "document_link",
    "heal",
    "result_lines",
    "search_json",
]
