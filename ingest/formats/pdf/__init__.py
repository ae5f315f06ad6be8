"""PDF reports: body text with footnote markers bound to their notes.

pdfium gives every character's size and position. From them the reader rebuilds
lines, drops running headers, footers and marginal slugs, reads columns in
order, takes the small type at the foot of each column as numbered notes
(continued across pages), and joins the rest into headings and paragraphs
whose raised numbers become footnote marks.
"""

from __future__ import annotations

from pathlib import Path

from ingest.blocks import Content
from ingest.formats.pdf.opening import SIGNATURE, metadata_fields, open_document
from ingest.formats.pdf.pages import document_blocks

NAME = "pdf"


def sniff(name: str, head: bytes) -> float | None:
    """Sure of a file that starts with %PDF-, or is named .pdf and has it near
    the start; claims any other .pdf so that it is refused with a reason."""
    named_pdf = Path(name).suffix.lower() == ".pdf"
    if head.lstrip().startswith(SIGNATURE) or (named_pdf and SIGNATURE in head[:1024]):
        return 1.0
    return 0.9 if named_pdf else None


def read(name: str, data: bytes) -> Content:
    document = open_document(name, data)
    try:
        blocks = document_blocks(name, document)
        fields = metadata_fields(document)
    finally:
        document.close()
    return Content(tuple(blocks), fields=fields)
