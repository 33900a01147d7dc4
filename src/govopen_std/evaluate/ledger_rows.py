"""One ledger or checklist row → a `LedgerRow`, or the row's problems, each located at `file:sheet:row` and its column.

Every problem of a row is reported (not only the first), and a row with any error is kept out of the store.
A ledger row is a published piece (kind 发布, 解读 or 回应); a checklist row is a spot-check observation (抽查).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from govopen_std.diagnostics import Diagnostic, SourceLocation
from govopen_std.evaluate.ledger_catalog import CatalogIndex, CatalogItem
from govopen_std.evaluate.ledger_cells import (
    CellError,
    ChannelReader,
    parse_date,
    parse_found,
    parse_kind,
    parse_mark,
    parse_url,
    text,
)
from govopen_std.evaluate.ledger_columns import ELEMENTS, Layout, field_label
from govopen_std.evaluate.ledger_read import Sheet, Value
from govopen_std.evaluate.store import LedgerRow, RowKind


@dataclass
class RowReader:
    """What reading the rows of one sheet needs: its layout, the catalog, the channels, and today."""

    sheet: Sheet
    layout: Layout
    county: str
    index: CatalogIndex
    channels: ChannelReader
    today: dt.date
    problems: list[Diagnostic] = field(default_factory=list)
    nonblank: int = 0  # rows read
    rejected: int = 0  # rows with an error
    skipped: int = 0  # checklist rows not filled in (L720)
    _row: int = 0

    def cell(self, values: Sequence[Value], name: str) -> Value:
        c = self.layout.columns.get(name)
        if c is None:
            return None
        try:
            return values[c]
        except IndexError:  # a short CSV row
            return None

    def label(self, name: str) -> str:
        if name == "item":
            return self.layout.labels.get("code") or self.layout.labels.get("name") or field_label("item")
        return self.layout.labels.get(name, field_label(name))

    def report(self, code: str, column: str, **params: object) -> None:
        where = SourceLocation(self.sheet.where(self._row))
        self.problems.append(Diagnostic.make(code, where, column=self.label(column), **params))

    def guarded(self, column: str, parse: Callable[[Value], object], value: Value) -> tuple[bool, Any]:
        """(ok, parsed) for one cell; a CellError becomes a located problem."""
        try:
            return True, parse(value)
        except CellError as exc:
            self.report(exc.code, column, value=exc.value)
            return False, None

    def date(self, values: Sequence[Value], column: str) -> tuple[bool, dt.date | None]:
        try:
            ok, day = True, parse_date(self.cell(values, column))
        except CellError as exc:
            self.report(exc.code, column, value=exc.value)
            return False, None
        if day is not None and day > self.today:
            self.report("L713", column, value=day.isoformat(), today=self.today.isoformat())
            return False, day
        return ok, day

    def required(self, values: Sequence[Value], column: str) -> str:
        raw = text(self.cell(values, column))
        if not raw:
            self.report("L716", column)
        return raw

    def item(self, values: Sequence[Value]) -> CatalogItem | None:
        code, name = text(self.cell(values, "code")), text(self.cell(values, "name"))
        if not code and not name:
            self.report("L716", "item")
            return None
        found = self.index.match(code, name)
        if found is None:
            column = "code" if code else "name"
            nearest = self.index.nearest(code, name)
            self.report("L710", column, value=code or name, candidates="；".join(nearest) if nearest else None)
        return found

    # --- rows ----------------------------------------------------------------------------------------

    def read(self, number: int, values: Sequence[Value]) -> LedgerRow | None:
        """The row, or None when it has problems (added to `problems`) or is blank."""
        if not any(values) or not any(text(v) for v in values):
            return None
        self._row = number
        self.nonblank += 1
        before = len(self.problems)
        row = self._checklist(values) if self.layout.checklist else self._ledger(values)
        if len(self.problems) == before:
            return row
        if self.problems[-1].code == "L720":
            self.skipped += 1
        else:
            self.rejected += 1
        return None

    def _ledger(self, values: Sequence[Value]) -> LedgerRow | None:
        kind_ok, kind = self.guarded("kind", parse_kind, self.cell(values, "kind"))
        item = self.item(values)
        title = self.required(values, "title")
        ok_formed, formed = self.date(values, "formed")
        ok_published, published = self.date(values, "published")
        _, notice_end = self.date(values, "notice_end")
        if ok_formed and formed is None and kind != "抽查":
            self.report("L716", "formed")
        if ok_published and published is None and kind != "抽查":
            self.report("L716", "published")
        if formed and published and published < formed:
            self.report("L712", "published", published=published.isoformat(), formed=formed.isoformat())
        channels = self._channels(values, required=kind != "抽查")
        _, url = self.guarded("url", parse_url, self.cell(values, "url"))
        found, elements = self._observation(values) if kind == "抽查" else (None, {})
        if item is None or not kind_ok or kind is None:
            return None
        return LedgerRow(
            county=self.county, item_code=item.code, kind=_kind(kind), title=title,
            formed=_iso(formed), published=_iso(published), channels=channels, url=_opt_text(url),
            publisher=text(self.cell(values, "publisher")) or None, source_file=self.sheet.display,
            source_sheet=self.sheet.name, source_row=self._row, notice_end=_iso(notice_end),
            related=text(self.cell(values, "related")) or None, found=found, elements=elements,
            note=text(self.cell(values, "note")) or None)

    def _channels(self, values: Sequence[Value], *, required: bool) -> tuple[str, ...]:
        cell = self.cell(values, "channels")
        if required and not text(cell):
            self.report("L716", "channels")
            return ()
        _, channels = self.guarded("channels", self.channels.parse, cell)
        return channels if isinstance(channels, tuple) else ()

    def _checklist(self, values: Sequence[Value]) -> LedgerRow | None:
        _, found = self.guarded("found", parse_found, self.cell(values, "found"))
        if found is None and not self._problems_in_row():
            self.problems.append(Diagnostic.make("L720", SourceLocation(self.sheet.where(self._row)), row=self._row))
            return None
        item = self.item(values)
        _, published = self.date(values, "published")
        _, url = self.guarded("url", parse_url, self.cell(values, "url"))
        elements = self._elements(values)
        channels = self._channels(values, required=False)
        if item is None or not isinstance(found, bool):
            return None
        return LedgerRow(
            county=self.county, item_code=item.code, kind="抽查", title=item.name, formed=None,
            published=_iso(published), channels=channels, url=_opt_text(url), publisher=None,
            source_file=self.sheet.display, source_sheet=self.sheet.name, source_row=self._row, found=found,
            elements=elements, note=text(self.cell(values, "note")) or None)

    def _elements(self, values: Sequence[Value]) -> dict[str, bool]:
        elements: dict[str, bool] = {}
        for element in ELEMENTS:
            _, mark = self.guarded(f"element:{element}", parse_mark, self.cell(values, f"element:{element}"))
            if isinstance(mark, bool):
                elements[element] = mark
        return elements

    def _observation(self, values: Sequence[Value]) -> tuple[bool | None, dict[str, bool]]:
        """A stored spot check written back by `ledger export`: 是否找到 and the element marks."""
        _, found = self.guarded("found", parse_found, self.cell(values, "found"))
        return (found if isinstance(found, bool) else None), self._elements(values)

    def _problems_in_row(self) -> bool:
        where = self.sheet.where(self._row)
        return any(p.location is not None and p.location.path == where for p in self.problems)


def _kind(value: object) -> RowKind:
    return {"发布": "发布", "解读": "解读", "回应": "回应", "抽查": "抽查"}[str(value)]  # type: ignore[return-value]


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _opt_text(value: object) -> str | None:
    return value if isinstance(value, str) else None
