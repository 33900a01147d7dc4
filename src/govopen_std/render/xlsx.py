"""The catalog as a spreadsheet: `xlsx/catalog.xlsx`, one sheet per domain, for the province and each county.

The columns are exactly those of the DOCX catalog table (`view.model.CATALOG_COLUMNS`); a county's
workbook adds a column that says where a row comes from (本县增补 / 本县细化 / 不适用 and the profile's
file:line:col), a 备注 column (the county's 细化说明) and a last sheet 公开渠道 with the county's own
carriers of the channels. 序号 is a number (empty for an item that does not apply). The header row is
frozen, filtered and repeated on every printed page (A4 landscape, fitted to the page width). The file is
reproducible: workbook properties come from `view.build_date` and every zip entry carries the same fixed
timestamp.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from govopen_std.messages import ELEMENT_NAMES
from govopen_std.render.base import Advance
from govopen_std.view.model import CATALOG_COLUMNS, BuildView, GroupView, ItemRow

PROVENANCE_COLUMN = "来源"
REMARKS_COLUMN = "备注"
CHANNEL_SHEET = "公开渠道"
CHANNEL_COLUMNS = ["公开渠道和载体", "本县（市、区）的具体载体"]
WIDTHS = {"序号": 6, "一级事项": 14, "二级事项": 18, "公开内容": 42, "公开依据": 36, "公开时限": 24,
          "公开主体": 22, "公开渠道和载体": 28, "公开对象": 16, "公开方式": 10, "公开层级": 12,
          PROVENANCE_COLUMN: 40, REMARKS_COLUMN: 36, CHANNEL_COLUMNS[0]: 32, CHANNEL_COLUMNS[1]: 80}
FIELD_LABELS = {**{k: v[0] for k, v in ELEMENT_NAMES.items()}, "note": "备注", "reason": "不适用理由"}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def columns_for(view: BuildView) -> list[str]:
    return [*CATALOG_COLUMNS, PROVENANCE_COLUMN, REMARKS_COLUMN] if view.county else list(CATALOG_COLUMNS)


def _county_fields(row: ItemRow) -> list[tuple[str, str]]:
    """(field, file:line:col) of every field the county set, from the view's provenance strings."""
    found = []
    for name, origin in sorted(row.provenance.fields.items()):
        layer, _, where = origin.partition(" ")
        if layer == "county":
            found.append((name, where))
    return found


def provenance_text(row: ItemRow) -> str:
    """What the 来源 cell says: the status label (and reason), then which fields the county set where."""
    fields = dict(_county_fields(row))
    label = row.provenance.label
    if row.status == "local":
        return f"{label}（{fields.get('code', '')}）"
    head = f"{label}：{row.reason}" if label and row.reason else (label or "省级")
    shown = [f"{FIELD_LABELS.get(name, name)} {where}" for name, where in sorted(fields.items())]
    return "\n".join([head, *shown])


def row_values(view: BuildView, row: ItemRow) -> list[str | int | None]:
    """The cells of one row; 序号 as a number, so that a spreadsheet sorts and sums it as one."""
    values: list[str | int | None] = [row.seq, *row.columns()[1:]]
    return [*values, provenance_text(row), row.remarks or None] if view.county else values


def sheet_title(group: GroupView, used: set[str]) -> str:
    base = _SHEET_FORBIDDEN.sub("", group.title)[:31] or group.id
    title, n = base, 2
    while title in used:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


def _style_header(ws: Any, columns: list[str]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    fill = PatternFill("solid", fgColor="D9E1F2")
    for i, name in enumerate(columns, 1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 16)


def write_sheet(wb: Any, view: BuildView, group: GroupView, title: str) -> None:
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    columns = columns_for(view)
    ws.append(columns)
    wrap = Alignment(vertical="top", wrap_text=True)
    for row in group.items:
        ws.append(row_values(view, row))
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
    _style_header(ws, columns)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 2)}"
    print_setup(ws)


def print_setup(ws: Any) -> None:
    """A4 landscape, the header row repeated on every page, all columns fitted to the page width."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def write_channel_sheet(wb: Any, view: BuildView) -> None:
    """The county's carriers of the channels (公开渠道和载体说明): one row per channel it filled in."""
    from openpyxl.styles import Alignment

    ws = wb.create_sheet(CHANNEL_SHEET)
    ws.append(CHANNEL_COLUMNS)
    wrap = Alignment(vertical="top", wrap_text=True)
    for detail in view.channel_details:
        ws.append([detail.name, detail.detail])
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
    _style_header(ws, CHANNEL_COLUMNS)
    ws.freeze_panes = "A2"
    print_setup(ws)


def catalog_title(view: BuildView) -> str:
    where = view.county.name if view.county else view.province
    return f"{where}基层政务公开标准目录"


def build_workbook(view: BuildView) -> Any:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    for group in view.domains:
        write_sheet(wb, view, group, sheet_title(group, used))
    if not wb.sheetnames:
        wb.create_sheet("目录").append(columns_for(view))
    if view.county is not None:
        write_channel_sheet(wb, view)
    stamp = dt.datetime.combine(view.build_date, dt.time())
    props = wb.properties
    props.title = catalog_title(view)
    props.creator = props.lastModifiedBy = view.issuer
    props.created = props.modified = stamp
    return wb


def _zip_time(view: BuildView) -> tuple[int, int, int, int, int, int]:
    date = max(view.build_date, dt.date(1980, 1, 1))  # the zip format starts in 1980
    return (date.year, date.month, date.day, 0, 0, 0)


def workbook_bytes(wb: Any, view: BuildView) -> bytes:
    """Serialize without openpyxl's save(), which stamps the clock into core.xml and every zip entry."""
    from openpyxl.writer.excel import ExcelWriter

    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_zip_time(view))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


class XlsxRenderer:
    """`xlsx/catalog.xlsx` for one target."""

    name = "xlsx"

    def __init__(self, **options: object) -> None:
        self.options = options

    def count(self, view: BuildView) -> int:
        return 1

    def render(self, view: BuildView, out: Path, advance: Advance) -> list[Path]:
        target = out / "xlsx" / "catalog.xlsx"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(workbook_bytes(build_workbook(view), view))
        advance(target.name)
        return [target]
