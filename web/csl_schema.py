"""The JSON Schema of a CSL-JSON export (``format=csljson``): the citeproc
input format, as ``archive.references.csljson`` writes it."""

from __future__ import annotations

from archive.references import CSL_TYPES
from web.schema_types import INT, STR, array, described, obj

CSL_DATE = obj(
    **{
        "date-parts": {
            "type": "array",
            "items": array(INT),
            "minItems": 1,
            "maxItems": 1,
            "description": "[[year, month, day]], as many parts as known",
        }
    }
)


CSL_ITEMS = array(
    {
        **obj(
            id=described(STR, "doc-<id>, work-<id> or citation-<id>"),
            type={"enum": list(CSL_TYPES)},
            title=STR,
            author=array(
                {
                    "oneOf": [
                        obj(family=STR, given=STR),
                        obj(
                            literal=described(STR, "A name kept whole: an organisation")
                        ),
                    ]
                }
            ),
            **{
                "container-title": STR,
                "issued": CSL_DATE,
                "accessed": CSL_DATE,
            },
            publisher=STR,
            URL=STR,
            page=STR,
            number=STR,
            note=STR,
        ),
        "required": ["id", "type", "title"],
        "description": "One reference as CSL-JSON (the citeproc input format)",
    }
)
