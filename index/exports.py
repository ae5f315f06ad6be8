"""A search's matches as a file: the matching documents as references (RIS,
BibTeX, CSL-JSON), or one CSV row per matching passage.

Exports are bounded: ``MAX_DOCUMENTS`` documents as references, ``MAX_ROWS``
passages as CSV rows; ``bounds`` gives the bound for a format and
``truncation`` the sentence saying that it cut.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

from sqlalchemy.orm import Session

from archive import references
from index.matching import MatchList

MAX_DOCUMENTS = 5_000
MAX_ROWS = 10_000
CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
FORMATS = (*references.FORMATS, "csv")
CSV_COLUMNS = (
    "document",
    "title",
    "kind",
    "date",
    "source",
    "permalink",
    "text",
    "cited outlets",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

# (document id, passage anchor or None) -> the address of that place.
PlaceLink = Callable[[int, str | None], str]


def bounds(format_name: str, limit: int | None = None) -> dict[str, int]:
    """The ``Searcher.matches`` bound for an export in ``format_name``: ``limit``
    documents (CSV: rows), never more than ``MAX_DOCUMENTS`` (``MAX_ROWS``)."""
    if format_name == "csv":
        return {"max_passages": min(limit or MAX_ROWS, MAX_ROWS)}
    return {"max_documents": min(limit or MAX_DOCUMENTS, MAX_DOCUMENTS)}


def media_type(format_name: str) -> str:
    if format_name == "csv":
        return CSV_MEDIA_TYPE
    return references.FORMATS[format_name][1]


def extension(format_name: str) -> str:
    return "csv" if format_name == "csv" else references.FORMATS[format_name][2]


def render(
    found: MatchList, session: Session, format_name: str, link: PlaceLink
) -> str:
    """``found`` in ``format_name``: its documents as references, or its passages
    as CSV rows."""
    if format_name == "csv":
        return passages_csv(found, link)
    refs = references.documents(session, found.documents, lambda i: link(i, None))
    return references.render(refs, format_name)


def passages_csv(found: MatchList, link: PlaceLink) -> str:
    """One row per matching passage: its document, date, source, permalink, text
    and the outlets its claims cite."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for match in found.matches:
        writer.writerow(
            (
                match.document_id,
                cell(match.title),
                match.kind,
                match.date or "",
                cell(match.source or ""),
                link(match.document_id, match.anchor),
                cell(match.text),
                cell("; ".join(outlet.name for outlet in match.outlets)),
            )
        )
    return out.getvalue()


def cell(text: str) -> str:
    """``text`` as a CSV cell that a spreadsheet shows as text: one starting
    like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets
    a leading apostrophe, as OWASP advises against formula injection."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def truncation(found: MatchList, format_name: str) -> str | None:
    """The sentence saying that an export was cut, or None if it holds all."""
    if not found.truncated:
        return None
    if format_name == "csv":
        return (
            f"cut at {len(found.matches):,} rows: the export holds the first "
            f"{len(found.matches):,} of {found.total:,} matching passages; "
            "narrow the search for the rest"
        )
    return (
        f"cut at {len(found.documents):,} documents: the export holds the first "
        f"{len(found.documents):,} matching documents, not all; narrow the search "
        "for the rest"
    )
