"""Legal citations: statutes, regulations and cases.

``Pub. L. No. 116-283, § 1752(a), 134 Stat. 3388``, ``14 CFR 25.1581``,
``Okla. Stat., Tit. 82, §105.9 (West 2013)``, ``Tarrant Regional Water Dist.
v. Herrmann, 569 U.S. 614 (2013)``. The short forms ("Id.", "supra note 12")
are resolved by the caller, which knows the notes before.
"""

from __future__ import annotations

import re

from ingest.model import PartialDate
from ingest.outlets import OutletRegistry
from ingest.styles.parts import Item
from ingest.styles.reading import Fields, Reading, reading

NAME = "legal"
_STATUTE = re.compile(
    r"(?P<cite>Pub\.\s*L\.\s*(?:No\.\s*)?\d+[-‑–]\d+|\d+\s+Stat\.\s+\d+"
    r"|\d+\s+U\.\s?S\.\s?C\.(?:\s+§+)?\s*[\w.()\-]+"
    r"|\d+\s+C\.?\s?F\.?\s?R\.?(?:\s+(?:Part\s+|§+\s*))?\s*[\d.]+[\w()]*"
    r"|\b[A-Z][a-z]+\.\s+Stat\.(?:\s+Ann\.)?,?\s+(?:Tit\.|§+)\s*[\w.§ ]+)"
)
_CASE = re.compile(
    r"^(?P<name>(?:[A-Z][\w.'’&\-]*\s+){0,6}[A-Z][\w.'’&\-]*,?\s+v\.\s+"
    r"(?:[\w.'’&\-]+\s+){0,6}?[\w.'’&\-]+?),?\s+(?P<cite>\d+\s+[A-Z][\w. ]{0,20}?\s+"
    r"(?:\d+|_{2,})(?:,\s*\d+)?)(?:\s*\((?P<court>[^()]*?)\s*(?P<year>\d{4})\))?"
)
_SIGNS = (" v. ", "Stat.", "U.S.C", "U. S. C", "CFR", "C.F.R", "Pub.")
_YEAR_AT_END = re.compile(r"\((?:[^()]*?\s)?(?P<year>\d{4})\)\.?$")
_SECTION = re.compile(r"§+\s*[\w.()\-]+")


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    core = item.core
    if not any(sign in core for sign in _SIGNS):
        return None
    case = _CASE.match(core)
    if case:
        year = int(case["year"]) if case["year"] else None
        found = Fields(
            title=case["name"],
            date=PartialDate(year) if year else None,
            pages=case["cite"],
            kind="legal",
        )
        return reading(item, NAME, 0.85, found, registry)
    statute = _STATUTE.search(core)
    if not statute:
        return None
    name = core[: statute.start()].rstrip(" ,;")
    year = _YEAR_AT_END.search(core)
    section = _SECTION.search(core)
    title = name if name and len(name) < 300 else statute["cite"]
    found = Fields(
        title=title,
        date=PartialDate(int(year["year"])) if year else None,
        pages=section.group(0) if section else None,
        report_number=statute["cite"],
        kind="legal",
    )
    return reading(item, NAME, 0.8 if name else 0.7, found, registry)
