"""Table numbers of a standard's text (表1, 表A.1), for the renderers that show the text besides the DOCX.

GB/T 1.1 numbers the tables of the body 表1, 表2 … in reading order, and those of each annex 表A.1,
表A.2 … after the annex's letter. When the standard has disclosure items, annex A is the generated
catalog, so the text's own annexes are B, C, …. The DOCX outline numbers the same way
(render/docx_std/outline.py); tests compare the two, so a text that says "见表1" points at the same
table on the site and in the document.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govopen_std.model.standard import Block, Clause, StandardText, TableBlock

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _tables(body: Sequence[Block], clauses: Sequence[Clause]) -> Iterator[TableBlock]:
    """Tables in reading order: a clause's own text, then its sub-clauses."""
    yield from (b for b in body if isinstance(b, TableBlock))
    for clause in clauses:
        yield from _tables(clause.body, clause.clauses)


def annex_letters(text: StandardText, *, has_catalog: bool) -> list[str]:
    """The letter of each of the text's own annexes."""
    first = 1 if has_catalog else 0
    return [LETTERS[first + i] for i in range(len(text.annexes))]


def table_numbers(text: StandardText, *, has_catalog: bool) -> dict[int, str]:
    """`id()` of every table block of the text → its number as printed after 表."""
    numbers = {id(t): str(i) for i, t in enumerate(_tables([], text.clauses), 1)}
    for letter, annex in zip(annex_letters(text, has_catalog=has_catalog), text.annexes, strict=True):
        numbers.update({id(t): f"{letter}.{i}" for i, t in enumerate(_tables(annex.body, annex.clauses), 1)})
    return numbers
