"""`govopen ledger export`: the stored ledger of one county back to XLSX or CSV, for review.

The columns are the ledger's documented headers (so the file imports again to the same rows) followed by the
spot-check fields and the provenance. CSV is UTF-8 with a BOM; a cell that a spreadsheet would run as a formula
(= + - @ tab CR first) gets a leading apostrophe. XLSX is written with `render.spreadsheetml`: every cell is text
(dates too, as ISO strings), so nothing is reinterpreted. Rows come in the store's stable order; no clock is read,
so the same store gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

from govopen_std.evaluate.ledger_columns import ELEMENT_PREFIX, ELEMENTS
from govopen_std.evaluate.store import LedgerRow, iter_rows, open_store

FORMATS = (".xlsx", ".csv")
COLUMNS: list[str] = ["事项编码", "事项名称", "类别", "信息标题", "信息形成（变更）日期", "发布日期", "发布渠道", "链接", "发布单位",
                      "公示截止日期", "关联信息", "备注", "抽查：是否找到", *(ELEMENT_PREFIX + e for e in ELEMENTS),
                      "来源文件", "来源工作表", "来源行"]
WIDTHS = [14, 24, 6, 40, 12, 12, 20, 36, 20, 12, 24, 20, 8, *([8] * len(ELEMENTS)), 28, 12, 8]
SHEET_TITLE = "公开台账"
# the day written into the XLSX document properties: fixed, so the file depends on the store only
PROPERTIES_DAY = dt.date(2018, 1, 1)


def formula_safe(cell: str) -> str:
    """A CSV cell a spreadsheet shows as text: `'` before a leading = + - @ tab or CR (the shared rule,
    `render.csv_cells.neutralise`, which `ledger_cells` undoes when the file is imported again)."""
    from govopen_std.render.csv_cells import neutralise

    return neutralise(cell)


def row_cells(row: LedgerRow, names: Mapping[str, str]) -> list[str]:
    """One stored row in `COLUMNS` order; `names` gives the item's name in today's catalog (for the reviewer)."""
    found = "" if row.found is None else ("是" if row.found else "否")
    marks = ["" if e not in row.elements else ("■" if row.elements[e] else "□") for e in ELEMENTS]
    return [row.item_code, names.get(row.item_code, ""), row.kind, row.title, row.formed or "", row.published or "", "、".join(row.channels),
            row.url or "", row.publisher or "", row.notice_end or "", row.related or "", row.note or "", found,
            *marks, row.source_file, row.source_sheet or "", str(row.source_row)]


def stored_rows(store: Path, county: str) -> list[LedgerRow]:
    if not store.is_file():
        return []
    conn = open_store(store, readonly=True)
    try:
        return list(iter_rows(conn, county))
    finally:
        conn.close()


def write_csv(rows: list[LedgerRow], path: Path, names: Mapping[str, str]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows([formula_safe(c) for c in row_cells(row, names)] for row in rows)
    path.write_bytes(b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))


def write_xlsx(rows: list[LedgerRow], path: Path, title: str, names: Mapping[str, str]) -> None:
    from govopen_std.render.spreadsheetml import CellStyle, Font, Properties, Sheet, column_letter, workbook_bytes

    sheet = Sheet(SHEET_TITLE, widths=WIDTHS, freeze_rows=1,
                  autofilter=f"A1:{column_letter(len(COLUMNS))}{max(len(rows) + 1, 2)}")
    sheet.append(COLUMNS, style=1)
    for row in rows:
        sheet.append(row_cells(row, names), style=2)  # text cells: inline strings, never numbers or formulas
    styles = [CellStyle(font=Font(bold=True), fill="D9E1F2", wrap=True, vertical="center"),
              CellStyle(vertical="top", wrap=True)]
    path.write_bytes(workbook_bytes([sheet], styles, Properties(title, "govopen", PROPERTIES_DAY)))


def export_ledger(store: Path, county: str, out: Path, title: str, names: Mapping[str, str] | None = None) -> int:
    """Writes the county's stored rows to `out` (.xlsx or .csv); returns how many. Raises OSError."""
    rows = stored_rows(store, county)
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".csv":
        write_csv(rows, out, names or {})
    else:
        write_xlsx(rows, out, title, names or {})
    return len(rows)
