"""Request arguments read once, with a 400 that names the argument when one is bad.

Pages and the API take the same arguments: ``q``, ``outlet``, ``kind``,
``publisher`` (a publisher's or agency's key), ``month``, ``country`` (an ISO
3166-1 alpha-2 code), each also as ``not_outlet`` and so on to leave a value
out, ``from``/``to`` (YYYY, YYYY-MM or YYYY-MM-DD), ``sort``, ``group``
(``documents`` or ``passages``), ``exact`` and ``page``.
"""

from __future__ import annotations

import datetime as dt

from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import BadRequest, NotFound

from archive import DATE_FORMS, NotADate, date_bounds
from index import PUBLIC_FACETS, SearchRequest

SORTS = ("relevance", "newest", "oldest", "archived")
GROUPS = ("documents", "passages")
EXCLUDE = "not_"  # not_outlet=sohr leaves out the passages citing SOHR
# Request argument -> the index's facet name.
FILTERS = PUBLIC_FACETS
MAX_PAGE = 10_000


def page(args: MultiDict) -> int:
    raw = args.get("page", "1").strip() or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise BadRequest(f"page must be a number from 1 to {MAX_PAGE}, not {raw!r}")
    return int(raw)


def number(args: MultiDict, name: str) -> int | None:
    """Argument ``name`` as a record id, if given."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    if not raw.isdigit():
        raise BadRequest(f"{name} must be a number, not {raw!r}")
    return int(raw)


class PastLastPage(NotFound):
    """A page number beyond the last page of a list."""

    def __init__(self, page: int, pages: int) -> None:
        last = "the list has one page" if pages == 1 else f"the last is {pages}"
        super().__init__(f"There is no page {page} of this list: {last}.")


def within(page: int, pages: int) -> None:
    """Raise ``PastLastPage`` unless ``page`` is one of ``pages`` (page 1 always is)."""
    if page > max(pages, 1):
        raise PastLastPage(page, pages)


def date_bound(args: MultiDict, name: str, last: bool = False) -> dt.date | None:
    """The first (or ``last``) day that argument ``name`` can mean, if given."""
    raw = args.get(name, "").strip()
    if not raw:
        return None
    try:
        first, final = date_bounds(raw)
    except NotADate as error:
        hint = f"; {DATE_FORMS}" if error.unreadable else ""
        raise BadRequest(f"{name}: {error.reason}{hint}") from None
    return final if last else first


def choice(args: MultiDict, name: str, allowed: tuple[str, ...]) -> str | None:
    raw = args.get(name, "").strip()
    if raw and raw not in allowed:
        raise BadRequest(f"{name} must be one of {', '.join(allowed)}, not {raw!r}")
    return raw or None


def date_range(args: MultiDict) -> tuple[dt.date | None, dt.date | None]:
    start = date_bound(args, "from")
    end = date_bound(args, "to", last=True)
    if start and end and start > end:
        raise BadRequest("the date range ends (to) before it starts (from)")
    return start, end


def wants_search(args: MultiDict) -> bool:
    """Whether the request asks for a search (a query or any filter)."""
    names = ("q", "from", "to", *FILTERS, *(EXCLUDE + name for name in FILTERS))
    return any(value.strip() for name in names for value in args.getlist(name))


def search_request(args: MultiDict, per_page: int) -> SearchRequest:
    """The search the arguments describe; ``from``/``to`` become a ``date:`` range."""
    query = args.get("q", "").strip()
    date_range(args)
    start, end = args.get("from", "").strip(), args.get("to", "").strip()
    if start or end:
        query = f"{query} date:{start}..{end}".strip()
    filters = tuple(
        (facet, value.strip())
        for name, facet in FILTERS.items()
        for value in args.getlist(name)
        if value.strip()
    )
    excluded = tuple(
        (facet, value.strip())
        for name, facet in FILTERS.items()
        for value in args.getlist(EXCLUDE + name)
        if value.strip()
    )
    return SearchRequest(
        query=query,
        page=page(args),
        per_page=per_page,
        sort=choice(args, "sort", SORTS) or "relevance",
        exact=args.get("exact", "") not in ("", "0", "false"),
        filters=filters,
        excluded=excluded,
        group=choice(args, "group", GROUPS) or "documents",
    )
