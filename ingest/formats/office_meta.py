"""Document properties of office files as ``Fields``.

DOCX keeps them in docProps/core.xml (Dublin Core: title, creator, created,
language), ODT in meta.xml (the same Dublin Core names plus ``meta:``
creation date and initial creator). Word and Writer fill "creator" with the
account that made the file ("jdoe", "MATHUR", "Windows User"): a creator is
kept as an author only when it reads as a person's or body's full name, with
a space or a comma in it, and is not a known placeholder.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ingest.blocks import Fields

DC = "{http://purl.org/dc/elements/1.1/}"
DCTERMS = "{http://purl.org/dc/terms/}"
META = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
_PLACEHOLDER = re.compile(
    r"^(?:unknown|user|admin|administrator|author|owner|microsoft office user|"
    r"windows user|utente|benutzer|utilisateur)$",
    re.IGNORECASE,
)
_AUTHOR_SEPARATOR = re.compile(r"\s*;\s*")


def core_fields(root: Element | None) -> Fields:
    """Fields from a DOCX's docProps/core.xml."""
    if root is None:
        return Fields()
    return Fields(
        title=_text(root, DC + "title"),
        date=_date(_text(root, DCTERMS + "created")),
        authors=_authors(_text(root, DC + "creator")),
        language=_text(root, DC + "language"),
    )


def odf_fields(root: Element | None) -> Fields:
    """Fields from an ODT's meta.xml."""
    if root is None:
        return Fields()
    creator = _text(root, META + "initial-creator") or _text(root, DC + "creator")
    created = _text(root, META + "creation-date") or _text(root, DC + "date")
    return Fields(
        title=_text(root, DC + "title"),
        date=_date(created),
        authors=_authors(creator),
        language=_text(root, DC + "language"),
    )


def _text(root: Element, tag: str) -> str | None:
    found = root.find(f".//{tag}")
    text = " ".join((found.text or "").split()) if found is not None else ""
    return text or None


def _authors(creator: str | None) -> tuple[str, ...]:
    names = _AUTHOR_SEPARATOR.split(creator or "")
    return tuple(
        name
        for name in names
        if (" " in name or "," in name) and not _PLACEHOLDER.match(name)
    )


def _date(value: str | None) -> str | None:
    """An ISO 8601 date-time as stored, without fractions of a second."""
    if value is None:
        return None
    return re.sub(r"\.\d+(?=Z|[+-]\d\d:?\d\d|$)", "", value)
