"""Archived records as references for reference managers: RIS, BibTeX and
CSL-JSON, written from one neutral ``Reference``.

``documents``, ``document``, ``claim`` and ``work`` read the references;
``render`` writes them in a format of ``FORMATS``.
"""

from __future__ import annotations

from collections.abc import Iterable

from archive.references import bibtex, csljson, ris
from archive.references.model import GENERIC, TYPES, Reference
from archive.references.reading import (
    Link,
    citation_reference,
    claim,
    document,
    document_reference,
    documents,
    work,
)

# Format name -> (writer, media type, file extension).
FORMATS = {
    "ris": (ris.dumps, ris.MEDIA_TYPE, "ris"),
    "bibtex": (bibtex.dumps, bibtex.MEDIA_TYPE, "bib"),
    "csljson": (csljson.dumps, csljson.MEDIA_TYPE, "json"),
}

# Every CSL type an export may hold.
CSL_TYPES = tuple(dict.fromkeys([*(t[2] for t in TYPES.values()), GENERIC[2]]))


def render(references: Iterable[Reference], format_name: str) -> str:
    """``references`` written in ``format_name`` (a key of ``FORMATS``)."""
    return FORMATS[format_name][0](references)


__all__ = [
    "CSL_TYPES",
    "FORMATS",
    "TYPES",
    "Link",
    "Reference",
    "citation_reference",
    "claim",
    "document",
    "document_reference",
    "documents",
    "render",
    "work",
]
