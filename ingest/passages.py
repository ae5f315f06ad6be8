"""Prose passages of a story or document, each sentence that names its source a claim.

Stories and plain documents share this: headings and all-capitals subheads are
headings; every other block is a paragraph or list item whose attributed
sentences ("three military sources said") become claims citing their sources.
A quotation is its speaker's across sentences and into a paragraph that is only
a quote; a sentence about the sourcing ("Both officials spoke on condition of
anonymity") qualifies the claims before it; a source that did not answer
("did not respond to a request for comment") is kept apart, as asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ingest.attributions import sentence_citations
from ingest.blocks import Block
from ingest.model import ParsedCitation, ParsedClaim, ParsedPassage
from ingest.outlets import OutletRegistry
from ingest.pronouns import antecedent
from ingest.quotes import open_at, quote_only
from ingest.relations import qualify, sourcing_statement
from ingest.sentences import sentence_spans

# The version of the attribution of sentences (with ingest.attributions and
# ingest.relations): raise it whenever a change may find other claims, sources or
# relations in an archived story.
ATTRIBUTIONS_VERSION = 2  # 2: "X of the Y group" is a person affiliated
_SUBHEAD = re.compile(r"^[A-Z0-9][A-Z0-9 ,'’&:/().-]*[A-Z0-9)]$")
_SUBHEAD_WORDS = range(2, 13)


@dataclass(frozen=True, slots=True)
class Attributed:
    """The passages, and who the text says was asked and did not answer."""

    passages: tuple[ParsedPassage, ...]
    no_comment: tuple[ParsedCitation, ...] = ()


@dataclass(slots=True)
class _Reading:
    claims: list[list[ParsedClaim]] = field(default_factory=list)  # per passage
    no_comment: list[ParsedCitation] = field(default_factory=list)
    speakers: list[tuple[ParsedCitation, ...]] = field(default_factory=list)
    listed: tuple[ParsedCitation, ...] = ()  # who "X said:" before a list names
    before: list[str] = field(default_factory=list)  # the last two sentences
    since: int = 0  # sentences since the last claim

    @property
    def previous(self) -> tuple[ParsedCitation, ...]:
        for claims in reversed(self.claims):
            if claims:
                return claims[-1].citations
        return ()


def attributed_passages(
    body: tuple[Block, ...], headline: str | None, registry: OutletRegistry
) -> Attributed:
    """Passages in order; a heading equal to ``headline`` is not repeated."""
    passages: list[ParsedPassage] = []
    reading = _Reading()
    for block in body:
        if block.kind == "heading":
            if headline is None or block.text.casefold() != headline.casefold():
                passages.append(ParsedPassage("heading", block.text, level=block.level))
                reading.claims.append([])
        elif is_subhead(block.text):
            passages.append(ParsedPassage("heading", block.text, level=2))
            reading.claims.append([])
        else:
            kind = "list_item" if block.kind == "list_item" else "paragraph"
            passages.append(ParsedPassage(kind, block.text))
            claims = _claims(block.text, registry, reading)
            if kind == "list_item" and not claims and reading.listed:
                claims = [_whole(block.text, reading.listed)]  # "Obama said: • …"
            elif kind != "list_item":
                reading.listed = _introduces_list(block.text, claims)
            reading.claims.append(claims)
    passages = [
        replace(passage, claims=tuple(claims))
        for passage, claims in zip(passages, reading.claims, strict=True)
    ]
    return Attributed(tuple(passages), tuple(reading.no_comment))


def lead_sentence(body: tuple[Block, ...]) -> str:
    """The first sentence of the first paragraph that is not a heading."""
    for block in body:
        spans = sentence_spans(block.text)
        if spans and block.kind != "heading" and not is_subhead(block.text):
            start, end = spans[0]
            return block.text[start:end]
    return ""


def is_subhead(text: str) -> bool:
    """An all-capitals line such as "DRAWDOWN EXPECTED TO TAKE WEEKS"."""
    return bool(_SUBHEAD.match(text)) and len(text.split()) in _SUBHEAD_WORDS


def _claims(
    text: str, registry: OutletRegistry, reading: _Reading
) -> list[ParsedClaim]:
    """One claim per sentence that names its source (or its quote's speaker)."""
    spans = sentence_spans(text)
    found: list[tuple[ParsedCitation, ...]] = []
    last = reading.previous
    for start, end in spans:
        sentence = text[start:end]
        previous = antecedent(
            sentence, reading.before, reading.speakers, last, reading.since
        )
        citations = sentence_citations(sentence, registry, previous)
        reading.no_comment.extend(c for c in citations if c.no_comment)
        citations = tuple(c for c in citations if not c.no_comment)
        statement = None if citations else sourcing_statement(sentence)
        if statement:
            _qualify_previous(reading, found, *statement)
        found.append(citations)
        reading.before = [*reading.before[-1:], sentence]
        reading.since = 0 if citations else reading.since + 1
        if citations:
            reading.speakers.append(citations)
            last = citations
    if quote_only(text) and not any(found) and reading.previous:
        found = [reading.previous for _ in spans]  # the last speaker goes on
    found = _quotes_spoken(text, spans, found)
    return [
        ParsedClaim(text[start:end], start, end, citations=citations)
        for (start, end), citations in zip(spans, found, strict=True)
        if citations
    ]


def _introduces_list(text: str, claims: list[ParsedClaim]) -> tuple:
    """The sources of a paragraph ending "…, President Obama also said:"."""
    stripped = text.rstrip()
    if stripped.endswith(":") and claims and claims[-1].end >= len(stripped) - 1:
        return claims[-1].citations
    return ()


def _whole(text: str, citations: tuple[ParsedCitation, ...]) -> ParsedClaim:
    end = len(text.rstrip())
    return ParsedClaim(text[:end], 0, end, citations=citations)


def _quotes_spoken(
    text: str, spans: list[tuple[int, int]], found: list[tuple[ParsedCitation, ...]]
) -> list[tuple[ParsedCitation, ...]]:
    """A sentence inside a quotation cites whoever the quotation's attribution names."""
    found = list(found)
    opened = open_at(text, [end for _, end in spans])
    for index in range(len(spans) - 2, -1, -1):  # '"A. B," he said.' -> A is his
        if not found[index] and opened[index] and found[index + 1]:
            found[index] = found[index + 1]
    for index in range(1, len(spans)):  # 'X said, "A. B."' -> B is X's
        follows = opened[index - 1] or quote_only(text[slice(*spans[index])])
        if not found[index] and follows and found[index - 1]:
            found[index] = found[index - 1]  # '"A," X said. "B."' -> B is X's
    return found


def _qualify_previous(
    reading: _Reading,
    found: list[tuple[ParsedCitation, ...]],
    statement: str,
    count: int,
) -> None:
    """Attach a sourcing statement to the last ``count`` claims before it."""
    for index in range(len(found) - 1, -1, -1):  # this paragraph first
        if count and found[index]:
            found[index] = qualify(found[index], statement)
            count -= 1
    for claims in reversed(reading.claims):
        for index in range(len(claims) - 1, -1, -1):
            if not count:
                return
            claim = claims[index]
            claims[index] = replace(
                claim, citations=qualify(claim.citations, statement)
            )
            count -= 1
