"""Opening a PDF with pdfium, and what its metadata states.

Every way a file can fail to open becomes one ``ParseError`` that says what is
wrong: not a PDF at all, cut short, damaged, or locked with a password.
"""

from __future__ import annotations

import re

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ingest.blocks import Fields
from ingest.errors import ParseError

SIGNATURE = b"%PDF-"
_TAIL = 2048  # bytes from the end that must hold the end-of-file marker
_PDF_DATE = re.compile(
    r"(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?"
    r"(?:([+-])(\d{2})'?(\d{2})?'?|Z)?"
)
# what word processors put in Author when nobody filled it in
_PLACEHOLDER_AUTHORS = {
    "microsoft office user",
    "windows user",
    "user",
    "owner",
    "admin",
    "administrator",
    "author",
    "unknown",
}
_FILE_NAME_TITLE = re.compile(
    r"(?i)^(?:microsoft \w+ - )|\.(?:docx?|pdf|indd|rtf|odt|qxd|tex|dvi)$"
)


def open_document(name: str, data: bytes) -> pdfium.PdfDocument:
    if SIGNATURE not in data[:1024]:
        raise ParseError(name, "is not a PDF: it does not start with %PDF-")
    if b"%%EOF" not in data[-_TAIL:]:
        raise ParseError(
            name, "is damaged: the file is cut short (it has no end-of-file marker)"
        )
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ParseError(name, _open_failure(error.err_code)) from error


def _open_failure(code: int | None) -> str:
    if code == pdfium_c.FPDF_ERR_PASSWORD:
        return "is encrypted: it needs a password to open; ingest an unlocked copy"
    if code == pdfium_c.FPDF_ERR_SECURITY:
        return "is encrypted with a protection scheme that cannot be opened"
    return "is damaged: its structure cannot be read"


def metadata_fields(document: pdfium.PdfDocument) -> Fields:
    """Title, authors and creation date as the document's metadata gives them."""
    meta = document.get_metadata_dict(skip_empty=True)
    title = " ".join(meta.get("Title", "").split()) or None
    if title and _FILE_NAME_TITLE.search(title):
        title = None
    authors = tuple(
        author.strip()
        for author in meta.get("Author", "").split(";")
        if author.strip() and author.strip().lower() not in _PLACEHOLDER_AUTHORS
    )
    return Fields(
        title=title, date=pdf_date(meta.get("CreationDate", "")), authors=authors
    )


def pdf_date(value: str) -> str | None:
    """A PDF date (``D:20230626202052-04'00'``) as ISO 8601, or None."""
    found = _PDF_DATE.match(value.strip())
    if not found:
        return None
    year, month, day, hour, minute, second, sign, zone_h, zone_m = found.groups()
    if not month:
        return year
    if not day:
        return f"{year}-{month}"
    date = f"{year}-{month}-{day}"
    if not hour:
        return date
    time = f"{hour}:{minute or '00'}:{second or '00'}"
    zone = f"{sign}{zone_h}:{zone_m or '00'}" if sign else ("Z" if "Z" in value else "")
    return f"{date}T{time}{zone}"
