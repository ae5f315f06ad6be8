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

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive.models import Citation, CitedWork, Document, Footnote
from archive.works import title_hash

MAX_DAYS_APART = 2


def link_works(session: Session, document: Document) -> None:
    """Link ``document`` to the works that cite it, and its cited works to theirs."""
    if document.outlet_id and document.title_hash and not document.title_derived:
        waiting = session.scalars(
            select(CitedWork).where(
                CitedWork.outlet_id == document.outlet_id,
                CitedWork.title_hash == document.title_hash,
            )
        )
        for work in waiting:
            if _dates_agree(work, document):
                work.document_id = document.id
    waiting = [
        work
        for work in _works_cited_by(session, document)
        if work.document_id is None and work.outlet_id and work.title_hash
    ]
    copies = _archived_candidates(session, {work.title_hash for work in waiting})
    for work in waiting:
        matches = [
            doc.id
            for doc in copies.get((work.outlet_id, work.title_hash), [])
            if _dates_agree(work, doc)
        ]
        if len(matches) == 1:
            work.document_id = matches[0]


def document_title_hash(document: Document) -> str | None:
    return None if document.title_derived else title_hash(document.title)


def _works_cited_by(session: Session, document: Document) -> list[CitedWork]:
    in_footnotes = (
        select(CitedWork)
        .join(Citation, Citation.work_id == CitedWork.id)
        .join(Footnote, Citation.footnote_id == Footnote.id)
        .where(Footnote.document_id == document.id)
    )
    return list(session.scalars(in_footnotes.distinct()))


def _archived_candidates(
    session: Session, hashes: set[str]
) -> dict[tuple[int, str], list[Document]]:
    """Archived documents (with real titles) by outlet and title hash."""
    found: dict[tuple[int, str], list[Document]] = defaultdict(list)
    ordered = sorted(hashes)
    for start in range(0, len(ordered), 500):
        rows = session.scalars(
            select(Document).where(
                Document.title_hash.in_(ordered[start : start + 500]),
                Document.title_derived.is_(False),
                Document.outlet_id.is_not(None),
            )
        )
        for document in rows:
            found[(document.outlet_id, document.title_hash)].append(document)
    return found


def _dates_agree(work: CitedWork, document: Document) -> bool:
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
