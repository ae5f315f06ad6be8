"""Page arithmetic, the same for every paginated list (site, API, command line)."""

from __future__ import annotations


def page_count(total: int, per_page: int) -> int:
    """How many pages ``total`` items fill (at least one, which may be empty)."""
    return max(1, -(-total // per_page))
