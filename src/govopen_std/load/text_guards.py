"""Guards on a file's text and scalars that the YAML parsers do not give: Unicode line breaks (Y113) and integers
too long to be numbers (Y114).

YAML counts U+0085 (NEL), U+2028 and U+2029 as line ends, so a name holding one is split, and every position
after it points one line too far down; the loader reports each at its real line and column (counting only
"\\n") before any parser sees the text. An integer of thousands of digits costs quadratic time to convert (Python
refuses beyond 4,300 digits and the value used to fall back to text, so the same field took a number or a text
depending on its length): any plain integer longer than `MAX_INT_DIGITS` is a Y114 at its position instead.
"""

from __future__ import annotations

import re

MAX_INT_DIGITS = 30  # article and serial numbers have a handful of digits; 30 also allows any date or id number

_LINE_BREAKS = re.compile("[\x85\u2028\u2029]")


class HugeInteger(ValueError):
    """A plain scalar resolved as an integer with more than MAX_INT_DIGITS digits."""

    def __init__(self, digits: int) -> None:
        super().__init__(f"integer of {digits} digits")
        self.digits = digits


def check_integer(value: str) -> None:
    """Raise HugeInteger when the integer text `value` has too many digits to be a number."""
    digits = sum(ch.isdigit() for ch in value) if len(value) > MAX_INT_DIGITS else 0
    if digits > MAX_INT_DIGITS:
        raise HugeInteger(digits)


def unicode_line_breaks(text: str) -> list[tuple[int, int, str]]:
    """(1-based line, column, "U+2028") of each Unicode line break in `text`, lines counted by "\\n" only."""
    found: list[tuple[int, int, str]] = []
    if "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return found  # substring tests are several times faster than a regex scan of every file
    for match in _LINE_BREAKS.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        found.append((text.count("\n", 0, match.start()) + 1, match.start() - start + 1, f"U+{ord(match.group()):04X}"))
    return found
