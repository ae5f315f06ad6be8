"""Front matter (Jekyll, Hugo, pandoc): the facts a post states about itself.

A file that opens with a ``---`` line, then ``key: value`` lines, then a ``---``
(or ``...``) line carries YAML front matter; Hugo's ``+++`` lines enclose TOML;
pandoc's title block is up to three ``%`` lines (title, authors, date). Title,
date, author(s), URL and source become ``Fields``; the block is no part of the
text.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass

import yaml

from ingest.blocks import Fields
from ingest.errors import ParseError

MAX_CHARS = 64 * 1024
_FRONT = re.compile(
    r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_TOML_FRONT = re.compile(
    r"\A\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)", re.S
)
_PANDOC_TITLE = re.compile(r"\A(?:%[^\n]*(?:\n|\Z)){1,3}")
_KEY_LINE = re.compile(r"^[A-Za-z_][\w -]*:(?:\s|$)")
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "created")
_AUTHOR_KEYS = ("author", "authors", "byline")
_URL_KEYS = ("url", "permalink", "canonical_url", "canonical", "link")
_SOURCE_KEYS = ("source", "publisher", "site", "outlet")  # a name, or the URL
_URL = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FrontMatter:
    fields: Fields
    body: str  # the text after the front matter


def split_front_matter(name: str, text: str) -> FrontMatter:
    """The fields of ``text``'s front matter, if it has one, and the text after it.

    A ``---`` block that does not read as ``key: value`` lines is left alone (it
    may be a rule and a heading), and so is one longer than ``MAX_CHARS``; one
    that reads so but is not valid YAML is refused.
    """
    head = text[: MAX_CHARS + 16]
    if match := _FRONT.match(head):
        if not _looks_like_yaml(match.group(1) or ""):
            return FrontMatter(Fields(), text)
        data = _load(name, match.group(1) or "")
    elif match := _TOML_FRONT.match(head):
        data = _load_toml(name, match.group(1) or "")
    elif match := _PANDOC_TITLE.match(head):
        data = _pandoc_title(match.group(0))
    else:
        return FrontMatter(Fields(), text)
    return FrontMatter(_fields(data), text[match.end() :])


def _looks_like_yaml(raw: str) -> bool:
    lines = [line for line in raw.splitlines() if line.strip() and line[0] != "#"]
    return bool(lines) and bool(_KEY_LINE.match(lines[0]))


def _load(name: str, raw: str) -> dict:
    try:
        data = yaml.load(raw, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" at line {mark.line + 2}" if mark is not None else ""
        raise ParseError(
            name, f"front matter is not valid YAML{where}: {error.problem}"
        ) from error
    except yaml.YAMLError as error:
        raise ParseError(name, f"front matter is not valid YAML: {error}") from error
    except RecursionError as error:
        raise ParseError(name, "front matter nests values too deeply") from error
    if not isinstance(data, dict):
        raise ParseError(name, "front matter is not a list of 'key: value' lines")
    return {str(key).strip().lower(): value for key, value in data.items()}


def _load_toml(name: str, raw: str) -> dict:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        raise ParseError(name, f"front matter is not valid TOML: {error}") from error
    return {key.strip().lower(): value for key, value in data.items()}


def _pandoc_title(block: str) -> dict:
    """``% Title``, ``% Author One; Author Two``, ``% Date`` (each may be empty)."""
    lines = [line[1:].strip() for line in block.splitlines()]
    keys = ("title", "author", "date")
    data: dict = dict(zip(keys, lines, strict=False))
    if data.get("author"):
        data["author"] = [a.strip() for a in data["author"].split(";") if a.strip()]
    return data


def _fields(data: dict) -> Fields:
    source = _first_text(data, _SOURCE_KEYS)
    source_is_url = bool(source and _URL.match(source))
    return Fields(
        title=_first_text(data, _TITLE_KEYS),
        date=_first_date(data),
        authors=_authors(data),
        url=_first_text(data, _URL_KEYS) or (source if source_is_url else None),
        publisher=None if source_is_url else source,
        language=_first_text(data, ("lang", "language")),
    )


def _text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str | int | float):
        text = " ".join(str(value).split())
        return text or None
    return None


def _first_text(data: dict, keys: tuple[str, ...]) -> str | None:
    for key in keys:
        text = _text(data.get(key))
        if text:
            return text
    return None


def _first_date(data: dict) -> str | None:
    for key in _DATE_KEYS:
        value = data.get(key)
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        text = _text(value)
        if text:
            return text
    return None


def _authors(data: dict) -> tuple[str, ...]:
    for key in _AUTHOR_KEYS:
        value = data.get(key)
        if isinstance(value, dict):
            value = value.get("name")
        values = value if isinstance(value, list) else [value]
        names = []
        for item in values:
            if isinstance(item, dict):
                item = item.get("name")
            text = _text(item)
            if text:
                names.append(text)
        if names:
            return tuple(names)
    return ()
