"""Spellings: "did you mean" (the query again with each unknown word replaced by a
near one), and the other spellings of the searched names that the hits hold.

Suggestions come from the unstemmed words of the passages (the words field), at
most two edits away; a word already in the index, an
operator, a field name or a field value is left as it is.
"""

from __future__ import annotations

import re

import numpy as np
from whoosh.searching import Searcher as WhooshSearcher

from archive.names import fold
from index.analysis import FORM_SEPARATOR, fold_word
from index.postings import doc_ids
from index.schema import WORDS_FIELD
from index.snippets import Matcher

_WORD = re.compile(r"(?<![\w:*?])([^\W\d_]{3,})(?![\w:*?])")
_OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})


def respelled(searcher: WhooshSearcher, text: str) -> str | None:
    """``text`` with its unknown words corrected, or None if none could be."""
    reader = searcher.reader()
    corrector = searcher.corrector(WORDS_FIELD)
    changed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(1)
        folded = fold_word(word)
        if word in _OPERATORS or (WORDS_FIELD, folded) in reader:
            return word
        options = corrector.suggest(folded, limit=1, maxdist=2)
        if not options:
            return word
        changed = True
        return options[0].capitalize() if word[0].isupper() else options[0]

    corrected = _WORD.sub(replace, text)
    return corrected if changed else None


def variants_among(
    searcher: WhooshSearcher, matcher: Matcher, exact: set[str], docs: np.ndarray
) -> tuple[str, ...]:
    """Spellings of the searched names, other than the ones typed, among the hits."""
    if not matcher.keys:
        return ()
    reader = searcher.reader()
    found: dict[str, None] = {}
    for key in sorted(matcher.keys):
        for term in reader.expand_prefix("forms", f"{key}{FORM_SEPARATOR}"):
            term = term.decode("utf-8") if isinstance(term, bytes) else str(term)
            spelling = term.split(FORM_SEPARATOR, 1)[1]
            if fold(spelling) in exact or spelling in found:
                continue
            if np.isin(doc_ids(reader, "forms", term), docs, assume_unique=True).any():
                found[spelling] = None
    return tuple(found)
