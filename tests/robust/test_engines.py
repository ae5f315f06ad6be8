"""The same files store the same way on SQLite and PostgreSQL.

Text a database refuses (a NUL character, a lone surrogate) is replaced before
it reaches either database; text that files supply has no length limit on either.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from archive.batch import ingest_all
from archive.models import Footnote, Outlet, Passage
from ingest import ParseOptions, load_registry

LABEL = "note-" + "a" * 55  # 60 characters
OUTLET = "Gazette of the Very" + "long" * 80 + " Name"  # 344 characters, 5 words


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    made = {
        "long-label.md": (
            f"# Report\n\nOfficials said so.[^{LABEL}] More.\n\n"
            f'[^{LABEL}]: Source A, "A title", 1 January 2024.\n'
        ).encode(),
        "long-outlet.md": (
            "# Report\n\nOfficials said so.[^1]\n\n"
            f'[^1]: "A New Era", {OUTLET}, 12 January 2025\n'
        ).encode(),
        "nul.html": (  # a NUL past the first 8 KB, where binary files are told
            b"<html><head><title>Troops leave</title></head><body>"
            + b"<p>The officials met again.</p>" * 300
            + b"<p>Officials\x00 said on Monday that the matter was closed.</p>"
            b"</body></html>"
        ),
        "surrogate.wiki": (
            b"Officials said &#xD800; on Monday that it was closed.\n\n"
            b"== Background ==\nMore text about the matter.\n"
        ),
        "nul.txt": b"WASHINGTON (Reuters) - Officials\x00 said on Monday.\n",
    }
    for name, data in made.items():
        (tmp_path / name).write_bytes(data)
    return [tmp_path / name for name in made]


def test_the_same_files_store_alike_on_either_database(sessions, files):
    options = ParseOptions(load_registry(None))
    outcomes = {Path(o.path).name: o for o in ingest_all(files, sessions, options)}
    assert {name: o.status for name, o in outcomes.items()} == {
        "long-label.md": "added",
        "long-outlet.md": "added",
        "nul.html": "added",
        "surrogate.wiki": "added",
        "nul.txt": "failed",
    }
    assert outcomes["nul.txt"].error == "looks like a binary file, not text"
    with sessions() as session:
        labels = session.scalars(select(Footnote.label)).all()
        names = session.scalars(select(Outlet.short_name)).all()
        texts = session.scalars(select(Passage.text)).all()
    assert LABEL in labels
    assert any(
        name.startswith("Gazette of the Very") and len(name) > 300 for name in names
    )
    assert "Officials\ufffd said on Monday that the matter was closed." in texts
    assert "Officials said \ufffd on Monday that it was closed." in texts
