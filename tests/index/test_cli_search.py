"""``archive search``, ``check`` and ``reindex`` as a user sees them in a terminal."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from archive.cli import cli
from index.query import MAX_QUERY_LENGTH


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> CliRunner:
    data = tmp_path_factory.mktemp("cli") / "data"
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(data)})
    demo = runner.invoke(cli, ["demo"])
    assert demo.exit_code == 0, demo.output
    return runner


def search(runner: CliRunner, *args: str):
    return runner.invoke(cli, ["search", *args])


def test_help_lists_the_index_commands(runner) -> None:
    output = runner.invoke(cli, ["--help"]).output
    for command in ("reindex", "check", "search"):
        assert f"  {command} " in output


def test_demo_leaves_an_index_that_matches_the_archive(runner) -> None:
    result = runner.invoke(cli, ["check"])
    assert result.exit_code == 0
    assert result.output == (
        "1253 passages in the archive, 1253 in the index\n"
        "the index matches the archive\n"
    )


def test_search_prints_ranked_hits_with_snippets_and_facets(runner) -> None:
    result = search(runner, "Qasrak", "--per-page", "1", "--group", "passages")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[:4] == [
        "3 documents, 6 passages match 'Qasrak'",
        "also matched: Qasrik",
        "",
        "1. [U.S. forces began pulling out of their largest base in northeastern "
        "Syria on Monday] (wire, Reuters, 2026-02-23)",
    ]
    assert lines[5].startswith("   A full withdrawal from Qasrak would still leave")
    assert "page 1 of 6" in lines
    assert "counts of passages:" in lines
    assert "kinds: wire [wire] 5, report [report] 1" in lines
    assert "publishers and agencies: Reuters [reuters] 3, AP [ap] 2, EUAA [euaa] 1" in (
        lines
    )


def test_search_groups_by_document_by_default(runner) -> None:
    result = search(runner, "Qasrak")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "3 documents, 6 passages match 'Qasrak'"
    numbered = [line for line in lines if line[:1].isdigit() and ". " in line]
    assert len(numbered) == 3
    assert numbered[0].startswith(
        "1. [U.S. forces began pulling out of their largest base in northeastern "
        "Syria on Monday] (wire, Reuters, 2026-02-23"
    )
    passages = [line for line in lines if line.startswith("   #p-")]
    more = [
        int(line.split()[0]) for line in lines if line.endswith("more in this document")
    ]
    assert len(passages) + sum(more) == 6
    assert "counts of documents:" in lines
    assert "kinds: wire [wire] 2, report [report] 1" in lines
    left_out = search(runner, "Qasrak", "--exclude", "kind:wire").output
    assert left_out.splitlines()[0] == "1 document, 1 passage match 'Qasrak'"
    bad = search(runner, "Qasrak", "--exclude", "wire")
    assert bad.exit_code == 2
    assert "'wire': write FACET:KEY" in bad.output


def test_search_json_is_the_whole_result(runner) -> None:
    result = search(
        runner, "--json", "--exact", "--kind", "wire", "--group", "passages", "Qasrak"
    )
    data = json.loads(result.output)
    assert data["total"] == 5 and data["page"] == 1 and data["pages"] == 1
    assert data["query"] == "Qasrak" and data["per_page"] == 10
    hit = data["hits"][0]
    assert {"passage", "document", "url", "title", "date", "snippet", "outlets"} <= (
        set(hit)
    )
    assert hit["url"] == f"/documents/{hit['document']}?q=Qasrak#{hit['anchor']}"
    assert {"text": "Qasrak", "match": True} in hit["snippet"]["parts"]
    assert data["facets"]["kind"] == {"wire": {"label": "wire", "count": 5}}
    assert set(data["facets"]) == {"outlet", "kind", "publisher", "month", "country"}
    assert data["also_matched"] == [] and data["did_you_mean"] is None


def test_facet_filters_and_pages(runner) -> None:
    options = ["--json", "--per-page", "2", "--group", "passages"]
    first = json.loads(search(runner, *options, "Qasrak").output)
    second = json.loads(search(runner, *options, "--page", "2", "Qasrak").output)
    assert not {h["passage"] for h in first["hits"]} & {
        h["passage"] for h in second["hits"]
    }
    sohr = json.loads(search(runner, "--json", "--outlet", "sohr", "Qasrak").output)
    assert [d["title"] for d in sohr["documents"]] == ["3.4. US-led coalition"]


def test_nothing_found_says_so_and_suggests_a_spelling(runner) -> None:
    result = search(runner, "helicopterz")
    assert result.exit_code == 0
    assert result.output == (
        "no passages match 'helicopterz'\ndid you mean: helicopters\n"
    )


def test_an_unbalanced_quote_is_run_as_plain_words_and_the_user_told(runner) -> None:
    result = search(runner, '"Qasrak base')
    assert result.output.splitlines()[:2] == [
        'the query has an unbalanced quote ("); it was run as plain words: Qasrak base',
        "3 documents, 5 passages match '\"Qasrak base'",
    ]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "foo:bar",
            "unknown field 'foo' in 'foo:...'; known fields: agency, country, date, "
            "footnote, kind, outlet, publisher, text, title",
        ),
        (
            "date:2025-13",
            "date:2025-13: '2025-13' has no month 13",
        ),
        (
            "date:2025-03..2024-12",
            "date:2025-03..2024-12: the range ends before it starts",
        ),
        (
            "date:last-week",
            "date:last-week: 'last-week' is not a date; use YYYY, YYYY-MM or "
            "YYYY-MM-DD, or a range such as 2024-12..2025-01",
        ),
        (
            "*asrak",
            "'*asrak': a wildcard needs at least 2 letters before it "
            "(leading wildcards would scan the whole index)",
        ),
        (
            "x" * (MAX_QUERY_LENGTH + 1),
            f"the query is {MAX_QUERY_LENGTH + 1} characters long; the limit is "
            f"{MAX_QUERY_LENGTH} (the query parser's cost grows faster than the query)",
        ),
        (
            "foo:bar date:2025-13",
            "unknown field 'foo' in 'foo:...'; known fields: agency, country, date, "
            "footnote, kind, outlet, publisher, text, title; "
            "date:2025-13: '2025-13' has no month 13",
        ),
    ],
)
def test_query_errors_name_the_problem_and_exit_1(runner, query, message) -> None:
    result = search(runner, query)
    assert result.exit_code == 1
    assert result.output == f"Error: {message}\n"
