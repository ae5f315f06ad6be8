"""A term's postings as arrays, and the positions test of a phrase.

Whoosh's matchers hand out one posting per call. A posting list is stored in
blocks of up to 128 postings, each a pickled tuple of delta-encoded document
numbers, weights and values; here each block becomes numpy arrays at once.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import accumulate, chain
from pickle import UnpicklingError, loads

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.system import _INT_SIZE as _COUNT

_FEW = 8  # a slop up to which two words' gaps are tried one by one
_PROTOCOL_2 = b"\x80\x02"  # how Whoosh's ``Positions.encode`` pickles
_STOP = ord(".")


def position_decoder(format_: formats.Format) -> Callable[[bytes], list[int]]:
    """How to read a posting's positions: Whoosh's own way, or a faster same one.

    ``Positions`` stores a count and the pickled gaps between positions, without
    the pickle's final byte; its decoder adds them up in a Python loop.
    """
    if type(format_) is not formats.Positions:
        return format_.decode_positions
    return _positions


def _positions(value: bytes) -> list[int]:
    if not value.endswith(b"."):
        value += b"."
    return list(accumulate(loads(value[_COUNT:])))


def positions_of(values: list[bytes]) -> tuple[np.ndarray, np.ndarray] | None:
    """The positions of many ``Positions`` values at once, as (value number,
    position) pairs; None if a value is not a protocol 2 pickle of gaps.

    The pickles, their opening and closing opcodes cut, become one list of
    lists, unpickled by one call; the gaps are summed over arrays.
    """
    if any(v[_COUNT : _COUNT + 2] != _PROTOCOL_2 for v in values):
        return None
    body = [v[_COUNT + 2 : -1] if v[-1] == _STOP else v[_COUNT + 2 :] for v in values]
    try:
        gaps = loads(b"".join((_PROTOCOL_2, b"(", *body, b"l.")))
    except (UnpicklingError, EOFError, IndexError, ValueError):
        return None  # a value of another shape: decoded one by one
    if len(gaps) != len(values):
        return None
    lengths = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
    flat = np.fromiter(chain.from_iterable(gaps), dtype=np.int64, count=lengths.sum())
    ends = np.cumsum(lengths)
    sums = np.cumsum(flat)
    before = np.concatenate(([0], sums))[ends - lengths]  # the sum before each value
    owners = np.repeat(np.arange(len(values), dtype=np.int64), lengths)
    return owners, sums - np.repeat(before, lengths)


def in_order(positions: list[list[int]], slop: int, mindist: int = 1) -> bool:
    """Whether the words' positions chain in order, each within ``slop``.

    Whoosh's ``SpanNear2Matcher._get_spans`` for spans of one position each:
    a span (start, end) takes the next word's position p when p is not before
    start and its distance from the span is from ``mindist`` to ``slop``.
    """
    if len(positions) == 2 and slop <= _FEW:  # the usual case, without spans
        following = set(positions[1])
        gaps = range(mindist, slop + 1)
        return any(p + gap in following for p in positions[0] for gap in gaps)
    if slop == 1 and mindist == 1:  # an exact phrase: word k at start + k
        return _consecutive(positions)
    spans = {(p, p) for p in positions[0]}
    for following in positions[1:]:
        spans = {
            (start, max(end, p))
            for start, end in spans
            for p in following
            if p >= start and mindist <= _distance(start, end, p) <= slop
        }
        if not spans:
            return False
    return True


def _consecutive(positions: list[list[int]]) -> bool:
    """Whether some start has word k at start + k for every k (slop 1).

    The spans below come to this when the slop is 1 (each next word one
    position past the span's end), but cost grows with the square of a word's
    positions there: a 32-word phrase of ``the`` took seconds a passage.
    """
    starts = set(positions[0])
    for k, following in enumerate(positions[1:], 1):
        held = set(following)
        starts = {start for start in starts if start + k in held}
        if not starts:
            return False
    return True


def _distance(start: int, end: int, p: int) -> int:
    return 0 if start <= p <= end else p - end


def read_postings(
    reader,
    fieldname: str,
    text: bytes,
    with_values: bool,
    within: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, list | None]:
    """A term's document numbers, weights and (if asked) values; deleted too.

    With ``within`` (ascending document numbers), blocks that cannot hold any of
    them are skipped unread: what comes back holds every posting of those
    documents, and others from the same blocks.
    """
    matcher = reader._terms.matcher(fieldname, text, reader.schema[fieldname].format)
    if not isinstance(matcher, W3LeafMatcher):  # postings kept in the term's info
        ids, weights, values = [], [], []
        while matcher.is_active():
            ids.append(matcher.id())
            weights.append(matcher.weight())
            values.append(matcher.value() if with_values else None)
            matcher.next()
        return (
            np.array(ids, dtype=np.int64),
            np.array(weights, dtype=float),
            values if with_values else None,
        )
    id_blocks: list[np.ndarray] = []
    weight_blocks: list[np.ndarray] = []
    values: list | None = [] if with_values else None
    lowest = 0  # the first document number the current block may hold
    while True:
        if within is not None and not _any_between(within, lowest, matcher._maxid):
            if matcher._lastblock or lowest > within[-1]:
                break
            lowest = matcher._maxid + 1
            matcher._goto(matcher._nextoffset)
            continue
        lowest = matcher._maxid + 1
        matcher._read_data()
        deltas, weights = matcher._data[0], matcher._data[1]
        if values is not None:
            matcher._read_values()
            values.extend(matcher._values)
        id_blocks.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        count = matcher._blocklength
        if weights is None:
            weight_blocks.append(np.ones(count))
        elif isinstance(weights, float):
            weight_blocks.append(np.full(count, weights))
        else:
            weight_blocks.append(np.asarray(weights, dtype=np.float32).astype(float))
        if matcher._lastblock:
            break
        matcher._goto(matcher._nextoffset)
    if not id_blocks:
        return np.zeros(0, dtype=np.int64), np.zeros(0), values
    return np.concatenate(id_blocks), np.concatenate(weight_blocks), values


def _any_between(ids: np.ndarray, low: int, high: int) -> bool:
    at = int(np.searchsorted(ids, low))
    return at < len(ids) and ids[at] <= high


def deleted(reader) -> np.ndarray:
    """A segment's deleted document numbers, ascending."""
    if not reader.has_deletions():
        return np.zeros(0, dtype=np.int64)
    return np.fromiter(sorted(reader.deleted_docs_set), dtype=np.int64)


def doc_ids(reader, fieldname: str, text: str) -> np.ndarray:
    """Every live document holding the term, across ``reader``'s segments."""
    term = reader.schema[fieldname].to_bytes(text)
    parts = []
    for leaf, offset in reader.leaf_readers():
        if (fieldname, term) not in leaf:
            continue
        ids, _, _ = read_postings(leaf, fieldname, term, with_values=False)
        gone = deleted(leaf)
        if len(gone):
            ids = ids[~np.isin(ids, gone, assume_unique=True)]
        parts.append(ids + offset)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
