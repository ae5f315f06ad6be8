"""Many small commits: the index keeps merging segments as files arrive one by one."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from archive.cli import cli

OUTLETS = ["SOHR", "SNHR", "OCHA", "HRW", "Al Jazeera", "Enab Baladi", "ACLED"]


def write_report(folder: Path, number: int) -> Path:
    notes = "\n".join(
        f"[^{n}]: {OUTLETS[(number + n) % len(OUTLETS)]}, Report {number}.{n} on "
        f"Raqqa, {1 + n} March 2025"
        for n in range(1, 4)
    )
    path = folder / f"section-{number:02d}.md"
    path.write_text(
        f"# Section {number}\n\nShelling hit Raqqa.[^1] Roads closed.[^2] "
        f"Markets reopened.[^3]\n\n{notes}\n",
        encoding="utf-8",
    )
    return path


def test_twenty_files_indexed_one_commit_each_stay_consistent(tmp_path: Path) -> None:
    """
    GIVEN twenty reports, each citing three outlets (so the outlet facet's term
          vectors fill many small segments)
    WHEN they are ingested one command at a time, each indexed in its own commit
    THEN every ingest succeeds and `archive check` finds the index whole
    """
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path / "data")})
    for number in range(20):
        result = runner.invoke(cli, ["ingest", str(write_report(tmp_path, number))])
        assert result.exit_code == 0, result.output
    check = runner.invoke(cli, ["check"])
    assert check.exit_code == 0, check.output
    assert check.output.splitlines()[0] == "40 passages in the archive, 40 in the index"
    search = runner.invoke(cli, ["search", "outlet:SOHR", "--json"])
    assert search.exit_code == 0, search.output
