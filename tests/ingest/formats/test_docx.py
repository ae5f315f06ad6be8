"""DOCX: real Word files and a report written part by part, read as Word shows them.

Expectations come from the fixture script's text (``make_fixtures.py``) and, for
the files from pandoc's test suite, from pandoc's own expected readings
(``test/docx/*.native``), never from this reader's output.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import parse_path
from ingest.formats import docx
from ingest.loader import load

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "docx"
REPORT = FIXTURES / "coi_report.docx"


def read(name: str):
    path = FIXTURES / name
    return docx.read(str(path), path.read_bytes())


def claims_by_marker(document) -> dict[str, str]:
    return {
        marker.label: claim.text
        for passage in document.passages
        for claim in passage.claims
        for marker in claim.markers
    }


def test_report_docx_is_a_report_with_notes_numbered_as_word_shows_them():
    """GIVEN footnotes with ids 7, 3, 12, 5, ... and two endnotes
    WHEN the report is parsed
    THEN footnotes are numbered 1-9 by first citation, endnotes i and ii."""
    document = parse_path(REPORT)
    assert document.kind == "report"
    assert document.source_format == "docx"
    assert [n.label for n in document.footnotes] == [
        *"123456789",
        "i",
        "ii",
    ]
    assert not document.warnings


def test_report_docx_markers_stand_in_their_sentences():
    claims = claims_by_marker(parse_path(REPORT))
    assert claims["1"] == (
        "Shelling of towns in southern Idlib continued in January 2025."
    )
    assert claims["2"] == (
        "On 11 January, strikes on Ariha killed four civilians, according to the "
        "Syrian Observatory for Human Rights."
    )
    assert (
        claims["i"]
        == claims["6"]
        == (
            "Its fighters detained at least twelve activists in Idlib city "
            "and released three of them after protests."
        )
    )
    assert claims["7"] == "Saraqib: front line largely unchanged."
    assert claims["8"] == "December 2024 | 31 | SNHR"
    assert claims["ii"].startswith("Aid convoys crossed through Bab al-Hawa")


def test_report_docx_leaves_out_tracked_deletions_and_uncited_notes():
    document = parse_path(REPORT)
    claims = claims_by_marker(document)
    assert claims["4"] == (
        "The UN Office for the Coordination of Humanitarian Affairs counted more than "
        "40,000 newly displaced people by the end of the month."
    )
    assert all("no marker cites" not in note.text for note in document.footnotes)


def test_report_docx_note_texts_and_their_links():
    notes = {block.label: block for block in read(REPORT.name).blocks}
    assert notes["1"].kind == "note"
    assert notes["1"].text == (
        "SOHR, Regime forces renew shelling on southern Idlib countryside, "
        "9 January 2025, https://www.syriahr.com/en/350001/"
    )
    assert [link.href for link in notes["1"].links] == [
        "https://www.syriahr.com/en/350001/"
    ]
    # note 3's link is a HYPERLINK field, not a w:hyperlink element
    url = "https://english.enabbaladi.net/archives/2025/01/flee-idlib/"
    [link] = notes["3"].links
    assert (link.href, notes["3"].text[link.start : link.end]) == (url, url)
    assert notes["ii"].text == "UNHCR, Cross-border operations update, 3 February 2025"


def test_report_docx_citations_are_read_from_the_notes():
    notes = {n.label: n for n in parse_path(REPORT).footnotes}
    [citation] = notes["2"].citations
    assert citation.outlet == "SOHR"
    assert citation.title == "Four civilians killed in air strikes on Ariha"
    assert citation.url == "https://www.syriahr.com/en/350112/"


def test_report_docx_headings_lists_and_body_link():
    blocks = read(REPORT.name).blocks
    headings = [(b.level, b.text) for b in blocks if b.kind == "heading"]
    assert headings == [
        (1, "Syria: Security situation in Idlib governorate"),
        (1, "1. Conflict dynamics"),
        (2, "1.1 Shelling and air strikes"),
        (2, "1.2 Armed groups"),
        (1, "2. Humanitarian situation"),
    ]
    items = [b.text for b in blocks if b.kind == "list_item"]
    assert items == [
        "Ariha: repeated shelling of residential areas.",
        "Saraqib: front line largely unchanged.",
    ]
    [link] = [link for b in blocks for link in b.links if b.kind != "note"]
    assert (link.text, link.href) == ("OCHA Syria page", "https://www.unocha.org/syria")


def test_report_docx_properties_become_fields():
    fields = load(REPORT).fields
    assert fields.title == "Syria: Security situation in Idlib governorate"
    assert fields.authors == ("Country Research Unit",)
    assert fields.date == "2025-02-14T09:30:00Z"
    assert fields.language == "en-GB"


def test_footnote_and_endnote_of_pandoc_notes_docx():
    blocks = read("pandoc-notes.docx").blocks
    body = [b for b in blocks if b.kind != "note"]
    notes = [(b.label, b.text) for b in blocks if b.kind == "note"]
    assert notes == [
        ("1", "My note."),
        ("i", "This is an endnote at the end of the document."),
    ]
    [paragraph] = [b for b in body if b.kind == "paragraph"]
    assert paragraph.text == "Test footnote. Test endnote."
    assert [(m.label, m.offset) for m in paragraph.marks] == [("1", 14), ("i", 28)]


def test_separators_are_found_by_type_not_by_id():
    """GIVEN a LibreOffice file whose separators have ids 0 and 1
    THEN its endnotes 2 and 3 show as i and ii, as its settings ask."""
    blocks = read("mammoth-endnotes.docx").blocks
    assert [(b.label, b.text) for b in blocks if b.kind == "note"] == [
        ("i", "A tachyon walks into a bar."),
        ("ii", "Fin."),
    ]
    assert [(m.label, m.offset) for m in blocks[0].marks] == [("i", 4), ("ii", 5)]


def test_footnotes_docx_through_parse_path():
    document = parse_path(FIXTURES / "mammoth-footnotes.docx")
    assert document.kind == "report"
    assert [(n.label, n.text) for n in document.footnotes] == [
        ("1", "A tachyon walks into a bar."),
        ("2", "Fin."),
    ]


def test_link_inside_a_footnote():
    [note] = [b for b in read("pandoc-link_in_notes.docx").blocks if b.kind == "note"]
    assert note.text == "http://wikipedia.org/"
    assert [(link.text, link.href) for link in note.links] == [
        ("http://wikipedia.org/", "http://wikipedia.org/")
    ]


def test_content_control_inside_a_footnote_keeps_its_text():
    [note] = [b for b in read("pandoc-sdt_in_footnote.docx").blocks if b.kind == "note"]
    assert note.text.startswith("Vgl. Bitzios u. a.: Dissonance in the food")
    assert note.text.endswith("Wageningen im Druck, hier S. 100-105.")
    # pandoc's reading: Emph [Str "Bitzios"]
    assert [note.text[e.start : e.end] for e in note.emphasis] == ["Bitzios"]


def test_heading_levels_from_styles():
    blocks = read("pandoc-headers.docx").blocks
    assert [(b.kind, b.level, b.text) for b in blocks[:2]] == [
        ("heading", 1, "A Test of Headers"),
        ("heading", 2, "Second Level"),
    ]
    levels = [b.level for b in blocks if b.kind == "heading"]
    assert levels == [1, 2, 3, 4, 5, 6]
    seventh = next(b for b in blocks if b.text == "Seventh level")
    assert seventh.kind == "paragraph"  # no "heading 7" style is defined


def test_nested_lists_with_their_numbers():
    blocks = read("pandoc-lists.docx").blocks
    items = [(b.level, b.label, b.text) for b in blocks if b.kind == "list_item"]
    assert items[:4] == [(1, "1", "one"), (1, "2", "two"), (2, "a", "a"), (2, "b", "b")]
    assert [(level, text) for level, _, text in items[4:8]] == [
        (1, "one"),
        (1, "two"),
        (2, "three"),
        (3, "four"),
    ]


def test_hyperlink_fields_become_links():
    [block] = read("pandoc-instrText_hyperlink.docx").blocks
    assert [(link.text, link.href) for link in block.links] == [
        (
            "Foundations of Analysis, 2nd Edition",
            "https://books.google.com/books?id=sp_Zcb9ot90C&lpg=PR4&hl=zh-CN&pg=PA19"
            "#v=onepage&q&f=true",
        ),
        (
            "Classic Set Theory: For Guided Independent Study",
            "https://books.google.ae/books?id=dlc0DwAAQBAJ&lpg=PT29&hl=zh-CN&pg=PT26"
            "#v=onepage&q&f=true",
        ),
    ]


def test_table_rows_become_paragraphs():
    texts = [b.text for b in read("mammoth-tables.docx").blocks]
    assert texts == [
        "Above",
        "Top left | Top right",
        "Bottom left | Bottom right",
        "Below",
    ]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("report.docx", b"PK\x03\x04" + b"\0" * 26 + b"word/document.xml", 0.95),
        ("report.zip", b"PK\x03\x04" + b"\0" * 26 + b"[Content_Types].xml", None),
        ("report.txt", b"plain words", None),
    ],
)
def test_sniff(name: str, head: bytes, expected: float | None):
    assert docx.sniff(name, head) == expected


def test_word_2007_footnote_and_endnote_from_poi():
    """POI's own test expects "Eto ochen prostoy[footnoteRef:1] text so snoskoy"
    and, in endnotes.docx, an endnote with id 2 after "tilaka" holding "XXX"."""
    blocks = read("poi-footnotes.docx").blocks
    assert [(b.kind, b.text, b.label) for b in blocks] == [
        ("paragraph", "Eto ochen prostoy text so snoskoy", None),
        ("note", "snoska", "1"),
    ]
    assert [(m.label, m.offset) for m in blocks[0].marks] == [
        ("1", len("Eto ochen prostoy"))
    ]
    blocks = read("poi-endnotes.docx").blocks
    [cited] = [b for b in blocks if b.marks]
    assert "(tilaka" in cited.text[: cited.marks[0].offset]
    assert [(b.label, b.text) for b in blocks if b.kind == "note"] == [("i", "XXX")]


def test_footnote_cited_in_a_table_cell():
    blocks = read("poi-table_footnotes.docx").blocks
    [row] = [b for b in blocks if b.marks]
    assert row.text.startswith("slove")
    assert [(b.label, b.text) for b in blocks if b.kind == "note"] == [("1", "snoska")]


def test_content_controls_in_notes_and_body():
    blocks = read("poi-Bug54849.docx").blocks
    notes = [(b.label, b.text) for b in blocks if b.kind == "note"]
    assert notes == [("1", "Footnote_sdt"), ("i", "Endnote Endnote_sdt")]
    texts = [b.text for b in blocks]
    assert "Rich_text_pre_table" in texts
    assert "Plain_text_with_newlines1 plain_text_with_newlines2" in texts


def test_ruby_keeps_the_base_text_only():
    assert [b.text for b in read("poi-61470.docx").blocks] == ["東京"]


def test_list_numbers_restart_jump_and_continue_as_word_shows_them():
    """The item texts of this file name the number Word shows before them."""
    items = [
        (b.label, b.text)
        for b in read("poi-ComplexNumberedLists.docx").blocks
        if b.kind == "list_item"
    ]
    assert items == [
        ("1", "Entry #1"),
        ("2", "Entry #2, with children"),
        ("a", "2-a"),
        ("b", "2-b"),
        ("c", "2-c"),
        ("3", "Entry #3"),
        ("4", "Entry #4"),
        ("1", "Restarted to 1 from 5"),
        ("2", "Restarted @ 2"),
        ("3", "Restarted @ 3"),
        ("10", "Jump to new list at 10"),
        ("11", "Now 11"),
        ("12", "Carrying on @ 12"),
        ("13", "Carrying on @ 13"),
    ]


def test_overridden_list_format_continues_the_sequence():
    items = [
        (b.label, b.text)
        for b in read("poi-NumberingWOverrides.docx").blocks
        if b.kind == "list_item"
    ]
    assert items == [(text, text) for text in ["1", "B", "C", "A", "B", "4"]]


def test_numbered_headings_show_their_numbers():
    """Word shows "1.1" before a heading numbered by a multi-level list."""
    blocks = read("pandoc-enumerated_headings.docx").blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "1 H1"),
        ("heading", 2, "1.1 H2"),
        ("heading", 3, "1.1.1 H3"),
        ("paragraph", None, "And some text"),
    ]
    [heading] = read("pandoc-numbered_header.docx").blocks
    assert heading.text == "1. A Numbered Header."


def test_un_background_report_binds_all_54_footnotes():
    """GIVEN the WGIG Background Report (footnote ids 2-55, separators 0 and 1)
    THEN its 54 markers are numbered 1-54 and each is bound to its note."""
    path = FIXTURES / "oxsdk-wgig_background_report.docx"
    blocks = read(path.name).blocks
    assert [m.label for b in blocks for m in b.marks] == [str(n) for n in range(1, 55)]
    document = parse_path(path)
    assert document.kind == "report"
    notes = {n.label: n.text for n in document.footnotes}
    assert sorted(notes, key=int) == [str(n) for n in range(1, 55)]
    assert notes["1"] == (
        "WSIS Declaration of Principles, Paragraphs 48 and 49, WSIS-03/GENEVA/DOC/0004."
    )
    claims = claims_by_marker(document)
    assert claims["30"] == (
        "The principal formal mechanism is the World Conference on International "
        "Telecommunication (WCIT), which updates the International Telecommunication "
        "Regulations (ITRs)."
    )
    assert not [w for w in document.warnings if "referenced" in w]
    # the title page's three heading lines are its title, not the stale stored
    # title "Introduction"
    assert document.title == (
        "BACKGROUND REPORT THE WORKING GROUP ON INTERNET GOVERNANCE"
    )
    assert blocks[0].text == document.title
    assert blocks[1].text == "JUNE 2005"
    # paragraph 39 is set in the "heading 2" style for its look, yet is prose
    [styled] = [b for b in blocks if b.text.startswith("39. The core term")]
    assert styled.kind == "paragraph"


def test_space_before_a_marker_glued_to_the_next_word_is_kept():
    blocks = read("oxsdk-ftEdNote.docx").blocks
    assert blocks[0].text == (
        "This is a test paragraph with footnotes, and endnotes attached."
    )
    assert [(m.label, m.offset) for m in blocks[0].marks] == [
        ("1", len("This is a test paragraph with footnotes")),
        ("i", len("This is a test paragraph with footnotes, and endnotes")),
    ]
    assert [(b.label, b.text) for b in blocks if b.kind == "note"] == [
        ("1", "This is the test footnote 1."),
        ("2", "This is the test footnote 2."),
        ("i", "This is the test end notes 1"),
        ("ii", "This is the test end notes 2"),
    ]


def test_notes_cited_in_table_cells():
    blocks = read("oxsdk-TableFntEdnt.docx").blocks
    assert [m.label for b in blocks for m in b.marks] == [
        "i", "1", "2", "ii", "iii", "3"
    ]  # fmt: skip
    assert [b.text for b in blocks if b.kind == "note"] == [
        "Footnote 1", "Footnote 2", "Footnote 3",
        "Endnote 1", "Endnote 2", "Endnote 3",
    ]  # fmt: skip


def test_strict_open_xml_file_from_word():
    blocks = read("oxsdk-strict_endnotes.docx").blocks
    assert [(b.kind, b.label, b.text) for b in blocks] == [
        ("paragraph", None, "Text 1"),
        ("paragraph", None, "Text 2"),
        ("paragraph", None, "Text 3"),
        ("note", "i", "Endnote 1"),
        ("note", "ii", "Endnote 2"),
        ("note", "iii", "Endnote 3"),
    ]


def test_zotero_citation_fields_state_their_works():
    """The field's result stays the text; the CSL-JSON in its instruction gives
    the works (here as written in the file's first citation field)."""
    first = read("pandoc-zotero_citations.docx").blocks[0]
    assert first.text == "This is a citation (Smith et al., 2013)"
    [work] = first.works
    assert work.title == (
        "A comparison of full-field and anomaly initialization for seasonal to "
        "decadal climate prediction"
    )
    assert work.outlet == "Climate Dynamics"
    assert work.authors == ("Doug M. Smith", "Rosie Eade", "Holger Pohlmann")
    assert (work.date, work.pages, work.kind) == (
        "2013-12",
        "3325–3338",
        "article-journal",
    )


def test_mendeley_citation_fields_state_their_works():
    blocks = read("pandoc-mendeley_citations.docx").blocks
    last = next(b for b in blocks if b.text.startswith("The last test"))
    assert [w.title for w in last.works] == [
        "Computational Thinking for Youth in Practice",
        "Future of library and museum services supporting teen learning: "
        "Perceptions of professionals in learning labs and makerspaces",
    ]
