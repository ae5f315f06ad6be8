"""The JSON Schemas of the API's responses (OpenAPI 3.1 components).

Strict: every field required and no other allowed, so that ``tests/web/test_api.py``,
which checks each response against them, notices any drift between the API and
its description.
"""

from __future__ import annotations

from archive import KINDS
from web.schema_types import (
    BOOL,
    DATE,
    INT,
    NULL_INT,
    NULL_STR,
    STR,
    array,
    described,
    nullable,
    obj,
    paging,
    ref,
)
from web.search_schemas import FACETS, SEARCH_SCHEMAS

COUNTRY = obj(
    code=described(STR, "ISO 3166-1 alpha-2"),
    name=STR,
    label=described(STR, 'As shown: "Syria (SY)"'),
)
SUMMARY = {
    "id": INT,
    "kind": {"enum": list(KINDS)},
    "title": STR,
    "date": DATE,
    "publisher": NULL_STR,
    "agency": NULL_STR,
    "source": {**NULL_STR, "description": "Publisher's or agency's outlet key"},
    "report_id": NULL_INT,
    "report_title": NULL_STR,
    "section_number": NULL_STR,
    "section_heading": NULL_STR,
    "countries": described(
        array(COUNTRY), "The countries the document is about, the weightiest first"
    ),
    "title_derived": described(
        BOOL, "The file states no title: this one was made from its first sentence"
    ),
}

STATES = ["archived", "redirected", "gone", "failed", "robots", "too-large"]
STATES += ["refused", "unreadable"]

