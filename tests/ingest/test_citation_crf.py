"""The statistical citation reader (ingest/citation_crf.py) and its training.

No accuracy is asserted here (the figures are in CITATIONS.md, measured by
``python -m bench.citations --reader crf``). What is asserted: the pipeline runs
end to end (train on a small slice, load, read a held-out string), the shipped
model reads a footnote of the archive's kind into fields, and bad input is read
or refused, never a traceback or a hang.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench import anystyle, citation_set
from bench.crf_examples import from_anystyle, from_record
from bench.train_citation_crf import train
from ingest.citation_crf import LABELS, MODEL, CrfReader, CrfReading, read
from ingest.citation_tokens import MAX_CHARACTERS, tokens

FIXTURES = Path(__file__).parent.parent / "fixtures" / "citations"


@pytest.fixture(scope="module")
def small_model(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("crf") / "small.crfsuite"
    count = train(FIXTURES / "anystyle", FIXTURES, out, limit=200, iterations=30)
    assert count > 200
    return out


def test_a_model_trained_on_a_small_slice_reads_a_held_out_string(small_model: Path):
    """
    GIVEN a model trained on 200 AnyStyle references and 200 labeled footnotes
    WHEN it reads a string held out of training
    THEN it gives a reading with a title and a confidence in [0, 1]
    """
    text = next(
        r["text"]
        for r in citation_set.load(FIXTURES)
        if citation_set.held_out(r["text"]) and r["title"]
    )

    reading = CrfReader(small_model).read(text)

    assert isinstance(reading, CrfReading)
    assert reading.title
    assert 0.0 <= reading.confidence <= 1.0


def test_training_on_the_same_slice_gives_the_same_model(small_model: Path, tmp_path):
    again = tmp_path / "again.crfsuite"
    train(FIXTURES / "anystyle", FIXTURES, again, limit=200, iterations=30)

    assert again.read_bytes() == small_model.read_bytes()


def test_held_out_strings_are_never_training_examples():
    from bench.train_citation_crf import examples

    texts = {text for _, _, text in examples(FIXTURES / "anystyle", FIXTURES)}
    held = [
        r["text"]
        for r in citation_set.load(FIXTURES)
        if citation_set.held_out(r["text"])
    ]
    held_references = [
        r["text"]
        for r in anystyle.load(FIXTURES / "anystyle")
        if citation_set.held_out(r["text"])
    ]

    assert held and held_references
    assert not set(held + held_references) & texts


def test_the_shipped_model_reads_a_chicago_note_into_its_fields():
    assert MODEL.exists(), "ingest/data/citations.crfsuite is shipped with the package"

    reading = read(
        "Luisa Krol, “The World’s Billionaires,” Forbes, March 5, 2008, "
        "http://www.forbes.com/2008/03/05/billionaires.html"
    )

    assert reading.title == "The World’s Billionaires"
    assert reading.authors == ("Luisa Krol",)
    assert reading.date == "March 5, 2008"
    assert reading.url == "http://www.forbes.com/2008/03/05/billionaires.html"


def test_an_aligned_footnote_labels_its_fields_and_leaves_the_rest_other():
    record = {
        "text": "HRW, Syria: Detention, Torture, 2 May 2024, https://hrw.org/x",
        "title": "Syria: Detention, Torture",
        "outlet": "HRW",
        "publisher": None,
        "authors": [],
        "date": "2024-05-02",
        "accessed": None,
        "url": "https://hrw.org/x",
        "pages": None,
    }

    toks, labels, _ = from_record(record)

    by_label = {}
    for token, label in zip(toks, labels, strict=True):
        by_label.setdefault(label, []).append(token.text)
    assert by_label["outlet"] == ["HRW", ","]
    assert by_label["title"][:3] == ["Syria", ":", "Detention"]
    assert by_label["date"] == ["2", "May", "2024", ","]
    assert by_label["url"] == ["https://hrw.org/x"]
    assert set(labels) <= set(LABELS)


def test_anystyle_pieces_give_their_labels_to_their_tokens():
    toks, labels, text = from_anystyle(
        [("author", "Thorne, D."), ("date", "(1997)."), ("journal", "Calgary Herald,")]
    )

    assert text == "Thorne, D. (1997). Calgary Herald,"
    assert [t.text for t in toks][:4] == ["Thorne", ",", "D", "."]
    assert labels == ["author"] * 4 + ["date"] * 4 + ["outlet"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "x" * 100_000,
        "word " * 20_000,
        ".,;:!?-–—()[]" * 50,
        "https://example.org/" + "a" * 10_000,
        "\x00\x07\x1b Reuters\x7f, title\u200f, 2024",
        "\u202bالجزيرة، \u202cسوريا: تقرير، ٢٠٢٤; Коммерсантъ, Сирия, 12 марта 2024",
    ],
    ids=["100k-word", "20k-words", "punctuation", "long-url", "control", "mixed-rtl"],
)
def test_bad_input_is_read_or_refused_in_bounded_time(text: str):
    started = time.perf_counter()

    reading = read(text)

    assert reading is None or isinstance(reading, CrfReading)
    assert time.perf_counter() - started < 2.0
    assert len(tokens(text)) <= MAX_CHARACTERS


def test_a_string_of_only_punctuation_is_not_read():
    assert read(".,;:!?-–—()[]" * 50) is None
    assert read("") is None


def test_a_publisher_of_two_sentences_is_parted_into_outlet_and_publisher():
    from ingest.citation_crf import _split_container

    two = {"publisher": "Stuff.co.nz. Fairfax NZ"}
    abbreviated = {"publisher": "U.S. Department of State"}
    with_outlet = {"outlet": "The Age", "publisher": "Fairfax. Melbourne"}

    _split_container(two)
    _split_container(abbreviated)
    _split_container(with_outlet)

    assert two == {"outlet": "Stuff.co.nz", "publisher": "Fairfax NZ"}
    assert abbreviated == {"publisher": "U.S. Department of State"}
    assert with_outlet == {"outlet": "The Age", "publisher": "Fairfax. Melbourne"}


def test_a_list_of_inverted_names_is_read_name_by_name():
    """A Nature Energy paper cited in a research note (2026): nine authors written
    "Last, F. M.," in a row, the last after "&"."""
    found = read(
        "Buchen, J. R., Wang, T., Geiger, B. K., Gluz, N. Y., Artoul, M., "
        'Hiegel, J.-P., Achrai, B., Setzler, B. P. & Yan, Y. "A Ni(OH)2 symmetric '
        "battery cell for hydroxide exchange membrane-based direct air capture of "
        'CO2." Nature Energy (2026). https://doi.org/10.1038/s41560-026-02129-z'
    )
    assert found is not None
    assert [name.split(",")[0] for name in found.authors] == [
        "Buchen", "Wang", "Geiger", "Gluz", "Artoul", "Hiegel", "Achrai", "Setzler",
        "Yan",
    ]  # fmt: skip
    assert found.authors[0] == "Buchen, J. R."
