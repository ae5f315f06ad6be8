"""Named read functions for the site: documents, claims, outlets and cited works.

Each takes a session and returns plain frozen records (``archive.browse.records``),
ready for a template or for JSON; no model object escapes, and a missing record
is an ``archive.errors.NotFound``.
"""

from __future__ import annotations

from archive.browse.claims import claim, claim_excerpts
from archive.browse.documents import (
    document_summaries,
    has_documents,
    list_documents,
)
from archive.browse.full_document import document
from archive.browse.link_health import LinkCounts, LinkState, original_of
from archive.browse.records import (
    Attributions,
    CitationInfo,
    ClaimDetail,
    ClaimInfo,
    ClaimRef,
    DocumentDetail,
    DocumentList,
    DocumentSummary,
    Facet,
    FootnoteInfo,
    MarkerInfo,
    OutletCount,
    OutletDetail,
    OutletIndex,
    OutletInfo,
    PassageInfo,
    ReferenceInfo,
    ReportInfo,
    WorkDetail,
    WorkGroup,
    WorkSummary,
)
from archive.browse.sources import (
    attributions,
    outlet,
    outlet_index,
    outlets_by_slug,
    work,
)

__all__ = [
    "Attributions",
    "CitationInfo",
    "ClaimDetail",
    "ClaimInfo",
    "ClaimRef",
    "DocumentDetail",
    "DocumentList",
    "DocumentSummary",
    "Facet",
    "FootnoteInfo",
    "LinkCounts",
    "LinkState",
    "MarkerInfo",
    "OutletCount",
    "OutletDetail",
    "OutletIndex",
    "OutletInfo",
    "PassageInfo",
    "ReferenceInfo",
    "ReportInfo",
    "WorkDetail",
    "WorkGroup",
    "WorkSummary",
    "attributions",
    "claim",
    "claim_excerpts",
    "document",
    "document_summaries",
    "has_documents",
    "list_documents",
    "original_of",
    "outlet",
    "outlet_index",
    "outlets_by_slug",
    "work",
]
