"""A results page's document lines follow the archive: kept between searches,
read again once the index has changed."""

from __future__ import annotations

from bs4 import BeautifulSoup
from click.testing import CliRunner

from archive.cli import cli
from tests.web.conftest import WIRE_FIXTURES, close_app, make_app, words

STORY = WIRE_FIXTURES / "afp-deir-ezzor-clashes.txt"


def _document_lines(client, query: str) -> list[str]:
    page = BeautifulSoup(
        client.get(f"/?q={query}").get_data(as_text=True), "html.parser"
    )
    return [words(line) for line in page.select("li.doc-hit p.hit-meta")]


def test_a_story_archived_again_shows_its_new_date(tmp_path) -> None:
    """
    GIVEN a site over an archive of one AFP story dated March 3, 2025, searched
    WHEN the story is archived again with another date while the site runs
    THEN the same search shows the new date in the story's line
    """
    story = tmp_path / "story.txt"
    text = STORY.read_text(encoding="utf-8")
    story.write_text(text, encoding="utf-8")
    runner = CliRunner(env={"ARCHIVE_DATA_DIR": str(tmp_path / "data")})
    assert runner.invoke(cli, ["ingest", str(story)]).exit_code == 0
    app = make_app(tmp_path / "data")
    try:
        client = app.test_client()
        (before,) = _document_lines(client, "Dhiban")
        assert "3 March 2025" in before
        assert _document_lines(client, "Dhiban") == [before]
        later = text.replace("March 3, 2025", "April 7, 2025", 1)
        story.write_text(later, encoding="utf-8")
        result = runner.invoke(cli, ["ingest", str(story)])
        assert result.exit_code == 0, result.output
        (after,) = _document_lines(client, "Dhiban")
        assert "7 April 2025" in after
        assert "3 March 2025" not in after
    finally:
        close_app(app)
