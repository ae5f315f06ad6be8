"""One archived passage as one index document, with a fingerprint of its content.

The fingerprint covers every indexed value, so ``check`` can tell a passage whose
document (or whose cited footnotes in another section) changed since it was
indexed from one that is current, without comparing texts field by field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator

from archive.queries import IndexablePassage, OutletRef
from index.analysis import FORM_SEPARATOR, name_forms, words_of
from ingest import country_name, country_names, outlet_key

# A passage that cites no outlet gets this term in the outlet facet (every
# passage has one there); facet counts leave it out.
NO_OUTLET = "-"


def entries(passages: Iterable[IndexablePassage]) -> Iterator[dict[str, object]]:
    """The index documents of ``passages`` (a document's passages together).

    Each unstemmed word goes to the words field once per document, with the
    first of its passages that holds it: prefixes and "did you mean" need only
    which words the index holds, and a document's passages are always deleted
    and written together, so a word stays exactly as long as a document holding
    it does. That spares the index writer most of the field's postings.
    """
    document, seen = None, set()
    for passage in passages:
        if passage.document_id != document:
            document, seen = passage.document_id, set()
        values = entry(passage)
        new = [w for w in dict.fromkeys(words_of(passage.text)) if w not in seen]
        seen.update(new)
        values["words"] = new  # folded already: the field takes them as terms
        yield values


def entry(passage: IndexablePassage) -> dict[str, object]:
    """The field values of ``passage``'s index document, fingerprint included."""
    values: dict[str, object] = {
        "passage_id": str(passage.passage_id),
        "document_id": str(passage.document_id),
        "text": passage.text,
        "names": "\n".join(sorted(passage.names)),
        "words": passage.text,
        "forms": "\n".join(sorted(name_forms(passage.text, passage.names))),
        # shown with each hit: a title made from the first sentence, in brackets
        "title": f"[{passage.title}]" if passage.title_derived else passage.title,
        "outlet": "\n".join(_spellings(*passage.outlets)),
        "publisher": "\n".join(_named(passage.publisher, passage, passage.agency)),
        "agency": "\n".join(_named(passage.agency, passage, None)),
        "footnote": " ".join(passage.footnotes),
        "kind": passage.kind,
        "outlet_facet": "\n".join(
            f"{o.slug}{FORM_SEPARATOR}{o.short_name}" for o in passage.outlets
        )
        or NO_OUTLET,
        "country": "\n".join(
            name for code in passage.countries for name in (code, *country_names(code))
        ),
        "country_facet": "\n".join(
            f"{code.lower()}{FORM_SEPARATOR}{country_label(code)}"
            for code in passage.countries
        )
        or NO_OUTLET,
        "anchor": passage.anchor,
        "position": passage.position,
        "outlets": [(o.slug, o.short_name) for o in passage.outlets],
        "claims": [
            (c.id, c.start, c.end, [o.slug for o in c.outlets], list(c.footnotes))
            for c in passage.claims
        ],
    }
    source = _source(passage)
    if source:
        values["source"] = source
    if passage.date is not None:
        values["date"] = dt.datetime.combine(passage.date, dt.time())
        values["month"] = passage.date.strftime("%Y-%m")
        values["date_shown"] = shown_date(passage.date, passage.date_precision)
        values["newest"] = values["oldest"] = passage.date.toordinal()
    if passage.archived_at is not None:
        stamp = passage.archived_at.replace(tzinfo=dt.UTC).timestamp()
        values["archived"] = round(stamp * 1_000_000)  # microseconds
    values["fingerprint"] = fingerprint(values)
    return values


def country_label(code: str) -> str:
    """A country as shown: "Syria (SY)"."""
    return f"{country_name(code)} ({code})"


def fingerprint(values: dict[str, object]) -> bytes:
    content = {k: v for k, v in values.items() if k != "fingerprint"}
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:32].encode()


def shown_date(date: dt.date, precision: str | None) -> str:
    """The date as precisely as it is known: 2025, 2025-03 or 2025-03-15."""
    if precision == "year":
        return f"{date.year:04d}"
    if precision == "month":
        return date.strftime("%Y-%m")
    return date.isoformat()


def _spellings(*outlets: OutletRef) -> list[str]:
    return [s for o in outlets for s in (o.slug, o.short_name, o.name)]


def _named(
    name: str | None, passage: IndexablePassage, unless: str | None
) -> list[str]:
    """A publisher's or agency's name as written, and its outlet's spellings."""
    if not name:
        return []
    if passage.source is None or unless:
        return [name]
    return [name, *_spellings(passage.source)]


def _source(passage: IndexablePassage) -> str | None:
    """The publisher or agency facet value: ``key<US>label``."""
    if passage.source is not None:
        return f"{passage.source.slug}{FORM_SEPARATOR}{passage.source.short_name}"
    name = passage.agency or passage.publisher
    if not name:
        return None
    return f"{'-'.join(outlet_key(name).split())}{FORM_SEPARATOR}{name}"
