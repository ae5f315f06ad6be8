"""Numbers as Word displays them: list items, numbered headings and notes.

numbering.xml gives each list level a format (decimal, roman, letters ...), a
first number and a text such as "%1.%2." that composes the numbers of the
levels above. Lists that share an abstract definition continue one sequence
unless a list restarts it (``startOverride``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

from ingest.formats.docx_styles import W, attr
from ingest.formats.numbers import number_label

_NOT_NUMBERED = {"bullet", "none", ""}
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str
    start: int
    text: str


@dataclass
class Numbering:
    """List levels from numbering.xml, and the counters of the lists in use."""

    levels: dict[tuple[str, int], Level] = field(default_factory=dict)
    sequence: dict[str, str] = field(default_factory=dict)  # numId -> counter
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def read(cls, root: Element | None) -> Numbering:
        numbering = cls()
        if root is None:
            return numbering
        abstract = {a.get(W + "abstractNumId"): a for a in root.iter(W + "abstractNum")}
        for num in root.iter(W + "num"):
            num_id = num.get(W + "numId", "")
            base_id = attr(num.find(W + "abstractNumId"))
            base = abstract.get(base_id)
            levels = {} if base is None else _levels(base)
            numbering.sequence[num_id] = f"abstract {base_id}"
            for override in num.iter(W + "lvlOverride"):
                ilvl = _int(attr(override, "ilvl"))
                replaced = override.find(W + "lvl")
                if replaced is not None:  # a new format; the sequence goes on
                    levels[ilvl] = _level(replaced)
                start = attr(override.find(W + "startOverride"))
                if ilvl in levels and start is not None:
                    old = levels[ilvl]
                    levels[ilvl] = Level(old.fmt, _int(start, 1), old.text)
                    numbering.sequence[num_id] = num_id
            for ilvl, level in levels.items():
                numbering.levels[(num_id, ilvl)] = level
        return numbering

    def count(self, num_id: str, ilvl: int) -> str | None:
        """Count one item of list ``num_id`` at ``ilvl``; the number it shows.

        None for bullets and lists without a number ("1.2." or "a)" otherwise).
        """
        level = self.levels.get((num_id, ilvl))
        counts = self.counters.setdefault(self.sequence.get(num_id, num_id), [])
        while len(counts) <= ilvl:
            counts.append(0)
        counts[ilvl] += 1
        del counts[ilvl + 1 :]
        if level is None or level.fmt in _NOT_NUMBERED:
            return None

        def shown(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            above = self.levels.get((num_id, index))
            if above is None or index >= len(counts):
                return ""
            return number_label(above.start + max(counts[index], 1) - 1, above.fmt)

        text = level.text if "%" in level.text else f"%{ilvl + 1}"
        return _PLACEHOLDER.sub(shown, text).strip() or None


def _levels(abstract: Element) -> dict[int, Level]:
    return {_int(attr(lvl, "ilvl")): _level(lvl) for lvl in abstract.iter(W + "lvl")}


def _level(lvl: Element) -> Level:
    return Level(
        fmt=attr(lvl.find(W + "numFmt")) or "decimal",
        start=_int(attr(lvl.find(W + "start")), 1),
        text=attr(lvl.find(W + "lvlText")) or "",
    )


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default
