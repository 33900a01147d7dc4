"""Spreadsheet files → grids of cell text, one per sheet, with merged cells filled in.

A merged cell means "the same value in every cell it covers" (一级事项 spanning rows, 公开事项 over
its sub-columns), so each covered cell gets the top-left value. Every cell keeps a reference for
diagnostics: `A12` in XLSX and CSV, `rows[3].公开时限` in JSON. A grid's `where` is the file as the
user wrote it plus the sheet, so a location reads `catalog.xlsx!Sheet1!C12`.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.interchange.text import clean
from govopen_std.render.csv_cells import restore

MAX_ROWS = 20_000
MAX_COLUMNS = 200
SUFFIXES = (".xlsx", ".xlsm", ".csv", ".json")


@dataclass(frozen=True)
class Cell:
    text: str
    ref: str


@dataclass
class Grid:
    """One sheet: rows of cells (every row as long as the widest), and where it came from."""

    where: str
    rows: list[list[Cell]] = field(default_factory=list)

    def at(self, ref: str) -> SourceLocation:
        return SourceLocation(f"{self.where}!{ref}")

    def location(self) -> SourceLocation:
        return SourceLocation(self.where)


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _a1_grid(where: str, values: list[list[str]]) -> Grid:
    width = min(max((len(r) for r in values), default=0), MAX_COLUMNS)
    rows = [[Cell(row[c] if c < len(row) else "", f"{column_letter(c)}{r + 1}") for c in range(width)]
            for r, row in enumerate(values[:MAX_ROWS])]
    return Grid(where, rows)


def _sheet_values(ws: Any) -> list[list[str]]:
    """Cell texts of a worksheet with every merged range filled from its top-left cell."""
    max_row, max_col = min(ws.max_row or 0, MAX_ROWS), min(ws.max_column or 0, MAX_COLUMNS)
    values = [[clean(v) for v in row] for row in ws.iter_rows(min_row=1, max_row=max_row, max_col=max_col,
                                                                values_only=True)]
    for merged in ws.merged_cells.ranges:
        top = clean(ws.cell(merged.min_row, merged.min_col).value)
        for r in range(merged.min_row, min(merged.max_row, max_row) + 1):
            for c in range(merged.min_col, min(merged.max_col, max_col) + 1):
                values[r - 1][c - 1] = top
    return values


def read_xlsx(path: Path, display: str, sheets: tuple[str, ...], diags: Diagnostics) -> list[Grid]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken or foreign file
        diags.add(Diagnostic.make("I801", SourceLocation(display), detail=f"{type(exc).__name__}: {exc}"))
        return []
    grids = []
    for ws in wb.worksheets:
        if sheets and ws.title not in sheets:
            continue
        grids.append(_a1_grid(f"{display}!{ws.title}", _sheet_values(ws)))
    for name in sheets:
        if name not in wb.sheetnames:
            diags.add(Diagnostic.make("I801", SourceLocation(display), detail=f"没有工作表“{name}”"))
    return grids


def _decode(raw: bytes, display: str, diags: Diagnostics) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Chinese locales saves CSV in GBK; GB18030 is its superset.
        diags.add(Diagnostic.make("I824", SourceLocation(display)))
        return raw.decode("gb18030", errors="replace")


def read_csv(path: Path, display: str, diags: Diagnostics) -> list[Grid]:
    text = _decode(path.read_bytes(), display, diags)
    # restore: a cell govopen's export wrote as '=… (formula injection, render.csv_cells) reads back as =…
    values = [[clean(restore(v)) for v in row] for row in csv.reader(io.StringIO(text, newline=""))]
    return [_a1_grid(display, values)]


def _json_rows(data: Any) -> list[dict[str, Any]] | None:
    rows = data.get("rows") if isinstance(data, dict) else data
    if isinstance(rows, list) and all(isinstance(r, dict) for r in rows):
        return rows
    return None


def _json_text(value: Any) -> str:
    if isinstance(value, list):
        return clean("\n".join(_json_text(v) for v in value))
    return clean(value)


def read_json(path: Path, display: str, diags: Diagnostics) -> list[Grid]:
    """The JSON that `govopen export` writes (`{"columns": [...], "rows": [{column: text}]}`) or a bare list."""
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (ValueError, UnicodeDecodeError) as exc:
        diags.add(Diagnostic.make("I801", SourceLocation(display), detail=str(exc)[:200]))
        return []
    rows = _json_rows(data)
    if rows is None:
        diags.add(Diagnostic.make("I801", SourceLocation(display), detail="应为 {\"rows\": [...]} 或对象列表"))
        return []
    columns = list(data.get("columns", [])) if isinstance(data, dict) else []
    for row in rows:
        columns += [k for k in row if k not in columns]
    header = [Cell(str(c), f"columns[{i}]") for i, c in enumerate(columns)]
    body = [[Cell(_json_text(row.get(c)), f"rows[{i}].{c}") for c in columns] for i, row in enumerate(rows)]
    return [Grid(display, [header, *body])]


def read_grids(path: Path, display: str, sheets: tuple[str, ...], diags: Diagnostics) -> list[Grid]:
    """Every sheet of the file as a grid; unreadable files and unknown types become diagnostics."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        diags.add(Diagnostic.make("I802", SourceLocation(display), suffix=path.suffix or "（无）"))
        return []
    if not path.is_file():
        diags.add(Diagnostic.make("I801", SourceLocation(display), detail="文件不存在"))
        return []
    try:
        if suffix == ".csv":
            return read_csv(path, display, diags)
        if suffix == ".json":
            return read_json(path, display, diags)
        return read_xlsx(path, display, sheets, diags)
    except OSError as exc:
        diags.add(Diagnostic.make("I801", SourceLocation(display), detail=exc.strerror or str(exc)))
        return []
