"""The write path on real databases: counts, idempotence, updates, atomicity."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from archive import store
from archive.batch import store_group
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    Marker,
    NoComment,
    Outlet,
    Passage,
)
from ingest import ParseOptions, parse_path
from ingest.kinds import report
from ingest.loader import load, load_bytes
from tests.conftest import FIXTURES

EUAA = FIXTURES / "report" / "euaa-syria-country-focus-3-4.txt"


def count(sessions, model) -> int:
    with sessions() as session:
        return session.scalar(select(func.count()).select_from(model))


def parse_text(name: str, text: str):
    return report.parse(load_bytes(name, text.encode()), ParseOptions())


def section(number: str, body: str, notes: str) -> str:
    return (
        f"Please cite as: EUAA, '{number}. Part' in *COI Report - Iraq: Test*, "
        "May 2025.\n\n"
        f"{number}. Part\n\n{body}\n\n{notes}\n"
    )


def test_seed_report_is_stored_with_its_ground_truth(sessions) -> None:
    result = store(sessions, report.parse(load(EUAA), ParseOptions()))
    assert result.status == "added"
    assert count(sessions, Marker) == 18
    assert count(sessions, Footnote) == 18
    assert count(sessions, Citation) == 26
    assert count(sessions, CitedWork) == 19
    with sessions() as session:
        cited = session.scalars(select(Citation.outlet_id).distinct()).all()
    assert len(cited) == 7
    with sessions() as session:
        by_outlet = dict(
            session.execute(
                select(Outlet.slug, func.count(Citation.id))
                .join(Citation.outlet)
                .group_by(Outlet.slug)
            ).all()
        )
        linked = session.scalar(
            select(func.count())
            .select_from(Marker)
            .where(Marker.footnote_id.is_not(None))
        )
    assert by_outlet == {
        "sohr": 15, "al-jazeera": 4, "inss": 2, "usdod": 2, "npr": 1, "usip": 1,
        "nbc-news": 1,
    }  # fmt: skip
    assert linked == 18


def test_same_bytes_again_is_unchanged_and_writes_nothing(sessions) -> None:
    parsed = report.parse(load(EUAA), ParseOptions())
    first = store(sessions, parsed)
    again = store(sessions, parsed)
    assert (again.status, again.document_id) == ("unchanged", first.document_id)
    assert count(sessions, Document) == 1
    assert count(sessions, Citation) == 26


def test_changed_file_replaces_its_version_and_keeps_the_id(sessions, tmp_path) -> None:
    path = tmp_path / "section.txt"
    path.write_text(EUAA.read_text(encoding="utf-8"), encoding="utf-8")
    first = store(sessions, report.parse(load(path), ParseOptions()))
    path.write_text(
        EUAA.read_text(encoding="utf-8").replace(
            "around 2 000 US troops", "some 2 000"
        ),
        encoding="utf-8",
    )
    second = store(sessions, report.parse(load(path), ParseOptions()))
    assert (second.status, second.document_id) == ("updated", first.document_id)
    assert count(sessions, Document) == 1
    assert count(sessions, Passage) == 6
    assert count(sessions, Citation) == 26
    assert count(sessions, CitedWork) == 19
    with sessions() as session:
        texts = session.scalars(select(Claim.text)).all()
    assert any("some 2 000" in text for text in texts)


def test_failure_half_way_leaves_no_trace_of_the_document(sessions) -> None:
    """
    GIVEN a parsed report whose second footnote repeats the first one's label
    WHEN it is stored (the database refuses the duplicate after passages,
         claims and citations were written in the same transaction)
    THEN nothing of the document remains
    """
    parsed = report.parse(load(EUAA), ParseOptions())
    broken = dataclasses.replace(
        parsed,
        footnotes=(
            parsed.footnotes[0],
            dataclasses.replace(parsed.footnotes[1], label=parsed.footnotes[0].label),
        ),
    )
    with pytest.raises(IntegrityError):
        store(sessions, broken)
    for model in (Document, Passage, Claim, Footnote, Citation, CitedWork, Outlet):
        assert count(sessions, model) == 0, model.__name__


def test_one_bad_document_in_a_group_fails_alone(sessions) -> None:
    """
    GIVEN three parsed files stored in one transaction, the second of which the
          database refuses half way (a repeated footnote label)
    WHEN the group is stored
    THEN the other two are stored, the second fails, and nothing of it remains
    """
    parsed = report.parse(load(EUAA), ParseOptions())
    broken = dataclasses.replace(
        parse_text("broken.md", section("3.1", "Text.[^1]", "[^1]: SOHR, A, 2025")),
        footnotes=(parsed.footnotes[0], parsed.footnotes[0]),
    )
    other = parse_text("other.md", section("3.2", "More.[^1]", "[^1]: SNHR, B, 2025"))
    files = [(Path("euaa.txt"), parsed), (Path("broken.md"), broken)]
    files += [(Path("other.md"), other), (Path("unread.txt"), "could not be read")]
    told: list[tuple[int, int]] = []
    outcomes = store_group(
        files, sessions, ParseOptions(), lambda *stored: told.append(stored)
    )
    assert [o.status for o in outcomes] == ["added", "failed", "added", "failed"]
    assert "could not be stored" in outcomes[1].error
    assert outcomes[3].error == "could not be read"
    assert count(sessions, Document) == 2
    with sessions() as session:
        sections = session.scalars(select(Document.section_number)).all()
    assert set(sections) == {"3.2", parsed.section_number}
    assert told == [
        (outcomes[0].document, len(parsed.passages)),
        (outcomes[2].document, len(other.passages)),
    ]


def test_sections_of_one_report_share_their_footnote_numbering(sessions) -> None:
    """
    GIVEN two sections of one report, the first citing footnote 12 that only
          the second defines
    WHEN the first is stored before the second
    THEN its marker is tied to the second section's footnote
    """
    first = section(
        "1.1",
        "Shelling hit Ariha.[^12] Schools closed.[^13]",
        "[^13]: SNHR, Report, 1 May 2025",
    )
    second = section(
        "1.2", "Roads reopened.[^12]", "[^12]: OCHA, Flash update, 2 May 2025"
    )
    store(sessions, parse_text("one.md", first))
    store(sessions, parse_text("two.md", second))
    with sessions() as session:
        markers = session.execute(
            select(Marker.label, Footnote.label, Document.section_number)
            .join(Marker.footnote)
            .join(Footnote.document)
            .order_by(Marker.id)
        ).all()
    assert markers == [("12", "12", "1.2"), ("13", "13", "1.1"), ("12", "12", "1.2")]


def test_same_work_cited_by_two_reports_is_one_record(sessions) -> None:
    note = "[^1]: SOHR, Clashes in “Raqqa”, 3 March 2025"
    store(sessions, parse_text("a.md", section("2.1", "Clashes.[^1]", note)))
    other = "[^1]: Syrian Observatory for Human Rights, Clashes in Raqqa, 3 March 2025"
    store(sessions, parse_text("b.md", section("2.2", "More clashes.[^1]", other)))
    assert count(sessions, Citation) == 2
    assert count(sessions, CitedWork) == 1


def test_unknown_outlet_is_stored_as_written(sessions) -> None:
    note = "[^1]: Levant24, Electricity returns to Homs, 4 April 2025"
    store(sessions, parse_text("c.md", section("3.1", "Power is back.[^1]", note)))
    with sessions() as session:
        outlet = session.scalars(
            select(Outlet).where(Outlet.slug == "x-levant24")
        ).one()
    assert (outlet.short_name, outlet.known) == ("Levant24", False)


def test_paths_are_not_part_of_identity_for_report_sections(
    sessions, tmp_path: Path
) -> None:
    text = section(
        "4.1", "Fighting resumed.[^1]", "[^1]: ISW, Iran Update, 4 March 2025"
    )
    one = store(sessions, parse_text(str(tmp_path / "x.md"), text))
    moved = store(sessions, parse_text(str(tmp_path / "y.md"), text + "\nMore.\n"))
    assert (moved.status, moved.document_id) == ("updated", one.document_id)


def test_a_long_story_of_non_answers_is_stored_with_its_asked_list(
    sessions, tmp_path: Path
) -> None:
    """A 5,000-sentence story: every third sentence a non-answer, stored as asked,
    never as a claim or a citation; a new version replaces the list."""
    sentences = []
    for n in range(5000):
        sentences.append(
            (
                f"An official said convoy {n} left.",
                f'"We saw truck {n}," he said.',
                f"The ministry did not respond to request {n}.",
            )[n % 3]
        )
    path = tmp_path / "long.txt"
    path.write_text("DAMASCUS, Feb 23 (Reuters) - " + " ".join(sentences) + "\n")
    parsed = parse_path(path)
    store(sessions, parsed)
    assert count(sessions, NoComment) == 1666
    assert count(sessions, Claim) == 3334
    assert count(sessions, Citation) == 3334
    path.write_text("DAMASCUS, Feb 23 (Reuters) - Officials said it ended.\n")
    store(sessions, parse_path(path))
    assert (count(sessions, NoComment), count(sessions, Claim)) == (0, 1)
