"""The building blocks of the API's JSON Schemas: types, and objects with every
field required and no other allowed."""

from __future__ import annotations

from typing import Any

STR: dict[str, Any] = {"type": "string"}
INT: dict[str, Any] = {"type": "integer"}
BOOL: dict[str, Any] = {"type": "boolean"}
DATE: dict[str, Any] = {
    "type": ["string", "null"],
    "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$",
    "description": "As precise as known: YYYY, YYYY-MM or YYYY-MM-DD; null if undated",
}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def array(schema: dict) -> dict:
    return {"type": "array", "items": schema}


def obj(**properties: dict) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def described(schema: dict, description: str) -> dict:
    return {**schema, "description": description}


def paging(items: str) -> dict[str, dict]:
    """The fields of a paginated response whose list holds ``items``."""
    return {
        "total": described(INT, f"How many {items} there are on all pages"),
        "page": described(INT, "This page's number, from 1"),
        "pages": described(INT, "How many pages there are (at least 1)"),
        "per_page": described(INT, "At most this many on a page"),
    }


NULL_STR = nullable(STR)
NULL_INT = nullable(INT)
