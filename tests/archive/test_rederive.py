"""Derived data is rebuildable: name keys made by an older version are recomputed
from the stored passages by `archive rederive`, and the index follows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, insert, select, update

from archive.cli import cli
from archive.db import connect
from archive.derived import CURRENT
from archive.models import DerivedVersion, Passage, PassageName
from archive.names import NAME_KEYS_VERSION, names_in
from ingest import DERIVED_VERSIONS
from tests.conftest import SAMPLES

UP_TO_DATE = (
    f"derived data is up to date: name keys at version {NAME_KEYS_VERSION}, "
    f"countries at version {DERIVED_VERSIONS['countries']}, "
    f"citations at version {DERIVED_VERSIONS['citations']}, "
    f"attributions at version {DERIVED_VERSIONS['attributions']}\n"
)


@pytest.fixture
def archived(tmp_path: Path) -> tuple[CliRunner, str]:
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path / "data")})
    result = runner.invoke(cli, ["ingest", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    return runner, f"sqlite:///{tmp_path / 'data' / 'archive.db'}"


def _qasrak_hits(runner: CliRunner) -> int:
    result = runner.invoke(cli, ["search", "--json", "Qasrak"])
    return json.loads(result.output)["total"]


def _as_an_older_version_left_it(url: str) -> int:
    """Keys as an older version computed them for the passage naming Qasrik, and
    that version recorded; the passage's id."""
    sessions = connect(url)
    with sessions.begin() as session:
        passage_id = session.scalars(
            select(Passage.id).where(Passage.text.contains("Qasrik"))
        ).one()
        session.execute(delete(PassageName).where(PassageName.passage_id == passage_id))
        session.execute(insert(PassageName), [{"passage_id": passage_id, "key": "x"}])
        session.execute(
            update(DerivedVersion)
            .where(DerivedVersion.name == "name_keys")
            .values(version=NAME_KEYS_VERSION - 1)
        )
    sessions.kw["bind"].dispose()
    return passage_id


def _stored_keys(url: str, passage_id: int) -> tuple[set[str], str, dict]:
    sessions = connect(url)
    with sessions() as session:
        keys = set(
            session.scalars(
                select(PassageName.key).where(PassageName.passage_id == passage_id)
            )
        )
        text = session.get(Passage, passage_id).text
        versions = dict(
            session.execute(select(DerivedVersion.name, DerivedVersion.version)).all()
        )
    sessions.kw["bind"].dispose()
    return keys, text, versions


def test_a_new_archive_records_the_current_versions(archived) -> None:
    runner, url = archived
    result = runner.invoke(cli, ["rederive"])
    assert result.exit_code == 0, result.output
    assert result.output == UP_TO_DATE
    assert CURRENT == {"name_keys": NAME_KEYS_VERSION, **DERIVED_VERSIONS}


def test_keys_of_an_older_version_are_recomputed_and_the_index_follows(
    archived,
) -> None:
    """
    GIVEN an archive whose name keys for one passage an older version computed
      (and whose index was built from them: `Qasrak` no longer finds "Qasrik")
    WHEN `archive rederive` runs
    THEN the keys are those this version computes from the stored text, the
      version is recorded, the index finds the passage again and matches the
      archive, and a second run has nothing to do
    """
    runner, url = archived
    assert _qasrak_hits(runner) == 6
    passage_id = _as_an_older_version_left_it(url)
    reindexed = runner.invoke(cli, ["reindex"])
    assert reindexed.exit_code == 0
    assert reindexed.stderr == (
        f"warning: the archive's name keys were computed by version "
        f"{NAME_KEYS_VERSION - 1} of the code (this is version {NAME_KEYS_VERSION}); "
        "run `archive rederive` to bring them up to date\n"
    )
    assert _qasrak_hits(runner) == 5

    result = runner.invoke(cli, ["rederive"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        f"name keys: version {NAME_KEYS_VERSION - 1} -> {NAME_KEYS_VERSION}: "
    )
    assert lines[0].endswith(" passages read, 1 changed in 1 documents")
    assert lines[1].startswith("search index: ")
    keys, text, versions = _stored_keys(url, passage_id)
    assert keys == set(names_in(text)) and "x" not in keys
    assert versions == CURRENT
    assert _qasrak_hits(runner) == 6
    assert runner.invoke(cli, ["check"]).exit_code == 0
    assert runner.invoke(cli, ["rederive"]).output == UP_TO_DATE


def test_up_to_date_keys_are_left_alone_unless_all_is_asked(archived) -> None:
    runner, url = archived
    passage_id = _as_an_older_version_left_it(url)
    sessions = connect(url)
    with sessions.begin() as session:
        for name, version in CURRENT.items():  # every kind up to date, keys or not
            session.execute(
                update(DerivedVersion)
                .where(DerivedVersion.name == name)
                .values(version=version)
            )
    sessions.kw["bind"].dispose()
    assert runner.invoke(cli, ["rederive"]).output == UP_TO_DATE
    assert _stored_keys(url, passage_id)[0] == {"x"}
    forced = runner.invoke(cli, ["rederive", "--all"])
    assert forced.exit_code == 0, forced.output
    assert "1 changed in 1 documents" in forced.stdout
    assert "x" not in _stored_keys(url, passage_id)[0]
