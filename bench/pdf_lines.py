"""Lines of a PDF report: type styles, justified lines with raised note
markers, hyphenation at line ends, and drawing a line with reportlab.

A word may break where it has a soft hyphen (``breakable`` puts them in long
lower-case words); a word split at a line end is printed with a hyphen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

SOFT = "\u00ad"
VOWELS = frozenset("aeiouy")
DIGRAPHS = frozenset(("ch", "ck", "gh", "ph", "sh", "th", "wh"))


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    leading: float


BODY = Style("Helvetica", 10, 13)
MARK = Style("Helvetica", 6, 3.6)  # leading holds the rise
HEADING = Style("Helvetica-Bold", 13, 19)
NOTE = Style("Helvetica", 7.5, 9.2)
ENDNOTE = Style("Helvetica", 8.5, 11)
STYLES = {"body": BODY, "heading": HEADING, "endnote": ENDNOTE}
NOTE_INDENT = 11.0
RULE_GAP = 9.0  # between the body and the note rule, and the rule and the notes


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Text in ``parts``: (text, note printed after it or None)."""

    parts: tuple[tuple[str, str | None], ...]
    kind: str = "body"  # or "heading", "endnote"


@dataclass(slots=True)
class Line:
    units: list[tuple[str, list[str]]]  # (word, labels of the markers after it)
    last: bool = False  # the paragraph's last line: not justified


def break_words(
    words: Sequence[str], width: float, size: float, font: str
) -> list[str]:
    """Ragged-right lines of ``words`` (soft hyphens dropped)."""
    lines: list[str] = []
    current = ""
    for word in (w.replace(SOFT, "") for w in words):
        trial = f"{current} {word}" if current else word
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            trial = word
        current = trial
    return [*lines, current] if current else lines


def break_lines(
    paragraph: Paragraph, width: float, style: Style, first: int
) -> list[Line]:
    """Justifiable lines of ``paragraph``; markers are numbered from ``first``."""
    units: list[tuple[str, list[str]]] = []
    label = first
    for text, note in paragraph.parts:
        units.extend(
            (word if SOFT in word else breakable(word), []) for word in text.split()
        )
        if note is not None:
            units[-1][1].append(str(label))
            label += 1
    lines: list[Line] = []
    line = Line([])
    used = 0.0
    space = stringWidth(" ", style.font, style.size)
    for word, labels in units:
        need = unit_width(word, labels, style) + (space if line.units else 0.0)
        if line.units and used + need > width:
            head, word = _hyphenate(word, width - used - space, style)
            if head:
                line.units.append((head, []))
            lines.append(line)
            line, used = Line([]), 0.0
            need = unit_width(word, labels, style)
        line.units.append((word, labels))
        used += need
    line.last = True
    return [*lines, line]


def breakable(word: str) -> str:
    """``word`` with soft hyphens where a line may break it: between two
    consonants that follow a vowel, three letters from either end."""
    core = word.rstrip(".,;:)\u201d")
    if len(core) < 8 or not core.isalpha() or not core.islower():
        return word
    cuts = [
        i
        for i in range(3, len(core) - 2)
        if core[i - 1] not in VOWELS
        and core[i] not in VOWELS
        and core[i - 2] in VOWELS
        and core[i - 1 : i + 1] not in DIGRAPHS
    ]
    for i in reversed(cuts):
        word = word[:i] + SOFT + word[i:]
    return word


def unit_width(word: str, labels: list[str], style: Style) -> float:
    marks = "".join(labels)
    return stringWidth(word.replace(SOFT, ""), style.font, style.size) + (
        stringWidth(marks, MARK.font, MARK.size) if marks else 0.0
    )


def _hyphenate(word: str, room: float, style: Style) -> tuple[str, str]:
    """Split ``word`` at its last soft hyphen that leaves a head fitting ``room``."""
    pieces = word.split(SOFT)
    for cut in range(len(pieces) - 1, 0, -1):
        head = "".join(pieces[:cut]) + "-"
        if stringWidth(head, style.font, style.size) <= room:
            return head, SOFT.join(pieces[cut:])
    return "", word


def draw_line(
    canvas: Canvas, x: float, y: float, line: Line, style: Style, width: float
) -> None:
    natural = sum(unit_width(w, m, style) for w, m in line.units)
    natural += stringWidth(" ", style.font, style.size) * (len(line.units) - 1)
    gaps = len(line.units) - 1
    spread = 0.0 if line.last or gaps == 0 else (width - natural) / gaps
    text = canvas.beginText(x, y)
    text.setFont(style.font, style.size)
    text.setWordSpace(spread)
    for i, (word, marks) in enumerate(line.units):
        text.textOut(("" if i == 0 else " ") + word.replace(SOFT, ""))
        if marks:
            text.setFont(MARK.font, MARK.size)
            text.setRise(MARK.leading)
            text.textOut("".join(marks))
            text.setRise(0)
            text.setFont(style.font, style.size)
    text.setWordSpace(0)  # the spacing would stay set for what is drawn next
    canvas.drawText(text)


def draw_note_line(
    canvas: Canvas, x: float, indent: float, y: float, label: str, text: str
) -> None:
    canvas.setFont(NOTE.font, NOTE.size)
    if label:
        canvas.drawString(x, y, label)
    x += indent
    canvas.drawString(x, y, text)
    offset = 0.0
    for word in text.split(" "):
        width = stringWidth(word, NOTE.font, NOTE.size)
        if word.startswith(("http://", "https://")):
            url = word.rstrip(".,;)")
            box = (x + offset, y - 2, x + offset + width, y + NOTE.size)
            canvas.linkURL(url, box, relative=0, thickness=0)
        offset += width + stringWidth(" ", NOTE.font, NOTE.size)
