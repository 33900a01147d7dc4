"""The placeholder rule screens each file's raw text without re.IGNORECASE (ten times faster): the folded text
holds a lower-case term wherever the raw text holds the term under re.IGNORECASE (checked against every Unicode
character), so no file with a placeholder is passed over; the walk then decides with the rule's own pattern."""

from __future__ import annotations

import re
import sys

import pytest

from govopen_std.check.placeholder_rules import DEFAULT_TERMS, _foldable, _folded, _screen

EVERY_CHARACTER = [chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF]


def test_folding_keeps_every_ignorecase_match_of_an_ascii_letter() -> None:
    text = "".join(EVERY_CHARACTER)
    assert len(EVERY_CHARACTER) > 100_000  # every code point, not a sample
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for c in set(re.findall(letter, text, re.IGNORECASE)):
            assert _folded(c) == letter, (letter, c)


def test_folding_keeps_caseless_characters_and_spaces() -> None:
    for c in EVERY_CHARACTER:
        if _foldable(c) and not c.isascii():
            assert _folded(c) == c, c  # a caseless character matches only itself, also under re.IGNORECASE
        if re.fullmatch(r"\s", c):
            assert re.fullmatch(r"\s", _folded(c)), c


def reference(terms: list[str]) -> re.Pattern[str]:
    """The screen before it folded: the terms under re.IGNORECASE."""
    words = [t.split() for t in terms if t.split()]
    return re.compile("|".join(r"\s+".join(re.escape(w) for w in ws) for ws in words), re.IGNORECASE)


@pytest.mark.parametrize("terms", [DEFAULT_TERMS, ["待补充", "待定", "待完善", "TODO", "TBD", "XXX", "lorem ipsum"],
                                   ["Straße", "ΣΊΣΥΦΟΣ"], ["a-b.c", "x+y"]])
@pytest.mark.parametrize("text", ["", "note: 待定\n", "x: TODO", "x: tOdO", "x: lorem\n  IPSUM", "x: loremipsum",
                                  "x: XXſ", "x: \u212abd", "x: lorem İpſum", "x: İ", "x: strasse", "x: sísyphos",
                                  "x: STRASSE", "x: a-b.c", "x: a-bxc", "x: X+Y", "x: xxy", "x: 待\u0307定"])
def test_the_screen_passes_every_file_the_terms_match(terms: list[str], text: str) -> None:
    screen = _screen(terms)
    assert screen is not None
    found = screen.pattern.search(_folded(text) if screen.fold else text) is not None
    assert found or reference(terms).search(text) is None
    assert screen.fold == all(t.isascii() or not re.search("[A-Za-zß-ÿΑ-ω]", t) for t in terms)


def test_the_default_terms_are_screened_without_ignorecase() -> None:
    screen = _screen(DEFAULT_TERMS)
    assert screen is not None and screen.fold and not screen.pattern.flags & re.IGNORECASE
