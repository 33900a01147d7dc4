"""Reading one county's ledger rows for one period out of the store, as light tuples grouped for the scorer.

The scorer streams county by county: only the rows of one county are in memory at a time, and only the columns
scoring needs. Dates stay ISO strings until the scorer needs a date; channel lists are decoded once per distinct
JSON text (a ledger repeats a handful of channel combinations).
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from govopen_std.evaluate.result import Period

# provenance ("file:sheet:row", or "file:row" without a sheet) is put together by SQLite, not row by row in Python
_COLUMNS = ("item_code, kind, title, formed, published, channels, notice_end, related, found, elements, "
            "source_file || COALESCE(':' || source_sheet, '') || ':' || source_row")
_NO_ELEMENTS: dict[str, bool] = {}


class Row(NamedTuple):
    """One stored ledger row, reduced to what scoring reads."""

    item_code: str
    kind: str
    title: str
    formed: str | None
    published: str | None
    channels: tuple[str, ...]
    notice_end: str | None
    related: str | None
    found: bool | None
    elements: dict[str, bool]
    provenance: str


@dataclass
class CountyRows:
    """A county's rows for one period: publications by item, 解读/回应 rows, spot checks, and rows published
    after the period whose formation falls inside it (they make an item `not_due`, not `missing`)."""

    publications: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))
    interpretations: list[Row] = field(default_factory=list)
    responses: list[Row] = field(default_factory=list)
    spot_checks: list[Row] = field(default_factory=list)
    pending: dict[str, list[Row]] = field(default_factory=lambda: defaultdict(list))


class _Decoder:
    def __init__(self) -> None:
        self._channels: dict[str, tuple[str, ...]] = {}

    def channels(self, text: str) -> tuple[str, ...]:
        known = self._channels.get(text)
        if known is None:
            known = self._channels[text] = tuple(json.loads(text))
        return known

    def row(self, rec: tuple[object, ...]) -> Row:
        code, kind, title, formed, published, channels, notice_end, related, found, elements, where = rec
        # every column but `found` and `elements` is TEXT (or NULL) in the store: no conversion needed
        return Row(code, kind, title, formed, published, self.channels(channels),  # type: ignore[arg-type]
                   notice_end, related, None if found is None else bool(found),  # type: ignore[arg-type]
                   json.loads(str(elements)) if elements else _NO_ELEMENTS, where)  # type: ignore[arg-type]


def read_county(conn: sqlite3.Connection, county: str, period: Period) -> CountyRows:
    """Every row of `county` that scoring `period` needs, in a stable order (publication date, item, id)."""
    start, end = period.start.isoformat(), period.end.isoformat()
    decode = _Decoder()
    rows = CountyRows()
    in_period = conn.execute(
        f"SELECT {_COLUMNS} FROM publications WHERE county = ? AND published >= ? AND published <= ? "
        "ORDER BY published, item_code, id", (county, start, end))
    for rec in in_period:
        row = decode.row(rec)
        if row.kind == "发布":
            rows.publications[row.item_code].append(row)
        elif row.kind == "解读":
            rows.interpretations.append(row)
        elif row.kind == "回应":
            rows.responses.append(row)
        elif row.kind == "抽查":
            rows.spot_checks.append(row)
    # a spot check that found nothing has no publication date: it belongs to no period by date, so it is read
    # with every period (the checklist that produced it is for the county as a whole)
    for rec in conn.execute(f"SELECT {_COLUMNS} FROM publications WHERE county = ? AND kind = '抽查' "
                            "AND published IS NULL ORDER BY item_code, id", (county,)):
        rows.spot_checks.append(decode.row(rec))
    for rec in conn.execute(
            f"SELECT {_COLUMNS} FROM publications WHERE county = ? AND kind = '发布' AND published > ? "
            "AND formed IS NOT NULL AND formed <= ? ORDER BY published, item_code, id", (county, end, end)):
        row = decode.row(rec)
        rows.pending[row.item_code].append(row)
    return rows


def manual_values(conn: sqlite3.Connection, county: str, period: Period) -> dict[str, tuple[float, str]]:
    """Indicator id -> (value 0..100, source) entered by hand for this county and period label."""
    found = conn.execute("SELECT indicator, value, source FROM manual_scores WHERE county = ? AND period = ? "
                         "ORDER BY indicator", (county, period.label))
    return {str(ind): (float(value), str(source)) for ind, value, source in found}


def counties_in(conn: sqlite3.Connection) -> list[str]:
    """Counties with at least one stored row, sorted."""
    return [str(c) for (c,) in conn.execute("SELECT DISTINCT county FROM publications ORDER BY county")]
