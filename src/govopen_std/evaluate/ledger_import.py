"""`govopen ledger import`: ledger and checklist files → rows matched to the county's catalog → the SQLite store.

Each file is read sheet by sheet; a sheet's header is found among its first rows (title rows above it are
skipped), then every data row is parsed on its own, so one bad row is reported and left out while every other row
is stored. All good rows of a run go into the store in one transaction (`store.insert_rows`: executemany, INSERT OR
IGNORE on the content hash), so importing the same file again adds nothing.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.evaluate.ledger_catalog import CatalogIndex, CountyCatalog, resolve_county
from govopen_std.evaluate.ledger_cells import ChannelReader, text
from govopen_std.evaluate.ledger_columns import SCAN_ROWS, field_label, find_layout
from govopen_std.evaluate.ledger_read import ReadError, Sheet, Value, read_sheets
from govopen_std.evaluate.ledger_rows import RowReader
from govopen_std.evaluate.store import LedgerRow, insert_rows, open_store


@dataclass(frozen=True)
class LedgerOptions:
    files: tuple[Path, ...]
    county: str
    workspace: Path | None = None
    today: dt.date | None = None  # the day dates may not pass; None: the real today (tests inject one)
    store: Path | None = None  # None: the workspace's store (benchmarks write elsewhere)


@dataclass
class ImportSummary:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    read: int = 0  # data rows read (blank rows not counted)
    accepted: int = 0  # rows without problems
    skipped: int = 0  # checklist rows not filled in
    added: int = 0  # rows new to the store
    store: Path | None = None

    @property
    def rejected(self) -> int:
        return self.read - self.accepted - self.skipped

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors


def display_path(path: Path) -> str:
    """A file as diagnostics and provenance name it: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def read_file(path: Path, catalog: CountyCatalog, index: CatalogIndex, channels: ChannelReader, today: dt.date,
              summary: ImportSummary) -> list[LedgerRow]:
    """The good rows of one file; its problems go into `summary`."""
    display = display_path(path)
    diags = summary.diagnostics
    try:
        sheets = read_sheets(path, display)
    except ReadError as exc:
        diags.add(Diagnostic.make("L702", SourceLocation(display), detail=exc.detail, detail_en=exc.detail_en))
        return []
    rows: list[LedgerRow] = []
    nonempty = headed = 0
    for sheet in sheets:
        found = _read_sheet(sheet, catalog, index, channels, today, summary, rows)
        nonempty += found != "empty"
        headed += found == "read"
    if not nonempty:
        diags.add(Diagnostic.make("L703", SourceLocation(display)))
    elif not headed:
        diags.add(Diagnostic.make("L704", SourceLocation(display)))
    return rows


def _read_sheet(sheet: Sheet, catalog: CountyCatalog, index: CatalogIndex, channels: ChannelReader,
                today: dt.date, summary: ImportSummary, out: list[LedgerRow]) -> str:
    """Reads one sheet into `out`: "empty", "no-header" (skipped), or "read"."""
    head: list[tuple[int, list[Value]]] = []
    for number, values in sheet.rows:
        head.append((number, values))
        if len(head) >= SCAN_ROWS:
            break
    if not any(text(v) for _, values in head for v in values):
        return "empty"
    layout = find_layout([[text(v) for v in values] for _, values in head])
    if layout is None:
        return "no-header"
    missing = layout.missing()
    if missing:
        for name in missing:
            summary.diagnostics.add(Diagnostic.make("L705", SourceLocation(sheet.where(layout.header_row)),
                                                    column=field_label(name), header_row=layout.header_row))
        return "read"
    reader = RowReader(sheet, layout, catalog.code, index, channels, today)
    body = ((n, v) for n, v in head if n >= layout.first_data_row)
    for number, values in (*body, *sheet.rows):
        row = reader.read(number, values)
        if row is not None:
            out.append(row)
    summary.read += reader.nonblank
    summary.accepted += reader.nonblank - reader.rejected - reader.skipped
    summary.skipped += reader.skipped
    summary.diagnostics.extend(reader.problems)
    return "read"


def import_ledger(opts: LedgerOptions) -> ImportSummary:
    summary = ImportSummary()
    catalog = resolve_county(opts.workspace, opts.county, summary.diagnostics)
    if catalog is None:
        return summary
    if catalog.embedded and opts.store is None:
        summary.diagnostics.add(Diagnostic.make("L722", None))
        return summary
    index = CatalogIndex(catalog.items)
    channels = ChannelReader(catalog.channels)
    today = opts.today or dt.date.today()
    rows = [row for path in opts.files for row in read_file(path, catalog, index, channels, today, summary)]
    summary.store = opts.store or catalog.store
    try:
        conn = open_store(summary.store)
    except (sqlite3.Error, OSError) as exc:
        summary.diagnostics.add(Diagnostic.make("L723", None, path=str(summary.store), detail=str(exc)))
        return summary
    rows.sort(key=lambda r: r.identity)  # the store's bytes depend on the rows, not on the files' order
    try:
        summary.added = insert_rows(conn, rows)
    finally:
        conn.close()
    return summary
