"""Every passage a query matches, with its score, worked out with numpy.

Whoosh scores a query one match at a time: a tree of matchers is walked in
Python, a few microseconds a match, and searches that match thousands of
passages spent most of their time there. Here each term's postings are read a
block at a time into arrays, BM25 is worked out over the whole array, and
``And``/``Or``/``Not`` become sorted-array intersections, unions and differences;
a phrase reads positions only where all its words meet. The scores are Whoosh's
own (the same BM25F with the same statistics and boosts;
tests/index/test_scoring.py compares them over every kind of query the archive's
parser writes), up to the order in which a union adds its parts.

A query node this module does not take apart (a span query, or any query under
another weighting model) is scored by Whoosh's own matcher for that node,
walked to the end: the rest of the tree is still worked out in arrays.
"""

from __future__ import annotations

from functools import partial

import numpy as np
from whoosh import query as wq
from whoosh.scoring import BM25F
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.util.numeric import byte_to_length

from index.deadline import NO_LIMIT, Deadline
from index.engine_fixes import length_table
from index.match_arrays import (
    NONE,
    Matches,
    boosted,
    both,
    plus,
    union,
    within,
    within_mask,
    without,
)
from index.phrases import (
    Positioned,
    exact_phrases,
    phrase_kept,
    positioned,
    starts_shared,
)
from index.postings import deleted, position_decoder, read_postings
from index.term_cache import TermCache

_LENGTHS = np.array([1.0, *(byte_to_length(b) for b in range(1, 256))])
CHECK_EVERY = 256
COMMON = 2  # a word in over half a segment's passages: its positions not kept


def every_match(
    searcher: WhooshSearcher,
    q: wq.Query,
    deadline: Deadline = NO_LIMIT,
    terms: TermCache | None = None,
) -> Matches:
    """Every passage ``q`` matches, with its score; ``OutOfTime`` past ``deadline``.

    ``terms`` keeps the scored postings of ``searcher``'s generation.
    """
    parts = [
        (_Segment(searcher, sub, deadline, terms, number).matches(q), offset)
        for number, (sub, offset) in enumerate(searcher.leaf_searchers())
    ]
    if not parts:
        return NONE
    return Matches(
        np.concatenate([found.ids + offset for found, offset in parts]),
        np.concatenate([found.scores for found, _ in parts]),
    )


