"""What a PDF reader must find in each PDF fixture (tests/fixtures/pdf/).

The expectations were written from the pages as printed (tests/fixtures/pdf/
SOURCES.md says how each file was made or where it came from): marker and note
counts, note texts, markers after their words, passages in reading order, and a
one-line reason for each PDF that cannot be read. They hold for any reader that
fills the neutral blocks, whatever library it uses.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest import ParseError, parse_path
from ingest.blocks import Block, Source
from ingest.loader import load

PDF = Path(__file__).parent.parent.parent / "fixtures" / "pdf"
TWO_COLUMN = PDF / "ngo_two_column.pdf"
ENDNOTES = PDF / "endnotes_one_column.pdf"
LATER_CHAPTER = PDF / "ngo_two_column_notes_96_to_114.pdf"
LONG_4 = PDF / "long_report_4_pages.pdf"
LONG_5 = PDF / "long_report_5_pages.pdf"
FEW_SOURCES = PDF / "long_report_few_sources.pdf"


def _flat(text: str) -> str:
    return " ".join(text.split())


def _notes(source: Source) -> dict[str, str]:
    notes = [b for b in source.blocks if b.kind == "note"]
    assert len({b.label for b in notes}) == len(notes), "note labels repeat"
    return {b.label: _flat(b.text) for b in notes}


def _body(source: Source) -> list[Block]:
    return [b for b in source.blocks if b.kind != "note"]


def _body_text(source: Source) -> str:
    return _flat(" ".join(b.text for b in _body(source)))


def _marks(source: Source) -> list[tuple[str, str]]:
    """(label, the block text up to the marker) for every marker, in order."""
    return [
        (mark.label, _flat(block.text[: mark.offset]))
        for block in _body(source)
        for mark in block.marks
    ]


@pytest.fixture(scope="module")
def two_column() -> Source:
    return load(TWO_COLUMN)


@pytest.fixture(scope="module")
def endnotes() -> Source:
    return load(ENDNOTES)


# --- the two-column report with page-foot notes ------------------------------


def test_two_column_report_is_read_as_pdf(two_column: Source) -> None:
    assert two_column.format == "pdf"


def test_every_marker_is_bound_to_one_page_foot_note(two_column: Source) -> None:
    """GIVEN 19 raised markers in the columns and 19 notes at the page feet
    WHEN the report is read THEN each label is one marker and one note block."""
    labels = [str(n) for n in range(1, 20)]
    assert [label for label, _ in _marks(two_column)] == labels
    assert sorted(_notes(two_column), key=int) == labels


def test_notes_come_after_the_body(two_column: Source) -> None:
    kinds = [b.kind for b in two_column.blocks]
    first_note = kinds.index("note")
    assert set(kinds[first_note:]) == {"note"}


def test_note_texts_are_read_whole(two_column: Source) -> None:
    notes = _notes(two_column)
    assert notes["1"] == (
        "Northern Governorates Monitoring Group, Detention Database, entries for "
        "December 2024 to February 2025, on file with the authors."
    )
    assert notes["2"] == (
        "Interviews with relatives of detainees, Qamishli and Hasakah, "
        "3-14 February 2025."
    )
    assert notes["5"] == "Interview with a returnee from Tal Tamr, 5 February 2025."
    assert notes["6"] == (
        "UN Human Rights Council, Report of the Independent International Commission "
        "of Inquiry, A/HRC/58/67, 12 March 2025, para. 41."
    )
    assert notes["7"] == "Interview with a woman from Ras al-Ain, 9 February 2025."
    assert notes["16"] == (
        "Enab Baladi, \u201cDisplaced families find strangers in their homes\u201d, "
        "14 January 2025, https://english.enabbaladi.net/archives/2025/01/homes."
    )


def test_note_running_onto_the_next_page_is_one_note(two_column: Source) -> None:
    """GIVEN note 15, whose last four lines are printed at the foot of the next
    page above note 16 WHEN read THEN it is one note, and note 16 is unharmed."""
    note = _notes(two_column)["15"]
    assert note.startswith(
        "Syrian Network for Human Rights, Monthly Report on Arbitrary Arrests, "
        "February 2025, https://snhr.org/reports/arrests-2025-02. The network counts"
    )
    assert "lower than the real numbers because many families do not report" in note
    assert note.endswith("and gives the accounts of eleven former detainees.")
    assert _notes(two_column)["16"].startswith("Enab Baladi,")


def test_markers_sit_right_after_their_words(two_column: Source) -> None:
    before = dict(_marks(two_column))
    assert before["1"].endswith("leading back to the northern governorates.")
    assert before["2"].endswith("where their relatives were held.")
    assert before["5"].endswith("officers at the Tal Tamr checkpoint")
    assert before["6"].endswith("identity documents and phones before any questioning")
    quote = "\u201cThey took my brother because his name was on a list,\u201d"
    assert before["7"].endswith(f"{quote} one woman said.")
    assert before["16"].endswith("that would let owners reclaim them.")


def test_marker_digits_are_not_left_in_the_text(two_column: Source) -> None:
    text = _body_text(two_column)
    assert "governorates.1 Most" not in text
    assert "northern governorates. Most were released" in text
    assert "checkpoint confiscated identity documents" in text


def test_columns_are_read_in_order(two_column: Source) -> None:
    """GIVEN a sentence that runs from the foot of the left column to the head of
    the right one WHEN read THEN it is whole, and sections follow in order."""
    text = _body_text(two_column)
    assert "without any administrative decision or a lawyer." in text
    order = [
        "Since December 2024, at least 1,200 people have been detained",
        "Returnees told researchers that officers at the Tal Tamr checkpoint",
        "Arrest figures for the whole country are discussed",
        "In several villages, houses of displaced families were occupied",
    ]
    places = [text.find(passage) for passage in order]
    assert -1 not in places
    assert places == sorted(places)


def test_words_hyphenated_at_line_ends_are_joined(two_column: Source) -> None:
    text = _body_text(two_column)
    assert "SOHR recorded 6 security incidents in Hama governorate during" in text
    assert "evacuated military equipment from Abu Wijishum" in text
    assert "on the exact number of victims could not be corroborated." in text
    assert not re.search(r"\b(gover|equip|cor)- ?\w", text)


def test_headings_are_headings(two_column: Source) -> None:
    headings = [b.text.strip() for b in two_column.blocks if b.kind == "heading"]
    for heading in (
        "Summary",
        "1. Arbitrary detention at checkpoints",
        "2. Seizure of property",
    ):
        assert heading in headings


def test_running_header_and_page_numbers_are_left_out(two_column: Source) -> None:
    texts = [_flat(b.text) for b in two_column.blocks]
    assert not any("Nowhere Safe to Return \u2013 March 2025" in t for t in texts)
    assert not any(re.fullmatch(r"\d{1,3}", t) for t in texts)
    assert "reference period. 2" not in _body_text(two_column)


def test_metadata_gives_title_and_date(two_column: Source) -> None:
    assert two_column.fields.title == "Nowhere Safe to Return"
    assert (two_column.fields.date or "").startswith("2025-03-11")


def test_note_urls_are_links(two_column: Source) -> None:
    note = next(b for b in two_column.blocks if b.kind == "note" and b.label == "16")
    url = "https://english.enabbaladi.net/archives/2025/01/homes"
    assert url in [link.href.rstrip(".") for link in note.links]


def test_two_column_report_parses_as_a_report() -> None:
    document = parse_path(TWO_COLUMN)
    assert document.kind == "report"
    assert document.source_format == "pdf"
    assert len(document.footnotes) == 19
    markers = [m.label for claim in document.claims for m in claim.markers]
    assert sorted(markers, key=int) == [str(n) for n in range(1, 20)]


def test_notes_of_a_later_chapter_keep_their_numbers() -> None:
    """GIVEN the same report printed as a chapter whose notes go on from the
    report's earlier ones (96 to 114) WHEN read THEN every number is kept."""
    source = load(LATER_CHAPTER)
    labels = [str(n) for n in range(96, 115)]
    assert [label for label, _ in _marks(source)] == labels
    notes = _notes(source)
    assert sorted(notes, key=int) == labels
    assert notes["100"] == "Interview with a returnee from Tal Tamr, 5 February 2025."
    assert notes["110"].endswith("and gives the accounts of eleven former detainees.")


