"""ANPA-1312 wire transmissions, as AP sends plain-text stories.

A transmission runs SYN SYN SOH, a service line and a header line (selector,
priority, category, keyword, date "05-09", word count), then STX and the text:
format lines opening with ``^`` (the slug line "BC-...", the headline, "AP
Photo ..." and "Eds:" notes, the byline "By GERRY SHIH=" and the writer's title
"Associated Press="), then the paragraphs, each on a tab-indented line, and the
trailer after ETX ("AP-WF-05-09-17 0056GMT": agency, month, day, year, time),
then EOT. ANPA's typewriter conventions are undone: `` and '' become curly
quotes, a spaced _ an em dash, and rule lines ("___") are dropped.
"""

from __future__ import annotations

import re

from ingest.blocks import Block, Content, Fields
from ingest.errors import ParseError
from ingest.formats.wire_fields import byline_authors, wire_text
from ingest.text_marks import TextBuilder

NAME = "anpa"
SOH, STX, ETX, EOT, SYN = "\x01", "\x02", "\x03", "\x04", "\x16"
SUFFIXES = (".tst", ".anpa", ".ap")
_TRAILER = re.compile(
    r"(?P<agency>[A-Z]{2,5})-[A-Z]{2}-(?P<m>\d\d)-(?P<d>\d\d)-(?P<y>\d\d)"
    r"\s+(?P<H>\d\d)(?P<M>\d\d)\s*(?P<zone>GMT|UTC|Z)?"
)
_NOTE = re.compile(r"^\(?(?:eds?|editors?)\b|^editor'?s note\b|photos?\b|video\b", re.I)
_SLUG = re.compile(r"^[A-Z]{2}-[A-Z]{2,4}-")
_RULE = re.compile(r"^[_=*-]{3,}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def sniff(name: str, head: bytes) -> float | None:
    start = head.lstrip(b"\r\n")[:4]
    if start.startswith(b"\x16\x16\x01"):
        return 0.95
    if b"\x01" in start and b"\x02" in head:  # SOH without the SYN pair
        return 0.9
    if b"\x02" in head and b"\x03" in head and name.lower().endswith(SUFFIXES):
        return 0.7
    return None


def read(name: str, data: bytes) -> Content:
    text = wire_text(data)
    if text.count(SOH) > 1:
        raise ParseError(
            name,
            f"holds {text.count(SOH)} ANPA transmissions; the archive keeps one "
            "story per file, so split it at each SOH",
        )
    if STX not in text:
        raise ParseError(name, "is not an ANPA-1312 transmission: it has no STX")
    body, _, trailer = text.partition(STX)[2].partition(ETX)
    lines = [
        _CONTROL.sub(" ", line).strip().rstrip("<=").rstrip()
        for line in body.split("\n")
    ]
    start = next((i for i, line in enumerate(lines) if _is_text(line)), len(lines))
    heads = [line[1:].strip() for line in lines[:start] if line.startswith("^")]
    if lines and lines[0].startswith("^"):  # the keyword (slug) line opens the text
        heads = heads[1:]
    blocks = _paragraphs(lines[start:])
    if not blocks:  # a list of headlines: the lines after the first are the text
        blocks = _paragraphs(_not_notes(heads)[1:])
    if not blocks:
        raise ParseError(name, "is an ANPA-1312 transmission with no story text")
    return Content(tuple(blocks), fields=_fields(heads, trailer))


def _is_text(line: str) -> bool:
    return bool(line) and not line.startswith("^")


def _not_notes(heads: list[str]) -> list[str]:
    """Format lines less the slug, photo and editor's notes, and the byline."""
    return [
        line
        for line in heads
        if not (_SLUG.match(line) or _NOTE.match(line) or line.endswith("Writer"))
        and not line.lower().startswith("by ")
    ]


def _fields(heads: list[str], trailer: str) -> Fields:
    """Headline, byline and the trailer's agency and time from the format lines."""
    byline = title = None
    for index, line in enumerate(heads):
        if line.lower().startswith("by ") and byline is None:
            byline = line
            title = heads[index + 1] if index + 1 < len(heads) else None
    headlines = [line for line in _not_notes(heads) if line != title]
    headline = headlines[0] if headlines else None
    sent = _TRAILER.search(trailer)
    agency = sent["agency"] if sent else None
    return Fields(
        title=headline,
        date=_trailer_date(sent) if sent else None,
        authors=byline_authors(byline, agency, title),
        agency=agency,
    )


def _trailer_date(sent: re.Match[str]) -> str:
    """ "AP-WF-05-09-17 0056GMT" -> "2017-05-09T00:56:00Z" (MM-DD-YY)."""
    century = "19" if int(sent["y"]) >= 70 else "20"
    day = f"{century}{sent['y']}-{sent['m']}-{sent['d']}"
    zone = "Z" if sent["zone"] else ""
    return f"{day}T{sent['H']}:{sent['M']}:00{zone}"


def _paragraphs(lines: list[str]) -> list[Block]:
    """Body lines as paragraphs; a format line among them ("^NATIONAL LEAGUE=")
    is a subheading, and "END" ends the text."""
    blocks = []
    for line in lines:
        if line.lstrip("^") == "END":
            break
        kind = "heading" if line.startswith("^") else "paragraph"
        text = line.lstrip("^").replace("``", "“").replace("''", "”")
        text = re.sub(r"(?<=\s)_(?=\s)", "—", text).strip()
        if not text or _RULE.match(text.rstrip("=")):
            continue
        builder = TextBuilder()
        builder.add_text(text, literal_markers=False)
        blocks.append(builder.block(kind, level=2 if kind == "heading" else None))
    return blocks
