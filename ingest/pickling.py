"""Frozen dataclasses that pickle as a call of their class on their fields.

A parsed document crosses from the worker process that parsed it to the one
that stores it, pickled. A frozen, slotted dataclass pickles by default through
the ``__getstate__`` and ``__setstate__`` of ``dataclasses``, which look the
class's fields up again for every object and set them one by one; for the
thousands of passages, marks and citations of a report that cost more than a
third of the CPU of storing it. Pickled as ``cls(*values)``, a document is
written in about a third of the time and read in 60 % of it.
"""

from __future__ import annotations

import dataclasses
from operator import attrgetter
from typing import TypeVar

T = TypeVar("T", bound=type)


def pickled_by_fields(cls: T) -> T:
    """``cls``, a dataclass whose fields all go to ``__init__``, pickled as
    ``cls(*fields)`` (its ``__init__`` rebuilds it exactly)."""
    names = [f.name for f in dataclasses.fields(cls)]
    if any(not f.init for f in dataclasses.fields(cls)) or hasattr(
        cls, "__post_init__"
    ):
        raise TypeError(f"{cls.__name__}: not every field is set by __init__ alone")
    values = attrgetter(*names)
    if len(names) == 1:

        def __reduce__(self):  # noqa: N807 - pickle's name
            return type(self), (values(self),)

    else:

        def __reduce__(self):  # noqa: N807 - pickle's name
            return type(self), values(self)

    cls.__reduce__ = __reduce__
    return cls
