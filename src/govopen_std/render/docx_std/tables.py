"""Tables at the XML level: one prepared row template, filled for every data row.

python-docx's `table.add_row()` re-reads the table for every row and `table.cell(r, c)` walks the whole
grid, so a catalog of a few hundred items took seconds to minutes that way (issue 10). Here the row's
XML is prepared once, cut around its cell texts; every data row is that text with its values escaped
in, spliced into the serialized document, so the 10,000th row costs what the 10th did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from lxml import etree

from govopen_std.render.ooxml import el, paragraph, proportional, qn, sub, table_grid, table_properties, table_row
from govopen_std.view.model import EMPTY

THICK = 12  # eighths of a point: the outer frame and the line under the header (GB/T 1.1 10.4.2.2)
THIN = 4


_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", **{chr(c): "" for c in range(32) if c not in (9, 10)}})
P_CLOSE = "</w:t></w:r></w:p>"


@dataclass(frozen=True)
class RowTemplate:
    """The XML of one data row, cut around its cell texts: for each cell the opening of the cell and of
    its first paragraph. A value's lines become paragraphs of the cell, each one a copy of that paragraph."""

    cells: tuple[tuple[str, str], ...]  # (cell opening, paragraph opening) per column

    @classmethod
    def prepare(cls, widths: Sequence[int], styles: Sequence[str]) -> RowTemplate:
        cells = []
        for width, style in zip(widths, styles, strict=True):
            tc = f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>'
            para = f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t xml:space="preserve">'
            cells.append((tc, para))
        return cls(tuple(cells))

    def fill(self, values: Sequence[str]) -> str:
        parts = ["<w:tr><w:trPr><w:cantSplit/></w:trPr>"]
        for (tc, para), value in zip(self.cells, values, strict=True):
            lines = [line.translate(_ESCAPE) for line in (value or "").split("\n") if line.strip()] or [EMPTY]
            parts.append(tc + "".join(para + line + P_CLOSE for line in lines) + "</w:tc>")
        parts.append("</w:tr>")
        return "".join(parts)


@dataclass
class Deferred:
    """Row XML spliced into the serialized document where a placeholder stands.

    Moving thousands of parsed nodes into the document tree costs lxml a namespace fix-up per node, and
    the document is only ever serialized, so the rows stay text until then.
    """

    parts: list[bytes] = field(default_factory=list)

    def placeholder(self, xml: str) -> etree._Element:
        self.parts.append(xml.encode("utf-8"))
        return etree.ProcessingInstruction(PI_TARGET, str(len(self.parts) - 1))

    def splice(self, data: bytes) -> bytes:
        return PLACEHOLDER.sub(lambda m: self.parts[int(m.group(1))], data)


class CatalogLike(Protocol):
    @property
    def header(self) -> Sequence[str]: ...
    @property
    def rows(self) -> Sequence[Sequence[str]]: ...


PI_TARGET = "govopen-rows"
PLACEHOLDER = re.compile(rb"<\?govopen-rows (\d+)\?>")


def build_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int],
                center: Sequence[bool], deferred: Deferred, notes: Sequence[etree._Element] = ()) -> etree._Element:
    """A full table: thick frame, header row repeated on every page, rows that never split, and the
    table's notes (`GBTableNote` paragraphs) in its last row.

    A table that runs over pages repeats its header row (`w:tblHeader`) on each. GB/T 1.1 also wants the
    caption repeated there as "表A.1（续）", but where a table breaks is only known to the program that
    lays the pages out: OOXML has no "continued" caption, and a repeated header row cannot hold text
    that differs between the first page and the others. Splitting the table at estimated page breaks
    would put a 续 caption in the middle of a page as soon as Word's or LibreOffice's fonts differ from
    the estimate, so the header row alone carries the continuation.
    """
    tbl = etree.Element(qn("w:tbl"))
    tbl.append(table_properties(sum(widths), THICK, THIN))
    tbl.append(table_grid(widths))
    head = [[paragraph("GBTableHeader", h or EMPTY)] for h in header]
    tbl.append(table_row(head, widths, header=True, bottom_thick=THICK))
    template = RowTemplate.prepare(widths, ["GBTableCenter" if c else "GBTableText" for c in center])
    if rows:
        tbl.append(deferred.placeholder("".join(template.fill(values) for values in rows)))
    if notes:
        tbl.append(note_row(notes, widths))
    return tbl


