"""Cited URLs as last checked by ``archive fetch``: one URL's state, and how
many of the URLs an outlet's works or a report's notes cite are gone or held."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import ColumnElement, distinct, func, select
from sqlalchemy.orm import Session

from archive.fetching import states
from archive.models import Citation, CitedWork, Footnote, LinkCheck

WAYBACK = "https://web.archive.org/web/*/"  # linked to, never fetched from
_LOOK_UP_ELSEWHERE = (states.GONE, states.FAILED)


@dataclass(frozen=True, slots=True)
class LinkState:
    """A cited URL when last checked. ``label`` reads "gone (HTTP 404)";
    ``original`` says whether the bytes fetched from it are kept (a download);
    ``wayback`` is where to look for it when it is gone or failing."""

    url: str
    state: str
    label: str
    detail: str | None
    http_status: int | None
    final_url: str | None
    checked_at: str
    fetched_at: str | None
    document_id: int | None
    content_type: str | None
    original: bool
    wayback: str | None


@dataclass(frozen=True, slots=True)
class LinkCounts:
    """Distinct cited URLs: all of them, those checked, those gone, and those
    whose works have an archived copy."""

    urls: int
    checked: int
    gone: int
    archived: int


def _iso(value) -> str | None:
    return f"{value.isoformat(timespec='seconds')}Z" if value else None


def _state_of(row: LinkCheck) -> LinkState:
    return LinkState(
        url=row.url,
        state=row.state,
        label=states.describe(row.state, row.detail),
        detail=row.detail,
        http_status=row.http_status,
        final_url=row.final_url,
        checked_at=_iso(row.checked_at) or "",
        fetched_at=_iso(row.fetched_at),
        document_id=row.document_id,
        content_type=row.content_type,
        original=row.warc_file is not None,
        wayback=WAYBACK + quote(row.url, safe=":/?&=%#+,;@")
        if row.state in _LOOK_UP_ELSEWHERE
        else None,
    )


def link_state(session: Session, url: str | None) -> LinkState | None:
    """``url`` as last checked, or None if it never was."""
    if not url:
        return None
    row = session.scalar(
        select(LinkCheck).where(LinkCheck.url_key == states.url_key(url))
    )
    return _state_of(row) if row else None


def fetched_copy(session: Session, document_id: int) -> LinkState | None:
    """The URL a document was fetched from, if it was."""
    row = session.scalar(
        select(LinkCheck)
        .where(LinkCheck.document_id == document_id)
        .order_by(LinkCheck.id)
        .limit(1)
    )
    return _state_of(row) if row else None


def original_of(session: Session, document_id: int) -> tuple[str, int] | None:
    """The WARC file and offset of the bytes a document was read from."""
    row = session.execute(
        select(LinkCheck.warc_file, LinkCheck.warc_offset)
        .where(LinkCheck.document_id == document_id, LinkCheck.warc_file.is_not(None))
        .order_by(LinkCheck.id)
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def counts(session: Session, works: ColumnElement[bool]) -> LinkCounts:
    """The counts for the works that ``works`` (a condition on ``CitedWork``)
    selects."""
    cited = (
        select(CitedWork.url, CitedWork.document_id)
        .where(works, CitedWork.url.is_not(None))
        .subquery()
    )
    urls, archived = session.execute(
        select(
            func.count(distinct(cited.c.url)),
            func.count(distinct(cited.c.url)).filter(cited.c.document_id.is_not(None)),
        )
    ).one()
    checked, gone = session.execute(
        select(
            func.count(distinct(LinkCheck.url)),
            func.count(distinct(LinkCheck.url)).filter(LinkCheck.state == states.GONE),
        ).where(LinkCheck.url.in_(select(cited.c.url)))
    ).one()
    return LinkCounts(urls or 0, checked or 0, gone or 0, archived or 0)


def of_outlet(outlet_id: int) -> ColumnElement[bool]:
    return CitedWork.outlet_id == outlet_id


def of_report(report_id: int) -> ColumnElement[bool]:
    return CitedWork.id.in_(
        select(Citation.work_id)
        .join(Footnote, Footnote.id == Citation.footnote_id)
        .where(Footnote.report_id == report_id)
    )
