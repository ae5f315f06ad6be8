"""Which segments a commit merges: segments of one size class, never the largest.

Every commit writes a new segment, and the commit decides which old segments to
merge into it. Whoosh's own policy merges a run of the smallest segments whose
total stays under a Fibonacci bound; as an index grows that run comes to take in
segments of hundreds of thousands of passages, so one commit past ~650,000
passages spent more than 13 minutes copying postings it had copied before.

Here segments are put in size classes by powers of ``factor`` (live passages):
once ``factor`` segments share a class, the next commit merges them (with any
smaller ones), so a passage is copied about once per class it climbs through,
and a commit never merges more than ``factor`` times a class's size. Segments of
``largest`` passages or more are left alone: at a million passages the index is
a few such segments and a tail of small ones, and ``archive reindex`` still
builds one segment from scratch. A segment whose passages were all replaced is
dropped; one that lost half of them joins the next merge.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from whoosh.reading import SegmentReader
from whoosh.writing import SegmentWriter

FACTOR = 10
LARGEST = 100_000  # passages: a segment this big is merged only by a rebuild

MergePolicy = Callable[[SegmentWriter, Sequence], list]


def tiered(factor: int = FACTOR, largest: int = LARGEST) -> MergePolicy:
    """A merge policy for ``commit(mergetype=...)`` with these bounds."""

    def merge(writer: SegmentWriter, segments: Sequence) -> list:
        chosen = choose(segments, factor, largest)
        for segment in chosen:
            reader = SegmentReader(writer.storage, writer.schema, segment)
            writer.add_reader(reader)  # copies the live passages only
            reader.close()
        return [s for s in segments if s not in chosen and s.doc_count() > 0]

    return merge


def choose(segments: Sequence, factor: int, largest: int) -> list:
    """The segments to merge into the new one (none, most commits)."""
    live = [s for s in segments if s.doc_count() > 0]
    wasted = [s for s in live if s.doc_count() * 2 < s.doc_count_all()]
    classes: dict[int, list] = defaultdict(list)
    for segment in live:
        if segment.doc_count() < largest:
            classes[_size_class(segment.doc_count(), factor)].append(segment)
    full = [c for c, members in sorted(classes.items()) if len(members) >= factor]
    if not full:
        return wasted if len(wasted) > 1 else []
    chosen = [s for c, members in classes.items() if c <= full[0] for s in members]
    return chosen + [s for s in wasted if s not in chosen]


def _size_class(passages: int, factor: int) -> int:
    """n for segments of factor**n up to factor**(n+1) - 1 passages."""
    size_class = 0
    while passages >= factor:
        passages //= factor
        size_class += 1
    return size_class
