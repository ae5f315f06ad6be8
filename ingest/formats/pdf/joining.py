"""Lines joined into running text: hyphenation undone, markers' offsets kept."""

from __future__ import annotations

from ingest.formats.pdf.lines import Line

# pdfium reports a hyphen that ends a line as U+FFFE; U+00AD is a soft hyphen
_BREAK_HYPHENS = "\ufffe\xad"


class Text:
    """Text growing line by line, with the footnote marks seen so far."""

    def __init__(self) -> None:
        self.text = ""
        self.marks: list[tuple[str, int]] = []

    def add(self, line: Line) -> None:
        text = line.text
        start = self._seam(text) if self.text else 0
        self.text += text
        if line.lead is not None:
            self.marks.append((line.lead, start))
        self.marks.extend((label, start + offset) for label, offset in line.marks)

    def _in_compound(self) -> bool:
        """Whether the word broken at the line's end already holds a hyphen or a
        slash ("out-of-" + "print", a web address), so its hyphen is its own."""
        word = self.text[self.text.rfind(" ") + 1 :]
        return "-" in word or "/" in word

    def finish(self) -> str:
        """The text with a hyphen left dangling at its very end dropped."""
        return self.text.rstrip(_BREAK_HYPHENS).strip()

    def _seam(self, text: str) -> int:
        """Where the next line's text starts, after the separator it needs."""
        end = self.text[-1]
        if end in _BREAK_HYPHENS:
            self.text = self.text[:-1]
            if end == "\ufffe" and (not text[:1].islower() or self._in_compound()):
                self.text += "-"
            return len(self.text)
        if end == "/" or (end in "-–—" and self.text[-2:-1].isalnum()):
            return len(self.text)
        self.text += " "
        return len(self.text)