def test_markers_of_a_longer_report_come_in_reading_order() -> None:
    """GIVEN the benchmark's report asked for four pages (20 notes, numbered in the
    order they are cited) WHEN read THEN the markers come 1 to 20."""
    source = load(LONG_4)
    labels = [str(n) for n in range(1, 21)]
    assert [label for label, _ in _marks(source)] == labels
    assert sorted(_notes(source), key=int) == labels


def test_every_page_foot_of_a_longer_report_is_read_as_notes() -> None:
    source = load(LONG_5)
    labels = {str(n) for n in range(1, 26)}
    assert {label for label, _ in _marks(source)} == labels
    assert set(_notes(source)) == labels
    assert "https://www." not in _body_text(source)


def test_a_source_cited_again_and_again_stays_a_note_on_every_page() -> None:
    """GIVEN a report citing a few works again and again, so that the same two
    note lines end the page foot on pages 2, 4 and 5 WHEN read THEN they are
    notes, not a running footer: 30 markers and 30 notes."""
    source = load(FEW_SOURCES)
    labels = [str(n) for n in range(1, 31)]
    assert [label for label, _ in _marks(source)] == labels
    notes = _notes(source)
    assert sorted(notes, key=int) == labels
    work = (
        "Asharq Al-Awsat, \u201cYoussef al-Hamoud visits Al-Raqqa, first trip since "
        "taking office\u201d, June 2023,"
    )
    again = sorted((k for k, t in notes.items() if t.startswith(work)), key=int)
    assert again == ["3", "5", "8", "15", "20", "21", "26"]


