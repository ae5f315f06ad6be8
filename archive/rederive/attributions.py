"""The claims of stories and plain documents found again in their stored text.

Which sentences are claims, whom each cites, how ("told Reuters"), through whom,
with what said of the sourcing, and whom a story asked in vain: all are read
from the passages, as at ingest. A claim found again at the same place keeps its
id; its citations are rewritten only where they differ.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.orm import Session, sessionmaker

from archive.contents import no_comment_rows
from archive.derived import Progress, Rederived, rederive_in_batches
from archive.models import Claim, Document, NoComment, Passage
from archive.rederive import citation_rows
from archive.works import SourceBook
from ingest import (
    ATTRIBUTED_KINDS,
    OutletRegistry,
    ParsedClaim,
    StoredPassage,
    load_registry,
    story_attributions,
)

_CLAIMS = Claim.__table__
_NEW_CLAIM = insert(_CLAIMS).returning(_CLAIMS.c.id)
_CLAIM_FIELDS = update(_CLAIMS).where(_CLAIMS.c.id == bindparam("b_id"))
_NO_COMMENT = tuple(c for c in NoComment.__table__.c.keys() if c != "id")


def rederive_attributions(
    sessions: sessionmaker[Session],
    progress: Progress | None = None,
    registry: OutletRegistry | None = None,
) -> Rederived:
    """Find every story's claims again; rewrite those that differ."""

    registry = registry or load_registry()

    def batch(session: Session, ids: list[int]) -> dict[int, int]:
        book = SourceBook(session.connection(), registry)
        rewrites = citation_rows.Rewrites()
        changed = {i: i for i in ids if _reattribute(session, i, book, rewrites)}
        rewrites.write(session.connection())
        return changed

    attributed = Document.kind.in_(ATTRIBUTED_KINDS)
    return rederive_in_batches(
        sessions, "attributions", Document.id, batch, progress, where=[attributed]
    )


def _reattribute(
    session: Session,
    document_id: int,
    book: SourceBook,
    rewrites: citation_rows.Rewrites,
) -> bool:
    """Attribute one document's passages again; whether anything changed."""
    passages = session.execute(
        select(Passage.id, Passage.kind, Passage.text, Passage.level)
        .where(Passage.document_id == document_id)
        .order_by(Passage.position)
    ).all()
    reading = story_attributions(
        [StoredPassage(p.kind, p.text, p.level) for p in passages], book.registry
    )
    claims = _stored_claims(session, [p.id for p in passages])
    stored = citation_rows.stored_rows(
        session, "claim_id", [c.id for cs in claims.values() for c in cs]
    )
    sources = book.resolve_all(
        tuple(
            c for p in reading.passages for claim in p.claims for c in claim.citations
        )
    )
    changed = False
    for passage, read in zip(passages, reading.passages, strict=True):
        new = [(c, citation_rows.new_rows(c.citations, sources)) for c in read.claims]
        if _differ(claims[passage.id], stored, new):
            _rewrite(session, passage.id, claims[passage.id], (stored, new), rewrites)
            changed = True
    return _no_comment(session, document_id, reading) or changed


def _stored_claims(session: Session, passage_ids: list[int]) -> dict[int, list]:
    found: dict[int, list] = defaultdict(list)
    rows = session.execute(
        select(Claim.id, Claim.passage_id, Claim.start, Claim.end, Claim.text)
        .where(Claim.passage_id.in_(passage_ids))
        .order_by(Claim.passage_id, Claim.position)
    )
    for row in rows:
        found[row.passage_id].append(row)
    return found


def _differ(claims: list, stored: dict, new: list[tuple[ParsedClaim, list]]) -> bool:
    if [(c.start, c.end, c.text) for c in claims] != [
        (c.start, c.end, c.text) for c, _ in new
    ]:
        return True
    return any(
        citation_rows.differ(stored[claim.id], rows)
        for claim, (_, rows) in zip(claims, new, strict=True)
    )


def _rewrite(
    session: Session,
    passage_id: int,
    claims: list,
    stored_and_new: tuple[dict, list[tuple[ParsedClaim, list]]],
    rewrites: citation_rows.Rewrites,
) -> None:
    """Keep the claims found again at the same place; delete and add the rest."""
    stored, new = stored_and_new
    connection = session.connection()
    at = {(c.start, c.end): c for c in claims}
    found = {(c.start, c.end) for c, _ in new}
    gone = [c.id for c in claims if (c.start, c.end) not in found]
    if gone:  # their citations go with them
        connection.execute(delete(_CLAIMS).where(_CLAIMS.c.id.in_(gone)))
        rewrites.forget([row for claim_id in gone for row in stored[claim_id]])
    for position, (claim, rows) in enumerate(new):
        fields = {"position": position, "text": claim.text}
        old = at.get((claim.start, claim.end))
        if old is None:
            place = {"passage_id": passage_id, "start": claim.start, "end": claim.end}
            claim_id = connection.scalar(_NEW_CLAIM, {**place, **fields})
            rewrites.add("claim_id", claim_id, [], rows)
        else:
            connection.execute(_CLAIM_FIELDS, {"b_id": old.id, **fields})
            if citation_rows.differ(stored[old.id], rows):
                rewrites.add("claim_id", old.id, stored[old.id], rows)


def _no_comment(session: Session, document_id: int, reading) -> bool:
    """Rewrite whom the story asked in vain, if that changed; whether it did."""
    # no_comment_rows reads only the ``no_comment`` the reading holds too.
    new = no_comment_rows(document_id, reading)
    stored = session.execute(
        select(*(NoComment.__table__.c[c] for c in _NO_COMMENT))
        .where(NoComment.document_id == document_id)
        .order_by(NoComment.position)
    )
    if [dict(row) for row in stored.mappings()] == new:
        return False
    session.execute(delete(NoComment).where(NoComment.document_id == document_id))
    if new:
        session.execute(insert(NoComment), new)
    return True
