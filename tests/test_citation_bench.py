"""The labeled citation set and the accuracy script (bench/citations.py).

No accuracy or speed is asserted: the figures are the script's output. What is
asserted is that the set holds what its SOURCES.md promises, that the held-out
part is fixed, that fields are scored as CITATIONS.md says, and that the script
runs end to end on a tiny slice and writes its tables between the markers.
"""

from __future__ import annotations

import json
from pathlib import Path

from bench import citation_set
from bench.citation_scores import Got, overlap, score
from bench.citations import main
from ingest.outlets import load_registry

FIXTURES = Path(__file__).parent / "fixtures" / "citations"
KEYS = {
    "text",
    "doc",
    "style",
    "kind",
    "authors",
    "outlet",
    "publisher",
    "title",
    "date",
    "accessed",
    "url",
    "pages",
    "labels",
}


def test_the_set_holds_at_least_500_labeled_citations_with_every_field():
    records = citation_set.load(FIXTURES)

    assert len(records) >= 500
    assert all(KEYS <= set(r) for r in records)
    assert len({r["text"] for r in records}) == len(records)
    kinds = {r["kind"] for r in records}
    assert kinds <= {"news", "web", "report", "journal", "book", "legal", "other"}


def test_a_fixed_quarter_is_held_out_by_the_text_alone():
    records = citation_set.load(FIXTURES)
    held = [r for r in records if citation_set.held_out(r["text"])]

    assert 0.2 < len(held) / len(records) < 0.3
    assert citation_set.held_out(held[0]["text"])


def test_the_generated_part_is_rebuilt_byte_for_byte(tmp_path: Path):
    out = tmp_path / "wikipedia.jsonl"
    citation_set.main(["--out", str(out)])

    assert out.read_bytes() == (FIXTURES / "wikipedia.jsonl").read_bytes()


def test_the_manifest_note_of_the_new_zealand_prime_minister_is_labeled_from_its_page():
    records = {r["text"]: r for r in citation_set.load(FIXTURES) if r["doc"] == "H01"}
    (record,) = [r for t, r in records.items() if t.startswith('"Jacinda Ardern sworn')]

    assert record["title"] == "Jacinda Ardern sworn in as new Prime Minister"
    assert record["outlet"] == "New Zealand Herald"
    assert record["date"] == "2017-10-26"
    assert record["accessed"] == "2017-10-26"
    assert record["url"].endswith("objectid=11936791")


def test_a_title_is_right_from_an_overlap_of_four_fifths():
    assert overlap("Syria: Detention, Torture", "syria detention torture") == 1.0
    assert (
        overlap("Syria: Detention, Torture, 2 May 2024", "Syria: Detention, Torture")
        < 0.8
    )


def test_an_outlet_is_right_by_alias_and_a_wrong_title_counts_when_confident():
    expected = {"title": "A report", "outlet": "Human Rights Watch", "date": "2024-05"}
    got = Got(title="Another thing", outlet="HRW", date="2024-05-02", confidence=0.9)

    marks = score(got, expected, load_registry())

    assert marks == {
        "title": False,
        "confident_wrong": True,
        "year": True,
        "date": False,
        "outlet": True,
    }


def test_the_script_writes_its_tables_between_the_markers_and_keeps_the_rest(
    tmp_path: Path,
):
    """
    GIVEN a tiny slice of the set, a slice of AnyStyle and a CITATIONS.md with text
    WHEN the script runs with --out
    THEN the tables stand between the archive reader's markers, the text around them
    is kept, and a second run replaces the tables instead of adding them again
    """
    lines = (FIXTURES / "notes.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    (tmp_path / "set").mkdir()
    (tmp_path / "set" / "slice.jsonl").write_text("\n".join(lines) + "\n")
    out = tmp_path / "CITATIONS.md"
    out.write_text(
        "# Citations\n\nBefore.\n\n<!-- figures:archive -->\nold\n"
        "<!-- /figures:archive -->\n\nAfter.\n"
    )
    args = [
        "--set",
        str(tmp_path / "set"),
        "--anystyle",
        str(FIXTURES / "anystyle"),
        "--out",
        str(out),
    ]

    assert main(args) == 0
    assert main(args) == 0

    text = out.read_text()
    assert text.startswith("# Citations\n\nBefore.\n\n<!-- figures:archive -->\n")
    assert text.endswith("<!-- /figures:archive -->\n\nAfter.\n")
    assert text.count("<!-- figures:archive -->") == 1
    assert "old" not in text
    assert "| all | 12 |" in text
    assert "AnyStyle references" in text
    assert "citations per second" in text
    assert json.loads(lines[0])["doc"] == "P01"


def test_a_cite_news_template_is_rendered_as_cs1_shows_it_and_labeled_by_its_fields():
    """The K02 Chicago Tribune note, as MANIFEST.md transcribes it."""
    records = [r for r in citation_set.load(FIXTURES) if r["doc"] == "K02"]
    (record,) = [r for r in records if "Chicago Tribune" in r["text"]]

    assert record["text"] == (
        '"Murchison Sr. Dies; Fortune near ½ billion". Chicago Tribune. UPI. '
        "June 21, 1969. Retrieved December 31, 2014."
    )
    assert record["title"] == "Murchison Sr. Dies; Fortune near ½ billion"
    assert record["outlet"] == "Chicago Tribune"
    assert record["date"] == "1969-06-21"
    assert record["kind"] == "news"
    assert record["url"] == (
        "http://archives.chicagotribune.com/1969/06/21/page/78/article/"
        "murchison-sr-dies-fortune-near-1-2-billion"
    )
    assert record["links"][0]["text"] == record["title"]
