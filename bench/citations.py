"""How well the archive reads citations: per-field accuracy on labeled strings.

``python -m bench.citations`` reads the labeled footnote citations of
``tests/fixtures/citations`` and, as a second table, the held-out quarter of
AnyStyle's labeled references (``--anystyle DIR``), runs a reader on each string
(``--reader archive``, the default: the archive's citation reader as ingest
calls it; ``--reader crf``: the statistical reader alone) and prints per-field
accuracy overall, per style and per kind, the share read wrong but with
confidence, and the citations read per second. ``--out CITATIONS.md`` writes
the tables into that file between markers named for the reader and keeps the
text around them. See ``bench.citation_scores`` for how each field is scored.

Example:
    python -m bench.citations --anystyle ../shared/data/citations/anystyle \\
        --out CITATIONS.md
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench import anystyle, citation_set
from bench.citation_scores import FIELDS, Got, score
from bench.citation_tables import Table, replace_between
from ingest.blocks import Link
from ingest.outlets import OutletRegistry, load_registry

_REAL = ("news", "web", "report")
Reader = Callable[[str, tuple[Link, ...]], Got]


def read_with_archive(text: str, links: tuple[Link, ...] = ()) -> Got:
    """The archive's reading of one citation string: the one call to adapt.

    The first citation ``ingest.citations.split_footnote`` finds is scored;
    fields the reader does not have yet (authors, publisher, confidence) are
    read where they exist and left empty where they do not. A reader that
    states no confidence is taken at its word (1.0), unless it warned that it
    could not read the note.
    """
    from ingest.citations import split_footnote

    citations, warnings = split_footnote("1", text, links, load_registry())
    if not citations:
        return Got(confidence=0.0)
    first = citations[0]
    return Got(
        title=first.title,
        outlet=first.outlet,
        publisher=getattr(first, "publisher", None),
        authors=tuple(getattr(first, "authors", ()) or ()),
        date=first.date.isoformat() if first.date else None,
        url=first.url,
        confidence=getattr(first, "confidence", 0.0 if warnings else 1.0),
    )


def read_with_crf(text: str, links: tuple[Link, ...] = ()) -> Got:
    """The statistical reader alone (``ingest.citation_crf``)."""
    from ingest.citation_crf import read
    from ingest.dates import parse_date

    found = read(text)
    if found is None:
        return Got(confidence=0.0)
    date = parse_date(found.date) if found.date else None
    url = found.url or next((link.href for link in links if link.href), None)
    return Got(
        title=found.title,
        outlet=found.outlet,
        publisher=found.publisher,
        authors=found.authors,
        date=date.isoformat() if date else None,
        url=url,
        confidence=found.confidence,
    )


READERS: dict[str, Reader] = {"archive": read_with_archive, "crf": read_with_crf}


def measure(
    records: Iterable[dict], reader: Reader, registry: OutletRegistry
) -> tuple[list[tuple[dict, Got, dict[str, bool]]], float]:
    """Each record with its reading and marks, and the seconds spent reading.

    One string is read before the clock starts, so that loading a model is
    not counted as reading.
    """
    records = list(records)
    if records:
        reader(records[0]["text"], ())
    results = []
    spent = 0.0
    for record in records:
        links = tuple(Link(**link) for link in record.get("links", ()))
        start = time.perf_counter()
        got = reader(record["text"], links)
        spent += time.perf_counter() - start
        results.append((record, got, score(got, record, registry)))
    return results, spent


def tables(results, spent: float, name: str, anystyle_results=None) -> str:
    held = [r for r in results if citation_set.held_out(r[0]["text"])]
    main = Table(f"Labeled footnote citations, read by the {name}")
    main.add("all", results)
    if len(held) < len(results):
        main.add("held-out quarter", held)
    main.add("news, web and report", [r for r in results if r[0]["kind"] in _REAL])
    main.group("style", results)
    main.group("kind", results)
    parts = [main.markdown()]
    count = len(results)
    if anystyle_results:
        other = Table("AnyStyle references, held-out quarter (mostly academic)")
        other.add("all", anystyle_results)
        other.group("doc", anystyle_results)
        parts.append(other.markdown())
        count += len(anystyle_results)
    rate = count / spent if spent else float("inf")
    load = os.getloadavg()[0]
    parts.append(
        f"Read {count} strings at {rate:,.0f} citations per second"
        f" (load average {load:.1f} on {os.cpu_count()} cores)."
    )
    return "\n\n".join(parts)


def failures(results, limit: int) -> str:
    lines = []
    for record, got, marks in results:
        if marks.get("title") is False and len(lines) < limit:
            lines.append(
                f"- {record['text']!r}\n  title {got.title!r} (want"
                f" {record['title']!r}); outlet {got.outlet!r}; date {got.date!r}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=citation_set.SET)
    parser.add_argument("--anystyle", type=Path, default=anystyle.DEFAULT)
    parser.add_argument("--reader", choices=sorted(READERS), default="archive")
    parser.add_argument("--out", type=Path)
    parser.add_argument(
        "--part",
        choices=("all", "held-out"),
        help="the part of the set to read (default: all for the archive's rules,"
        " the held-out quarter for the crf reader, which is trained on the rest)",
    )
    parser.add_argument("--failures", type=int, default=0)
    args = parser.parse_args(argv)
    registry = load_registry()
    reader = READERS[args.reader]
    part = args.part or ("held-out" if args.reader == "crf" else "all")
    records = citation_set.load(args.set)
    if part == "held-out":
        records = [r for r in records if citation_set.held_out(r["text"])]
    results, spent = measure(records, reader, registry)
    other = None
    if args.anystyle.is_dir():
        held = [
            r for r in anystyle.load(args.anystyle) if citation_set.held_out(r["text"])
        ]
        other, more = measure(held, reader, registry)
        spent += more
    else:
        sys.stderr.write(f"{args.anystyle}: no AnyStyle data there; table left out\n")
    text = tables(results, spent, f"{args.reader} reader ({part})", other)
    if args.out:
        replace_between(args.out, f"figures:{args.reader}", text)
    if args.failures:
        text += "\n\nTitles read wrong:\n" + failures(results, args.failures)
    sys.stdout.write(text + "\n")
    return 0


__all__ = ["FIELDS", "READERS", "main", "measure", "read_with_archive"]

if __name__ == "__main__":
    raise SystemExit(main())
