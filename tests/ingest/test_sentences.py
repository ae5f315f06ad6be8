from __future__ import annotations

import pytest

from ingest.sentences import sentence_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. forces left the base. The U.S. official said so.",
        "See pp. 12-13 for the figures. They were revised.",
        "See section 1.3.4. of the report. It covers 2024.",
        "Attacks rose in Dec. 2024 across the region. Most were small.",
        "Dr. Hamid Ali and Gen. Mazloum Abdi met. Nothing was agreed.",
    ],
)
def test_abbreviations_and_section_numbers_do_not_end_a_sentence(text: str) -> None:
    assert len(sentences(text)) == 2


def test_sentence_ends_after_closing_quote() -> None:
    text = 'He called it "a deliberate transition." Troops left.'
    assert sentences(text) == [
        'He called it "a deliberate transition."',
        "Troops left.",
    ]


def test_spans_cover_every_word_without_terminal_punctuation() -> None:
    assert sentences("First one. And a trailing fragment") == [
        "First one.",
        "And a trailing fragment",
    ]
