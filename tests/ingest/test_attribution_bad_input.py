"""Stories that push the attribution reader: all quotes, thousands of sentences,
only a dateline, quotes that never close, a byline of 300 names. Each is stored
as what it is or refused with a clear message, in bounded time."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from ingest import ParseError, parse_path

DATELINE = "DAMASCUS, Feb 23 (Reuters) - "
SECONDS = 10  # far above what any of these takes; a quadratic slip would not fit


def story(tmp_path: Path, body: str, name: str = "story.txt") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def timed(path: Path):
    started = time.perf_counter()
    parsed = parse_path(path)
    assert time.perf_counter() - started < SECONDS
    return parsed


def test_a_story_of_quotes_only_is_stored_without_sources(tmp_path: Path) -> None:
    quotes = " ".join(f'"We will hold line {n}."' for n in range(40))
    parsed = timed(story(tmp_path, DATELINE + quotes + "\n"))
    assert parsed.kind == "wire"
    assert parsed.claims == ()  # nobody is named: no quote is given a speaker
    assert parsed.no_comment == ()


def test_quotes_after_a_named_speaker_are_his(tmp_path: Path) -> None:
    text = (
        f'{DATELINE}"The base is empty," said Farhad Shami, an SDF spokesman.\n\n'
        + "\n\n".join(f'"We left line {n}."' for n in range(30))
        + "\n"
    )
    parsed = timed(story(tmp_path, text))
    assert len(parsed.claims) == 31
    assert {c.citations[0].description for c in parsed.claims} == {
        "Farhad Shami, an SDF spokesman"
    }


def test_five_thousand_sentences_in_bounded_time(tmp_path: Path) -> None:
    sentences = []
    for n in range(5000):
        if n % 3 == 0:
            sentences.append(f"An official said convoy {n} left the base.")
        elif n % 3 == 1:
            sentences.append(f'"We saw truck {n}," he said.')
        else:
            sentences.append(f"The ministry did not respond to request {n}.")
    paragraphs = [" ".join(sentences[i : i + 50]) for i in range(0, 5000, 50)]
    one_paragraph = story(tmp_path, DATELINE + " ".join(sentences) + "\n", "one.txt")
    many = story(tmp_path, DATELINE + "\n\n".join(paragraphs) + "\n", "many.txt")
    for path in (one_paragraph, many):
        parsed = timed(path)
        assert len(parsed.no_comment) == 1666
        assert len(parsed.claims) == 1667 + 1667


def test_a_dateline_only_file_is_refused_with_a_reason(tmp_path: Path) -> None:
    with pytest.raises(ParseError) as caught:
        timed(story(tmp_path, "DAMASCUS, Feb 23 (Reuters) -\n"))
    assert "no story text" in caught.value.reason or "holds no" in caught.value.reason


def test_quotes_that_never_close_do_not_spread_a_speaker(tmp_path: Path) -> None:
    text = (
        f'{DATELINE}"The convoy left at dawn, said an official.\n\n'
        '"Nobody closed this quote either. Nor this one.\n\n'
        "Trucks were seen on the highway.\n"
    )
    parsed = timed(story(tmp_path, text))
    cited = {c.text: [x.description for x in c.citations] for c in parsed.claims}
    assert cited == {'"The convoy left at dawn, said an official.': ["an official"]}


def test_a_byline_of_three_hundred_names_is_stored(tmp_path: Path) -> None:
    names = ", ".join(f"Writer{chr(65 + n % 26)} Name{n}" for n in range(299))
    text = f"By {names} and Last Writer\n\n{DATELINE}Officials said it was over.\n"
    parsed = timed(story(tmp_path, text))
    assert parsed.kind == "wire"
    assert [c.text for c in parsed.claims] == ["Officials said it was over."]
