"""How fast one long PDF report is read and archived, and how much memory it takes.

    python -m bench.pdf_speed                 # 300 pages, 1,500 notes
    python -m bench.pdf_speed --pages 1000    # 1,000 pages, 5,000 notes
    python -m bench.pdf_speed --json

A two-column report with page-foot notes (``bench.pdf_corpus.long_report``) is
written into a temporary folder (by a child process, so that this one stays
small). Then, each in a child process of its own:
``archive ingest REPORT`` into a fresh data folder (parse, store, index: the
user's command, end to end), and ``ingest.parse_path`` alone. For each the
wall time, pages per second and the child's peak resident memory (from the
child's resource usage, ``os.wait4``) are printed. A reader that fails is
reported with its message, not raised: the figures then say what failed.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

NOTES_PER_PAGE = 5
_WRITE = f"""
import json, sys
from pathlib import Path
from bench.pdf_corpus import long_report
path, pages, seed = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
layout = long_report(path, pages, {NOTES_PER_PAGE}, seed)
print(json.dumps({{
    "pages": layout.pages, "notes": layout.notes, "notes_running_on": len(layout.split)
}}))
"""
_PARSE = """
import json, sys, time
from ingest import ParseError, parse_path
started = time.perf_counter()
try:
    document = parse_path(sys.argv[1])
except ParseError as error:
    print(json.dumps({"error": str(error)}))
else:
    print(json.dumps({
        "seconds": time.perf_counter() - started,
        "kind": document.kind,
        "passages": len(document.passages),
        "footnotes": len(document.footnotes),
        "markers": sum(len(claim.markers) for claim in document.claims),
    }))
"""


@dataclass(frozen=True, slots=True)
class Run:
    """One child process: how long it ran, its peak memory and its output."""

    seconds: float
    peak_rss_mb: float
    exit_code: int
    output: str


def write_report(folder: Path, pages: int, seed: int = 1) -> dict:
    """Write the long report into ``folder`` in a child process; say what was
    written. (A child started while this process is large would report this
    process's peak memory as its own: the kernel keeps it across exec.)"""
    path = folder / f"report-{pages}p.pdf"
    argv = [sys.executable, "-c", _WRITE, str(path), str(pages), str(seed)]
    run = run_child(argv)
    if run.exit_code != 0:
        raise RuntimeError(f"writing the report failed: {run.output}")
    layout = json.loads(run.output.strip().splitlines()[-1])
    return {
        "path": str(path),
        **layout,
        "megabytes": round(path.stat().st_size / 1e6, 2),
        "written_s": round(run.seconds, 2),
    }


def run_child(argv: list[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` to its end; time it and read its own peak memory."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, **(env or {})},
    )
    assert child.stdout is not None
    with child.stdout:
        output = child.stdout.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    peak = usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)
    return Run(seconds, round(peak, 1), child.returncode, output)


def archive_ingest(report: Path, data: Path) -> Run:
    """``archive ingest REPORT`` with a fresh data folder ``data``."""
    argv = [sys.executable, "-c", "from archive.cli import cli; cli()"]
    return run_child([*argv, "ingest", str(report)], {"ARCHIVE_DATA_DIR": str(data)})


def parse_alone(report: Path) -> tuple[Run, dict]:
    """``ingest.parse_path(REPORT)`` in a child; its run and what it found."""
    run = run_child([sys.executable, "-c", _PARSE, str(report)])
    lines = run.output.strip().splitlines()
    try:
        found = json.loads(lines[-1]) if lines else {}
    except json.JSONDecodeError:
        found = {}
    return run, found or {"error": run.output.strip()[-300:] or "no output"}


def measure(pages: int, folder: Path, seed: int = 1) -> dict:
    """Write the report into ``folder``, ingest it, parse it; all the figures."""
    report = write_report(folder, pages, seed)
    path = Path(report["path"])
    ingest = archive_ingest(path, Path(tempfile.mkdtemp(prefix="data-", dir=folder)))
    parse, found = parse_alone(path)
    per_page = report["pages"]
    return {
        "report": report,
        "archive_ingest": {
            **_figures(ingest, per_page),
            "output": ingest.output.strip()[-300:],
        },
        "parse_path": {
            **_figures(parse, per_page),
            "parse_s": round(found.get("seconds", 0.0), 2),
            **{k: v for k, v in found.items() if k != "seconds"},
        },
    }


def _figures(run: Run, pages: int) -> dict:
    return {
        "seconds": round(run.seconds, 2),
        "pages_per_s": round(pages / run.seconds, 1) if run.seconds else 0.0,
        "peak_rss_mb": run.peak_rss_mb,
        "exit_code": run.exit_code,
    }


def describe(figures: dict) -> str:
    """The figures as a few lines for a person."""
    report, ingest, parse = (
        figures["report"],
        figures["archive_ingest"],
        figures["parse_path"],
    )
    lines = [
        f"report: {report['pages']} pages, {report['notes']:,} notes "
        f"({report['notes_running_on']} run on to the next page), "
        f"{report['megabytes']} MB, written in {report['written_s']} s",
        f"archive ingest: {ingest['seconds']} s, {ingest['pages_per_s']} pages/s, "
        f"peak RSS {ingest['peak_rss_mb']} MB, exit {ingest['exit_code']}",
        f"ingest.parse_path: {parse['seconds']} s in all ({parse['parse_s']} s "
        f"parsing), {parse['pages_per_s']} pages/s, "
        f"peak RSS {parse['peak_rss_mb']} MB",
    ]
    if "error" in parse:
        lines.append(f"  parse failed: {parse['error']}")
    else:
        lines.append(
            f"  found: {parse['kind']}, {parse['passages']:,} passages, "
            f"{parse['footnotes']:,} footnotes, {parse['markers']:,} markers"
        )
    if ingest["exit_code"] != 0:
        lines.append(f"  archive ingest said: {ingest['output']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.pdf_speed")
    parser.add_argument("--pages", type=int, default=300, help="about this many")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--keep", type=Path, help="write here and keep the files")
    args = parser.parse_args(argv)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        figures = measure(args.pages, args.keep, args.seed)
    else:
        with tempfile.TemporaryDirectory(prefix="pdf-speed-") as folder:
            figures = measure(args.pages, Path(folder), args.seed)
    out = json.dumps(figures, indent=2) if args.json else describe(figures)
    sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
