"""A parsed document's contents written as rows: one bulk INSERT per table.

Footnotes, passages and claims are inserted with RETURNING so that the rows
below them (citations, markers, references, names) can point at them; nothing
goes through the ORM (its unit of work, or even its bulk path): the rows are
plain table inserts, which is what makes large reports quick.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from sqlalchemy import Connection, Insert, Table, bindparam, insert, select

from archive.bulk import insert_rows
from archive.models import (
    Citation,
    Claim,
    Footnote,
    Marker,
    Passage,
    PassageName,
    Reference,
)
from archive.names import names_in
from archive.works import Resolved
from ingest import ParsedCitation, ParsedDocument


def insert_contents(
    connection: Connection,
    document_id: int,
    report_id: int | None,
    parsed: ParsedDocument,
    sources: Resolved,
    kept_claims: KeptClaims | None = None,
) -> dict[str, int]:
    """Insert everything ``parsed`` holds under the document; footnote ids by label.

    ``kept_claims``: the ids a former version's claims had (``claim_ids_kept``);
    a claim with the same text gets its former id back (the n-th claim of a text
    the n-th id), so that links to it still lead to it.
    """
    footnote_ids = _insert_footnotes(connection, document_id, report_id, parsed)
    citations = [
        citation_row(citation, number, sources, footnote_id=footnote_ids[note.label])
        for note in parsed.footnotes
        for number, citation in enumerate(note.citations)
    ]
    passage_ids = _insert_passages(connection, document_id, parsed)
    claims = [
        (passage_id, number, claim)
        for passage_id, passage in zip(passage_ids, parsed.passages, strict=True)
        for number, claim in enumerate(passage.claims)
    ]
    claim_ids = _insert_claims(
        connection,
        [
            {
                "passage_id": pid,
                "position": n,
                "start": c.start,
                "end": c.end,
                "text": c.text,
            }
            for pid, n, c in claims
        ],
        [claim.text for _, _, claim in claims],
        kept_claims or {},
    )
    shared = _report_footnote_ids(connection, document_id, report_id)
    markers = [
        {
            "claim_id": claim_id,
            "label": marker.label,
            "offset": marker.offset,
            "footnote_id": footnote_ids.get(marker.label) or shared.get(marker.label),
        }
        for claim_id, (_, _, claim) in zip(claim_ids, claims, strict=True)
        for marker in claim.markers
    ]
    citations += [
        citation_row(citation, number, sources, claim_id=claim_id)
        for claim_id, (_, _, claim) in zip(claim_ids, claims, strict=True)
        for number, citation in enumerate(claim.citations)
    ]
    rows_of = zip(passage_ids, parsed.passages, strict=True)
    references, names = [], []
    for passage_id, passage in rows_of:
        references += [
            {"passage_id": passage_id, "text": r.text, "target": r.target}
            for r in passage.references
        ]
        names += [
            {"passage_id": passage_id, "key": key}
            for key in sorted(names_in(passage.text))
        ]
    for model, rows in (
        (Citation, citations),
        (Marker, markers),
        (Reference, references),
        (PassageName, names),
    ):
        insert_rows(connection, _insert(model.__table__), rows)
    return footnote_ids


KeptClaims = dict[str, list[int]]
_CLAIMS_OF = (
    select(Claim.text, Claim.id)
    .join(Passage, Claim.passage_id == Passage.id)
    .where(Passage.document_id == bindparam("document"))
    .order_by(Passage.position, Claim.position)
)


def claim_ids_kept(connection: Connection, document_id: int) -> KeptClaims:
    """A stored document's claim ids by their text, in the order they come."""
    kept: KeptClaims = {}
    for text, claim_id in connection.execute(_CLAIMS_OF, {"document": document_id}):
        kept.setdefault(text, []).append(claim_id)
    return kept


def _insert_claims(
    connection: Connection,
    rows: list[dict],
    keys: list[str],
    kept: KeptClaims,
) -> list[int]:
    """Insert claim rows, those that match a kept claim under its former id."""
    for row, key in zip(rows, keys, strict=True):
        if kept.get(key):
            row["id"] = kept[key].pop(0)
    again = [row for row in rows if "id" in row]
    new = [row for row in rows if "id" not in row]
    insert_rows(connection, _insert(Claim.__table__), again)
    ids = dict(
        zip(
            ((r["passage_id"], r["position"]) for r in new),
            _insert_returning(connection, Claim, ("passage_id", "position"), new),
            strict=True,
        )
    )
    return [row.get("id") or ids[row["passage_id"], row["position"]] for row in rows]


