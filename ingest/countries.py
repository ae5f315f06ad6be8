"""The countries a document is about, from the places its title, dateline and text name.

A gazetteer maps each way of writing a country, its people, its capital and its
places to the country's ISO 3166-1 alpha-2 code: the names and codes of pycountry,
and ``countries.toml`` beside this module (other names, demonyms, capitals, the
first-level regions and cities that country-of-origin reports and datelines name,
with its source). Names are matched whole, longest first ("New Mexico" is not
Mexico, "Latin America" is no country), capitalised as names are, after a folding
that ignores case, accents, apostrophes and a hyphenated Arabic article
("Al-Hasakah" is "Hasakah").

Weighing: a country named in the title counts ``TITLE`` (in a report's title
``TITLE``, in its section's title ``SECTION``), in the dateline ``DATELINE``; in
the text, ``TEXT`` times its share of all the country mentions there (a demonym
counts half). A
country is kept at ``THRESHOLD`` or more. One found only in the text needs
``TEXT_MENTIONS`` mentions, and a share of ``TEXT_ALONE`` when the title or
dateline names other countries: "Syria: Country Focus" is about Syria, and a
passing mention of Jordan in it does not make it about Jordan. The shares are
read from the first ``TEXT_READ`` characters of the text (about 0.2 s), which
bounds the time a huge file takes.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
from anyascii import anyascii

# The version of the reading below: raise it whenever a change to this module or
# countries.toml may change the countries of an archived document.
COUNTRIES_VERSION = 1
BUNDLED = Path(__file__).with_name("countries.toml")
TITLE = 1.0
SECTION = 0.5
DATELINE = 0.6
TEXT = 0.8  # all the text counts less than the title
DEMONYM = 0.5
THRESHOLD = 0.2
TEXT_MENTIONS = 2
TEXT_ALONE = 0.4
MOST = 8  # no more countries than this for one document
TEXT_READ = 200_000  # characters of the text whose mentions are counted

_WORD = re.compile(r"[^\W_]+(?:['\u2019\u02bc\u02bf][^\W_]+)*")
_HYPHEN_ARTICLE = re.compile(r"\b[AaEe](?:l|sh|th|dh|[dtrzsn])-(?=\w)")
_APOSTROPHES = re.compile("['\u2019\u02bc\u02bf\u02be`]")
_NOT_COUNTRY = ""  # the code of a phrase that names no country


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Folded phrase -> (code, weight), and the longest phrase in words."""

    phrases: dict[tuple[str, ...], tuple[str, float]]
    first_words: frozenset[str]
    longest: int
    names: dict[str, tuple[str, ...]]  # code -> its names, the common name first


def countries_of(
    title: str,
    dateline: str | None,
    texts: Iterable[str],
    report_title: str | None = None,
) -> tuple[str, ...]:
    """The alpha-2 codes of the countries a document is about, heaviest first.

    ``report_title``: the title of the report a section belongs to, whose
    ``title`` is then the section's.
    """
    gazetteer = load_gazetteer()
    weights: Counter[str] = Counter()
    stated = (
        (title, SECTION if report_title else TITLE),
        (report_title or "", TITLE),
        (dateline or "", DATELINE),
    )
    for text, weight in stated:
        for code in {code for code, _ in mentions(text, gazetteer)}:
            weights[code] += weight
    named = bool(weights)
    in_text, counted = _text_mentions(texts, gazetteer)
    total = sum(in_text.values())
    for code, weight in in_text.items():
        share = weight / total
        alone = counted[code] >= TEXT_MENTIONS and share >= (
            TEXT_ALONE if named else THRESHOLD
        )
        if weights[code] or alone:
            weights[code] += TEXT * share
    kept = [code for code, weight in weights.items() if weight >= THRESHOLD]
    kept.sort(key=lambda code: (-weights[code], code))
    return tuple(kept[:MOST])


