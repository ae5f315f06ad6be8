"""Did you mean: the query again with each unknown word replaced by a near one.

Suggestions come from the unstemmed words of the passages (the words field), at
most two edits away; a word already in the index, an
operator, a field name or a field value is left as it is.
"""

from __future__ import annotations

import re

from whoosh.searching import Searcher as WhooshSearcher

from index.analysis import fold_word
from index.schema import WORDS_FIELD

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
