"""A changed file's claims keep their ids where their text and place are the same.

Links to ``/claims/<id>`` then still lead to the same claim after the file is
archived again; only the claims that changed get new ids.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from archive.batch import ingest_all
from archive.models import Claim
from ingest import ParseOptions
from tests.conftest import SAMPLES

EUAA = SAMPLES / "euaa-coi-syria-country-focus-2025-03-section-3-4.txt"
OTHER = SAMPLES / "reuters-2026-02-23-us-forces-qasrak.txt"
EDITED = "there were around 2 000 US troops"


def _claims(sessions) -> dict[str, int]:
    with sessions() as session:
        return {text: i for i, text in session.execute(select(Claim.id, Claim.text))}


def test_claims_of_a_changed_file_keep_their_ids_unless_they_changed(
    sessions, tmp_path: Path
):
    copy = tmp_path / EUAA.name
    text = EUAA.read_text(encoding="utf-8")
    assert EDITED in text
    copy.write_text(text, encoding="utf-8")
    list(ingest_all([copy], sessions, ParseOptions()))
    before = _claims(sessions)
    list(ingest_all([OTHER], sessions, ParseOptions()))  # claims with later ids

    copy.write_text(text.replace(EDITED, "there were about 2 000 US troops"), "utf-8")
    (outcome,) = ingest_all([copy], sessions, ParseOptions())
    assert outcome.status == "updated"
    after = _claims(sessions)

    after = {t: i for t, i in after.items() if t in before or "about 2 000" in t}
    unchanged = {t for t in before if t in after}
    assert len(unchanged) == len(before) - 1
    assert {t: after[t] for t in unchanged} == {t: before[t] for t in unchanged}
    (changed,) = set(after) - set(before)
    assert "about 2 000" in changed
    assert after[changed] not in {before[t] for t in unchanged}
