"""Sentence boundaries for English report and news prose.

Rule-based and conservative: a full stop ends a sentence unless it closes an
abbreviation ("U.S.", "pp.", "Dec."), an initial ("J.") or a section number
("1.3.4."), and the next word starts like a sentence.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    """
    u.s u.k u.n e.u u.s.a u.a.e mr mrs ms dr prof gen lt col maj capt sgt adm cmdr
    gov sen rep rev st mt ft jr sr co corp inc ltd bros no nos vol vols p pp para
    paras ch chap sec art fig figs ed eds e.g i.e cf viz al approx est dept univ
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri
    sat sun a.m p.m ibid op cit vs v
    """.split()
)
# A sentence starts with a capital or a digit, or with a bracket: an editor's
# "[T]he", a "[12]" marker, or a redaction such as "[redacted: ...]".
_CANDIDATE = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+(?:[\"'“‘(]?[A-Z0-9]|\[))")
_LAST_TOKEN = re.compile(r"(\S+)$")
_SECTION_NUMBER = re.compile(r"^\(?\d+(?:\.\d+)+\.$")
_INITIAL = re.compile(r"^[A-Z]\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``; together they cover all its words."""
    spans: list[tuple[int, int]] = []
    start = _skip_space(text, 0)
    for match in _CANDIDATE.finditer(text):
        if match.end() <= start or not _ends_sentence(text, start, match):
            continue
        spans.append((start, match.end()))
        start = _skip_space(text, match.end())
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans


def _ends_sentence(text: str, start: int, match: re.Match[str]) -> bool:
    if text[match.start()] != ".":
        return True
    token = _LAST_TOKEN.search(text, start, match.start() + 1)
    if token is None:
        return True
    word = token.group(1).lstrip("(\"'“‘[")
    if _SECTION_NUMBER.match(word) or _INITIAL.match(word):
        return False
    return word[:-1].casefold() not in ABBREVIATIONS


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index
