"""Numbers written as documents show them: decimal, roman, letters, symbols.

The format names are Word's (``lowerRoman``, ``upperLetter``, ``chicago``);
OpenDocument's one-character formats ("i", "A") map onto them.
"""

from __future__ import annotations

_CHICAGO = "*†‡§"
MAX_REPEATED = 20  # "aaaa…" and "****…" beyond this are written in digits
ODF_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
}


def number_label(number: int, fmt: str) -> str:
    """``number`` as Word shows it in format ``fmt`` (decimal for unknown ones).

    Letters and symbols repeat past the alphabet ("aa", "**"); a number so large
    that they would repeat more than ``MAX_REPEATED`` times is written in digits.
    """
    if fmt in ("lowerRoman", "upperRoman"):
        text = _roman(number)
        return text.upper() if fmt == "upperRoman" else text
    if fmt in ("lowerLetter", "upperLetter") and 0 < number <= MAX_REPEATED * 26:
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "chicago" and 0 < number <= MAX_REPEATED * 4:
        return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    if fmt == "decimalZero" and 0 <= number < 10:
        return f"0{number}"
    return str(number)


def _roman(number: int) -> str:
    if not 0 < number < 4000:
        return str(number)
    text = ""
    for value, letters in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        count, number = divmod(number, value)
        text += letters * count
    return text
