"""References as RIS, the tagged format every reference manager imports
(``application/x-research-info-systems``)."""

from __future__ import annotations

from collections.abc import Iterable

from archive.references.model import Reference
from archive.references.names import person

MEDIA_TYPE = "application/x-research-info-systems"


def dumps(references: Iterable[Reference]) -> str:
    """The references as RIS records, each ending ``ER  -``, CRLF line ends as
    the format's definition has them."""
    lines: list[str] = []
    for reference in references:
        lines += [_line(tag, value) for tag, value in _tags(reference) if value]
        lines += ["ER  - ", ""]
    return "\r\n".join(lines)


def _tags(ref: Reference) -> list[tuple[str, str | None]]:
    tags: list[tuple[str, str | None]] = [("TY", ref.types[0]), ("ID", ref.key)]
    tags.append(("TI", ref.title))
    tags += [("AU", _author(name)) for name in ref.authors]
    tags += [
        ("T2", ref.container),
        ("PB", ref.publisher),
        ("PY", str(ref.date_parts[0]) if ref.date_parts else None),
        ("DA", _date(ref.date_parts)),
        ("Y2", _date(ref.accessed_parts)),
        ("SP", ref.pages),
        ("IS", ref.number),
        ("UR", ref.url),
        ("N1", ref.note),
    ]
    return tags


def _line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(value.split())}"


def _author(name: str) -> str:
    split = person(name)
    return f"{split[0]}, {split[1]}" if split else name


def _date(parts: tuple[int, ...]) -> str | None:
    """RIS dates: ``YYYY/MM/DD/``, unknown parts left empty (``2025/03//``)."""
    if not parts:
        return None
    padded = [f"{parts[0]:04d}", *(f"{p:02d}" for p in parts[1:])]
    padded += [""] * (3 - len(padded))
    return "/".join(padded) + "/"
