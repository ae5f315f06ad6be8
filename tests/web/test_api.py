"""The JSON API: the same facts as the pages, each response checked against the
OpenAPI description the site serves."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from click.testing import CliRunner

from archive.cli import cli


def test_openapi_description_is_valid_and_lists_every_endpoint(spec) -> None:
    assert spec["openapi"].startswith("3.1")
    assert set(spec["paths"]) == {
        "/api/search",
        "/api/documents",
        "/api/documents/{document_id}",
        "/api/claims/{claim_id}",
        "/api/outlets",
        "/api/outlets/{slug}",
        "/api/outlets/{slug}/attributions",
        "/api/works/{work_id}",
    }
    for name, schema in spec["components"]["schemas"].items():
        jsonschema.Draft202012Validator.check_schema(schema), name


def test_search_returns_hits_and_facets(conforms) -> None:
    found = conforms("/api/search?q=Qasrak&group=passages", "/api/search")
    assert found["total"] == 6 and found["page"] == 1
    assert found["facets_count"] == "passages" and found["documents"] == []
    assert found["also_matched"] == ["Qasrik"]
    report = next(h for h in found["hits"] if h["kind"] == "report")
    assert report["title"] == "3.4. US-led coalition"
    assert report["date"] == "2025-03"
    assert {o["slug"] for o in report["outlets"]} == {"sohr"}
    assert [c["footnotes"] for c in report["claims"]] == [
        ["545", "546", "547", "548", "549", "550", "551"],
        ["552", "553"],
    ]
    assert any(
        part["match"] and part["text"] == "Qasrik"
        for part in report["snippet"]["parts"]
    )
    assert found["facets"]["kind"] == {
        "wire": {"label": "wire", "count": 5},
        "report": {"label": "report", "count": 1},
    }
    assert found["facets"]["publisher"]["euaa"] == {"label": "EUAA", "count": 1}
    assert found["facets"]["month"]["2026-02"]["count"] == 5  # AP: by file name
    assert found["facets"]["country"] == {
        "SY": {"label": "Syria (SY)", "count": 6},
        "US": {"label": "United States (US)", "count": 6},
    }


def test_search_filters_and_dates(conforms) -> None:
    wire = conforms(
        "/api/search?q=Qasrak&kind=wire&publisher=reuters&group=passages",
        "/api/search",
    )
    assert wire["total"] == 3
    assert {h["source"] for h in wire["hits"]} == {"Reuters"}
    cited = conforms("/api/search?q=Qasrak&outlet=sohr&group=passages", "/api/search")
    assert [h["kind"] for h in cited["hits"]] == ["report"]
    dated = conforms(
        "/api/search?q=Qasrak&from=2025-01&to=2025-12&group=passages", "/api/search"
    )
    assert [h["date"] for h in dated["hits"]] == ["2025-03"]
    newest = conforms(
        "/api/search?q=coalition&sort=oldest&group=passages", "/api/search"
    )
    dates = [h["date"] for h in newest["hits"] if h["date"]]
    assert dates == sorted(dates)


def test_search_groups_by_document_by_default(conforms) -> None:
    """GIVEN "Qasrak", in 6 passages of 3 documents (3 of them one Reuters story)
    WHEN searched through the API without a grouping
    THEN each document comes once, with its best passages, opened with the query;
    the facets count documents and say so."""
    found = conforms("/api/search?q=Qasrak", "/api/search")
    assert found["group"] == "documents" and found["facets_count"] == "documents"
    assert (found["documents_total"], found["total"]) == (3, 6)
    assert found["hits"] == []
    ids = [d["document"] for d in found["documents"]]
    assert len(set(ids)) == 3
    assert sum(len(d["passages"]) + d["more"] for d in found["documents"]) == 6
    assert found["facets"]["kind"] == {
        "wire": {"label": "wire", "count": 2},
        "report": {"label": "report", "count": 1},
    }
    report = next(d for d in found["documents"] if d["kind"] == "report")
    assert report["url"] == f"/documents/{report['document']}?q=Qasrak"
    assert report["passages"][0]["url"].startswith(report["url"] + "#p-")
    assert {"code": "SY", "label": "Syria (SY)"} in report["countries"]


def test_search_leaves_out_excluded_values(conforms) -> None:
    found = conforms("/api/search?q=Qasrak&not_kind=wire", "/api/search")
    assert [d["kind"] for d in found["documents"]] == ["report"]
    assert found["excluded"]["kind"] == ["wire"]
    by_query = conforms("/api/search?q=Qasrak+-kind:wire", "/api/search")
    assert [
        (d["document"], [p["passage"] for p in d["passages"]])
        for d in by_query["documents"]
    ] == [
        (d["document"], [p["passage"] for p in d["passages"]])
        for d in found["documents"]
    ]


def test_search_pages(client, conforms) -> None:
    second = conforms("/api/search?q=Qasrak&page=2", "/api/search")
    assert second["page"] == 2 and second["hits"] == []
    assert second["notices"] == ["page 2 is past the last page (1)"]


def test_documents_list_and_filters(conforms) -> None:
    listed = conforms("/api/documents", "/api/documents")
    assert listed["total"] == 3
    dates = [d["date"] for d in listed["documents"]]
    assert dates == ["2026-02-23", "2026-02-23", "2025-03"]
    assert listed["facets"]["country"]["SY"] == {"label": "Syria (SY)", "count": 3}
    titled = {d["title"]: d["title_derived"] for d in listed["documents"]}
    assert titled["3.4. US-led coalition"] is False
    assert sum(titled.values()) == 2  # both stories' titles come from their leads
    assert listed["facets"]["kind"] == {
        "wire": {"label": "wire", "count": 2},
        "report": {"label": "report", "count": 1},
    }
    reports = conforms("/api/documents?kind=report&from=2025-03-01", "/api/documents")
    assert [d["section_number"] for d in reports["documents"]] == ["3.4"]
    about = conforms("/api/documents?country=Syria", "/api/documents")
    assert about["total"] == 3
    assert conforms("/api/documents?country=JO", "/api/documents")["total"] == 0


def test_document_states_its_provenance_and_countries(conforms, ids) -> None:
    document = conforms(f"/api/documents/{ids['ap']}", "/api/documents/{document_id}")
    assert document["file_name"] == "ap-2026-02-23-us-forces-qasrak.txt"
    assert len(document["checksum"]) == 64
    assert document["source_format"] == "text"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", document["archived_at"])
    assert document["url"] is None
    assert [c["label"] for c in document["countries"]] == [
        "Syria (SY)",
        "United States (US)",
    ]
    assert document["title_derived"] is True
    assert document["warnings"][-1] == (
        "no date in the file; 2026-02-23 is taken from its name "
        "'ap-2026-02-23-us-forces-qasrak.txt'"
    )


def test_document_has_passages_claims_footnotes_and_citations(conforms, ids) -> None:
    document = conforms(f"/api/documents/{ids['euaa']}", "/api/documents/{document_id}")
    assert document["cite_as"].startswith("EUAA, '3.4. US-led coalition'")
    assert len(document["passages"]) == 6
    claims = [c for p in document["passages"] for c in p["claims"]]
    assert len(claims) == 9
    markers = [m["label"] for c in claims for m in c["markers"]]
    assert markers == [str(n) for n in range(537, 555)]
    note = next(f for f in document["footnotes"] if f["label"] == "544")
    assert note["refs"] == ["ref-544-1"]
    (citation,) = note["citations"]
    assert citation["outlet"]["slug"] == "usdod"
    assert citation["pages"] == "pp. 12-13"
    assert citation["date"] == "2025-02-19"


def test_wire_document_claims_own_their_attributions(conforms, ids) -> None:
    document = conforms(f"/api/documents/{ids['ap']}", "/api/documents/{document_id}")
    assert document["date"] == "2026-02-23"  # from the file's name
    assert document["dateline"] == "QAMISHLI, Syria"
    first = document["passages"][0]["claims"][0]
    assert first["markers"] == []
    assert [(c["anonymous"], c["description"]) for c in first["citations"]] == [
        (True, "officials")
    ]


def test_claim_has_sources_same_work_claims_related_and_cite_text(
    conforms, claim_id
) -> None:
    claim = conforms(
        f"/api/claims/{claim_id('euaa', 'As a result')}", "/api/claims/{claim_id}"
    )
    assert [f["label"] for f in claim["footnotes"]] == ["539", "540"]
    assert [w["outlet"]["slug"] for w in claim["works"]] == ["inss", "npr"]
    assert [c["id"] for c in claim["same_works"]] == [claim_id("euaa", "Soon after")]
    assert claim["related"][0]["shared_names"]
    assert claim["cite_this"].startswith("“As a result of these talks")


def test_outlets_rank_overall_and_per_report(conforms) -> None:
    ranking = conforms("/api/outlets", "/api/outlets")
    assert ranking["report"] is None
    assert ranking["ranking"][0] == {
        "outlet": {
            "slug": "sohr",
            "short_name": "SOHR",
            "name": "Syrian Observatory for Human Rights",
            "kind": "monitoring NGO",
        },
        "citations": 15,
        "works": 11,
    }
    (report,) = ranking["reports"]
    assert report["title"] == "COI Report - Syria: Country Focus"
    within = conforms(f"/api/outlets?report={report['report_id']}", "/api/outlets")
    assert within["report"] == report and within["citations"] == 26
    assert [c["outlet"]["slug"] for c in within["ranking"]][:2] == [
        "sohr",
        "al-jazeera",
    ]


def test_outlet_groups_claims_by_work(conforms) -> None:
    outlet = conforms("/api/outlets/sohr", "/api/outlets/{slug}")
    dates = [g["work"]["date"] for g in outlet["groups"]]
    assert dates == sorted(dates, reverse=True)
    assert outlet["citations"] == 15 and outlet["works"] == 11


def test_work_lists_every_claim_citing_it(client, conforms) -> None:
    work_id = client.get("/api/outlets/inss").get_json()["groups"][0]["work"]["id"]
    work = conforms(f"/api/works/{work_id}", "/api/works/{work_id}")
    assert work["work"]["title"].startswith("A New Era in Syria")
    assert [c["footnotes"] for c in work["claims"]] == [["537"], ["539"]]
    assert work["archived"] is None


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("/api/documents/999", "/api/documents/{document_id}"),
        ("/api/claims/999", "/api/claims/{claim_id}"),
        ("/api/outlets/nobody", "/api/outlets/{slug}"),
        ("/api/works/999", "/api/works/{work_id}"),
    ],
)
def test_missing_records_are_json_404s(conforms, url, path) -> None:
    error = conforms(url, path, status=404)
    assert error["status"] == 404
    assert error["message"].startswith("There is no ")


def test_bad_query_is_a_400_that_names_the_problem(conforms) -> None:
    error = conforms("/api/search?q=date:2025-13", "/api/search", status=400)
    assert error == {
        "status": 400,
        "title": "The search could not be run",
        "message": "date:2025-13: '2025-13' has no month 13",
        "problems": ["date:2025-13: '2025-13' has no month 13"],
    }


def test_bad_arguments_are_400s_that_name_the_argument(conforms) -> None:
    page = conforms("/api/search?q=Qasrak&page=0", "/api/search", status=400)
    assert page["message"] == "page must be a number from 1 to 10000, not '0'"
    date = conforms("/api/documents?from=March", "/api/documents", status=400)
    assert (
        date["message"]
        == "from: 'March' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
    )
    month = conforms("/api/search?q=Qasrak&to=2025-13", "/api/search", status=400)
    assert month["message"] == "to: '2025-13' has no month 13"
    day = conforms("/api/documents?from=2025-02-30", "/api/documents", status=400)
    assert day["message"] == "from: '2025-02-30' is not a day of the calendar"
    sort = conforms("/api/search?q=Qasrak&sort=best", "/api/search", status=400)
    assert (
        sort["message"]
        == "sort must be one of relevance, newest, oldest, archived, not 'best'"
    )


@pytest.mark.parametrize(
    ("arguments", "url"),
    [
        (["Qasrak"], "/api/search?q=Qasrak"),
        (
            ["--exact", "--kind", "wire", "--publisher", "reuters", "Qasrak"],
            "/api/search?q=Qasrak&exact=1&kind=wire&publisher=reuters",
        ),
        (["--sort", "oldest", "coalition"], "/api/search?q=coalition&sort=oldest"),
        (["--country", "SY", "Qasrak"], "/api/search?q=Qasrak&country=SY"),
        (["--page", "2", "Qasrak"], "/api/search?q=Qasrak&page=2"),
        (["helicopterz"], "/api/search?q=helicopterz"),
        (
            ["--group", "passages", "--sort", "archived", "Qasrak"],
            "/api/search?q=Qasrak&group=passages&sort=archived",
        ),
        (
            ["--exclude", "outlet:sohr", "--exclude", "kind:report", "Qasrak"],
            "/api/search?q=Qasrak&not_outlet=sohr&not_kind=report",
        ),
    ],
)
def test_cli_search_json_is_the_api_result(
    sample_dir, conforms, schema_errors, arguments, url
) -> None:
    """GIVEN the sample archive
    WHEN `archive search --json` and /api/search run the same search
    THEN the command prints the very JSON the API returns, and it conforms to the
    OpenAPI description of /api/search."""
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(sample_dir)})
    result = runner.invoke(cli, ["search", "--json", *arguments])
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert not schema_errors(printed, "/api/search")
    assert printed == conforms(url, "/api/search")


def test_cli_filters_and_api_facets_have_one_name_each(sample_dir, conforms) -> None:
    """GIVEN the sample archive
    WHEN `archive search --json` and /api/search give their facets
    THEN they have the same keys, each is the name of the command's filter
      option, and the old spelling --source still filters as --publisher does,
      with a deprecation note"""
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(sample_dir)})
    printed = json.loads(runner.invoke(cli, ["search", "--json", "Qasrak"]).output)
    served = conforms("/api/search?q=Qasrak", "/api/search")
    assert list(printed["facets"]) == list(served["facets"])
    help_text = runner.invoke(cli, ["search", "--help"]).output
    options = {word.split()[0] for word in help_text.split("  --")[1:]}
    assert set(printed["facets"]) <= options
    assert list(printed["facets"]) == [
        "outlet",
        "kind",
        "publisher",
        "month",
        "country",
    ]
    old = runner.invoke(cli, ["search", "--json", "--source", "reuters", "Qasrak"])
    new = runner.invoke(cli, ["search", "--json", "--publisher", "reuters", "Qasrak"])
    assert old.stdout == new.stdout
    assert json.loads(new.stdout)["total"] > 0
    assert new.stderr == ""
    assert old.stderr.startswith(
        "DeprecationWarning: The option 'source' is deprecated"
    )
    assert "(DEPRECATED: use --publisher" in " ".join(help_text.split())
