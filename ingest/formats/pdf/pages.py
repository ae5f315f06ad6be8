"""A whole PDF read page by page into body blocks and notes."""

from __future__ import annotations

from collections import Counter

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.blocks import Block
from ingest.errors import ParseError
from ingest.formats.pdf.binding import bound, with_links
from ingest.formats.pdf.columns import reading_order
from ingest.formats.pdf.furniture import without_furniture
from ingest.formats.pdf.glyphs import page_glyphs
from ingest.formats.pdf.lines import Line, page_lines
from ingest.formats.pdf.notes import Notes, take_notes
from ingest.formats.pdf.paragraphs import Paragraphs

_BOLD_WEIGHT = 600
_BOLD_NAMES = ("bold", "black", "heavy", "semibold", "demi")


def document_blocks(name: str, document: pdfium.PdfDocument) -> list[Block]:
    pages, sizes = [], []
    for number in range(len(document)):
        try:
            page = document[number]
            lines, size = _page_lines(page, number)
        except pdfium.PdfiumError as error:
            raise ParseError(
                name, f"is damaged: page {number + 1} cannot be read"
            ) from error
        pages.append(lines)
        sizes.append(size)
        page.close()
    if not any(pages):
        raise ParseError(name, "has no text layer (a scanned image?): run OCR first")
    pages = without_furniture(pages, sizes)
    body_size = _body_size(pages)
    notes, paragraphs = Notes(), Paragraphs(body_size)
    for lines in pages:
        for column in take_notes(reading_order(lines), body_size, notes):
            paragraphs.add_column(column)
    paragraphs.flush()
    note_blocks = [
        Block("note", text, label=note.label)
        for note in notes.found
        if (text := note.text.finish())
    ]
    labels = {block.label for block in note_blocks}
    body = [bound(block, labels) for block in paragraphs.blocks]
    return [with_links(block) for block in body + note_blocks]


def _page_lines(
    page: pdfium.PdfPage, number: int
) -> tuple[list[Line], tuple[float, float]]:
    textpage = page.get_textpage()
    glyphs, size = page_glyphs(textpage, page.get_size())
    lines = page_lines(glyphs, number)
    for line in lines:
        line.bold = _is_bold(textpage.raw, line.first) and _is_bold(
            textpage.raw, line.last
        )
    textpage.close()
    return lines, size


def _is_bold(raw: object, index: int) -> bool:
    if pdfium_c.FPDFText_GetFontWeight(raw, index) >= _BOLD_WEIGHT:
        return True
    buffer = (pdfium_c.c_char * 128)()  # type: ignore[attr-defined]
    length = pdfium_c.FPDFText_GetFontInfo(raw, index, buffer, 128, None)
    font = buffer.value[: max(0, length - 1)].decode("latin-1").lower()
    return any(word in font for word in _BOLD_NAMES)


def _body_size(pages: list[list[Line]]) -> float:
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0
