"""Footnotes: the small type at the foot of a column, each opening with its number.

A foot zone is a run of lines smaller than the body text that ends a column
(nothing below it in the column). A note opens on a line whose first characters
are a raised number, or a number higher than the previous note's printed at the
line's start ("4GAO, ..." / "4 GAO, ..."), and only under a label some marker
on this page or before it uses (so "2018, and ..." goes on the note before).
Lines of a zone before its first number carry on the note the previous page or
column left unfinished. After a heading "Notes" or "Endnotes", every line, in
whatever size, is read the same way: an endnote section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.formats.pdf.joining import Text
from ingest.formats.pdf.lines import Line

SMALL = 0.92  # note type is at most this share of the body size
_FINISHED = '.!?)]"”’'  # a note ending otherwise runs on at the next foot
_HEADING = 1.12  # a heading larger than the body by this ends an endnote section
_ENDNOTES = re.compile(r"(?i)(?:end\s?notes|notes|footnotes|notes and references)")
_RULE = re.compile(r"[\s_\-‐‑–—―]{3,}")
_PRINTED_NUMBER = re.compile(r"(\d{1,4})(?:[.)]\s*|\s+|(?=[^\W\d_]))")


@dataclass
class Note:
    label: str
    text: Text = field(default_factory=Text)


@dataclass
class Notes:
    """Notes found so far, in order, with the labels markers have used."""

    found: list[Note] = field(default_factory=list)
    last: int = 0  # the number of the last note opened
    referenced: set[str] = field(default_factory=set)  # labels marked so far
    in_section: bool = False  # within an endnote section
    labels: set[str] = field(default_factory=set)
    relabelled: dict[str, str] = field(default_factory=dict)  # on the current page

    def open(self, label: str, page: int) -> Note:
        """A new note; numbers printed again on a later page get the page's number."""
        if label.isdigit():
            self.last = int(label)
        if label in self.labels:
            self.relabelled[label] = label = f"{label} (p. {page + 1})"
        self.labels.add(label)
        note = Note(label)
        self.found.append(note)
        return note


def take_notes(
    columns: list[list[Line]], body_size: float, notes: Notes
) -> list[list[Line]]:
    """Columns less their foot zones, whose lines go into ``notes``.

    A note opens only under a label some marker on this page or before it uses.
    Where notes are numbered afresh on each page, the page's markers take the
    labels their notes were given.
    """
    notes.relabelled = {}
    for column in columns:
        for line in column:
            notes.referenced.update(label for label, _ in line.marks)
            if line.lead is not None and line.size > SMALL * body_size:
                notes.referenced.add(line.lead)
    flat = [(number, line) for number, column in enumerate(columns) for line in column]
    taken: set[int] = set()
    section = _endnote_section(flat, body_size, notes)
    if section < len(flat):
        lines = [line for _, line in flat[section:]]
        taken.update(_read_zone(_until_heading(lines, body_size), notes, carry=True))
    flat = flat[:section]
    start = 0
    while start < len(flat):
        end = _zone_end(flat, start, body_size)
        if end > start and _at_foot(flat, end, body_size):
            taken.update(_read_zone([line for _, line in flat[start:end]], notes))
            start = end
        else:
            start += 1
    kept = [[line for line in column if id(line) not in taken] for column in columns]
    if notes.relabelled:
        for column in kept:
            for line in column:
                _relabel(line, notes.relabelled)
    return kept


def _endnote_section(
    flat: list[tuple[int, Line]], body_size: float, notes: Notes
) -> int:
    """Where this page's part of an endnote section starts (its end if none).

    The section opens after a heading "Notes" (or "Endnotes", "Footnotes") and
    runs to the end of the document or to the next larger heading.
    """
    if notes.in_section:
        return 0
    for index, (_, line) in enumerate(flat):
        if _ENDNOTES.fullmatch(line.text.strip()) and (
            line.bold or line.size > SMALL * body_size
        ):
            notes.in_section = True
            return index + 1
    return len(flat)


def _until_heading(lines: list[Line], body_size: float) -> list[Line]:
    for index, line in enumerate(lines):
        if line.size >= _HEADING * body_size and line.lead is None:
            return lines[:index]
    return lines


def _relabel(line: Line, labels: dict[str, str]) -> None:
    line.marks = [(labels.get(label, label), at) for label, at in line.marks]
    if line.lead is not None:
        line.lead = labels.get(line.lead, line.lead)


def _zone_end(flat: list[tuple[int, Line]], start: int, body_size: float) -> int:
    """Where the run of small lines (of one size) that starts at ``start`` ends."""
    end, size = start, None
    while end < len(flat):
        column, line = flat[end]
        if not _RULE.fullmatch(line.text):
            if line.size > SMALL * body_size:
                break
            size = size or line.size
            if abs(line.size - size) > 0.1 * size:
                break
        if end > start:
            before_column, before = flat[end - 1]
            if column != before_column and line.base >= before.base:
                break
        end += 1
    return end


def _at_foot(flat: list[tuple[int, Line]], end: int, body_size: float) -> bool:
    """Whether no body text follows the zone lower down in its column."""
    if end == len(flat):
        return True
    column, last = flat[end - 1]
    next_column, following = flat[end]
    if following.size <= SMALL * body_size:
        return True
    return next_column != column and (
        following.base > last.base or following.x0 >= last.x1
    )


def _read_zone(lines: list[Line], notes: Notes, carry: bool = False) -> list[int]:
    """Add the zone's notes; the ids of the lines they took (none for a caption).

    Lines before the first number carry on the last note after a rule, when that
    note stopped mid-sentence, or (``carry``) anywhere in an endnote section.
    """
    if not lines:
        return []
    rule = carry or _RULE.fullmatch(lines[0].text) is not None
    taken = [id(line) for line in lines if _RULE.fullmatch(line.text)]
    lines = [line for line in lines if not _RULE.fullmatch(line.text)]
    note = None
    if notes.found and (rule or _unfinished(notes)):
        note = notes.found[-1]
    for line in lines:
        opening = _opening(line, notes)
        if opening:
            note = notes.open(opening[0], line.page)
        if note is not None:
            note.text.add(opening[1] if opening else line)
            taken.append(id(line))
    return taken if len(taken) > 0 and note is not None else []


def _opening(line: Line, notes: Notes) -> tuple[str, Line] | None:
    if line.lead is not None and line.lead in notes.referenced:
        return line.lead, replace(line, lead=None)
    printed = _PRINTED_NUMBER.match(line.text)
    if (
        printed
        and int(printed.group(1)) > notes.last
        and printed.group(1) in notes.referenced
    ):
        rest = line.text[printed.end() :]
        marks = [(label, max(0, at - printed.end())) for label, at in line.marks]
        return printed.group(1), replace(line, text=rest, marks=marks)
    return None


def _unfinished(notes: Notes) -> bool:
    """Whether the last note stopped mid-sentence."""
    return not notes.found[-1].text.ends_with(_FINISHED)
