"""The JSON Schemas of a search's result: hits, documents and facet counts."""

from __future__ import annotations

from web.schema_types import BOOL, DATE, INT, NULL_STR, STR, array, described, obj, ref

FACETS = {
    "type": "object",
    "description": "Facet value key -> its label and count",
    "additionalProperties": obj(label=STR, count=INT),
}

SEARCH_SCHEMAS = {
    "Hit": obj(
        passage=INT,
        anchor=STR,
        document=INT,
        title=STR,
        kind=STR,
        source=NULL_STR,
        date=DATE,
        url=STR,
        snippet=obj(text=STR, parts=array(obj(text=STR, match=BOOL))),
        outlets=array(obj(slug=STR, name=STR)),
        claims=array(obj(id=INT, outlets=array(STR), footnotes=array(STR))),
        also_matched=array(STR),
    ),
    "DocumentHit": obj(
        document=INT,
        title=STR,
        kind=STR,
        source=NULL_STR,
        date=DATE,
        countries=array(obj(code=STR, label=STR)),
        url=described(STR, "The document's page, opened with the query"),
        score={"type": "number"},
        passages=described(
            array(ref("Hit")), "Its best matching passages (up to 3), best first"
        ),
        more=described(INT, "How many more of its passages match"),
    ),
    "SearchResult": obj(
        query=STR,
        group={"enum": ["documents", "passages"]},
        total=described(INT, "Matching passages"),
        documents_total=described(INT, "Documents holding the matching passages"),
        page=INT,
        pages=described(INT, "Pages of documents (grouped) or of passages"),
        per_page=INT,
        sort={"enum": ["relevance", "newest", "oldest", "archived"]},
        documents=described(
            array(ref("DocumentHit")),
            "This page of matching documents (grouped by document; else empty)",
        ),
        hits=described(
            array(ref("Hit")),
            "This page of matching passages (group=passages; else empty)",
        ),
        facets_count={"enum": ["documents", "passages"]},
        excluded=described(
            obj(
                outlet=array(STR),
                kind=array(STR),
                publisher=array(STR),
                month=array(STR),
                country=array(STR),
            ),
            "Facet values left out (not_outlet=... and so on)",
        ),
        facets=obj(
            outlet=FACETS, kind=FACETS, publisher=FACETS, month=FACETS, country=FACETS
        ),
        also_matched=array(STR),
        did_you_mean=NULL_STR,
        notices=array(STR),
        partial=BOOL,
    ),
}