def _text_mentions(
    texts: Iterable[str], gazetteer: Gazetteer
) -> tuple[Counter[str], Counter[str]]:
    """Each country's weighed mentions in the first ``TEXT_READ`` characters of
    ``texts``, and how many there are."""
    weighed: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    left = TEXT_READ
    for text in texts:
        if left <= 0:
            break
        text, left = text[:left], left - len(text)
        for code, weight in mentions(text, gazetteer):
            weighed[code] += weight
            counted[code] += 1
    return weighed, counted


def mentions(text: str, gazetteer: Gazetteer) -> list[tuple[str, float]]:
    """(code, weight) for each place name in ``text``, longest names first."""
    words = _words(text)
    folded = [word for word, _ in words]
    found: list[tuple[str, float]] = []
    first_words, phrases, longest = (
        gazetteer.first_words,
        gazetteer.phrases,
        gazetteer.longest,
    )
    after = 0  # the first word past the last name found
    for i, (word, capitalised) in enumerate(words):
        if i < after or not capitalised or word not in first_words:
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            hit = phrases.get(tuple(folded[i : i + n]))
            if hit is not None:
                if hit[0] != _NOT_COUNTRY:
                    found.append(hit)
                after = i + n
                break
    return found


def country_name(code: str) -> str:
    """The country's common English name ("Syria" for SY); the code if unknown."""
    names = load_gazetteer().names.get(code.upper())
    return names[0] if names else code


def country_names(code: str) -> tuple[str, ...]:
    """Every name pycountry and the gazetteer give the country, common name first."""
    return load_gazetteer().names.get(code.upper(), ())


def country_code(written: str) -> str | None:
    """The alpha-2 code of a country written as its code or one of its names."""
    folded = tuple(_fold(written))
    if len(folded) == 1 and folded[0].upper() in load_gazetteer().names:
        return folded[0].upper()
    hit = load_gazetteer().phrases.get(folded)
    return hit[0] or None if hit else None


def _fold(text: str) -> list[str]:
    text = _APOSTROPHES.sub("", _HYPHEN_ARTICLE.sub("", text))
    return [w.lower() for w in _WORD.findall(anyascii(text))]


def _words(text: str) -> list[tuple[str, bool]]:
    """Each word of ``text`` folded, with whether it is written as a name."""
    text = _APOSTROPHES.sub("", _HYPHEN_ARTICLE.sub("", text))
    return [
        (w.lower(), w[0].isupper())
        for w in _WORD.findall(anyascii(text) if not text.isascii() else text)
    ]


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once; a name two countries share is left out."""
    data = tomllib.loads(BUNDLED.read_text(encoding="utf-8"))
    phrases: dict[tuple[str, ...], tuple[str, float]] = {}
    shared: set[tuple[str, ...]] = set()
    names: dict[str, tuple[str, ...]] = {}

    def add(written: str, code: str, weight: float = 1.0) -> None:
        key = tuple(_fold(written))
        if not key:
            return
        if key in phrases and phrases[key][0] != code:
            shared.add(key)
        phrases.setdefault(key, (code, weight))

    for country in pycountry.countries:
        code = country.alpha_2
        extra = data.get(code, {})
        own = _pycountry_names(country)
        names[code] = tuple(dict.fromkeys([*own, *extra.get("names", ())]))
        for written in (
            *names[code],
            *extra.get("capitals", ()),
            *extra.get("places", ()),
        ):
            add(written, code)
        for demonym in extra.get("demonyms", ()):
            add(demonym, code, DEMONYM)
            add(f"{demonym}s", code, DEMONYM)
    for key in shared:
        del phrases[key]
    for written in data.get("not_countries", ()):
        phrases[tuple(_fold(written))] = (_NOT_COUNTRY, 0.0)
    return Gazetteer(
        phrases=phrases,
        first_words=frozenset(key[0] for key in phrases),
        longest=max(len(key) for key in phrases),
        names=names,
    )


def _pycountry_names(country) -> list[str]:
    common = getattr(country, "common_name", None)
    official = getattr(country, "official_name", None)
    return [
        n for n in dict.fromkeys([common or country.name, country.name, official]) if n
    ]
