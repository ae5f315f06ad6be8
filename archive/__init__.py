"""The archive: its domain model, its storage and the ``archive`` command."""

from __future__ import annotations

from archive.config import Settings, load_settings
from archive.date_bounds import DATE_FORMS, NotADate, date_bounds
from archive.db import connect
from archive.errors import ArchiveError, NotFound
from archive.paging import page_count
from archive.store import StoreResult, store
from ingest.model import KINDS

__all__ = [
    "DATE_FORMS",
    "KINDS",
    "ArchiveError",
    "NotADate",
    "NotFound",
    "Settings",
    "StoreResult",
    "connect",
    "date_bounds",
    "load_settings",
    "page_count",
    "store",
]
