"""One reader per format, each turning bytes into neutral ``Content``.

Every reader module has ``NAME``, ``sniff(name, head)`` (a confidence from the
file name and its first bytes, or None to decline) and ``read(name, data)``.
``pick`` chooses the reader that is surest; plain text takes what no other
reader claims.
"""

from __future__ import annotations

from types import ModuleType

from ingest.formats import (
    anpa,
    docx,
    html,
    latex,
    markdown,
    newsml,
    newsml1,
    nitf,
    odt,
    pdf,
    sgml,
    text,
    wikitext,
)

READERS: tuple[ModuleType, ...] = (
    pdf, html, latex, markdown, text, nitf, newsml, newsml1, sgml, anpa, wikitext,
    docx, odt,
)  # fmt: skip
HEAD_BYTES = 64 * 1024


def pick(name: str, head: bytes) -> ModuleType:
    """The reader whose sniff scores ``head`` highest (plain text at worst)."""
    best, best_score = text, 0.0
    for reader in READERS:
        score = reader.sniff(name, head)
        if score is not None and score > best_score:
            best, best_score = reader, score
    return best


def named(format_name: str) -> ModuleType | None:
    return next((r for r in READERS if r.NAME == format_name), None)
