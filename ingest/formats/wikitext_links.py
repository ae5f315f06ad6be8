"""Internal links: which are text (their label) and which are not.

``[[Target|label]]`` shows its label, ``[[Target]]`` its title and the pipe
trick ``[[Target (film)|]]`` the title without its bracket. File, image and
category links, and links to other languages' articles, are not text.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Wikilink

# File and category namespaces, in English and as other Wikipedias write them.
HIDDEN_NAMESPACES = {
    "file", "image", "category", "media", "datei", "bild", "kategorie", "fichier",
    "catégorie", "archivo", "imagen", "categoría", "bestand", "afbeelding",
    "categorie", "ficheiro", "imagem", "categoria", "plik", "kategoria", "файл",
    "категория", "ملف", "تصنيف", "پرونده", "رده", "dosya", "kategori", "tập tin",
}  # fmt: skip
# Options only an image link takes: [[Datei:x.jpg|mini|hochkant|caption]].
_IMAGE_OPTION = re.compile(
    r"^\s*(?:thumb|thumbnail|mini|miniatur|miniatura|vignette|frame|frameless|"
    r"upright|hochkant|left|right|center|links|rechts|\d+(?:x\d+)?px)\s*(?:=.*)?$",
    re.IGNORECASE,
)
_INTERWIKI = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,8})*$")


def is_shown(link: Wikilink) -> bool:
    """False for a file, image, category or interlanguage link."""
    prefix, _, rest = str(link.title).strip().partition(":")
    prefix = prefix.strip().lower()
    if not rest:
        return True
    interwiki = _INTERWIKI.match(prefix) and not link.text
    return not (prefix in HIDDEN_NAMESPACES or interwiki or _is_image(link))


def link_title(link: Wikilink) -> str:
    """The text a link without a label shows: its title (the pipe trick drops
    the namespace, a bracketed qualifier and a comma's tail)."""
    title = str(link.title).strip().lstrip(":").strip()
    if link.text is not None:
        title = re.sub(r"\s*\([^)]*\)$", "", title.split(":", 1)[-1]).split(",")[0]
    return title


def _is_image(link: Wikilink) -> bool:
    options = str(link.text or "").split("|")
    return len(options) > 1 and any(_IMAGE_OPTION.match(o) for o in options[:-1])
