"""Batch search: a list of names or terms counted in documents and passages,
on the site (/batch) and the command line (archive search --batch)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from archive.cli import cli
from tests.web.conftest import words

LIST = 'Qasrak\n\n"Ahmed al-Sharaa"\nzzzz\ndate:2025-13\ncoalition\n'


def posted(client, data: dict, status: int = 200) -> BeautifulSoup:
    response = client.post("/batch", data=data)
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def table(page) -> list[tuple[str, str, str]]:
    return [
        (words(row.select_one("th")), *(words(td) for td in row.select("td")))
        for row in page.select("table.batch-table tbody tr")
    ]


def test_batch_page_counts_each_line_with_a_link(client) -> None:
    page = posted(client, {"lines": LIST})
    assert words(page.select_one("#batch-h")) == "3 of 5 queries match"
    assert table(page) == [
        ("Qasrak", "3", "6"),
        ('"Ahmed al-Sharaa"', "2", "2"),
        ("zzzz", "0", "0"),
        ("date:2025-13 date:2025-13: '2025-13' has no month 13", "0", "0"),
        ("coalition", "2", "7"),
    ]
    links = [a["href"] for a in page.select("table.batch-table a")]
    assert links == [
        "/?q=Qasrak",
        "/?q=%22Ahmed+al-Sharaa%22",
        "/?q=coalition",
    ]
    assert page.select_one("#lines").get_text() == LIST


def test_batch_respects_the_filters_and_passes_them_on(client, soup) -> None:
    page = posted(
        client, {"lines": "Qasrak\ncoalition", "kind": "wire", "publisher": "reuters"}
    )
    assert table(page) == [("Qasrak", "1", "3"), ("coalition", "1", "3")]
    first = page.select_one("table.batch-table a")["href"]
    assert first == "/?q=Qasrak&kind=wire&publisher=reuters"
    dated = soup("/batch?lines=Qasrak&from=2025-01&to=2025-12")
    assert table(dated) == [("Qasrak", "1", "1")]


def test_batch_table_as_csv(client) -> None:
    response = client.post(
        "/batch", data={"lines": "Qasrak\nzzzz", "kind": "report", "format": "csv"}
    )
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="batch.csv"'
    )
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows == [
        {
            "query": "Qasrak",
            "documents": "1",
            "passages": "1",
            "link": "http://localhost/?q=Qasrak&kind=report",
            "problem": "",
        },
        {
            "query": "zzzz",
            "documents": "0",
            "passages": "0",
            "link": "http://localhost/?q=zzzz&kind=report",
            "problem": "",
        },
    ]


def test_batch_of_more_than_500_lines_is_refused_with_the_list_kept(client) -> None:
    lines = "".join(f"name{n}\n" for n in range(501))
    page = posted(client, {"lines": lines}, status=400)
    assert words(page.select_one("#lines-problem")) == (
        "the list has 501 lines: at most 500 can be searched at once"
    )
    assert page.select_one("#lines").get_text() == lines
    assert page.select_one("table.batch-table") is None


def test_empty_batch_page_shows_the_form(soup) -> None:
    page = soup("/batch")
    assert page.select_one("form.batch-form textarea#lines") is not None
    assert page.select_one("table.batch-table") is None
    assert page.select_one("nav a[href='/batch']") is not None


def cli_batch(sample_dir, tmp_path, *arguments: str, text: str = LIST):
    names = tmp_path / "names.txt"
    names.write_text(text, encoding="utf-8")
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(sample_dir)})
    return runner.invoke(cli, ["search", "--batch", str(names), *arguments])


def test_cli_batch_prints_the_table(sample_dir, tmp_path) -> None:
    result = cli_batch(sample_dir, tmp_path)
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "documents  passages  query",
        "        3         6  Qasrak",
        '        2         2  "Ahmed al-Sharaa"',
        "        0         0  zzzz",
        "        0         0  date:2025-13  (date:2025-13: '2025-13' has no month 13)",
        "        2         7  coalition",
        "3 of 5 queries match",
    ]


def test_cli_batch_csv_with_filters_matches_the_site(
    sample_dir, tmp_path, client
) -> None:
    result = cli_batch(
        sample_dir,
        tmp_path,
        "--kind",
        "wire",
        "--csv",
        "--site-url",
        "http://localhost",
        text="Qasrak\ncoalition\n",
    )
    assert result.exit_code == 0, result.output
    site = client.post(
        "/batch",
        data={"lines": "Qasrak\ncoalition", "kind": "wire", "format": "csv"},
    ).get_data(as_text=True)
    assert result.stdout == site.replace("\r\n", "\n")


def test_cli_batch_bad_files_are_named(sample_dir, tmp_path) -> None:
    many = cli_batch(sample_dir, tmp_path, text="x\n" * 501)
    assert many.exit_code == 1
    assert many.stderr == (
        f"Error: {tmp_path / 'names.txt'}: the list has 501 lines: at most 500 can "
        "be searched at once\n"
    )
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Qasrak\nDayr al-Zawr \xe9\n".encode("latin-1"))
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(sample_dir)})
    result = runner.invoke(cli, ["search", "--batch", str(latin)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {latin}: not UTF-8 text (byte 20): save the list as UTF-8\n"
    )


def test_readme_batch_example_holds(sample_dir, tmp_path) -> None:
    """The README's `archive search --batch` example gives what it shows."""
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    shown = readme.split("```text\ndocuments  passages  query\n", 1)[1]
    shown = "documents  passages  query\n" + shown.split("```", 1)[0]
    names = [line.split("  ")[-1] for line in shown.splitlines()[1:-1]]
    result = cli_batch(sample_dir, tmp_path, text="\n".join(names) + "\n")
    assert result.exit_code == 0, result.output
    assert result.output == shown


def test_cli_batch_options_that_do_not_go_together_are_named(
    sample_dir, tmp_path
) -> None:
    as_json = cli_batch(sample_dir, tmp_path, "--json")
    assert as_json.exit_code == 2
    assert as_json.stderr.splitlines()[-1] == (
        "Error: --batch gives a table: ask for it as --csv, not --json"
    )
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(sample_dir)})
    alone = runner.invoke(cli, ["search", "Qasrak", "--csv"])
    assert alone.exit_code == 2
    assert alone.stderr.splitlines()[-1] == (
        "Error: --csv goes with --batch FILE (the table as CSV)"
    )
