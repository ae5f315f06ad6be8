"""Footnotes of a wikitext article: labels, reused names, groups, note blocks.

Wikipedia numbers notes in the order the text first uses them, one sequence per
group; a named note used again keeps its number. Groups display their own way:
``group="nb"`` gives "nb 1", ``{{efn}}`` (lower-alpha) gives "a". The content
of a named note may stand anywhere, even after its first use (list-defined
references inside ``{{reflist}}``), so definitions are gathered first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from mwparserfromhell.wikicode import Wikicode

from ingest.blocks import Block

NESTING_LIMIT = 8  # notes within notes rendered at once; deeper ones wait

_GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _alpha(number: int, letters: str) -> str:
    label = ""
    while number:
        number, rest = divmod(number - 1, len(letters))
        label = letters[rest] + label
    return label


def _roman(number: int) -> str:
    label = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        label += numeral * count
    return label


_STYLES: dict[str, Callable[[int], str]] = {
    "lower-alpha": lambda n: _alpha(n, "abcdefghijklmnopqrstuvwxyz"),
    "upper-alpha": lambda n: _alpha(n, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "lower-roman": _roman,
    "upper-roman": lambda n: _roman(n).upper(),
    "lower-greek": lambda n: _alpha(n, _GREEK),
}


def display_label(group: str, number: int) -> str:
    """The label Wikipedia shows for the ``number``-th note of ``group``."""
    style = _STYLES.get(group)
    if style:
        return style(number)
    return f"{group} {number}" if group else str(number)


Render = Callable[[Wikicode, int], Block]
"""Turns a note's content into its text, marks, links and works (depth given)."""


@dataclass(frozen=True, slots=True)
class Use:
    """One place the text cites a note: its group, its name (if any), its content."""

    group: str
    name: str | None
    content: Wikicode | None


class NoteBook:
    """Labels handed out in order of first use, and the note block of each."""

    def __init__(self, definitions: dict[tuple[str, str], Wikicode]) -> None:
        self._definitions = definitions
        self._labels: dict[object, str] = {}
        self._counts: dict[str, int] = {}
        self._notes: dict[str, tuple[str, Block]] = {}
        self._waiting: list[tuple[str, Wikicode]] = []
        self.cited_aside: set[str] = set()  # labels cited where no text is kept

    def cite(self, use: Use, render: Render, depth: int) -> str:
        """The label of the note ``use`` points to, its note written on first use."""
        key: object = (use.group, use.name) if use.name else object()
        label = self._labels.get(key)
        if label is not None:
            return label
        count = self._counts.get(use.group, 0) + 1
        self._counts[use.group] = count
        label = self._labels[key] = display_label(use.group, count)
        content = use.content
        if use.name and not _has_text(content):
            content = self._definitions.get((use.group, use.name))
        if _has_text(content):
            self._notes[label] = (use.group, Block("note", "", label=label))
            if depth >= NESTING_LIMIT:
                self._waiting.append((label, content))
            else:
                self._write(label, content, render, depth)
        return label

    def blocks(self, render: Render) -> list[Block]:
        """Every note, groups in order of first use, each group in label order."""
        while self._waiting:
            label, content = self._waiting.pop(0)
            self._write(label, content, render, 0)
        groups = list(dict.fromkeys(group for group, _ in self._notes.values()))
        return [
            self._with_cited_works(block)
            for group in groups
            for note_group, block in self._notes.values()
            if note_group == group and block.text
        ]

    def _with_cited_works(self, note: Block) -> Block:
        """An explanatory note (``{{efn}}``, ``group="nb"``) states no work of its
        own but cites notes that do: their works are the sources it rests on."""
        if note.works or not note.marks:
            return note
        cited = dict.fromkeys(m.label for m in note.marks if m.label != note.label)
        works = tuple(
            work
            for label in cited
            if label in self._notes
            for work in self._notes[label][1].works
        )
        return replace(note, works=works) if works else note

    def _write(self, label: str, content: Wikicode, render: Render, depth: int) -> None:
        group = self._notes[label][0]
        note = render(content, depth + 1)
        self._notes[label] = (
            group,
            Block(
                "note",
                note.text,
                label=label,
                marks=note.marks,
                links=note.links,
                emphasis=note.emphasis,
                works=note.works,
            ),
        )


def _has_text(content: Wikicode | None) -> bool:
    return content is not None and bool(str(content).strip())
