"""Which cited URLs to fetch, and each URL's state as last checked (the
``link_check`` table), written in the same transaction as its archived copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, Select, func, insert, select, update
from sqlalchemy.orm import Session

from archive.errors import NotFound
from archive.fetching.fetcher import Fetched
from archive.fetching.states import url_key
from archive.fetching.warc import Location
from archive.models import (
    Citation,
    CitedWork,
    Claim,
    Document,
    Footnote,
    LinkCheck,
    Outlet,
    Passage,
    Report,
)


@dataclass(frozen=True, slots=True)
class Selection:
    """Which cited URLs ``archive fetch`` takes (``None``: no narrowing)."""

    report_id: int | None = None
    outlet: str | None = None
    since: dt.date | None = None
    limit: int | None = None
    recheck: bool = False


def targets(session: Session, selection: Selection) -> list[str]:
    """The cited URLs to fetch, in the order their works were first cited.

    Without ``recheck``: the URLs of works with no archived copy that were never
    checked; a URL checked once (whatever became of it) is not fetched again.
    """
    first = func.min(Citation.id)  # citations are stored in the order of the text
    query = (
        select(CitedWork.url, first)
        .join(Citation, Citation.work_id == CitedWork.id)
        .where(CitedWork.url.is_not(None))
        .group_by(CitedWork.url)
        .order_by(first)
    )
    if not selection.recheck:
        query = query.where(CitedWork.document_id.is_(None))
    found = [url for url, _ in session.execute(_narrowed(session, query, selection))]
    if not selection.recheck:
        # By key, in Python: the URLs themselves are not indexed (they can be
        # longer than an index entry may be).
        checked = set(session.scalars(select(LinkCheck.url_key)))
        found = [url for url in found if url_key(url) not in checked]
    return found[: selection.limit] if selection.limit is not None else found


def _narrowed(session: Session, query: Select, selection: Selection) -> Select:
    if selection.report_id is not None:
        if session.get(Report, selection.report_id) is None:
            raise NotFound("report", selection.report_id)
        in_report = (
            select(Citation.work_id)
            .join(Footnote, Footnote.id == Citation.footnote_id)
            .where(Footnote.report_id == selection.report_id)
        )
        query = query.where(CitedWork.id.in_(in_report))
    if selection.outlet is not None:
        outlet_id = session.scalar(
            select(Outlet.id).where(Outlet.slug == selection.outlet)
        )
        if outlet_id is None:
            raise NotFound("outlet", selection.outlet)
        query = query.where(CitedWork.outlet_id == outlet_id)
    if selection.since is not None:
        since = dt.datetime.combine(selection.since, dt.time())
        in_notes = (
            select(Citation.work_id)
            .join(Footnote, Footnote.id == Citation.footnote_id)
            .join(Document, Document.id == Footnote.document_id)
            .where(Document.archived_at >= since)
        )
        in_claims = (
            select(Citation.work_id)
            .join(Claim, Claim.id == Citation.claim_id)
            .join(Passage, Passage.id == Claim.passage_id)
            .join(Document, Document.id == Passage.document_id)
            .where(Document.archived_at >= since)
        )
        query = query.where(CitedWork.id.in_(in_notes.union(in_claims)))
    return query


def previous(connection: Connection, url: str):
    """The URL's ``link_check`` row, or None if it was never checked."""
    return connection.execute(
        select(LinkCheck).where(LinkCheck.url_key == url_key(url))
    ).first()


def record(
    connection: Connection,
    fetched: Fetched,
    state: tuple[str, str | None],
    location: Location | None,
    document_id: int | None,
) -> None:
    """Write the URL's state; a copy kept before stays linked when it is gone."""
    values: dict[str, object] = {
        "url": fetched.url,
        "state": state[0],
        "detail": state[1],
        "http_status": fetched.http_status,
        "final_url": fetched.final_url,
        "checked_at": fetched.at,
    }
    if location is not None:
        values |= {
            "fetched_at": fetched.at,
            "content_type": (fetched.content_type or "")[:200] or None,
            "warc_file": location.file,
            "warc_offset": location.offset,
            "warc_length": location.length,
        }
    if document_id is not None:
        values["document_id"] = document_id
    key = url_key(fetched.url)
    found = connection.scalar(select(LinkCheck.id).where(LinkCheck.url_key == key))
    if found is None:
        connection.execute(insert(LinkCheck).values(url_key=key, **values))
    else:
        connection.execute(
            update(LinkCheck).where(LinkCheck.id == found).values(values)
        )


def link_works(connection: Connection, url: str, document_id: int) -> int:
    """Make ``document_id`` the archived copy of the works cited at ``url`` that
    have none; how many works it became the copy of."""
    result = connection.execute(
        update(CitedWork)
        .where(CitedWork.url == url, CitedWork.document_id.is_(None))
        .values(document_id=document_id)
    )
    return result.rowcount or 0
