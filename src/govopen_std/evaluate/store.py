"""The publication ledger (公开台账) store: one SQLite file per workspace (stdlib `sqlite3`, no server).

A row's identity is a hash of its content, so importing the same file twice adds nothing. Every row keeps where it
came from (file, sheet, row). Dates are ISO strings (YYYY-MM-DD), channels a JSON list of vocabulary names.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

# The store lives inside the workspace's standards folder (README: 公开台账).
STORE_NAME = "ledger/ledger.sqlite3"

RowKind = Literal["发布", "解读", "回应", "抽查"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS publications (
    id TEXT PRIMARY KEY,
    county TEXT NOT NULL,
    item_code TEXT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    formed TEXT,
    published TEXT,
    channels TEXT NOT NULL,
    url TEXT,
    publisher TEXT,
    notice_end TEXT,
    related TEXT,
    found INTEGER,
    elements TEXT,
    note TEXT,
    source_file TEXT NOT NULL,
    source_sheet TEXT,
    source_row INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS publications_county_date ON publications (county, published);
CREATE TABLE IF NOT EXISTS manual_scores (
    county TEXT NOT NULL,
    period TEXT NOT NULL,
    indicator TEXT NOT NULL,
    value REAL NOT NULL,
    source TEXT NOT NULL,
    PRIMARY KEY (county, period, indicator)
);
"""

_COLUMNS = ("id", "county", "item_code", "kind", "title", "formed", "published", "channels", "url", "publisher",
            "notice_end", "related", "found", "elements", "note", "source_file", "source_sheet", "source_row")


@dataclass(frozen=True)
class LedgerRow:
    """One published piece (or one spot-check observation) matched to an item of the county's catalog."""

    county: str
    item_code: str
    kind: RowKind
    title: str
    formed: str | None          # 信息形成（变更）日期, ISO
    published: str | None       # 发布日期, ISO; None for a spot check that found nothing
    channels: tuple[str, ...]
    url: str | None
    publisher: str | None
    source_file: str
    source_row: int
    source_sheet: str | None = None
    notice_end: str | None = None   # 公示截止日期, ISO
    related: str | None = None      # 关联信息: the policy a 解读/回应 row belongs to (its title or item code)
    found: bool | None = None       # spot checks: 是/否
    elements: dict[str, bool] = field(default_factory=dict)  # spot checks: element -> present (■/□)
    note: str | None = None

    @cached_property  # computed once: sorting and inserting both need it
    def identity(self) -> str:
        """The row's content hash: provenance is left out so the same row from a re-import is the same row."""
        content = (self.county, self.item_code, self.kind, self.title, self.formed, self.published,
                   tuple(self.channels), self.url, self.publisher, self.notice_end, self.related, self.found,
                   tuple(sorted(self.elements.items())), self.note)
        # repr of str/None/bool/tuples is exact and stable, and several times faster than json for a hot path
        return hashlib.sha256(repr(content).encode()).hexdigest()

    @property
    def provenance(self) -> str:
        return ":".join(str(p) for p in (self.source_file, self.source_sheet, self.source_row) if p is not None)


def open_store(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (and for writing, create) the store at `path`."""
    if readonly:
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA)
    return conn


def insert_rows(conn: sqlite3.Connection, rows: Iterable[LedgerRow]) -> int:
    """Store `rows`; rows already stored (same content) are skipped. Returns how many were new."""
    before = conn.total_changes
    conn.executemany(
        f"INSERT OR IGNORE INTO publications ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
        (_to_record(r) for r in rows))
    conn.commit()
    return conn.total_changes - before


def iter_rows(conn: sqlite3.Connection, county: str, start: str | None = None,
              end: str | None = None) -> Iterator[LedgerRow]:
    """The county's rows whose publication date lies in [start, end] (ISO, inclusive), in a stable order."""
    sql = f"SELECT {', '.join(_COLUMNS)} FROM publications WHERE county = ?"
    args: list[str] = [county]
    if start is not None:
        sql += " AND published >= ?"
        args.append(start)
    if end is not None:
        sql += " AND published <= ?"
        args.append(end)
    sql += " ORDER BY published, item_code, id"
    for record in conn.execute(sql, args):
        yield _from_record(record)


def _to_record(row: LedgerRow) -> tuple[object, ...]:
    return (row.identity, row.county, row.item_code, row.kind, row.title, row.formed, row.published,
            _channels_json(row.channels), row.url, row.publisher, row.notice_end, row.related,
            None if row.found is None else int(row.found),
            json.dumps(row.elements, ensure_ascii=False, sort_keys=True) if row.elements else None,
            row.note, row.source_file, row.source_sheet, row.source_row)


_CHANNELS_JSON: dict[tuple[str, ...], str] = {}


def _channels_json(channels: tuple[str, ...]) -> str:
    """A ledger uses a few channel combinations over many rows: each is encoded once."""
    text = _CHANNELS_JSON.get(channels)
    if text is None:
        text = _CHANNELS_JSON[channels] = json.dumps(list(channels), ensure_ascii=False)
    return text


def _from_record(rec: tuple[object, ...]) -> LedgerRow:
    (_id, county, code, kind, title, formed, published, channels, url, publisher, notice_end, related, found,
     elements, note, sfile, ssheet, srow) = rec
    return LedgerRow(
        county=str(county), item_code=str(code), kind=kind, title=str(title),  # type: ignore[arg-type]
        formed=_opt(formed), published=_opt(published), channels=tuple(json.loads(str(channels))),
        url=_opt(url), publisher=_opt(publisher), notice_end=_opt(notice_end), related=_opt(related),
        found=None if found is None else bool(found), elements=json.loads(str(elements)) if elements else {},
        note=_opt(note), source_file=str(sfile), source_sheet=_opt(ssheet), source_row=int(str(srow)))


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
