"""Citation style grammars: each reads one cited item and says how well.

Every grammar module has ``NAME`` and ``read(item, registry) -> Reading | None``
(None when the item is not written in its style). ``GRAMMARS`` lists them in
the order that breaks ties: the COI house style first.
"""

from __future__ import annotations

from ingest.styles import (
    address,
    apa,
    chicago,
    cs1,
    euaa,
    government,
    harvard,
    legal,
    mla,
)
from ingest.styles.parts import Item, prepare
from ingest.styles.reading import Reading

GRAMMARS = (euaa, government, legal, apa, cs1, harvard, mla, chicago, address)
NAMES: tuple[str, ...] = tuple(grammar.NAME for grammar in GRAMMARS)

__all__ = ["GRAMMARS", "NAMES", "Item", "Reading", "prepare"]
