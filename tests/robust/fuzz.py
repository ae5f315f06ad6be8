"""A seeded mutator over the fixtures, and a run that checks what became of each.

``mutants(seed, count)`` makes ``count`` inputs from the fixture files: bytes
flipped, inserted, deleted or repeated, files cut short or spliced, and hostile
pieces put in (deep nesting, thousands of brackets or notes, NUL and control
characters, odd charsets, very long words and lines). The same seed gives the
same inputs. ``run(folder, url, index)`` ingests a folder of them the way
``archive ingest`` does and returns what a user must never see: files not
reported, tracebacks, documents stored in part.

Used by ``tests/robust/test_fuzz.py`` (a few hundred inputs) and by
``python -m tests.robust.fuzz --inputs 10000`` (by hand).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select

FIXTURES = Path(__file__).parent.parent / "fixtures"
FORMATS = {".md", ".html", ".txt", ".tex", ".wiki", ".xml", ".sgm", ".tst", ".docx"}
LARGEST_SEED = 120_000  # bytes; larger fixtures make slow inputs, not new ones
# Reasons that mean the code met something it did not expect (a defect), not
# that the file is bad: the fuzz counts these as tracebacks.
UNEXPECTED = ("could not be parsed:", "the parser stopped", "could not be stored:")

HOSTILE: tuple[bytes, ...] = (
    b"<div>" * 1500,
    b"<ul><li>" * 900,
    b"<span><b><a>" * 3000,
    b"<table><tr><td>" * 800,
    b"\n" + b"".join(b"  " * i + b"- item\n" for i in range(60)),
    b"[" * 5000,
    b"".join(b"[^%d]" % n for n in range(3000)),
    b"".join(b"\n[^%d]: Source %d, 1 May 2024.\n" % (n, n) for n in range(9998, 10002)),
    b"\x00\x01\x02\x1b[31m\x7f",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b'<meta charset="hex">',
    b'<meta charset="utf-7">',
    b'<?xml version="1.0" encoding="punycode"?>',
    b"\xe2\x80\xae\xe2\x80\xad\xe2\x81\xa6",  # right-to-left overrides
    b"w" * 6000,
    b"date:0000 0000-00-00 31 February 2024 9999-99-99",
    b"&#0;&#xD800;&#x110000;&bogus;&amp;amp;",
    b"<![CDATA[" + b"x" * 100,
    b"\\footnote{" * 300,
    b"{{cite web|" * 300,
    b"<ref>" * 500,
    b"\r" * 2000,
    b"-" * 300 + b"\n",
    b"%PDF-1.7\n",
    b"PK\x03\x04",
)


def seeds() -> list[Path]:
    """The fixture files mutants are made from (sorted, so seeds repeat)."""
    return sorted(
        path
        for path in FIXTURES.rglob("*")
        if path.is_file()
        and path.suffix in FORMATS
        and path.stat().st_size <= LARGEST_SEED
    )


def mutants(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """``count`` (name, bytes) inputs made from the fixtures with ``seed``."""
    rng = random.Random(seed)
    sources = [(path, path.read_bytes()) for path in seeds()]
    for number in range(count):
        path, data = rng.choice(sources)
        for _ in range(rng.randint(1, 4)):
            data = _mutate(rng, data, sources)
        yield f"{number:05d}-{path.stem[:40]}{path.suffix}", data


def _mutate(rng: random.Random, data: bytes, sources: list) -> bytes:
    where = rng.randint(0, len(data))
    kind = rng.randrange(8)
    if kind == 0:  # flip bytes
        flipped = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            if flipped:
                flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return bytes(flipped)
    if kind == 1:  # insert random bytes
        return data[:where] + rng.randbytes(rng.randint(1, 64)) + data[where:]
    if kind == 2:  # delete a range
        return data[:where] + data[where + rng.randint(1, 2000) :]
    if kind == 3:  # repeat a range
        piece = data[where : where + rng.randint(1, 200)]
        return data[:where] + piece * rng.randint(2, 200) + data[where:]
    if kind == 4:  # cut short
        return data[:where]
    if kind == 5:  # splice another file in
        _, other = rng.choice(sources)
        start = rng.randint(0, len(other))
        return data[:where] + other[start : start + rng.randint(1, 5000)] + data[where:]
    return data[:where] + rng.choice(HOSTILE) + data[where:]  # hostile piece


@dataclass
class Findings:
    """What a fuzz run saw; ``ok`` when nothing a user must never see."""

    inputs: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    unreported: list[str] = field(default_factory=list)
    tracebacks: list[str] = field(default_factory=list)
    partial: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not (self.unreported or self.tracebacks or self.partial)

    def summary(self) -> dict:
        return {
            "inputs": self.inputs,
            "outcomes": dict(sorted(self.by_status.items())),
            "tracebacks": len(self.tracebacks),
            "unreported": len(self.unreported),
            "partial documents": len(self.partial),
            "seconds": round(self.seconds, 1),
            "examples": (self.tracebacks + self.unreported + self.partial)[:10],
        }


def run(folder: Path, url: str, parsers: int = 1) -> Findings:
    """Ingest every file in ``folder`` into the database at ``url``, and check."""
    from archive.batch import expand, ingest_all
    from archive.db import connect
    from archive.parsing import Budget
    from ingest import ParseOptions, load_registry

    files = expand([folder])
    sessions = connect(url)
    found = Findings(inputs=len(files))
    started = time.perf_counter()
    try:
        outcomes = list(
            ingest_all(
                files,
                sessions,
                ParseOptions(load_registry(None)),
                parsers=parsers,
                budget=Budget(seconds=60, memory_mib=1024),
            )
        )
    except Exception as error:  # noqa: BLE001 - the run itself must never raise
        found.tracebacks.append(f"the run raised {type(error).__name__}: {error}")
        return found
    found.seconds = time.perf_counter() - started
    reported = {outcome.path for outcome in outcomes}
    found.unreported = sorted({str(path) for path in files} - reported)
    for outcome in outcomes:
        found.by_status[outcome.status] = found.by_status.get(outcome.status, 0) + 1
        error = outcome.error or ""
        if outcome.status == "failed" and (not error or error.startswith(UNEXPECTED)):
            found.tracebacks.append(f"{outcome.path}: {error or 'no reason given'}")
    found.partial = _partial(sessions, [o for o in outcomes if o.document])
    sessions.kw["bind"].dispose()
    return found


def _partial(sessions, stored: list) -> list[str]:
    """Documents whose rows in the database are not what their outcome says."""
    from archive.models import Footnote, Passage

    latest = {outcome.document: outcome for outcome in stored}
    with sessions() as session:
        passages = dict(
            session.execute(
                select(Passage.document_id, func.count()).group_by(Passage.document_id)
            ).all()
        )
        notes = dict(
            session.execute(
                select(Footnote.document_id, func.count()).group_by(
                    Footnote.document_id
                )
            ).all()
        )
    return [
        f"{o.path}: #{o.document} holds {passages.get(o.document, 0)} passages and "
        f"{notes.get(o.document, 0)} footnotes, not {o.passages} and {o.footnotes}"
        for o in latest.values()
        if o.status != "unchanged"
        and (passages.get(o.document, 0), notes.get(o.document, 0))
        != (o.passages, o.footnotes)
    ]


def write(folder: Path, seed: int, count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in mutants(seed, count):
        (folder / name).write_bytes(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=1_000, help="inputs per run")
    parser.add_argument("--parsers", type=int, default=1)
    parser.add_argument("--url", help="a database URL [a SQLite file per batch]")
    args = parser.parse_args(argv)
    total = Findings()
    inputs = list(mutants(args.seed, args.inputs))
    for start in range(0, len(inputs), args.batch):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "inputs"
            folder.mkdir()
            for name, data in inputs[start : start + args.batch]:
                (folder / name).write_bytes(data)
            url = args.url or f"sqlite:///{Path(tmp) / 'archive.db'}"
            found = run(folder, url, args.parsers)
        _add(total, found)
        print(json.dumps(found.summary()), file=sys.stderr)  # noqa: T201
    print(json.dumps(total.summary(), indent=2))  # noqa: T201
    return 0 if total.ok else 1


def _add(total: Findings, found: Findings) -> None:
    total.inputs += found.inputs
    total.seconds += found.seconds
    for status, n in found.by_status.items():
        total.by_status[status] = total.by_status.get(status, 0) + n
    total.unreported += found.unreported
    total.tracebacks += found.tracebacks
    total.partial += found.partial


if __name__ == "__main__":
    sys.exit(main())