class _Segment:
    """One segment's reader, and the index-wide statistics its scores use."""

    def __init__(
        self,
        top: WhooshSearcher,
        sub: WhooshSearcher,
        deadline: Deadline,
        terms: TermCache | None = None,
        number: int = 0,
    ) -> None:
        self.deadline = deadline
        self.terms = terms
        self.number = number
        self.top = top
        self.sub = sub
        self.reader = sub.reader()
        self.size = self.reader.doc_count_all()
        self.deleted = deleted(self.reader)
        weighting = top.weighting
        self.bm25 = weighting if type(weighting) is BM25F else None

    def matches(self, q: wq.Query) -> Matches:
        self.deadline.check()
        if isinstance(q, wq.Term):
            return self._term(q)
        if isinstance(q, wq.And):
            return self._and(q)
        if isinstance(q, wq.Or) and not q.scale and type(q) is wq.Or:
            return boosted(union([self.matches(s) for s in q.subqueries]), q.boost)
        if isinstance(q, wq.Not):
            return self._not(q)
        if isinstance(q, wq.AndNot):
            return without(self.matches(q.a), self._ids(q.b))
        if isinstance(q, wq.AndMaybe):
            return plus(self.matches(q.a), self.matches(q.b))
        if isinstance(q, wq.Require):
            return within(self.matches(q.a), self._ids(q.b))
        if isinstance(q, wq.Phrase) and len(q.words) > 1:
            return self._phrase(q)
        if isinstance(q, wq.NumericRange) and q.constantscore:
            return self._range(q)
        if isinstance(q, wq.ConstantScoreQuery):
            ids = self._ids(q.child)
            return Matches(ids, np.full(len(ids), float(q.score)))
        if q is wq.NullQuery:
            return NONE
        return self._walked(q)

    def _range(self, q: wq.NumericRange) -> Matches:
        """A number (date) range: the union of its terms at Whoosh's tiers, kept
        in ``terms`` whole (the terms in the range are looked up one by one)."""

        def compiled() -> Matches:
            return self.matches(q._compile_query(self.reader))

        if self.terms is None:
            return compiled()
        bounds = f"{q.start}{q.startexcl:d}..{q.end}{q.endexcl:d}^{q.boost}"
        return self.terms.get((self.number, q.fieldname, bounds, "range"), compiled)

    def _ids(self, q: wq.Query) -> np.ndarray:
        """The passages ``q`` matches, unscored (a filter's or an exclusion's)."""
        if isinstance(q, wq.TermRange):
            terms = [wq.Term(q.fieldname, t) for t in q._btexts(self.reader)]
            return union([self._term(t) for t in terms]).ids
        if isinstance(q, wq.Or) and type(q) is wq.Or:
            parts = [self._ids(s) for s in q.subqueries]
            return np.unique(np.concatenate(parts)) if parts else NONE.ids
        return self.matches(q).ids

    def _term(self, q: wq.Term) -> Matches:
        text = self._held(q.fieldname, q.text)
        if text is None:
            return NONE
        if self.bm25 is None:
            return self._walked(q)
        if self.terms is None:
            found = self._scored(q.fieldname, text)
        else:
            key = (self.number, q.fieldname, text)
            found = self.terms.get(key, lambda: self._scored(q.fieldname, text))
        return boosted(found, q.boost)

    def _scored(self, fieldname: str, text: bytes) -> Matches:
        return self._postings(fieldname, text, with_values=False)[0]

    def _held(self, fieldname: str, text) -> bytes | None:
        """The term as the index holds it, or None if this segment has none."""
        if fieldname not in self.sub.schema:
            return None
        try:
            term = self.sub.schema[fieldname].to_bytes(text)
        except ValueError:
            return None
        return term if (fieldname, term) in self.reader else None

    def _postings(
        self,
        fieldname: str,
        text: bytes,
        with_values: bool,
        within: np.ndarray | None = None,
    ) -> tuple[Matches, list | None]:
        """A term's live passages, scored as Whoosh's ``Term`` scores them."""
        ids, weights, values = read_postings(
            self.reader, fieldname, text, with_values, within
        )
        if len(self.deleted):
            live = ~np.isin(ids, self.deleted, assume_unique=True)
            ids, weights = ids[live], weights[live]
            if values is not None:
                values = [
                    v for v, keep in zip(values, live.tolist(), strict=True) if keep
                ]
        if self.sub.schema[fieldname].scorable:
            scores = self._bm25(fieldname, text, ids, weights)
        else:
            scores = weights  # Whoosh's WeightScorer: the posting's weight
        return Matches(ids, scores), values

    def _phrase(self, q: wq.Phrase) -> Matches:
        """Whoosh's ``SpanNear2`` over the words: in order, within ``slop``.

        Candidates are the passages holding every word (scored as the sum of
        the words' scores, as Whoosh's intersection does); the positions are
        read only for them.
        """
        field = self.sub.schema[q.fieldname] if q.fieldname in self.sub.schema else None
        if field is None or self.bm25 is None or not field.format.supports("positions"):
            return self._walked(q)  # Whoosh's own answer, or its own error
        texts = [self._held(q.fieldname, word) for word in q.words]
        if any(text is None for text in texts):
            return NONE
        rarest_first = sorted(
            range(len(texts)),
            key=lambda i: self.reader.doc_frequency(q.fieldname, texts[i]),
        )
        if self.terms is not None and q.slop == 1 and exact_phrases(field.format):
            found = self._kept_phrase(q.fieldname, texts, rarest_first)
            return boosted(found, q.boost)
        words: list = [None] * len(texts)
        found = None
        read: dict[bytes, tuple] = {}  # a repeated word is read once
        for i in rarest_first:  # the commoner words: only blocks of candidates
            self.deadline.check()
            within = None if found is None else found.ids
            if texts[i] not in read:
                read[texts[i]] = self._postings(q.fieldname, texts[i], True, within)
            words[i] = read[texts[i]]
            found = words[i][0] if found is None else both(found, words[i][0])
            if not len(found):
                return NONE
        decode = position_decoder(field.format)
        keep = phrase_kept(
            found.ids, texts, read, decode, q.slop, self.deadline, CHECK_EVERY
        )
        return boosted(within_mask(found, keep), q.boost)

    def _kept_phrase(self, fieldname: str, texts: list, order: list[int]) -> Matches:
        """An exact phrase (``_phrase``'s candidates and scores, over arrays);
        its words kept in ``terms`` with their positions, but for words in more
        than ``1 / COMMON`` of the segment's passages: those are read, each
        time, only in the blocks of the candidates the rarer words leave."""
        words: dict[bytes, Positioned | tuple[Matches, list]] = {}
        found = None
        for i in order:
            self.deadline.check()
            text = texts[i]
            if text not in words:
                if self.reader.doc_frequency(fieldname, text) * COMMON > self.size:
                    within = None if found is None else found.ids
                    words[text] = self._postings(fieldname, text, True, within)
                else:
                    key = (self.number, fieldname, text, "positions")
                    read = partial(self._positioned, fieldname, text)
                    words[text] = self.terms.get(key, read)
            word = words[text]
            here = word.found if isinstance(word, Positioned) else word[0]
            found = here if found is None else both(found, here)
            if not len(found):
                return NONE
        return within_mask(found, starts_shared(found.ids, [words[t] for t in texts]))

    def _positioned(self, fieldname: str, text: bytes) -> Positioned:
        return positioned(*self._postings(fieldname, text, with_values=True))

    def _bm25(self, fieldname, text, ids, weights) -> np.ndarray:
        """Whoosh's ``bm25()`` over arrays, operation for operation."""
        weighting = self.bm25
        B = weighting._field_B.get(fieldname, weighting.B)
        K1 = weighting.K1
        idf = self.top.idf(fieldname, text)
        avgfl = self.top.avg_field_length(fieldname) or 1
        table = length_table(self.reader._perdoc, fieldname)
        if table is None:
            lengths = np.ones(len(ids))
        else:
            lengths = _LENGTHS[np.frombuffer(table, dtype=np.uint8)[ids]]
        norms = K1 * ((1 - B) + B * lengths / avgfl)
        return idf * ((weights * (K1 + 1)) / (weights + norms))

    def _and(self, q: wq.And) -> Matches:
        positive = [s for s in q.subqueries if not isinstance(s, wq.Not)]
        negative = [s for s in q.subqueries if isinstance(s, wq.Not)]
        if positive:
            found = self.matches(positive[0])
            for sub in positive[1:]:
                found = both(found, self.matches(sub))
        else:  # only exclusions: every live passage, each Not adding its score
            left = self._live()
            found = Matches(left, np.zeros(len(left)))
        for sub in negative:
            found = without(found, self._ids(sub.query))
            found = Matches(found.ids, found.scores + _NOT_SCORE * sub.boost)
        return boosted(found, q.boost)

    def _live(self) -> np.ndarray:
        everyone = np.arange(self.size, dtype=np.int64)
        return np.setdiff1d(everyone, self.deleted, assume_unique=True)

    def _not(self, q: wq.Not) -> Matches:
        left = self._live()
        everyone_else = Matches(left, np.full(len(left), _NOT_SCORE))
        found = without(everyone_else, self._ids(q.query))
        return boosted(found, q.boost)

    def _walked(self, q: wq.Query) -> Matches:
        """Whoosh's own matcher for ``q``, walked to the end."""
        matcher = q.matcher(self.sub, self.top.context())
        ids: list[int] = []
        scores: list[float] = []
        while matcher.is_active():
            if len(ids) % CHECK_EVERY == 0:
                self.deadline.check()
            ids.append(matcher.id())
            scores.append(matcher.score())
            matcher.next()
        return Matches(np.array(ids, dtype=np.int64), np.array(scores, dtype=float))


_NOT_SCORE = 1.0  # Whoosh's InverseMatcher scores every passage it matches 1.0