def _insert_footnotes(
    connection: Connection,
    document_id: int,
    report_id: int | None,
    parsed: ParsedDocument,
) -> dict[str, int]:
    rows = [
        {
            "document_id": document_id,
            "report_id": report_id,
            "position": position,
            "label": note.label,
            "text": note.text,
            "links": [[k.text, k.href, k.start, k.end] for k in note.links],
        }
        for position, note in enumerate(parsed.footnotes)
    ]
    ids = _insert_returning(connection, Footnote, ("label",), rows)
    return {
        row["label"]: footnote_id for row, footnote_id in zip(rows, ids, strict=True)
    }


def _insert_passages(
    connection: Connection, document_id: int, parsed: ParsedDocument
) -> list[int]:
    anchors: set[str] = set()
    rows = [
        {
            "document_id": document_id,
            "position": position,
            "anchor": anchor_for(passage.text, anchors),
            "kind": passage.kind,
            "level": passage.level,
            "text": passage.text,
        }
        for position, passage in enumerate(parsed.passages)
    ]
    return _insert_returning(connection, Passage, ("position",), rows)


def _insert_returning(
    connection: Connection, model, key: tuple[str, ...], rows: list[dict]
) -> list[int]:
    """Insert ``rows`` and return their new ids in the same order.

    The ids come back with the ``key`` columns that tell the rows apart, and are
    matched up by them: asking the database for them in order would make SQLite
    insert one row at a time.
    """
    if not rows:
        return []
    statement = _insert(model.__table__, key)
    ids = {tuple(found): i for i, *found in insert_rows(connection, statement, rows)}
    return [ids[tuple(row[k] for k in key)] for row in rows]


@lru_cache
def _insert(table: Table, returning: tuple[str, ...] = ()) -> Insert:
    """An INSERT into ``table`` (built once), returning ids with these columns."""
    if not returning:
        return insert(table)
    return insert(table).returning(table.c.id, *(table.c[k] for k in returning))


_REPORT_FOOTNOTES = select(Footnote.label, Footnote.id).where(
    Footnote.report_id == bindparam("report"),
    Footnote.document_id != bindparam("document"),
)


def _report_footnote_ids(
    connection: Connection, document_id: int, report_id: int | None
) -> dict[str, int]:
    """Footnotes other sections of the same report define (shared numbering)."""
    if report_id is None:
        return {}
    rows = connection.execute(
        _REPORT_FOOTNOTES, {"report": report_id, "document": document_id}
    )
    return dict(rows.all())


def citation_row(
    citation: ParsedCitation, position: int, sources: Resolved, **owner: int
) -> dict[str, object]:
    """The ``citation`` table's row for ``citation`` (its outlet and work resolved
    in ``sources``), owned by a footnote or a claim; rederive writes it too."""
    outlet_id, work_id = sources[id(citation)]
    date, accessed = citation.date, citation.accessed
    return {
        **owner,
        "position": position,
        "text": citation.text,
        "outlet_id": outlet_id,
        "outlet_text": citation.outlet,
        "title": citation.title,
        "date": date.first_day if date else None,
        "date_precision": date.precision if date else None,
        "url": citation.url,
        "pages": citation.pages,
        "anonymous": citation.anonymous,
        "description": citation.description,
        "work_id": work_id,
        "authors": list(citation.authors),
        "publisher": citation.publisher,
        "accessed": accessed.first_day if accessed else None,
        "accessed_precision": accessed.precision if accessed else None,
        "doi": citation.doi,
        "report_number": citation.report_number,
        "kind": citation.kind,
        "style": citation.style,
        "confidence": citation.confidence,
        "how": citation.how,
        "via": citation.via,
        "qualifier": citation.qualifier,
    }


def no_comment_rows(document_id: int, parsed: ParsedDocument) -> list[dict]:
    """Whom the story asked in vain, in order of mention."""
    return [
        {
            "document_id": document_id,
            "position": position,
            "text": asked.text,
            "how": asked.how,
            "outlet_slug": asked.outlet_slug,
            "outlet_text": asked.outlet,
            "description": asked.description,
            "anonymous": asked.anonymous,
        }
        for position, asked in enumerate(parsed.no_comment)
    ]


def anchor_for(text: str, taken: set[str]) -> str:
    """A permalink id that survives edits elsewhere in the document."""
    base = "p-" + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:8]
    anchor, suffix = base, 2
    while anchor in taken:
        anchor, suffix = f"{base}-{suffix}", suffix + 1
    taken.add(anchor)
    return anchor
