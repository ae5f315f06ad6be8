"""ODT: real OpenDocument files and the ODT twin of the DOCX report fixture.

Expectations come from ``make_odt.py``'s text and from pandoc's expected
readings of its test files (``test/odt/markdown/*.md``, ``native/*.native``).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ingest import parse_path
from ingest.formats import odt
from ingest.loader import load

FIXTURES = Path(__file__).parent.parent.parent / "fixtures" / "odt"
REPORT = FIXTURES / "coi_report.odt"
ODT_CONTENT = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
    'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    "<office:body><office:text><text:p>CLAIM</text:p></office:text></office:body>"
    "</office:document-content>"
)


def read(name: str):
    path = FIXTURES / name
    return odt.read(str(path), path.read_bytes())


def test_report_odt_is_a_report_with_footnotes_and_endnotes():
    document = parse_path(REPORT)
    assert document.kind == "report"
    assert document.source_format == "odt"
    assert [n.label for n in document.footnotes] == [*"123456789", "i", "ii"]
    assert not document.warnings


def test_report_odt_markers_stand_in_their_sentences_and_notes_hold_their_text():
    document = parse_path(REPORT)
    claims = {
        marker.label: claim.text
        for passage in document.passages
        for claim in passage.claims
        for marker in claim.markers
    }
    assert (
        claims["3"] == "Local sources reported displacement towards the Turkish border."
    )
    assert claims["i"] == claims["6"]
    assert claims["9"] == "January 2025 | 44 | SNHR"
    notes = {n.label: n.text for n in document.footnotes}
    assert notes["5"] == "Al-Monitor, HTS tightens its grip on Idlib, 20 January 2025"
    assert notes["i"] == (
        "Human Rights Watch, Syria: Armed group detains critics in Idlib, "
        "22 January 2025, https://www.hrw.org/news/2025/01/22/syria"
    )


def test_report_odt_headings_and_metadata():
    blocks = read(REPORT.name).blocks
    assert [(b.level, b.text) for b in blocks if b.kind == "heading"][:3] == [
        (1, "Syria: Security situation in Idlib governorate"),
        (1, "1. Conflict dynamics"),
        (2, "1.1 Shelling and air strikes"),
    ]
    fields = load(REPORT).fields
    assert fields.title == "Syria: Security situation in Idlib governorate"
    assert fields.authors == ("Country Research Unit",)
    assert fields.date == "2025-02-14T09:30:00"


def test_pandoc_footnote_and_endnote():
    blocks = read("pandoc-footnote.odt").blocks
    assert [(b.kind, b.text, b.label) for b in blocks] == [
        ("paragraph", "Some text with a footnote.", None),
        ("note", "Footnote text", "1"),
    ]
    assert [(m.label, m.offset) for m in blocks[0].marks] == [("1", len("Some text"))]
    endnote = read("pandoc-endnote.odt").blocks
    assert [(b.kind, b.text, b.label) for b in endnote] == [
        ("paragraph", "Some text with an endnote.", None),
        ("note", "Endnote text", "i"),
    ]


def test_pandoc_headers_and_link():
    blocks = read("pandoc-headers.odt").blocks
    assert [(b.kind, b.level, b.text) for b in blocks] == [
        ("heading", 1, "A header (Lv 1)"),
        ("paragraph", None, "A paragraph"),
        ("heading", 2, "Another header (Lv 2)"),
        ("paragraph", None, "Another paragraph"),
        ("heading", 1, "Back to Level 1"),
    ]
    [block] = read("pandoc-externalLink.odt").blocks
    assert block.text == "Here comes an external link to example.com."
    assert [(link.text, link.href) for link in block.links] == [
        ("external link", "http://example.com/")
    ]


def test_pandoc_nested_list_and_table():
    items = [(b.level, b.text) for b in read("pandoc-unorderedList.odt").blocks]
    assert items[:6] == [
        (1, "A list item"),
        (1, "A second"),
        (1, "A third"),
        (2, "New level!"),
        (3, "And another!"),
        (3, "It's great up here!"),
    ]
    assert [b.text for b in read("pandoc-table.odt").blocks] == [
        "Table header | Another header",
        "Content | More content",
    ]


def test_endnote_showing_a_footnote_number_is_qualified(tmp_path):
    """GIVEN an ODT whose endnotes are numbered 1, 2 like its footnotes
    THEN the endnotes are labelled "endnote 1", "endnote 2"."""

    def note(series: str, shown: str, text: str) -> str:
        return (
            f'<text:note text:id="{series}{shown}" text:note-class="{series}">'
            f"<text:note-citation>{shown}</text:note-citation><text:note-body>"
            f"<text:p>{text}</text:p></text:note-body></text:note>"
        )

    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
        "<office:body><office:text><text:p>One."
        + note("endnote", "1", "E one")
        + " Two."
        + note("footnote", "1", "F one")
        + " Three."
        + note("endnote", "2", "E two")
        + "</text:p></office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    blocks = odt.read("notes.odt", buffer.getvalue()).blocks
    assert blocks[0].text == "One. Two. Three."
    assert [m.label for m in blocks[0].marks] == ["endnote 1", "1", "endnote 2"]
    assert [(b.label, b.text) for b in blocks[1:]] == [
        ("1", "F one"),
        ("endnote 1", "E one"),
        ("endnote 2", "E two"),
    ]


def test_wikipedia_article_saved_as_odt():
    """GIVEN a 29-heading article with 49 footnotes (20 and 46 empty in the file)
    THEN every marker keeps its number and sentence, and 47 notes have text."""
    path = FIXTURES / "odfdo-collection.odt"
    blocks = read(path.name).blocks
    marks = [m.label for b in blocks for m in b.marks]
    assert marks == [str(n) for n in range(1, 50)]
    assert sum(b.kind == "heading" for b in blocks) == 29
    assert blocks[0].text == "The Hitchhiker's Guide to the Galaxy"
    document = parse_path(path)
    assert document.kind == "report"
    notes = {n.label: n.text for n in document.footnotes}
    assert len(notes) == 47 and "20" not in notes and "46" not in notes
    assert notes["13"] == (
        "Adams, Douglas (2002). Peter Guzzardi (ed.). ed. The Salmon of Doubt: "
        "Hitchhiking the Galaxy One Last Time (First UK Edition ed.). Macmillan. "
        "p. 198. ISBN 0-333-76657-1."
    )
    claims = {
        marker.label: claim.text
        for passage in document.passages
        for claim in passage.claims
        for marker in claim.markers
    }
    assert claims["13"] == (
        "Adams also remarked that if he were to write a sixth installment, he would "
        "at least start with all the characters in the same place."
    )


def test_annotation_is_left_out_and_notes_keep_their_places():
    [paragraph, footnote, endnote] = read("odfdo-note.odt").blocks
    assert paragraph.text == "Un paragraphe d'apparence banale."
    assert [(m.label, m.offset) for m in paragraph.marks] == [
        ("1", len("Un paragraphe")),
        ("i", len("Un paragraphe d'apparence")),
    ]
    assert (footnote.label, footnote.text) == (
        "1",
        "C'est-à-dire l'élément « text:p ».",
    )
    assert (endnote.label, endnote.text) == ("i", "Les apparences sont trompeuses !")


def test_marker_in_a_heading_and_link_in_a_note():
    blocks = read("odfdo-dormeur_notes.odt").blocks
    assert (blocks[0].kind, blocks[0].text) == ("heading", "Le dormeur du val")
    assert [m.label for m in blocks[0].marks] == ["1"]
    notes = {b.label: b for b in blocks if b.kind == "note"}
    assert sorted(notes) == ["1", "2", "i"]
    assert [(link.text, link.href) for link in notes["2"].links] == [
        ("remote link", "https://test.example.com/")
    ]


def test_caption_in_a_text_box_follows_its_paragraph():
    assert [b.text for b in read("odfdo-chair.odt").blocks] == [
        "Image test",
        "A chair :",
        "Figure 1 chair",
    ]


def test_list_numbers_follow_the_list_styles():
    """pandoc reads the second list of orderedListSimple as starting at 4 (its
    style's start value); orderedListMixed's level 2 shows two levels ("3.1")
    and level 3 letters."""
    items = [(b.level, b.label) for b in read("pandoc-orderedListSimple.odt").blocks]
    assert items == [
        (1, "1"), (1, "2"), (1, "3"), (2, "1"), (3, "1"), (3, "2"),
        (2, "2"), (2, "3"), (1, "4"), (1, "5"), (1, "4"), (1, "5"),
    ]  # fmt: skip
    mixed = [b.label for b in read("pandoc-orderedListMixed.odt").blocks][:8]
    assert mixed == ["1", "2", "3", "3.1", "a", "b", "3.2", "3.3"]


def test_continued_lists_go_on_counting():
    """The item texts of this file name the number Writer shows before them."""
    items = [
        (b.label, b.text)
        for b in read("pandoc-listContinueNumbering.odt").blocks
        if b.kind == "list_item"
    ]
    assert [label for label, _ in items] == ["1", "2", "3", "4", "1", "2", "3"]
    assert all(text == f"Some text ({label}.)" for label, text in items)


def test_zotero_reference_mark_in_a_footnote_gives_its_work():
    """GIVEN a Writer footnote holding a Zotero citation (a reference mark whose
    name carries the CSL-JSON) THEN the note block carries that work."""
    item = {
        "type": "webpage",
        "title": "Syria: Flash Update No. 4",
        "container-title": "ReliefWeb",
        "URL": "https://reliefweb.int/report/syria/flash-update-4",
        "issued": {"date-parts": [["2025", "1", "31"]]},
        "author": [{"literal": "OCHA"}],
    }
    name = "ZOTERO_ITEM CSL_CITATION " + json.dumps({"citationItems": [
        {"id": 7, "itemData": item}
    ]}) + " RNDk3jF0a"  # fmt: skip
    note = (
        '<text:note text:id="ftn1" text:note-class="footnote">'
        "<text:note-citation>1</text:note-citation><text:note-body><text:p>"
        f"<text:reference-mark-start text:name={quoteattr(name)}/>"
        "OCHA, Syria: Flash Update No. 4, 31 January 2025."
        f"<text:reference-mark-end text:name={quoteattr(name)}/>"
        "</text:p></text:note-body></text:note>"
    )
    content = ODT_CONTENT.replace("CLAIM", f"Displacement rose.{note}")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    body, footnote = odt.read("zotero.odt", buffer.getvalue()).blocks
    assert not body.works
    [work] = footnote.works
    assert (work.title, work.outlet, work.authors, work.date, work.kind) == (
        "Syria: Flash Update No. 4",
        "ReliefWeb",
        ("OCHA",),
        "2025-01-31",
        "webpage",
    )


def test_flat_odt_is_one_xml_document(tmp_path):
    flat = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<office:document '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'office:mimetype="application/vnd.oasis.opendocument.text">'
        "<office:meta><dc:title>Flat report</dc:title></office:meta>"
        '<office:body><office:text><text:h text:outline-level="1">Findings</text:h>'
        "<text:p>Strikes continued."
        + '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1'
        "</text:note-citation><text:note-body><text:p>SOHR, Strikes, 2 May 2025"
        "</text:p></text:note-body></text:note></text:p>"
        "</office:text></office:body></office:document>"
    )
    path = tmp_path / "report.fodt"
    path.write_text(flat, encoding="utf-8")
    source = load(path)
    assert source.format == "odt"
    assert source.fields.title == "Flat report"
    assert [(b.kind, b.text, b.label) for b in source.blocks] == [
        ("heading", "Findings", None),
        ("paragraph", "Strikes continued.", None),
        ("note", "SOHR, Strikes, 2 May 2025", "1"),
    ]


def test_headings_numbered_by_the_outline_style_as_the_contents_show_them():
    """The file's own table of contents (left out of the text) lists "1. Lorem 1",
    "1.1. Lorem 1A", "1.2. Lorem 1B", "1.3. Lorem 1C"."""
    blocks = read("odfdo-doc_with_toc.odt").blocks
    assert [b.text for b in blocks if b.kind == "heading"] == [
        "1. Lorem 1",
        "1.1. Lorem 1A",
        "1.2. Lorem 1B",
        "1.3. Lorem 1C",
    ]
    assert not any(b.text.startswith("Table of Contents") for b in blocks)
