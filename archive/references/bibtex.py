"""References as BibTeX (``application/x-bibtex``), in UTF-8 as biber and
the reference managers read it; LaTeX's special characters escaped."""

from __future__ import annotations

from collections.abc import Iterable

from archive.references.model import Reference
from archive.references.names import person

MEDIA_TYPE = "application/x-bibtex"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct")
MONTHS += ("nov", "dec")
SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def dumps(references: Iterable[Reference]) -> str:
    return "\n".join(_entry(reference) for reference in references)


def _entry(ref: Reference) -> str:
    fields = [f"  {name} = {{{value}}}," for name, value in _fields(ref) if value]
    return "\n".join([f"@{ref.types[1]}{{{ref.key},", *fields, "}", ""])


def _fields(ref: Reference) -> list[tuple[str, str | None]]:
    parts = ref.date_parts
    return [
        ("title", escape(ref.title)),
        ("author", " and ".join(_author(name) for name in ref.authors)),
        *_container(ref),
        ("year", str(parts[0]) if parts else None),
        ("month", MONTHS[parts[1] - 1] if len(parts) > 1 else None),
        ("date", ref.date),
        ("urldate", ref.accessed),
        ("pages", escape(ref.pages)),
        ("number", escape(ref.number)),
        ("url", _url(ref.url)),
        ("note", escape(ref.note)),
    ]


def _container(ref: Reference) -> list[tuple[str, str | None]]:
    """Where the work appears and who published it, in the entry type's fields:
    a report's institution is its publisher, an article's journal its outlet."""
    container, publisher = escape(ref.container), escape(ref.publisher)
    entry_type = ref.types[1]
    if entry_type == "techreport":
        return [
            ("institution", publisher or container),
            ("series", container if publisher else None),
        ]
    if entry_type == "article":
        return [("journal", container), ("publisher", publisher)]
    if entry_type == "book":
        return [("series", container), ("publisher", publisher)]
    return [("howpublished", container), ("publisher", publisher)]


def escape(value: str | None) -> str | None:
    """``value`` with LaTeX's special characters written as commands."""
    if value is None:
        return None
    return "".join(SPECIAL.get(char, char) for char in " ".join(value.split()))


def _author(name: str) -> str:
    """A person as ``Family, Given``; an organisation in braces, kept whole."""
    split = person(name)
    if split:
        return f"{escape(split[0])}, {escape(split[1])}"
    return f"{{{escape(name)}}}"


def _url(url: str | None) -> str | None:
    """A URL as written, but for braces, which would end the field."""
    if url is None:
        return None
    return url.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")
