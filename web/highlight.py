"""A document opened at a search's hits: its matching passages and marked words.

``/documents/12?q=Qasrak`` asks the index where the query matches in document 12
(``Searcher.within``): the anchors of its matching passages, in reading order,
and the words, as written, that the index's analyzer matched there (Qasrik too).
The page marks every place those words are written and gives a "match 1 of 4"
bar with links from match to match, which work without JavaScript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index import IndexUnavailable, InDocument, SearchQueryError

WORD_EDGE = r"(?<![\w-]){}(?![\w-])"


@dataclass(frozen=True, slots=True)
class Match:
    """One matching passage: its place among the matches and its neighbours."""

    number: int
    anchor: str
    previous: str | None
    next: str | None


@dataclass(frozen=True, slots=True)
class Highlight:
    """The query, its matching passages (by anchor) and the pattern of its words."""

    query: str
    matches: dict[str, Match]
    pattern: re.Pattern | None
    problem: str | None = None

    @property
    def total(self) -> int:
        return len(self.matches)

    @property
    def first(self) -> Match | None:
        return next(iter(self.matches.values()), None)

    @property
    def last(self) -> Match | None:
        return next(reversed(self.matches.values()), None)

    def parts(self, text: str) -> list[tuple[str, bool]]:
        """``text`` cut into parts, each marked as a matched word or not."""
        if self.pattern is None:
            return [(text, False)]
        parts: list[tuple[str, bool]] = []
        at = 0
        for found in self.pattern.finditer(text):
            if found.start() > at:
                parts.append((text[at : found.start()], False))
            parts.append((found.group(), True))
            at = found.end()
        if at < len(text):
            parts.append((text[at:], False))
        return parts


def highlight(query: str, where) -> Highlight:
    """The highlight of ``query`` given ``where`` (a function from the query to an
    ``InDocument``); a query the index refuses gives no marks and says why."""
    try:
        found: InDocument = where(query)
    except (SearchQueryError, IndexUnavailable) as error:
        return Highlight(query, {}, None, str(error))
    anchors = found.anchors
    matches = {
        anchor: Match(
            number + 1,
            anchor,
            anchors[number - 1] if number else None,
            anchors[number + 1] if number + 1 < len(anchors) else None,
        )
        for number, anchor in enumerate(anchors)
    }
    words = sorted(found.words, key=lambda w: (-len(w), w))
    pattern = (
        re.compile("|".join(WORD_EDGE.format(re.escape(w)) for w in words))
        if words
        else None
    )
    return Highlight(query, matches, pattern)
