"""The site's read functions on the real sample corpus (SQLite, and PostgreSQL when
configured): each returns plain frozen records with the facts the pages show."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from archive import browse
from archive.batch import expand, ingest_all
from archive.errors import NotFound
from ingest import ParseOptions, load_registry
from tests.conftest import FIXTURES, SAMPLES


@pytest.fixture
def archived(sessions):
    """The sample corpus stored; yields (sessions, document ids by source key)."""
    outcomes = list(
        ingest_all(expand([SAMPLES]), sessions, ParseOptions(load_registry()))
    )
    assert {o.status for o in outcomes} == {"added"}
    with sessions() as session:
        found = browse.list_documents(session).documents
    return sessions, {d.source: d.id for d in found}


def claim_starting(detail: browse.DocumentDetail, start: str) -> browse.ClaimInfo:
    return next(
        c for p in detail.passages for c in p.claims if c.text.startswith(start)
    )


def test_records_are_frozen(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        detail = browse.document(session, ids["euaa"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        detail.title = "changed"  # type: ignore[misc]


def test_list_documents_newest_first_with_facets(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        listed = browse.list_documents(session)
    # the AP story is dated from its file's name, as Reuters's is from the file
    assert [d.source for d in listed.documents] == ["ap", "reuters", "euaa"]
    assert [d.date for d in listed.documents] == ["2026-02-23", "2026-02-23", "2025-03"]
    assert listed.total == 3
    assert {(f.key, f.count) for f in listed.kinds} == {("wire", 2), ("report", 1)}
    assert [(f.key, f.label) for f in listed.sources] == [
        ("ap", "AP"),
        ("euaa", "EUAA"),
        ("reuters", "Reuters"),
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "wire"}, ["ap", "reuters"]),
        ({"source": "euaa"}, ["euaa"]),
        (
            {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 12, 31)},
            ["euaa"],
        ),
        ({"date_from": dt.date(2026, 1, 1)}, ["ap", "reuters"]),
        ({"country": "SY"}, ["ap", "reuters", "euaa"]),
        ({"country": "syria"}, ["ap", "reuters", "euaa"]),
        ({"country": "IQ"}, []),
        ({"kind": "report", "source": "reuters"}, []),
    ],
)
def test_list_documents_filters(archived, filters, expected) -> None:
    sessions, _ = archived
    with sessions() as session:
        listed = browse.list_documents(session, **filters)
    assert [d.source for d in listed.documents] == expected
    assert listed.total == len(expected)


def test_list_documents_counts_and_names_countries(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        listed = browse.list_documents(session)
        detail = browse.document(session, ids["euaa"])
    assert [(f.key, f.label, f.count) for f in listed.countries] == [
        ("SY", "Syria (SY)", 3),
        ("US", "United States (US)", 3),
    ]
    assert [c.label for c in detail.countries] == ["Syria (SY)", "United States (US)"]
    euaa = next(d for d in listed.documents if d.source == "euaa")
    assert [c.code for c in euaa.countries] == ["SY", "US"]


def test_list_documents_pages(archived) -> None:
    sessions, _ = archived
    with sessions() as session:
        second = browse.list_documents(session, limit=2, offset=2)
    assert [d.source for d in second.documents] == ["euaa"]
    assert second.total == 3


def test_report_document_has_markers_footnotes_and_back_references(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        detail = browse.document(session, ids["euaa"])
    assert detail.report_title == "COI Report - Syria: Country Focus"
    assert detail.section_number == "3.4" and detail.date == "2025-03"
    assert detail.publisher_outlet.name == "European Union Agency for Asylum"
    claim = claim_starting(detail, "Soon after")
    assert [(m.label, m.ref, m.footnote_anchor) for m in claim.markers] == [
        ("537", "ref-537-1", "fn-537"),
        ("538", "ref-538-1", "fn-538"),
    ]
    assert [f.label for f in detail.footnotes] == [str(n) for n in range(537, 555)]
    note = detail.footnotes[0]
    assert note.refs == ("ref-537-1",)
    assert [(c.outlet.slug, c.date) for c in note.citations] == [
        ("inss", "2025-01-12"),
        ("al-jazeera", "2025-01-06"),
    ]
    assert all(c.work_id for c in note.citations)


def test_wire_document_claims_own_their_citations(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        detail = browse.document(session, ids["ap"])
    assert (detail.date, detail.dateline, detail.agency) == (
        "2026-02-23",
        "QAMISHLI, Syria",
        "AP",
    )
    assert detail.authors == ("Hogir Al Abdo", "Ghaith AlSayed", "Qassim Abdul-Zahra")
    assert detail.footnotes == ()
    assert not any(
        c.text.startswith("The U.S. military’s Central Command")
        for p in detail.passages
        for c in p.claims
    )
    assert [(a.outlet_slug, a.how) for a in detail.no_comment] == [
        ("centcom", "did not respond to a request for comment"),
        ("sdf", "nor did"),
    ]
    claim = claim_starting(detail, "Earlier this month, CENTCOM")
    assert claim.markers == ()
    assert [c.outlet.slug for c in claim.citations] == ["centcom", "syria-mod"]
    assert claim.citations[0].how == "announced"
    anonymous = claim_starting(detail, "A Syrian security official").citations[0]
    assert anonymous.anonymous and anonymous.description == "A Syrian security official"


def test_footnote_cited_twice_lists_both_markers(sessions) -> None:
    path = FIXTURES / "report" / "home-office-iraq-markdown.md"
    (outcome,) = ingest_all([path], sessions, ParseOptions(load_registry()))
    with sessions() as session:
        detail = browse.document(session, outcome.document)
    refs = {f.label: f.refs for f in detail.footnotes}
    assert refs["12"] == ("ref-12-1", "ref-12-2")
    assert refs["15"] == ("ref-15-1", "ref-15-2")


def test_claim_with_its_footnotes_works_and_same_work_claims(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        detail = browse.document(session, ids["euaa"])
        claim_id = claim_starting(detail, "As a result").id
        other_id = claim_starting(detail, "Soon after").id
        found = browse.claim(session, claim_id)
    assert found.claim.text.startswith("As a result of these talks")
    assert found.cite_as == (
        "EUAA, '3.4. US-led coalition' in COI Report - Syria: Country Focus, "
        "March 2025."
    )
    assert [f.label for f in found.footnotes] == ["539", "540"]
    assert [w.outlet.slug for w in found.works] == ["inss", "npr"]
    (same,) = found.same_works
    assert (same.id, same.footnotes) == (other_id, ("537",))
    assert same.document.id == ids["euaa"]


def test_claim_excerpts(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        claim = claim_starting(
            browse.document(session, ids["reuters"]), "Reuters footage"
        )
        assert browse.claim_excerpts(session, [claim.id, 10_000]) == {
            claim.id: claim.text
        }


def test_outlet_index_ranks_overall_and_per_report(archived) -> None:
    sessions, _ = archived
    with sessions() as session:
        ranking = browse.outlet_index(session)
        (report,) = ranking.reports
        within = browse.outlet_index(session, report_id=report.report_id)
        second = browse.outlet_index(session, page=2, per_page=3)
    top = ranking.ranking[0]
    assert (top.outlet.slug, top.citations, top.works) == ("sohr", 15, 11)
    assert {c.outlet.slug for c in ranking.ranking} >= {"reuters", "wsj", "centcom"}
    assert (report.publisher, report.documents) == ("EUAA", 1)
    assert (within.report, within.citations) == (report, 26)
    assert [c.outlet.slug for c in within.ranking][:2] == ["sohr", "al-jazeera"]
    assert "reuters" not in {c.outlet.slug for c in within.ranking}
    assert second.ranking == ranking.ranking[3:6]
    assert (second.total, second.pages) == (ranking.total, -(-ranking.total // 3))


def test_outlet_groups_claims_by_work_newest_first(archived) -> None:
    sessions, ids = archived
    with sessions() as session:
        sohr = browse.outlet(session, "sohr")
        reuters = browse.outlet(session, "reuters")
    dates = [g.work.date for g in sohr.groups]
    assert dates == sorted(dates, reverse=True) and len(dates) == 11
    newest = sohr.groups[0]
    assert newest.work.title.startswith("Carrying advanced weapons")
    assert [c.footnotes for c in newest.claims] == [("547",)]
    (attributions,) = reuters.groups
    assert attributions.work is None
    assert attributions.claims[0].text.startswith("Reuters footage")
    assert [d.id for d in reuters.documents] == [ids["reuters"]]


def test_outlet_pages_its_works_and_counts_everything(archived) -> None:
    sessions, _ = archived
    with sessions() as session:
        whole = browse.outlet(session, "sohr")
        pages = [browse.outlet(session, "sohr", page=n, per_page=4) for n in (1, 2, 3)]
        centcom = browse.outlet(session, "centcom", group_claims=2)
        attributed = browse.attributions(session, "centcom", page=1, per_page=2)
    assert [p.groups for p in pages] == [
        whole.groups[:4],
        whole.groups[4:8],
        whole.groups[8:],
    ]
    assert {(p.total, p.pages, p.citations, p.works) for p in pages} == {
        (11, 3, 15, 11)
    }
    (group,) = centcom.groups
    # Its three "did not respond" and "declined to comment" are no claims of its.
    assert (len(group.claims), group.claims_total) == (1, 1)
    assert (attributed.total, attributed.pages, len(attributed.claims)) == (1, 1, 1)
    assert attributed.claims[0].text.startswith("Earlier this month, CENTCOM")


def test_work_claims_by_page(archived) -> None:
    sessions, _ = archived
    with sessions() as session:
        work_id = browse.outlet(session, "inss").groups[0].work.id
        first, second = (browse.work(session, work_id, n, per_page=1) for n in (1, 2))
    assert [c.footnotes for c in first.claims + second.claims] == [("537",), ("539",)]
    assert (second.total, second.page, second.pages) == (2, 2, 2)


def test_work_with_every_claim_citing_it(archived) -> None:
    sessions, _ = archived
    with sessions() as session:
        work_id = browse.outlet(session, "inss").groups[0].work.id
        found = browse.work(session, work_id)
    assert found.work.outlet.slug == "inss" and found.archived is None
    assert found.written_as == (
        "INSS, A New Era in Syria: Winners, Losers, and Implications for Israel, "
        "12 January 2025, url",
    )
    assert [c.footnotes for c in found.claims] == [("537",), ("539",)]


def test_archived_copy_of_a_cited_work(sessions) -> None:
    paths = [
        FIXTURES / "wire" / "levant-ledger-raqqa-handover.html",
        FIXTURES.parent / "web" / "fixtures" / "report-citing-archived-story.md",
    ]
    outcomes = list(ingest_all(paths, sessions, ParseOptions(load_registry())))
    story, report = (o.document for o in outcomes)
    with sessions() as session:
        detail = browse.document(session, report)
        (citation,) = next(f for f in detail.footnotes if f.label == "41").citations
        assert citation.archived_document_id == story
        copy = browse.document(session, story)
        assert [w.id for w in copy.cited_as] == [citation.work_id]
        assert browse.work(session, citation.work_id).archived.id == story


@pytest.mark.parametrize(
    ("function", "key", "message"),
    [
        (browse.document, 999, "no document 999"),
        (browse.claim, 999, "no claim 999"),
        (browse.outlet, "nobody", "no outlet nobody"),
        (browse.work, 999, "no cited work 999"),
    ],
)
def test_missing_records_raise_not_found(archived, function, key, message) -> None:
    sessions, _ = archived
    with sessions() as session, pytest.raises(NotFound, match=f"^{message}$"):
        function(session, key)
