"""Lines joined into running text: hyphenation undone, markers' offsets kept."""

from __future__ import annotations

import re

from ingest.formats.pdf.lines import Line

# pdfium reports a hyphen that ends a line as U+FFFE; U+00AD is a soft hyphen
_BREAK_HYPHENS = "\ufffe\xad"
_SENTENCE_END = '.!?:;)"”’]'
_ACRONYM_END = re.compile(r"(?:[A-Z]{2}|\d)$")


class Text:
    """Text growing line by line, with the footnote marks seen so far.

    The lines are kept as a list and joined once, so a paragraph that runs over
    many pages costs no more than its length.
    """

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.marks: list[tuple[str, int]] = []
        self.page = -1

    def add(self, line: Line) -> None:
        text = line.text
        if self.parts:
            self._seam(text, new_page=line.page != self.page)
        self.page = line.page
        start = self.length
        self._append(text)
        if line.lead is not None:
            self.marks.append((line.lead, start))
        self.marks.extend((label, start + offset) for label, offset in line.marks)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def ends_with(self, characters: str = _SENTENCE_END) -> bool:
        """Whether the text so far ends with one of ``characters`` (by default a
        full stop, a closing quote or the like)."""
        last = self.parts[-1].rstrip() if self.parts else ""
        return bool(last) and last[-1] in characters

    def finish(self) -> str:
        """The text with a hyphen left dangling at its very end dropped."""
        return self.text.rstrip(_BREAK_HYPHENS).strip()

    def _append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def _seam(self, text: str, new_page: bool) -> None:
        """The separator the next line's text needs after the text so far.

        pdfium marks a hyphen that breaks a word at a line's end, but not at the
        page's last line: there a hyphen after a letter, before a lower-case
        letter, outside a compound, is taken for one too.
        """
        last = self.parts[-1]
        end = last[-1] if last else " "
        if (
            new_page
            and end == "-"
            and last[-2:-1].isalpha()
            and text[:1].islower()
            and not _in_compound(last[:-1])
        ):
            end = "\xad"
        if end in _BREAK_HYPHENS:
            self.parts[-1] = last = last[:-1]
            self.length -= 1
            if end == "\ufffe" and (not text[:1].islower() or _in_compound(last)):
                self._append("-")
        elif not (end == "/" or (end in "-–—" and last[-2:-1].isalnum())):
            self._append(" ")


def _in_compound(line: str) -> bool:
    """Whether the word broken at the line's end already holds a hyphen or a slash
    ("out-of-" + "print", a web address), or is an acronym or a number ("FAA-" +
    "approved", "2020-" + "era"), which hyphenation never breaks: its hyphen is its
    own."""
    word = line[line.rfind(" ") + 1 :]
    return "-" in word or "/" in word or _ACRONYM_END.search(word) is not None
