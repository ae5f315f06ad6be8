"""A term's postings as whoosh3 blocks: written all at once, and read back.

Whoosh's codec writes a posting list a posting at a time and reads it back
through a matcher. The list is a header, then blocks of up to 128 postings, each
its byte length (negative for the last), a pickled tuple of statistics (count,
last document, top weight, zlib level, shortest and longest length as bytes) and
a pickled, maybe compressed, tuple of delta-encoded document numbers, weights
(None when all are 1.0, one float when all are equal) and values. Here a whole
list is written from three Python lists, the way Whoosh writes it, and read back
block by block.
"""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from array import array
from collections.abc import Iterator
from itertools import accumulate
from operator import sub

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int
from whoosh.util.numeric import byte_to_length, length_to_byte

COMPRESS_FROM = 64  # bytes of pickled block below which zlib is skipped
_INT = 4
_MAGIC = len(WHOOSH3_HEADER_MAGIC)
_STATISTICS = W3TermInfo._struct.size  # a term info's bytes before its extent
_EXTENT = struct.Struct("!qi")  # where a term's blocks start, and their length
_TERM_INFO = W3TermInfo._struct  # a term info's statistics


class BlockWriter:
    """Writes a term's postings as whoosh3 blocks; returns its term info bytes."""

    def __init__(self, postfile, fixed_size, limit, level, compress_from, table):
        self.postfile = postfile
        self.fixed_size = fixed_size
        self.limit = limit
        self.level = level
        self.compress_from = compress_from
        self.table = table  # each document's length byte, or None

    def write(self, ids: list[int], weights: list[float], values: list) -> bytes:
        if 0 < len(ids) <= self.limit:
            return self._one_block(ids, weights, values)
        postfile = self.postfile
        info = W3TermInfo()
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC)
        limit = self.limit
        count = len(ids)
        for at in range(0, count, limit):
            end = at + limit
            self._block(
                info, ids[at:end], weights[at:end], values[at:end], end >= count
            )
        info.set_extent(start, postfile.tell() - start)
        return info.to_bytes()

    def _one_block(self, ids: list[int], weights: list[float], values: list) -> bytes:
        """``write`` for a term whose postings fit one block, as most terms'
        do: the same bytes, and the term info's bytes packed as ``W3TermInfo``
        packs them, without building one."""
        block, rounded, top, low, high = self._encoded(ids, weights, values)
        postfile = self.postfile
        start = postfile.tell()
        postfile.write(WHOOSH3_HEADER_MAGIC + pack_int(-len(block)) + block)
        statistics = _TERM_INFO.pack(
            False,  # not inlined
            0 + sum(rounded),
            len(ids),
            length_to_byte(byte_to_length(low)) if low else 0,
            length_to_byte(byte_to_length(high) if high else 0),
            top,
            ids[0],
            ids[-1],
        )
        return statistics + _EXTENT.pack(start, _MAGIC + _INT + len(block))

    def _block(self, info, ids, weights, values, last: bool) -> None:
        block, rounded, top, low, high = self._encoded(ids, weights, values)
        info._weight += sum(rounded)
        info._df += len(ids)
        if low:
            shortest = byte_to_length(low)
            if info._minlength is None or shortest < info._minlength:
                info._minlength = shortest
        info._maxlength = max(info._maxlength, byte_to_length(high) if high else 0)
        info._maxweight = max(info._maxweight, top)
        if info._minid is None:
            info._minid = ids[0]
        info._maxid = ids[-1]
        self.postfile.write(pack_int(-len(block) if last else len(block)) + block)

    def _encoded(self, ids: list[int], weights: list[float], values: list):
        """A block as written after its length (its head, then its postings),
        with what its term's statistics take from it: the weights at the
        precision Whoosh keeps, the top weight, and the shortest and longest
        document length bytes."""
        rounded = array("f", weights)
        top = max(weights)
        top = top if top > 0 else 0
        low = high = 0
        if self.table is not None:
            found = bytes(map(self.table.__getitem__, ids))
            high = max(found)
            low = min(filter(None, found), default=0)
        data = pickle.dumps(
            (_deltas(ids), _mini_weights(rounded), self._mini_values(values)), 2
        )
        level = self.level if len(data) >= self.compress_from else 0
        if level:
            data = zlib.compress(data, level)
        head = pickle.dumps((len(ids), ids[-1], top, level, low, high), 2)
        return head + data, rounded, top, low, high

    def _mini_values(self, values: list):
        size = self.fixed_size
        if size == 0:
            return None
        present = filter(None, values)  # the non-empty ones
        if size is None or size < 0:
            return tuple(present)
        return b"".join(present)


def _deltas(ids: list[int]) -> tuple[int, ...]:
    return tuple(map(sub, ids, [0, *ids]))


def _mini_weights(rounded: array):
    first = rounded[0]
    if first == 1.0 and rounded.count(1.0) == len(rounded):
        return None
    if rounded.count(first) == len(rounded):
        return first
    return tuple(rounded)


def read_term(postfile, infobytes: bytes) -> Iterator[tuple[list, list, list]]:
    """A term's postings, block by block: document numbers, weights, values.

    ``infobytes``: the term's info as the term index holds it. Values are the
    block's non-empty ones (none for a format without values).
    """
    if infobytes[0]:  # postings kept in the term info
        ids, weights, values = W3TermInfo.from_bytes(infobytes).inlined_postings()
        yield list(ids), list(weights), list(values)
        return
    offset, length = _EXTENT.unpack_from(infobytes, _STATISTICS)
    raw = io.BytesIO(postfile.get(offset, length))
    raw.seek(_MAGIC)
    while True:
        size = int.from_bytes(raw.read(_INT), "big", signed=True)
        start = raw.tell()
        count, _, _, level, _, _ = pickle.load(raw)
        data = raw.read(start + abs(size) - raw.tell())
        if level:
            data = zlib.decompress(data)
        deltas, weights, values = pickle.loads(data)
        if weights is None:
            weights = [1.0] * count
        elif isinstance(weights, float):
            weights = [weights] * count
        yield list(accumulate(deltas)), list(weights), _values(values, count)
        if size < 0:
            return


def _values(values, count: int) -> list:
    if values is None:
        return []
    if isinstance(values, bytes):  # fixed-size values, joined
        size = len(values) // count
        return [values[i : i + size] for i in range(0, len(values), size)]
    return list(values)
