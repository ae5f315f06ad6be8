"""Characters of one page with the geometry the layout needs.

One pass over pdfium's text page: each character's text, horizontal extent,
baseline and size (the height of its loose box, which scales with the font
size whatever the content stream's text matrix says). Rotated characters
(marginal slugs, image labels) are left out, unless most of the page is set
sideways (a landscape table): then its text is measured along its own baseline.
Spaces keep their place but no size.
An upright character's loose box starts at its origin, so only a character whose
box does not is asked for its angle: two calls per character instead of three.
"""

from __future__ import annotations

import ctypes
import math
from collections import Counter
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


def page_glyphs(
    textpage: object, size: tuple[float, float]
) -> tuple[list[Glyph], tuple[float, float]]:
    """The page's glyphs, and the page's width and height as they read."""
    raw = textpage.raw  # type: ignore[attr-defined]
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return [], size
    text = textpage.get_text_range(0, count)  # type: ignore[attr-defined]
    if len(text) != count:  # characters outside the BMP: read one by one
        text = "".join(
            chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 32) for i in range(count)
        )
    text = text.replace("\x02", "\ufffe")  # both mark a hyphen that ends a line
    glyphs, turned = _measure(raw, text)
    if len(turned) > len(glyphs):  # the page's text is set sideways: turn it back
        angles = Counter(round(angle, 2) for angle in turned.values())
        frame = _Frame(angles.most_common(1)[0][0], size)
        return _measure_turned(raw, text, frame), frame.size
    return glyphs, size


def _measure(raw: object, text: str) -> tuple[list[Glyph], dict[int, float]]:
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    box_of, origin_of = (
        pdfium_c.FPDFText_GetLooseCharBox,
        pdfium_c.FPDFText_GetCharOrigin,
    )
    angle_of = pdfium_c.FPDFText_GetCharAngle
    glyphs: list[Glyph] = []
    turned: dict[int, float] = {}
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
        if abs(x.value - left) > 0.05:
            angle = angle_of(raw, index)
            if _STRAIGHT < angle < 2 * math.pi - _STRAIGHT:
                turned[index] = angle
                continue
        last = new(
            Glyph,
            (char, left, box.right, y.value, round(box.top - box.bottom, 1), index),
        )
        append(last)
    return glyphs, turned


class _Frame:
    """Page coordinates turned so that text set at ``angle`` reads upright."""

    def __init__(self, angle: float, size: tuple[float, float]) -> None:
        self.angle = angle
        self.ahead = (math.cos(angle), -math.sin(angle))  # pdfium turns clockwise
        self.up = (-self.ahead[1], self.ahead[0])
        corners = [(a, b) for a in (0.0, size[0]) for b in (0.0, size[1])]
        along = [self.along(a, b) for a, b in corners]
        across = [self.across(a, b) for a, b in corners]
        self.shift = (min(along), min(across))
        self.size = (max(along) - min(along), max(across) - min(across))

    def along(self, x: float, y: float) -> float:
        return x * self.ahead[0] + y * self.ahead[1]

    def across(self, x: float, y: float) -> float:
        return x * self.up[0] + y * self.up[1]


def _measure_turned(raw: object, text: str, frame: _Frame) -> list[Glyph]:
    """The characters set at the frame's angle, measured along their baseline."""
    box = pdfium_c.FS_RECTF()
    x, y = ctypes.c_double(), ctypes.c_double()
    angle, (dx, dy) = frame.angle, frame.shift
    glyphs: list[Glyph] = []
    last = None
    for index, char in enumerate(text):
        if char.isspace():
            if last is not None and last[4] and char not in "\r\n":
                last = Glyph(" ", last[2], last[2], last[3], 0.0, index)
                glyphs.append(last)
            continue
        if abs(pdfium_c.FPDFText_GetCharAngle(raw, index) - angle) > _STRAIGHT:
            continue
        pdfium_c.FPDFText_GetLooseCharBox(raw, index, box)
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        corners = [(a, b) for a in (box.left, box.right) for b in (box.bottom, box.top)]
        along = [frame.along(a, b) - dx for a, b in corners]
        across = [frame.across(a, b) for a, b in corners]
        size = round(max(across) - min(across), 1)
        start = frame.along(x.value, y.value) - dx
        base = frame.across(x.value, y.value) - dy
        last = Glyph(char, start, max(along), base, size, index)
        glyphs.append(last)
    return glyphs
