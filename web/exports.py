"""Exports as HTTP responses: a record's references (``?format=ris``, ``bibtex``
or ``csljson``) and a search's matches (those, or ``csv``), sent as files.

A search export says in ``X-Export-Truncated`` whether a bound cut it
(``true`` or ``false``), and in ``X-Export-Notice`` the sentence saying so.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Response, current_app, request, url_for

from archive import references
from index import exports
from web import connections, params

RECORD_FORMATS = tuple(references.FORMATS)
SEARCH_FORMATS = exports.FORMATS


def requested_format(allowed: tuple[str, ...]) -> str | None:
    """The request's ``format`` argument if one of ``allowed`` (None: JSON)."""
    chosen = params.choice(request.args, "format", ("json", *allowed))
    return None if chosen in (None, "json") else chosen


def document_link(document_id: int, anchor: str | None = None) -> str:
    """The document's page (at ``anchor``) as a full address."""
    return url_for(
        "documents.show", document_id=document_id, _anchor=anchor, _external=True
    )


def references_response(
    read: Callable[[references.Link], list[references.Reference]],
    format_name: str,
    name: str,
) -> Response:
    """The references ``read`` returns, as a file ``name`` in ``format_name``."""
    writer, media_type, extension = references.FORMATS[format_name]
    return _file(writer(read(document_link)), media_type, f"{name}.{extension}")


def search_response(format_name: str) -> Response:
    """Every match of the request's search, up to the bound, as a file."""
    search = params.search_request(request.args, current_app.config["RESULTS_PER_PAGE"])
    config = current_app.config
    limit = config[
        "EXPORT_MAX_ROWS" if format_name == "csv" else "EXPORT_MAX_DOCUMENTS"
    ]
    found = connections.matches(search, **exports.bounds(format_name, limit))
    body = exports.render(found, connections.db(), format_name, document_link)
    response = _file(
        body,
        exports.media_type(format_name),
        f"search.{exports.extension(format_name)}",
    )
    response.headers["X-Export-Truncated"] = "true" if found.truncated else "false"
    notice = exports.truncation(found, format_name)
    if notice:
        response.headers["X-Export-Notice"] = notice
    return response


def _file(body: str, media_type: str, filename: str) -> Response:
    base = media_type.split(";")[0]
    response = Response(body, content_type=f"{base}; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
