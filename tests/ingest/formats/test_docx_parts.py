"""Small Word files written part by part: how notes are numbered, text boxes.

Each test writes a Word file whose parts say how notes are numbered (settings,
section properties, custom marks) or hold a shape, and checks the reading
against what Word displays for them.
"""

from __future__ import annotations

import io
import json
import zipfile
from xml.sax.saxutils import escape

import pytest

from ingest import parse_path
from ingest.formats import docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def note_ref(series: str, ident: int, custom: str = "") -> str:
    if custom:
        return (
            f'<w:r><w:{series}Reference w:customMarkFollows="1" w:id="{ident}"/>'
            f"<w:t>{custom}</w:t></w:r>"
        )
    return f'<w:r><w:{series}Reference w:id="{ident}"/></w:r>'


def notes_part(series: str, texts: dict[int, str], ns: str = W) -> str:
    notes = "".join(
        f'<w:{series} w:id="{ident}"><w:p><w:r><w:{series}Ref/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:{series}>'
        for ident, text in texts.items()
    )
    separator = (
        f'<w:{series} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r>'
        f"</w:p></w:{series}>"
    )
    return f'<w:{series}s xmlns:w="{ns}">{separator}{notes}</w:{series}s>'


def word_file(body: str, parts: dict[str, str], ns: str = W) -> bytes:
    rels = "".join(
        f'<Relationship Id="r{n}" Type="{RELS}/{name.removesuffix(".xml")}" '
        f'Target="{name}"/>'
        for n, name in enumerate(parts)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{ns}"><w:body>{body}</w:body></w:document>',
        )
        archive.writestr(
            "word/_rels/document.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'relationships">{rels}</Relationships>',
        )
        for name, text in parts.items():
            archive.writestr(f"word/{name}", text)
    return buffer.getvalue()


def labels(data: bytes) -> tuple[list[str], list[tuple[str, str]]]:
    blocks = docx.read("test.docx", data).blocks
    marks = [m.label for b in blocks for m in b.marks]
    return marks, [(b.label, b.text) for b in blocks if b.kind == "note"]


def paragraph(*pieces: str) -> str:
    return (
        "<w:p>"
        + "".join(
            p
            if p.startswith("<")
            else f'<w:r><w:t xml:space="preserve">{p}</w:t></w:r>'
            for p in pieces
        )
        + "</w:p>"
    )


def test_endnotes_set_to_decimal_do_not_take_the_footnotes_labels():
    """GIVEN footnotes and endnotes both numbered 1, 2 (endnotes set to decimal)
    THEN the endnotes are labelled "endnote 1", "endnote 2"."""
    settings = f'<w:settings xmlns:w="{W}"><w:endnotePr><w:numFmt w:val="decimal"/>'
    settings += "</w:endnotePr></w:settings>"
    body = paragraph("One.", note_ref("footnote", 5), " Two.", note_ref("endnote", 8))
    body += paragraph(
        "Three.", note_ref("endnote", 9), " Four.", note_ref("footnote", 6)
    )
    data = word_file(
        body,
        {
            "settings.xml": settings,
            "footnotes.xml": notes_part("footnote", {5: "F five", 6: "F six"}),
            "endnotes.xml": notes_part("endnote", {8: "E eight", 9: "E nine"}),
        },
    )
    marks, notes = labels(data)
    assert marks == ["1", "endnote 1", "endnote 2", "2"]
    assert notes == [
        ("1", "F five"),
        ("2", "F six"),
        ("endnote 1", "E eight"),
        ("endnote 2", "E nine"),
    ]


def test_section_settings_give_format_and_first_number():
    section = (
        '<w:sectPr><w:footnotePr><w:numFmt w:val="upperLetter"/>'
        '<w:numStart w:val="3"/></w:footnotePr></w:sectPr>'
    )
    body = paragraph("A.", note_ref("footnote", 1), " B.", note_ref("footnote", 2))
    data = word_file(
        body + section,
        {"footnotes.xml": notes_part("footnote", {1: "first", 2: "second"})},
    )
    assert labels(data) == (["C", "D"], [("C", "first"), ("D", "second")])


def test_chicago_symbols():
    settings = f'<w:settings xmlns:w="{W}"><w:footnotePr><w:numFmt w:val="chicago"/>'
    settings += "</w:footnotePr></w:settings>"
    refs = [note_ref("footnote", n) for n in range(1, 6)]
    data = word_file(
        paragraph("Text", *refs),
        {
            "settings.xml": settings,
            "footnotes.xml": notes_part("footnote", {n: f"n{n}" for n in range(1, 6)}),
        },
    )
    assert labels(data)[0] == ["*", "†", "‡", "§", "**"]


