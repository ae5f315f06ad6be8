"""Derived data of every format, and linked footnotes, rederived from the stored
text and links to what a fresh ingest stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, select, update

from archive.cli import cli
from archive.models import (
    Citation,
    Claim,
    Document,
    DocumentCountry,
    NoComment,
    Passage,
)
from ingest import ATTRIBUTED_KINDS
from tests.archive.rederived_rows import agrees, older, rederive
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
