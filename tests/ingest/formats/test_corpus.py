"""Every real document of the development corpus is read as the kind it is.

The kinds and formats are those tests/fixtures/corpus/MANIFEST.md gives each file;
each format's own test module holds the file's ground truth in detail.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest import parse_path

CORPUS = Path(__file__).parents[2] / "fixtures" / "corpus"
EXPECTED = {
    "P01": ("report", "pdf", 4),
    "P02": ("report", "pdf", 15),
    "P03": ("report", "pdf", 13),
    "H01": ("report", "html", 379),
    "H02": ("report", "html", 80),
    "H03": ("wire", "html", 0),
    "H04": ("wire", "html", 0),
    "K01": ("report", "wikitext", 32),
    "K02": ("report", "wikitext", 7),
    "L01": ("report", "latex", 179),
    "D01": ("report", "markdown", 15),
    "D03": ("report", "markdown", 2),
    "W01": ("wire", "reuters-sgml", 0),
    "W02": ("wire", "reuters-sgml", 0),
    "W03": ("wire", "reuters-sgml", 0),
    "W04": ("wire", "reuters-sgml", 0),
    "W05": ("wire", "newsml-g2", 0),
    "W06": ("wire", "nitf", 0),
    "W07": ("wire", "newsml-1", 0),
    "W08": ("wire", "anpa", 0),
}


def corpus_file(key: str) -> Path:
    (path,) = CORPUS.glob(f"{key}_*")
    return path


def test_the_corpus_is_all_here() -> None:
    documents = {p.name[:3] for p in CORPUS.iterdir() if p.name[0] in "PHKLDW"}
    assert documents == set(EXPECTED)


@pytest.mark.parametrize(("key", "expected"), EXPECTED.items())
def test_each_corpus_document_is_read_as_its_kind_and_format(key, expected) -> None:
    kind, source_format, notes = expected
    parsed = parse_path(corpus_file(key))
    assert (parsed.kind, parsed.source_format, len(parsed.footnotes)) == expected
    assert parsed.passages
    undefined = [w for w in parsed.warnings if "never defined" in w]
    assert undefined == []
