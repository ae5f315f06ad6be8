"""Archives whose derived data an older version made, rederived and compared.

``derived_rows`` gives what an archive holds of each kind of derived data, the
rows named by what they belong to (a document's path, a footnote's label, a
passage's and claim's position), never by their ids, so that an archive brought
up to date by `archive rederive` can be compared with a fresh ingest.
"""

from __future__ import annotations

from click.testing import CliRunner
from sqlalchemy import select, update
from sqlalchemy.orm import aliased

from archive.cli import cli
from archive.db import connect
from archive.derived import CURRENT, recorded
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    DerivedVersion,
    Document,
    DocumentCountry,
    Footnote,
    NoComment,
    Outlet,
    Passage,
)
from archive.rederive.citation_rows import COMPARED

_FIELDS = [
    Citation.__table__.c[n] for n in COMPARED if n not in ("outlet_id", "work_id")
]
_LINKED = aliased(Document)


def derived_rows(url: str) -> dict[str, list[tuple]]:
    sessions = connect(url)
    with sessions() as session:
        rows = {
            "countries": session.execute(
                select(
                    Document.path, DocumentCountry.position, DocumentCountry.code
                ).join(DocumentCountry)
            ).all(),
            "claims": session.execute(
                select(
                    Document.path,
                    Passage.position,
                    Claim.position,
                    Claim.start,
                    Claim.end,
                    Claim.text,
                )
                .join(Passage, Passage.document_id == Document.id)
                .join(Claim)
            ).all(),
            "footnote citations": _citations(session, Footnote.label, Footnote),
            "claim citations": _citations(session, Claim.start, Claim),
            "no comment": session.execute(
                select(
                    Document.path,
                    *(
                        NoComment.__table__.c[n]
                        for n in NoComment.__table__.c.keys()
                        if n not in ("id", "document_id")
                    ),
                ).join(NoComment)
            ).all(),
            "outlets": session.execute(
                select(Outlet.slug, Outlet.name, Outlet.kind, Outlet.known)
            ).all(),
            "works": session.execute(
                select(
                    CitedWork.work_key, CitedWork.title, CitedWork.url, _LINKED.path
                ).outerjoin(_LINKED, _LINKED.id == CitedWork.document_id)
            ).all(),
        }
    sessions.kw["bind"].dispose()
    return {name: sorted(map(tuple, found), key=repr) for name, found in rows.items()}


def _citations(session, owner_key, owner) -> list[tuple]:
    """Citations under footnotes (by label) or claims (by passage and start)."""
    statement = (
        select(
            Document.path,
            Passage.position if owner is Claim else Footnote.position,
            owner_key,
            *_FIELDS,
            Outlet.slug,
            CitedWork.work_key,
        )
        .select_from(Citation)
        .join(owner)
        .outerjoin(Outlet, Outlet.id == Citation.outlet_id)
        .outerjoin(CitedWork, CitedWork.id == Citation.work_id)
    )
    if owner is Claim:
        statement = statement.join(Passage).join(Document)
    else:
        statement = statement.join(Document, Document.id == Footnote.document_id)
    return session.execute(statement).all()


def older(url: str, name: str, change):
    """Apply ``change`` (what an older version stored) and record ``name`` as made
    by version 0; what ``change`` returns."""
    sessions = connect(url)
    with sessions.begin() as session:
        kept = change(session)
        session.execute(
            update(DerivedVersion).where(DerivedVersion.name == name).values(version=0)
        )
    sessions.kw["bind"].dispose()
    return kept


def document_id(session, name: str) -> int:
    return session.scalars(
        select(Document.id).where(Document.path.endswith(name))
    ).one()


def rederive(runner: CliRunner, *args: str) -> list[str]:
    assert runner.invoke(cli, ["reindex"]).exit_code == 0
    result = runner.invoke(cli, ["rederive", *args])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def ids(url: str, statement) -> list:
    sessions = connect(url)
    with sessions() as session:
        found = session.execute(statement).all()
    sessions.kw["bind"].dispose()
    return sorted(map(tuple, found))


def agrees(runner: CliRunner, url: str, fresh: str) -> None:
    """The archive holds what a fresh ingest holds, its index agrees, and every
    kind is recorded at the code's version."""
    assert derived_rows(url) == derived_rows(fresh)
    check = runner.invoke(cli, ["check"])
    assert check.exit_code == 0, check.output
    sessions = connect(url)
    with sessions() as session:
        assert recorded(session.connection()) == CURRENT
    sessions.kw["bind"].dispose()
    assert runner.invoke(cli, ["rederive"]).stdout.startswith(
        "derived data is up to date"
    )
