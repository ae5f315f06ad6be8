"""Exports over the API and the command line, each read back by a real reader:
a document, a claim's cited works, a cited work, a search's matches."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from click.testing import CliRunner
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from archive.cli import cli
from index import Match, MatchList, OutletLabel
from index.exports import bounds, passages_csv
from tests.references_readers import read_bibtex, read_ris, render_csl
from tests.web.conftest import close_app, make_app

CITE_AS_NOTE = (
    "Cite as: EUAA, '3.4. US-led coalition' in COI Report - Syria: Country Focus, "
    "March 2025."
)


def get(client, url: str, media_type: str):
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.headers["Content-Type"] == f"{media_type}; charset=utf-8"
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    return response


def test_report_section_as_ris_bibtex_and_csljson(client, ids) -> None:
    url = f"/api/documents/{ids['euaa']}"
    (ris,) = read_ris(
        get(client, url + "?format=ris", "application/x-research-info-systems").text
    )
    assert ris["type_of_reference"] == "RPRT"
    assert ris["title"] == "3.4. US-led coalition"
    assert ris["secondary_title"] == "COI Report - Syria: Country Focus"
    assert ris["authors"] == ["European Union Agency for Asylum"]
    assert ris["date"] == "2025/03//"
    assert ris["urls"] == [f"http://localhost/documents/{ids['euaa']}"]
    assert ris["notes"] == [CITE_AS_NOTE]
    bib = get(client, url + "?format=bibtex", "application/x-bibtex")
    assert bib.headers["Content-Disposition"] == (
        f'attachment; filename="document-{ids["euaa"]}.bib"'
    )
    (entry,) = read_bibtex(bib.text).values()
    assert entry["ENTRYTYPE"] == "techreport"
    assert entry["institution"] == "European Union Agency for Asylum"
    assert entry["series"] == "COI Report - Syria: Country Focus"
    csl = get(
        client, url + "?format=csljson", "application/vnd.citationstyles.csl+json"
    )
    (apa,) = render_csl(csl.text, "apa")
    assert apa.startswith(
        "European Union Agency for Asylum. (2025). 3.4. US-led coalition."
    )
    (chicago,) = render_csl(csl.text, "chicago-author-date")
    assert chicago.startswith(
        "European Union Agency for Asylum. 2025. “3.4. US-led Coalition”. "
        "In COI Report - Syria: Country Focus."
    )


def test_wire_story_is_a_newspaper_article_with_its_byline(client, ids) -> None:
    url = f"/api/documents/{ids['ap']}"
    (ris,) = read_ris(
        get(client, url + "?format=ris", "application/x-research-info-systems").text
    )
    assert ris["type_of_reference"] == "NEWS"
    assert ris["authors"] == [
        "Al Abdo, Hogir",
        "AlSayed, Ghaith",
        "Abdul-Zahra, Qassim",
    ]
    assert ris["secondary_title"] == "The Associated Press"
    assert ris["title"] == (
        "[U.S. forces are withdrawing from a key base in northeastern Syria]"
    )
    csl = get(
        client, url + "?format=csljson", "application/vnd.citationstyles.csl+json"
    )
    assert json.loads(csl.text)[0]["type"] == "article-newspaper"
    (apa,) = render_csl(csl.text, "apa")
    assert apa.startswith(
        "Al Abdo, H., AlSayed, G., & Abdul-Zahra, Q. (2026, February 23)."
    )
    (entry,) = read_bibtex(
        get(client, url + "?format=bibtex", "application/x-bibtex").text
    ).values()
    assert (
        entry["ENTRYTYPE"] == "article" and entry["journal"] == "The Associated Press"
    )


def test_claim_exports_its_cited_works_then_its_document(client, claim_id, ids) -> None:
    claim = claim_id("euaa", "In December 2024")
    cited = client.get(f"/api/claims/{claim}").get_json()
    works = {
        c["work_id"]
        for note in cited["footnotes"]
        for c in note["citations"]
        if c["work_id"]
    }
    records = read_ris(
        get(
            client,
            f"/api/claims/{claim}?format=ris",
            "application/x-research-info-systems",
        ).text
    )
    assert {r["id"] for r in records[:-1]} == {f"work-{w}" for w in works}
    assert records[-1]["id"] == f"doc-{ids['euaa']}"
    entries = read_bibtex(
        get(client, f"/api/claims/{claim}?format=bibtex", "application/x-bibtex").text
    )
    assert list(entries) == [r["id"] for r in records]
    csl = get(
        client,
        f"/api/claims/{claim}?format=csljson",
        "application/vnd.citationstyles.csl+json",
    ).text
    for style in ("apa", "chicago-author-date"):
        assert len(render_csl(csl, style)) == len(records)


def dated_work(client, date: str) -> tuple[int, dict]:
    """The first cited work published on ``date`` that names its outlet."""
    for number in range(1, 200):
        answer = client.get(f"/api/works/{number}")
        if answer.status_code != 200:
            continue
        work = answer.get_json()["work"]
        if work.get("date") == date and work.get("outlet"):
            return number, work
    raise AssertionError(f"no cited work of {date} with an outlet")


def test_cited_work_exports_with_its_outlet(client) -> None:
    number, work = dated_work(client, "2025-01-12")
    first = read_ris(
        get(
            client,
            f"/api/works/{number}?format=ris",
            "application/x-research-info-systems",
        ).text
    )[0]
    assert first["id"] == f"work-{number}"
    assert first["title"] == work["title"]
    assert first["secondary_title"] == work["outlet"]["name"]
    csl = get(
        client,
        f"/api/works/{number}?format=csljson",
        "application/vnd.citationstyles.csl+json",
    )
    (apa,) = render_csl(csl.text, "apa")
    assert "(2025, January 12)" in apa and apa.endswith(work["outlet"]["name"] + ".")
    (chicago,) = render_csl(csl.text, "chicago-author-date")
    assert chicago.startswith(work["outlet"]["name"] + ". 2025.")


def test_unknown_format_and_missing_record_are_explained(client) -> None:
    bad = client.get("/api/documents/1?format=endnote")
    assert bad.status_code == 400
    assert bad.get_json()["message"] == (
        "format must be one of json, ris, bibtex, csljson, not 'endnote'"
    )
    missing = client.get("/api/works/999?format=ris")
    assert missing.status_code == 404
    assert missing.get_json()["message"] == "There is no cited work 999 in the archive."


def test_search_exports_every_matching_document(client, ids) -> None:
    response = get(
        client, "/api/search?q=Qasrak&format=ris", "application/x-research-info-systems"
    )
    assert response.headers["X-Export-Truncated"] == "false"
    assert "X-Export-Notice" not in response.headers
    found = read_ris(response.text)
    assert sorted(r["id"] for r in found) == sorted(f"doc-{i}" for i in ids.values())
    wire = read_bibtex(
        get(
            client,
            "/api/search?q=Qasrak&kind=wire&format=bibtex",
            "application/x-bibtex",
        ).text
    )
    assert sorted(wire) == sorted([f"doc-{ids['ap']}", f"doc-{ids['reuters']}"])
    csl = get(
        client,
        "/api/search?q=Qasrak&format=csljson",
        "application/vnd.citationstyles.csl+json",
    ).text
    assert len(render_csl(csl, "apa")) == 3


def test_search_csv_has_one_row_per_matching_passage(client, ids) -> None:
    response = get(client, "/api/search?q=Qasrak&format=csv", "text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 6
    assert list(rows[0]) == [
        "document",
        "title",
        "kind",
        "date",
        "source",
        "permalink",
        "text",
        "cited outlets",
    ]
    report = next(r for r in rows if r["kind"] == "report")
    assert report["document"] == str(ids["euaa"])
    assert report["date"] == "2025-03" and report["source"] == "EUAA"
    assert report["permalink"].startswith(
        f"http://localhost/documents/{ids['euaa']}#p-"
    )
    assert "Qasrik" in report["text"]
    assert report["cited outlets"] == "SOHR"


@pytest.fixture
def bounded_client(sample_dir):
    app = make_app(sample_dir, EXPORT_MAX_DOCUMENTS=2, EXPORT_MAX_ROWS=4)
    yield app.test_client()
    close_app(app)


def test_search_export_says_when_its_bound_cut_it(bounded_client) -> None:
    rows = get(bounded_client, "/api/search?q=Qasrak&format=csv", "text/csv")
    assert rows.headers["X-Export-Truncated"] == "true"
    assert rows.headers["X-Export-Notice"] == (
        "cut at 4 rows: the export holds the first 4 of 6 matching passages; "
        "narrow the search for the rest"
    )
    assert len(list(csv.DictReader(io.StringIO(rows.text)))) == 4
    refs = get(
        bounded_client,
        "/api/search?q=Qasrak&format=ris",
        "application/x-research-info-systems",
    )
    assert refs.headers["X-Export-Truncated"] == "true"
    assert len(read_ris(refs.text)) == 2


def run(sample_dir, *arguments: str):
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(sample_dir)})
    return runner.invoke(cli, list(arguments))


def test_cli_export_writes_the_same_references_as_the_api(sample_dir, client) -> None:
    for format_name in ("ris", "bibtex", "csljson", "csv"):
        result = run(
            sample_dir,
            "export",
            "--format",
            format_name,
            "Qasrak",
            "--site-url",
            "http://localhost",
        )
        assert result.exit_code == 0, result.output
        assert result.stderr == ""
        api = client.get(f"/api/search?q=Qasrak&format={format_name}").text
        # (click's test runner reads CRLF line ends as LF)
        assert result.stdout == api.replace("\r\n", "\n")


def test_cli_export_takes_the_search_filters_and_a_file(sample_dir, tmp_path) -> None:
    out = tmp_path / "qasrak.bib"
    result = run(
        sample_dir,
        "export",
        "--format",
        "bibtex",
        "Qasrak",
        "--kind",
        "report",
        "-o",
        str(out),
    )
    assert result.exit_code == 0, result.output
    (entry,) = read_bibtex(out.read_text(encoding="utf-8")).values()
    assert entry["ENTRYTYPE"] == "techreport"


def test_cli_export_says_when_its_bound_cut_it(sample_dir) -> None:
    result = run(sample_dir, "export", "--format", "ris", "Qasrak", "--limit", "1")
    assert result.exit_code == 0, result.output
    assert len(read_ris(result.stdout)) == 1
    assert result.stderr == (
        "archive export: cut at 1 documents: the export holds the first 1 matching "
        "documents, not all; narrow the search for the rest\n"
    )


def test_cli_export_bad_query_is_a_clear_error(sample_dir) -> None:
    result = run(sample_dir, "export", "--format", "csv", "date:2025-13")
    assert result.exit_code == 1
    assert result.stderr == "Error: date:2025-13: '2025-13' has no month 13\n"


def test_openapi_describes_the_format_argument_and_the_files(spec) -> None:
    search = spec["paths"]["/api/search"]["get"]
    argument = next(p for p in search["parameters"] if p["name"] == "format")
    assert argument["schema"]["enum"] == ["json", "ris", "bibtex", "csljson", "csv"]
    assert set(search["responses"]["200"]["content"]) == {
        "application/json",
        "application/x-research-info-systems",
        "application/x-bibtex",
        "application/vnd.citationstyles.csl+json",
        "text/csv",
    }
    assert set(search["responses"]["200"]["headers"]) == {
        "X-Export-Truncated",
        "X-Export-Notice",
    }
    for path in ("/api/documents/{document_id}", "/api/claims/{claim_id}"):
        found = spec["paths"][path]["get"]
        argument = next(p for p in found["parameters"] if p["name"] == "format")
        assert argument["schema"]["enum"] == ["json", "ris", "bibtex", "csljson"]


def test_csljson_exports_conform_to_the_described_schema(
    client, spec, ids, claim_id
) -> None:
    registry = Registry().with_resource(
        "urn:openapi", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    media = "application/vnd.citationstyles.csl+json"
    urls = {
        "/api/search": "/api/search?q=Qasrak&format=csljson",
        "/api/documents/{document_id}": f"/api/documents/{ids['ap']}?format=csljson",
        "/api/claims/{claim_id}": (
            f"/api/claims/{claim_id('euaa', 'In December 2024')}?format=csljson"
        ),
        "/api/works/{work_id}": "/api/works/1?format=csljson",
    }
    for path, url in urls.items():
        content = spec["paths"][path]["get"]["responses"]["200"]["content"]
        validator = jsonschema.Draft202012Validator(
            {"$ref": "urn:openapi" + content[media]["schema"]["$ref"]},
            registry=registry,
        )
        errors = list(validator.iter_errors(json.loads(get(client, url, media).text)))
        assert not errors, (url, [e.message for e in errors[:3]])


def test_csv_cells_that_start_like_a_formula_are_kept_as_text() -> None:
    """GIVEN passages whose text or title starts with =, +, -, @
    WHEN they are exported as CSV
    THEN a spreadsheet reads them as text (a leading apostrophe), not formulas."""
    hostile = Match(
        passage_id=1,
        document_id=7,
        anchor="p-1",
        title='=HYPERLINK("http://evil.example","click")',
        kind="wire",
        source="@Reuters",
        date=None,
        text="-2+3 troops",
        outlets=(OutletLabel("x", "+cmd"),),
    )
    plain = Match(2, 7, "p-2", "Title", "wire", None, None, "A - B", ())
    found = MatchList(
        total=2, matches=(hostile, plain), documents=(7,), truncated=False
    )
    text = passages_csv(found, lambda d, a: f"http://site/documents/{d}#{a}")
    first, second = list(csv.DictReader(io.StringIO(text)))
    assert first["title"] == '\'=HYPERLINK("http://evil.example","click")'
    assert first["source"] == "'@Reuters"
    assert first["text"] == "'-2+3 troops"
    assert first["cited outlets"] == "'+cmd"
    assert (second["title"], second["text"]) == ("Title", "A - B")


def test_an_export_bound_is_never_above_the_archive_s() -> None:
    assert bounds("ris", 10**6) == {"max_documents": 5_000}
    assert bounds("csv", 10**6) == {"max_passages": 10_000}
    assert bounds("bibtex") == {"max_documents": 5_000}
    assert bounds("csv", 3) == {"max_passages": 3}
