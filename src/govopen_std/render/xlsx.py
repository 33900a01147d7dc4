"""The catalog as a spreadsheet: `xlsx/catalog.xlsx`, one sheet per domain, for the province and each county.

The columns are exactly those of the DOCX catalog table (`view.model.CATALOG_COLUMNS`); a county's
workbook adds a column that says where a row comes from (本县增补 / 本县细化 / 不适用 and the profile's
file:line:col), a 备注 column (the county's 细化说明) and a last sheet 公开渠道 with the county's own
carriers of the channels. 序号 is a number (empty for an item that does not apply). The header row is
frozen, filtered and repeated on every printed page (A4 landscape, fitted to the page width). The file is
reproducible: workbook properties come from `view.build_date` and every zip entry carries the same fixed
timestamp. The package is written by `render.spreadsheetml` (rows as XML text, three fixed cell formats),
not openpyxl, whose per-cell style handling cost about a second per 1,000 rows.
"""

from __future__ import annotations

import re
from pathlib import Path

from govopen_std.messages import ELEMENT_NAMES
from govopen_std.render.base import Advance
from govopen_std.render.spreadsheetml import (
    CellStyle,
    Font,
    PageSetup,
    Properties,
    Sheet,
    column_letter,
    workbook_bytes,
    xml_clean,
)
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
    """The domain's title without the characters Excel forbids in sheet names, at most 31 long, unique."""
    base = _SHEET_FORBIDDEN.sub("", xml_clean(group.title))[:31] or group.id
    title, n = base, 2
    while title in used:
        suffix = f"({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title)
    return title


HEADER = 1  # style indexes into STYLES (0 is the default format)
BODY = 2
STYLES = (CellStyle(font=Font(bold=True), fill="D9E1F2", horizontal="center", vertical="center", wrap=True),
          CellStyle(vertical="top", wrap=True))
PAGE = PageSetup(landscape=True, fit_to_width=True, title_rows="1:1")


def _sheet(title: str, columns: list[str]) -> Sheet:
    """A sheet with the header row styled, frozen and repeated on every printed page (A4 landscape)."""
    sheet = Sheet(title, widths=[WIDTHS.get(name, 16) for name in columns], freeze_rows=1, page=PAGE)
    sheet.append(columns, HEADER)
    return sheet


def write_sheet(view: BuildView, group: GroupView, title: str) -> Sheet:
    columns = columns_for(view)
    sheet = _sheet(title, columns)
    for row in group.items:
        sheet.append(row_values(view, row), BODY)
    sheet.autofilter = f"A1:{column_letter(len(columns))}{max(sheet.rows, 2)}"
    return sheet


def write_channel_sheet(view: BuildView) -> Sheet:
    """The county's carriers of the channels (公开渠道和载体说明): one row per channel it filled in."""
    sheet = _sheet(CHANNEL_SHEET, CHANNEL_COLUMNS)
    for detail in view.channel_details:
        sheet.append([detail.name, detail.detail], BODY)
    return sheet


def catalog_title(view: BuildView) -> str:
    where = view.county.name if view.county else view.province
    return f"{where}基层政务公开标准目录"


def build_sheets(view: BuildView) -> list[Sheet]:
    used: set[str] = set()
    sheets = [write_sheet(view, group, sheet_title(group, used)) for group in view.domains]
    if not sheets:  # a catalog without domains still opens: one sheet with the header row
        sheets.append(Sheet("目录"))
        sheets[0].append(columns_for(view))
    if view.county is not None:
        sheets.append(write_channel_sheet(view))
    return sheets


def catalog_bytes(view: BuildView) -> bytes:
    props = Properties(title=catalog_title(view), creator=view.issuer, day=view.build_date)
    return workbook_bytes(build_sheets(view), STYLES, props)


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
        target.write_bytes(catalog_bytes(view))
        advance(target.name)
        return [target]
