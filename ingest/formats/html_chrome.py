"""Page furniture that is never a passage: menus, infoboxes, edit links, hidden text.

Saved pages carry their site's navigation and tools around the text. Besides
the elements the walker skips by name (``nav``, ``form``, ``script``), these are
recognised by the conventions pages use: ARIA roles, hidden elements, and the
classes and ids MediaWiki (Wikipedia and its mirrors) gives its furniture.
"""

from __future__ import annotations

import re

from bs4 import Tag

from ingest.formats.html_markers import anchor_marker, fragment, note_id_label

CHROME_CLASSES = frozenset(
    {
        "navbox", "vertical-navbox", "navbox-inner", "infobox", "sidebar", "toc",
        "catlinks", "noprint", "mw-editsection", "mw-jump-link", "hatnote",
        "navigation-not-searchable", "mbox-small", "sistersitebox", "portal",
        "printfooter", "mw-cite-backlink", "cite-accessibility-label",
        "mw-indicators", "shortdescription", "ambox", "metadata", "mw-portlet",
        "vector-dropdown", "vector-menu", "vector-page-toolbar",
    }
)  # fmt: skip
CHROME_IDS = frozenset(
    {
        "toc", "mw-navigation", "mw-panel", "mw-head", "footer", "catlinks",
        "siteSub", "contentSub", "jump-to-nav", "siteNotice", "coordinates",
        "mw-head-base", "mw-page-base", "p-search",
    }
)  # fmt: skip
CHROME_ROLES = frozenset({"navigation", "banner", "search", "contentinfo"})
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def is_chrome(tag: Tag) -> bool:
    """True for an element whose content is page furniture, not the document."""
    if tag.attrs is None or not tag.attrs:
        return False
    classes = tag.get("class") or ()
    if any(name in CHROME_CLASSES for name in classes):
        return True
    if tag.get("id") in CHROME_IDS or tag.get("role") in CHROME_ROLES:
        return True
    return tag.has_attr("hidden") or bool(_HIDDEN.search(tag.get("style") or ""))


def notes_cited_in(furniture: Tag, shown: bool = True) -> set[str]:
    """The labels of notes that ``furniture`` cites (an infobox's "[n 1]"): cited,
    though no passage holds their marker."""
    labels = set()
    for anchor in furniture.find_all("a", href=True):
        target = fragment(anchor["href"])
        if target is None or note_id_label(target) is None:
            continue
        label = anchor_marker(anchor.get_text(strip=True), anchor["href"], shown)
        if label is not None:
            labels.add(label)
    return labels
