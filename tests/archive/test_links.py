"""A cited work is tied to the archived document it is, in either ingest order."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from archive import store
from archive.models import CitedWork
from ingest import ParsedDocument, ParsedPassage, ParseOptions, PartialDate
from ingest.kinds import report
from ingest.loader import load_bytes

STORY_TITLE = "US forces begin withdrawal from Qasrak base in Syria"


def story(title: str = STORY_TITLE, day: int = 23, derived: bool = False):
    return ParsedDocument(
        kind="wire",
        path=f"story-{title}-{day}.txt",
        checksum=f"{title}-{day}",
        source_format="text",
        title=title,
        title_derived=derived,
        date=PartialDate(2026, 2, day),
        agency="Reuters",
        passages=(ParsedPassage("paragraph", "U.S. forces began pulling out."),),
    )


def citing_report(citation: str):
    text = (
        "Please cite as: EUAA, '5.1. Bases' in *COI Report - Syria: Test*, 2026.\n\n"
        "5.1. Bases\n\nU.S. forces left Qasrak.[^1]\n\n"
        f"[^1]: {citation}\n"
    )
    return report.parse(load_bytes("report.md", text.encode()), ParseOptions())


CITATION = (
    "Reuters, “US Forces Begin Withdrawal from Qasrak Base in Syria”, 24 February 2026"
)


def linked_document(sessions) -> int | None:
    with sessions() as session:
        return session.scalars(select(CitedWork.document_id)).one()


@pytest.mark.parametrize(
    "story_first", [True, False], ids=["story-first", "report-first"]
)
def test_cited_work_links_to_the_archived_story_in_either_order(
    sessions, story_first: bool
) -> None:
    if story_first:
        story_id = store(sessions, story()).document_id
        store(sessions, citing_report(CITATION))
    else:
        store(sessions, citing_report(CITATION))
        story_id = store(sessions, story()).document_id
    assert linked_document(sessions) == story_id


@pytest.mark.parametrize(
    "other",
    [
        story(title="US forces begin withdrawal from al-Tanf base in Syria"),
        story(day=28),
        story(derived=True),
    ],
    ids=["similar-title", "five-days-apart", "derived-title"],
)
def test_near_misses_do_not_link(sessions, other: ParsedDocument) -> None:
    store(sessions, other)
    store(sessions, citing_report(CITATION))
    assert linked_document(sessions) is None
