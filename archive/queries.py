"""Named read functions for the command line, the index and the site."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive.browse.rows import document_countries_stored
from archive.browse.sources import read_surely
from archive.citation_counts import CitationCounts, citation_counts
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    Marker,
    Outlet,
    Passage,
    PassageName,
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
    cited: CitationCounts | None = None  # the citations by what they name


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
        .where(read_surely())
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
        cited=citation_counts(session),
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
    names: frozenset[str] = frozenset()  # the name keys stored with the passage
    countries: tuple[str, ...] = ()  # its document's, ISO 3166-1 alpha-2 codes
    title_derived: bool = False  # the title was made from the first sentence
    archived_at: dt.datetime | None = None  # when its document was archived (UTC)

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
    """The passages of the given documents (in document and passage order).

    A few plain-column queries, one per table, joined up in Python by id: far
    quicker than loading the object graph for what the index needs.
    """
    return [p for ids in _chunks(document_ids) for p in _indexable(session, ids)]


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


def passage_documents(session: Session) -> dict[int, int]:
    """Every passage's id with its document's: what the index must hold."""
    return {p: d for p, d in session.execute(select(Passage.id, Passage.document_id))}


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


_CHUNK = 500  # ids per query, well below any bound-parameter limit


def _chunks(ids: Iterable[int | None]) -> Iterator[list[int]]:
    """The distinct ids in order, a bounded number at a time."""
    ordered = sorted({i for i in ids if i is not None})
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def _indexable(session: Session, ids: list[int]) -> list[IndexablePassage]:
    documents = session.execute(
        select(
            Document.id,
            Document.kind,
            Document.title,
            Document.date,
            Document.date_precision,
            Document.publisher,
            Document.agency,
            Document.outlet_id,
            Document.title_derived,
            Document.archived_at,
        )
        .where(Document.id.in_(ids))
        .order_by(Document.id)
    ).all()
    passages: dict[int, list] = {}
    for row in session.execute(
        select(
            Passage.id,
            Passage.document_id,
            Passage.position,
            Passage.anchor,
            Passage.kind,
            Passage.text,
        )
        .where(Passage.document_id.in_(ids))
        .order_by(Passage.document_id, Passage.position, Passage.id)
    ):
        passages.setdefault(row.document_id, []).append(row)
    claims, cited = _claims(session, ids)
    names = _names(session, ids)
    countries = document_countries_stored(session, ids)
    outlets = _outlet_refs(
        session, {d.outlet_id for d in documents} | {o for s in cited for o in s}
    )
    return [
        IndexablePassage(
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
            source=outlets.get(document.outlet_id),
            claims=tuple(claim(outlets) for claim in claims.get(passage.id, ())),
            names=frozenset(names.get(passage.id, ())),
            countries=countries.get(document.id, ()),
            title_derived=document.title_derived,
            archived_at=document.archived_at,
        )
        for document in documents
        for passage in passages.get(document.id, ())
    ]


@dataclass(slots=True)
class _Claim:
    """A claim read as rows, made a ``ClaimSources`` once the outlets are known."""

    id: int
    start: int
    end: int
    outlet_ids: set[int]
    labels: dict[str, None]

    def __call__(self, outlets: dict[int, OutletRef]) -> ClaimSources:
        refs = sorted((outlets[i] for i in self.outlet_ids), key=_slug)
        return ClaimSources(
            self.id, self.start, self.end, tuple(refs), tuple(self.labels)
        )


def _claims(
    session: Session, ids: list[int]
) -> tuple[dict[int, list[_Claim]], list[set[int]]]:
    """The documents' claims by passage id, and the outlet ids each one cites.

    A claim cites its own citations' outlets (wire) and those of the footnotes
    its markers point at (reports), wherever in the report those footnotes live.
    """
    in_documents = Passage.document_id.in_(ids)
    by_id: dict[int, _Claim] = {}
    by_passage: dict[int, list[_Claim]] = {}
    for row in session.execute(
        select(Claim.id, Claim.passage_id, Claim.start, Claim.end)
        .join(Passage, Claim.passage_id == Passage.id)
        .where(in_documents)
        .order_by(Claim.passage_id, Claim.position, Claim.id)
    ):
        claim = by_id[row.id] = _Claim(row.id, row.start, row.end, set(), {})
        by_passage.setdefault(row.passage_id, []).append(claim)
    markers = session.execute(
        select(Marker.claim_id, Marker.label, Marker.footnote_id)
        .join(Claim, Marker.claim_id == Claim.id)
        .join(Passage, Claim.passage_id == Passage.id)
        .where(in_documents)
        .order_by(Marker.claim_id, Marker.offset, Marker.id)
    ).all()
    in_footnotes = _footnote_outlets(session, {m.footnote_id for m in markers})
    for claim_id, label, footnote_id in markers:
        by_id[claim_id].labels[label] = None
        by_id[claim_id].outlet_ids.update(in_footnotes.get(footnote_id, ()))
    own = session.execute(
        select(Citation.claim_id, Citation.outlet_id)
        .join(Claim, Citation.claim_id == Claim.id)
        .join(Passage, Claim.passage_id == Passage.id)
        .where(in_documents, Citation.outlet_id.is_not(None))
    )
    for claim_id, outlet_id in own:
        by_id[claim_id].outlet_ids.add(outlet_id)
    return by_passage, [claim.outlet_ids for claim in by_id.values()]


def _names(session: Session, ids: list[int]) -> dict[int, list[str]]:
    """Each passage's name keys, as stored with it."""
    found: dict[int, list[str]] = {}
    rows = session.execute(
        select(PassageName.passage_id, PassageName.key)
        .join(Passage, PassageName.passage_id == Passage.id)
        .where(Passage.document_id.in_(ids))
    )
    for passage_id, key in rows:
        found.setdefault(passage_id, []).append(key)
    return found


def _footnote_outlets(session: Session, footnote_ids: set) -> dict[int, set[int]]:
    found: dict[int, set[int]] = {}
    for chunk in _chunks(footnote_ids):
        rows = session.execute(
            select(Citation.footnote_id, Citation.outlet_id).where(
                Citation.footnote_id.in_(chunk), Citation.outlet_id.is_not(None)
            )
        )
        for footnote_id, outlet_id in rows:
            found.setdefault(footnote_id, set()).add(outlet_id)
    return found


def _outlet_refs(session: Session, outlet_ids: set) -> dict[int, OutletRef]:
    found: dict[int, OutletRef] = {}
    for chunk in _chunks(outlet_ids):
        rows = session.execute(
            select(Outlet.id, Outlet.slug, Outlet.short_name, Outlet.name).where(
                Outlet.id.in_(chunk)
            )
        )
        found.update((i, OutletRef(slug, short, name)) for i, slug, short, name in rows)
    return found


def _slug(outlet: OutletRef) -> str:
    return outlet.slug
