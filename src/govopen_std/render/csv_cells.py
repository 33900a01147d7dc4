"""Spreadsheet cells that stay text: the one place that neutralises CSV formula injection and keeps openpyxl
cells from becoming formulas.

A spreadsheet program that opens a CSV file runs a cell starting with `=`, `+`, `-` or `@` as a formula (and a
tab or a carriage return can hide such a start), so an item named `=HYPERLINK("http://x","y")` would become a
live link. Following OWASP's CSV-injection guidance, such a cell is written with a leading `'`, which
spreadsheets show as text and do not display. `restore` undoes it when govopen reads its own CSV back
(`govopen import`); a text that itself starts with `'` before such a character gets one more `'`, so writing
and reading back give the text unchanged. Every CSV writer of govopen (the export, and any later one: site
downloads, ledger exports) writes its cells through `neutralise` or `csv_bytes`.

openpyxl turns any string starting with `=` into a formula; `keep_text` marks such cells as text again, and
`render.reproducible.save_workbook` (through which every openpyxl workbook govopen writes is saved) calls it.
The SpreadsheetML writer (`render.spreadsheetml`) writes every string as an inline string and needs nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

# The first characters OWASP lists as formula starts: = + - @, tab (0x09) and carriage return (0x0D).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _dangerous(value: str) -> bool:
    """A formula start, possibly behind `'` marks (which `restore` strips one of)."""
    return value.lstrip("'").startswith(FORMULA_STARTS)


def neutralise(value: str) -> str:
    """The cell text to write: `'` before a text a spreadsheet would run as a formula, else the text itself."""
    return "'" + value if _dangerous(value) else value


def restore(value: str) -> str:
    """The text `neutralise` was given (for reading a CSV govopen wrote)."""
    return value[1:] if value.startswith("'") and _dangerous(value[1:]) else value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """A CSV file (UTF-8 with a BOM so that Excel reads UTF-8, CRLF line ends), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(cell) for cell in header])
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def keep_text(workbook: Any) -> None:
    """Every string cell of an openpyxl workbook stored as text: openpyxl makes a string starting with `=` a
    formula (data type "f"); govopen never writes formulas, so each one is set back to a string."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" and isinstance(cell.value, str):
                    cell.data_type = "s"
