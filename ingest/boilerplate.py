"""Boilerplate around a wire story, recognised by rules kept as data.

The rules live in ``boilerplate.toml`` (see its header for the fields); a new
site's share bar or newsletter prompt is a new rule there, not new code.
``split_block`` takes one block's text and returns the pieces the rules
recognised plus whatever story text is left.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ingest.dates import parse_date
from ingest.model import PartialDate

RULES_FILE = Path(__file__).with_name("boilerplate.toml")
KINDS = frozenset({"date", "credit", "legal", "prompt", "chrome", "section"})
PLACES = frozenset({"block", "head", "tail"})
_AFTER_SENTENCE = re.compile(r"(?<=[.!?\"”’)])\s+")


@dataclass(frozen=True, slots=True)
class Rule:
    kind: str
    pattern: re.Pattern[str]
    at: str = "block"
    max_words: int = 30


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of a block that a rule recognised, with what it told us."""

    kind: str
    text: str
    date: PartialDate | None = None
    year: int | None = None


@dataclass(frozen=True, slots=True)
class SplitBlock:
    pieces: tuple[Piece, ...]
    rest: str


def read_rules(path: Path = RULES_FILE) -> tuple[Rule, ...]:
    """The rules in ``path``; a malformed rule is a ``ValueError`` naming it."""
    with path.open("rb") as handle:
        entries = tomllib.load(handle).get("rule", [])
    rules = []
    for number, entry in enumerate(entries, 1):
        kind, at = entry.get("kind"), entry.get("at", "block")
        if kind not in KINDS or at not in PLACES or "pattern" not in entry:
            raise ValueError(
                f"{path}: rule {number} needs a known kind, at and pattern"
            )
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        pattern = re.compile(entry["pattern"], flags)
        rules.append(Rule(kind, pattern, at, int(entry.get("max_words", 30))))
    return tuple(rules)


@lru_cache(maxsize=1)
def default_rules() -> tuple[Rule, ...]:
    return read_rules()


def split_block(text: str, rules: tuple[Rule, ...] | None = None) -> SplitBlock:
    """Peel recognised pieces off ``text``: glued heads, the whole, glued tails."""
    rules = default_rules() if rules is None else rules
    pieces: list[Piece] = []
    rest = _take_heads(text.strip(), rules, pieces)
    whole = _first_piece(rest, rules, "block", 0)
    if whole is not None:
        return SplitBlock((*pieces, whole), "")
    rest = _take_tails(rest, rules, pieces)
    return SplitBlock(tuple(pieces), rest)


def _take_heads(text: str, rules: tuple[Rule, ...], pieces: list[Piece]) -> str:
    while text:
        for rule in rules:
            match = rule.pattern.match(text) if rule.at == "head" else None
            piece = _piece(rule, match) if match else None
            if piece is not None:
                pieces.append(piece)
                text = text[match.end() :].strip()
                break
        else:
            return text
    return text


def _take_tails(text: str, rules: tuple[Rule, ...], pieces: list[Piece]) -> str:
    for boundary in _AFTER_SENTENCE.finditer(text):
        piece = _first_piece(text, rules, "tail", boundary.end())
        if piece is not None:
            pieces.append(piece)
            return text[: boundary.start()].rstrip()
    return text


def _first_piece(text: str, rules: tuple[Rule, ...], at: str, pos: int) -> Piece | None:
    if not text:
        return None
    for rule in rules:
        if rule.at != at:
            continue
        match = rule.pattern.fullmatch(text, pos)
        piece = _piece(rule, match) if match else None
        if piece is not None:
            return piece
    return None


def _piece(rule: Rule, match: re.Match[str]) -> Piece | None:
    """The piece ``match`` stands for, or None when the rule's conditions fail."""
    text = match.group(0).strip()
    if len(text.split()) > rule.max_words:
        return None
    groups = match.re.groupindex
    date = None
    if "date" in groups:
        date = parse_date(match["date"]) if match["date"] else None
        if date is None:
            return None
    year = int(match["year"]) if "year" in groups and match["year"] else None
    return Piece(rule.kind, text, date, year)
