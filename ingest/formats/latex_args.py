"""Macro arguments read as written, not parsed as LaTeX.

An address (``\\url{https://x.org/a%20b#c}``) may hold ``%`` and ``#``, and a
definition's body (``\\newenvironment{x}{\\begin{list}}{\\end{list}}``) may
open an environment it does not close: both are read as plain characters, as
LaTeX itself reads them.
"""

from __future__ import annotations

from pylatexenc import latexwalker
from pylatexenc.macrospec import MacroStandardArgsParser, ParsedMacroArgs


class RawArgs(MacroStandardArgsParser):
    """Arguments after ``spec`` (``*``, ``[``, ``{``, ``|`` for one delimited
    like ``\\verb|x|``) read as written, then
    the arguments in ``then`` parsed as usual.

    ``address`` arguments end at a blank line, so that an unclosed ``\\url{``
    is reported on its own line rather than swallowing the rest of the file.
    """

    def __init__(self, spec: str, then: str = "", address: bool = False) -> None:
        super().__init__(argspec=(spec + then).replace("|", "{"))
        self.spec = spec
        self.then = then
        self.address = address

    def parse_args(self, w, pos, parsing_state=None):
        nodes = []
        at = pos
        for kind in self.spec:
            node, at = self._one(w, kind, at, parsing_state)
            nodes.append(node)
        if self.then:
            rest, rest_pos, rest_len = MacroStandardArgsParser(self.then).parse_args(
                w, at, parsing_state=parsing_state
            )
            nodes += rest.argnlist
            at = rest_pos + rest_len
        return ParsedMacroArgs(argnlist=nodes, argspec=self.argspec), pos, at - pos

    def _one(self, w, kind: str, at: int, parsing_state):
        text = w.s
        start = _skip_space(text, at)
        opening = text[start : start + 1]
        if kind == "*":
            return (
                (_chars(w, "*", start, parsing_state), start + 1)
                if (opening == "*")
                else (None, at)
            )
        if kind == "|":  # \\verb-style: any character delimits the argument
            end = text.find(opening, start + 1) if opening else -1
            if end < 0 or "\n" in text[start:end]:
                raise latexwalker.LatexWalkerParseError(
                    s=text, pos=start, msg="an argument is never closed"
                )
            return _chars(w, text[start + 1 : end], start + 1, parsing_state), end + 1
        if kind == "[" and opening == "[":
            end = _closing(text, start, "[", "]", self.address)
        elif kind == "{" and opening == "{":
            end = _closing(text, start, "{", "}", self.address)
        elif kind == "{" and opening == "\\" and not self.address:
            end = _control_word_end(text, start)  # \newcommand\name{...}
            return _chars(w, text[start:end], start, parsing_state), end
        else:
            return None, at  # absent, or the macro named, not used (\let\a\url)
        if end is None:
            raise latexwalker.LatexWalkerParseError(
                s=text, pos=start, msg="an argument is never closed"
            )
        return _chars(w, text[start + 1 : end], start + 1, parsing_state), end + 1


def _chars(w, chars: str, pos: int, parsing_state):
    return w.make_node(
        latexwalker.LatexCharsNode,
        parsing_state=parsing_state,
        chars=chars,
        pos=pos,
        len=len(chars),
    )


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _control_word_end(text: str, start: int) -> int:
    end = start + 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return max(end, start + 2)


def _closing(
    text: str, start: int, opening: str, closing: str, address: bool
) -> int | None:
    """The index of what closes the bracket at ``start`` (None if nothing does)."""
    depth = 0
    braces = 0
    index = start
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "\n" and address and text.startswith("\n", index + 1):
            return None
        if opening == "[" and char in "{}":
            braces += 1 if char == "{" else -1
        elif char == opening and braces == 0:
            depth += 1
        elif char == closing and braces == 0:
            depth -= 1
            if depth == 0:
                return index
        index += 1
    return None
