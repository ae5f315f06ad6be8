"""One whole document, read with one column query per kind of row.

A long report section holds thousands of claims, markers, footnotes and
citations; selecting their columns and building the records directly keeps the
cost to a few queries and one pass over each result, with no ORM objects. The
queries are built once, with the document's id as a bound parameter.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import PurePath

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session

from archive.browse import columns, link_health, rows
from archive.browse.records import (
    CitationInfo,
    ClaimInfo,
    DocumentDetail,
    DocumentSummary,
    FootnoteInfo,
    MarkerInfo,
    NoCommentInfo,
    OutletInfo,
    PassageInfo,
    ReferenceInfo,
)
from archive.errors import NotFound
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    DocumentCountry,
    Footnote,
    Marker,
    NoComment,
    Passage,
    Reference,
)

_ID = bindparam("document_id")
_IN_DOCUMENT = Passage.document_id == _ID
_HEAD = columns.summaries(
    Document.cite_as,
    Document.dateline,
    Document.authors,
    Document.credits,
    Document.warnings,
    Document.archived_at,
    Document.url,
    Document.title_derived,
    Document.path,
    Document.checksum,
    Document.source_format,
    columns.PUBLISHER.short_name,
    columns.PUBLISHER.name,
    columns.PUBLISHER.kind,
).where(Document.id == _ID)
# Markers in reading order, which numbers each label's uses.
_MARKERS = (
    select(
        Marker.claim_id,
        Marker.id,
        Marker.label,
        Marker.offset,
        Marker.footnote_id,
        Footnote.label,
    )
    .join(Claim, Claim.id == Marker.claim_id)
    .join(Passage, Passage.id == Claim.passage_id)
    .outerjoin(Footnote, Footnote.id == Marker.footnote_id)
    .where(_IN_DOCUMENT)
    .order_by(Passage.position, Marker.offset, Marker.id)
)
_CLAIMS = (
    select(Claim.passage_id, Claim.id, Claim.start, Claim.end, Claim.text)
    .join(Passage, Passage.id == Claim.passage_id)
    .where(_IN_DOCUMENT)
    .order_by(Claim.passage_id, Claim.position, Claim.id)
)
_CLAIM_CITATIONS = (
    columns.citations(Citation.claim_id)
    .join(Claim, Claim.id == Citation.claim_id)
    .join(Passage, Passage.id == Claim.passage_id)
    .where(_IN_DOCUMENT)
)
_REFERENCES = (
    select(Reference.passage_id, Reference.text, Reference.target)
    .join(Passage, Passage.id == Reference.passage_id)
    .where(_IN_DOCUMENT)
    .order_by(Reference.id)
)
_PASSAGES = (
    select(
        Passage.id,
        Passage.position,
        Passage.anchor,
        Passage.kind,
        Passage.level,
        Passage.text,
    )
    .where(_IN_DOCUMENT)
    .order_by(Passage.position, Passage.id)
)
_NOTES = select(
    Footnote.id, Footnote.label, Footnote.text, Footnote.document_id
).order_by(Footnote.position, Footnote.id)
_OWN_NOTES = _NOTES.where(Footnote.document_id == _ID)
_NOTE_CITATIONS = columns.citations(Citation.footnote_id).join(
    Footnote, Footnote.id == Citation.footnote_id
)
_SECTIONS = (
    columns.summaries()
    .where(Document.report_id == bindparam("report_id"), Document.id != _ID)
    .order_by(Document.section_number, Document.id)
)
_COUNTRIES = (
    select(DocumentCountry.code)
    .where(DocumentCountry.document_id == _ID)
    .order_by(DocumentCountry.position)
)
_NO_COMMENT = (
    select(
        NoComment.text,
        NoComment.how,
        NoComment.outlet_slug,
        NoComment.outlet_text,
        NoComment.description,
        NoComment.anonymous,
    )
    .where(NoComment.document_id == _ID)
    .order_by(NoComment.position, NoComment.id)
)
_CITED_AS = columns.works().where(CitedWork.document_id == _ID).order_by(CitedWork.id)


def document(session: Session, document_id: int) -> DocumentDetail:
    """A whole document: passages, claims, markers, footnotes and citations."""
    at = {"document_id": document_id}
    head = session.execute(_HEAD, at).first()
    if head is None:
        raise NotFound("document", document_id)
    summary = columns.summary_fields_of(head)
    cite_as, dateline, authors, credits, warnings, archived_at, url = head[12:19]
    title_derived, path, checksum, source_format, *publisher = head[19:]
    outlets: dict[str, OutletInfo] = {}
    markers, cited_by = _markers(session, at)
    report_id = summary["report_id"]
    return DocumentDetail(
        **summary,
        cite_as=cite_as,
        dateline=dateline,
        authors=tuple(authors or ()),
        credits=tuple(credits or ()),
        warnings=tuple(warnings or ()),
        publisher_outlet=(
            OutletInfo(summary["source"], *publisher) if summary["source"] else None
        ),
        archived_at=f"{archived_at.isoformat(timespec='seconds')}Z",
        url=url,
        title_derived=title_derived,
        countries=rows.countries(session.scalars(_COUNTRIES, at)),
        file_name=PurePath(path).name,
        checksum=checksum,
        source_format=source_format,
        passages=_passages(session, at, markers, outlets),
        footnotes=_footnotes(session, document_id, cited_by, outlets),
        sections=_other_sections(session, document_id, report_id),
        cited_as=tuple(columns.work_of(r) for r in session.execute(_CITED_AS, at)),
        no_comment=tuple(NoCommentInfo(*r) for r in session.execute(_NO_COMMENT, at)),
        fetched=link_health.fetched_copy(session, document_id),
    )


def _markers(
    session: Session, at: dict
) -> tuple[dict[int, list[MarkerInfo]], dict[int, list[str]]]:
    """Markers by claim, and the anchors of the markers citing each footnote.

    A marker's anchor is ``ref-<label>-<n>`` for the n-th use of its label in
    the document, counted in reading order.
    """
    seen: dict[str, int] = defaultdict(int)
    by_claim: dict[int, list[MarkerInfo]] = defaultdict(list)
    cited_by: dict[int, list[str]] = defaultdict(list)
    for claim_id, marker_id, label, offset, footnote_id, note_label in session.execute(
        _MARKERS, at
    ):
        seen[label] += 1
        ref = f"ref-{rows.anchor_part(label)}-{seen[label]}"
        anchor = f"fn-{rows.anchor_part(note_label)}" if note_label else None
        by_claim[claim_id].append(
            MarkerInfo(marker_id, label, offset, footnote_id, anchor, ref)
        )
        if footnote_id is not None:
            cited_by[footnote_id].append(ref)
    return by_claim, cited_by


def _passages(
    session: Session,
    at: dict,
    markers: dict[int, list[MarkerInfo]],
    outlets: dict[str, OutletInfo],
) -> tuple[PassageInfo, ...]:
    owned: dict[int, list[CitationInfo]] = defaultdict(list)
    for row in session.execute(_CLAIM_CITATIONS, at):
        owned[row[0]].append(columns.citation_of(row, outlets))
    claims: dict[int, list[ClaimInfo]] = defaultdict(list)
    for passage_id, claim_id, start, end, text in session.execute(_CLAIMS, at):
        claims[passage_id].append(
            ClaimInfo(
                claim_id,
                start,
                end,
                text,
                tuple(markers.get(claim_id, ())),
                tuple(owned.get(claim_id, ())),
            )
        )
    references: dict[int, list[ReferenceInfo]] = defaultdict(list)
    for passage_id, text, target in session.execute(_REFERENCES, at):
        references[passage_id].append(ReferenceInfo(text, target))
    return tuple(
        PassageInfo(
            passage_id,
            position,
            anchor,
            kind,
            level,
            text,
            tuple(claims.get(passage_id, ())),
            tuple(references.get(passage_id, ())),
        )
        for passage_id, position, anchor, kind, level, text in session.execute(
            _PASSAGES, at
        )
    )


def _footnotes(
    session: Session,
    document_id: int,
    cited_by: dict[int, list[str]],
    outlets: dict[str, OutletInfo],
) -> tuple[FootnoteInfo, ...]:
    """The document's own footnotes, then those of other sections its markers cite."""
    notes = session.execute(_OWN_NOTES, {"document_id": document_id}).all()
    foreign = set(cited_by) - {note[0] for note in notes}
    if foreign:
        notes += session.execute(_NOTES.where(Footnote.id.in_(foreign))).all()
    defined_or_cited = Footnote.document_id == _ID
    if foreign:
        defined_or_cited = or_(defined_or_cited, Footnote.id.in_(foreign))
    citations: dict[int, list[CitationInfo]] = defaultdict(list)
    for row in session.execute(
        _NOTE_CITATIONS.where(defined_or_cited), {"document_id": document_id}
    ):
        citations[row[0]].append(columns.citation_of(row, outlets))
    return tuple(
        FootnoteInfo(
            note_id,
            label,
            f"fn-{rows.anchor_part(label)}",
            text,
            defined_in,
            tuple(citations.get(note_id, ())),
            tuple(cited_by.get(note_id, ())),
        )
        for note_id, label, text, defined_in in notes
    )


def _other_sections(
    session: Session, document_id: int, report_id: int | None
) -> tuple[DocumentSummary, ...]:
    if report_id is None:
        return ()
    found = session.execute(
        _SECTIONS, {"document_id": document_id, "report_id": report_id}
    )
    return tuple(columns.summary_of(row) for row in found)
