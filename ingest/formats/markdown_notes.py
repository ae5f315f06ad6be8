"""Notes in Markdown: every ``[^n]`` definition, and numbered reference links.

markdown-it's footnote plugin keeps only the footnotes that are referenced and,
of a label defined twice, the last; ``keep_every_footnote`` keeps them all, in
the order they are written, so that the report kind can warn about them.

A post that cites with ``"[quoted words][1]"`` and gathers ``[1]: url "title"``
definitions as a list (usually at the end) numbers its sources the way a report
numbers its footnotes. When every such label is a number and the definitions
stand together, separated only by blank lines, each use is a marker at the end
of the linked text and each definition a note whose text is the title and URL,
with both as its ``Work``. Ordinary links (``[text](url)``, ``[text][name]``)
stay links. A document with ``[^n]`` footnotes of its own keeps its reference
links as links.
"""

from __future__ import annotations

from markdown_it.rules_core import StateCore

from ingest.blocks import Block, Link, Work
from ingest.formats.markdown_inline import DUPLICATE, NOTE_HREF

_NOTES_KEY = "numbered_notes"


def keep_every_footnote(state: StateCore) -> None:
    """A core rule run before the footnote plugin's ``footnote_tail``."""
    footnotes = state.env.get("footnotes")
    if not footnotes or not footnotes.get("refs"):
        return
    refs: dict[str, int] = footnotes["refs"]
    listed: dict[int, dict] = footnotes.setdefault("list", {})
    seen: dict[str, int] = {}
    for token in state.tokens:
        if token.type == "footnote_reference_open":
            label = token.meta["label"]
            seen[label] = seen.get(label, 0) + 1
            if seen[label] > 1:
                token.meta = {**token.meta, "label": f"{label}{DUPLICATE}{seen[label]}"}
                refs[":" + token.meta["label"]] = -1
    for key, number in refs.items():
        if number < 0:
            refs[key] = len(listed)
            listed[len(listed)] = {"label": key[1:], "count": 0}
    ordered = {refs[key]: listed[refs[key]] for key in refs}
    footnotes["list"] = {**ordered, **listed}


def mark_numbered(state: StateCore) -> None:
    """A markdown-it core rule run after block parsing, before inline parsing.

    Numbered definitions that stand together get a ``NOTE_HREF`` target, so
    that the inline parser's links to them come out as markers; the definitions
    as written are kept in the environment for ``note_blocks``.
    """
    env = state.env
    references: dict = env.get("references") or {}
    if env.get("footnotes", {}).get("refs"):
        return
    numbered = sorted(
        (entry["map"], label, entry)
        for label, entry in references.items()
        if label.isdigit() and len(label) <= 4 and entry.get("map")
    )
    if not numbered or not _together([span for span, _, _ in numbered], state.src):
        return
    notes: list[tuple[str, str, str]] = []
    for _, label, entry in numbered:
        notes.append((label, entry["href"], entry.get("title") or ""))
        references[label] = {**entry, "href": NOTE_HREF + label}
    env[_NOTES_KEY] = notes
    env[_NOTES_KEY + ":display"] = [
        state.md.normalizeLinkText(href) for _, href, _ in notes
    ]


def _together(spans: list[list[int]], source: str) -> bool:
    """True if only blank lines lie between one definition and the next."""
    if len(spans) == 1:
        return True
    lines = source.split("\n")
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        if any(line.strip() for line in lines[end:start]):
            return False
    return True


def note_blocks(env: dict) -> list[Block]:
    """The note blocks of the numbered definitions ``mark_numbered`` kept."""
    notes = env.get(_NOTES_KEY, [])
    displays = env.get(_NOTES_KEY + ":display", [])
    blocks = []
    for (label, href, title), shown in zip(notes, displays, strict=True):
        title = " ".join(title.split())
        prefix = f"{title}, " if title else ""
        text = prefix + shown
        link = Link(shown, href, len(prefix), len(text))
        work = Work(title=title or None, url=href)
        blocks.append(Block("note", text, label=label, links=(link,), works=(work,)))
    return blocks
