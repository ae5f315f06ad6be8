"""Bringing the index back in step with the archive after it fell behind.

An ingest that dies between its database commit and its index commit, a kill
during a rebuild, or an index folder damaged by hand leaves the index behind the
database; a re-run that finds every file unchanged would never index them
again. ``heal`` checks (``index.check``) and mends what it finds: the documents
whose passages are missing, stale or orphaned are rewritten, or the whole index
is rebuilt when it cannot be used or most of it differs.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.freshness import CheckReport, check
from index.writer import Indexer, IndexUpdate

REWRITE_AT_MOST = 1_000  # documents rewritten; beyond, the index is rebuilt


@dataclass(frozen=True, slots=True)
class Healing:
    """What was found behind and what was done about it."""

    report: CheckReport
    update: IndexUpdate

    def line(self) -> str:
        """The sentence an ingest prints."""
        done = (
            f"{self.update.passages} passages of {len(self.update.documents)} documents"
        )
        if self.report.problem is not None:
            return (
                f"the search index could not be used ({self.report.problem}); "
                f"rebuilt it from the archive: {done}"
            )
        found = ", ".join(
            f"{len(ids)} {name}"
            for name, ids in (
                ("missing", self.report.missing),
                ("stale", self.report.stale),
                ("orphaned", self.report.orphaned),
            )
            if ids
        )
        return (
            f"the search index was behind the archive ({found} passages); "
            f"brought it up to date: {done} rewritten"
        )


def heal(indexer: Indexer, thorough: bool = False) -> Healing | None:
    """Check the index against the archive and mend it; None if in step.

    Not ``thorough``: by passage id alone (``check``), which costs little
    enough for every ingest; a document stored again gets new passage ids, so
    an index step that never ran shows all the same.
    """
    report = check(indexer.path, indexer.sessions, thorough)
    if report.ok or (report.problem is not None and report.in_archive == 0):
        return None  # in step, or no index yet with nothing to put in it
    if report.problem is not None or len(report.documents) > REWRITE_AT_MOST:
        return Healing(report, indexer.rebuild())
    return Healing(report, indexer.update_documents(report.documents))