def note_row(notes: Sequence[etree._Element], widths: Sequence[int]) -> etree._Element:
    """Table notes inside the frame (GB/T 1.1—2020 表注): one cell across every column, after the rows."""
    tr = el("w:tr")
    sub(sub(tr, "w:trPr"), "w:cantSplit")
    tc = sub(tr, "w:tc")
    tcpr = sub(tc, "w:tcPr")
    sub(tcpr, "w:tcW", {"w:w": str(sum(widths)), "w:type": "dxa"})
    sub(tcpr, "w:gridSpan", {"w:val": str(len(widths))})
    for note in notes:
        tc.append(note)
    return tr


def _width(text: str, size: float) -> int:
    """Width in twips of `text` at `size` points: a CJK or full-width character is one em, Latin about 0.62."""
    em = size * 20
    return round(sum(em if ord(ch) > 0x2E7F else em * 0.62 for ch in text))


def _token_width(text: str, size: float) -> int:
    """The widest piece a line may not be broken in: a run of Latin letters, digits and ASCII signs."""
    return max((_width(t, size) for t in re.findall(r"[\x21-\x7e]+", text)), default=0)


def content_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: int,
                   size: float = 9, padding: int = 180) -> list[int]:
    """Column widths for a table of written content, in twips, adding up to `total`.

    Every column gets at least its widest unbreakable token (so `DE05` or `deadline` stays whole) and
    two characters; the remaining width goes to the columns in proportion to how much more their
    longest line wants (capped at 30 characters, so one long column cannot starve the others).
    `padding` covers the cell margins.
    """
    lowest, wanted = [], []
    for i, h in enumerate(header):
        cells = [h] + [r[i] for r in rows if i < len(r)]
        lines = [line for cell in cells for line in cell.split("\n")]
        lowest.append(max(header_minimum(h, size, 0), max(_token_width(x, size) for x in lines)) + padding)
        wanted.append(max(lowest[-1], min(_width("字" * 30, size), max(_width(x, size) for x in lines)) + padding))
    if sum(lowest) >= total:
        return proportional(lowest, total)
    if sum(wanted) <= total:
        return proportional(wanted, total)
    extra = [w - m for w, m in zip(wanted, lowest, strict=True)]
    spare = total - sum(lowest)
    return proportional([m + spare * e / sum(extra) for m, e in zip(lowest, extra, strict=True)], total)


def header_minimum(header: str, size: float = 9, padding: int = 180) -> int:
    """The narrowest a column may be: a header word of up to four characters (序号, 标识符, 事项编码) on
    one line, a longer header at least two characters wide; `padding` covers the cell margins."""
    word = header if len(header) <= 4 else "字字"
    return max(_width(word, size), _width("字字", size)) + padding


def fit_minimums(widths: Sequence[int], minimums: Sequence[int], total: int) -> list[int]:
    """Widths raised to their minimums, the difference taken from the columns wider than theirs in
    proportion to their slack, adding up to `total` (all minimums when they do not fit)."""
    if sum(minimums) >= total:
        return proportional(minimums, total)
    raised = [max(w, m) for w, m in zip(widths, minimums, strict=True)]
    excess = sum(raised) - total
    slack = [r - m for r, m in zip(raised, minimums, strict=True)]
    if excess <= 0 or not sum(slack):
        return proportional(raised, total)
    return proportional([r - excess * s / sum(slack) for r, s in zip(raised, slack, strict=True)], total)


def catalog_minimums(block: CatalogLike, size: float = 9, padding: int = 180) -> list[int]:
    """Per column of a catalog: its header word whole, and its longest code or number unbroken."""
    return [max(header_minimum(h, size, padding),
                max((_token_width(r[i], size) for r in block.rows if i < len(r)), default=0) + padding)
            for i, h in enumerate(block.header)]


def short_columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[bool]:
    """Columns whose cells are all short (codes, numbers) are centred."""
    return [all(len(r[i]) <= 4 for r in rows if i < len(r)) and len(h) <= 4 for i, h in enumerate(header)]
