"""The one exception bad input raises."""

from __future__ import annotations


class ParseError(Exception):
    """An input that cannot be archived; prints as ``path: reason``."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
