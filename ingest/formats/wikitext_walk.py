"""Walk parsed wikitext into blocks: what a reader of the article sees.

Headings, paragraphs and list items become blocks; link labels, bold and italic
text stay as text; templates, infoboxes, tables, files, categories and comments
are not text, though the notes cited inside them still count (Wikipedia lists
them). Each ``<ref>`` leaves a ``Mark`` where it stood and writes its note
through the ``NoteBook``.
"""

from __future__ import annotations

import re
from dataclasses import replace

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ingest.blocks import Block, Mark
from ingest.formats import wikitext_cite, wikitext_templates
from ingest.formats.wikitext_cite import without_style_quotes
from ingest.formats.wikitext_draft import Draft
from ingest.formats.wikitext_links import is_shown, link_title
from ingest.formats.wikitext_notes import NoteBook, Use
from ingest.formats.wikitext_refs import is_reference_list, uses_of

_HIDDEN_TAGS = {
    "gallery", "math", "chem", "ce", "score", "timeline", "graph", "mapframe",
    "maplink", "templatedata", "imagemap", "categorytree", "inputbox", "hiero",
    "includeonly", "style", "templatestyles", "section", "indicator",
    "references", "syntaxhighlight", "source",
}  # fmt: skip
_BLOCK_TAGS = {"blockquote", "poem", "center", "div", "p", "pre", "dl", "ul", "ol"}
_MAGIC_WORD = re.compile(r"__[A-Z]+__")
# Markup the parser left as text: a template it could not read, a stray "}}" or
# "</ref>".
_BROKEN = re.compile(r"\{\{.*?\}\}|\}\}|</?ref\b[^<>]*>", re.DOTALL | re.IGNORECASE)
_NEWLINES = re.compile(r"(\n[ \t]*)+")


