"""Passages as the index reads them, checked against a plain ORM walk of the models.

The reference below follows each relationship object by object, the obvious way;
``indexable_passages`` must give exactly the same values, in the same order.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive import store
from archive.models import Claim, Document
from archive.queries import (
    ClaimSources,
    IndexablePassage,
    OutletRef,
    all_indexable_passages,
    indexable_passages,
)
from archive.store import StoreResult
from ingest import ParseOptions, parse_path
from ingest.kinds import report
from ingest.loader import load_bytes
from tests.conftest import SAMPLES


def reference(session: Session, document_ids) -> list[IndexablePassage]:
    documents = session.scalars(
        select(Document).where(Document.id.in_(set(document_ids))).order_by(Document.id)
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
            source=outlet_ref(document.outlet),
            claims=tuple(claim_sources(claim) for claim in passage.claims),
            names=frozenset(name.key for name in passage.names),
            countries=tuple(document.countries),
            title_derived=document.title_derived,
            archived_at=document.archived_at,
        )
        for document in documents
        for passage in document.passages
    ]


def claim_sources(claim: Claim) -> ClaimSources:
    citations = list(claim.citations)
    for marker in claim.markers:
        if marker.footnote is not None:
            citations += marker.footnote.citations
    outlets = {c.outlet.slug: c.outlet for c in citations if c.outlet is not None}
    labels = dict.fromkeys(marker.label for marker in claim.markers)
    return ClaimSources(
        id=claim.id,
        start=claim.start,
        end=claim.end,
        outlets=tuple(outlet_ref(outlets[slug]) for slug in sorted(outlets)),
        footnotes=tuple(labels),
    )


def outlet_ref(outlet) -> OutletRef | None:
    return outlet and OutletRef(outlet.slug, outlet.short_name, outlet.name)


def section(number: str, body: str, notes: str) -> str:
    return (
        f"Please cite as: EUAA, '{number}. Part' in *COI Report - Iraq: Test*, "
        "May 2025.\n\n"
        f"{number}. Part\n\n{body}\n\n{notes}\n"
    )


def store_text(sessions, name: str, text: str) -> StoreResult:
    parsed = report.parse(load_bytes(name, text.encode()), ParseOptions())
    return store(sessions, parsed)


def store_samples(sessions) -> list[int]:
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix == ".txt")
    return [store(sessions, parse_path(p, ParseOptions())).document_id for p in paths]


def test_sample_corpus_reads_as_the_models_say(sessions) -> None:
    ids = store_samples(sessions)
    with sessions() as session:
        expected = reference(session, ids)
    with sessions() as session:
        found = indexable_passages(session, reversed([*ids, ids[0]]))
    assert found == expected
    assert len({p.document_id for p in found}) == len(ids) == 3
    assert any(claim.footnotes for p in found for claim in p.claims)
    assert any(claim.outlets for p in found for claim in p.claims)
    assert {p.source.slug for p in found if p.source} >= {"reuters", "ap"}


def test_footnotes_in_another_section_count_for_the_claim(sessions) -> None:
    """
    GIVEN a report in three sections; the first cites footnotes 12 and 14 that
          only the second and third define, and footnote 13 twice
    WHEN their passages are read, together and one section at a time
    THEN each claim has the outlets of the footnotes wherever they live
    """
    first = store_text(
        sessions,
        "one.md",
        section(
            "1.1",
            "Shelling hit Ariha.[^12] Schools closed.[^13][^13] Roads shut.[^14]",
            "[^13]: SNHR, Report, 1 May 2025",
        ),
    )
    second = store_text(
        sessions,
        "two.md",
        section("1.2", "Roads reopened.[^12]", "[^12]: OCHA, Flash update, 2 May 2025"),
    )
    third = store_text(
        sessions,
        "three.md",
        section(
            "1.3",
            "Aid arrived.[^15]",
            "[^14]: Reuters, Roads shut, 3 May 2025; SANA, Closures, 3 May 2025\n\n"
            "[^15]: Enab Baladi, Aid, 4 May 2025",
        ),
    )
    ids = [first.document_id, second.document_id, third.document_id]
    with sessions() as session:
        expected = reference(session, ids)
        singles = [indexable_passages(session, [i]) for i in ids]
    with sessions() as session:
        found = indexable_passages(session, ids)
    assert found == expected
    assert [p for one in singles for p in one] == expected
    claims = {c.footnotes: c for p in found for c in p.claims if c.footnotes}
    assert [o.slug for o in claims[("12",)].outlets] == ["ocha"]
    assert claims[("13",)].footnotes == ("13",)
    assert [o.slug for o in claims[("14",)].outlets] == ["reuters", "sana"]


def test_every_passage_in_batches_and_nothing_for_no_documents(sessions) -> None:
    ids = store_samples(sessions)
    store_text(sessions, "four.md", section("2.1", "Calm.[^1]", "[^1]: AP, Calm, 2025"))
    with sessions() as session:
        everything = reference(session, session.scalars(select(Document.id)).all())
        assert indexable_passages(session, []) == []
        assert list(all_indexable_passages(session, batch=2)) == everything
    assert {p.document_id for p in everything} >= set(ids)
