"""AnyStyle's labeled reference strings, read into the citation set's shape.

The data is not copied into the repository: it is read from a folder given on
the command line, by default ``../shared/data/citations/anystyle`` beside the
repository (``res/parser/*.xml`` of inukshuk/anystyle, BSD-2-Clause, Copyright
2011-2012 Sylvester Keil). A small slice is kept in ``tests/fixtures/citations``
with that notice, for the tests.

Each ``<sequence>`` holds the string's pieces in order, each under its label;
joined with single spaces they give the string as written.
"""

from __future__ import annotations

import re
from pathlib import Path

from defusedxml import ElementTree

from ingest.dates import parse_date

DEFAULT = (
    Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "citations"
)
DEFAULT = DEFAULT / "anystyle"
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")
_TRIM = " .,;:()[]"


def sequences(path: Path) -> list[list[tuple[str, str]]]:
    """Each sequence of one AnyStyle file as (label, piece) pairs."""
    root = ElementTree.parse(path).getroot()
    return [
        [(child.tag, " ".join((child.text or "").split())) for child in sequence]
        for sequence in root.iter("sequence")
    ]


def record(pieces: list[tuple[str, str]], doc: str) -> dict:
    """A labeled record like the set's, from one sequence's pieces."""
    text = " ".join(piece for _, piece in pieces if piece)
    first = {}
    for label, piece in pieces:
        first.setdefault(label, piece)
    date = first.get("date", "")
    year = _YEAR.search(date)
    full = parse_date(date.strip(_TRIM)) if date else None
    kind = (
        "journal" if "journal" in first else "book" if "publisher" in first else "other"
    )
    return {
        "text": text,
        "doc": doc,
        "labels": "anystyle",
        "style": "academic",
        "kind": kind,
        "authors": [first["author"].strip(_TRIM)] if "author" in first else [],
        "outlet": (first.get("journal") or first.get("container-title") or "").strip(
            _TRIM
        )
        or None,
        "publisher": first.get("publisher", "").strip(_TRIM) or None,
        "title": first.get("title", "").strip(_TRIM) or None,
        "date": full.isoformat() if full else (year.group(1) if year else None),
        "accessed": None,
        "url": first.get("url", "").strip(_TRIM) or None,
        "pages": first.get("pages", "").strip(_TRIM) or None,
        "links": [],
    }


def load(folder: Path = DEFAULT) -> list[dict]:
    """Every sequence of every ``*.xml`` in ``folder``, as records."""
    records = []
    for path in sorted(folder.glob("*.xml")):
        records.extend(record(p, path.stem) for p in sequences(path) if p)
    return records
