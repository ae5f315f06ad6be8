"""The searches the benchmark runs, in the archive's language and in FTS5's.

Seven kinds, as users type them: one term, two terms, a phrase, a field filter
(``outlet:SOHR``), a date range, a prefix (``qas*``) and a name in another
spelling (``Qasrik``). Each query carries what an FTS5 user would write for the
same question: the same words, an ``outlet`` column match for the field, a SQL
date range, and for names every known spelling joined by OR (FTS5 has no
variant folding of its own).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from bench.names import OUTLETS, PLACES, Name, person, village

KINDS = ("one term", "two terms", "phrase", "field", "date range", "prefix", "name")
TERMS = (
    "checkpoint", "checkpoints", "detainees", "displaced", "convoy", "reinforced",
    "curfew", "drone", "returnees", "explosion", "militants", "humanitarian",
    "arrested", "coalition", "families", "prison", "oil", "tribal", "recruited",
    "abducted", "shelled", "withdrew", "crossing", "weapons", "bread", "fuel",
    "helicopters", "handover", "agreement", "governor", "delegation", "camp",
    "civilians", "killed", "raid", "militias", "curfew", "homes", "frontline",
    "services", "committee", "statement", "sources", "residents", "comment",
)  # fmt: skip
PHRASES = (
    "arbitrary arrest", "security campaign", "Syrian Observatory for Human Rights",
    "main road", "central prison", "weapons depots", "request for comment",
    "Military Police", "displaced families", "security incidents", "armoured vehicles",
    "Islamic State", "General Security Service", "oil fields", "main hub",
    "remnants of war", "de facto leader", "lack of services",
)  # fmt: skip
PREFIXES = (
    "qas", "reinf", "detain", "displac", "hasak", "check", "deir", "milit", "recruit",
    "abduct", "human", "curf", "helicop", "return", "secur", "tribe", "kill", "weap",
)  # fmt: skip
PUBLISHERS = ("EUAA", "ACCORD", "Landinfo")
AGENCIES = ("Reuters", "AFP", "AP")


@dataclass(frozen=True, slots=True)
class Query:
    kind: str
    text: str  # what the user types into the archive
    fts: str | None  # an FTS5 MATCH expression, or None for a pure date filter
    dates: tuple[int, int] | None = None  # day ordinals, inclusive


def query_set(per_kind: int, seed: int = 7) -> list[Query]:
    """``per_kind`` queries of each kind, the same ones for the same arguments."""
    rng = random.Random(seed)
    makers = {
        "one term": _one_term,
        "two terms": _two_terms,
        "phrase": _phrase,
        "field": _field,
        "date range": _date_range,
        "prefix": _prefix,
        "name": _name,
    }
    return [makers[kind](rng) for kind in KINDS for _ in range(per_kind)]


def _words(expr: str) -> str:
    return "{text title} : (" + expr + ")"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', "") + '"'


def _one_term(rng: random.Random) -> Query:
    term = rng.choice(TERMS)
    return Query("one term", term, _words(_quoted(term)))


def _two_terms(rng: random.Random) -> Query:
    first, second = rng.sample(TERMS, 2)
    if rng.random() < 0.4:
        second = Name(PLACES[rng.randrange(12)]).main
    return Query(
        "two terms",
        f"{first} {_plain(second)}",
        _words(f"{_quoted(first)} AND {_quoted(second)}"),
    )


def _plain(name: str) -> str:
    return f'"{name}"' if " " in name else name


def _phrase(rng: random.Random) -> Query:
    phrase = rng.choice(PHRASES)
    return Query("phrase", f'"{phrase}"', _words(_quoted(phrase)))


def _field(rng: random.Random) -> Query:
    roll = rng.random()
    if roll < 0.6:
        outlet = OUTLETS[int(len(OUTLETS) * rng.random() ** 2)][0]
        typed = f'outlet:"{outlet}"' if " " in outlet else f"outlet:{outlet}"
        match = f"outlet : {_quoted(outlet)}"
        if rng.random() < 0.4:
            term = rng.choice(TERMS)
            return Query(
                "field", f"{term} {typed}", f"{_words(_quoted(term))} AND {match}"
            )
        return Query("field", typed, match)
    if roll < 0.8:
        name = rng.choice(PUBLISHERS)
        return Query("field", f"publisher:{name}", f"source : {_quoted(name)}")
    name = rng.choice(AGENCIES)
    return Query("field", f"agency:{name}", f"source : {_quoted(name)}")


def _date_range(rng: random.Random) -> Query:
    year = rng.randint(2020, 2025)
    month = rng.randint(1, 12)
    length = rng.choice((1, 2, 3, 6, 12))
    end_month = month + length - 1
    end_year, end_month = year + (end_month - 1) // 12, (end_month - 1) % 12 + 1
    start = dt.date(year, month, 1)
    last = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    end = last - dt.timedelta(days=1)
    span = f"date:{year}-{month:02d}..{end_year}-{end_month:02d}"
    dates = (start.toordinal(), end.toordinal())
    if rng.random() < 0.5:
        term = rng.choice(TERMS)
        return Query("date range", f"{term} {span}", _words(_quoted(term)), dates)
    return Query("date range", span, None, dates)


def _prefix(rng: random.Random) -> Query:
    stem = rng.choice(PREFIXES)
    return Query("prefix", f"{stem}*", _words(f"{stem}*"))


def _name(rng: random.Random) -> Query:
    roll = rng.random()
    if roll < 0.5:
        name = Name(PLACES[rng.randrange(len(PLACES))])
    elif roll < 0.7:
        name = person(rng.randrange(14))
    else:
        name = village(int(400 * rng.random() ** 1.5))
    typed = rng.choice(name.spellings[1:] or name.spellings)
    spellings = " OR ".join(_quoted(s) for s in name.spellings)
    return Query("name", _plain(typed), _words(spellings))
