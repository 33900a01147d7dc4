"""The responsibility list as one XLSX sheet: a row per standard, ready to filter and to print.

Every row carries its month and units (so the filters work); the group and 基础通用标准's categories are
merged cells, as in Annex 1. The header is frozen and repeats on every printed page (A4 landscape).
Written with `render.spreadsheetml`, like the catalog workbook: a fixed set of four cell formats.
"""

from __future__ import annotations

from pathlib import Path

from govopen_std.render.spreadsheetml import (
    CellStyle,
    CellValue,
    Font,
    PageSetup,
    Properties,
    Sheet,
    column_letter,
    workbook_bytes,
)
from govopen_std.view.model import BuildView
from govopen_std.view.responsibility import TITLE, ListGroup, responsibility_list

SHEET = "责任清单"
COLUMNS = [("序号", 6), ("分组", 14), ("实施时间", 12), ("类别", 18), ("标准化项目名称", 30),
           ("责任单位", 40), ("项目编号", 10)]
FIRST_DATA_ROW = 3
FONT = "仿宋"
HEAD_FONT = "黑体"
TITLE_STYLE, HEAD, CENTER, LEFT = 1, 2, 3, 4  # indexes into STYLES (0 is the default format)
STYLES = (
    CellStyle(font=Font(HEAD_FONT, 16, bold=True), horizontal="center", vertical="center", wrap=True),
    CellStyle(font=Font(HEAD_FONT, 11, bold=True), border=True, horizontal="center", vertical="center", wrap=True),
    CellStyle(font=Font(FONT, 11), border=True, horizontal="center", vertical="center", wrap=True),
    CellStyle(font=Font(FONT, 11), border=True, horizontal="left", vertical="center", wrap=True),
)
LAST_COLUMN = column_letter(len(COLUMNS))
ROW_STYLES = [CENTER, CENTER, CENTER, CENTER, LEFT, LEFT, CENTER]  # the title and the units wrap to the left


def _merges(groups: tuple[ListGroup, ...]) -> list[tuple[int, int, int]]:
    """(column, first row, last row) of every merged cell: each group's heading, 基础通用标准's categories."""
    merges: list[tuple[int, int, int]] = []
    r = FIRST_DATA_ROW
    for group in groups:
        top = r
        for row in group.rows:
            if group.split and row.category_span > 1:
                merges.append((4, r, r + row.category_span - 1))
            r += 1
        if r - top > 1:
            merges.append((2, top, r - 1))
    return merges


def _write_rows(sheet: Sheet, groups: tuple[ListGroup, ...]) -> int:
    merges = _merges(groups)
    # A merged cell keeps its value in its top cell only; the cells under it stay empty (and framed).
    hidden = {(r, column) for column, first, last in merges for r in range(first + 1, last + 1)}
    r = FIRST_DATA_ROW
    for group in groups:
        for row in group.rows:
            values: list[CellValue] = [row.seq, group.heading, row.month_label, row.category or "", row.title,
                                       row.units_text, row.standard_id]
            sheet.append([None if (r, c) in hidden else v for c, v in enumerate(values, 1)], ROW_STYLES)
            r += 1
    sheet.merges += [f"{column_letter(c)}{first}:{column_letter(c)}{last}" for c, first, last in merges]
    return r - 1


def _page(last_row: int) -> PageSetup:
    """A4 landscape fitted to the width, centred, the title and header rows on every page, page numbers."""
    return PageSetup(landscape=True, fit_to_width=True, title_rows="1:2", area=f"A1:{LAST_COLUMN}{last_row}",
                     center_horizontally=True, margins=(0.5, 0.5, 0.75, 0.75), footer="&C第 &P 页，共 &N 页")


def build_list_sheet(view: BuildView) -> Sheet:
    sheet = Sheet(SHEET, widths=[width for _name, width in COLUMNS], freeze_rows=FIRST_DATA_ROW - 1)
    sheet.append([TITLE], TITLE_STYLE, height=30)
    sheet.merges.append(f"A1:{LAST_COLUMN}1")
    sheet.append([name for name, _width in COLUMNS], HEAD)
    last = _write_rows(sheet, responsibility_list(view))
    sheet.autofilter = f"A2:{LAST_COLUMN}{last}"
    sheet.page = _page(last)
    return sheet


def write_list_xlsx(view: BuildView, path: Path) -> Path:
    props = Properties(title=TITLE, creator="govopen", day=view.build_date)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(workbook_bytes([build_list_sheet(view)], STYLES, props))
    return path
