"""The last result of a function, kept for a call with the very same arguments.

A file's kind is decided by letting every kind look at it (``sniff``), and the
kind chosen then reads it (``parse``): both begin with the same costly step
over the same, immutable ``Source``. ``same_as_last`` lets the second call have
the first one's result.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

R = TypeVar("R")


def same_as_last(function: Callable[..., R]) -> Callable[..., R]:
    """``function``, answering a call whose arguments are the very objects of
    the last call (by identity, so they must not change) with its result."""
    last: list[tuple[tuple, R]] = []  # one (arguments, result), held alive

    @functools.wraps(function)
    def remembered(*args):
        if last:
            (previous, result) = last[0]
            if len(previous) == len(args) and all(
                a is b for a, b in zip(previous, args, strict=True)
            ):
                return result
        result = function(*args)
        last[:] = [(args, result)]
        return result

    return remembered
