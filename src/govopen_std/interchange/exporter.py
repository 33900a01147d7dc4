"""`govopen export`: the resolved catalog (the province's, or one county's) as XLSX, CSV and JSON.

All three carry the same rows in the documented column order (`columns.EXPORT_COLUMNS`) and the same
cell texts, written so that `govopen import` reads them back to the same items: content elements one
per line (numbered when there are several, （可选） after an optional one), one law per line as
《标题》第N条 with its note as （注：…）, channels as ■/□ marks. Rows come from the view model, in
catalog order. Outputs are reproducible: no clock anywhere (the view's build date), fixed zip times,
CSV in UTF-8 with a BOM so that Excel opens it as UTF-8.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, Severity
from govopen_std.interchange.columns import EXPORT_COLUMNS, OPTIONAL_SUFFIX, ORIGIN_LABELS
from govopen_std.view.model import EMPTY, BuildView, ItemRow

FORMATS = ("xlsx", "csv", "json")
SHEET_TITLE = "公开事项目录"
WIDTHS = {"序号": 6, "一级事项": 14, "二级事项": 18, "公开内容": 42, "公开依据": 36, "公开时限": 24, "公开主体": 22,
          "公开渠道和载体": 28, "公开对象": 16, "公开方式": 10, "公开层级": 12, "事项编码": 14, "事项名称": 18}


@dataclass(frozen=True)
class ExportOptions:
    workspace: Path | None = None
    out_dir: Path | None = None
    county: str | None = None
    formats: tuple[str, ...] = FORMATS


@dataclass
class ExportResult:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    written: list[Path] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors


# --- cells -----------------------------------------------------------------------------------------

def content_cell(content: tuple[tuple[str, bool], ...]) -> str:
    lines = [text + ("" if required else OPTIONAL_SUFFIX) for text, required in content]
    if len(lines) > 1:
        lines = [f"{i}.{line}" for i, line in enumerate(lines, 1)]
    return "\n".join(lines)


def basis_cell(row: ItemRow) -> str:
    return "\n".join(ref.display + (f"（注：{ref.note}）" if ref.note else "") for ref in row.basis)


def _text(value: str | None) -> str:
    return "" if value is None or value == EMPTY else value


def row_cells(row: ItemRow, group_titles: dict[str, str]) -> list[str]:
    """One catalog row in `EXPORT_COLUMNS` order."""
    by_column = {
        "序号": "" if row.seq is None else str(row.seq), "一级事项": row.primary, "二级事项": row.secondary, "公开内容": content_cell(row.content),
        "公开依据": basis_cell(row), "公开时限": _text(row.deadline), "公开主体": "、".join(row.subjects),
        "公开渠道和载体": " ".join(c.display for c in row.channels), "公开对象": _text(row.audience),
        "公开方式": _text(row.method), "公开层级": _text(row.level), "事项编码": row.code, "事项名称": row.name,
        "三级事项": row.tertiary, "领域": group_titles.get(row.group_id, row.group_id), "子领域": row.area or "",
        "所属标准": row.standard_id, "五公开": _text(row.openness), "备注": row.note or "",
        "来源": ORIGIN_LABELS.get(row.status, row.status), "不适用理由": row.reason or "",
    }
    return [by_column[column] for column in EXPORT_COLUMNS]


def export_rows(view: BuildView) -> list[list[str]]:
    titles = {g.id: g.title for g in view.groups}
    return [row_cells(row, titles) for row in view.items]


# --- writers ---------------------------------------------------------------------------------------

def write_xlsx(view: BuildView, rows: list[list[str]], path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    from govopen_std.render.reproducible import save_workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append(EXPORT_COLUMNS)
    wrap = Alignment(vertical="top", wrap_text=True)
    for cells in rows:
        ws.append([int(cells[0]) if cells[0] else None, *cells[1:]])  # no 序号: an item that does not apply
        for cell in ws[ws.max_row]:
            cell.alignment = wrap
    for i, name in enumerate(EXPORT_COLUMNS, 1):
        ws.cell(1, i).font = Font(bold=True)
        ws.column_dimensions[get_column_letter(i)].width = WIDTHS.get(name, 12)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_COLUMNS))}{max(ws.max_row, 2)}"
    wb.properties.title = f"{catalog_name(view)}基层政务公开事项目录"
    wb.properties.creator = wb.properties.lastModifiedBy = "govopen"
    return save_workbook(wb, path, view.build_date)


def write_csv(view: BuildView, rows: list[list[str]], path: Path) -> Path:
    from govopen_std.render.csv_cells import csv_bytes

    path.write_bytes(csv_bytes(EXPORT_COLUMNS, rows))  # cells a spreadsheet would run as formulas are neutralised
    return path


def write_json(view: BuildView, rows: list[list[str]], path: Path) -> Path:
    payload = {
        "catalog": view.key,
        "title": f"{catalog_name(view)}基层政务公开事项目录",
        "date": view.build_date.isoformat(),
        "columns": EXPORT_COLUMNS,
        "rows": [dict(zip(EXPORT_COLUMNS, cells, strict=True)) for cells in rows],
    }
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


WRITERS: dict[str, Callable[[BuildView, list[list[str]], Path], Path]] = {
    "xlsx": write_xlsx, "csv": write_csv, "json": write_json,
}


def catalog_name(view: BuildView) -> str:
    return view.county.name if view.county else view.province


def write_exports(view: BuildView, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """`catalog-<province|county code>.<format>` for each format."""
    rows = export_rows(view)
    out_dir.mkdir(parents=True, exist_ok=True)
    return [WRITERS[fmt](view, rows, out_dir / f"catalog-{view.key}.{fmt}") for fmt in FORMATS if fmt in formats]


# --- orchestration ---------------------------------------------------------------------------------

def export_view(opts: ExportOptions, diags: Diagnostics) -> BuildView | None:
    """check → resolve (province, or the county) → view; None when the sources have errors."""
    from govopen_std.build import BuildOptions, resolve_catalogs
    from govopen_std.pipeline import check_workspace
    from govopen_std.view.builder import build_view

    check = check_workspace(opts.workspace)
    if check.diagnostics.has_errors:
        diags.extend([d for d in check.diagnostics.sorted() if d.severity >= Severity.ERROR])
        diags.add(Diagnostic.make("D846", None))
        return None
    counties = (opts.county,) if opts.county else ()
    catalogs = resolve_catalogs(check, BuildOptions(counties=counties, province=opts.county is None), diags)
    if opts.county and not any(c.county and c.county.code == opts.county for c in catalogs):
        if not diags.has_errors:
            diags.add(Diagnostic.make("E904", None, county=opts.county))
        return None
    return build_view(check.sources, catalogs[0]) if catalogs else None


def export_catalog(opts: ExportOptions) -> ExportResult:
    result = ExportResult()
    view = export_view(opts, result.diagnostics)
    if view is None:
        return result
    out = opts.out_dir or Path.cwd() / "build" / "export"
    try:
        result.written = write_exports(view, out, opts.formats)
    except OSError as exc:
        result.diagnostics.add(Diagnostic.make("D847", None, path=str(exc.filename or out),
                                               detail=exc.strerror or str(exc)))
    result.rows = len(view.items)
    return result
