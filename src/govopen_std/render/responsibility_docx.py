"""The responsibility list as a DOCX laid out like Annex 1 of the seed, on a GB/T 9704 page.

Four grid columns: 实施时间 | 标准化项目名称 (two sub-columns) | 责任单位. A heading row per group spans the
table; the domains' project names span both sub-columns; equal months, categories and units are merged
vertically where `view.responsibility` says so. The header row repeats on every page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from govopen_std.render import official_doc as od
from govopen_std.render.reproducible import save_document, set_core_properties
from govopen_std.view.model import BuildView
from govopen_std.view.responsibility import HEADER, LABEL, TITLE, TITLE_LINES, ListGroup, responsibility_list

WIDTHS_MM = [32.0, 30.0, 50.0, 44.0]  # adds up to the 156 mm type area
MONTH, CATEGORY, NAME, UNITS = range(4)
LEFT = WD_ALIGN_PARAGRAPH.LEFT


Grid = list[list[Any]]


def _grid(tbl: Any) -> Grid:
    """Every cell, captured once before any merge: `Table.cell()` re-walks the whole table on each call."""
    from docx.table import _Cell

    return [[_Cell(tc, tbl) for tc in tr.tc_lst] for tr in tbl._tbl.tr_lst]


def _header(tbl: Any, grid: Grid) -> None:
    od.repeat_header(tbl.rows[0])
    od.cell_text(grid[0][MONTH], HEADER[0], face=od.HEITI)
    od.cell_text(grid[0][CATEGORY].merge(grid[0][NAME]), HEADER[1], face=od.HEITI)
    od.cell_text(grid[0][UNITS], HEADER[2], face=od.HEITI)


def _merged(grid: Grid, top: int, col: int, span: int) -> Any:
    cell = grid[top][col]
    return cell.merge(grid[top + span - 1][col]) if span > 1 else cell


def _group(tbl: Any, grid: Grid, first: int, group: ListGroup) -> int:
    """Fill the group's heading row and its standards' rows from table row `first`; return the next row."""
    od.cell_text(grid[first][MONTH].merge(grid[first][UNITS]), group.heading, face=od.HEITI, align=LEFT)
    od.keep_row_together(tbl.rows[first])
    for i, row in enumerate(group.rows):
        r = first + 1 + i
        od.keep_row_together(tbl.rows[r])
        if group.split:
            if row.category_span:
                od.cell_text(_merged(grid, r, CATEGORY, row.category_span), row.category or "")
            od.cell_text(grid[r][NAME], row.title, align=LEFT)
        else:
            od.cell_text(grid[r][CATEGORY].merge(grid[r][NAME]), row.title, align=LEFT)
        if row.month_span:
            od.cell_text(_merged(grid, r, MONTH, row.month_span), row.month_label)
        if row.units_span:
            od.cell_text(_merged(grid, r, UNITS, row.units_span), row.units_text)
    return first + 1 + len(group.rows)


def write_list_docx(view: BuildView, path: Path) -> Path:
    groups = responsibility_list(view)
    document = od.new_document()
    set_core_properties(document, title=TITLE, author="govopen", day=view.build_date,
                        subject=f"{LABEL} {TITLE}")
    od.label(document, LABEL)
    od.title(document, TITLE_LINES)
    rows = 1 + sum(1 + len(g.rows) for g in groups)
    tbl = od.table(document, WIDTHS_MM, rows)
    grid = _grid(tbl)
    _header(tbl, grid)
    r = 1
    for group in groups:
        r = _group(tbl, grid, r, group)
    return save_document(document, path, view.build_date)
