"""Dependencies point one way: ingest -> archive -> index -> web."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
ALLOWED = {
    "ingest": set(),
    "archive": {"ingest"},
    "index": {"ingest", "archive"},
    "web": {"ingest", "archive", "index"},
}
COMPOSITION_ROOT = ROOT / "archive" / "cli"
FOREIGN = {"ingest": {"sqlalchemy", "whoosh", "flask"}, "archive": {"whoosh", "flask"}}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", ALLOWED)
def test_package_imports_only_the_layers_below_it(package: str) -> None:
    forbidden = set(ALLOWED) - ALLOWED[package] - {package}
    for path in (ROOT / package).rglob("*.py"):
        if path.parent == COMPOSITION_ROOT:
            continue
        wrong = imported_top_levels(path) & (forbidden | FOREIGN.get(package, set()))
        assert not wrong, f"{path.relative_to(ROOT)} imports {sorted(wrong)}"


FORMAT_LIBRARIES = {
    "bs4", "markdown", "lxml", "defusedxml", "xml", "pypdfium2", "pdfplumber",
    "pdfminer", "mwparserfromhell", "pylatexenc", "mammoth", "trafilatura", "zipfile",
    "markdown_it", "mdit_py_plugins", "yaml",
}  # fmt: skip


def test_kind_parsers_never_touch_format_libraries() -> None:
    kinds = sorted((ROOT / "ingest" / "kinds").glob("*.py"))
    assert {path.stem for path in kinds} >= {"report", "wire", "document"}
    for path in kinds:
        assert not imported_top_levels(path) & FORMAT_LIBRARIES, path.name
