"""What a Word file's styles and numbering say about its paragraphs.

Headings come from the built-in "heading N" styles or an outline level (set on
the paragraph or inherited through ``basedOn``); lists from numbering set on the
paragraph or its style. Numbered list items and footnotes are labelled as Word
displays them (decimal, roman, letters, or the Chicago symbols).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"heading\s*(\d)$", re.IGNORECASE)
_CHICAGO = "*†‡§"
_NOT_NUMBERED = {"bullet", "none", ""}
MAX_LEVEL = 6


def attr(element: Element | None, name: str = "val") -> str | None:
    return None if element is None else element.get(W + name)


def is_on(element: Element | None) -> bool:
    """A Word toggle such as ``<w:i/>``: on unless its value says off."""
    return element is not None and attr(element) not in ("0", "false", "off")


@dataclass(frozen=True, slots=True)
class Style:
    name: str
    based_on: str | None
    outline: int | None  # 0-based outline level; 9 means body text
    num_id: str | None
    ilvl: int


@dataclass
class Styles:
    """Paragraph styles by id, with heading levels resolved through inheritance."""

    by_id: dict[str, Style] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Element | None) -> Styles:
        styles = cls()
        for style in root.iter(W + "style") if root is not None else ():
            if style.get(W + "type", "paragraph") != "paragraph":
                continue
            ppr = style.find(W + "pPr")
            num = ppr.find(W + "numPr") if ppr is not None else None
            outline = attr(ppr.find(W + "outlineLvl")) if ppr is not None else None
            styles.by_id[style.get(W + "styleId", "")] = Style(
                name=(attr(style.find(W + "name")) or "").strip().lower(),
                based_on=attr(style.find(W + "basedOn")),
                outline=int(outline) if outline and outline.isdigit() else None,
                num_id=attr(num.find(W + "numId")) if num is not None else None,
                ilvl=_int(attr(num.find(W + "ilvl"))) if num is not None else 0,
            )
        return styles

    def _chain(self, style_id: str | None):
        seen: set[str] = set()
        while style_id and style_id not in seen and len(seen) < 20:
            seen.add(style_id)
            style = self.by_id.get(style_id)
            if style is None:
                return
            yield style_id, style
            style_id = style.based_on

    def heading_level(self, style_id: str | None) -> int | None:
        for ident, style in self._chain(style_id):
            named = _HEADING_NAME.match(style.name) or _HEADING_NAME.match(ident)
            if named:
                return min(max(int(named.group(1)), 1), MAX_LEVEL)
            if style.name == "title":
                return 1
            if style.outline is not None:
                return outline_level(style.outline)
        if style_id and not self.by_id:  # no styles part: go by the id alone
            named = _HEADING_NAME.match(style_id)
            return min(int(named.group(1)), MAX_LEVEL) if named else None
        return None

    def numbering(self, style_id: str | None) -> tuple[str, int] | None:
        for _, style in self._chain(style_id):
            if style.num_id is not None:
                return style.num_id, style.ilvl
        return None

    def is_contents(self, style_id: str | None) -> bool:
        """A table-of-contents entry ("toc 1"), which repeats the headings."""
        return any(s.name.startswith("toc ") for _, s in self._chain(style_id))


def outline_level(value: int) -> int | None:
    return None if value >= 9 else min(value + 1, MAX_LEVEL)


@dataclass
class Numbering:
    """List formats from numbering.xml, and the counters of the lists in use."""

    formats: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            base = abstract.get(attr(num.find(W + "abstractNumId")))
            levels = {} if base is None else _levels(base)
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(attr(override, "ilvl"))
                start = attr(override.find(W + "startOverride"))
                if ilvl in levels and start is not None:
                    levels[ilvl] = (levels[ilvl][0], _int(start))
            for ilvl, level in levels.items():
                numbering.formats[(num.get(W + "numId", ""), ilvl)] = level
        return numbering

    def item_label(self, num_id: str, ilvl: int) -> str | None:
        """Count one item of list ``num_id`` at ``ilvl``; its label if numbered."""
        fmt, start = self.formats.get((num_id, ilvl), ("bullet", 1))
        counts = self.counters.setdefault(num_id, [])
        while len(counts) <= ilvl:
            counts.append(0)
        counts[ilvl] += 1
        del counts[ilvl + 1 :]
        if fmt in _NOT_NUMBERED:
            return None
        return number_label(start + counts[ilvl] - 1, fmt)


def _levels(abstract: Element) -> dict[int, tuple[str, int]]:
    levels = {}
    for lvl in abstract.iter(W + "lvl"):
        fmt = attr(lvl.find(W + "numFmt")) or "decimal"
        levels[_int(attr(lvl, "ilvl"))] = (fmt, _int(attr(lvl.find(W + "start")), 1))
    return levels


def number_label(number: int, fmt: str) -> str:
    """``number`` as Word shows it in format ``fmt`` (decimal for unknown ones)."""
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(number)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("lowerLetter", "upperLetter") and number > 0:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "chicago" and number > 0:
        return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    if fmt == "decimalZero" and 0 <= number < 10:
        return f"0{number}"
    return str(number)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    text = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        text += letters * count
    return text


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