SCHEMAS = {
    "Outlet": obj(slug=STR, short_name=STR, name=STR, kind=STR),
    "LinkState": obj(
        url=STR,
        state={"enum": STATES},
        label=described(STR, 'As shown: "gone (HTTP 404)", "redirected to ..."'),
        detail=described(NULL_STR, "Why: HTTP 404, timeout, the address moved to"),
        http_status=NULL_INT,
        final_url=described(NULL_STR, "Where the redirects ended"),
        checked_at=described(STR, "When last checked, UTC: YYYY-MM-DDTHH:MM:SSZ"),
        fetched_at=described(NULL_STR, "When the kept bytes were fetched, UTC"),
        document_id=described(NULL_INT, "The document archived from it"),
        content_type=NULL_STR,
        original=described(
            BOOL, "The bytes are kept: /documents/{document_id}/original"
        ),
        wayback=described(
            NULL_STR, "Where to look for it in the Wayback Machine, when gone"
        ),
    ),
    "LinkCounts": obj(
        urls=described(INT, "Distinct cited URLs"),
        checked=described(INT, "Of them, checked by archive fetch"),
        gone=described(INT, "Of them, gone (404 or 410)"),
        archived=described(INT, "Of them, with an archived copy"),
    ),
    "Citation": obj(
        id=INT,
        text=STR,
        outlet=nullable(ref("Outlet")),
        outlet_text=NULL_STR,
        title=NULL_STR,
        date=DATE,
        url=NULL_STR,
        pages=NULL_STR,
        anonymous=BOOL,
        description=NULL_STR,
        work_id=NULL_INT,
        archived_document_id=NULL_INT,
        authors=described(array(STR), "People or the organisation that wrote it"),
        accessed=described(DATE, "When the citer retrieved it, not its date"),
        kind=described(NULL_STR, "news, web, report, journal, book, legal, other"),
        style=described(NULL_STR, "The citation style that read the note"),
        confidence=described(
            nullable({"type": "number"}), "How sure the reading is, 0 to 1"
        ),
        uncertain=described(
            BOOL, "Read with confidence below 0.5: trust the note as written"
        ),
        how=described(NULL_STR, "How a story cites it: said, told Reuters, ..."),
        via=described(NULL_STR, "The outlet it came through (IRNA via BBC)"),
        qualifier=described(NULL_STR, "What the story says of this sourcing"),
    ),
    "NoComment": obj(
        text=described(STR, "The story's words"),
        how=described(NULL_STR, "did not respond, declined to comment, ..."),
        outlet_slug=NULL_STR,
        outlet_text=NULL_STR,
        description=NULL_STR,
        anonymous=BOOL,
    ),
    "Marker": obj(
        id=INT,
        label=STR,
        offset=INT,
        footnote_id=NULL_INT,
        footnote_anchor=NULL_STR,
        ref=STR,
    ),
    "Claim": obj(
        id=INT,
        start=INT,
        end=INT,
        text=STR,
        markers=array(ref("Marker")),
        citations=array(ref("Citation")),
    ),
    "Passage": obj(
        id=INT,
        position=INT,
        anchor=STR,
        kind=STR,
        level=NULL_INT,
        text=STR,
        claims=array(ref("Claim")),
        references=array(obj(text=STR, target=STR)),
    ),
    "Footnote": obj(
        id=INT,
        label=STR,
        anchor=STR,
        text=STR,
        document_id=INT,
        citations=array(ref("Citation")),
        refs=array(STR),
    ),
    "DocumentSummary": obj(**SUMMARY),
    "Work": obj(
        id=INT,
        outlet=nullable(ref("Outlet")),
        title=NULL_STR,
        date=DATE,
        url=NULL_STR,
        archived_document_id=NULL_INT,
    ),
    "Document": obj(
        **SUMMARY,
        cite_as=NULL_STR,
        dateline=NULL_STR,
        authors=array(STR),
        credits=array(STR),
        warnings=array(STR),
        publisher_outlet=nullable(ref("Outlet")),
        archived_at=described(STR, "When it was archived, UTC: YYYY-MM-DDTHH:MM:SSZ"),
        url=described(NULL_STR, "The original's address, where known"),
        file_name=described(STR, "The archived file's name"),
        checksum=described(STR, "SHA-256 of the archived file's bytes"),
        source_format=described(STR, "The format it was read as (pdf, html ...)"),
        passages=array(ref("Passage")),
        footnotes=array(ref("Footnote")),
        sections=array(ref("DocumentSummary")),
        cited_as=array(ref("Work")),
        no_comment=described(
            array(ref("NoComment")),
            "Whom the story asked, who did not answer: sources of no claim",
        ),
        fetched=described(
            nullable(ref("LinkState")), "The URL it was fetched from, if it was"
        ),
    ),
    "DocumentList": obj(
        total=INT,
        page=INT,
        pages=INT,
        documents=array(ref("DocumentSummary")),
        facets=obj(kind=FACETS, publisher=FACETS, country=FACETS),
    ),
    "ClaimRef": obj(
        id=INT,
        text=STR,
        document=ref("DocumentSummary"),
        anchor=STR,
        footnotes=array(STR),
    ),
    "RelatedPassage": obj(
        passage_id=INT,
        document_id=INT,
        document_title=STR,
        anchor=STR,
        text=STR,
        shared_names=array(STR),
        shared_works=INT,
        score={"type": "number"},
    ),
    "ClaimDetail": obj(
        claim=ref("Claim"),
        document=ref("DocumentSummary"),
        cite_as=NULL_STR,
        anchor=STR,
        passage_text=STR,
        footnotes=array(ref("Footnote")),
        works=array(ref("Work")),
        same_works=described(
            array(ref("ClaimRef")),
            "This page of the other claims citing the same works, newest first",
        ),
        **paging("other claims citing the same works"),
        related=array(ref("RelatedPassage")),
        cite_this=STR,
    ),
    "OutletCount": obj(outlet=ref("Outlet"), citations=INT, works=INT),
    "Report": obj(report_id=INT, publisher=STR, title=STR, documents=INT),
    "OutletIndex": obj(
        report=described(
            nullable(ref("Report")), "The report ranked within; null: the archive"
        ),
        citations=described(INT, "Citations naming an outlet, in all"),
        uncertain=described(
            INT, "Citations left out of the ranking: read with confidence below 0.5"
        ),
        ranking=described(
            array(ref("OutletCount")), "This page of the outlets, most cited first"
        ),
        reports=described(array(ref("Report")), "Every report, to rank within"),
        links=described(
            nullable(ref("LinkCounts")), "The URLs cited (by the report, if one)"
        ),
        **paging("cited outlets"),
    ),
    "OutletDetail": obj(
        outlet=ref("Outlet"),
        citations=described(INT, "Citations of the outlet across the archive"),
        works=described(INT, "Works of the outlet that are cited"),
        published=described(INT, "Archived documents the outlet published"),
        documents=described(
            array(ref("DocumentSummary")), "The newest of the published documents"
        ),
        groups=described(
            array(
                obj(
                    work=described(
                        nullable(ref("Work")),
                        "null: attributions that name no particular work",
                    ),
                    claims=described(
                        array(ref("ClaimRef")), "The newest claims citing it"
                    ),
                    claims_total=described(INT, "Every claim citing it"),
                )
            ),
            "This page of the groups: one per cited work, newest first, then one "
            "for attributions naming no work (all of them at "
            "/api/outlets/{slug}/attributions)",
        ),
        **paging("groups"),
        links=described(nullable(ref("LinkCounts")), "The URLs its works are cited at"),
    ),
    "Attributions": obj(
        outlet=ref("Outlet"),
        claims=described(
            array(ref("ClaimRef")),
            "This page of the claims citing the outlet but no particular work",
        ),
        **paging("claims citing the outlet but no particular work"),
    ),
    "WorkDetail": obj(
        work=ref("Work"),
        archived=nullable(ref("DocumentSummary")),
        written_as=described(array(STR), "How citations write the work (up to 20)"),
        claims=described(
            array(ref("ClaimRef")), "This page of the claims citing the work"
        ),
        **paging("claims citing the work"),
        link=described(
            nullable(ref("LinkState")), "Its URL as last checked; null: never"
        ),
    ),
    "Error": {
        **obj(status=INT, title=STR, message=STR, problems=array(STR)),
        "required": ["status", "title", "message"],
    },
}
SCHEMAS.update(SEARCH_SCHEMAS)
