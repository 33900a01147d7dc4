"""The responsibility list as one XLSX sheet: a row per standard, ready to filter and to print.

Every row carries its month and units (so the filters work); the group and 基础通用标准's categories are
merged cells, as in Annex 1. The header is frozen and repeats on every printed page (A4 landscape).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_std.render.reproducible import build_datetime, save_workbook
from govopen_std.view.model import BuildView
from govopen_std.view.responsibility import TITLE, ListGroup, responsibility_list

SHEET = "责任清单"
COLUMNS = [("序号", 6), ("分组", 14), ("实施时间", 12), ("类别", 18), ("标准化项目名称", 30),
           ("责任单位", 40), ("项目编号", 10)]
FIRST_DATA_ROW = 3
FONT = "仿宋"
HEAD_FONT = "黑体"


def _styles() -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, Side

    thin = Side(style="thin", color="000000")
    return {
        "border": Border(left=thin, right=thin, top=thin, bottom=thin),
        "body": Font(name=FONT, size=11),
        "head": Font(name=HEAD_FONT, size=11, bold=True),
        "title": Font(name=HEAD_FONT, size=16, bold=True),
        "center": Alignment(horizontal="center", vertical="center", wrap_text=True),
        "left": Alignment(horizontal="left", vertical="center", wrap_text=True),
    }


def _write_rows(ws: Any, groups: tuple[ListGroup, ...], st: dict[str, Any]) -> int:
    r = FIRST_DATA_ROW
    merges: list[tuple[int, int, int]] = []  # (column, first row, last row), applied after all values
    for group in groups:
        top = r
        for row in group.rows:
            values = [row.seq, group.heading, row.month_label, row.category or "", row.title, row.units_text,
                      row.standard_id]
            for c, value in enumerate(values, 1):
                cell = ws.cell(row=r, column=c, value=value)
                cell.font, cell.border = st["body"], st["border"]
                cell.alignment = st["left"] if c in (5, 6) else st["center"]
            if group.split and row.category_span > 1:
                merges.append((4, r, r + row.category_span - 1))
            r += 1
        if r - top > 1:
            merges.append((2, top, r - 1))
    for column, first, last in merges:
        ws.merge_cells(start_row=first, start_column=column, end_row=last, end_column=column)
    return r - 1


def _header(ws: Any, st: dict[str, Any]) -> None:
    from openpyxl.utils import get_column_letter

    ws.cell(row=1, column=1, value=TITLE).font = st["title"]
    ws.cell(row=1, column=1).alignment = st["center"]
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(COLUMNS))
    ws.row_dimensions[1].height = 30
    for c, (name, width) in enumerate(COLUMNS, 1):
        cell = ws.cell(row=2, column=c, value=name)
        cell.font, cell.border, cell.alignment = st["head"], st["border"], st["center"]
        ws.column_dimensions[get_column_letter(c)].width = width


def _print_setup(ws: Any, last_row: int) -> None:
    from openpyxl.utils import get_column_letter

    last_col = get_column_letter(len(COLUMNS))
    ws.freeze_panes = f"A{FIRST_DATA_ROW}"
    ws.auto_filter.ref = f"A2:{last_col}{last_row}"
    ws.print_title_rows = "1:2"
    ws.print_area = f"A1:{last_col}{last_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def build_list_workbook(view: BuildView) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    st = _styles()
    _header(ws, st)
    last = _write_rows(ws, responsibility_list(view), st)
    _print_setup(ws, last)
    stamp = build_datetime(view.build_date)
    wb.properties.creator = wb.properties.lastModifiedBy = "govopen"
    wb.properties.title = TITLE
    wb.properties.created = wb.properties.modified = stamp
    return wb


def write_list_xlsx(view: BuildView, path: Path) -> Path:
    return save_workbook(build_list_workbook(view), path, view.build_date)
