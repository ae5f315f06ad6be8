"""The `archive` command, run through click's runner on real files and databases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from archive.cli import cli
from archive.db import connect
from archive.models import Document
from tests.conftest import FIXTURES, SAMPLES

EUAA = SAMPLES / "euaa-coi-syria-country-focus-2025-03-section-3-4.txt"


@pytest.fixture
def runner(tmp_path: Path) -> CliRunner:
    return CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path / "data")})


def json_lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("ingest", "stats", "demo"):
        assert command in result.output


def test_ingest_json_reports_each_file(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["ingest", "--json", str(EUAA)])
    assert result.exit_code == 0, result.output
    (line,) = json_lines(result.output)
    assert line == {
        "path": str(EUAA),
        "status": "added",
        "document": 1,
        "kind": "report",
        "format": "markdown",
        "passages": 6,
        "claims": 9,
        "footnotes": 18,
        "citations": 26,
        "error": None,
        "warnings": [],
    }


def test_ingesting_the_same_file_twice_is_unchanged(runner: CliRunner) -> None:
    runner.invoke(cli, ["ingest", str(EUAA)])
    result = runner.invoke(cli, ["ingest", str(EUAA)])
    assert result.exit_code == 0
    assert result.stdout.strip() == "1 unchanged"
    assert f"{EUAA}: unchanged, already archived as #1" in result.stderr


def test_folder_with_bad_files_stores_the_good_ones_and_exits_1(
    runner: CliRunner, tmp_path: Path
) -> None:
    """
    GIVEN a folder with the three samples, a plain list and three broken files
    WHEN it is ingested
    THEN the samples and the list are stored, each bad file gets one line naming
         it and its problem, the summary counts both, and the exit status is 1
    """
    folder = tmp_path / "mixed"
    shutil.copytree(SAMPLES, folder)
    for name in ("empty.txt", "report.pdf", "latin1-story.txt", "shopping-list.txt"):
        shutil.copy(FIXTURES / "bad" / name, folder / name)
    result = runner.invoke(cli, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-2:] == [
        "stored by kind: 2 wire, 1 report, 1 document; by format: 3 text, 1 markdown",
        "4 added, 3 failed",
    ]
    errors = [line for line in result.stderr.splitlines() if "warning:" not in line]
    assert f"{folder / 'empty.txt'}: file is empty" in errors
    assert (
        f"{folder / 'report.pdf'}: is damaged: the file is cut short "
        "(it has no end-of-file marker)"
    ) in errors
    assert any(
        line.startswith(f"{folder / 'latin1-story.txt'}: is not valid UTF-8")
        for line in errors
    )
    stats = runner.invoke(cli, ["stats"])
    assert "documents: 1 document, 1 report, 2 wire" in stats.output


def test_json_lines_give_the_reason_of_a_failure(runner: CliRunner) -> None:
    bad = FIXTURES / "bad" / "empty.txt"
    result = runner.invoke(cli, ["ingest", "--json", str(bad)])
    assert result.exit_code == 1
    (line,) = json_lines(result.output)
    assert (line["status"], line["error"], line["document"]) == (
        "failed",
        "file is empty",
        None,
    )


def test_stats_names_the_most_cited_outlets(runner: CliRunner) -> None:
    runner.invoke(cli, ["ingest", str(EUAA)])
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "documents: 1 report"
    assert lines[2] == (
        "citations: 26 naming an outlet (ranked below and on the outlets page), "
        "0 anonymous attributions, 0 naming no outlet, 0 uncertain readings"
    )
    assert lines[3].split() == [
        "15", "SOHR", "(Syrian", "Observatory", "for", "Human", "Rights)",
    ]  # fmt: skip


def test_demo_archives_the_sample_corpus(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[:3] == [
        "stored by kind: 8 wire, 5 report; by format: 2 text, 1 newsml-1, 1 anpa, "
        "1 nitf, 1 markdown, 1 pdf, 1 latex, 1 html, 1 reuters-sgml, 1 newsml-g2, "
        "1 docx, 1 wikitext",
        "13 added",
        "documents: 5 report, 8 wire",
    ]


def test_bad_date_option_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["ingest", "--date", "soon", str(EUAA)])
    assert result.exit_code == 2
    assert "'soon' is not a date (try 2026-02-23)" in result.output


def test_url_option_must_be_a_web_address(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["ingest", "--url", "ftp://example.org/x", str(EUAA)])
    assert result.exit_code == 2
    assert (
        "Invalid value for '--url': 'ftp://example.org/x' is not a web address "
        "(try https://example.org/story)"
    ) in result.output


def test_url_option_names_one_files_original(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["ingest", "--url", "https://example.org/", str(SAMPLES)]
    )
    assert result.exit_code == 2
    assert "Error: --url is the address of one file's original; 3 files given" in (
        result.output
    )


def test_url_option_is_stored_as_the_original(runner: CliRunner) -> None:
    url = "https://euaa.europa.eu/coi/syria-country-focus-2025"
    result = runner.invoke(cli, ["ingest", "--url", url, str(EUAA)])
    assert result.exit_code == 0, result.output
    data = Path(runner.env["ARCHIVE_DATA_DIR"])
    sessions = connect(f"sqlite:///{data / 'archive.db'}")
    with sessions() as session:
        assert session.get(Document, 1).url == url
    sessions.kw["bind"].dispose()


def test_unusable_database_url_is_a_clean_error(tmp_path: Path) -> None:
    runner = CliRunner(env={"ARCHIVE_DATABASE_URL": "nonsense://"})
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("Error: not a usable database URL: nonsense://")


def test_outlets_file_extends_the_registry_without_code(tmp_path: Path) -> None:
    """
    GIVEN a report citing "Levant24", an outlet the bundled registry lacks
    WHEN ARCHIVE_OUTLETS_FILE names a TOML file that describes it
    THEN its citations are stored under that outlet with its full name and kind
    """
    outlets = tmp_path / "outlets.toml"
    outlets.write_text(
        '[[outlet]]\nslug = "levant24"\nshort = "Levant24"\n'
        'name = "Levant 24 News"\nkind = "media"\n',
        encoding="utf-8",
    )
    report = tmp_path / "section.md"
    report.write_text(
        "# Power in Homs\n\nElectricity returned to Homs.[^1]\n\n"
        "[^1]: Levant24, Electricity returns to Homs, 4 April 2025\n",
        encoding="utf-8",
    )
    runner = CliRunner(
        env={
            "ARCHIVE_DATA_DIR": str(tmp_path / "data"),
            "ARCHIVE_OUTLETS_FILE": str(outlets),
        }
    )
    assert runner.invoke(cli, ["ingest", str(report)]).exit_code == 0
    stats = runner.invoke(cli, ["stats"]).output.splitlines()
    assert stats[-1].split() == ["1", "Levant24", "(Levant", "24", "News)"]


def test_ingest_reads_archive_cfg_as_the_site_does(tmp_path: Path) -> None:
    """
    GIVEN an instance folder whose archive.cfg names the data folder
    WHEN `archive ingest` and `archive stats` run with no other configuration
    THEN the file is stored there, and the site made by `create_app` sees it
    """
    instance = tmp_path / "instance"
    instance.mkdir()
    data = tmp_path / "from-file"
    (instance / "archive.cfg").write_text(f"DATA_DIR = {str(data)!r}\n", "utf-8")
    runner = CliRunner(env={"ARCHIVE_INSTANCE_PATH": str(instance)})
    runner.env.update({"ARCHIVE_DATA_DIR": None, "ARCHIVE_DATABASE_URL": None})
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    assert (data / "archive.db").exists() and (data / "index").is_dir()
    assert runner.invoke(cli, ["stats"]).output.startswith("documents: 1 report\n")

    from tests.web.conftest import close_app
    from web import create_app

    with pytest.MonkeyPatch.context() as env:
        env.setenv("ARCHIVE_INSTANCE_PATH", str(instance))
        env.delenv("ARCHIVE_DATA_DIR", raising=False)
        env.delenv("ARCHIVE_DATABASE_URL", raising=False)
        app = create_app({"TESTING": True})
    try:
        assert app.config["DATA_DIR"] == str(data)
        assert app.test_client().get("/api/documents").get_json()["total"] == 1
    finally:
        close_app(app)


def test_options_win_over_the_environment_and_the_file(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "archive.cfg").write_text(
        f"DATA_DIR = {str(tmp_path / 'file')!r}\n", "utf-8"
    )
    runner = CliRunner(
        env={
            "ARCHIVE_INSTANCE_PATH": str(instance),
            "ARCHIVE_DATA_DIR": str(tmp_path / "env"),
        }
    )
    chosen = tmp_path / "option"
    result = runner.invoke(cli, ["--data-dir", str(chosen), "ingest", str(EUAA)])
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir() if p.name != "instance"] == ["option"]
    assert (chosen / "archive.db").exists()


def test_environment_wins_over_the_file(tmp_path: Path) -> None:
    instance = tmp_path / "instance"
    instance.mkdir()
    (instance / "archive.cfg").write_text(
        f"DATA_DIR = {str(tmp_path / 'file')!r}\n", "utf-8"
    )
    runner = CliRunner(
        env={
            "ARCHIVE_INSTANCE_PATH": str(instance),
            "ARCHIVE_DATA_DIR": str(tmp_path / "env"),
        }
    )
    assert runner.invoke(cli, ["ingest", str(EUAA)]).exit_code == 0
    assert (tmp_path / "env" / "archive.db").exists()
    assert not (tmp_path / "file").exists()


def test_a_broken_archive_cfg_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "archive.cfg").write_text("DATA_DIR = (\n", "utf-8")
    runner = CliRunner(env={"ARCHIVE_INSTANCE_PATH": str(tmp_path)})
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {tmp_path / 'archive.cfg'}: line 1: ")
    assert "Traceback" not in result.output


def test_cite_prints_the_reading_of_one_note(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        ["cite", "Thorne, D. (1997, June 26). Privatization accepted. Calgary Herald."],
    )
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:6] == [
        "  apa 0.90",
        "    authors: Thorne, D.",
        "    outlet: Calgary Herald",
        "    title: Privatization accepted",
        "    date: 1997-06-26",
    ]


def test_cite_json_reads_one_note_per_line(runner: CliRunner) -> None:
    notes = (
        "HRW, “Syria: Detention, Torture,” 2 May 2024, url\n"
        "Note 1: The figure excludes returnees from Lebanon.\n"
    )
    result = runner.invoke(cli, ["cite", "--json"], input=notes)
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    (citation,) = first["citations"]
    assert citation["outlet"] == "HRW"
    assert citation["title"] == "Syria: Detention, Torture"
    assert (citation["date"], citation["style"], citation["authors"]) == (
        "2024-05-02",
        "euaa",
        [],
    )
    assert second == {
        "text": "Note 1: The figure excludes returnees from Lebanon.",
        "citations": [],
        "warnings": [],
    }


def test_a_folder_of_every_format_stores_each_as_its_kind_and_names_the_bad_ones(
    runner: CliRunner, tmp_path: Path
) -> None:
    """
    GIVEN the twenty real documents of the corpus, in every format the archive
          reads, and one broken file of each kind of trouble
    WHEN the folder is ingested
    THEN every document is stored as its kind, the summary counts them by kind
         and format, each bad file gets one line naming it and its problem,
         nothing of a bad file is stored, and the exit status is 1
    """
    folder = tmp_path / "mixed"
    shutil.copytree(FIXTURES / "corpus", folder)
    (folder / "MANIFEST.md").unlink()
    bad = {
        "encrypted.pdf": FIXTURES / "pdf" / "encrypted.pdf",
        "scan.pdf": FIXTURES / "pdf" / "scanned_page.pdf",
        "cut.pdf": FIXTURES / "pdf" / "truncated.pdf",
        "cut.docx": FIXTURES / "docx" / "poi-truncated62886.docx",
        "locked.docx": FIXTURES / "docx" / "msoffcrypto-example_password.docx",
    }
    for name, source in bad.items():
        shutil.copy(source, folder / name)
    (folder / "laughs.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY a "aaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;">]><nitf><body><body.content><p>&b;</p>'
        b"</body.content></body></nitf>"
    )
    (folder / "unclosed.tex").write_text(
        "Text.\\footnote{A note that never ends.\n\nMore text.\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["ingest", str(folder)])
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines()[-2:] == [
        "stored by kind: 10 report, 10 wire; by format: 4 html, 4 reuters-sgml, "
        "3 pdf, 2 markdown, 2 wikitext, 1 latex, 1 newsml-g2, 1 nitf, 1 newsml-1, "
        "1 anpa",
        "20 added, 7 failed",
    ]
    errors = {
        Path(line.split(": ", 1)[0]).name: line.split(": ", 1)[1]
        for line in result.stderr.splitlines()
        if "warning:" not in line and ": " in line and "more warnings (" not in line
    }
    assert errors == {
        "encrypted.pdf": "is encrypted: it needs a password to open; ingest an "
        "unlocked copy",
        "scan.pdf": "has no text layer (a scanned image?): run OCR first",
        "cut.pdf": "is damaged: the file is cut short (it has no end-of-file marker)",
        "cut.docx": "is damaged: not a readable zip archive, as a Word document "
        "must be",
        "locked.docx": "is password-protected: open it in Word, remove the password "
        "(File > Info > Protect Document) and save it again",
        "laughs.xml": "declares the XML entity 'a'; entities declared inside a "
        "document are refused, as they can expand without bound ('billion laughs')",
        "unclosed.tex": errors.get("unclosed.tex", "?"),
    }
    assert "never closed" in errors["unclosed.tex"]
    stats = runner.invoke(cli, ["stats"])
    assert stats.output.splitlines()[0] == "documents: 10 report, 10 wire"


def test_a_file_with_many_warnings_shows_ten_and_counts_the_rest(
    runner: CliRunner, tmp_path: Path
) -> None:
    report = tmp_path / "notes.md"
    body = " ".join(f"Claim {n}.[^{n}]" for n in range(1, 13))
    notes = "\n".join(f"[^{n}]: See above" for n in range(1, 13))
    report.write_text(f"# Notes\n\n{body}\n\n{notes}\n", encoding="utf-8")
    result = runner.invoke(cli, ["ingest", str(report)])
    warned = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert len(warned) == 10
    more = [line for line in result.stderr.splitlines() if "more warnings" in line]
    assert more == [
        f"{report}: 2 more warnings (archive ingest --json lists them all; the "
        "document page shows them)"
    ]
