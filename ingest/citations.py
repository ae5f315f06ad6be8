"""Read footnotes into citations, in the citation style of their document.

A note is split into its cited items (``;`` and "and" between two works), and
each item is read by the style grammars in ``ingest.styles``. A report is
written in one house style, so the style is decided per document: the grammar
that reads most items best wins, every item is read with it, and an item it
cannot read falls back to the next best grammar, then to the statistical
reader where one is installed. Short forms ("Ibid.", "Id., at 12", "supra note
5") resolve to the work they point at; a note of commentary cites nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ingest.blocks import Link
from ingest.model import ParsedCitation
from ingest.outlets import OutletRegistry
from ingest.styles import GRAMMARS, Reading, prepare
from ingest.styles.fallback import statistical_reading
from ingest.styles.items import Piece, note_pieces
from ingest.styles.parts import MAX_ITEM
from ingest.styles.shortforms import IBID, SUPRA, is_commentary, without_signal

# The version of the reading of notes (with ingest.styles): raise it whenever a
# change may read an archived footnote into other citations.
CITATIONS_VERSION = 3  # 2: prose is never a sure work or outlet; 3: CRF name lists
SAMPLE = 60  # items read by every grammar to decide a document's style, at most
SETTLED = 8  # ... and at least, unless one style reads 90 % of them
READABLE = 0.5  # a reading below this falls back to the next grammar
SURE = 0.85  # a house-style reading this good on the first items settles the style
GUESS = 0.4  # a reading below this is not kept: the note stays as written


@dataclass(frozen=True, slots=True)
class Note:
    label: str
    text: str
    links: tuple[Link, ...] = ()


def split_footnote(
    label: str,
    text: str,
    links: tuple[Link, ...],
    registry: OutletRegistry,
    previous: ParsedCitation | None = None,
) -> tuple[tuple[ParsedCitation, ...], tuple[str, ...]]:
    """The citations in one footnote read on its own, and warnings about it."""
    (citations,), warnings = read_notes([Note(label, text, links)], registry, previous)
    return citations, warnings


def read_notes(
    notes: Sequence[Note],
    registry: OutletRegistry,
    previous: ParsedCitation | None = None,
    stated: Sequence[tuple[ParsedCitation, ...] | None] = (),
) -> tuple[list[tuple[ParsedCitation, ...]], tuple[str, ...]]:
    """The citations of each note of one document, read in the document's style.

    ``stated[i]``, where given, holds the citations the format stated for note
    ``i``: they are kept, and short forms after them point at them.
    """
    given = list(stated) + [None] * (len(notes) - len(stated))
    pieces = [
        [] if g is not None else note_pieces(n.text, n.links)
        for n, g in zip(notes, given, strict=True)
    ]
    candidates = [p for ps in pieces for p in ps if not _short_form(p.text)]
    cache: dict[str, list[Reading]] = {}
    style = _decide_style(candidates[:SAMPLE], notes, pieces, registry, cache)
    by_label: dict[str, tuple[ParsedCitation, ...]] = {}
    results: list[tuple[ParsedCitation, ...]] = []
    warnings: list[str] = []
    for note, own, known in zip(notes, pieces, given, strict=True):
        citations, problems = known or (), []
        if known is None:
            citations, problems = _read_note(
                note, own, style, registry, cache, previous, by_label
            )
        results.append(citations)
        warnings.extend(problems)
        by_label.setdefault(note.label, citations)
        previous = citations[-1] if citations else previous
    return results, tuple(warnings)


def _decide_style(sample, notes, pieces, registry, cache) -> str | None:
    """The grammar that reads most of the sample items best."""
    links = {
        id(p): note.links for note, ps in zip(notes, pieces, strict=True) for p in ps
    }
    if _house_style_reads(sample[:SETTLED], links, registry):
        return GRAMMARS[0].NAME
    votes: Counter[str] = Counter()
    for seen, piece in enumerate(sample, start=1):
        readings = _all_readings(piece, links[id(piece)], registry, cache)
        if readings and readings[0].score >= READABLE:
            best = readings[0].score
            votes.update(r.style for r in readings if r.score >= best - 0.01)
        if seen >= SETTLED and votes and max(votes.values()) >= 0.9 * seen:
            break  # one style reads nearly every item: the rest will not change it
    if not votes:
        return None
    order = {grammar.NAME: n for n, grammar in enumerate(GRAMMARS)}
    return min(votes, key=lambda name: (-votes[name], order[name]))


def _house_style_reads(sample, links, registry) -> bool:
    """True when the COI house style reads every one of the first items surely:
    no other style could read them better, so no other is tried."""
    house = GRAMMARS[0]
    return len(sample) == SETTLED and all(
        (found := house.read(_item(piece, links[id(piece)]), registry)) is not None
        and found.score >= SURE
        for piece in sample
    )


def _all_readings(piece, links, registry, cache) -> list[Reading]:
    """Every grammar's reading of ``piece``, the best first (ties: grammar order)."""
    key = piece.text
    if key not in cache:
        item = _item(piece, links)
        found = [r for g in GRAMMARS if (r := g.read(item, registry)) is not None]
        cache[key] = sorted(
            (_as_written(r, piece) for r in found), key=lambda r: -r.score
        )
    return cache[key]


