"""The WARC store: the exact exchanges with each cited URL's server, kept in
WARC files (ISO 28500, the web-archiving standard) under ``<data dir>/warc``.

Each run appends to a file of its own, ``archive-<UTC time>-<process>.warc.gz``,
that begins with a ``warcinfo`` record. Each fetched URL adds, for every hop on
the way (redirects included), a ``request`` record and a ``response`` record
(status line, headers, body), each record a gzip member of its own, so that a
record can be read at its offset alone. The archive keeps the file, offset and
length of the last response. A body that came chunked or compressed is kept as
its decoded bytes, with ``Transfer-Encoding``/``Content-Encoding`` dropped from
the kept headers (the fetcher asks for uncompressed bodies, so this is rare).
Records are written whole, then flushed to disk, before the database is told of
them: an interrupted run leaves at most a record nothing points to.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from archive.errors import ArchiveError, NotFound
from archive.fetching.answers import Hop

FOLDER = "warc"
_DROPPED = {"transfer-encoding", "content-encoding", "content-length"}


@dataclass(frozen=True, slots=True)
class Location:
    file: str  # name of a file in the WARC folder
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class Original:
    """A response as kept: the URL it came from, its date, type and body."""

    url: str
    date: str
    content_type: str | None
    body: bytes


class WarcStore:
    """Appends exchanges to this run's WARC file in ``data_dir/warc``."""

    def __init__(self, data_dir: Path, name: str) -> None:
        self.folder = Path(data_dir) / FOLDER
        self.name = name
        self._started = False

    @property
    def path(self) -> Path:
        return self.folder / self.name

    def keep(self, hops: tuple[Hop, ...], body: bytes) -> Location:
        """Write every hop (the last with ``body``); where the last response is."""
        buffer = io.BytesIO()
        writer = WARCWriter(buffer, gzip=True)
        if not self._started:
            self.folder.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                writer.write_record(
                    writer.create_warcinfo_record(
                        self.name, {"software": "citation-archive (archive fetch)"}
                    )
                )
            self._started = True
        start = 0
        for n, hop in enumerate(hops):
            last = n == len(hops) - 1
            request = _request_record(writer, hop)
            writer.write_record(request)
            start = buffer.tell()
            writer.write_record(_response_record(writer, hop, body if last else b""))
        end = buffer.tell()
        with self.path.open("ab") as handle:
            offset = handle.tell()
            handle.write(buffer.getvalue())
            handle.flush()
            os.fsync(handle.fileno())
        return Location(self.name, offset + start, end - start)


def _request_record(writer: WARCWriter, hop: Hop):
    parts = urlsplit(hop.url)
    target = parts.path or "/"
    if parts.query:
        target += f"?{parts.query}"
    headers = StatusAndHeaders(
        f"GET {target} HTTP/1.1",
        list(hop.request_headers),
        is_http_request=True,
    )
    return writer.create_warc_record(hop.url, "request", http_headers=headers)


def _response_record(writer: WARCWriter, hop: Hop, body: bytes):
    kept = [(k, v) for k, v in hop.headers if k.lower() not in _DROPPED]
    kept.append(("Content-Length", str(len(body))))
    headers = StatusAndHeaders(
        f"{hop.status} {hop.reason}".strip(), kept, protocol=hop.http_version
    )
    return writer.create_warc_record(
        hop.url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),  # a length spares warcio a temporary file it never closes
        http_headers=headers,
    )


def read_original(data_dir: Path, file: str, offset: int) -> Original:
    """The response record at ``offset`` of ``file`` in the WARC folder."""
    if not file or Path(file).name != file:
        raise NotFound("WARC file", file)
    path = Path(data_dir) / FOLDER / file
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            record = next(iter(ArchiveIterator(handle)), None)
            if record is None or record.rec_type != "response":
                raise ArchiveError(f"{path}: no response record at offset {offset}")
            return Original(
                url=record.rec_headers.get_header("WARC-Target-URI"),
                date=record.rec_headers.get_header("WARC-Date"),
                content_type=record.http_headers.get_header("Content-Type"),
                body=record.content_stream().read(),
            )
    except FileNotFoundError as error:
        raise NotFound("WARC file", file) from error
