"""The bytes a fetched document was read from, as its server sent them.

They come from the WARC store (``archive.fetching.warc``) and are only ever
served as a download: ``Content-Disposition: attachment``, a content type that
no browser renders as a page (PDF and office files keep theirs; HTML and
anything else is ``application/octet-stream``), ``nosniff`` and a sandboxing
Content-Security-Policy, so that a fetched page's scripts never run on the site.
"""

from __future__ import annotations

from flask import Response, current_app

from archive import browse
from archive.config import settings_of
from archive.errors import NotFound
from archive.fetching.warc import read_original
from web import connections

SAFE_TYPES = {
    "application/pdf": ".pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
}
NAMED_ONLY = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
}
DOWNLOAD = "application/octet-stream"


def download(document_id: int) -> Response:
    """The fetched original of a document, as an attachment (served by
    ``web.documents`` at ``/documents/<id>/original``)."""
    where = browse.original_of(connections.db(), document_id)
    if where is None:
        raise NotFound("fetched original of document", document_id)
    kept = read_original(settings_of(current_app.config).data_dir, *where)
    media = (kept.content_type or "").split(";")[0].strip().lower()
    suffix = SAFE_TYPES.get(media) or NAMED_ONLY.get(media, "")
    response = Response(kept.body, mimetype=media if media in SAFE_TYPES else DOWNLOAD)
    response.headers["Content-Disposition"] = (
        f'attachment; filename="document-{document_id}-original{suffix}"'
    )
    response.headers["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
