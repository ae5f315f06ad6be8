"""Cited works tied to the archived documents they are.

A work links to a document when the outlet is the same, the titles are equal once
case, accents, punctuation and quotes are folded, and the dates lie within two
days of each other. Anything less certain is left unlinked: a false link is worse
than none. Linking runs whenever either side is stored, so the order of ingest
does not matter.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import Connection, Row, bindparam, select, update

from archive.models import Citation, CitedWork, Document, Footnote

MAX_DAYS_APART = 2

_WORKS = CitedWork.__table__
_WAITING_FOR_DOCUMENT = select(
    CitedWork.id, CitedWork.date, CitedWork.date_precision
).where(
    CitedWork.outlet_id == bindparam("outlet"),
    CitedWork.title_hash == bindparam("title_hash"),
)
# Filtered in Python, not in SQL: a condition on the work's own columns would
# lead SQLite to scan works first instead of the document's footnotes.
_CITED_IN_FOOTNOTES = (
    select(
        CitedWork.id,
        CitedWork.outlet_id,
        CitedWork.title_hash,
        CitedWork.date,
        CitedWork.date_precision,
        CitedWork.document_id,
    )
    .join(Citation, Citation.work_id == CitedWork.id)
    .join(Footnote, Citation.footnote_id == Footnote.id)
    .where(Footnote.document_id == bindparam("document"))
    .distinct()
)
_ARCHIVED_BY_TITLE = select(
    Document.id,
    Document.outlet_id,
    Document.title_hash,
    Document.date,
    Document.date_precision,
).where(
    Document.title_hash.in_(bindparam("hashes", expanding=True)),
    Document.title_derived.is_(False),
    Document.outlet_id.is_not(None),
)
_LINK_WORK = (
    update(_WORKS)
    .where(_WORKS.c.id == bindparam("b_id"))
    .values(document_id=bindparam("b_document"))
)


@dataclass(frozen=True, slots=True)
class LinkedDocument:
    """What linking needs of a stored document (no title hash if it is derived)."""

    id: int
    outlet_id: int | None
    title_hash: str | None
    date: dt.date | None
    date_precision: str | None


def link_works(connection: Connection, document: LinkedDocument) -> None:
    """Link ``document`` to the works that cite it, and its cited works to theirs."""
    links: list[dict[str, int]] = []
    if document.outlet_id and document.title_hash:
        waiting = connection.execute(
            _WAITING_FOR_DOCUMENT,
            {"outlet": document.outlet_id, "title_hash": document.title_hash},
        )
        links += [
            {"b_id": work.id, "b_document": document.id}
            for work in waiting
            if _dates_agree(work, document)
        ]
    _save(connection, links)
    waiting = _works_cited_by(connection, document.id)
    copies = _archived_candidates(connection, {work.title_hash for work in waiting})
    links = []
    for work in waiting:
        matches = [
            doc.id
            for doc in copies.get((work.outlet_id, work.title_hash), [])
            if _dates_agree(work, doc)
        ]
        if len(matches) == 1:
            links.append({"b_id": work.id, "b_document": matches[0]})
    _save(connection, links)


def _save(connection: Connection, links: list[dict[str, int]]) -> None:
    if links:
        connection.execute(_LINK_WORK, links)


def _works_cited_by(connection: Connection, document_id: int) -> list[Row]:
    """The document's footnotes' cited works that could link but do not yet."""
    return [
        work
        for work in connection.execute(
            _CITED_IN_FOOTNOTES, {"document": document_id}
        ).all()  # fetched at once: row by row costs a call each
        if work.document_id is None and work.outlet_id and work.title_hash
    ]


def _archived_candidates(
    connection: Connection, hashes: set[str]
) -> dict[tuple[int, str], list[Row]]:
    """Archived documents (with real titles) by outlet and title hash."""
    found: dict[tuple[int, str], list[Row]] = defaultdict(list)
    ordered = sorted(hashes)
    for start in range(0, len(ordered), 500):
        rows = connection.execute(
            _ARCHIVED_BY_TITLE, {"hashes": ordered[start : start + 500]}
        ).all()
        for document in rows:
            found[(document.outlet_id, document.title_hash)].append(document)
    return found


def _dates_agree(work, document) -> bool:
    """Whether the dates (``date`` and ``date_precision`` of each) are close enough."""
    if work.date is None or document.date is None:
        return False
    coarse = {work.date_precision, document.date_precision} - {"day"}
    if not coarse:
        return abs(work.date - document.date) <= dt.timedelta(days=MAX_DAYS_APART)
    if "year" in coarse:
        return work.date.year == document.date.year
    return (work.date.year, work.date.month) == (
        document.date.year,
        document.date.month,
    )
