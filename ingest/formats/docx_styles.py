"""What a Word file's styles say about its paragraphs.

Headings come from the built-in "heading N" styles or an outline level (set on
the paragraph or inherited through ``basedOn``); lists from numbering set on the
paragraph or its style (``docx_numbering`` counts them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_NAME = re.compile(r"heading\s*(\d)$", re.IGNORECASE)
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
    italic: set[str] = field(default_factory=set)  # character styles in italic

    @classmethod
    def read(cls, root: Element | None) -> Styles:
        styles = cls()
        for style in root.iter(W + "style") if root is not None else ():
            kind = style.get(W + "type", "paragraph")
            if kind == "character" and is_on(style.find(f"{W}rPr/{W}i")):
                styles.italic.add(style.get(W + "styleId", ""))
            if kind != "paragraph":
                continue
            ppr = style.find(W + "pPr")
            num = ppr.find(W + "numPr") if ppr is not None else None
            outline = attr(ppr.find(W + "outlineLvl")) if ppr is not None else None
            styles.by_id[style.get(W + "styleId", "")] = Style(
                name=(attr(style.find(W + "name")) or "").strip().lower(),
                based_on=attr(style.find(W + "basedOn")),
                outline=int(outline) if outline and outline.isdigit() else None,
                num_id=attr(num.find(W + "numId")) if num is not None else None,
                ilvl=min(_int(attr(num.find(W + "ilvl"))), 8) if num is not None else 0,
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


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
