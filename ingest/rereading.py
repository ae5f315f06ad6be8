"""Readings an archive can redo from the text it stored, without the original file.

The countries of a document, the citations of its footnotes and the claims,
sources and relations of a story are computed from text that the archive keeps.
Each reading has a version (``DERIVED_VERSIONS``), raised whenever a change to
the code may change what it finds; an archive whose rows an older version
computed redoes them through these functions, which give what a fresh ingest
of the same text gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ingest.blocks import Block, Link
from ingest.citations import CITATIONS_VERSION, Note, read_notes
from ingest.countries import COUNTRIES_VERSION, countries_of
from ingest.kinds import document, wire
from ingest.model import ParsedCitation, ParsedLink
from ingest.outlets import OutletRegistry
from ingest.passages import ATTRIBUTIONS_VERSION, Attributed, attributed_passages

# Kind of derived data -> the version of the code that computes it now.
DERIVED_VERSIONS: dict[str, int] = {
    "countries": COUNTRIES_VERSION,
    "citations": CITATIONS_VERSION,
    "attributions": ATTRIBUTIONS_VERSION,
}

# The kinds whose claims ``story_attributions`` finds (a report's come from its
# footnote markers).
ATTRIBUTED_KINDS: tuple[str, ...] = (wire.KIND, document.KIND)


@dataclass(frozen=True, slots=True)
class StoredPassage:
    """A passage as archived: its kind (heading, paragraph, list item), text, level."""

    kind: str
    text: str
    level: int | None = None


@dataclass(frozen=True, slots=True)
class StoredNote:
    """A footnote as archived, with its links; ``stated``: the citations its
    format stated field by field (kept as they are)."""

    label: str
    text: str
    links: tuple[ParsedLink, ...] = ()
    stated: tuple[ParsedCitation, ...] | None = None


def document_countries(
    title: str,
    dateline: str | None,
    texts: Iterable[str],
    report_title: str | None = None,
) -> tuple[str, ...]:
    """The countries of an archived document, heaviest first (as at ingest)."""
    return countries_of(title, dateline, texts, report_title)


def footnote_citations(
    notes: Sequence[StoredNote], registry: OutletRegistry
) -> list[tuple[ParsedCitation, ...]]:
    """The citations of each footnote of one document, read in its style."""
    read, _warnings = read_notes(
        [
            Note(
                note.label,
                note.text,
                tuple(Link(k.text, k.href, k.start, k.end) for k in note.links),
            )
            for note in notes
        ],
        registry,
        stated=[note.stated for note in notes],
    )
    return read


def story_attributions(
    passages: Sequence[StoredPassage], registry: OutletRegistry
) -> Attributed:
    """The claims of each passage of a story or document, and whom it asked in vain.

    The passages are those archived, the title already left out, so nothing is
    left out again.
    """
    blocks = tuple(Block(p.kind, p.text, level=p.level) for p in passages)
    return attributed_passages(blocks, None, registry)
