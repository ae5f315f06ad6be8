"""``python -m bench.attributions`` on a slice: the sample stories, whose every
attribution and non-answer the parser must find, written between the markers."""

from __future__ import annotations

from pathlib import Path

from bench import attributions
from bench.attributions import BEGIN, END, main, measure, same_source


def test_sample_stories_are_read_in_full() -> None:
    (score,) = measure(only="archive/samples").values()
    assert score.labelled == 20 and score.silent_labelled == 5
    assert (score.found, score.matched, score.silent_matched) == (20, 20, 5)
    assert score.failures == []


def test_figures_go_between_the_markers_and_the_rest_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "ATTRIBUTIONS.md"
    out.write_text(f"# Intro\n\n{BEGIN}\nold\n{END}\n\nAfter.\n", encoding="utf-8")
    assert main(["--out", str(out), "--only", "reuters-2026"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Intro\n\n" + BEGIN)
    assert text.endswith(END + "\n\nAfter.\n")
    assert "old" not in text
    assert (
        "| sample | 11 | 11 | 11 | 100.0 % | 100.0 % | 3 | 100.0 % | 100.0 % |" in text
    )
    assert "Failures left (0):" in text


def test_a_missed_and_a_wrong_attribution_are_failures(tmp_path: Path) -> None:
    labels = tmp_path / "labels.toml"
    labels.write_text(
        "[[story]]\n"
        'path = "archive/samples/reuters-2026-02-23-us-forces-qasrak.txt"\n'
        'source = "sample"\n'
        'attributions = [["Dozens of trucks", "Centcom"], '
        '["Neither the Syrian defence", "sdf"]]\n',
        encoding="utf-8",
    )
    (score,) = measure(labels).values()
    assert score.matched == 0  # Centcom said nothing there; the SDF did not answer
    assert any("missed 'Centcom'" in f for f in score.failures)
    assert any("wrong 'witnesses'" in f for f in score.failures)


def test_sources_match_when_one_name_lies_within_the_other() -> None:
    norm = attributions.normalise
    assert same_source([norm("Mr. Reeves")], [norm("Reeves")])
    assert same_source([norm("the U.N. humanitarian office")], ["ocha", "un"])
    assert not same_source([norm("Iraqi officials")], [norm("Syrian officials")])
