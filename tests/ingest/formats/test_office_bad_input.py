"""Broken, hostile and protected DOCX/ODT files: one clear line each, no traceback.

The hostile files (zip bombs, entity expansion, external entities) are built
here in a temporary folder rather than kept in the repository.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from ingest import ParseError, parse_path
from ingest.formats import docx

DOCX = Path(__file__).parent.parent.parent / "fixtures" / "docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCUMENT = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p>'
DOCUMENT += "</w:body></w:document>"
LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{n} "{("&lol" + str(n - 1) + ";") * 10}">' for n in range(2, 10)
    ).replace("&lol1;", "&lol;")
    + f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
    + "</w:body></w:document>"
)
EXTERNAL = (
    '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p>'
    "</w:body></w:document>"
)
ENTITIES = (
    "word/document.xml declares XML entities or a DTD, which office files never do; "
    "refused because they could expand without bound or read other files"
)
ODT_MIME = "application/vnd.oasis.opendocument.text"
ODT_CONTENT = (
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
    'office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">'
    "<office:body><office:text><text:p>Hi</text:p></office:text></office:body>"
    "</office:document-content>"
)


def zipped(parts: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def refused(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    return caught.value.reason


def test_file_that_is_not_a_zip_is_damaged(tmp_path):
    reason = refused(tmp_path, "report.docx", b"This was never a Word file.\n")
    assert (
        reason == "is damaged: not a readable zip archive, as a Word document must be"
    )


def test_truncated_docx_is_damaged(tmp_path):
    data = (DOCX / "coi_report.docx").read_bytes()
    reason = refused(tmp_path, "cut.docx", data[: len(data) // 2])
    assert (
        reason == "is damaged: not a readable zip archive, as a Word document must be"
    )


def test_zip_without_a_main_document_is_not_a_word_document(tmp_path):
    reason = refused(tmp_path, "notes.docx", zipped({"notes.txt": "hello"}))
    assert reason == "is not a Word document: it has no word/document.xml"


def test_part_declared_too_large_is_refused_before_inflating(tmp_path):
    data = zipped({"word/document.xml": b"\0" * (33 * 2**20)})
    assert len(data) < 200_000
    reason = refused(tmp_path, "bomb.docx", data)
    assert reason == "word/document.xml inflates to more than 32 MiB; refused"


def test_part_with_a_bomb_ratio_is_refused(tmp_path):
    data = zipped({"word/document.xml": DOCUMENT + " " * (8 * 2**20)})
    reason = refused(tmp_path, "ratio.docx", data)
    assert reason.startswith("word/document.xml would inflate ")
    assert reason.endswith(" times its packed size; refused as a likely zip bomb")


@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["billion-laughs", "xxe"])
def test_xml_entities_are_refused_quickly(tmp_path, xml):
    started = time.perf_counter()
    reason = refused(tmp_path, "hostile.docx", zipped({"word/document.xml": xml}))
    assert reason == ENTITIES
    assert time.perf_counter() - started < 2


def test_malformed_xml_names_the_part(tmp_path):
    data = zipped({"word/document.xml": f'<w:document xmlns:w="{W}"><w:body>'})
    reason = refused(tmp_path, "broken.docx", data)
    assert reason.startswith("word/document.xml is not well-formed XML (")


def test_password_protected_docx_says_so():
    path = DOCX / "msoffcrypto-example_password.docx"
    with pytest.raises(ParseError) as caught:
        parse_path(path)
    assert caught.value.reason == (
        "is password-protected: open it in Word, remove the password "
        "(File > Info > Protect Document) and save it again"
    )


def test_old_binary_word_file_is_named(tmp_path):
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + b"\0" * 504
        + "WordDocument".encode("utf-16-le")
    )
    reason = refused(tmp_path, "old.doc", data)
    assert (
        reason == "is an old binary Word file (.doc), not DOCX: save it as .docx first"
    )


def test_odt_problems(tmp_path):
    assert refused(tmp_path, "a.odt", b"not a zip at all") == (
        "is damaged: not a readable zip archive, as an OpenDocument text must be"
    )
    no_content = zipped({"mimetype": ODT_MIME, "meta.xml": "<x/>"})
    assert refused(tmp_path, "b.odt", no_content) == (
        "is not an OpenDocument text: it has no content.xml"
    )
    sheet = zipped({"mimetype": "application/vnd.oasis.opendocument.spreadsheet"})
    assert refused(tmp_path, "c.odt", sheet) == (
        "is not an OpenDocument text but application/vnd.oasis.opendocument.spreadsheet"
    )
    locked = zipped(
        {
            "mimetype": ODT_MIME,
            "META-INF/manifest.xml": "<manifest:encryption-data/>",
            "content.xml": b"\x8f\x02 encrypted bytes",
        }
    )
    assert refused(tmp_path, "d.odt", locked).startswith("is password-protected")
    laughs = zipped({"mimetype": ODT_MIME, "content.xml": LAUGHS})
    assert refused(tmp_path, "e.odt", laughs) == ENTITIES.replace(
        "word/document.xml", "content.xml"
    )


def test_plain_odt_built_here_is_read(tmp_path):
    path = tmp_path / "plain.odt"
    path.write_bytes(zipped({"mimetype": ODT_MIME, "content.xml": ODT_CONTENT}))
    assert parse_path(path).kind == "document"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("poi-ExternalEntityInText.docx", ENTITIES),
        (
            "poi-truncated62886.docx",
            "is damaged: not a readable zip archive, as a Word document must be",
        ),
        (
            "poi-clusterfuzz-5313273089884160.docx",
            "is damaged: not a readable zip archive, as a Word document must be",
        ),
        (
            "poi-clusterfuzz-6442791109263360.docx",
            "is damaged: not a readable zip archive, as a Word document must be",
        ),
    ],
)
def test_real_broken_and_hostile_files(name, reason):
    with pytest.raises(ParseError) as caught:
        parse_path(DOCX / name)
    assert caught.value.reason == reason


def test_deeply_nested_elements_are_refused(tmp_path):
    deep = "<w:sdt><w:sdtContent>" * 5000 + "<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    deep += "</w:sdtContent></w:sdt>" * 5000
    xml = f'<w:document xmlns:w="{W}"><w:body>{deep}</w:body></w:document>'
    reason = refused(tmp_path, "deep.docx", zipped({"word/document.xml": xml}))
    assert reason == "nests its elements too deeply to be read; the file is damaged"
    lists = "<text:list><text:list-item>" * 5000 + "<text:p>x</text:p>"
    lists += "</text:list-item></text:list>" * 5000
    content = ODT_CONTENT.replace("<text:p>Hi</text:p>", lists)
    odt = zipped({"mimetype": ODT_MIME, "content.xml": content})
    assert refused(tmp_path, "deep.odt", odt) == reason


def test_paragraph_of_many_links_and_many_like_marks_reads_in_linear_time(tmp_path):
    """GIVEN one paragraph of 40,000 linked fields and 5,000 notes all marked "*"
    THEN it is read in seconds (a quadratic reading would take minutes)."""
    links = "".join(
        f'<w:fldSimple w:instr=" HYPERLINK &quot;http://example.org/{n}&quot; ">'
        f"<w:r><w:t>link {n} </w:t></w:r></w:fldSimple>"
        for n in range(40_000)
    )
    marks = "".join(
        f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{n}"/>'
        "<w:t>*</w:t></w:r>"
        for n in range(1, 5_001)
    )
    notes = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:t>note {n}</w:t></w:r></w:p></w:footnote>'
        for n in range(1, 5_001)
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        'relationships"><Relationship Id="f" Target="footnotes.xml" Type="http://'
        'schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
        "</Relationships>"
    )
    data = zipped(
        {
            "word/document.xml": DOCUMENT.replace(
                "<w:p><w:r><w:t>Hi</w:t></w:r></w:p>", f"<w:p>{links}{marks}</w:p>"
            ),
            "word/_rels/document.xml.rels": rels,
            "word/footnotes.xml": f'<w:footnotes xmlns:w="{W}">{notes}</w:footnotes>',
        }
    )
    started = time.perf_counter()
    blocks = docx.read("many.docx", data).blocks
    assert time.perf_counter() - started < 15
    assert len(blocks[0].links) == 40_000
    assert len({m.label for m in blocks[0].marks}) == 5_000


def test_zip_of_too_many_parts_is_refused_before_listing_them(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for number in range(20_001):
            archive.writestr(f"p{number}", b"")
    reason = refused(tmp_path, "parts.docx", buffer.getvalue())
    assert reason == "holds 20001 parts, too many for a Word document"
