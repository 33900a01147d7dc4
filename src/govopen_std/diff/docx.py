"""The 修订对照表 as DOCX, laid out as an official attachment (GB/T 9704: A4 landscape, 仿宋 body, 黑体
header row, 小标宋 title; East Asian faces written explicitly through `render.official_doc`).

Columns: 条款/事项, 原内容, 修改后内容, 修改说明; the changes of each standard follow a row that names the
standard by its full title (征地补偿政务公开　征地实施管理). The header row repeats on every page and no row splits across pages. The file is
reproducible (properties and zip entries dated with the newer version's build date).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_std.diff.model import DiffResult
from govopen_std.diff.report import HEADERS_ZH, table_rows

WIDTHS_MM = [50.0, 78.0, 78.0, 37.0]  # the 243 mm type width of an A4 landscape page
CELL_SIZE = 12.0  # 小四


def _header(tbl: Any) -> None:
    from govopen_std.render import official_doc as od

    row = tbl.rows[0]
    for cell, text in zip(row.cells, HEADERS_ZH, strict=True):
        od.cell_text(cell, text, face=od.HEITI, size=CELL_SIZE)
    od.repeat_header(row)


def _standard_row(tbl: Any, text: str) -> None:
    from govopen_std.render import official_doc as od

    row = tbl.add_row()
    od.keep_row_together(row)
    merged = row.cells[0].merge(row.cells[-1])
    od.cell_text(merged, text, face=od.HEITI, size=CELL_SIZE, align=_left())


def _left() -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return WD_ALIGN_PARAGRAPH.LEFT


def _center() -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    return WD_ALIGN_PARAGRAPH.CENTER


def _change_rows(tbl: Any, rows: list[tuple[str, str, str, str]]) -> None:
    from govopen_std.render import official_doc as od

    for values in rows:
        row = tbl.add_row()
        od.keep_row_together(row)
        for i, (cell, text) in enumerate(zip(row.cells, values, strict=True)):
            align = _left() if i in (1, 2) else _center()
            od.cell_text(cell, text, size=CELL_SIZE, align=align)


def build_document(result: DiffResult) -> Any:
    from govopen_std.render import official_doc as od

    document = od.new_document(landscape=True)
    od.title(document, ["修订对照表"])
    od.centered(document, f"（原版本：{result.old_label}；修改后版本：{result.new_label}）", size=od.SIZE_4)
    tbl = od.table(document, WIDTHS_MM, 1)
    _header(tbl)
    current = None
    for change in result.changes:
        if change.standard_id != current:
            current = change.standard_id
            _standard_row(tbl, change.standard_title)  # the full title; the id is internal
        _change_rows(tbl, table_rows(change))
    if not result.changes:
        _change_rows(tbl, [("—", "—", "—", "无修改")])
    od.body(document, f"说明：{result.summary_line()}。")
    return document


def write_docx(result: DiffResult, path: Path) -> Path:
    from govopen_std.render.reproducible import save_document, set_core_properties

    document = build_document(result)
    set_core_properties(document, title="修订对照表", author="govopen", day=result.date,
                        subject=f"{result.old_label} → {result.new_label}")
    return save_document(document, path, result.date)
