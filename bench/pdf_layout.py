"""Set a report on PDF pages the way reports are printed, with reportlab.

Body text runs in one or more justified columns with raised note markers; the
notes go to the foot of the page under a short rule, in smaller type, and a note
that does not fit runs on at the foot of the next page (or, with ``endnotes``,
they all go to an "Endnotes" section at the end). Words carry their possible
breaks as soft hyphens; a word split at a line end is printed with a hyphen.
Every page but the title page has a running header and its page number. The
output is byte-for-byte reproducible: reportlab's invariant mode, and the
document's own date in the metadata.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from bench.pdf_lines import (
    BODY,
    HEADING,
    NOTE,
    NOTE_INDENT,
    RULE_GAP,
    STYLES,
    Line,
    Paragraph,
    Style,
    break_lines,
    break_words,
    draw_line,
    draw_note_line,
)

WIDTH, HEIGHT = A4
MARGIN, TOP, BOTTOM, GUTTER = 56.0, 772.0, 62.0, 18.0


@dataclass(frozen=True, slots=True)
class Report:
    title: str
    subtitle: str
    publisher: str
    author: str
    printed_date: str  # on the title page, as written ("March 2025")
    pdf_date: str  # the metadata's creation date, "D:20250311090000Z"
    header: str  # the running header
    paragraphs: tuple[Paragraph, ...]
    columns: int = 2
    endnotes: bool = False
    first_note: int = 1  # a chapter printed on its own goes on with the report's


@dataclass(frozen=True, slots=True)
class Layout:
    pages: int
    notes: int
    split: tuple[str, ...]  # labels of the notes that run onto the next page


def write_report(path: str, report: Report) -> Layout:
    """Write ``report`` to ``path``; say how it was laid out."""
    canvas = Canvas(path, pagesize=A4, invariant=1, pageCompression=1)
    canvas.setTitle(report.title)
    canvas.setAuthor(report.author)
    canvas.setSubject(report.subtitle)
    canvas.setCreator("bench/pdf_corpus.py")
    canvas.setDateFormatter(lambda *_: report.pdf_date)
    _title_page(canvas, report)
    setter = _Setter(canvas, report)
    notes = setter.run(report.paragraphs)
    if report.endnotes:
        setter.run(_endnote_section(notes))
    setter.finish()
    canvas.save()
    return Layout(setter.number, len(notes), tuple(setter.split))


def _title_page(canvas: Canvas, report: Report) -> None:
    canvas.setFont("Helvetica-Bold", 22)
    y = 600.0
    for line in break_words(
        report.title.split(), WIDTH - 2 * MARGIN, 22, "Helvetica-Bold"
    ):
        canvas.drawString(MARGIN, y, line)
        y -= 28
    canvas.setFont("Helvetica", 14)
    canvas.drawString(MARGIN, y - 10, report.subtitle)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(MARGIN, 140, report.publisher)
    canvas.drawString(MARGIN, 124, report.printed_date)
    canvas.showPage()


def _endnote_section(notes: list[tuple[str, str]]) -> list[Paragraph]:
    return [Paragraph((("Endnotes", None),), "heading")] + [
        Paragraph(((f"{label}. {text}", None),), "endnote") for label, text in notes
    ]


@dataclass(slots=True)
class _Row:
    line: Line
    style: Style
    gap: float  # space above it, unless it starts a column
    notes: list[tuple[str, str]]  # lines of the notes it cites; a label starts a note
    heading: bool = False


class _Setter:
    """Fills pages: rows in columns, their notes at the foot of the same page."""

    def __init__(self, canvas: Canvas, report: Report) -> None:
        self.canvas, self.report = canvas, report
        self.number = 1  # the title page
        self.rows: list[_Row] = []
        self.notes: list[tuple[str, str]] = []
        self.split: list[str] = []  # labels of the notes that run onto the next page
        columns = report.columns
        self.width = (WIDTH - 2 * MARGIN - GUTTER * (columns - 1)) / columns
        cited = sum(1 for p in report.paragraphs for _, note in p.parts if note)
        last = str(report.first_note + cited - 1)
        self.indent = max(NOTE_INDENT, stringWidth(last, NOTE.font, NOTE.size) + 2)
        self.foot_width = WIDTH - 2 * MARGIN - self.indent
        self.most_notes = int((TOP - BOTTOM) / 2 / NOTE.leading)

    def run(self, paragraphs: Sequence[Paragraph]) -> list[tuple[str, str]]:
        """Add ``paragraphs``; return every (label, note) so far."""
        for paragraph in paragraphs:
            style = STYLES[paragraph.kind]
            first = self.report.first_note + len(self.notes)
            lines = break_lines(paragraph, self.width, style, first)
            texts = [note for _, note in paragraph.parts if note is not None]
            gap = 10.0 if paragraph.kind == "heading" else 4.0
            for line in lines:
                fresh = [
                    (mark, texts.pop(0)) for _, marks in line.units for mark in marks
                ]
                self.notes.extend(fresh)
                notes = [] if self.report.endnotes else self._note_lines(fresh)
                self.rows.append(_Row(line, style, gap, notes, style is HEADING))
                gap = 0.0
        return self.notes

    def _note_lines(self, notes: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [
            (label if i == 0 else "", text)
            for label, note in notes
            for i, text in enumerate(
                break_words(note.split(), self.foot_width, NOTE.size, NOTE.font)
            )
        ]

    def finish(self) -> None:
        start, carry = 0, []
        while start < len(self.rows) or carry:
            start, carry = self._page(start, carry)

    def _page(self, start: int, carry: list) -> tuple[int, list]:
        """Set one page from row ``start``; return the next row and the note lines
        that run on to the next page."""
        end, places, keep = self._extent(start, carry)
        if end < len(self.rows) and end - 1 > start and self.rows[end - 1].heading:
            end, places = end - 1, places[:-1]  # a heading stays with its text
        head, rest = carry[: self.most_notes], carry[self.most_notes :]
        foot = head + [line for row in self.rows[start:end] for line in row.notes]
        keep = min(keep, len(foot))
        if keep < len(foot):
            label = next((label for label, _ in reversed(foot[:keep]) if label), "")
            self.split.append(label)
        self._draw(self.rows[start:end], places, foot[:keep])
        return end, foot[keep:] + rest

    def _extent(self, start: int, carry: list) -> tuple[int, list, int]:
        """The end of the rows that fit on a page from ``start``, their places,
        and how many note lines the page's foot keeps."""
        foot = list(carry[: self.most_notes])
        rest = carry[self.most_notes :]
        if start == len(self.rows):
            return start, [], len(foot)
        best = (start + 1, [(0, TOP - BODY.leading)], len(foot) + 99)  # forced
        for end in range(start + 1, len(self.rows) + 1):
            new = self.rows[end - 1].notes
            if new and rest:
                break
            foot += new
            fitted = self._fit(start, end, foot, len(foot) - len(new))
            if fitted is None:
                break
            best = (end, *fitted)
            if fitted[1] < len(foot):
                break  # a note runs on: the page is full
        return best

    def _fit(
        self, start: int, end: int, foot: list, old: int
    ) -> tuple[list, int] | None:
        """Where rows start..end go with all of ``foot``, or with as much as lets
        the last note keep two lines; None when they do not fit."""
        starts = [i for i, (label, _) in enumerate(foot) if label and i >= old]
        least = min(len(foot), starts[-1] + 2) if starts else len(foot)
        for keep in range(len(foot), least - 1, -1):
            places = self._columns(start, end, keep)
            if places is not None:
                return places, keep
        return None

    def _columns(self, start: int, end: int, foot_lines: int) -> list | None:
        floor = BOTTOM + (2 * RULE_GAP + foot_lines * NOTE.leading if foot_lines else 0)
        column, y, places = 0, TOP, []
        for i in range(start, end):
            row = self.rows[i]
            gap = row.gap if y < TOP else 0.0
            need = gap + row.style.leading
            if row.heading and i + 1 < end:
                need += self.rows[i + 1].style.leading
            if y - need < floor:
                column, y, gap = column + 1, TOP, 0.0
                if column >= self.report.columns:
                    return None
            y -= gap + row.style.leading
            places.append((column, y))
        return places

    def _draw(self, rows: list[_Row], places: list, foot: list) -> None:
        canvas = self.canvas
        self.number += 1
        canvas.setFont("Helvetica", 8)
        canvas.drawString(MARGIN, HEIGHT - 40, self.report.header)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, HEIGHT - 45, WIDTH - MARGIN, HEIGHT - 45)
        canvas.drawCentredString(WIDTH / 2, 34, str(self.number))
        for row, (column, y) in zip(rows, places, strict=True):
            x = MARGIN + column * (self.width + GUTTER)
            draw_line(canvas, x, y, row.line, row.style, self.width)
        if foot:
            y = BOTTOM + RULE_GAP + len(foot) * NOTE.leading
            canvas.line(MARGIN, y, MARGIN + 120, y)
            for label, text in foot:
                y -= NOTE.leading
                draw_note_line(canvas, MARGIN, self.indent, y, label, text)
        canvas.showPage()
