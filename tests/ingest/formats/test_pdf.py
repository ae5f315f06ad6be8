"""The PDF reader on real reports: markers bound to page-foot notes, furniture gone.

Expectations come from reading the documents (tests/fixtures/corpus/MANIFEST.md
and SOURCES.md) and the generated fixtures' description in
tests/fixtures/pdf/SOURCES.md, not from the reader's output.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ingest import ParseError, parse_path
from ingest.blocks import Block, Content
from ingest.formats import pdf
from ingest.formats.pdf.opening import pdf_date

FIXTURES = Path(__file__).parent.parent.parent / "fixtures"
CORPUS = FIXTURES / "corpus"
P01 = CORPUS / "P01_gao-23-106826_cybersecurity_strategy_2p.pdf"
P02 = CORPUS / "P02_federal_register_2020-17221_boeing_737max_nprm.pdf"
P03 = CORPUS / "P03_scotus_slip_opinion_11-889_tarrant_v_herrmann_2013.pdf"
NGO = FIXTURES / "pdf" / "ngo_two_column.pdf"
ENDNOTES = FIXTURES / "pdf" / "endnotes_one_column.pdf"


@cache
def read(path: Path) -> Content:
    return pdf.read(str(path), path.read_bytes())


def notes(path: Path) -> dict[str, str]:
    found = [block for block in read(path).blocks if block.kind == "note"]
    labels = [block.label for block in found]
    assert len(labels) == len(set(labels)), labels
    return {block.label: " ".join(block.text.split()) for block in found}


def marked(path: Path, label: str) -> tuple[str, str]:
    """The text before and after the one marker with ``label``."""
    places = [
        (block, mark.offset)
        for block in read(path).blocks
        for mark in block.marks
        if mark.label == label
    ]
    assert len(places) == 1, places
    block, offset = places[0]
    return " ".join(block.text[:offset].split()), " ".join(block.text[offset:].split())


def body(path: Path) -> list[Block]:
    return [block for block in read(path).blocks if block.kind != "note"]


def marker_labels(path: Path) -> list[str]:
    return [mark.label for block in read(path).blocks for mark in block.marks]


# P01: GAO-23-106826, two pages, notes at the foot of the page


def test_gao_product_has_four_markers_and_four_notes() -> None:
    assert marker_labels(P01) == ["1", "2", "3", "4"]
    assert list(notes(P01)) == ["1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("label", "before", "after"),
    [
        ("1", "resources, investments, and risk management).", "It was also unclear"),
        (
            "2",
            "established the Office of the National Cyber Director (ONCD) within the "
            "Executive Office of the President.",
            "The Senate confirmed",
        ),
        ("3", "cybersecurity through five pillars.", "The pillars focus on"),
    ],
)
def test_gao_markers_sit_after_their_sentences(
    label: str, before: str, after: str
) -> None:
    text_before, text_after = marked(P01, label)
    assert text_before.endswith(before)
    assert text_after.startswith(after)


def test_gao_note_texts_are_read_whole_including_the_glued_number() -> None:
    assert notes(P01) == {
        "1": "GAO, Cybersecurity: Clarity of Leadership Urgently Needed to Fully "
        "Implement the National Strategy, GAO-20-629 (Washington, D.C.: Sept. 22, "
        "2020).",
        "2": "William M. (Mac) Thornberry National Defense Authorization Act for "
        "Fiscal Year 2021, Pub. L. No. 116-283, § 1752(a), 134 Stat. 3388, 4144 "
        "(2021).",
        "3": "The White House, National Cybersecurity Strategy. (Washington, D.C.: "
        "Mar. 1, 2023).",
        "4": "GAO, High-Risk Series: Efforts Made to Achieve Progress Need to Be "
        "Maintained and Expanded to Fully Address All Areas, GAO-23-106203 "
        "(Washington, D.C.: Apr. 20, 2023).",
    }


def test_gao_page_footer_is_gone() -> None:
    assert not [b.text for b in body(P01) if "Page 1" in b.text or "Page 2" in b.text]


def test_gao_metadata_gives_title_author_and_creation_date() -> None:
    fields = read(P01).fields
    assert fields.title == (
        "GAO-23-106826, Cybersecurity: Launching and Implementing the National "
        "Cybersecurity Strategy"
    )
    assert fields.authors == (
        "U.S. Government Accountability Office, http://www.gao.gov",
    )
    assert fields.date == "2023-06-26T20:20:52-04:00"


# P02: Federal Register, three columns, 6.4 pt markers in 9 pt text


def test_federal_register_has_fifteen_markers_and_fifteen_notes() -> None:
    labels = [str(number) for number in range(1, 16)]
    assert marker_labels(P02) == labels
    assert list(notes(P02)) == labels


def test_federal_register_sentence_with_three_markers() -> None:
    before, after = marked(P02, "1")
    assert before.endswith("Reports")
    assert after.startswith("from the accident investigation indicate that")
    assert marked(P02, "2")[0].endswith("the airplane’s flight control system")
    assert marked(P02, "3")[0].endswith(
        "generated repeated airplane nose-down horizontal stabilizer trim"
    )
    assert marked(P02, "3")[1].startswith("commands contributing to the accident.")


def test_federal_register_markers_seven_and_fourteen() -> None:
    assert marked(P02, "7")[0].endswith(
        "The data from the flight data recorders, as summarized in reports"
    )
    assert marked(P02, "7")[1].startswith("of the Ethiopian Airlines Flight 302")
    assert marked(P02, "14")[0].endswith(
        "certain operating procedures (checklists) of the AFM"
    )
    assert marked(P02, "14")[1].startswith("used by the flightcrew for the 737 MAX.")


def test_federal_register_note_texts() -> None:
    found = notes(P02)
    assert found["1"] == (
        "Preliminary KNKT.18.10.35.04 Aircraft Accident Investigation Report, dated "
        "November 2018, and Final KNKT.18.10.35.04 Aircraft Accident Investigation "
        "Report, dated October 2019, can be found in the AD docket."
    )
    assert found["7"] == (
        "Ethiopian Aircraft Accident Investigation Preliminary Report AI–01/19, dated "
        "March 2019, and the Ethiopian Interim Investigation Report of accident "
        "MAX–8 ET–AVJ, ET–302, dated March 2020, can be found in the AD docket."
    )
    assert found["14"].startswith(
        "The AFM is an FAA-approved document that manufacturers are required to "
        "furnish to owners upon delivery of the airplane, and that provides "
        "necessary safety information. See 14 CFR 25.1581."
    )


def test_hyphen_after_an_acronym_at_a_line_end_is_kept() -> None:
    # "FAA-" ends a line before "approved": hyphenation never breaks an acronym.
    text = " ".join(block.text for block in read(P02).blocks)
    assert "FAAapproved" not in text
    assert text.count("FAA-approved") >= 10


@pytest.mark.parametrize(
    "furniture",
    [
        "Federal Register / Vol. 85",
        "jbell on DSKJLSW7X2PROD",
        "VerDate Sep<11>2014",
        "Jkt 250001",
        "</GPH>",
        "EP06AU20",
    ],
)
def test_federal_register_headers_and_slugs_are_gone(furniture: str) -> None:
    assert not [b.text for b in read(P02).blocks if furniture in b.text]


# P03: Supreme Court slip opinion, notes below a rule, soft hyphens


def test_slip_opinion_has_thirteen_markers_and_notes() -> None:
    labels = [str(number) for number in range(1, 14)]
    assert marker_labels(P03) == labels
    assert list(notes(P03)) == labels


def test_slip_opinion_marker_sentences() -> None:
    before, after = marked(P03, "1")
    assert before.endswith("The Compact’s interpretive comments")
    assert after.startswith(
        "explain that during negotiations, Reach II posed the greatest difficulty "
        "to the parties’ efforts to reach agreement."
    )
    assert marked(P03, "5")[0].endswith(
        "In 2007, Tarrant sought a water resource permit from the Oklahoma Water "
        "Resources Board (OWRB),"
    )
    assert marked(P03, "6")[0].endswith("respondents here, to take 310,000 acre feet")
    assert marked(P03, "6")[1].startswith("per year of surface water from the")
    assert marked(P03, "13")[0].endswith(
        "allocated to Oklahoma unless and until another State calls for an "
        "accounting and Oklahoma is asked to refrain from utilizing more than its "
        "entitled share."
    )


def test_slip_opinion_note_texts() -> None:
    found = notes(P03)
    assert found["1"] == (
        "Interpretive comments were included in the Compact so that future readers "
        "“might be apprised of the intent of the Compact Negotiation Committee with "
        "regard to each Article of the Compact.” Compact, Comment on Preamble, "
        "1 App. 9."
    )
    assert found["5"].startswith(
        "Under §2.10 of the Compact each signatory State retains “the right or "
        "power . . . to regulate within its boundaries the appropriation, use, and "
        "control of water.” Id., at 12."
    )
    assert "Okla. Stat., Tit. 82, §105.9 (West 2013)" in found["5"]
    assert found["13"] == (
        "Moreover, even if Oklahoma utilized less than 25 percent of the excess "
        "subbasin 5 water within its territory and allowed the rest to flow down the "
        "River, that water would pass from Reach II into Reach V, see Compact §2.12, "
        "1 App. 13, the waters of which are completely allocated to Louisiana, "
        "§8.01, id., at 38. Again, no water is left “unallocated.”"
    )


def test_slip_opinion_notice_paragraphs_are_body_not_notes() -> None:
    paragraphs = [b.text for b in body(P03) if b.kind == "paragraph"]
    assert any(text.startswith("NOTE: Where it is feasible") for text in paragraphs)
    assert any(
        text.startswith("NOTICE: This opinion is subject") for text in paragraphs
    )
    assert not [b for b in read(P03).blocks if b.kind == "note" and "NOTE" in b.text]


def test_slip_opinion_soft_hyphens_are_joined() -> None:
    text = " ".join(block.text for block in read(P03).blocks)
    assert "\xad" not in text
    assert "\ufffe" not in text
    assert "Washington, D. C. 20543" in text
    assert "attempting to purchase water" in text
    assert "Webster’s Third New International Dictionary 19 (1966)" in text  # p. 11-12


def test_slip_opinion_running_heads_are_gone() -> None:
    assert not [b.text for b in read(P03).blocks if "Cite as: 569 U. S." in b.text]
    assert not [b.text for b in read(P03).blocks if b.text == "Opinion of the Court"]


# The whole pipeline: a report with every marker defined


@pytest.mark.parametrize(("path", "count"), [(P01, 4), (P02, 15), (P03, 13)])
def test_corpus_pdf_is_a_report_with_every_footnote_defined(
    path: Path, count: int
) -> None:
    document = parse_path(path)
    assert document.kind == "report"
    assert document.source_format == "pdf"
    assert len(document.footnotes) == count
    assert not [w for w in document.warnings if "never defined" in w]


# Generated two-column report and endnotes (tests/fixtures/pdf/SOURCES.md)


def test_two_column_report_notes_run_over_to_the_next_page() -> None:
    found = notes(NGO)
    assert list(found) == [str(number) for number in range(1, 20)]
    assert marker_labels(NGO) == list(found)
    assert found["15"].startswith("Syrian Network for Human Rights, Monthly Report")
    assert found["15"].endswith("gives the accounts of eleven former detainees.")


def test_two_column_report_hyphenated_words_are_joined() -> None:
    text = " ".join(block.text for block in read(NGO).blocks)
    for broken in ("gover-norate", "cor-roborated", "equip-ment"):
        assert broken not in text
    assert "governorate" in text


def test_endnote_section_is_read_as_notes() -> None:
    found = notes(ENDNOTES)
    assert list(found) == [str(number) for number in range(1, 19)]
    assert found["1"].endswith("on file with the authors.")
    assert marker_labels(ENDNOTES) == list(found)


# Files the reader refuses


REFUSED = {
    "encrypted.pdf": "is encrypted: it needs a password to open; "
    "ingest an unlocked copy",
    "scanned_page.pdf": "has no text layer (a scanned image?): run OCR first",
    "truncated.pdf": "is damaged: the file is cut short (it has no end-of-file marker)",
    "not_a_pdf.pdf": "is not a PDF: it does not start with %PDF-",
}


@pytest.mark.parametrize(("name", "reason"), REFUSED.items())
def test_unreadable_pdf_is_refused_with_a_reason(name: str, reason: str) -> None:
    path = FIXTURES / "pdf" / name
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert str(caught.value) == f"{path}: {reason}"


def test_pdf_with_a_broken_structure_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Cat" + b"\x00" * 64 + b"\n%%EOF\n")
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert caught.value.reason == "is damaged: its structure cannot be read"


def test_pdf_signature_wins_over_the_file_name() -> None:
    assert pdf.sniff("report.bin", b"%PDF-1.7\n") == 1.0
    assert pdf.sniff("notes.txt", b"plain words") is None
    assert pdf.sniff("about-pdf.md", b"# PDF\n\nA PDF starts with %PDF-1.7.") is None


# Real PDFs from other projects (tests/fixtures/pdf/SOURCES.md)

DPR = FIXTURES / "pdf" / "dpr_paper_two_column_2p.pdf"


def test_two_column_paper_notes_and_markers() -> None:
    assert marker_labels(DPR) == ["1", "2", "3", "4"]
    found = notes(DPR)
    assert list(found) == ["1", "2", "3", "4"]
    assert found["1"] == (
        "The code and trained models have been released at "
        "https://github.com/facebookresearch/DPR."
    )
    assert found["4"] == (
        "Exceptions include (Seo et al., 2019) and (Roberts et al., 2020), which "
        "retrieves and generates the answers, respectively."
    )


def test_two_column_paper_columns_are_not_interleaved() -> None:
    """GIVEN a centred author line that crosses the gutter above two columns
    WHEN the page is read
    THEN each column's lines stay together (the gutter is found under the title).
    """
    before, after = marked(DPR, "2")
    assert before.endswith(
        "a huge performance degradation is often observed in practice"
    )
    assert after.startswith(", indicating the needs of improving retrieval.")
    before, after = marked(DPR, "3")
    assert before.endswith("as the basic retrieval units")
    assert after.startswith("and get M total passages")


def test_copy_restricted_pdf_without_open_password_is_read() -> None:
    path = FIXTURES / "pdf" / "owner_password_only.pdf"
    blocks = read(path).blocks
    assert blocks[0].text == (
        "LayoutParser: A Unified Toolkit for Deep Learning Based Document Image "
        "Analysis"
    )


def test_real_password_protected_pdf_is_refused() -> None:
    path = FIXTURES / "pdf" / "password_protected.pdf"
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert caught.value.reason == (
        "is encrypted: it needs a password to open; ingest an unlocked copy"
    )


def test_page_set_sideways_is_read_along_its_text() -> None:
    """GIVEN a landscape table drawn at 90 degrees on a rotated page
    WHEN it is read
    THEN its rows come out as text instead of being dropped as a marginal slug.
    """
    text = " ".join(
        block.text
        for block in read(FIXTURES / "pdf" / "senate_expenditures_sideways.pdf").blocks
    )
    assert "DOCUMENT NO." in text
    assert "BAIN, J MATTHEW" in text
    assert "LEGISLATIVE CORRESPONDENT" in text


def test_two_copies_of_a_short_page_are_both_kept() -> None:
    blocks = read(FIXTURES / "pdf" / "memo_with_duplicate_page.pdf").blocks
    texts = [block.text for block in blocks]
    assert texts[0].startswith("May 5, 2023")
    repeated = [text for text in texts if text.startswith("There were 20,000 bottles")]
    assert len(repeated) == 2


def test_web_address_in_a_note_is_a_link_without_the_closing_full_stop() -> None:
    note = next(b for b in read(DPR).blocks if b.kind == "note" and b.label == "1")
    assert [(link.href, note.text[link.start : link.end]) for link in note.links] == [
        (
            "https://github.com/facebookresearch/DPR",
            "https://github.com/facebookresearch/DPR",
        )
    ]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("D:20230626202052-04'00'", "2023-06-26T20:20:52-04:00"),
        ("D:20200806095125Z", "2020-08-06T09:51:25Z"),
        ("D:20190101", "2019-01-01"),
        ("D:2019", "2019"),
        ("yesterday", None),
    ],
)
def test_pdf_dates_become_iso(written: str, iso: str | None) -> None:
    assert pdf_date(written) == iso


def test_endnotes_in_body_size_type_after_a_notes_heading() -> None:
    """GIVEN endnotes set in the body's own size under a "Notes" heading
    WHEN read THEN they are notes, not paragraphs, and lose their numbers."""
    path = FIXTURES / "pdf" / "endnotes_body_size.pdf"
    assert marker_labels(path) == ["1", "2", "3"]
    assert notes(path) == {
        "1": "Interview with a returnee from Tal Tamr, 5 February 2025.",
        "2": "Human Rights Watch, Detained on the Way Home, 12 March 2025, "
        "https://www.hrw.org/report/2025/03/12/detained-way-home.",
        "3": "Enab Baladi, Displaced families find strangers in their homes, "
        "14 January 2025.",
    }
    assert marked(path, "2")[0].endswith(
        "Families were not told where their relatives were held."
    )


def test_federal_register_page_numbers_are_gone() -> None:
    assert not [b.text for b in read(P02).blocks if b.text.strip().startswith("477")]


def test_bulleted_lines_are_list_items_whole_across_their_lines() -> None:
    items = [b.text for b in read(P02).blocks if b.kind == "list_item"]
    assert "Fax: 202–493–2251." in items
    assert any(
        text.startswith(
            "Federal eRulemaking Portal: Go to https://www.regulations.gov."
        )
        for text in items
    )
    gao = [b.text for b in read(P01).blocks if b.kind == "list_item"]
    assert any(
        text.startswith(
            "Goals, subordinate objectives, activities, and performance measures."
        )
        for text in gao
    )