def _read_note(note, pieces, style, registry, cache, previous, by_label):
    citations: list[ParsedCitation] = []
    warnings: list[str] = []
    for piece in pieces:
        earlier = citations[-1] if citations else previous
        short = _resolve_short(piece.text, earlier, by_label)
        if short is not None:
            citations.append(short)
            continue
        if len(piece.text) > MAX_ITEM:
            warnings.append(
                f"footnote {note.label}: an item of {len(piece.text):,} characters "
                "is too long to be one citation; kept as written"
            )
            citations.append(_as_written_only(piece, note.links))
            continue
        reading = _reading(piece, note.links, style, registry, cache)
        if reading is not None and reading.score < GUESS:
            reading = None  # too weak to show as a reading at all
        if reading is None and is_commentary(piece.text):
            continue
        if reading is None or reading.score < READABLE:
            warnings.append(_unread(note.label, piece.text, reading))
        citations.append(
            reading.citation if reading else _as_written_only(piece, note.links)
        )
    if not citations and not warnings and not note.text.strip(" .;,"):
        warnings.append(f"footnote {note.label} is empty")
    return tuple(citations), warnings


def _reading(piece, links, style, registry, cache) -> Reading | None:
    """The document style's reading, else the best grammar's, else the CRF's."""
    if style is not None and piece.text not in cache:
        grammar = next(g for g in GRAMMARS if g.NAME == style)
        first = grammar.read(_item(piece, links), registry)
        if first is not None and first.score >= READABLE:
            return _as_written(first, piece)
    readings = _all_readings(piece, links, registry, cache)
    chosen = next((r for r in readings if r.style == style), None)
    if chosen is None or chosen.score < READABLE:
        chosen = readings[0] if readings else None
    if chosen is None or chosen.score < READABLE:
        statistical = statistical_reading(piece.text, registry)
        if statistical is not None and (
            chosen is None or statistical.score > chosen.score
        ):
            chosen = statistical
    return _as_written(chosen, piece) if chosen is not None else None


def _item(piece: Piece, links: tuple[Link, ...]):
    """The piece prepared for the grammars, without a leading signal ("See, e.g.,")."""
    text = without_signal(piece.text)
    return prepare(text, links, piece.start + len(piece.text) - len(text))


def _as_written(found: Reading, piece: Piece) -> Reading:
    return found.written_as(piece.text)


def _as_written_only(piece: Piece, links: tuple[Link, ...]) -> ParsedCitation:
    """A note no grammar reads: as written, with the parts every style shares."""
    if len(piece.text) > MAX_ITEM:
        return ParsedCitation(text=piece.text, confidence=0.0)
    item = _item(piece, links)
    return ParsedCitation(
        text=piece.text,
        url=item.url,
        doi=item.doi,
        accessed=item.accessed,
        confidence=0.0,
    )


def _unread(label: str, text: str, reading: Reading | None) -> str:
    shown = text if len(text) <= 200 else text[:200] + "…"
    if reading is None or reading.citation.title is None:
        return (
            f"footnote {label}: cannot read a citation in {shown!r} "
            "(no citation style fits it); kept as written"
        )
    return (
        f"footnote {label}: uncertain reading of {shown!r} "
        f"(confidence {reading.score:.2f}); shown beside the note as written"
    )


def _short_form(text: str) -> bool:
    return bool(IBID.match(text) or _supra(text))


def _supra(text: str):
    return SUPRA.match(text) if "supra" in text.casefold() else None


def _resolve_short(text, earlier, by_label) -> ParsedCitation | None:
    """The work a short form points at, with its own pages; None if not one."""
    ibid = IBID.match(text)
    if ibid and earlier is not None:
        return replace(earlier, text=text, pages=ibid["pages"] or earlier.pages)
    supra = _supra(text)
    if supra and by_label.get(supra["label"]):
        target = by_label[supra["label"]][0]
        return replace(target, text=text, pages=supra["pages"] or target.pages)
    return None


def read_citation_text(
    text: str, registry: OutletRegistry
) -> tuple[tuple[ParsedCitation, ...], tuple[str, ...]]:
    """One note as written (``archive cite``): its citations and warnings."""
    (citations,), warnings = read_notes([Note("1", text)], registry)
    return citations, tuple(w.removeprefix("footnote 1: ") for w in warnings)


def citation_record(citation: ParsedCitation) -> dict[str, object]:
    """A citation as plain JSON-ready fields, dates as ``YYYY[-MM[-DD]]``."""
    return {
        "authors": list(citation.authors),
        "outlet": citation.outlet,
        "publisher": citation.publisher,
        "title": citation.title,
        "date": citation.date.isoformat() if citation.date else None,
        "accessed": citation.accessed.isoformat() if citation.accessed else None,
        "url": citation.url,
        "doi": citation.doi,
        "pages": citation.pages,
        "report_number": citation.report_number,
        "kind": citation.kind,
        "style": citation.style,
        "confidence": citation.confidence,
    }
