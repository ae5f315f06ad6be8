"""Passage text is indexed exactly as its analyzer would index it, only faster."""

from __future__ import annotations

import random

from whoosh import fields

from index.analysis import text_analyzer
from index.schema import PassageText
from tests.index.conftest import AP, EUAA, REUTERS

PIECES = [
    "forces",
    "Forces",
    "FORCES",
    "U.S.",
    "U.S",
    "al-Sharaa",
    "Al-Sharaa",
    "Qasrak",
    "Qasrik",
    "Deir ez-Zor",
    "Ḥomṣ",
    "Homs",
    "حمص",
    "2025",
    "3.5",
    "e.g.",
    "ʿAyn",
    "children's",
    "—",
    "...",
    "’s",
    "café",
    "İdlib",
    "naïve",
    "x",
    "_",
    "a_b",
    "1,200",
]


def _as_the_analyzers_indexes(text: str) -> list:
    return sorted(fields.TEXT(analyzer=text_analyzer()).index(text))


def test_the_sample_documents_give_the_analyzers_postings():
    """
    GIVEN the three sample documents, line by line
    WHEN each line is indexed as passage text
    THEN the terms, frequencies, weights and positions are the analyzer's
    """
    field = PassageText()
    lines = [
        line
        for path in (EUAA, REUTERS, AP)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(lines) > 50
    for line in lines:
        assert sorted(field.index(line)) == _as_the_analyzers_indexes(line), line


def test_random_mixtures_of_scripts_marks_and_punctuation_give_the_same_postings():
    """
    GIVEN 500 random texts of words in several scripts, with marks, numbers and dots
    WHEN each is indexed as passage text, twice (the second from remembered stems)
    THEN both times the postings are the analyzer's
    """
    rng = random.Random(11)
    field = PassageText()
    for _ in range(500):
        text = " ".join(rng.choices(PIECES, k=rng.randint(0, 30)))
        expected = _as_the_analyzers_indexes(text)
        assert sorted(field.index(text)) == expected, text
        assert sorted(field.index(text)) == expected, text
