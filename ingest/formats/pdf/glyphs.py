"""Characters of one page with the geometry the layout needs.

One pass over pdfium's text page: each character's text, horizontal extent,
baseline and size (the height of its loose box, which scales with the font
size whatever the content stream's text matrix says). Rotated characters
(marginal slugs, image labels) are left out; spaces keep their place but no size.
An upright character's loose box starts at its origin, so only a character whose
box does not is asked for its angle: two calls per character instead of three.
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
    return _measure(raw, text.replace("\x02", "\ufffe"))  # both mark a line-end hyphen


def _measure(raw: object, text: str) -> list[Glyph]:
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    box_of, origin_of = (
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_GetCharOrigin,
    )
    glyphs: list[Glyph] = []
    append, new = glyphs.append, tuple.__new__
    last = None
    for index, char in enumerate(text):
        if char == " " or char.isspace():
            if last is not None and last[4] and char not in "\r\n":
                last = new(Glyph, (" ", last[2], last[2], last[3], 0.0, index))
                append(last)
            continue
        box_of(raw, index, box)
        origin_of(raw, index, x, y)
        left = box.left
        if abs(x.value - left) > 0.05 and _turned(raw, index):
            continue
        last = new(
            Glyph,
            (char, left, box.right, y.value, round(box.top - box.bottom, 1), index),
        )
        append(last)
    return glyphs


def _turned(raw: object, index: int) -> bool:
    """Whether the character is set at an angle (its box is not the upright one)."""
    angle = pdfium_c.FPDFText_GetCharAngle(raw, index)
    return _STRAIGHT < angle < 2 * math.pi - _STRAIGHT
