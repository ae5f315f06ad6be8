"""Characters of one page with the geometry the layout needs.

One pass over pdfium's text page: each character's text, horizontal extent,
baseline and size (the height of its loose box, which scales with the font
size whatever the content stream's text matrix says). Rotated characters
(marginal slugs, image labels) are left out; spaces keep their place but no size.
"""

from __future__ import annotations

import ctypes
import math
from typing import NamedTuple

import pypdfium2.raw as pdfium_c

_STRAIGHT = 0.02  # radians: a character turned less than this reads left to right


class Glyph(NamedTuple):
    text: str
    x0: float
    x1: float
    base: float
    size: float  # 0 for a space
    index: int  # the character's index in the text page


def page_glyphs(textpage: object) -> list[Glyph]:
    raw = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return []
    text = textpage.get_text_range(0, count)  # type: ignore[attr-defined]
    if len(text) != count:  # characters outside the BMP: read one by one
        text = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 32) for i in range(count)
        )
    return _measure(raw, text)


def _measure(raw: object, text: str) -> list[Glyph]:
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    angle_of, box_of = pdfium_c.FPDFText_GetCharAngle, pdfium_c.FPDFText_GetLooseCharBox
    origin_of = pdfium_c.FPDFText_GetCharOrigin
    glyphs: list[Glyph] = []
    append = glyphs.append
    last = None
    for index, char in enumerate(text):
        if char in "\r\n":
            continue
        if char.isspace():
            if last is not None and last.size:
                last = Glyph(" ", last.x1, last.x1, last.base, 0.0, index)
                append(last)
            continue
        angle = angle_of(raw, index)
        if _STRAIGHT < angle < 2 * math.pi - _STRAIGHT:
            continue
        box_of(raw, index, box)
        origin_of(raw, index, x, y)
        last = Glyph(char, box.left, box.right, y.value, box.top - box.bottom, index)
        append(last)
    return glyphs
