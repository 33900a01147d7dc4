"""The quarterly progress report as an XLSX workbook (概况, 分组, 责任单位, 标准, 本季度变化), from `report_records`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from govopen_std.render.reproducible import build_datetime, save_workbook
from govopen_std.view.model import display_name
from govopen_std.view.responsibility import month_label

TALLY_COLUMNS = [("计划", "planned"), ("应完成", "due"), ("已完成", "done"), ("逾期", "overdue"), ("已发布", "published")]
# 逾期起算日: the first day on which a standard not yet published counts as overdue (2017-12 → 2018-01-01)
STANDARD_COLUMNS = ["编号", "标准", "分组", "计划时间", "逾期起算日", "责任单位", "当前阶段", "应完成", "已完成", "逾期"]


def _fonts() -> tuple[Any, Any, Any]:
    from openpyxl.styles import Alignment, Font

    return Font(name="黑体", bold=True), Font(name="仿宋"), Alignment(wrap_text=True, vertical="top")


def _table(ws: Any, head: list[str], rows: list[list[Any]], widths: list[int]) -> None:
    from openpyxl.utils import get_column_letter

    bold, plain, _wrap = _fonts()
    ws.append(head)
    for cell in ws[1]:
        cell.font = bold
    for row in rows:
        ws.append(row)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(head))}{len(rows) + 1}"
    ws.print_title_rows = "1:1"
    for line in ws.iter_rows(min_row=2):
        for cell in line:
            cell.font = plain


def print_setup(ws: Any, title: str, *, landscape: bool = True) -> None:
    """A4, every column on the page width, centred, the report's title in the header and 第 N 页 in the footer."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top = ws.page_margins.bottom = 0.75
    ws.oddHeader.center.text = f"{title}　{ws.title}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"


def _overview(ws: Any, records: dict[str, Any]) -> None:
    bold, _plain, wrap = _fonts()
    ws.title = "概况"
    lines = [records["title"], f"{records['quarter']}，截至{records['as_of']}", records["summary"]]
    for r, text in enumerate(lines, 1):
        ws.cell(row=r, column=1, value=text).alignment = wrap
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=6)
    ws.cell(row=1, column=1).font = bold
    ws.row_dimensions[3].height = 160
    for column in "ABCDEF":  # the merged lines span A:F, about the width of a portrait page
        ws.column_dimensions[column].width = 16


def _tally_rows(tallies: list[dict[str, Any]], today: bool) -> list[list[Any]]:
    return [[display_name(t["title"]), *([display_name(t["today"] or t["title"])] if today else []),
             *[t[k] for _n, k in TALLY_COLUMNS]]
            for t in tallies]


def _standard_rows(records: dict[str, Any]) -> list[list[Any]]:
    yes = {True: "是", False: "否"}
    return [[s["id"], s["title"], s["group_title"], month_label(s["month"]), s["due_date"], "、".join(display_name(u) for u in s["units"]),
             s["stage"], yes[s["due"]], yes[s["due"] and s["done"]], yes[s["overdue"]]] for s in records["standards"]]


def build_report_workbook(records: dict[str, Any]) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    _overview(wb.active, records)
    heads = [name for name, _k in TALLY_COLUMNS]
    _table(wb.create_sheet("分组"), ["分组", *heads], _tally_rows(records["groups"] + [records["totals"]], False),
           [20, 10, 10, 10, 10, 10])
    _table(wb.create_sheet("责任单位"), ["责任单位（附件1）", "现机构", *heads], _tally_rows(records["units"], True),
           [22, 44, 10, 10, 10, 10, 10])
    _table(wb.create_sheet("标准"), STANDARD_COLUMNS, _standard_rows(records),
           [10, 30, 14, 12, 12, 40, 10, 8, 8, 8])
    _table(wb.create_sheet("本季度变化"), ["日期", "编号", "标准", "状态"],
           [[e["date"], e["id"], e["title"], e["status"]] for e in records["events"]], [12, 10, 30, 10])
    for ws in wb.worksheets:
        print_setup(ws, records["title"], landscape=ws.title != "概况")
    stamp = build_datetime(dt.date.fromisoformat(records["as_of"]))
    wb.properties.creator = wb.properties.lastModifiedBy = "govopen"
    wb.properties.title = records["title"]
    wb.properties.created = wb.properties.modified = stamp
    return wb


def write_report_xlsx(records: dict[str, Any], path: Path) -> Path:
    return save_workbook(build_report_workbook(records), path, dt.date.fromisoformat(records["as_of"]))