# --- the one-column report with endnotes --------------------------------------


def test_endnotes_are_bound_to_their_markers(endnotes: Source) -> None:
    labels = [str(n) for n in range(1, 19)]
    assert [label for label, _ in _marks(endnotes)] == labels
    assert sorted(_notes(endnotes), key=int) == labels


def test_endnote_texts_lose_their_numbers(endnotes: Source) -> None:
    """GIVEN endnotes printed "1. Northern ..." (note 1 runs onto the next page)
    WHEN read THEN the text has no number and note 1 is whole."""
    notes = _notes(endnotes)
    assert notes["1"] == (
        "Northern Governorates Monitoring Group, Detention Database, entries for "
        "December 2024 to February 2025, on file with the authors."
    )
    assert notes["5"] == "Interview with a returnee from Tal Tamr, 5 February 2025."
    assert notes["13"].startswith("Syrian Network for Human Rights, Monthly Report")
    assert notes["13"].endswith("gives the accounts of eleven former detainees.")
    assert notes["14"].startswith("Enab Baladi, \u201cDisplaced families")


def test_endnotes_heading_is_not_a_passage_of_notes(endnotes: Source) -> None:
    before = dict(_marks(endnotes))
    assert before["5"].endswith("officers at the Tal Tamr checkpoint")
    assert "Endnotes" not in " ".join(_notes(endnotes).values())
    assert "Northern Governorates Monitoring Group, Detention" not in _body_text(
        endnotes
    )


# --- PDFs that cannot be read: one line that says why --------------------------

REFUSED = {
    "scanned_page.pdf": r"text",
    "encrypted.pdf": r"password|encrypt",
    "truncated.pdf": r"damaged|truncat|incomplete|corrupt|broken|cut off",
    "not_a_pdf.pdf": r"PDF|binary",
}


@pytest.mark.parametrize(("name", "reason"), REFUSED.items())
def test_unreadable_pdf_is_refused_with_a_reason(name: str, reason: str) -> None:
    path = PDF / name
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in caught.value.reason
    assert re.search(reason, caught.value.reason, re.IGNORECASE), caught.value.reason
