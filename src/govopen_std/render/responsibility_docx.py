"""The responsibility list as a DOCX laid out like Annex 1 of the seed, on a GB/T 9704 page.

Four grid columns: 实施时间 | 标准化项目名称 (two sub-columns) | 责任单位. A heading row per group spans the
table; the domains' project names span both sub-columns; equal months, categories and units are merged
vertically where `view.responsibility` says so. The header row repeats on every page.

The table is set in 小四 with 1 mm cell margins, so that on the 156 mm type area a month (2017年12月) and
every project name (up to 13 characters) stay on one line, a category breaks after 政务公开 (政务公开 /
总体要求), and the units break only between two units, never inside a name.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from govopen_std.render import official_doc as od
from govopen_std.render.reproducible import save_document, set_core_properties
from govopen_std.view.model import BuildView
from govopen_std.view.responsibility import (
    HEADER,
    LABEL,
    TITLE,
    TITLE_LINES,
    ListGroup,
    responsibility_list,
    units_text,
)

WIDTHS_MM = [32.0, 20.0, 58.0, 46.0]  # adds up to the 156 mm type area
CELL_MARGIN_MM = 1.0
CELL_SIZE = od.SIZE_S4
CELL_PADDING_PT = 1.5
MONTH, CATEGORY, NAME, UNITS = range(4)
LEFT = WD_ALIGN_PARAGRAPH.LEFT
MM_PER_POINT = 25.4 / 72


Grid = list[list[Any]]


def _ems(text: str) -> float:
    """Width of `text` in ems: a CJK or full-width character is one, an ASCII character half."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def unit_lines(units: tuple[str, ...], width_mm: float = WIDTHS_MM[UNITS]) -> str:
    """The units as the list prints them (see `units_text`), with line breaks only between two units.

    A line holds as many whole units (each with its 、 or ，) as fit the cell at `CELL_SIZE`; a unit longer
    than a line is left to wrap by itself.
    """
    text = units_text(units)
    pieces = re.findall(r"(?:[^、，（]|（[^）]*）)+[、，]?", text)
    per_line = (width_mm - 2 * CELL_MARGIN_MM) / (CELL_SIZE * MM_PER_POINT)
    lines: list[str] = []
    for piece in pieces:
        if lines and _ems(lines[-1] + piece) <= per_line:
            lines[-1] += piece
        else:
            lines.append(piece)
    return "\n".join(lines)


def _text(cell: Any, text: str, *, face: str = od.FANGSONG, align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER,
          keep_with_next: bool = False) -> None:
    from docx.shared import Pt

    od.cell_text(cell, text, face=face, size=CELL_SIZE, align=align)
    fmt = cell.paragraphs[0].paragraph_format
    fmt.space_before = fmt.space_after = Pt(CELL_PADDING_PT)  # a little air above and below each line
    fmt.keep_with_next = keep_with_next


def _grid(tbl: Any) -> Grid:
    """Every cell, captured once before any merge: `Table.cell()` re-walks the whole table on each call."""
    from docx.table import _Cell

    return [[_Cell(tc, tbl) for tc in tr.tc_lst] for tr in tbl._tbl.tr_lst]


def _header(tbl: Any, grid: Grid) -> None:
    od.repeat_header(tbl.rows[0])
    _text(grid[0][MONTH], HEADER[0], face=od.HEITI)
    _text(grid[0][CATEGORY].merge(grid[0][NAME]), HEADER[1], face=od.HEITI)
    _text(grid[0][UNITS], HEADER[2], face=od.HEITI)


def _merged(grid: Grid, top: int, col: int, span: int) -> Any:
    cell = grid[top][col]
    return cell.merge(grid[top + span - 1][col]) if span > 1 else cell


def _group(tbl: Any, grid: Grid, first: int, group: ListGroup) -> int:
    """Fill the group's heading row and its standards' rows from table row `first`; return the next row."""
    # the group's heading row stays on the page of its first standard
    _text(grid[first][MONTH].merge(grid[first][UNITS]), group.heading, face=od.HEITI, align=LEFT, keep_with_next=True)
    od.keep_row_together(tbl.rows[first])
    for i, row in enumerate(group.rows):
        r = first + 1 + i
        od.keep_row_together(tbl.rows[r])
        if group.split:
            if row.category_span:
                _text(_merged(grid, r, CATEGORY, row.category_span), row.category or "")
            _text(grid[r][NAME], row.title, align=LEFT)
        else:
            _text(grid[r][CATEGORY].merge(grid[r][NAME]), row.title, align=LEFT)
        if row.month_span:
            _text(_merged(grid, r, MONTH, row.month_span), row.month_label)
        if row.units_span:
            _text(_merged(grid, r, UNITS, row.units_span), unit_lines(row.units))
    last = first + len(group.rows)
    for r in range(first, last):
        _keep_with_next(tbl.rows[r])
    return last + 1


def _keep_with_next(row: Any) -> None:
    """Every paragraph of the row kept with the next: a group's rows stay on one page, so a page break never
    cuts through its merged 实施时间 and 责任单位 cells and leaves a row (市政服务's 考核评价) alone on the next
    page under blank cells (issue 15). Word and LibreOffice keep a row with the next when all of its
    paragraphs are kept with the next."""
    for p in row._tr.iter(qn("w:p")):
        p.get_or_add_pPr().keepNext_val = True


def write_list_docx(view: BuildView, path: Path) -> Path:
    groups = responsibility_list(view)
    document = od.new_document()
    set_core_properties(document, title=TITLE, author="govopen", day=view.build_date,
                        subject=f"{LABEL} {TITLE}")
    od.label(document, LABEL)
    od.title(document, TITLE_LINES)
    rows = 1 + sum(1 + len(g.rows) for g in groups)
    tbl = od.table(document, WIDTHS_MM, rows)
    od.narrow_margins(tbl, CELL_MARGIN_MM)
    grid = _grid(tbl)
    _header(tbl, grid)
    r = 1
    for group in groups:
        r = _group(tbl, grid, r, group)
    return save_document(document, path, view.build_date)
