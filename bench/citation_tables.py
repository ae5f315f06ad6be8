"""The accuracy tables of ``bench.citations`` and the file they are written into."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from bench.citation_scores import FIELDS

_HEADERS = ("title", "year", "full date", "outlet", "authors", "url")


class Table:
    """Rows of per-field accuracy; each cell gives the share and its count."""

    def __init__(self, caption: str) -> None:
        self.caption = caption
        self.rows: list[tuple[str, list]] = []

    def add(self, name: str, results: list) -> None:
        self.rows.append((name, results))

    def group(self, key: str, results: list) -> None:
        groups: dict[str, list] = defaultdict(list)
        for result in results:
            groups[str(result[0].get(key))].append(result)
        for value in sorted(groups, key=lambda v: (-len(groups[v]), v)):
            self.add(f"{key} {value}", groups[value])

    def markdown(self) -> str:
        head = ["", "n", *_HEADERS, "wrong but confident"]
        lines = [
            f"**{self.caption}**",
            "",
            "| " + " | ".join(head) + " |",
            "|" + "---|" * len(head),
        ]
        for name, results in self.rows:
            cells = [name, str(len(results))]
            cells += [_share(results, field) for field in FIELDS]
            cells.append(_share(results, "confident_wrong"))
            lines.append("| " + " | ".join(cells) + " |")
        return "\n".join(lines)


def _share(results: list, field: str) -> str:
    marks = [m[field] for _, _, m in results if field in m]
    if not marks:
        return "–"
    return f"{100 * sum(marks) / len(marks):.0f} % ({len(marks)})"


def replace_between(path: Path, name: str, text: str) -> None:
    """Put ``text`` between the ``name`` markers of ``path``, keeping the rest.

    Missing markers are added at the end of the file (which is created if need be).
    """
    start, end = f"<!-- {name} -->", f"<!-- /{name} -->"
    block = f"{start}\n{text}\n{end}"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    pattern = re.compile(re.escape(start) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(old):
        new = pattern.sub(lambda _: block, old, count=1)
    else:
        new = (old.rstrip("\n") + "\n\n" if old.strip() else "") + block + "\n"
    path.write_text(new, encoding="utf-8")
