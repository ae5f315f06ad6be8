"""The index schema: one Whoosh document per archived passage.

Bump ``SCHEMA_VERSION`` whenever a field or an analyzer changes what is indexed;
an index built with another version is refused with a sentence telling the user to
run ``archive reindex`` (or rebuilt by it), never read as if it were current.
"""

from __future__ import annotations

import pickle
from collections import Counter
from operator import sub

from whoosh import columns, fields, formats
from whoosh.analysis import IDAnalyzer
from whoosh.system import pack_uint

from index.analysis import (
    forms_analyzer,
    key_analyzer,
    line_analyzer,
    names_analyzer,
    stem_positions,
    text_analyzer,
    words_analyzer,
)

SCHEMA_VERSION = 8
UNDATED_LAST = 2**32 - 1

# The passages' unstemmed, folded words, with real postings. Prefix searches
# expand over its terms and "did you mean" suggests from them. Whoosh's own
# spelling field is not used: it files every word under document 0 of its
# segment, so deleting that one passage and merging lost the whole segment's
# words (a re-ingest could make ``bana*`` miss "banana" everywhere).
WORDS_FIELD = "words"

# The field names users type (``outlet:SOHR``) and the schema field each searches.
QUERY_FIELDS = {
    "outlet": "outlet",
    "publisher": "publisher",
    "agency": "agency",
    "kind": "kind",
    "footnote": "footnote",
    "date": "date",
    "title": "title",
    "country": "country",
}

# Facets: what the user filters on, and the field holding ``key`` or ``key<US>label``.
FACET_FIELDS = {
    "outlet": "outlet_facet",
    "kind": "kind",
    "source": "source",
    "month": "month",
    "country": "country_facet",
}


class _QuickTerms:
    """Postings of computed terms, made without a Whoosh token per term.

    For fields whose analyzer is one of ``index.analysis``'s whole-value
    tokenizers (its ``terms`` give a value's terms), or whose value is a list of
    terms already made: the postings are what Whoosh's ``FieldType.index`` gives,
    term for term (tests/index/test_quick_terms.py).
    """

    def index(self, value, **kwargs):
        if kwargs:
            return super().index(value, **kwargs)
        if isinstance(value, list | tuple):
            terms = value
        elif isinstance(value, str) and hasattr(self.analyzer, "terms"):
            terms = self.analyzer.terms(value, "index")
        else:
            return super().index(value, **kwargs)
        boost = self.format.field_boost
        if type(self.format) is formats.Existence:
            return [(t.encode("utf-8"), 1, boost, b"") for t in sorted(set(terms))]
        if type(self.format) is formats.Frequency:
            return [
                (t.encode("utf-8"), n, n * boost, pack_uint(n))
                for t, n in sorted(Counter(terms).items())
            ]
        return super().index(value, **kwargs)


class Terms(_QuickTerms, fields.FieldType):
    """Exact terms, no frequencies (facets are counted from postings: index.facets)."""

    def __init__(self, analyzer) -> None:
        super().__init__(formats.Existence(), analyzer)


class NameKeys(_QuickTerms, fields.TEXT):
    """The name keys of ``names_analyzer``, with frequencies for scoring."""

    def __init__(self) -> None:
        super().__init__(analyzer=names_analyzer(), phrase=False)


class PassageText(fields.TEXT):
    """Text searched by stems and phrases (``text_analyzer``, with positions).

    Its postings are made by ``stem_positions``, which gives what the analyzer
    gives without a generator chain per word; the analyzer still serves queries.
    """

    def __init__(self, **options) -> None:
        super().__init__(analyzer=text_analyzer(), **options)

    def index(self, value, **kwargs):
        quick = type(self.format) is formats.Positions and isinstance(value, str)
        if kwargs or not quick:
            return super().index(value, **kwargs)
        boost = self.format.field_boost
        return [
            (stem.encode("utf-8"), len(at), len(at) * boost, _positions_value(at))
            for stem, at in stem_positions(value).items()
        ]


_ONE_POSITION: dict[int, bytes] = {}  # most stems occur once in a passage


def _positions_value(at: list[int]) -> bytes:
    """What ``formats.Positions.encode`` makes of ``at``: the count, pickled gaps."""
    if len(at) == 1:
        value = _ONE_POSITION.get(at[0])
        if value is None:
            value = _ONE_POSITION[at[0]] = pack_uint(1) + pickle.dumps(at, 2)
        return value
    return pack_uint(len(at)) + pickle.dumps([at[0], *map(sub, at[1:], at)], 2)


def build_schema() -> fields.Schema:
    return fields.Schema(
        # identity and freshness
        passage_id=fields.ID(stored=True, unique=True, sortable=True),
        document_id=fields.ID(stored=True),
        fingerprint=fields.COLUMN(),
        # searched text
        text=PassageText(stored=True, multitoken_query="phrase"),
        # the unstemmed words, for prefixes and "did you mean"; see WORDS_FIELD
        words=Terms(words_analyzer()),
        names=NameKeys(),
        forms=Terms(forms_analyzer()),
        title=PassageText(stored=True),
        # filters
        outlet=Terms(key_analyzer()),
        publisher=Terms(key_analyzer()),
        agency=Terms(key_analyzer()),
        country=Terms(key_analyzer()),  # codes and names: SY, Syria
        footnote=fields.KEYWORD(lowercase=True),
        date=fields.DATETIME(),
        # facets (also filters)
        kind=fields.ID(stored=True, analyzer=IDAnalyzer(lowercase=True)),
        source=fields.ID(stored=True),
        month=fields.ID(),
        outlet_facet=Terms(line_analyzer()),
        country_facet=Terms(line_analyzer()),
        # sort keys: the date's day number; undated documents sort last either way
        newest=fields.COLUMN(columns.NumericColumn("I", default=0)),
        oldest=fields.COLUMN(columns.NumericColumn("I", default=UNDATED_LAST)),
        # when the document was archived, microseconds since 1970 (UTC)
        archived=fields.COLUMN(columns.NumericColumn("Q", default=0)),
        # shown with each hit
        anchor=fields.STORED(),
        position=fields.STORED(),
        date_shown=fields.STORED(),
        outlets=fields.STORED(),
        claims=fields.STORED(),
    )
