"""The registry of known outlets, read from data files.

The bundled ``outlets.toml`` can be extended without code changes: a file of the
same shape, passed in by the caller (the ``archive`` command passes the one its
configuration names, ``ARCHIVE_OUTLETS_FILE``), is read after it, and its entries
add to or replace the bundled ones by slug. Nothing here reads the environment.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BUNDLED = Path(__file__).with_name("outlets.toml")
_NOT_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Outlet:
    slug: str
    short: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.short, self.name, *self.aliases)


def outlet_key(name: str) -> str:
    """Fold a written outlet name for comparison: case, punctuation, a leading "the"."""
    words = _NOT_WORD.sub(" ", name.casefold()).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = {outlet.slug: outlet for outlet in outlets}
        self._by_key: dict[str, Outlet] = {}
        for outlet in self.outlets.values():
            for spelling in outlet.spellings:
                self._by_key.setdefault(outlet_key(spelling), outlet)

    def lookup(self, name: str) -> Outlet | None:
        """The known outlet ``name`` spells, or None for an unknown one."""
        return self._by_key.get(outlet_key(name))

    def __iter__(self):
        return iter(self.outlets.values())


def read_outlets(path: Path) -> list[Outlet]:
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return [
        Outlet(
            slug=entry["slug"],
            short=entry.get("short", entry["name"]),
            name=entry["name"],
            kind=entry.get("kind", "unknown"),
            aliases=tuple(entry.get("aliases", ())),
        )
        for entry in data.get("outlet", [])
    ]


@lru_cache(maxsize=8)
def load_registry(extra: str | None = None) -> OutletRegistry:
    """The bundled registry, extended by the outlets file ``extra``."""
    outlets = {o.slug: o for o in read_outlets(BUNDLED)}
    if extra:
        outlets.update({o.slug: o for o in read_outlets(Path(extra))})
    return OutletRegistry(list(outlets.values()))
