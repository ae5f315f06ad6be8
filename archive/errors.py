"""Errors the archive raises for its callers to turn into messages."""

from __future__ import annotations


class ArchiveError(Exception):
    """A problem with the archive itself (its database, its data folder)."""


class NotFound(ArchiveError):
    """No record with that id."""

    def __init__(self, what: str, key: object) -> None:
        super().__init__(f"no {what} {key}")
        self.what = what
        self.key = key
