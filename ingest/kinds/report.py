"""Footnoted reports: every marker tied to its sentence, every footnote to its sources.

Works on neutral blocks only, so the same rules serve a text export, Markdown
with ``[^12]`` footnotes and HTML with ``<sup>`` markers and endnote lists.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ingest.blocks import Block, Source
from ingest.citations import Note, read_notes
from ingest.errors import ParseError
from ingest.footnotes import NoteText, split_notes
from ingest.kinds import from_source
from ingest.model import (
    ParsedClaim,
    ParsedDocument,
    ParsedFootnote,
    ParsedLink,
    ParsedMarker,
    ParsedPassage,
    ParsedReference,
)
from ingest.options import ParseOptions
from ingest.outlets import OutletRegistry
from ingest.report_meta import cite_as_text, is_footer, read_meta, section_heading
from ingest.sentences import sentence_spans
from ingest.works import work_citations

KIND = "report"
_SEE_REPORT = re.compile(
    r"\bsee\s+(?:also\s+)?(?:section|chapter|sections)\s+[\d.]+\s+of\s+(?:the\s+)?"
    r"(?P<target>[^;]+?(?:\([^)]*\d{4}\))?)(?=[.;]\s|[.;]?$)",
    re.IGNORECASE,
)


def sniff(source: Source, registry: OutletRegistry | None = None) -> float | None:
    """High when body markers meet footnote definitions; None without both."""
    split = split_notes(source.blocks)
    defined = {note.label for note in split.notes}
    used = {m.label for i in split.body for m in source.blocks[i].marks}
    if not used or not defined:
        return None
    return 0.5 + 0.45 * len(used & defined) / len(used)


def parse(source: Source, options: ParseOptions) -> ParsedDocument:
    split = split_notes(source.blocks)
    body = [source.blocks[i] for i in split.body]
    if not split.notes:
        raise ParseError(
            source.path,
            "has footnote markers but no footnotes: looked for an endnote list "
            "(numbered items, '[^n]:' definitions or HTML notes) after the text",
        )
    meta = read_meta(source, body, options.registry)
    passages = _without_trailing_headings(tuple(_passages(body)))
    if not passages:
        raise ParseError(source.path, "holds footnotes but no text that cites them")
    footnotes, warnings = _footnotes(split.notes, options)
    warnings += [
        f"footnote {label} is defined twice; the first is kept"
        for label in split.duplicates
    ]
    in_notes = {m.label for b in source.blocks if b.kind == "note" for m in b.marks}
    in_notes |= source.cited_aside
    warnings += _marker_warnings(passages, footnotes, in_notes)
    title, derived = _title(meta, source.fields.title, passages, options)
    return from_source(
        source,
        kind=KIND,
        title=title,
        title_derived=derived,
        passages=passages,
        date=meta.date or options.date,
        publisher=meta.publisher,
        authors=source.fields.authors,
        report_title=meta.report_title,
        section_number=meta.section_number,
        section_heading=meta.section_heading,
        cite_as=meta.cite_as,
        footnotes=footnotes,
        warnings=tuple(warnings),
    )


def _passages(body: list[Block]):
    for block in body:
        if is_footer(block) or cite_as_text(block):
            continue
        heading = section_heading(block)
        if block.kind == "heading" or heading:
            level = block.level or (heading[0].count(".") + 1 if heading else None)
            yield ParsedPassage("heading", block.text, level=level)
        elif block.text:
            kind = "list_item" if block.kind == "list_item" else "paragraph"
            yield ParsedPassage(
                kind, block.text, claims=_claims(block), references=_references(block)
            )


def _without_trailing_headings(
    passages: tuple[ParsedPassage, ...],
) -> tuple[ParsedPassage, ...]:
    """Drop headings with nothing under them, such as "Endnotes" over the notes."""
    end = len(passages)
    while end and passages[end - 1].kind == "heading":
        end -= 1
    return passages[:end]


def _claims(block: Block) -> tuple[ParsedClaim, ...]:
    """One claim per sentence that carries markers, each marker kept where it stood."""
    claims = []
    spans = sentence_spans(block.text)
    marks = sorted(block.marks, key=lambda mark: mark.offset)
    offsets = [mark.offset for mark in marks]
    for number, (start, end) in enumerate(spans):
        following = (
            spans[number + 1][0] if number + 1 < len(spans) else len(block.text) + 1
        )
        first = (bisect_left if number == 0 else bisect_right)(offsets, start)
        markers = tuple(
            ParsedMarker(mark.label, mark.offset)
            for mark in marks[first : bisect_left(offsets, following)]
        )
        if markers:
            claims.append(
                ParsedClaim(block.text[start:end], start, end, markers=markers)
            )
    return tuple(claims)


def _references(block: Block) -> tuple[ParsedReference, ...]:
    return tuple(
        ParsedReference(
            text=_balanced(match.group(0)), target=_balanced(match["target"])
        )
        for match in _SEE_REPORT.finditer(block.text)
    )


def _balanced(text: str) -> str:
    """Without a closing bracket that belongs to the sentence around the text."""
    text = text.strip()
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip()
    return text


def _footnotes(
    notes: tuple[NoteText, ...], options: ParseOptions
) -> tuple[tuple[ParsedFootnote, ...], list[str]]:
    """Every note read in the document's citation style, or from its stated works."""
    stated = [
        work_citations(note.text, note.works, options.registry) if note.works else None
        for note in notes
    ]
    read, warnings = read_notes(
        [Note(note.label, note.text, note.links) for note in notes],
        options.registry,
        stated=stated,
    )
    footnotes = tuple(
        ParsedFootnote(
            note.label,
            note.text,
            citations,
            tuple(ParsedLink(k.text, k.href, k.start, k.end) for k in note.links),
        )
        for note, citations in zip(notes, read, strict=True)
    )
    return footnotes, list(warnings)


def _marker_warnings(
    passages: tuple[ParsedPassage, ...],
    footnotes: tuple[ParsedFootnote, ...],
    in_notes: set[str],
) -> list[str]:
    """Markers without notes, and notes no marker cites (in the text or in a
    note: a wikitext note may cite another)."""
    used = [m.label for p in passages for c in p.claims for m in c.markers]
    used += sorted(in_notes)
    defined = {note.label for note in footnotes}
    missing = sorted(set(used) - defined, key=_label_order)
    unused = sorted(defined - set(used), key=_label_order)
    return [
        f"footnote {label} is referenced but never defined" for label in missing
    ] + [f"footnote {label} is defined but never referenced" for label in unused]


def _label_order(label: str) -> tuple[int, str]:
    digits = re.match(r"\d+", label)
    return (int(digits.group(0)) if digits else 0, label)


def _title(meta, stated, passages, options: ParseOptions) -> tuple[str, bool]:
    if options.title:
        return options.title, False
    if meta.section_title:
        return meta.section_title, False
    if stated:
        return stated, False
    heading = next((p.text for p in passages if p.kind == "heading"), None)
    if heading or meta.report_title:
        return heading or meta.report_title, False
    words = passages[0].text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else ""), True
