"""Malformed LaTeX: one ParseError line that names the problem and its line."""

from __future__ import annotations

import time

import pytest

from ingest.errors import ParseError
from ingest.formats import latex

REFUSED = {
    "Text } more": "a closing brace '}' on line 1 matches no opening brace",
    "Line one\nText {more\n\nmore": "a brace '{' opened on line 2 is never closed",
    "A claim.\n\\footnote{never closed\n\nMore.": (
        "the \\footnote{ opened on line 2 is never closed"
    ),
    "A claim.\\footnote": "the \\footnote{ opened on line 1 is never closed",
    "Intro\n\\begin{itemize}\\item one": "\\begin{itemize} on line 2 is never ended",
    "\\begin{itemize}\n\\item one\n\\end{enumerate}": (
        "\\end{enumerate} on line 3 does not close \\begin{itemize} opened on line 1"
    ),
    "Text\n\\end{itemize}": "\\end{itemize} on line 2 ends an environment never begun",
    "\\begin{itemize}\n\\item A.\\footnote{unclosed\n\\end{itemize}": (
        "the \\footnote{ opened on line 2 is not closed before \\end{itemize} on line 3"
    ),
    "It costs $5 a day.": "a formula (math mode) opened on line 1 is never closed",
    "See \\url{https://ex.org\n\nMore.": "the \\url{ opened on line 1 is never closed",
    "See \\href{https://ex.org}": "the \\href{ opened on line 1 is never closed",
    "x\n" + "{" * 500 + "}" * 500: (
        "braces or environments nest more than 100 deep on line 2"
    ),
    "Use \\verb": "the \\verb{ opened on line 1 is never closed",
    "Code:\n\\begin{verbatim}\nx = 1\n": "\\begin{verbatim} on line 2 is never ended",
    "A \\begin{tabular}{ll": (
        "the arguments of \\begin{tabular} on line 1 are never closed"
    ),
    "Text \\end": "\\end on line 1 names no environment",
    "\\item[" * 20000: "brackets or braces nest too deep to read (over 100 levels)",
}


@pytest.mark.parametrize(("source", "reason"), REFUSED.items())
def test_malformed_source_is_refused_naming_the_problem(
    source: str, reason: str
) -> None:
    start = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        latex.read("bad.tex", source.encode())
    assert caught.value.reason == reason
    assert str(caught.value) == f"bad.tex: {reason}"
    assert time.perf_counter() - start < 5


def test_a_source_too_large_to_read_in_bounded_time_is_refused() -> None:
    source = ("word " * 1000 + "\n\n") * 500
    with pytest.raises(ParseError) as caught:
        latex.read("big.tex", source.encode())
    assert caught.value.reason == (
        "is a LaTeX source of more than 2 MiB; split it at its \\input files"
    )


def test_text_that_is_not_utf8_and_declares_nothing_is_refused() -> None:
    with pytest.raises(ParseError) as caught:
        latex.read("bad.tex", "\\section{Caf\xe9}".encode("latin-1"))
    assert caught.value.reason.startswith("is not valid UTF-8 (byte 0xe9")


@pytest.mark.parametrize(
    "source",
    [
        "In a formula: $\\footnotetext \\url \\section \\blackout$ done.",
        'An accent on a link: \\"\\href{http://x.org}{y} and \\c\\footnote{z}.',
        "$\\mbox{\\bf P}^{\\mathbf 5}$ and \\UseVerb x",
    ],
)
def test_odd_but_balanced_source_is_read_without_a_crash(source: str) -> None:
    """GIVEN macros where pylatexenc reads no arguments (inside a formula) or
    arguments that are themselves commands, THEN the reader still returns text."""
    assert latex.read("odd.tex", source.encode()).blocks
