"""Ledger files → sheets of raw rows, streamed: CSV (UTF-8, UTF-8 with BOM, GB18030) and XLSX (openpyxl read-only).

Rows are not turned into text here: a date cell of Excel stays a `datetime` and a serial stays a number, so the
date parser sees what the cell really holds. A merged range (a 事项名称 written once over the rows of its pieces, a
heading merged over its sub-columns) counts as its top-left value in every cell it covers; read-only openpyxl does
not report merged ranges, so they are read from the sheet's XML.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = (".csv", ".xlsx", ".xlsm")
MAX_COLUMNS = 200
_MERGE = re.compile(rb'<mergeCell ref="([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)"')

Value = Any  # str | int | float | datetime | date | None, as the file holds it


@dataclass
class Sheet:
    """One sheet: where it came from (file as the user wrote it, sheet name for XLSX) and its rows, numbered from
    1, as an iterator that is read once."""

    display: str
    name: str | None
    rows: Iterator[tuple[int, list[Value]]]

    def where(self, row: int) -> str:
        """`file:sheet:row` (XLSX) or `file:row` (CSV)."""
        return f"{self.display}:{self.name}:{row}" if self.name is not None else f"{self.display}:{row}"


class ReadError(Exception):
    """A file that cannot be read at all; `detail` says why (Chinese), `detail_en` in English."""

    def __init__(self, detail: str, detail_en: str) -> None:
        super().__init__(detail_en)
        self.detail = detail
        self.detail_en = detail_en


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel in Chinese locales saves CSV as GBK; GB18030 is its superset
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise ReadError(f"既不是 UTF-8 也不是 GB18030 编码（第 {exc.start} 字节）",
                            f"neither UTF-8 nor GB18030 (byte {exc.start})") from exc


def read_csv(path: Path, display: str) -> list[Sheet]:
    text = decode(path.read_bytes())
    reader = csv.reader(io.StringIO(text, newline=""))
    return [Sheet(display, None, ((n, list(row)) for n, row in enumerate(reader, 1)))]


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n - 1


def _merges(ws: Any) -> dict[int, list[tuple[int, tuple[int, int]]]]:
    """Row -> (0-based col, its range's top-left cell) for every cell a merged range covers but does not start."""
    try:
        with ws._get_source() as source:  # read-only worksheets expose no merged ranges
            data = source.read()
    except (AttributeError, KeyError, OSError):
        return {}
    covered: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    start = data.rfind(b"<mergeCells")
    if start < 0:
        return {}
    for m in _MERGE.finditer(data, start):
        c1, r1, c2, r2 = _col(m.group(1)), int(m.group(2)), _col(m.group(3)), int(m.group(4))
        for r in range(r1, r2 + 1):
            covered.setdefault(r, []).extend((c, (r1, c1)) for c in range(c1, min(c2, MAX_COLUMNS - 1) + 1)
                                             if (r, c) != (r1, c1))
    return covered


def _xlsx_rows(ws: Any) -> Iterator[tuple[int, list[Value]]]:
    covered = _merges(ws)
    tops = {top for cells in covered.values() for _, top in cells}
    kept: dict[tuple[int, int], Value] = {}
    # no max_col: read-only openpyxl would pad every row to it; a row is cut to MAX_COLUMNS here instead
    for n, row in enumerate(ws.iter_rows(values_only=True), 1):
        values = list(row[:MAX_COLUMNS])
        if tops:
            for c, value in enumerate(values):
                if (n, c) in tops:
                    kept[(n, c)] = value
        for c, top in covered.get(n, ()):
            if c < len(values):
                values[c] = kept.get(top)
        yield n, values


def read_xlsx(path: Path, display: str) -> list[Sheet]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a broken or foreign file
        raise ReadError(f"无法打开工作簿：{type(exc).__name__}: {exc}",
                        f"cannot open the workbook: {type(exc).__name__}: {exc}") from exc
    return [Sheet(display, ws.title, _xlsx_rows(ws)) for ws in wb.worksheets]


def read_sheets(path: Path, display: str) -> list[Sheet]:
    """Every sheet of a ledger file; raises ReadError for a missing, foreign or unreadable file."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"不支持的文件类型“{path.suffix or '（无）'}”（可用 .xlsx、.csv）",
                        f"unsupported file type '{path.suffix or '(none)'}' (use .xlsx or .csv)")
    if not path.is_file():
        raise ReadError("文件不存在", "no such file")
    try:
        return read_csv(path, display) if suffix == ".csv" else read_xlsx(path, display)
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), exc.strerror or str(exc)) from exc