def test_custom_mark_note_does_not_repeat_its_mark():
    """Word writes a custom mark again at the start of its note's text."""
    footnotes = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p><w:r><w:t>†</w:t>'
        '</w:r><w:r><w:t xml:space="preserve"> See the annex.</w:t></w:r></w:p>'
        "</w:footnote></w:footnotes>"
    )
    body = paragraph("Claim.", note_ref("footnote", 1, custom="†"))
    data = word_file(body, {"footnotes.xml": footnotes})
    assert labels(data) == (["†"], [("†", "See the annex.")])


def test_custom_mark_is_the_label_and_takes_no_number():
    body = paragraph(
        "Claim.",
        note_ref("footnote", 1, custom="*"),
        " Next.",
        note_ref("footnote", 2),
    )
    data = word_file(
        body, {"footnotes.xml": notes_part("footnote", {1: "starred", 2: "numbered"})}
    )
    blocks = docx.read("test.docx", data).blocks
    assert blocks[0].text == "Claim. Next."
    assert labels(data) == (["*", "1"], [("*", "starred"), ("1", "numbered")])


def test_a_note_cited_twice_keeps_one_label():
    body = paragraph("A.", note_ref("footnote", 4), " B.", note_ref("footnote", 4))
    data = word_file(body, {"footnotes.xml": notes_part("footnote", {4: "same"})})
    assert labels(data) == (["1", "1"], [("1", "same")])


def test_strict_open_xml_is_read_like_transitional():
    body = paragraph("Strict.", note_ref("footnote", 1))
    data = word_file(
        body,
        {"footnotes.xml": notes_part("footnote", {1: "strict note"}, STRICT_W)},
        ns=STRICT_W,
    )
    assert labels(data) == (["1"], [("1", "strict note")])


def test_paragraph_of_nothing_but_a_marker_joins_the_text_before(tmp_path):
    """GIVEN a paragraph holding only footnote 2's marker between two others
    THEN the marker ends the paragraph before it, and the text after it stays
    body text instead of being read as the note's definition."""
    body = (
        paragraph("A claim here.", note_ref("footnote", 1))
        + paragraph(note_ref("footnote", 2))
        + paragraph("Another claim follows.", note_ref("footnote", 3))
    )
    notes = {1: "SOHR, One, 1 January 2025", 2: "SOHR, Two, 2 January 2025"}
    notes[3] = "SOHR, Three, 3 January 2025"
    path = tmp_path / "lone.docx"
    path.write_bytes(word_file(body, {"footnotes.xml": notes_part("footnote", notes)}))
    document = parse_path(path)
    claims = [
        (claim.text, [m.label for m in claim.markers])
        for passage in document.passages
        for claim in passage.claims
    ]
    assert claims == [
        ("A claim here.", ["1", "2"]),
        ("Another claim follows.", ["3"]),
    ]
    assert [n.label for n in document.footnotes] == ["1", "2", "3"]
    assert not document.warnings


def test_text_box_is_read_once_after_its_paragraph():
    """GIVEN a shape written for new readers (mc:Choice) and old (mc:Fallback)
    THEN its text follows the paragraph it is anchored in, once."""
    box = (
        "<w:txbxContent><w:p><w:r><w:t>Key finding in a box.</w:t></w:r></w:p>"
        "</w:txbxContent>"
    )
    shape = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing>'
        f'<wps:txbx xmlns:wps="urn:wps">{box}</wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">{box}</v:textbox>'
        "</w:pict></mc:Fallback></mc:AlternateContent>"
    )
    body = paragraph("Before the box.", f"<w:r>{shape}</w:r>") + paragraph("After.")
    blocks = docx.read("box.docx", word_file(body, {})).blocks
    assert [b.text for b in blocks] == [
        "Before the box.",
        "Key finding in a box.",
        "After.",
    ]


