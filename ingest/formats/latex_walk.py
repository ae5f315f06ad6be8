"""LaTeX nodes to blocks: paragraphs, headings, list items, and numbered notes.

Footnotes are numbered as LaTeX numbers them (its counter, ``\\setcounter``,
``\\addtocounter``, ``\\footnote[N]``, ``\\footnotemark``/``\\footnotetext``),
except where a file cut from a larger document says the printed number in a
comment just before the note (``% 109`` on the line before ``\\footnote{``):
that number is the label, and the count goes on from it.
"""

from __future__ import annotations

import re

from pylatexenc import latexwalker as lw

from ingest.blocks import Block
from ingest.formats import latex_macros as m
from ingest.formats import latex_nodes as ln
from ingest.text_marks import TextBuilder

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_NUMBER_COMMENT = re.compile(r"\s*(\d{1,6})\s*")
_LOREM = re.compile(r"[:.,;\s]*\blorem\b(?:\s+ipsum)?.*$", re.IGNORECASE | re.DOTALL)
_CITES = re.compile(r"(?:paren|text|auto|foot)?cite[pt]?|citealp|citeauthor")


class Walk:
    """One pass over a document's nodes, collecting body blocks and notes."""

    def __init__(self, levels: dict[str, int]) -> None:
        self.levels = levels
        self.body: list[Block] = []
        self.notes: list[Block] = []
        self.counter = 0
        self.printed: str | None = None  # a "% 109" comment just read
        self.builder = TextBuilder()
        self.kind = "paragraph"
        self.item_label: str | None = None
        self.in_note = 0
        self.saved: dict[str, str] = {}  # \SaveVerb{name}|text|

    def blocks(self) -> tuple[Block, ...]:
        self.end_paragraph()
        return tuple(self.body + self.notes)

    # -- blocks -------------------------------------------------------------

    def end_paragraph(self) -> None:
        if self.in_note:
            self.builder.add_space()
            return
        block = self.builder.block(self.kind, label=self.item_label)
        if block.text or block.marks:
            self.body.append(block)
        self.builder = TextBuilder()
        if self.kind == "list_item":
            self.item_label = None

    def render(self, nodes, in_note: bool = False) -> TextBuilder:
        """Walk ``nodes`` into a builder of their own and return it."""
        saved = self.builder, self.in_note, self.printed
        self.builder = TextBuilder()
        self.in_note += in_note
        self.walk(nodes)
        built = self.builder
        self.builder, self.in_note, self.printed = saved
        return built

    def plain(self, node) -> str:
        """The text of a small argument: a number, a counter's name, a key."""
        return self.render([node]).text().strip() if node is not None else ""

    # -- nodes --------------------------------------------------------------

    def walk(self, nodes) -> None:
        emphasis_from = None
        defining = None
        for node in nodes or ():
            if defining is not None:
                defining = ln.still_defining(defining, node)
                continue
            name = node.macroname if isinstance(node, lw.LatexMacroNode) else None
            if name in m.DEFINITIONS:
                defining = name
            elif name in m.SWITCHES:
                if name in m.EMPHASIS_SWITCHES and emphasis_from is None:
                    emphasis_from = self.builder.position
            else:
                self.node(node)
        if emphasis_from is not None:
            self.builder.add_emphasis(emphasis_from)

    def node(self, node) -> None:
        if isinstance(node, lw.LatexCommentNode):
            number = _NUMBER_COMMENT.fullmatch(node.comment)
            self.printed = number.group(1) if number else None
            return
        if isinstance(node, lw.LatexCharsNode):
            self.chars(node.chars)
            if not node.chars.strip():
                return  # the space between "% 109" and its note
        elif isinstance(node, lw.LatexGroupNode):
            if not ln.is_dimension(node):
                self.walk(node.nodelist)
        elif isinstance(node, lw.LatexSpecialsNode):
            self.builder.add_text(
                m.SPECIALS.get(node.specials_chars, node.specials_chars), False
            )
        elif isinstance(node, lw.LatexMathNode):
            if node.displaytype == "inline":
                self.walk(node.nodelist)
        elif isinstance(node, lw.LatexEnvironmentNode):
            self.environment(node)
        elif isinstance(node, lw.LatexMacroNode):
            self.macro(node)
        self.printed = None

    def chars(self, chars: str) -> None:
        parts = _BLANK_LINE.split(chars)
        for number, part in enumerate(parts):
            if number:
                self.end_paragraph()
            self.builder.add_text(part.replace("`", "'"), False)

    def environment(self, node) -> None:
        name = node.environmentname
        if name in m.SKIPPED_ENVIRONMENTS:
            return
        if name in m.LISTS or any(ln.is_item(child) for child in node.nodelist):
            self.listing(node)
            return
        if name != "document":
            self.end_paragraph()
        self.walk(node.nodelist)
        if name != "document":
            self.end_paragraph()

    def listing(self, node) -> None:
        self.end_paragraph()
        outer = self.kind, self.item_label
        numbered = node.environmentname == "enumerate"
        count = 0
        for child in node.nodelist:
            if ln.is_item(child):
                self.end_paragraph()
                count += 1
                self.kind = "list_item"
                self.item_label = str(count) if numbered else None
                term = ln.args(child)[0] if child.macroname == "item" else None
                if term is not None:
                    self.walk([term])
                    self.builder.add_space()
            elif self.kind == "list_item" or not ln.is_blank(child):
                self.node(child)
        self.end_paragraph()
        self.kind, self.item_label = outer

    def macro(self, node) -> None:
        name = node.macroname
        args = ln.args(node)
        handler = _HANDLERS.get(name)
        if handler is not None:
            handler(self, node, args)
        elif name in m.HEADINGS:
            self.heading(name, ln.braced(node)[-1:])
        elif name in m.EMPHASIS:
            start = self.builder.position
            self.walk(ln.braced(node))
            self.builder.add_emphasis(start)
        elif name in m.REDACTIONS:
            self.redaction(name, ln.braced(node)[-1:])
        elif name in m.DROPPED:
            return
        elif name in m.SYMBOLS:
            self.builder.add_text(m.SYMBOLS[name], False)
        elif name in m.LAST_ARGUMENT:
            self.walk(ln.braced(node)[-1:])
        elif name in m.FIRST_ARGUMENT:
            self.walk(ln.braced(node)[:1])
        elif _CITES.fullmatch(name) or name in m.REFERENCES:
            self.citation(name, node)
        elif name in ln.ACCENTS and ln.braced(node):
            letters = self.plain(ln.braced(node)[0])
            self.builder.add_text(ln.accented(name, letters), False)
        elif ln.symbol(node) is not None:
            self.builder.add_text(ln.symbol(node), False)
        else:
            self.walk(ln.braced(node))

    # -- macros -------------------------------------------------------------

    def footnote(self, node, args) -> None:
        label = self.note_label(args[0])
        self.builder.add_mark(label)
        self.add_note(label, args[1])

    def footnotemark(self, node, args) -> None:
        self.builder.add_mark(self.note_label(args[0]))

    def footnotetext(self, node, args) -> None:
        label = self.plain(args[0]) or self.printed or str(self.counter)
        self.add_note(label, args[1])

    def note_label(self, optional) -> str:
        if self.plain(optional):
            return self.plain(optional)
        if self.printed is not None:
            self.counter = int(self.printed)
            return self.printed
        self.counter += 1
        return str(self.counter)

    def add_note(self, label: str, content) -> None:
        self.printed = None
        built = self.render([content], in_note=True)
        self.notes.append(built.block("note", label=label))

    def counter_change(self, node, args) -> None:
        if len(args) < 2 or self.plain(args[0]) != "footnote":
            return
        value = self.plain(args[1])
        if not re.fullmatch(r"-?\d+", value):
            return
        if node.macroname == "setcounter":
            self.counter = int(value)
        else:
            self.counter += int(value)

    def heading(self, name: str, title: list) -> None:
        if self.in_note:  # a run-in \paragraph{...} inside a note stays its text
            self.walk(title)
            self.builder.add_space()
            return
        self.end_paragraph()
        saved = self.kind, self.item_label
        self.kind, self.item_label = "heading", None
        self.walk(title)
        block = self.builder.block("heading", level=self.levels.get(name, 1))
        if block.text or block.marks:
            self.body.append(block)
        self.builder = TextBuilder()
        self.kind, self.item_label = saved

    def redaction(self, name: str, hidden: list) -> None:
        built = self.render(hidden)
        label = _LOREM.sub("", built.text()).strip(" :.;,")
        shown = "redacted"
        if m.REDACTIONS[name] == "label" and 0 < len(label) <= m.REDACTION_LABEL_MAX:
            shown = f"redacted: {label}"
        if self.builder.text().endswith("["):  # "[\censor{X}]" is bracketed already
            self.builder.add_text(shown, False)
        else:
            self.builder.add_text(f"[{shown}]", False)
        for mark in built.marks:
            self.builder.add_mark(mark.label)

    def link(self, node, args) -> None:
        if args[0] is None:
            return
        href = ln.address(args[0].chars)
        start = self.builder.position
        if node.macroname == "href":
            self.walk(args[1:2])
        else:
            self.builder.add_text(href, False)
        text = self.builder.text()[start:].strip()
        self.builder.add_link(text, href, start)

    def save_verbatim(self, node, args) -> None:
        if args[1] is not None and args[2] is not None:
            self.saved[args[1].chars.strip()] = args[2].chars

    def use_verbatim(self, node, args) -> None:
        name = self.plain(next(iter(ln.braced(node)), None))
        self.builder.add_text(self.saved.get(name, name), False)

    def citation(self, name: str, node) -> None:
        keys = self.plain(ln.braced(node)[-1]) if ln.braced(node) else ""
        if name == "footcite":
            label = self.note_label(None)
            self.builder.add_mark(label)
            self.notes.append(Block("note", keys, label=label))
        elif keys:
            before = self.builder.text()[-1:]
            space = "" if before in ("", " ", "(", "[") else " "
            self.builder.add_text(f"{space}[{keys}]", False)


_HANDLERS = {
    "footnote": Walk.footnote,
    "footnotemark": Walk.footnotemark,
    "footnotetext": Walk.footnotetext,
    "SaveVerb": Walk.save_verbatim,
    "UseVerb": Walk.use_verbatim,
    "setcounter": Walk.counter_change,
    "addtocounter": Walk.counter_change,
    "url": Walk.link,
    "nolinkurl": Walk.link,
    "href": Walk.link,
}
