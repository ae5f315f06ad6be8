"""The index schema: one Whoosh document per archived passage.

Bump ``SCHEMA_VERSION`` whenever a field or an analyzer changes what is indexed;
an index built with another version is refused with a sentence telling the user to
run ``archive reindex`` (or rebuilt by it), never read as if it were current.
"""

from __future__ import annotations

from whoosh import columns, fields, formats
from whoosh.analysis import IDAnalyzer

from index.analysis import (
    forms_analyzer,
    key_analyzer,
    line_analyzer,
    names_analyzer,
    stem_positions,
    text_analyzer,
    words_analyzer,
)

SCHEMA_VERSION = 6
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
}

# Facets: what the user filters on, and the field holding ``key`` or ``key<US>label``.
FACET_FIELDS = {
    "outlet": "outlet_facet",
    "kind": "kind",
    "source": "source",
    "month": "month",
}


def _lines(analyzer) -> fields.FieldType:
    """Exact terms, no frequencies (facets are counted from postings: index.facets)."""
    return fields.FieldType(formats.Existence(), analyzer)


class PassageText(fields.TEXT):
    """Text searched by stems and phrases (``text_analyzer``, with positions).

    Its postings are made by ``stem_positions``, which gives what the analyzer
    gives without a generator chain per word; the analyzer still serves queries.
    """

    def __init__(self, **options) -> None:
        super().__init__(analyzer=text_analyzer(), **options)

    def index(self, value, **kwargs):
        if kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        encode = self.format.encode
        boost = self.format.field_boost
        return [
            (stem.encode("utf-8"), len(at), len(at) * boost, encode(at))
            for stem, at in stem_positions(value).items()
        ]


def build_schema() -> fields.Schema:
    return fields.Schema(
        # identity and freshness
        passage_id=fields.ID(stored=True, unique=True, sortable=True),
        document_id=fields.ID(stored=True),
        fingerprint=fields.COLUMN(),
        # searched text
        text=PassageText(stored=True, multitoken_query="phrase"),
        # the unstemmed words, for prefixes and "did you mean"; see WORDS_FIELD
        words=fields.FieldType(formats.Existence(), words_analyzer()),
        names=fields.TEXT(analyzer=names_analyzer(), phrase=False),
        forms=_lines(forms_analyzer()),
        title=PassageText(stored=True),
        # filters
        outlet=_lines(key_analyzer()),
        publisher=_lines(key_analyzer()),
        agency=_lines(key_analyzer()),
        footnote=fields.KEYWORD(lowercase=True),
        date=fields.DATETIME(),
        # facets (also filters)
        kind=fields.ID(stored=True, analyzer=IDAnalyzer(lowercase=True)),
        source=fields.ID(stored=True),
        month=fields.ID(),
        outlet_facet=_lines(line_analyzer()),
        # sort keys: the date's day number; undated documents sort last either way
        newest=fields.COLUMN(columns.NumericColumn("I", default=0)),
        oldest=fields.COLUMN(columns.NumericColumn("I", default=UNDATED_LAST)),
        # shown with each hit
        anchor=fields.STORED(),
        position=fields.STORED(),
        date_shown=fields.STORED(),
        outlets=fields.STORED(),
        claims=fields.STORED(),
    )
