"""Related passages: other documents naming the same places or citing the same works."""

from __future__ import annotations

from sqlalchemy import select

from archive import store
from archive.models import Claim
from archive.related import related_passages
from ingest import ParsedDocument, ParsedPassage, ParseOptions, PartialDate
from ingest.kinds import report
from ingest.loader import load
from tests.conftest import FIXTURES

EUAA = FIXTURES / "report" / "euaa-syria-country-focus-3-4.txt"


def story(name: str, *paragraphs: str) -> ParsedDocument:
    return ParsedDocument(
        kind="wire",
        path=f"{name}.txt",
        checksum=name,
        source_format="text",
        title=name,
        date=PartialDate(2026, 2, 23),
        passages=tuple(ParsedPassage("paragraph", text) for text in paragraphs),
    )


def claim_about(sessions, words: str) -> int:
    with sessions() as session:
        return session.scalars(
            select(Claim.id).where(Claim.text.contains(words))
        ).first()


def test_claim_about_qasrik_leads_to_the_story_about_qasrak(sessions) -> None:
    store(sessions, report.parse(load(EUAA), ParseOptions()))
    store(
        sessions,
        story(
            "withdrawal",
            "Dozens of trucks departed the base at Qasrak in Hasakah province.",
            "Wheat prices rose in Damascus markets.",
        ),
    )
    claim_id = claim_about(sessions, "Qasrik")
    with sessions() as session:
        related = related_passages(session, claim_id)
    assert [r.text for r in related] == [
        "Dozens of trucks departed the base at Qasrak in Hasakah province."
    ]
    assert related[0].document_title == "withdrawal"


def test_rare_shared_names_outrank_common_ones(sessions) -> None:
    store(sessions, report.parse(load(EUAA), ParseOptions()))
    store(
        sessions,
        story(
            "two",
            "Kharab al-Jir airstrip near Rmelan saw new flights.",
            "Trump spoke about troops.",
        ),
    )
    claim_id = claim_about(sessions, "Kharab Al-Jeir")
    with sessions() as session:
        related = related_passages(session, claim_id)
    assert related[0].text.startswith("Kharab al-Jir airstrip")
    assert related[0].score > related[-1].score or len(related) == 1


def test_claims_citing_the_same_work_are_related(sessions, tmp_path) -> None:
    store(sessions, report.parse(load(EUAA), ParseOptions()))
    other = tmp_path / "other.md"
    other.write_text(
        "Please cite as: EUAA, '2.1. Reinforcements' in *COI Report - Syria: Other*, "
        "2025.\n\n2.1. Reinforcements\n\n"
        "Cargo planes landed at a northeastern airstrip.[^1]\n\n"
        "[^1]: SOHR, Boosting military bases | Three cargo planes lands in "
        "Coalition base in Al-Shaddadi, 16 January 2025\n",
        encoding="utf-8",
    )
    store(sessions, report.parse(load(other), ParseOptions()))
    claim_id = claim_about(sessions, "Qasrik")
    with sessions() as session:
        related = related_passages(session, claim_id)
    cited_together = [r for r in related if r.shared_works]
    assert [r.text for r in cited_together] == [
        "Cargo planes landed at a northeastern airstrip."
    ]


def test_a_name_in_most_passages_relates_nothing(sessions) -> None:
    """
    GIVEN an archive where "Syria" stands in nearly every passage
    WHEN a claim that names only Syria asks for related passages
    THEN it gets none, while one naming Qasrik still finds Qasrak
    """
    store(sessions, report.parse(load(EUAA), ParseOptions()))
    common = [f"Syria saw event number {n} today." for n in range(10)]
    store(sessions, story("many", *common, "Trucks left Qasrak at dawn."))
    with sessions() as session:
        syria_only = claim_about(sessions, "ISIL resurgence as a challenge")
        assert related_passages(session, syria_only) == []
        qasrik = related_passages(session, claim_about(sessions, "Qasrik"))
    assert [r.text for r in qasrik] == ["Trucks left Qasrak at dawn."]