class Walk:
    """One walk over wikitext; ``inline`` writes everything as one note's text."""

    def __init__(self, notes: NoteBook, inline: bool = False, depth: int = 0) -> None:
        self.notes = notes
        self.inline = inline
        self.depth = depth
        self.blocks: list[Block] = []
        self.draft = Draft()

    def code(self, code: Wikicode) -> None:
        for node in code.nodes:
            self.node(node)

    def finish(self) -> list[Block]:
        self._end()
        return self.blocks

    def node(self, node: Node) -> None:
        if isinstance(node, Text):
            self._text(str(node))
        elif isinstance(node, HTMLEntity):
            self.draft.add(node.normalize())
        elif isinstance(node, Wikilink):
            self._wikilink(node)
        elif isinstance(node, ExternalLink):
            self._external_link(node)
        elif isinstance(node, Heading):
            self._heading(node)
        elif isinstance(node, Tag | Template):
            self._tag_or_template(node)
        elif not isinstance(node, Comment):
            self.hidden(node)  # template arguments ({{{1}}}) are not text

    def hidden(self, node: Node) -> None:
        """Nothing of ``node`` is text, but the notes it cites are listed."""
        # __children__ is how mwparserfromhell itself walks a node's Wikicode.
        for code in node.__children__():
            for child in code.nodes:
                uses = uses_of(child)
                if uses is not None:
                    self._cite(uses, marked=False)
                elif not is_reference_list(child):
                    self.hidden(child)

    def _text(self, text: str) -> None:
        text = without_style_quotes(_BROKEN.sub("", _MAGIC_WORD.sub("", text)))
        if self.inline:
            self.draft.add(text)
            return
        position = 0
        for match in _NEWLINES.finditer(text):
            self.draft.add(text[position : match.start()])
            self._newline(match.group(0).count("\n"))
            position = match.end()
        self.draft.add(text[position:])

    def _newline(self, count: int) -> None:
        if count > 1 or self.draft.kind in {"list_item", "heading"}:
            self._end()
        else:
            self.draft.add(" ")

    def _end(self, kind: str = "paragraph", level: int | None = None) -> None:
        """Close the block being written and start one of ``kind``.

        Markers on a line of their own belong to the block before them.
        """
        block = self.draft.block()
        if block is not None and block.text:
            self.blocks.append(block)
        elif block is not None and self.blocks:
            previous = self.blocks[-1]
            moved = tuple(Mark(m.label, len(previous.text)) for m in block.marks)
            self.blocks[-1] = replace(previous, marks=previous.marks + moved)
        self.draft = Draft(kind, level)

    def _wikilink(self, link: Wikilink) -> None:
        if not is_shown(link):
            self.hidden(link)
        elif link.text is not None and str(link.text).strip():
            self.code(link.text)
        else:
            self.draft.add(link_title(link))

    def _external_link(self, link: ExternalLink) -> None:
        url = "".join(str(n) for n in link.url.nodes if isinstance(n, Text)).strip()
        start = self.draft.length
        if link.title is not None and str(link.title).strip():
            self.code(link.title)
        else:
            self.draft.add(url)
        self.draft.link(url, start)

    def _heading(self, heading: Heading) -> None:
        if self.inline:
            self.code(heading.title)
            return
        self._end("heading", heading.level)
        self.code(heading.title)
        self._end()

    def _tag_or_template(self, node: Tag | Template) -> None:
        uses = uses_of(node)
        if uses is not None:
            self._cite(uses, marked=True)
        elif is_reference_list(node):
            return
        elif isinstance(node, Template):
            self._template(node)
        else:
            self._tag(node)

    def _cite(self, uses: list[Use], marked: bool) -> None:
        for use in uses:
            label = self.notes.cite(use, self.render_note, self.depth)
            if marked:
                self.draft.mark(label)
            else:
                self.notes.cited_aside.add(label)  # from an infobox or the like

    def render_note(self, content: Wikicode, depth: int) -> Block:
        """A note's text; a note that is only a template this reader cannot
        expand (``{{GEOnet3|...}}``) says which template and arguments it has."""
        walk = Walk(self.notes, inline=True, depth=depth)
        walk.draft = Draft("note")
        walk.code(content)
        block = walk.draft.block()
        if block is not None and block.text:
            return block
        stated = [_as_written(t) for t in content.filter_templates(recursive=False)]
        return Block("note", "; ".join(filter(None, stated)))

    def _tag(self, tag: Tag) -> None:
        name = str(tag.tag).strip().lower()
        markup = tag.wiki_markup
        if name in _HIDDEN_TAGS or (name == "table" and self.inline):
            self.hidden(tag)
        elif name == "table":
            self._table(tag)
        elif markup in {"*", "#", ":", ";"} and not self.inline:
            self._list_marker(name)
        elif name == "nowiki":
            self.draft.add(str(tag.contents or ""))  # shown as written
        elif name == "br":
            self.draft.add(" ")
        elif name in _BLOCK_TAGS and not self.inline:
            self._end()
            self._contents(tag)
            self._end()
        elif name in {"i", "b", "em", "strong"}:
            start, draft = self.draft.length, self.draft
            self._contents(tag)
            if self.draft is draft:
                self.draft.emphasise(start)
        else:
            self._contents(tag)

    def _table(self, table: Tag) -> None:
        """A data table: its caption, then one block per row, cells joined by
        "; " (navigation boxes are templates, and stay out)."""
        self._end()
        for node in table.contents.nodes if table.contents else ():
            if not isinstance(node, Tag):
                continue
            if node.tag == "tr":
                self._end()
                cells = [c for c in node.contents.nodes if isinstance(c, Tag)]
            else:
                cells = [node]
            for cell in cells:
                if str(cell).startswith("|+"):  # a caption, read as a cell
                    self._end()
                    caption = str(cell.contents).lstrip()[1:]
                    self.code(mwparserfromhell.parse(caption, skip_style_tags=True))
                    self._end()
                    continue
                if self.draft.text:
                    self.draft.separate("; ")
                self._contents(cell)
        self._end()

    def _contents(self, tag: Tag) -> None:
        if tag.contents is not None and not tag.self_closing:
            self.code(tag.contents)

    def _list_marker(self, name: str) -> None:
        kind = "list_item" if name == "li" else "paragraph"
        if self.draft.text or self.draft.marks:
            self._end(kind)
        else:
            self.draft = Draft(kind)

    def _template(self, template: Template) -> None:
        name = wikitext_cite.template_name(template)
        if wikitext_cite.is_citation(name):
            self._citation(template)
            return
        shown = wikitext_templates.shown(name, template)
        if shown is None:
            self.hidden(template)
        elif shown.block and not self.inline:
            self._end()
            self.code(shown.code)
            self._end()
        else:
            self.code(shown.code)

    def _citation(self, template: Template) -> None:
        citation = wikitext_cite.read_citation(template)
        work, text, span = citation.work, citation.text, citation.title_span
        start = self.draft.add(text)
        if span and work.url:
            self.draft.link(work.url, start + span[0], start + span[1])
        if self.inline:
            self.draft.works.append(work)


def _as_written(template: Template) -> str:
    """``{{IranCensus2006|09}}`` as "IranCensus2006: 09"."""
    name = str(template.name).strip()
    values = [wikitext_cite.plain_text(p.value) for p in template.params]
    values = [v for v in values if v]
    return f"{name}: {', '.join(values)}" if values else name
