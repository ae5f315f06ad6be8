"""Who wrote a work: people's names told apart from organisations and outlets.

Styles put the author first ("Luisa Krol, ...", "Thorne, D. (1997)") where the
COI house style puts the outlet ("SOHR, ..."). The outlet registry knows the
outlets; the rest is told by the shape of the words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest.outlets import Outlet, OutletRegistry

_ORGANISATION_WORDS = re.compile(
    r"\b(?:ministry|office|agency|council|institute|institution|university|watch|"
    r"international|group|department|committee|commission|organi[sz]ation|"
    r"association|cent(?:re|er)|network|observatory|foundation|bank|fund|court|"
    r"government|service|project|bureau|board|house|news|times|post|herald|"
    r"journal|tribune|guardian|gazette|daily|press|review|magazine|channel|"
    r"television|radio|broadcasting|media|reuters|agence|company|corporation|"
    r"inc|ltd|llc|party|army|forces|nations|union|federation|programme|program|"
    r"society|authority|parliament|senate|congress|secretariat|mission|report|"
    r"blog|wiki\w*|youtube|twitter|facebook|telegram|online|today|world|weekly|"
    r"monitor|alliance|coalition|campaign|initiative|centre|library|archive|"
    r"museum|school|college|academy|club|trust|police|embassy|state|republic)\b",
    re.I,
)
_MEDIA_WORDS = re.compile(
    r"\b(?:news|times|post|herald|journal|tribune|guardian|gazette|daily|press|"
    r"magazine|channel|television|radio|broadcasting|reuters|agence|monitor|"
    r"telegraph|independent|economist|observer|chronicle|standard|mail|express|"
    r"star|sun|globe|review|weekly|today|\w+\.(?:com|net|org|co\.\w\w))\b",
    re.I,
)
_PERSON = re.compile(
    r"^(?:(?:[A-Z][\w'’\-]+\s){0,2}[A-Z][\w'’\-]+,\s+(?:[A-Z][\w'’\-]*\.?\s*){1,3}"
    r"(?:Jr\.?|Sr\.?)?"  # Last, F.
    r"|(?:[A-Z]\.\s*){1,3}[A-Z][\w'’\-]+"  # F. Last
    r"|[A-Z][\w'’\-]+(?:\s+(?:[A-Z]\.|\(\w+\)|van|von|de|der|bin|el|al))*"  # First
    r"\s+[A-Z][\w'’\-]+(?:,?\s+(?:Jr|Sr)\.?)?)$"  # Last
)
_ET_AL = re.compile(r",?\s+et\.?\s+al\.?$", re.I)
_SEPARATOR = re.compile(r";\s*|,\s*(?:&|and)\s+|\s+(?:&|and)\s+|,\s+")
_INITIALS = re.compile(
    r"^(?:[A-Z]\.?[\s\-]*){1,4}$"
    r"|^[A-Z][^\W\d_]+(?:-[^\W\d_]+)?(?:[\s\-]+(?:[A-Z][^\W\d_]*\.?|Jr\.?|Sr\.?))*$"
)
_EDITOR = re.compile(
    r",?\s*\((?:ed|eds|editor|editors)\.?\)|,\s*eds?\.?$", re.IGNORECASE
)
SMALL_WORDS = frozenset(  # the small words of names: "Ministry of the Interior"
    "of the and for on in at to de du des la le el al di da von van und & a an".split()
)
_ACRONYM = re.compile(r"^[A-Z][A-Z&\-]{1,9}$")


@lru_cache(maxsize=4096)  # notes repeat the same few outlets
def known(name: str, registry: OutletRegistry) -> Outlet | None:
    """The registry's outlet that ``name`` spells, if any."""
    return registry.lookup(name)


@lru_cache(maxsize=4096)  # notes repeat the same few names
def is_organisation(name: str, registry: OutletRegistry) -> bool:
    """A known outlet, an acronym or a name with an organisation's words."""
    value = name.strip().rstrip(".")
    if registry.lookup(value):
        return True
    return looks_like_name(value) and bool(
        _ACRONYM.match(value)
        or _ORGANISATION_WORDS.search(value)
        or re.search(r"\.\w{2,3}$", value)
    )


def looks_like_name(text: str) -> bool:
    """Written like a name, not a sentence: a few words, most of them capitalised."""
    words = [w for w in text.split() if w.casefold() not in SMALL_WORDS]
    if not words or len(words) > 10:
        return False
    return sum(w[:1].isupper() or not w[:1].isalpha() for w in words) >= 0.6 * len(
        words
    )


@lru_cache(maxsize=4096)  # notes repeat the same few names
def is_media(name: str, registry: OutletRegistry) -> bool:
    known = registry.lookup(name.strip().rstrip("."))
    if known:
        return known.kind in ("media", "news agency", "newspaper", "broadcaster")
    return bool(_MEDIA_WORDS.search(name))


@lru_cache(maxsize=4096)  # notes repeat the same few names
def is_person(name: str, registry: OutletRegistry) -> bool:
    """A person's name or a list of them ("Thorne, D.", "Ellen Nakashima et al.")."""
    names = split_authors(name)
    return bool(names) and all(
        _PERSON.match(_ET_AL.sub("", n))
        and not is_organisation(_ET_AL.sub("", n), registry)
        for n in names
    )


@lru_cache(maxsize=4096)  # notes repeat the same few names
def split_authors(text: str) -> tuple[str, ...]:
    """The names in an author list: "Bergk, V., Haefeli, W. E. & Gasse, C." gives three.

    "Last, First" stays one name; "et al." stays with the last name.
    """
    value = _EDITOR.sub("", text.strip().strip(",;:").strip()).strip(" ,;")
    if value.endswith(".") and not re.search(r"(?:\b[A-Z]|et al|Jr|Sr)\.$", value):
        value = value[:-1]
    et_al = _ET_AL.search(value)
    if et_al:
        value = value[: et_al.start()]
    if not value or len(value) > 300:
        return ()
    pieces = [p.strip() for p in _SEPARATOR.split(value) if p and p.strip()]
    names: list[str] = []
    inverted = (
        len(pieces) > 1
        and all(_INITIALS.match(p) for p in pieces[1::2])
        and ", " in value
        and len(pieces) % 2 == 0
    )
    if inverted:
        names = [
            f"{last}, {first}"
            for last, first in zip(pieces[::2], pieces[1::2], strict=True)
        ]
    else:
        names = pieces
    if et_al and names:
        names[-1] += " et al."
    return tuple(names)
