"""The links of a results page: the same search with one argument changed, a
page of the results, and a hit's passage in its document.

They are the URLs ``url_for`` builds (the same paths, the query string encoded
the same way and its arguments in the same order), from a few ``url_for`` calls
a page rather than one a link: a results page has a few hundred links (each
facet value has two), and ``url_for`` for each was a tenth of the page's time.
"""

from __future__ import annotations

from urllib.parse import quote, quote_plus

from flask import url_for
from werkzeug.datastructures import MultiDict

from web.display import RecordPaths, page_window

# What Werkzeug leaves unquoted in a query string, and Flask in an anchor.
QUERY_SAFE = "!$'()*,/:;?@"
ANCHOR_SAFE = "%!#$&'()*+,/:;=?@"


class SearchLinks:
    """Links that keep the arguments ``args`` of a search (a request's)."""

    def __init__(self, args: MultiDict, query: str | None) -> None:
        self.home = url_for("search.home")
        self.args = [(name, values) for name, values in args.lists()]
        self.document_path = RecordPaths().document
        self._quoted: dict[str, str] = {}
        self.with_query = f"?{self._encoded([('q', query)])}" if query else ""

    def toggled(self, name: str, value: str) -> str:
        """Argument ``name`` with ``value`` added, or taken out if it is there;
        back to the first page."""
        items, found = [], False
        for key, values in self.args:
            if key == name:
                found = True
                kept = [v for v in values if v != value]
                values = kept if value in values else [*values, value]
            if key != "page":
                items += [(key, v) for v in values]
        if not found:
            items.append((name, value))
        return self._search(items)

    def changed(self, **changes: str | None) -> str:
        """The arguments ``changes`` names set to its values (None: taken out)."""
        items = [
            (key, v) for key, values in self.args if key not in changes for v in values
        ]
        items += [(key, v) for key, v in changes.items() if v is not None]
        return self._search(items)

    def pages(self, page: int, pages: int) -> dict[int, str]:
        """Links to the pages around ``page`` (at most nine)."""
        return {n: self._page(n) for n in page_window(page, pages)}

    def document(self, document_id: int, anchor: str | None = None) -> str:
        """The document's page, opened with the search's words (at ``anchor``)."""
        url = f"{self.document_path}{document_id}{self.with_query}"
        return url if anchor is None else f"{url}#{quote(anchor, safe=ANCHOR_SAFE)}"

    def _page(self, number: int) -> str:
        items, found = [], False
        for key, values in self.args:
            if key == "page":
                found, values = True, [str(number)]
            items += [(key, v) for v in values]
        if not found:
            items.append(("page", str(number)))
        return self._search(items)

    def _search(self, items: list[tuple[str, str]]) -> str:
        encoded = self._encoded(items)
        return f"{self.home}?{encoded}" if encoded else self.home

    def _encoded(self, items: list[tuple[str, str]]) -> str:
        """``urlencode(items, safe=QUERY_SAFE)``, each name and value quoted
        once a page (a page's links repeat the same arguments)."""
        return "&".join(f"{self._quote(k)}={self._quote(v)}" for k, v in items)

    def _quote(self, text: str) -> str:
        quoted = self._quoted.get(text)
        if quoted is None:
            quoted = self._quoted[text] = quote_plus(text, safe=QUERY_SAFE)
        return quoted