def test_zotero_field_in_a_footnote_gives_the_note_its_work(tmp_path):
    """GIVEN a footnote whose text is a Zotero citation field for a news story
    THEN the report's citation comes from the field's fields, not the text."""
    item = {
        "type": "article-newspaper",
        "title": "Families flee southern Idlib",
        "container-title": "Enab Baladi",
        "URL": "https://english.enabbaladi.net/archives/2025/01/flee-idlib/",
        "issued": {"date-parts": [[2025, 1, 13]]},
        "accessed": {"date-parts": [[2025, 2, 1]]},
    }
    instruction = "ADDIN ZOTERO_ITEM CSL_CITATION " + json.dumps(
        {"citationItems": [{"id": 1, "itemData": item}]}
    )
    field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f"<w:r><w:instrText>{escape(instruction)}</w:instrText></w:r>"
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:t>Enab Baladi, “Families flee southern Idlib,” January 13, 2025.</w:t>"
        '</w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    footnotes = (
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p>'
        f"<w:r><w:footnoteRef/></w:r>{field}</w:p></w:footnote></w:footnotes>"
    )
    body = paragraph("Families fled towards the border.", note_ref("footnote", 1))
    path = tmp_path / "zotero.docx"
    path.write_bytes(word_file(body, {"footnotes.xml": footnotes}))
    [note] = [b for b in docx.read(str(path), path.read_bytes()).blocks if b.works]
    [work] = note.works
    assert (work.outlet, work.kind, work.date, work.accessed) == (
        "Enab Baladi",
        "article-newspaper",
        "2025-01-13",
        "2025-02-01",
    )
    [footnote] = parse_path(path).footnotes
    [citation] = footnote.citations
    assert citation.title == "Families flee southern Idlib"
    assert citation.url == item["URL"]
    assert citation.outlet == "Enab Baladi"


@pytest.mark.parametrize(
    ("creator", "authors"),
    [
        ("Country Research Unit", ("Country Research Unit",)),
        ("Seo, JooYoung", ("Seo, JooYoung",)),
        ("Jane Roe; John Doe", ("Jane Roe", "John Doe")),
        ("MATHUR", ()),  # an account name, as Word writes one
        ("jdoe", ()),
        ("Windows User", ()),
    ],
)
def test_creator_is_an_author_only_when_it_reads_as_a_name(creator, authors):
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
        '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{creator}</dc:creator></cp:coreProperties>"
    )
    data = word_file(paragraph("Text."), {})
    buffer = io.BytesIO(data)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("docProps/core.xml", core)
    fields = docx.read("core.docx", buffer.getvalue()).fields
    assert fields.authors == authors


def test_text_box_only_in_the_fallback_is_read():
    box = "<w:txbxContent><w:p><w:r><w:t>hello</w:t></w:r></w:p></w:txbxContent>"
    shape = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
        'markup-compatibility/2006"><mc:Choice Requires="wps"><w:drawing/>'
        f'</mc:Choice><mc:Fallback><w:pict><v:textbox xmlns:v="urn:v">{box}'
        "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent>"
    )
    blocks = docx.read("box.docx", word_file(paragraph(f"<w:r>{shape}</w:r>"), {}))
    assert [b.text for b in blocks.blocks] == ["hello"]


def test_run_in_an_italic_character_style_is_emphasis():
    styles = (
        f'<w:styles xmlns:w="{W}"><w:style w:type="character" w:styleId="Em">'
        '<w:name w:val="Emphasis"/><w:rPr><w:i/></w:rPr></w:style></w:styles>'
    )
    body = paragraph(
        "See ",
        '<w:r><w:rPr><w:rStyle w:val="Em"/></w:rPr><w:t>The Times</w:t></w:r>',
        " today.",
    )
    [block] = docx.read("em.docx", word_file(body, {"styles.xml": styles})).blocks
    assert [block.text[e.start : e.end] for e in block.emphasis] == ["The Times"]


def test_noteref_field_cites_a_note_again():
    """GIVEN a second citation of footnote 1 made, as Word makes it, with a
    NOTEREF field formatted as a note reference (\\f), complex or simple
    THEN it is a marker for note 1, not the digit "1" in the text."""
    complex_field = (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText xml:space="preserve"> NOTEREF _Ref1 \\f \\h </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t>1</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )
    simple_field = (
        '<w:fldSimple w:instr=" NOTEREF _Ref1 \\f \\h "><w:r><w:t>1</w:t></w:r>'
        "</w:fldSimple>"
    )
    body = paragraph(
        "First claim.",
        note_ref("footnote", 5),
        " Second claim.",
        complex_field,
        " Third claim.",
        note_ref("footnote", 6),
        " Fourth claim.",
        simple_field,
    )
    notes = notes_part("footnote", {5: "SOHR, One", 6: "SOHR, Two"})
    data = word_file(body, {"footnotes.xml": notes})
    [block, *_] = docx.read("again.docx", data).blocks
    assert block.text == "First claim. Second claim. Third claim. Fourth claim."
    assert [(m.label, block.text[: m.offset].split(".")[-2]) for m in block.marks] == [
        ("1", "First claim"),
        ("1", " Second claim"),
        ("2", " Third claim"),
        ("1", " Fourth claim"),
    ]
