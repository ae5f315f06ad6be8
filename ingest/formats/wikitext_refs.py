"""The wikitext constructs that cite a note, read as ``Use``s.

``<ref>`` tags; ``{{#tag:ref|...}}``, ``{{refn}}`` and the ``{{efn}}`` family,
which make a note of their first argument; ``{{r|name}}``, which reuses named
notes; and the short footnotes ``{{sfn}}``/``{{sfnp}}``, which make one note of
"Author Year, p. X" however often the same one is repeated.
"""

from __future__ import annotations

import mwparserfromhell
from mwparserfromhell.nodes import Node, Tag, Template
from mwparserfromhell.wikicode import Wikicode

from ingest.formats.wikitext_cite import plain_text, template_name
from ingest.formats.wikitext_notes import Use

EFN_GROUPS = {
    "efn": "lower-alpha",
    "efn-la": "lower-alpha",
    "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman",
    "efn-ur": "upper-roman",
    "efn-lg": "lower-greek",
}
_NOTE_TEMPLATES = {"#tag:ref", "refn", *EFN_GROUPS}
_SHORT_NOTES = {"sfn", "sfnp"}
_LISTS = {
    "reflist", "refs", "references", "notelist", "notes", "refbegin", "refend",
    "notelist-ua", "notelist-lr", "notelist-ur", "notelist-lg", "notefoot",
}  # fmt: skip


def is_reference_list(node: Node) -> bool:
    """A ``<references/>`` or ``{{reflist}}``: where notes are listed, not text."""
    if isinstance(node, Tag):
        return str(node.tag).strip().lower() == "references"
    return isinstance(node, Template) and template_name(node) in _LISTS


def uses_of(node: Node) -> list[Use] | None:
    """The notes ``node`` cites, or None when it cites none."""
    if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
        return [_tag_use(node)]
    if not isinstance(node, Template):
        return None
    name = template_name(node)
    if name.startswith("#tag:"):
        name = "#tag:" + name[5:].strip()
    if name in _NOTE_TEMPLATES:
        return [_template_use(node, name)]
    if name == "r":
        group = _param(node, "group") or ""
        return [
            Use(group, _unquoted(str(p.value)), None)
            for p in node.params
            if not p.showkey and str(p.value).strip()
        ]
    if name in _SHORT_NOTES:
        text = short_note_text(node)
        return [Use("", "sfn " + text, mwparserfromhell.parse(text))]
    return None


def definitions(code: Wikicode) -> dict[tuple[str, str], Wikicode]:
    """The content of every named note, wherever it is written (the first wins)."""
    found: dict[tuple[str, str], Wikicode] = {}
    for node in code.filter(forcetype=(Tag, Template)):
        for use in uses_of(node) or ():
            if use.name and use.content is not None and str(use.content).strip():
                found.setdefault((use.group, use.name), use.content)
    return found


def short_note_text(template: Template) -> str:
    """``{{sfn|Smith|2005|p=25}}`` as Wikipedia writes it: "Smith 2005, p. 25."."""
    positional = [plain_text(p.value) for p in template.params if not p.showkey]
    names, year = positional[:-1], positional[-1] if positional else ""
    names = [name for name in names if name]
    if len(names) > 3:
        who = f"{names[0]} et al."
    else:
        who = " & ".join(
            filter(None, (", ".join(names[:-1]), names[-1] if names else ""))
        )
    text = " ".join(filter(None, (who, year)))
    if page := _param(template, "p") or _param(template, "page"):
        text += f", p. {page}"
    elif pages := _param(template, "pp") or _param(template, "pages"):
        text += f", pp. {pages}"
    elif loc := _param(template, "loc"):
        text += f", {loc}"
    return text + "."


def _tag_use(tag: Tag) -> Use:
    name = group = None
    for attr in tag.attributes:
        key = str(attr.name).strip().lower()
        value = _unquoted(str(attr.value)) if attr.value is not None else ""
        if key == "name":
            name = value
        elif key == "group":
            group = value
    content = None if tag.self_closing else tag.contents
    return Use(group or "", name or None, content)


def _template_use(template: Template, name: str) -> Use:
    content = None
    for param in template.params:
        if str(param.name).strip() in {"1", "text"}:
            content = param.value
            break
    group = _param(template, "group")
    if group is None:
        group = EFN_GROUPS.get(name, "")
    return Use(group, _param(template, "name") or None, content)


def _param(template: Template, key: str) -> str | None:
    for param in template.params:
        if param.showkey and str(param.name).strip().lower() == key:
            return _unquoted(plain_text(param.value))
    return None


def _unquoted(value: str) -> str:
    return value.strip().strip("\"'").strip()
