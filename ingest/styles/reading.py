"""What a grammar gives back: a citation and how well the grammar read it."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ingest.model import CitationKind, ParsedCitation, PartialDate
from ingest.outlets import OutletRegistry
from ingest.styles.names import SMALL_WORDS, is_media, is_organisation, known
from ingest.styles.parts import Item, clean

_PARENTHESISED = re.compile(r"^(?P<outer>.+?)\s*\((?P<inner>[^()]+)\)$")
_JOURNAL = re.compile(r"\b\d+\s*\(\d+[^)]*\)|\bvol\.\s*\d|\bno\.\s*\d", re.I)
_REPORT_WORDS = re.compile(
    r"\b(?:report|brief(?:ing)?|paper|update|assessment|review|factsheet|fact sheet|"
    r"guidance|note|survey|study|analysis|information|strategy)\b",
    re.I,
)


class Reading:
    """One grammar's reading of an item; ``score`` in [0, 1] is its confidence.

    The citation is built only when asked for: a document's notes are read by
    every grammar to choose its style, and most readings are set aside.
    ``written`` is the item as the note wrote it, when it differs from the text
    the grammar read (a leading "See, e.g.," taken off).
    """

    __slots__ = ("_citation", "_parts", "_written", "score", "style")

    def __init__(
        self,
        citation: ParsedCitation | None,
        score: float,
        parts=None,
        written: str | None = None,
    ):
        self._citation = citation
        self._parts = parts
        self._written = written
        self.score = round(max(0.0, min(1.0, score)), 2)
        self.style = citation.style if citation is not None else parts[1]

    @property
    def citation(self) -> ParsedCitation:
        if self._citation is None:
            built = _citation(*self._parts, self.score)
            if self._written is not None and built.text != self._written:
                built = replace(built, text=self._written)
            self._citation, self._parts = built, None
        return self._citation

    def written_as(self, text: str) -> Reading:
        """This reading with its citation's text as the note wrote it."""
        if self._citation is not None:
            if self._citation.text == text:
                return self
            return Reading(replace(self._citation, text=text), self.score)
        return Reading(None, self.score, self._parts, text)

    def __repr__(self) -> str:
        return f"Reading({self.style}, {self.score})"


@dataclass(frozen=True, slots=True)
class Fields:
    """The parts a grammar found, before they become a citation."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    publisher: str | None = None
    date: PartialDate | None = None
    pages: str | None = None
    report_number: str | None = None
    kind: CitationKind | None = None


def reading(
    item: Item, style: str, score: float, fields: Fields, registry: OutletRegistry
) -> Reading:
    title, outlet = fields.title, fields.outlet
    if (title and len(title) > PROSE_WORDS * 4 and is_prose(title)) or (
        outlet and len(outlet) > OUTLET_WORDS * 4 and _runs_on(outlet)
    ):  # the lengths first: cheaper, and 30 words of prose run past 120 characters
        score -= PROSE_PENALTY  # a note's explanation, not a work and its outlet
    return Reading(None, score, (item, style, fields, registry))


PROSE_WORDS = 30  # a "title" this long that runs on into another sentence is prose
PROSE_PENALTY = 0.45
OUTLET_WORDS = 12  # "Proceedings of the National Academy of Sciences of the ..." is 13
_SENTENCE_BREAK = re.compile(r"[a-z\d\)][.;] [A-Z]")
_NEXT_SENTENCE = re.compile(r"[a-z\d\)][.;] [A-Z][a-z]+ [a-z]")


def _runs_on(outlet: str) -> bool:
    """An outlet of many words that runs into a second sentence, or is mostly
    common words ("... portfolio contained approximately 300 emails"), is prose."""
    words = outlet.split()
    common = [w for w in words if w[:1].islower() and w not in SMALL_WORDS]
    return (
        len(words) > 2 * OUTLET_WORDS
        or (len(words) > OUTLET_WORDS and bool(_SENTENCE_BREAK.search(outlet)))
        or (len(words) >= 10 and len(common) >= 0.35 * len(words))
    )


def is_prose(title: str) -> bool:
    """Sentences of explanation read as a title: "Corsi first rose to public
    prominence in August 2004 when he published his book ... In the 2008
    election cycle, ..." (titles of that length are one sentence)."""
    return len(title.split()) >= PROSE_WORDS and bool(_NEXT_SENTENCE.search(title))


def _citation(
    item: Item, style: str, fields: Fields, registry: OutletRegistry, score: float
) -> ParsedCitation:
    outlet = clean(fields.outlet)
    publisher = clean(fields.publisher)
    slug = outlet_slug(outlet, registry) if outlet else None
    if slug is None and publisher and not outlet:
        slug = outlet_slug(publisher, registry)
    citation = ParsedCitation(
        text=item.text,
        outlet=outlet,
        outlet_slug=slug,
        title=clean(fields.title),
        date=fields.date,
        url=item.url,
        pages=clean(fields.pages),
        authors=fields.authors,
        publisher=publisher,
        accessed=item.accessed,
        doi=item.doi,
        report_number=fields.report_number,
        kind=fields.kind or guess_kind(item, fields, registry),
        style=style,
        confidence=score,
    )
    return citation


def outlet_slug(name: str, registry: OutletRegistry) -> str | None:
    found = known(name, registry)
    if found is None and (parts := _PARENTHESISED.match(name)):
        found = registry.lookup(parts["inner"]) or registry.lookup(parts["outer"])
    return found.slug if found else None


def guess_kind(item: Item, fields: Fields, registry: OutletRegistry) -> CitationKind:
    container = fields.outlet or fields.publisher or ""
    folded = item.text.casefold()
    journal_signs = "(" in folded or "vol" in folded or "no." in folded
    if item.doi or (fields.outlet and journal_signs and _JOURNAL.search(item.text)):
        return "journal"
    if fields.report_number:
        return "report"
    if fields.outlet and is_media(fields.outlet, registry):
        return "news"
    if container and is_organisation(container, registry):
        if fields.title and _REPORT_WORDS.search(fields.title):
            return "report"
        return "web" if item.url or item.placeholder else "report"
    if fields.publisher and not fields.outlet:
        return "book"
    if item.url or item.placeholder:
        return "web"
    return "other"
