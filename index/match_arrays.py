"""A query's matches as arrays: document numbers (ascending, each once) and
their scores, and the set operations ``index.scoring`` combines them with."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

_EMPTY_IDS = np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Matches:
    """Document numbers (ascending, each once) and their scores."""

    ids: np.ndarray
    scores: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def arrays(self) -> tuple[np.ndarray, ...]:
        return self.ids, self.scores


NONE = Matches(_EMPTY_IDS, np.zeros(0))


def boosted(found: Matches, boost: float) -> Matches:
    return found if boost == 1.0 else Matches(found.ids, found.scores * boost)


def union(parts: list[Matches]) -> Matches:
    parts = [p for p in parts if len(p)]
    if not parts:
        return NONE
    if len(parts) == 1:
        return parts[0]
    ids, where = np.unique(np.concatenate([p.ids for p in parts]), return_inverse=True)
    scores = np.bincount(where, weights=np.concatenate([p.scores for p in parts]))
    return Matches(ids, scores)


def both(a: Matches, b: Matches) -> Matches:
    ids, in_a, in_b = _common(a, b)
    return Matches(ids, a.scores[in_a] + b.scores[in_b])


def plus(a: Matches, b: Matches) -> Matches:
    """``a``'s matches, with ``b``'s score added where ``b`` matches too."""
    _, in_a, in_b = _common(a, b)
    scores = a.scores.copy()
    scores[in_a] += b.scores[in_b]
    return Matches(a.ids, scores)


def _common(a: Matches, b: Matches) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The ids both hold, and where each holds them."""
    return np.intersect1d(a.ids, b.ids, assume_unique=True, return_indices=True)


def without(a: Matches, ids: np.ndarray) -> Matches:
    keep = ~np.isin(a.ids, ids, assume_unique=True)
    return Matches(a.ids[keep], a.scores[keep])


def within(a: Matches, ids: np.ndarray) -> Matches:
    return within_mask(a, np.isin(a.ids, ids, assume_unique=True))


def within_mask(a: Matches, keep: np.ndarray) -> Matches:
    return Matches(a.ids[keep], a.scores[keep])


def ranges_at(starts: np.ndarray, at: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where the runs ``at`` lie in an array cut into runs that begin at
    ``starts`` (run n is ``starts[n] : starts[n + 1]``): their indices, run
    after run, and each run's length."""
    first = starts[at]
    lengths = starts[at + 1] - first
    ends = np.cumsum(lengths)
    where = np.repeat(first - (ends - lengths), lengths)
    where += np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
    return where, lengths
