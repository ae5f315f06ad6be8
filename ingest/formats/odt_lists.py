"""Numbers of OpenDocument list items, as Writer displays them.

A list style (``text:list-style``, in content.xml or styles.xml) says for each
level whether items are numbered, in which format ("1", "a", "i" ...), from
which number, and how many levels the number shows ("1.2"). Each top-level
``text:list`` counts afresh unless it continues the previous list of its style.
Headings are numbered the same way by the document's outline style.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ingest.formats.numbers import ODF_FORMATS, number_label

TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"


@dataclass(frozen=True, slots=True)
class ListLevel:
    fmt: str | None  # None for bullets and unnumbered levels
    start: int
    shown: int  # how many levels the number shows


def list_styles(*roots: Element | None) -> dict[str, dict[int, ListLevel]]:
    """List styles by name; later roots (content.xml) win over earlier ones."""
    styles: dict[str, dict[int, ListLevel]] = {}
    for root in roots:
        for style in root.iter(TEXT + "list-style") if root is not None else ():
            levels = {}
            for level in style:
                depth = _int(level.get(TEXT + "level"), 1)
                fmt = ODF_FORMATS.get(level.get(STYLE + "num-format") or "")
                if level.tag != TEXT + "list-level-style-number":
                    fmt = None
                levels[depth] = ListLevel(
                    fmt,
                    _int(level.get(TEXT + "start-value"), 1),
                    _int(level.get(TEXT + "display-levels"), 1),
                )
            styles[style.get(STYLE + "name", "")] = levels
    return styles


@dataclass
class ListCounter:
    """Counts the items of the lists met in document order."""

    styles: dict[str, dict[int, ListLevel]]
    _open: list[tuple[str, list[int]]] = field(default_factory=list)
    _last: dict[str, list[int]] = field(default_factory=dict)

    def enter(self, listing: Element) -> None:
        inherited = self._open[-1] if self._open else None
        style = listing.get(TEXT + "style-name") or (inherited[0] if inherited else "")
        if inherited is not None:
            counts = inherited[1]
        elif listing.get(TEXT + "continue-numbering") == "true" or listing.get(
            TEXT + "continue-list"
        ):
            counts = self._last.get(style, [])
        else:
            counts = []
        self._open.append((style, counts))
        self._last[style] = counts

    def leave(self) -> None:
        self._open.pop()

    def item(self, item: Element) -> str | None:
        """Count ``item`` of the innermost open list; the number it shows."""
        if not self._open or item.tag != TEXT + "list-item":
            return None
        style, counts = self._open[-1]
        depth = len(self._open)
        levels = self.styles.get(style, {})
        while len(counts) < depth:
            counts.append(0)
        del counts[depth:]
        start = item.get(TEXT + "start-value")
        counts[-1] = (
            _int(start, 1) - _level(levels, depth).start + 1
            if start
            else (counts[-1] + 1)
        )
        level = _level(levels, depth)
        if level.fmt is None:
            return None
        first = max(depth - level.shown, 0)
        return ".".join(
            number_label(
                _level(levels, n + 1).start + counts[n] - 1, _fmt(levels, n + 1)
            )
            for n in range(first, depth)
        )


def _level(levels: dict[int, ListLevel], depth: int) -> ListLevel:
    return levels.get(depth, ListLevel(None, 1, 1))


def _fmt(levels: dict[int, ListLevel], depth: int) -> str:
    return _level(levels, depth).fmt or "decimal"


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@dataclass
class OutlineCounter:
    """Numbers of headings by the document's outline style ("1.", "1.2.")."""

    levels: dict[int, tuple[ListLevel, str, str]]  # level, prefix, suffix
    counts: list[int] = field(default_factory=list)

    @classmethod
    def read(cls, *roots: Element | None) -> OutlineCounter:
        levels = {}
        for root in roots:
            for style in (
                root.iter(TEXT + "outline-level-style") if root is not None else ()
            ):
                fmt = ODF_FORMATS.get(style.get(STYLE + "num-format") or "")
                level = ListLevel(
                    fmt,
                    _int(style.get(TEXT + "start-value"), 1),
                    _int(style.get(TEXT + "display-levels"), 1),
                )
                prefix = style.get(STYLE + "num-prefix", "")
                suffix = style.get(STYLE + "num-suffix", "")
                levels[_int(style.get(TEXT + "level"), 1)] = (level, prefix, suffix)
        return cls(levels)

    def heading(self, heading: Element, depth: int) -> str | None:
        """Count heading ``heading`` at outline ``depth``; the number it shows."""
        if heading.get(TEXT + "is-list-header") == "true" or depth > 10:
            return None
        while len(self.counts) < depth:
            self.counts.append(0)
        del self.counts[depth:]
        self.counts[-1] += 1
        level, prefix, suffix = self.levels.get(depth, (ListLevel(None, 1, 1), "", ""))
        restart = _int(heading.get(TEXT + "start-value"), 0)
        if heading.get(TEXT + "restart-numbering") == "true" and restart > 0:
            self.counts[-1] = restart - level.start + 1
        if level.fmt is None:
            return None
        shown = []
        for n in range(max(depth - level.shown, 0), depth):
            above = self.levels.get(n + 1, (ListLevel(None, 1, 1), "", ""))[0]
            shown.append(
                number_label(above.start + self.counts[n] - 1, above.fmt or "decimal")
            )
        return prefix + ".".join(shown) + suffix
