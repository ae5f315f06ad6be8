"""From what the user typed to a Whoosh query, or to a message naming the problem.

The language (documented in the README; tests/index/test_documented_syntax.py):
words (all required), ``"exact phrases"``, ``AND``/``OR``/``NOT``, ``-word``,
brackets, field filters (``outlet:SOHR``, ``date:2024-12..2025-01``), and prefixes
(``qas*``). Unless the user asks for exact spellings, each word and phrase is
also looked up by its name key, so ``Qasrak`` finds ``Qasrik`` (ranked lower).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import (
    FieldsPlugin,
    GroupPlugin,
    MultifieldPlugin,
    OperatorsPlugin,
    PhrasePlugin,
    QueryParser,
    RangePlugin,
    WildcardPlugin,
)
from whoosh.qparser.common import QueryParserError
from whoosh.reading import IndexReader

from index.analysis import fold_word, stems_of
from index.dates import rewrite_dates
from index.errors import (
    MultipleSearchQueryErrors,
    QueryTooLong,
    SearchQueryError,
    UnknownField,
    WildcardTooBroad,
)
from index.schema import QUERY_FIELDS, WORDS_FIELD

MAX_QUERY_LENGTH = 1000
MAX_PHRASE_WORDS = 32  # a longer phrase is searched for its first words
EXACT_BOOST = 4.0
MIN_PREFIX = 2

_QUOTED = re.compile(r'("[^"]*")')
_SMART_QUOTES = re.compile("[\u201c\u201d\u201e\u00ab\u00bb]")
_FIELD = re.compile(r"(?:^|(?<=[\s(]))-?([A-Za-z_]\w*):")
_MINUS = re.compile(r"(^|[\s(])-(?=[^\s\-])")
_WILDCARD_WORD = re.compile(r"[^\s\"()\[\]]*[*?][^\s\"()\[\]]*")
_QUOTES_AND_BRACKETS = re.compile(r'["()\[\]{}]')
_OPERATORS = re.compile(r"\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b")
KNOWN_FIELDS = sorted({*QUERY_FIELDS, "text"})


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """The Whoosh query to run (see ``expand_words``), and notices for the user."""

    query: wq.Query
    notices: tuple[str, ...] = ()


def parse_query(text: str, schema: Schema, exact: bool = False) -> ParsedQuery:
    """Parse ``text``; ``SearchQueryError`` names anything the user must fix."""
    text = _SMART_QUOTES.sub('"', text.strip())
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryTooLong(len(text), MAX_QUERY_LENGTH)
    notices: list[str] = []
    text = _balanced(text, notices)
    problems: list[SearchQueryError] = []
    problems += _unknown_fields(text)
    problems += _broad_wildcards(text)
    text, date_problems = _outside_quotes_rewrite(text)
    problems += date_problems
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise MultipleSearchQueryErrors(problems)
    q = _parse(_parser(schema, variants=not exact), text, notices)
    q = _clean(q).normalize()
    return ParsedQuery(_shortened(q, notices), tuple(notices))


def _parse(parser: QueryParser, text: str, notices: list[str]) -> wq.Query:
    """Whoosh's parse of ``text``, or of its plain words if Whoosh cannot parse it.

    Whoosh's parser fails on some operator sequences (``NOT NOT x``) with an
    internal error rather than a parse error; those queries are run as words.
    """
    try:
        return parser.parse(text)
    except (IndexError, QueryParserError):
        words = _QUOTES_AND_BRACKETS.sub(" ", _OPERATORS.sub(" ", text))
        plain = " ".join(words.split())
        notices.append(
            f"the query could not be read as written; it was run as plain words: "
            f"{plain}"
        )
        return parser.parse(plain)


def _parser(schema: Schema, variants: bool) -> QueryParser:
    plugins = [
        FieldsPlugin(),
        WildcardPlugin(),
        PhrasePlugin(),
        RangePlugin(),
        GroupPlugin(),
        OperatorsPlugin(),
    ]
    if variants:
        plugins.append(
            MultifieldPlugin(["text", "names"], {"text": EXACT_BOOST, "names": 1.0})
        )
    return _Parser("text", schema, plugins=plugins)


class _Parser(QueryParser):
    """Prefixes and wildcards match real words, not stems, and never name keys.

    A prefix on the passage text is kept as a prefix of the unstemmed words of
    the words field (``qas*`` must not become the stem ``qa``), for
    ``expand_words`` to turn into those words' stems; on the name-key field it
    would match keys, not names, so it is left out there.
    """

    def term_query(self, fieldname, text, termclass, boost=1.0, **kwargs):
        if termclass in (wq.Prefix, wq.Wildcard):
            if fieldname == "names":
                return None
            if fieldname == "text":
                return termclass(WORDS_FIELD, fold_word(text), boost=boost)
        return super().term_query(fieldname, text, termclass, boost, **kwargs)


def _outside_quotes(text: str) -> list[tuple[bool, str]]:
    """The text cut into (quoted?, piece) parts; quotes stay on quoted pieces."""
    return [(part.startswith('"'), part) for part in _QUOTED.split(text) if part]


def _balanced(text: str, notices: list[str]) -> str:
    """Run a query with unbalanced quotes or brackets as plain words, and say so."""
    unquoted = "".join(p for q, p in _outside_quotes(text) if not q)
    wrong = []
    if text.count('"') % 2:
        wrong.append('quote (")')
    for opening, closing in ("()", "[]", "{}"):
        if unquoted.count(opening) != unquoted.count(closing):
            wrong.append(f"bracket ({opening}{closing})")
    if not wrong:
        return text
    plain = " ".join(_QUOTES_AND_BRACKETS.sub(" ", text).split())
    notices.append(
        f"the query has an unbalanced {' and '.join(wrong)}; "
        f"it was run as plain words: {plain}"
    )
    return plain


def _unknown_fields(text: str) -> list[SearchQueryError]:
    found: list[SearchQueryError] = []
    for quoted, piece in _outside_quotes(text):
        if quoted:
            continue
        for match in _FIELD.finditer(piece):
            name = match.group(1)
            if name not in KNOWN_FIELDS:
                found.append(UnknownField(name, KNOWN_FIELDS))
    return found


def _broad_wildcards(text: str) -> list[SearchQueryError]:
    """Refuse ``*asrak``, ``?asrak``, ``q*`` and ``*``: they walk the whole index."""
    found: list[SearchQueryError] = []
    for quoted, piece in _outside_quotes(text):
        if quoted:
            continue
        for match in _WILDCARD_WORD.finditer(piece):
            word = match.group().split(":", 1)[-1].lstrip("-")
            head = re.split(r"[*?]", word, maxsplit=1)[0]
            if len(fold_word(head)) < MIN_PREFIX:
                found.append(
                    WildcardTooBroad(
                        match.group(),
                        f"a wildcard needs at least {MIN_PREFIX} letters before it "
                        "(leading wildcards would scan the whole index)",
                    )
                )
    return found


def _outside_quotes_rewrite(text: str) -> tuple[str, list[SearchQueryError]]:
    """``-word`` becomes ``NOT word``; ``date:`` values become Whoosh ranges."""
    pieces: list[str] = []
    problems: list[SearchQueryError] = []
    for quoted, piece in _outside_quotes(text):
        if not quoted:
            piece, found = rewrite_dates(_MINUS.sub(r"\1NOT ", piece))
            problems += found
        pieces.append(piece)
    return "".join(pieces), problems


def _clean(q: wq.Query) -> wq.Query:
    """A one-word phrase on the name keys is a term; ranges are for dates only."""
    if isinstance(q, wq.Phrase) and q.fieldname == "names" and len(q.words) == 1:
        return wq.Term("names", q.words[0], boost=q.boost)
    if isinstance(q, wq.TermRange):
        raise SearchQueryError(
            f"ranges ([... TO ...]) work on dates only, not on {q.fieldname}"
        )
    return q if q.is_leaf() else q.apply(_clean)


def _shortened(q: wq.Query, notices: list[str]) -> wq.Query:
    """Phrases cut to their first ``MAX_PHRASE_WORDS`` words, with a notice.

    Checking a phrase's positions costs more with every word (a 499-word phrase
    took seconds); the first words of a long quotation find it as well.
    """
    long = [
        p
        for p in q.leaves()
        if isinstance(p, wq.Phrase) and len(p.words) > MAX_PHRASE_WORDS
    ]
    if not long:
        return q
    notices.append(
        f"a phrase of {max(len(p.words) for p in long)} words was searched for its "
        f"first {MAX_PHRASE_WORDS} words"
    )
    return _cut_phrases(q)


def _cut_phrases(q: wq.Query) -> wq.Query:
    if isinstance(q, wq.Phrase) and len(q.words) > MAX_PHRASE_WORDS:
        return wq.Phrase(
            q.fieldname, q.words[:MAX_PHRASE_WORDS], slop=q.slop, boost=q.boost
        )
    return q if q.is_leaf() else q.apply(_cut_phrases)


def expand_words(q: wq.Query, reader, limit: int) -> wq.Query:
    """Replace each prefix or wildcard by the words of the passages it matches.

    The words field holds the passages' unstemmed words, so ``qas*`` is expanded
    there (to qasrak, qasrik) and searched as those words'
    stems in the text. More than ``limit`` words is a ``WildcardTooBroad``.
    """
    if isinstance(q, (wq.Prefix, wq.Wildcard)) and q.fieldname == WORDS_FIELD:
        words = []
        for _, term in q.expanded_terms(reader):
            words.append(term.decode("utf-8") if isinstance(term, bytes) else term)
            if len(words) > limit:
                written = f"{q.text}*" if isinstance(q, wq.Prefix) else q.text
                raise WildcardTooBroad(
                    written, f"matches more than {limit} words; add letters"
                )
        stems = sorted({stem for word in words for stem in stems_of(word)})
        terms = [wq.Term("text", stem, boost=q.boost) for stem in stems]
        return wq.Or(terms) if terms else wq.NullQuery
    return q if q.is_leaf() else q.apply(lambda c: expand_words(c, reader, limit))


def existing_terms(q: wq.Query, reader: IndexReader) -> list[tuple[str, str]]:
    """The query's terms, as text, that the index holds."""
    # Per leaf: Query.existing_terms() over a tree skips fields after the first
    # (its loop variable shadows its ``fieldname`` filter).
    return [
        (field, term.decode("utf-8") if isinstance(term, bytes) else str(term))
        for leaf in q.leaves()
        for field, term in leaf.existing_terms(reader, phrases=True)
    ]
