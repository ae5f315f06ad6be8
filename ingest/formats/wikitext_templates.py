"""The few templates whose output is article text.

Most templates are not text (infoboxes, navigation boxes, maintenance tags,
"citation needed"); these few put words on the page: quotations, language
and formatting wrappers, dashes and spaces, conversions and dates.
"""

from __future__ import annotations

from dataclasses import dataclass

import mwparserfromhell
from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

from ingest.formats.wikitext_cite import plain_text

_QUOTES = {
    "quote": ("text", "quote", "1"),
    "cquote": ("text", "quote", "1"),
    "quotation": ("text", "1"),
    "blockquote": ("text", "1"),
    "bquote": ("text", "1"),
    "quote box": ("quote", "text"),
    "pull quote": ("text", "quote", "1"),
    "rquote": ("text", "quote", "2"),
    "poem quote": ("text", "1"),
}
_WRAPPERS = {
    "nowrap": "1", "nobr": "1", "small": "1", "smaller": "1", "big": "1",
    "larger": "1", "nobold": "1", "noitalic": "1", "em": "1", "strong": "1",
    "lang": "2", "transl": "last", "nastaliq": "1", "nq": "1", "ill": "1",
    "interlanguage link": "1",
    "nihongo": "1", "abbr": "1", "sic": "1", "keypress": "1", "visible anchor": "1",
    "vanchor": "1", "flagcountry": "1", "flag": "1", "linktext": "1", "plainlist": "1",
}  # fmt: skip
_LITERALS = {
    "ndash": "–", "mdash": "—", "emdash": "—", "mdashb": "—", "ndashb": "–",
    "snd": " – ", "spaced ndash": " – ",
    "nbsp": " ", "'": "'", "pipe": "|", "!": "|", "okina": "ʻ", "=": "=",
    "sp": " ", "thinsp": " ", "•": " • ", "dot": " · ", "middot": "·",
}  # fmt: skip
_MONTHS = (
    "January February March April May June July August September October "
    "November December"
).split()
_DATES = {
    "birth date", "death date", "start date", "end date", "birth date and age",
    "death date and age", "start date and age", "dts",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Shown:
    """What a template puts on the page, and whether it stands as its own block."""

    code: Wikicode
    block: bool = False


def shown(name: str, template: Template) -> Shown | None:
    """The text ``template`` shows, or None for a template that is not text."""
    if name in _QUOTES:
        value = _value(template, _QUOTES[name])
        return Shown(value, block=True) if value is not None else None
    if name in _LITERALS:
        return Shown(mwparserfromhell.parse(_LITERALS[name]))
    if name in _WRAPPERS or name.startswith("lang-"):
        key = "1" if name.startswith("lang-") else _WRAPPERS[name]
        if key == "last":
            key = str(sum(not p.showkey for p in template.params))
        value = _value(template, (key,))
        return Shown(value) if value is not None else None
    if name in {"convert", "cvt"}:
        return _convert(template)
    if name in _DATES:
        return _date(template)
    if name == "as of":
        return _as_of(template)
    return None


def _value(template: Template, keys: tuple[str, ...]) -> Wikicode | None:
    for key in keys:
        if template.has(key) and str(template.get(key).value).strip():
            return template.get(key).value
    return None


def _positional(template: Template) -> list[str]:
    return [plain_text(p.value) for p in template.params if not p.showkey]


def _convert(template: Template) -> Shown | None:
    """``{{convert|10|km|mi}}`` shows "10 km", ``{{convert|5|-|10|km}}`` "5–10 km"
    (the conversion is left out)."""
    values = _positional(template)
    if len(values) < 2:
        return None
    if len(values) >= 4 and values[1] in {"-", "to", "and", "or", "–"}:
        joint = "–" if values[1] in {"-", "–"} else f" {values[1]} "
        return Shown(
            mwparserfromhell.parse(f"{values[0]}{joint}{values[2]} {values[3]}")
        )
    return Shown(mwparserfromhell.parse(f"{values[0]} {values[1]}"))


def _date(template: Template) -> Shown | None:
    """``{{birth date|1895|4|11}}`` shows "April 11, 1895"."""
    numbers = [v for v in _positional(template) if v.isdigit()][:3]
    if not numbers:
        return None
    year = numbers[0]
    if len(numbers) >= 2 and 1 <= int(numbers[1]) <= 12:
        month = _MONTHS[int(numbers[1]) - 1]
        day = f" {int(numbers[2])}," if len(numbers) == 3 else ""
        return Shown(mwparserfromhell.parse(f"{month}{day} {year}"))
    return Shown(mwparserfromhell.parse(year))


def _as_of(template: Template) -> Shown | None:
    values = _positional(template)
    if not values:
        return None
    date = values[0] if len(values) == 1 else _date(template)
    text = date if isinstance(date, str) else str(date.code) if date else values[0]
    return Shown(mwparserfromhell.parse(f"As of {text}"))
