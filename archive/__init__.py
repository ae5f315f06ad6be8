"""The archive: its domain model, its storage and the ``archive`` command."""

from __future__ import annotations

from archive.config import Settings, settings_from_env
from archive.db import connect
from archive.errors import ArchiveError, NotFound
from archive.store import StoreResult, store
from ingest.model import KINDS

__all__ = [
    "KINDS",
    "ArchiveError",
    "NotFound",
    "Settings",
    "StoreResult",
    "connect",
    "settings_from_env",
    "store",
]
