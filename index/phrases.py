"""Which candidate passages hold a phrase's words in order, read word by word.

A phrase's candidates hold every word; here each candidate's positions are
decoded (once per distinct word: a repeated word is decoded once) and tested
with ``postings.in_order``, checking the search's deadline every ``every``
candidates.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from index.deadline import Deadline
from index.postings import in_order


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
    keep = []
    for n in range(len(candidates)):
        if n % every == 0:
            deadline.check()
        held = [decode(vs[places[n]]) for vs, places in zip(values, at, strict=True)]
        keep.append(in_order([held[k] for k in order], slop))
    return np.array(keep, dtype=bool)
