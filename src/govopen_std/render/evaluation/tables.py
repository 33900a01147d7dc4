"""Tables of the evaluation report in the official-document style: a caption above (表1 …, 黑体), a header
row repeated on every page, 五号 text, and column widths from their content.

Every column is as wide as its widest unbreakable piece (a code, a score, a date), and one flexible column
per table (a name or the evidence) takes what the others leave of the 156 mm type area, so numbers and
codes never break inside and the table never leaves the type area.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from govopen_std.render import official_doc as od

CELL_SIZE = od.SIZE_5
MM_PER_EM = CELL_SIZE * 25.4 / 72
PAD_MM = 2.6  # the two 1 mm cell margins and a little slack for the office suite's metrics
MIN_FLEX_MM = 30.0  # the flexible column keeps at least this much while a wrapping column can give way
_BREAKS = re.compile(r"(?<=[；、，,/:])")  # a cell's text may break after these, between pieces


@dataclass(frozen=True)
class Column:
    head: str
    flex: bool = False  # takes the width the other columns leave
    left: bool = False
    wrap: float = 0.0  # ems: Chinese text that may break anywhere gets at most this width (0: never breaks)
    # A header may hold "\n" (逾期\n工作日): its widest line counts, so a column of numbers stays narrow.


def _widest_piece(text: str) -> float:
    return max((od.text_ems(piece) for line in text.split("\n") for piece in _BREAKS.split(line)), default=0.0)


def _head(column: Column) -> float:
    return max(od.text_ems(line) for line in column.head.split("\n"))


def _need(column: Column, texts: list[str]) -> float:
    widest = max([_head(column)] + [_widest_piece(text) for text in texts])
    return min(widest, max(column.wrap, _head(column))) if column.wrap else widest


def widths(columns: list[Column], rows: list[list[str]]) -> list[float]:
    """Millimetres per column: a column that never breaks as wide as its widest piece, a wrapping column at most its
    cap, the flexible one the rest. When the rest is too narrow, the wrapping columns give way (down to their
    header), never the columns of codes and numbers."""
    need = [_need(c, [row[i] for row in rows]) * MM_PER_EM + PAD_MM for i, c in enumerate(columns)]
    flex = next(i for i, c in enumerate(columns) if c.flex)
    shortfall = sum(w for i, w in enumerate(need) if i != flex) - (od.TYPE_WIDTH_MM - MIN_FLEX_MM)
    wrapping = [i for i, c in enumerate(columns) if c.wrap and i != flex]
    for i in wrapping:
        if shortfall <= 0:
            break
        floor = _head(columns[i]) * MM_PER_EM + PAD_MM
        give = min(need[i] - floor, shortfall)
        need[i] -= give
        shortfall -= give
    need[flex] = od.TYPE_WIDTH_MM - sum(w for i, w in enumerate(need) if i != flex)
    return [round(w, 2) for w in need]


def caption(document: Any, text: str) -> Any:
    """表N　title: centred 黑体 above its table (GB/T 1.1—2020 8.6.5), kept on the table's page."""
    paragraph = od.centered(document, text, face=od.HEITI, size=od.SIZE_4)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def table(document: Any, title: str, columns: list[Column], rows: list[list[str]],
          bold_rows: frozenset[int] = frozenset()) -> Any:
    """A captioned table; `bold_rows` (0-based body rows) print in 黑体, e.g. parent indicators and totals."""
    caption(document, title)
    column_widths = widths(columns, rows)
    tbl = od.table(document, column_widths, 1 + len(rows))
    od.narrow_margins(tbl)
    od.repeat_header(tbl.rows[0])
    for cell, column in zip(tbl.rows[0].cells, columns, strict=True):
        od.cell_text(cell, column.head, face=od.HEITI, size=CELL_SIZE)
    for r, row in enumerate(rows):
        od.keep_row_together(tbl.rows[r + 1])
        face = od.HEITI if r in bold_rows else od.FANGSONG
        for cell, text, column in zip(tbl.rows[r + 1].cells, row, columns, strict=True):
            align = WD_ALIGN_PARAGRAPH.LEFT if column.left else WD_ALIGN_PARAGRAPH.CENTER
            od.cell_text(cell, text, face=face, size=CELL_SIZE, align=align)
    return tbl
