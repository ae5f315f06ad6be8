"""Each footnote's citations read again from its stored text and links.

A document's footnotes are read together, in the document's citation style, as
at ingest, with the links stored beside each footnote's text (revision 0009).
A footnote keeps its citations where what is stored cannot give them again:
the file stated them field by field (a wikitext template), or the footnote was
stored before its links were and an address came from a link. Cited works
found for the first time are linked to the archived documents they are.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, sessionmaker

from archive.derived import Progress, Rederived, rederive_in_batches
from archive.links import LinkedDocument, link_works
from archive.models import Claim, Document, Footnote, Marker, Passage
from archive.rederive import citation_rows
from archive.works import SourceBook
from ingest import (
    OutletRegistry,
    ParsedLink,
    StoredNote,
    footnote_citations,
    load_registry,
)

# The documents whose claims cite these footnotes (another section of a report
# may): their index entries hold the outlets the footnotes cite.
_CITING = (
    select(Passage.document_id)
    .join(Claim, Claim.passage_id == Passage.id)
    .join(Marker, Marker.claim_id == Claim.id)
    .where(Marker.footnote_id.in_(bindparam("notes", expanding=True)))
    .distinct()
)


def rederive_citations(
    sessions: sessionmaker[Session],
    progress: Progress | None = None,
    registry: OutletRegistry | None = None,
) -> Rederived:
    """Read every document's footnotes again; rewrite the citations that differ."""

    registry = registry or load_registry()
    citing: set[int] = set()  # other documents whose markers cite changed notes

    def batch(session: Session, ids: list[int]) -> dict[int, int]:
        return _batch(session, ids, registry, citing)

    footnoted = Document.id.in_(select(Footnote.document_id))
    done = rederive_in_batches(
        sessions, "citations", Document.id, batch, progress, where=[footnoted]
    )
    return replace(done, documents=tuple(sorted(citing.union(done.documents))))


def _batch(
    session: Session, ids: list[int], registry: OutletRegistry, citing: set[int]
) -> dict[int, int]:
    notes: dict[int, list] = defaultdict(list)
    rows = session.execute(
        select(
            Footnote.id,
            Footnote.document_id,
            Footnote.label,
            Footnote.text,
            Footnote.links,
        )
        .where(Footnote.document_id.in_(ids))
        .order_by(Footnote.document_id, Footnote.position)
    ).all()
    for row in rows:
        notes[row.document_id].append(row)
    stored = citation_rows.stored_rows(session, "footnote_id", [r.id for r in rows])
    book = SourceBook(session.connection(), registry)
    rewrites = citation_rows.Rewrites()
    changed = {
        document_id: document_id
        for document_id, footnotes in notes.items()
        if _reread(book, footnotes, stored, rewrites)
    }
    rewrites.write(session.connection())
    for document_id in changed:
        _link(session, document_id)
    citing.update(session.scalars(_CITING, {"notes": sorted(rewrites.owners)}))
    return changed


def _reread(
    book: SourceBook, footnotes: list, stored: dict, rewrites: citation_rows.Rewrites
) -> bool:
    """Read one document's footnotes again; whether any citation changed."""
    kept = [_stated(note, stored[note.id]) for note in footnotes]
    read = footnote_citations(
        [
            StoredNote(
                note.label,
                note.text,
                tuple(ParsedLink(*link) for link in note.links or ()),
                stated,
            )
            for note, stated in zip(footnotes, kept, strict=True)
        ],
        book.registry,
    )
    sources = book.resolve_all(tuple(c for cs in read for c in cs))
    changed = False
    for note, citations, stated in zip(footnotes, read, kept, strict=True):
        new = citation_rows.new_rows(citations, sources)
        if stated is None and citation_rows.differ(stored[note.id], new):
            rewrites.add("footnote_id", note.id, stored[note.id], new)
            changed = True
    return changed


def _stated(note, rows: list[dict]) -> tuple | None:
    """The stored citations of a note, where its stored text cannot give them:
    the file stated them, or (stored without its links) one's address is not in
    the text."""
    from_file = any(
        row["style"] == "stated"
        or (note.links is None and row["url"] and row["url"] not in note.text)
        for row in rows
    )
    return tuple(map(citation_rows.as_parsed, rows)) if from_file else None


def _link(session: Session, document_id: int) -> None:
    document = session.execute(
        select(
            Document.id,
            Document.outlet_id,
            Document.title_hash,
            Document.date,
            Document.date_precision,
        ).where(Document.id == document_id)
    ).one()
    link_works(session.connection(), LinkedDocument(*document))
