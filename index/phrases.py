"""Which candidate passages hold a phrase's words in order, read word by word.

A phrase's candidates hold every word. An exact phrase (slop 1: word k at
start + k) over Whoosh's ``Positions`` is tested over arrays: each word's
positions in every candidate are decoded at once (``postings.positions_of``),
shifted back by the word's place in the phrase, and the candidates where all
the words leave a common start are kept. With a ``TermCache``, a word's
positions are decoded once a generation, for all its postings
(``positioned``), and read from there. Otherwise each candidate's positions
are decoded (once per distinct word: a repeated word is decoded once) and
tested with ``postings.in_order``, checking the search's deadline every
``every`` candidates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from whoosh import formats

from index.deadline import Deadline
from index.match_arrays import Matches, ranges_at
from index.postings import in_order, position_decoder, positions_of

_PASSAGE = 1 << 32  # (candidate, start) as one number: candidate * _PASSAGE + start


def phrase_kept(
    candidates: np.ndarray,
    texts: list[bytes],
    postings: dict[bytes, tuple],
    decode: Callable[[bytes], list[int]],
    slop: int,
    deadline: Deadline,
    every: int,
) -> np.ndarray:
    """A mask over ``candidates``: those where ``texts`` come in order.

    ``postings`` holds, per distinct word, its matches (ids ascending, holding
    every candidate) and their position values.
    """
    distinct = list(dict.fromkeys(texts))
    at = [
        np.searchsorted(postings[text][0].ids, candidates).tolist() for text in distinct
    ]
    values = [postings[text][1] for text in distinct]
    order = [distinct.index(text) for text in texts]
    if slop == 1:
        deadline.check()
        decoded = [
            positions_of([vs[i] for i in places])
            for vs, places in zip(values, at, strict=True)
        ]
        if all(d is not None for d in decoded):
            return _starts_shared(len(candidates), [decoded[k] for k in order])
    keep = []
    for n in range(len(candidates)):
        if n % every == 0:
            deadline.check()
        held = [decode(vs[places[n]]) for vs, places in zip(values, at, strict=True)]
        keep.append(in_order([held[k] for k in order], slop))
    return np.array(keep, dtype=bool)


def _starts_shared(
    count: int, words: list[tuple[np.ndarray, np.ndarray]]
) -> np.ndarray:
    """A mask over ``count`` candidates: those where some start has word k at
    start + k; ``words`` holds each word's (candidate, position) pairs."""
    shift = len(words)  # keeps start + shift >= 0
    shared = None
    for k, (owners, positions) in enumerate(words):
        keys = owners * _PASSAGE + (positions - k + shift)
        keys = keys[positions >= k]
        shared = np.unique(keys) if shared is None else np.intersect1d(shared, keys)
        if not len(shared):
            break
    keep = np.zeros(count, dtype=bool)
    keep[shared // _PASSAGE] = True
    return keep


@dataclass(frozen=True, slots=True)
class Positioned:
    """A term's matches in a segment, with each one's positions: those of match
    n are ``positions[starts[n] : starts[n + 1]]``."""

    found: Matches
    starts: np.ndarray
    positions: np.ndarray

    @property
    def arrays(self) -> tuple[np.ndarray, ...]:
        return (*self.found.arrays, self.starts, self.positions)


def exact_phrases(format_: formats.Format) -> bool:
    """Whether positions of this format can be read for ``positioned``."""
    return type(format_) is formats.Positions


def positioned(found: Matches, values: list[bytes]) -> Positioned:
    """``found`` with the positions its ``values`` hold (Whoosh's ``Positions``)."""
    decoded = positions_of(values)
    if decoded is None:  # not one pickle shape: one value at a time
        decoded = _one_by_one(values, list(range(len(values))))
    owners, positions = decoded
    counts = np.bincount(owners, minlength=len(values))
    starts = np.concatenate(([0], np.cumsum(counts))).astype(np.int64)
    return Positioned(found, starts, positions.astype(np.int32))


def starts_shared(
    candidates: np.ndarray, words: list[Positioned | tuple[Matches, list]]
) -> np.ndarray:
    """A mask over ``candidates`` (held by every word): those where word k of
    ``words`` stands at start + k for some start. A word is ``Positioned``, or
    its matches and their position values, decoded here for the candidates."""
    pairs = []
    for word in words:
        if not isinstance(word, Positioned):
            found, values = word
            at = np.searchsorted(found.ids, candidates).tolist()
            decoded = positions_of([values[i] for i in at])
            pairs.append(decoded if decoded is not None else _one_by_one(values, at))
            continue
        at = np.searchsorted(word.found.ids, candidates)
        where, lengths = ranges_at(word.starts, at)
        owners = np.repeat(np.arange(len(candidates), dtype=np.int64), lengths)
        pairs.append((owners, word.positions[where]))
    return _starts_shared(len(candidates), pairs)


def _one_by_one(values: list[bytes], at: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """(value number, position) pairs of ``values[at]``, decoded one at a time."""
    decode = position_decoder(formats.Positions())
    each = [decode(values[i]) for i in at]
    owners = np.repeat(np.arange(len(each)), [len(p) for p in each])
    return owners, np.array([p for ps in each for p in ps], dtype=np.int64)
