"""Derived data of every format, and linked footnotes, rederived from the stored
text and links to what a fresh ingest stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert, select, update

from archive.cli import cli
from archive.models import (
    Citation,
    Claim,
    Document,
    DocumentCountry,
    Footnote,
    NoComment,
    Outlet,
    Passage,
)
from ingest import ATTRIBUTED_KINDS, CITATIONS_VERSION
from tests.archive.rederived_rows import agrees, ids, older, rederive
from tests.conftest import BUNDLED_SAMPLES, FIXTURES


@pytest.fixture(scope="module")
def every_format(tmp_path_factory) -> tuple[Path, Path]:
    """The bundled samples (a file of every format) and the report fixtures (with
    linked footnotes) archived twice."""
    folders = []
    for name in ("older", "fresh"):
        data = tmp_path_factory.mktemp(name)
        runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
        paths = [str(BUNDLED_SAMPLES), str(FIXTURES / "report")]
        result = runner.invoke(cli, ["ingest", *paths])
        assert result.exit_code == 0, result.output
        folders.append(data)
    return folders[0], folders[1]


def test_a_fresh_archive_of_every_format_rederives_to_itself(every_format) -> None:
    archive, _ = every_format
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(archive)})
    result = runner.invoke(cli, ["rederive", "--all"])
    assert result.exit_code == 0, result.output
    assert [line.split(": ", 1)[0] for line in result.stdout.splitlines()] == [
        "name keys",
        "countries",
        "citations",
        "attributions",
    ]
    assert all(
        line.endswith(" 0 changed in 0 documents")
        for line in result.stdout.splitlines()
    )


def test_every_format_rederived_from_wiped_readings_is_a_fresh_ingest(
    every_format,
) -> None:
    """
    GIVEN the archive of every format, its countries, story claims and whom they
      asked in vain deleted, and every footnote citation read from the text and
      its links (not stated by the file) blanked, as a version that read
      nothing would
    WHEN `archive rederive` runs
    THEN it holds what a fresh ingest holds, and the index agrees
    """
    wiped, fresh = every_format
    url = f"sqlite:///{wiped / 'archive.db'}"

    def read_nothing(session) -> None:
        session.execute(delete(DocumentCountry))
        stories = select(Document.id).where(Document.kind.in_(ATTRIBUTED_KINDS))
        session.execute(delete(NoComment).where(NoComment.document_id.in_(stories)))
        session.execute(
            delete(Claim).where(
                Claim.passage_id.in_(
                    select(Passage.id).where(Passage.document_id.in_(stories))
                )
            )
        )
        session.execute(
            update(Citation)
            .where(Citation.footnote_id.is_not(None), Citation.style != "stated")
            .values(
                title=None, authors=None, kind=None, style=None, work_id=None, url=None
            )
        )

    older(url, "countries", read_nothing)
    for name in ("citations", "attributions"):
        older(url, name, lambda session: None)
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(wiped)})
    lines = rederive(runner)
    assert [line.split(": ", 1)[0] for line in lines] == [
        "countries",
        "citations",
        "attributions",
        "search index",
    ]
    agrees(runner, url, f"sqlite:///{fresh / 'archive.db'}")


def test_a_section_citing_a_changed_footnote_of_another_is_reindexed_too(
    tmp_path: Path,
) -> None:
    """
    GIVEN two sections of one report, the second's marker 539 citing a footnote
      the first defines, and that footnote's citation read by an older version
      as citing another outlet (and indexed so, in both sections)
    WHEN `archive rederive` runs
    THEN the citation is read again, and the index entries of both sections,
      which hold the outlets their claims cite, agree with the archive
    """
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path)})
    sections = [
        FIXTURES / "samples" / "euaa-coi-syria-country-focus-2025-03-section-3-4.txt",
        FIXTURES / "sections" / "euaa-syria-country-focus-section-3-5.txt",
    ]
    assert runner.invoke(cli, ["ingest", *map(str, sections)]).exit_code == 0
    url = f"sqlite:///{tmp_path / 'archive.db'}"

    def another_outlet(session) -> None:
        outlet = session.scalar(
            insert(Outlet)
            .values(slug="x-old", short_name="Old", name="Old", kind="unknown")
            .returning(Outlet.id)
        )
        note = select(Footnote.id).where(Footnote.label == "539")
        session.execute(
            update(Citation)
            .where(Citation.footnote_id.in_(note))
            .values(outlet_id=outlet)
        )

    older(url, "citations", another_outlet)
    lines = rederive(runner)
    assert lines[0].startswith(
        f"citations: version 0 -> {CITATIONS_VERSION}: 2 documents read, "
    )
    assert lines[0].endswith(" 1 changed in 2 documents")
    check = runner.invoke(cli, ["check"])
    assert check.exit_code == 0, check.output
    assert ids(url, select(Outlet.id).where(Outlet.slug == "x-old")) == []
