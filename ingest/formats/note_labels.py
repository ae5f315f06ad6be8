"""Labels for a document's footnotes and endnotes, unique across both.

Office files number footnotes and endnotes apart (Word shows "1, 2, 3" and
"i, ii, iii" by default). Each note keeps the label the document shows; when
both series show the same labels, every endnote's label is qualified
("endnote 1"), and so is any other label already taken. Note blocks follow the
body: footnotes, then endnotes, each in the order the body first cites them.
"""

from __future__ import annotations

from ingest.blocks import Block

SERIES = ("footnote", "endnote")


class NoteLabels:
    def __init__(self, qualify_endnotes: bool = False) -> None:
        self._labels: dict[tuple[str, str], str] = {}
        self._taken: set[str] = set()
        self._copies: dict[str, int] = {}
        self.custom: dict[tuple[str, str], str] = {}
        self._qualify_endnotes = qualify_endnotes

    def label(self, series: str, key: str, shown: str, custom: bool = False) -> str:
        """The label of note ``key`` of ``series``, given on its first citation.

        A ``custom`` mark ("*") is the author's own; the note's text repeats it.
        """
        known = self._labels.get((series, key))
        if known is not None:
            return known
        if custom:
            self.custom[(series, key)] = shown
        qualified = f"{series} {shown}"
        label = shown
        if series == "endnote" and self._qualify_endnotes:
            label = qualified
        if label in self._taken:
            label = qualified
            copy = self._copies.get(qualified, 1)  # go on from the last copy
            while label in self._taken:
                copy += 1
                label = f"{qualified} ({copy})"
            self._copies[qualified] = copy
        self._labels[(series, key)] = label
        self._taken.add(label)
        return label

    def is_cited(self, series: str, key: str) -> bool:
        return (series, key) in self._labels

    def count(self, series: str) -> int:
        return sum(1 for s, _ in self._labels if s == series)

    def ordered(self, notes: dict[tuple[str, str], Block]) -> list[Block]:
        """The cited ``notes`` (keyed by series and key) in display order."""
        return [
            notes[key]
            for series in SERIES
            for key in self._labels
            if key[0] == series and key in notes
        ]
