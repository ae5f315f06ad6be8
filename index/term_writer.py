"""A segment writer that gathers postings term by term instead of sorting them.

Whoosh's ``SegmentWriter`` puts every posting into a pool as a tuple, sorts the
pool (spilling runs to disk past ``limitmb``, one pickle per posting), and hands
the sorted stream to the codec one posting at a time, looking up the document's
field length for each; a merge pushes every posting of the merged segments
through the same pool. At some eighty postings a passage that was most of what
writing the index cost.

``TermWriter`` keeps each term's postings in lists as documents are added
(documents come in number order, so each list is already sorted), sorts only
the terms, and writes each term's blocks in one go (``index.blocks``, Whoosh's
own format). A value that consecutive documents share (a document's title,
date, outlets ... on each of its passages) is analysed once, and its postings
are added for the whole run of documents at once; a field of bare terms keeps
document numbers alone, its weights being the field's boost. Segments chosen by
the merge policy are not copied into the pool: at flush their terms are read in
order beside the new ones, a term's blocks at a time, so a merge holds one
term's postings in memory, not the segments'.

Two differences from Whoosh's writer, both readable by Whoosh's readers: a block
whose pickle is shorter than ``COMPRESS_FROM`` bytes is stored uncompressed
(zlib only made such blocks longer, and cost a call per term), and with
``max_postings`` a long run of documents is written out a few million postings
at a time and merged at commit, so a rebuild holds a bounded number of postings
in memory. Boosts, term vectors and spelling fields are not supported (the
archive's schema has none).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

from whoosh import formats
from whoosh.codec.whoosh3 import W3Codec
from whoosh.reading import SegmentReader
from whoosh.system import pack_ushort
from whoosh.writing import SegmentWriter

from index.blocks import COMPRESS_FROM, BlockWriter
from index.engine_fixes import length_table
from index.term_postings import Merged, Postings, Run, tagged


class TermWriter(SegmentWriter):
    """Whoosh's segment writer with postings gathered by term (see module doc).

    ``max_postings``: past this many postings held, the documents added so far
    are written as a segment of their own and the next ones start another; at
    commit they are all merged into one, published then (or none, at cancel).
    """

    def __init__(
        self,
        ix,
        max_postings: int | None = None,
        compress_from: int = COMPRESS_FROM,
        **kwargs,
    ) -> None:
        super().__init__(ix, **kwargs)
        problem = _unsupported(self.codec, self.schema)
        if problem:
            self._close_segment()
            self._finish()  # the lock, if this writer took it, is released
            raise ValueError(problem)
        self.max_postings = max_postings
        self.compress_from = compress_from
        # each field's terms with their postings, or for a field of bare
        # terms the document numbers alone
        self._terms: dict[str, dict[bytes, Postings | list[int]]] = {}
        self._held = 0  # postings in self._terms
        # each field's latest value, its postings and the documents holding it:
        # a document's passages share its title, date, outlet ..., and these
        # are made once for all and added a run of documents at a time
        self._runs: dict[str, Run] = {}
        self._plans: dict[tuple[str, ...], list[tuple]] = {}  # see ``_plan``
        self._merged: list[Merged] = []
        self._rolled: list = []  # segments already written by this writer

    # adding

    def add_document(self, **fields) -> None:
        self._check_state()
        names = tuple(fields)
        plan = self._plans.get(names)
        if plan is None:
            plan = self._plans[names] = self._plan(names)
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        try:
            for name, field, stored_as, column in plan:
                value = fields[name]
                if value is None:
                    continue
                length = 0
                if field.indexed:
                    length = self._add_terms(name, field, value, docnum)
                stored = value if stored_as is None else fields[stored_as]
                if field.stored or length:  # else Whoosh has nothing to keep
                    perdoc.add_field(
                        name, field, stored if field.stored else None, length
                    )
                if column and stored is not None:
                    perdoc.add_column_value(name, column, field.to_column_value(stored))
        except BaseException:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        if self.max_postings is not None and self._held >= self.max_postings:
            self._roll()

    def _plan(self, names: tuple[str, ...]) -> list[tuple]:
        """How to add a document of these fields: (name, field, the name of its
        stored value if given apart, column type), in name order."""
        for name in names:
            if name.startswith("_") and not name.startswith("_stored_"):
                raise ValueError(f"{name!r}: boosts are not supported")
        kept = sorted(n for n in names if not n.startswith("_"))
        self._check_fields(self.schema, kept)
        plan = []
        for name in kept:
            field = self.schema[name]
            stored_as = f"_stored_{name}" if f"_stored_{name}" in names else None
            plan.append((name, field, stored_as, field.column_type))
        return plan

    def _add_terms(self, name: str, field, value, docnum: int) -> int:
        """Add ``value``'s postings to the field's terms; its length if scorable.

        The postings of a value that the documents just before held too are
        added for the whole run of them at once (``Run.add_to``).
        """
        run = self._runs.get(name)
        if run is not None and run.last + 1 == docnum and run.value == value:
            run.last = docnum
        else:
            if run is not None:
                run.add_to(self._terms.setdefault(name, {}))
            run = self._runs[name] = Run(field, value, docnum)
        self._held += run.count
        return run.length if field.scorable else 0

    def _end_runs(self) -> None:
        for name, run in self._runs.items():
            run.add_to(self._terms.setdefault(name, {}))
        self._runs = {}

    def add_reader(self, reader) -> None:
        """Take a segment's live documents; its postings are read at flush."""
        self._check_state()
        names = set(self.schema.names()) | {
            n for n in reader.indexed_field_names() if n in self.schema
        }
        base = self.docnum
        docmap = self.write_per_doc(names, reader)
        segment = reader.segment()
        own = SegmentReader(self.storage, self.schema, segment)
        self._merged.append(Merged(own, base, docmap))
        self._added = True

    # writing

    def _flush_segment(self) -> None:
        self._end_runs()
        self.perdocwriter.close()
        lengths = self.per_document_reader()
        try:
            self._write_postings(lengths)
        finally:
            lengths.close()
            for merged in self._merged:
                merged.reader.close()
            self._merged = []
        self.fieldwriter.close()

    def _write_postings(self, lengths) -> None:
        writer = self.fieldwriter
        schema = self.schema
        names = set(self._terms)
        for merged in self._merged:
            names.update(n for n in merged.field_names() if n in schema)
        for name in sorted(names):
            field = schema[name]
            writer.start_field(name, field)
            table = length_table(lengths, name) if field.scorable else None
            block = BlockWriter(
                writer._postfile,
                field.format.fixed_value_size(),
                self.codec._blocklimit,
                self.codec._compression,
                self.compress_from,
                table,
            )
            prefix = pack_ushort(writer._fieldid)
            tindex = writer._tindex
            for tbytes, ids, weights, values in self._term_postings(name):
                if ids:
                    tindex.add(prefix + tbytes, block.write(ids, weights, values))
            writer.finish_field()

    def _term_postings(self, name: str) -> Iterator[tuple[bytes, list, list, list]]:
        """Each term of the field in order, with its postings from every source."""
        own = sorted(self._terms.pop(name, {}).items())
        field_format = self.schema[name].format
        if type(field_format) is formats.Existence:  # document numbers alone
            boost = field_format.field_boost
            own = [(tbytes, Postings(ids, [boost] * len(ids))) for tbytes, ids in own]
        if not self._merged:
            for tbytes, postings in own:
                yield tbytes, postings.ids, postings.weights, postings.values
            return
        sources = [tagged(0, own)]
        sources += [tagged(i, m.terms(name)) for i, m in enumerate(self._merged, 1)]
        pending: list = []
        for tbytes, source, payload in heapq.merge(*sources):
            if pending and pending[0] != tbytes:
                yield self._joined(pending)
                pending = []
            if not pending:
                pending = [tbytes]
            pending.append((source, payload))
        if pending:
            yield self._joined(pending)

    def _joined(self, pending: list) -> tuple[bytes, list, list, list]:
        tbytes, *parts = pending
        if len(parts) == 1 and parts[0][0] == 0:
            own = parts[0][1]
            return tbytes, own.ids, own.weights, own.values
        ids: list[int] = []
        weights: list[float] = []
        values: list = []
        for source, payload in parts:
            if source == 0:
                ids += payload.ids
                weights += payload.weights
                values += payload.values
            else:
                self._merged[source - 1].read(payload, ids, weights, values)
        return tbytes, ids, weights, values

    def _roll(self) -> None:
        """Write the documents added so far as a segment; start another."""
        self._rolled.append(self._finalize_segment())
        codec = self.codec
        self.newsegment = codec.new_segment(self.storage, self.indexname)
        self.perdocwriter = codec.per_document_writer(self.storage, self.newsegment)
        self.fieldwriter = codec.field_writer(self.storage, self.newsegment)
        self.docnum = self.docbase
        self._terms = {}
        self._held = 0
        self._added = False

    def _merge_segments(self, mergetype, optimize, merge) -> list:
        """The merge policy's choice, and every segment this writer rolled over.

        Rolled segments are read back term by term into the last one, so a long
        run still ends as one segment; their files go with the next clean-up.
        """
        kept = super()._merge_segments(mergetype, optimize, merge)
        for segment in self._rolled:
            reader = SegmentReader(self.storage, self.schema, segment)
            self.add_reader(reader)
            reader.close()
        return kept

    def cancel(self) -> None:
        super().cancel()
        for merged in self._merged:
            merged.reader.close()
        for segment in [*self._rolled, self.newsegment]:
            for filename in segment.list_files(self.storage):
                self.storage.delete_file(filename)


def _unsupported(codec, schema) -> str | None:
    """Why this writer cannot write for ``codec`` and ``schema``, if it cannot."""
    if not isinstance(codec, W3Codec) or codec._inlinelimit > 1:
        return "TermWriter writes only whoosh3 blocks, never inlined"
    for name, field in schema.items():
        if field.vector or field.separate_spelling():
            return f"field {name!r}: vectors and spelling unsupported"
    return None
