"""The sentences of a standard text with their YAML paths, and the numbers its parts will carry when
printed (clauses 4.1, tables 表1 / 表B.2, annex letters), for the GB/T 1.1—2020 structure rules.

The numbering follows the DOCX outline: chapters 1–3 are fixed, the text's chapters start at 4; the
generated catalog is 附录A when the standard has items, the text's own annexes follow it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from govopen_std.model.procedure import lanes
from govopen_std.model.standard import Annex, Clause, ExampleBlock, ListBlock, NoteBlock, StandardText, TableBlock
from govopen_std.model.standard import Block as TextBlock

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Sentence:
    path: Path
    text: str
    normative: bool  # in a requirement context: not a note, an example or an informative annex


@dataclass
class Numbers:
    """What a reference may point to."""

    clauses: set[str] = field(default_factory=set)
    tables: set[str] = field(default_factory=set)
    figures: set[str] = field(default_factory=set)
    annexes: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class WrittenTable:
    path: Path
    number: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    in_annex: bool


def _block_sentences(block: TextBlock, path: Path, normative: bool) -> Iterator[Sentence]:
    if isinstance(block, str):
        yield Sentence(path, block, normative)
    elif isinstance(block, ListBlock):
        for k, entry in enumerate(block.entries):
            yield Sentence((*path, "list", k), entry, normative)
    elif isinstance(block, NoteBlock):
        yield Sentence((*path, "note"), block.note, False)
    elif isinstance(block, ExampleBlock):
        yield Sentence((*path, "example"), block.example, False)
    elif isinstance(block, TableBlock):
        for r, row in enumerate(block.table.rows):
            for c, cell in enumerate(row):
                yield Sentence((*path, "table", "rows", r, c), str(cell), normative)


def _clause_sentences(clause: Clause, path: Path, normative: bool) -> Iterator[Sentence]:
    for j, block in enumerate(clause.body):
        yield from _block_sentences(block, (*path, "body", j), normative)
    for i, child in enumerate(clause.clauses):
        yield from _clause_sentences(child, (*path, "clauses", i), normative)


def sentences(text: StandardText) -> Iterator[Sentence]:
    """Every sentence of the technical chapters and the annexes (the fixed chapters hold no requirement
    that cites another document)."""
    for i, clause in enumerate(text.clauses):
        yield from _clause_sentences(clause, ("clauses", i), True)
    for a, annex in enumerate(text.annexes):
        path: Path = ("annexes", a)
        for j, block in enumerate(annex.body):
            yield from _block_sentences(block, (*path, "body", j), annex.normative)
        for i, clause in enumerate(annex.clauses):
            yield from _clause_sentences(clause, (*path, "clauses", i), annex.normative)


def annex_letters(text: StandardText, has_catalog: bool) -> list[tuple[str, Annex | None]]:
    """(letter, annex) in print order; the generated catalog annex has no source annex."""
    out: list[tuple[str, Annex | None]] = [("A", None)] if has_catalog else []
    for annex in text.annexes:
        out.append((LETTERS[len(out)], annex))
    return out


def _clause_numbers(clauses: Sequence[Clause], prefix: str, path: Path, numbers: Numbers,
                    tables: list[WrittenTable], counter: list[int], table_prefix: str, in_annex: bool,
                    start: int = 1) -> None:
    for i, clause in enumerate(clauses):
        number = f"{prefix}{start + i}"
        numbers.clauses.add(number)
        here: Path = (*path, i)
        _tables(clause.body, (*here, "body"), numbers, tables, counter, table_prefix, in_annex)
        _clause_numbers(clause.clauses, f"{number}.", (*here, "clauses"), numbers, tables, counter,
                        table_prefix, in_annex)


def _tables(body: Sequence[TextBlock], path: Path, numbers: Numbers, tables: list[WrittenTable],
            counter: list[int], prefix: str, in_annex: bool) -> None:
    for j, block in enumerate(body):
        if isinstance(block, TableBlock):
            counter[0] += 1
            number = f"{prefix}{counter[0]}"
            numbers.tables.add(number)
            rows = tuple(tuple(str(c) for c in r) for r in block.table.rows)
            tables.append(WrittenTable((*path, j, "table"), number, tuple(block.table.header), rows, in_annex))


def numbering(text: StandardText, has_catalog: bool) -> tuple[Numbers, list[WrittenTable]]:
    """The clause, table and annex numbers the printed text will have, and its written tables."""
    numbers = Numbers(clauses={"1", "2", "3"} | {f"3.{i}" for i in range(1, len(text.terms) + 1)})
    if text.id.endswith("-00") and lanes(text):  # a domain's 公开规范 gets its 公开流程图 as 图1
        numbers.figures.add("1")
    tables: list[WrittenTable] = []
    _clause_numbers(text.clauses, "", ("clauses",), numbers, tables, [0], "", False, start=4)
    for letter, annex in annex_letters(text, has_catalog):
        numbers.annexes.add(letter)
        if annex is None:
            numbers.tables.add(f"{letter}.1")
            continue
        a = text.annexes.index(annex)
        counter = [0]
        _tables(annex.body, ("annexes", a, "body"), numbers, tables, counter, f"{letter}.", True)
        _clause_numbers(annex.clauses, f"{letter}.", ("annexes", a, "clauses"), numbers, tables, counter,
                        f"{letter}.", True)
    return numbers, tables
