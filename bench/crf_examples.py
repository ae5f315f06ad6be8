"""Training examples for the citation CRF: tokens and the label of each.

AnyStyle's sequences label their pieces directly, so a token takes the label of
the piece it falls in (AnyStyle's tags mapped onto the reader's labels). A
record of the labeled set states its fields' values, not where they are, so
each value is found in the text (the title, outlet, publisher, each author,
the URL, the pages, then every date-like phrase that reads as the labeled date
or access date); words found in none are "other", and a punctuation mark
outside every field takes the label of the token before it.
"""

from __future__ import annotations

import re

from ingest.citation_tokens import DATE_PHRASE, Token, tokens
from ingest.dates import parse_date

ANYSTYLE_LABELS = {
    "author": "author",
    "title": "title",
    "journal": "outlet",
    "container-title": "outlet",
    "collection-title": "outlet",
    "publisher": "publisher",
    "date": "date",
    "url": "url",
    "doi": "url",
    "pages": "pages",
    "location": "location",
    "volume": "volume",
}
_FIELDS = ("title", "outlet", "publisher", "url", "pages")


Example = tuple[list[Token], list[str], str]


def from_anystyle(pieces: list[tuple[str, str]]) -> Example:
    """One AnyStyle sequence: its joined string's tokens, their labels, the string."""
    spans, position, parts = [], 0, []
    for tag, piece in pieces:
        if not piece:
            continue
        parts.append(piece)
        spans.append(
            (position, position + len(piece), ANYSTYLE_LABELS.get(tag, "other"))
        )
        position += len(piece) + 1
    text = " ".join(parts)
    toks = tokens(text)
    labels = [next((y for a, b, y in spans if a <= t.start < b), "other") for t in toks]
    return toks, labels, text


def _place(text: str, value: str, taken: list[tuple[int, int, str]]) -> tuple[int, int]:
    """The first place of ``value`` in ``text``, as whole words, not yet taken."""
    pattern = r"(?<!\w)" + re.escape(value) + r"(?!\w)"
    for match in re.finditer(pattern, text):
        start, end = match.span()
        if not any(a < end and start < b for a, b, _ in taken):
            return start, end
    return -1, -1


def from_record(record: dict) -> Example | None:
    """A labeled record's tokens, labels and text; None if its title is not found."""
    text = record["text"]
    taken: list[tuple[int, int, str]] = []
    values = [(f, record.get(f)) for f in _FIELDS]
    values += [("author", a) for a in record.get("authors") or ()]
    for label, value in values:
        if label == "author" and any(value == v for _, v in values[: len(_FIELDS)]):
            continue  # an organisation that wrote and published the work
        if value:
            start, end = _place(text, value, taken)
            if start >= 0:
                taken.append((start, end, label))
    if record.get("title") and not any(y == "title" for *_, y in taken):
        return None
    for match in DATE_PHRASE.finditer(text):
        if any(a < match.end() and match.start() < b for a, b, _ in taken):
            continue
        found = parse_date(match.group())
        iso = found.isoformat() if found else None
        before = text[max(0, match.start() - 14) : match.start()].casefold()
        if iso and iso == record.get("accessed") and "retrieved" in before:
            taken.append((match.start(), match.end(), "accessed"))
        elif iso and iso == record.get("date"):
            taken.append((match.start(), match.end(), "date"))
        elif iso and iso == record.get("accessed"):
            taken.append((match.start(), match.end(), "accessed"))
    toks = tokens(text)
    labels: list[str] = []
    for token in toks:
        label = next((y for a, b, y in taken if a <= token.start < b), None)
        if label is None:
            punctuation = not token.text[0].isalnum()
            label = labels[-1] if punctuation and labels else "other"
        labels.append(label)
    return toks, labels, text
