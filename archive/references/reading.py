"""Archived records as references: a document, the works a claim cites (and the
document it stands in), a cited work.

``link`` gives a document's page on the site from its id; a document without a
known original is referenced by that page, and one with an original names the
page in its note. Without ``link`` (the command line) only originals are given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from archive.browse.rows import is_uncertain, shown_date
from archive.errors import NotFound
from archive.models import Citation, CitedWork, Claim, Document, Footnote, Marker
from archive.references.model import Reference

Link = Callable[[int], str] | None
AS_WRITTEN = "The citation as the footnote writes it: it could not be read into fields."


def documents(
    session: Session, ids: Sequence[int], link: Link = None
) -> list[Reference]:
    """The documents with these ids as references, in the order given (an id
    with no document is left out)."""
    found = {
        row.id: row
        for row in session.scalars(
            select(Document)
            .where(Document.id.in_(set(ids)))
            .options(selectinload(Document.outlet), selectinload(Document.report))
        )
    }
    return [document_reference(found[i], link) for i in ids if i in found]


def document(session: Session, document_id: int, link: Link = None) -> Reference:
    found = documents(session, [document_id], link)
    if not found:
        raise NotFound("document", document_id)
    return found[0]


def document_reference(row: Document, link: Link = None) -> Reference:
    """A report section is a report within its whole report; a story an article
    in its agency's or newspaper's name; its archiving day is its access date."""
    outlet = row.outlet.name if row.outlet else None
    source = outlet or row.publisher or row.agency
    page = link(row.id) if link else None
    notes = [f"Cite as: {row.cite_as}" if row.cite_as else None]
    if row.title_derived:
        notes.append("The file states no title: the one in brackets is its lead's.")
    if row.url and page:
        notes.append(f"Archived copy: {page}")
    report = row.report.title if row.report else None
    return Reference(
        key=f"doc-{row.id}",
        kind=row.kind,
        title=f"[{row.title}]" if row.title_derived else row.title,
        authors=tuple(row.authors or ())
        or ((source,) if row.kind == "report" and source else ()),
        container=report if row.kind == "report" else source,
        publisher=source if row.kind == "report" else None,
        date=shown_date(row.date, row.date_precision),
        accessed=row.archived_at.date().isoformat() if row.archived_at else None,
        url=row.url or page,
        note=" ".join(n for n in notes if n) or None,
    )


def work(session: Session, work_id: int, link: Link = None) -> Reference:
    """A cited work, with the authors and kind of the first footnote citing it."""
    row = session.scalar(
        select(CitedWork)
        .where(CitedWork.id == work_id)
        .options(selectinload(CitedWork.outlet))
    )
    if row is None:
        raise NotFound("cited work", work_id)
    first = session.scalar(
        select(Citation)
        .where(Citation.work_id == work_id)
        .order_by(Citation.id)
        .limit(1)
        .options(selectinload(Citation.outlet), selectinload(Citation.work))
    )
    base = citation_reference(first, link) if first else None
    url = row.url or (link(row.document_id) if link and row.document_id else None)
    return Reference(
        key=f"work-{row.id}",
        kind=(base.kind if base else None) or "document",
        title=row.title or (base.title if base else f"Cited work {row.id}"),
        authors=base.authors if base else (),
        container=row.outlet.name if row.outlet else base and base.container,
        publisher=base.publisher if base else None,
        date=shown_date(row.date, row.date_precision),
        url=url,
    )


def citation_reference(row: Citation, link: Link = None) -> Reference:
    """One citation as the footnote (or story) gives it. One that could not be
    read into fields, or was read with low confidence, keeps its words as
    written as its title, and only the fields it states for sure (its URL)."""
    work_row = row.work
    archived = work_row.document_id if work_row else None
    url = (
        row.url
        or (work_row.url if work_row else None)
        or (link(archived) if link and archived else None)
    )
    key = f"work-{work_row.id}" if work_row else f"citation-{row.id}"
    if not row.title or is_uncertain(row.confidence):
        return Reference(
            key=key, kind="document", title=row.text, url=url, note=AS_WRITTEN
        )
    return Reference(
        key=key,
        kind=row.kind or "document",
        title=row.title,
        authors=tuple(row.authors or ()),
        container=row.outlet.name if row.outlet else row.outlet_text,
        publisher=row.publisher,
        date=shown_date(row.date, row.date_precision),
        accessed=shown_date(row.accessed, row.accessed_precision),
        url=url,
        pages=row.pages,
        number=row.report_number,
    )


def claim(session: Session, claim_id: int, link: Link = None) -> list[Reference]:
    """The works a claim cites (through its footnotes, or the named sources a
    story attributes it to), each once, then the document it stands in."""
    row = session.scalar(
        select(Claim)
        .where(Claim.id == claim_id)
        .options(
            selectinload(Claim.markers)
            .selectinload(Marker.footnote)
            .selectinload(Footnote.citations)
            .options(selectinload(Citation.outlet), selectinload(Citation.work)),
            selectinload(Claim.citations).options(
                selectinload(Citation.outlet), selectinload(Citation.work)
            ),
        )
    )
    if row is None:
        raise NotFound("claim", claim_id)
    notes = {m.footnote.id: m.footnote for m in row.markers if m.footnote}
    cited = [c for note in notes.values() for c in note.citations]
    cited += [c for c in row.citations if not c.anonymous and (c.title or c.url)]
    found: dict[str, Reference] = {}
    for citation in cited:
        reference = citation_reference(citation, link)
        found.setdefault(reference.key, reference)
    return [*found.values(), document(session, row.passage.document_id, link)]
