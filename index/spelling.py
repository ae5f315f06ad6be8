"""Spellings: "did you mean" (the query again with each unknown word replaced by a
near one), and the other spellings of the searched names that the hits hold.

Suggestions come from the unstemmed words of the passages (the words field), at
most two edits away and sharing the first letter, found by Whoosh's own
corrector (a Levenshtein automaton walked over each segment's word list); a
word already in the index, an operator, a field name or a field value is left
as it is.

The work is bounded: an automaton grows with the word, so words over
``MAX_WORD`` letters (no word of the passages is that long; a 999-letter word
took 6 s on the medium benchmark corpus) are not respelled; at most
``MAX_RESPELLED`` different unknown words of a query are looked up, each once
(199 unknown words took 15 s); the shared first letter makes a look-up 3-4
times cheaper (10-40 ms on medium). The search's deadline is checked before
each look-up.
"""

from __future__ import annotations

import re

import numpy as np
from whoosh import query as wq
from whoosh.searching import Searcher as WhooshSearcher

from archive.names import fold
from index.analysis import FORM_SEPARATOR, fold_word
from index.deadline import NO_LIMIT, Deadline
from index.errors import SearchQueryError
from index.postings import doc_ids
from index.query import expand_words, parse_query
from index.results import SearchRequest
from index.schema import WORDS_FIELD
from index.snippets import Matcher

MAX_WORD = 30
MAX_RESPELLED = 8
MAX_EXPANSIONS = 1000
_WORD = re.compile(r"(?<![\w:*?])([^\W\d_]{3,})(?![\w:*?])")
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def did_you_mean(
    searcher: WhooshSearcher,
    request: SearchRequest,
    narrow: wq.Query | None,
    deadline: Deadline = NO_LIMIT,
) -> tuple[str | None, tuple[str, ...]]:
    """A respelling of the query, offered only if it finds something; notices."""
    suggestion, too_long = respelled(searcher, request.query, deadline)
    notices = (
        (f"no spelling suggestion is looked for words over {MAX_WORD} letters",)
        if too_long
        else ()
    )
    if suggestion is None:
        return None, notices
    try:
        q = parse_query(suggestion, searcher.schema, request.exact).query
        q = expand_words(q, searcher.reader(), MAX_EXPANSIONS)
    except SearchQueryError:
        return None, notices
    deadline.check()
    found = searcher.search(q, limit=1, filter=narrow)
    return (suggestion if len(found) else None), notices


def respelled(
    searcher: WhooshSearcher, text: str, deadline: Deadline = NO_LIMIT
) -> tuple[str | None, bool]:
    """``text`` with its unknown words corrected (or None if none could be), and
    whether a word was too long to look up."""
    reader = searcher.reader()
    corrector = searcher.corrector(WORDS_FIELD)
    changed = too_long = False
    found: dict[str, list[str]] = {}  # a word repeated is looked up once

    def replace(match: re.Match[str]) -> str:
        nonlocal changed, too_long
        word = match.group(1)
        folded = fold_word(word)
        if len(folded) > MAX_WORD:
            too_long = True
            return word
        if word in _OPERATORS or (WORDS_FIELD, folded) in reader:
            return word
        if folded not in found:
            if len(found) >= MAX_RESPELLED:
                return word
            deadline.check()
            found[folded] = corrector.suggest(folded, limit=1, maxdist=2, prefix=1)
        options = found[folded]
        if not options:
            return word
        changed = True
        return options[0].capitalize() if word[0].isupper() else options[0]

    corrected = _WORD.sub(replace, text)
    return (corrected if changed else None), too_long


def variants_among(
    searcher: WhooshSearcher,
    matcher: Matcher,
    exact: set[str],
    docs: np.ndarray,
    deadline: Deadline = NO_LIMIT,
) -> tuple[str, ...]:
    """Spellings of the searched names, other than the ones typed, among the hits
    (those found by the deadline)."""
    if not matcher.keys:
        return ()
    reader = searcher.reader()
    found: dict[str, None] = {}
    for key in sorted(matcher.keys):
        if deadline.passed():
            break
        for term in reader.expand_prefix("forms", f"{key}{FORM_SEPARATOR}"):
            term = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            spelling = term.split(FORM_SEPARATOR, 1)[1]
            if fold(spelling) in exact or spelling in found:
                continue
            if np.isin(doc_ids(reader, "forms", term), docs, assume_unique=True).any():
                found[spelling] = None
    return tuple(found)
