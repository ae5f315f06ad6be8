"""The postings the term writer holds (``index.term_writer``).

A new segment's postings, term by term (``Postings``, or bare document numbers
for a field of terms alone); a field's value shared by a run of consecutive
documents, analysed once (``Run``); and a segment being merged, whose terms are
read in order beside the new ones (``Merged``).
"""

from __future__ import annotations

from collections.abc import Iterator

from whoosh import formats
from whoosh.reading import SegmentReader
from whoosh.system import pack_ushort, unpack_ushort

from index.blocks import read_term


def postings_of(field, value) -> tuple[list, int, int]:
    """``value``'s postings in the field, their length and their count.

    For a field of terms alone (``Existence``: each weight the field's
    boost, no values), the term bytes; otherwise Whoosh's postings, (term
    bytes, frequency, weight, value bytes).
    """
    made = field.index(value)
    if type(made) is not list:
        made = list(made)
    length = sum([posting[1] for posting in made])
    if type(field.format) is not formats.Existence:
        return made, length, len(made)
    boost = field.format.field_boost
    if any(weight != boost or vbytes for _, _, weight, vbytes in made):
        raise ValueError(f"{field!r}: weighted postings in a field of terms")
    return [posting[0] for posting in made], length, len(made)


def tagged(source: int, terms) -> Iterator[tuple[bytes, int, object]]:
    """(term, source, payload): sources tie-break equal terms, payloads never."""
    for tbytes, payload in terms:
        yield tbytes, source, payload


class Run:
    """A field's value, its postings, and the run of documents holding it."""

    __slots__ = (
        "value",
        "postings",
        "length",
        "count",
        "terms_only",
        "first",
        "last",
    )

    def __init__(self, field, value, first: int) -> None:
        self.value = value
        self.postings, self.length, self.count = postings_of(field, value)
        self.terms_only = type(field.format) is formats.Existence
        self.first = self.last = first

    def add_to(self, terms: dict) -> None:
        """Add the postings of the value for each document of the run to
        ``terms`` (a field's: term bytes -> ``Postings`` or document numbers)."""
        first, last = self.first, self.last
        if self.terms_only:  # a posting is a document number
            for tbytes in self.postings:
                ids = terms.get(tbytes)
                if ids is None:
                    ids = terms[tbytes] = []
                if first == last:
                    ids.append(first)
                else:
                    ids.extend(range(first, last + 1))
            return
        times = last - first + 1
        for tbytes, _, weight, vbytes in self.postings:
            found = terms.get(tbytes)
            if found is None:
                found = terms[tbytes] = Postings()
            if times == 1:
                found.ids.append(first)
                found.weights.append(weight)
                found.values.append(vbytes)
            else:
                found.ids += range(first, last + 1)
                found.weights += [weight] * times
                found.values += [vbytes] * times


class Postings:
    """One term's postings in one new segment, in document order."""

    __slots__ = ("ids", "weights", "values")

    def __init__(
        self,
        ids: list[int] | None = None,
        weights: list[float] | None = None,
        values: list[bytes] | None = None,
    ) -> None:
        self.ids: list[int] = [] if ids is None else ids
        self.weights: list[float] = [] if weights is None else weights
        self.values: list[bytes] = [] if values is None else values


class Merged:
    """A segment being merged: its terms in order and its postings renumbered."""

    def __init__(self, reader: SegmentReader, base: int, docmap: dict | None):
        self.reader = reader
        self.base = base
        self.docmap = docmap  # old -> new document number; None: base + old
        terms = reader._terms
        self.tindex = terms._tindex
        self.fields = terms._fieldmap
        self.postfile = terms._postfile

    def field_names(self) -> list[str]:
        return list(self.fields)

    def terms(self, name: str) -> Iterator[tuple[bytes, bytes]]:
        """The field's (term bytes, term info bytes), in term order."""
        number = self.fields.get(name)
        if number is None:
            return
        prefix = pack_ushort(number)
        for key, value in self.tindex.items_from(prefix):
            if unpack_ushort(key[:2])[0] != number:
                return
            yield key[2:], value

    def read(self, infobytes: bytes, ids: list, weights: list, values: list) -> None:
        """Append the term's live postings, renumbered, to the three lists."""
        for old, block_weights, block_values in read_term(self.postfile, infobytes):
            if self.docmap is None:
                ids += [self.base + d for d in old]
                weights += block_weights
                values += block_values
                continue
            docmap = self.docmap
            for at, d in enumerate(old):
                new = docmap.get(d)
                if new is not None:
                    ids.append(new)
                    weights.append(block_weights[at])
                    if block_values:
                        values.append(block_values[at])
