"""The COI house style of EUAA and the Home Office: ``Outlet, Title, date, url``.

Titles carry commas, pipes, quotes and even dates of their own, so an item is
read from both ends: the outlet is the first field, and the date is the last
field that is wholly a date, ahead of the URL and pages. A person's name first
("Joel Wing, Musings on Iraq, Title, date") is the author, and the outlet
follows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest.blocks import Link
from ingest.dates import parse_date
from ingest.outlets import OutletRegistry
from ingest.styles.names import is_organisation, is_person, known
from ingest.styles.parts import URL, Item, read_date
from ingest.styles.reading import Fields, Reading, reading

NAME = "euaa"
# A comma separates fields; so does the space after a title's closing quote
# when the comma sits inside it (“Syria: Detention, Torture,” 2 May 2024).
_FIELD_SEPARATOR = re.compile(r",([”\"]?)\s+")
PAGES = re.compile(
    r"^(?:pp?\.|pages?|paras?\.|paragraphs?|§)\s*[\divxlc]+(?:\s*[-–—]\s*[\divxlc]+)?"
    r"(?:,\s*[\d]+(?:\s*[-–—]\s*\d+)?)*\.?$",
    re.IGNORECASE,
)
_URL_WORDS = re.compile(r"^(?:url|link|available at:?|online|web|\[?url\]?)$", re.I)
_ACCESSED = re.compile(r"^(?:last\s+)?(?:accessed|retrieved|consulted)\b", re.I)
_DATED_TITLE = re.compile(r"^(?P<title>.+?)\s+\((?P<date>[^()]{4,30})\)$")
_DATED_WORD = re.compile(r"^(?:dated|published|issued|updated)\s+", re.I)
_GARBLED = re.compile(
    r"\(\d{4}[a-z]?\)\.|\.\s+[\"“]|[\"”]\.\s|\.\s(?:1[6-9]|20)\d\d\.\s"
    r"|(?:\.\s+[A-Z][^.]{3,}){2,}"
)
_REMARK = re.compile(r"^(?:can|may|is|are|was|were|on file|as)\b[^\d]*$")
_AUTHOR_LIST = re.compile(r"^(?:\[\d+\]\s*)?[A-Z][\w'’\-]+\s[A-Z]{1,2}$|^\[\d+\]")
_INITIALS_NEXT = re.compile(r"^(?:[A-Z]\.\s?-?){1,3}(?:$|\s+(?:and\b|&|\(?\d{4}))")
_SENTENCE_START = re.compile(r"^(?:An?|The)\s+(?:\d|[a-z])")
_BARE_DAY = re.compile(r"^[A-Za-z]{3,9}\.?\s+\d{1,2}$")


@dataclass(frozen=True, slots=True)
class Field:
    text: str
    start: int
    end: int


@lru_cache(maxsize=2048)  # the EUAA and Chicago grammars cut the same items
def fields(text: str, start: int = 0, end: int | None = None) -> tuple[Field, ...]:
    """Comma-separated fields, ignoring commas inside brackets or curly quotes."""
    end = len(text) if end is None else end
    found: list[Field] = []
    position = scanned = start
    depth = quotes = 0
    for match in _FIELD_SEPARATOR.finditer(text, start, end):
        stop = match.end(1) if match.group(1) else match.start()
        segment = text[scanned:stop]
        scanned = stop
        depth += segment.count("(") - segment.count(")")
        quotes += segment.count("“") - segment.count("”")
        if depth > 0 or quotes > 0:
            continue
        found.append(Field(text[position:stop], position, stop))
        position = match.end()
        depth = quotes = 0
    found.append(Field(text[position:end], position, end))
    return tuple(f for f in found if f.text.strip())


def is_url(field: Field, links: tuple[Link, ...]) -> bool:
    value = field.text.strip()
    if _URL_WORDS.match(value) or URL.fullmatch(value):
        return True
    return any(
        link.start >= field.start and link.end <= field.end and link.href
        for link in links
        if URL.match(link.href) and link.text.strip() == value
    )


def read(item: Item, registry: OutletRegistry) -> Reading | None:
    parts = fields(item.text)
    if len(parts) < 2:
        return None
    tail, date, pages, trailing_url = _tail(parts, item.links)
    if tail < 2:
        whole_date = _BARE_DAY.match(parts[0].text.strip())
        if tail == 1 and (date or trailing_url) and not whole_date:
            # "Interview with a Syrian lawyer, 12 March 2025": a work with no outlet.
            found = Fields(title=parts[0].text, date=date, pages=pages)
            short = len(parts[0].text.split()) <= 8  # a title, not a sentence
            return reading(item, NAME, 0.6 if short else 0.35, found, registry)
        return None
    first = parts[0].text.strip()
    if _SENTENCE_START.match(first):
        return None  # "A 2002 Panos survey ...": a sentence, not an outlet
    if _AUTHOR_LIST.match(first) or (
        _INITIALS_NEXT.match(parts[1].text.strip()) and not known(first, registry)
    ):
        return None  # "Bergk, V., Haefeli, W. E." or "Azouani R, ...": authors first
    authors: tuple[str, ...] = ()
    body = parts[1:tail]
    person = is_person(first, registry)
    outlet_like = len(body[0].text.split()) <= 5 if body else False
    if (
        person
        and len(body) >= 2
        and outlet_like
        and not is_person(body[0].text, registry)
    ):
        authors, first, body = (first,), body[0].text.strip(), body[1:]
        person = False
    title = ", ".join(f.text.strip() for f in body)
    dated = _DATED_TITLE.match(title) if title.endswith(")") else None
    if dated and date is None and (date := read_date(dated["date"])):
        title = dated["title"]
    found = Fields(title=title, authors=authors, outlet=first, date=date, pages=pages)
    score = _score(first, person, date, trailing_url, registry)
    if ". " in title and _GARBLED.search(
        title
    ):  # sentences or a bracketed year: another style
        score -= 0.35
    return reading(item, NAME, score, found, registry)


def _tail(parts: tuple[Field, ...], links: tuple[Link, ...]):
    """Read the fields from the end: URL, pages and the date, until the title."""
    date = pages = None
    trailing_url = False
    tail = len(parts)
    while tail > 1:
        field = parts[tail - 1]
        value = field.text.strip().rstrip(".")
        if is_url(field, links) or URL.search(value):
            trailing_url = True
        elif PAGES.match(field.text.strip()) and pages is None:
            pages = field.text.strip().rstrip(".")
        elif _ACCESSED.match(value) or _REMARK.match(value):
            pass
        elif date is None and (found := parse_date(_undated(value))):
            date = found
            tail -= 1
            if found.month is None and tail > 1:
                joined = f"{parts[tail - 1].text.strip()}, {value}"
                if _BARE_DAY.match(parts[tail - 1].text.strip()) and (
                    day := parse_date(joined)
                ):
                    date, tail = day, tail - 1
            break
        else:
            break
        tail -= 1
    return tail, date, pages, trailing_url


def _score(first, person, date, trailing_url, registry: OutletRegistry) -> float:
    if first[:1] in "“\"‘'" or first.endswith((",”", ',"')):
        return 0.3  # a quoted title where the outlet should be: another style
    if len(first.split()) > 8 or ". " in first or _is_date(first):
        return 0.2  # a sentence where the outlet should be: a note of explanation
    score = 0.55 if date else 0.25
    if known(first, registry):
        score += 0.35
    elif person:
        score -= 0.1  # an author where the outlet should be: another style
    elif is_organisation(first, registry) or len(first.split()) <= 4:
        score += 0.2
    if trailing_url:
        score += 0.1
    return score


def _is_date(text: str) -> bool:
    """ "June 20" or "June 20, 2016": a date where the outlet should be."""
    return bool(_BARE_DAY.match(text) or read_date(text))


def _undated(value: str) -> str:
    """The date without a word before it ("dated March 2019")."""
    return _DATED_WORD.sub("", value) if value[:1] in "dDpPiIuU" else value
