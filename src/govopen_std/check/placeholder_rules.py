"""No placeholder text in shipped content (待补充, 待定, TODO, XXX, lorem ipsum …).

The term list is gen-03 `catalog_rules.placeholder_terms` (the list itself is of course exempt). Every
string value of every file is scanned; the finding points at the term inside the value.

FAIL (C404)::

    deadline: 待定
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, SourceLocation
from govopen_std.load.yaml_source import Loc, SourceFile

ID = "placeholders"
DEFAULT_TERMS = ["待补充", "待定", "TODO", "XXX", "lorem ipsum"]
EXEMPT = ("catalog_rules", "placeholder_terms")
DRAFT_NUMBER = "DB33/T XXXX"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    rules = ctx.catalog_rules
    terms = rules.placeholder_terms if rules and rules.placeholder_terms else DEFAULT_TERMS
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    screen = _screen(terms)
    for source in ctx.sources.files:
        if source.data is None or not _may_contain(source.text, screen):
            continue
        offsets = _line_offsets(source.text)
        for loc, value in _strings(source.data, ()):
            if loc[: len(EXEMPT)] == EXEMPT or _draft_reference(loc, value):
                continue
            for match in pattern.finditer(value):
                yield Diagnostic.make("C404", _find(source, offsets, loc, match.group(0)), term=match.group(0))


def _draft_reference(loc: Loc, value: str) -> bool:
    """A sibling standard still being drafted is cited as `DB33/T XXXX` in 规范性引用文件 (issue 15):
    the designation of a number to come, not placeholder text."""
    return loc[:1] == ("normative_references",) and loc[-1:] == ("number",) and value == DRAFT_NUMBER


class Screen(NamedTuple):
    """A pattern that every file holding a term in a value matches, over the file's raw text (`fold`: its
    folded text, see `_folded`)."""

    pattern: re.Pattern[str]
    fold: bool


def _screen(terms: list[str]) -> Screen | None:
    """The screen for `terms` (a term's spaces may have been line breaks that YAML folded); None when raw text
    cannot tell (a term with a quote).

    A case-insensitive scan of every file is most of this rule's time: re.IGNORECASE keeps the engine from
    skipping ahead to a term's first character, ten times slower than a plain scan. So when the terms' cased
    characters are ASCII letters, the screen is a plain pattern of the lower-case terms over the folded text,
    which holds a term wherever the raw text holds one under re.IGNORECASE (it may hold more: the screen
    only decides which files are walked; the walk decides with the rule's own pattern)."""
    if any(q in t for t in terms for q in "'\"\\"):
        return None
    words = [t.split() for t in terms if t.split()]
    if all(_foldable(w) for ws in words for w in ws):
        return Screen(re.compile("|".join(r"\s+".join(re.escape(w.lower()) for w in ws) for ws in words)), fold=True)
    return Screen(re.compile("|".join(r"\s+".join(re.escape(w) for w in ws) for ws in words), re.IGNORECASE), fold=False)


def _foldable(word: str) -> bool:
    """Every character is an ASCII letter, or has no case (CJK, digits, punctuation) and survives `_folded`."""
    return all((c.isascii() and c.isalpha()) or (c.lower() == c == c.upper() and c not in _DROPPED) for c in word)


# What re.IGNORECASE also takes for an ASCII letter, beyond its two cases: dotless ı (i), long ſ (s), dotted İ
# (whose lower case is i plus a combining dot above) and the Kelvin sign (whose lower case is k).
# tests/check/test_placeholder_screen.py checks `_folded` against every Unicode character.
_DROPPED = "\u0307"


def _folded(text: str) -> str:
    return text.lower().replace("ı", "i").replace("ſ", "s").replace(_DROPPED, "")


def _may_contain(text: str, screen: Screen | None) -> bool:
    """False only when no value of the file can hold a term: walking every value of every file is the
    costly part of this rule, and almost no file has a placeholder. Escapes (\\uXXXX) defeat the screen."""
    if screen is None or "\\" in text:
        return True
    return screen.pattern.search(_folded(text) if screen.fold else text) is not None


def _strings(data: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, (*loc, i))


def _line_offsets(text: str) -> list[int]:
    return [0, *(m.end() for m in re.finditer("\n", text))]


def _find(source: SourceFile, offsets: list[int], loc: Loc, term: str) -> SourceLocation:
    """The term's own position: searched in the raw text from where the value starts."""
    start = source.locate(loc)
    if start.line < 1 or start.line > len(offsets):
        return start
    begin = offsets[start.line - 1] + start.col - 1
    found = source.text.lower().find(term.lower(), begin)
    if found < 0:
        return start
    line = bisect.bisect_right(offsets, found) - 1
    return SourceLocation(source.display, line + 1, found - offsets[line] + 1)
