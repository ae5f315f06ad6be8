"""Named read functions for the command line, the index and the site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    Marker,
    Outlet,
    Passage,
)


@dataclass(frozen=True, slots=True)
class ArchiveStats:
    documents: dict[str, int]
    passages: int
    claims: int
    footnotes: int
    citations: int
    works: int
    outlets: list[tuple[str, str, int]]


def archive_stats(session: Session, top: int = 10) -> ArchiveStats:
    """Counts of everything archived, and the most cited outlets."""
    by_kind = dict(
        session.execute(
            select(Document.kind, func.count()).group_by(Document.kind)
        ).all()
    )

    def count(model) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    cited = (
        select(Outlet.short_name, Outlet.name, func.count(Citation.id))
        .join(Citation, Citation.outlet_id == Outlet.id)
        .group_by(Outlet.id, Outlet.short_name, Outlet.name)
        .order_by(func.count(Citation.id).desc(), Outlet.short_name)
        .limit(top)
    )
    return ArchiveStats(
        documents=by_kind,
        passages=count(Passage),
        claims=count(Claim),
        footnotes=count(Footnote),
        citations=count(Citation),
        works=count(CitedWork),
        outlets=[tuple(row) for row in session.execute(cited)],
    )


# --- passages as the search index sees them ---------------------------------------


@dataclass(frozen=True, slots=True)
class OutletRef:
    slug: str
    short_name: str
    name: str


@dataclass(frozen=True, slots=True)
class ClaimSources:
    """A claim's place in its passage and the outlets and footnotes it cites."""

    id: int
    start: int
    end: int
    outlets: tuple[OutletRef, ...]
    footnotes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class IndexablePassage:
    """One passage with its document's metadata and the outlets its claims cite."""

    passage_id: int
    document_id: int
    position: int
    anchor: str
    passage_kind: str
    text: str
    kind: str
    title: str
    date: dt.date | None
    date_precision: str | None
    publisher: str | None
    agency: str | None
    source: OutletRef | None
    claims: tuple[ClaimSources, ...]

    @property
    def outlets(self) -> tuple[OutletRef, ...]:
        """Every outlet the passage's claims cite, once each, in order of slug."""
        found = {o.slug: o for claim in self.claims for o in claim.outlets}
        return tuple(found[slug] for slug in sorted(found))

    @property
    def footnotes(self) -> tuple[str, ...]:
        labels = {label for claim in self.claims for label in claim.footnotes}
        return tuple(sorted(labels))


def indexable_passages(
    session: Session, document_ids: Iterable[int]
) -> list[IndexablePassage]:
    """The passages of the given documents (in document and passage order)."""
    ids = sorted(set(document_ids))
    if not ids:
        return []
    documents = session.scalars(
        select(Document)
        .where(Document.id.in_(ids))
        .order_by(Document.id)
        .options(
            selectinload(Document.outlet),
            selectinload(Document.passages)
            .selectinload(Passage.claims)
            .options(
                selectinload(Claim.markers)
                .selectinload(Marker.footnote)
                .selectinload(Footnote.citations)
                .selectinload(Citation.outlet),
                selectinload(Claim.citations).selectinload(Citation.outlet),
            ),
        )
    )
    return [
        _indexable(document, passage)
        for document in documents
        for passage in document.passages
    ]


def all_indexable_passages(
    session: Session, batch: int = 100
) -> Iterator[IndexablePassage]:
    """Every passage in the archive, loaded ``batch`` documents at a time.

    The session is cleared (``expunge_all``) after each batch to bound memory:
    pass one used for nothing else.
    """
    ids = list(session.scalars(select(Document.id).order_by(Document.id)))
    for start in range(0, len(ids), batch):
        yield from indexable_passages(session, ids[start : start + batch])
        session.expunge_all()


def same_report_document_ids(session: Session, document_id: int) -> list[int]:
    """The other sections of the report ``document_id`` belongs to, if any."""
    report_id = session.scalar(
        select(Document.report_id).where(Document.id == document_id)
    )
    if report_id is None:
        return []
    return list(
        session.scalars(
            select(Document.id)
            .where(Document.report_id == report_id, Document.id != document_id)
            .order_by(Document.id)
        )
    )


def _indexable(document: Document, passage: Passage) -> IndexablePassage:
    return IndexablePassage(
        passage_id=passage.id,
        document_id=document.id,
        position=passage.position,
        anchor=passage.anchor,
        passage_kind=passage.kind,
        text=passage.text,
        kind=document.kind,
        title=document.title,
        date=document.date,
        date_precision=document.date_precision,
        publisher=document.publisher,
        agency=document.agency,
        source=_outlet_ref(document.outlet),
        claims=tuple(_claim_sources(claim) for claim in passage.claims),
    )


def _claim_sources(claim: Claim) -> ClaimSources:
    citations = list(claim.citations)
    labels: list[str] = []
    for marker in claim.markers:
        labels.append(marker.label)
        if marker.footnote is not None:
            citations.extend(marker.footnote.citations)
    outlets = {c.outlet.slug: c.outlet for c in citations if c.outlet is not None}
    return ClaimSources(
        id=claim.id,
        start=claim.start,
        end=claim.end,
        outlets=tuple(
            OutletRef(o.slug, o.short_name, o.name)
            for o in (outlets[slug] for slug in sorted(outlets))
        ),
        footnotes=tuple(dict.fromkeys(labels)),
    )


def _outlet_ref(outlet: Outlet | None) -> OutletRef | None:
    if outlet is None:
        return None
    return OutletRef(outlet.slug, outlet.short_name, outlet.name)
