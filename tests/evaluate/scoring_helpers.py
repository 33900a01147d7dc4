"""Building resolved catalogs and stored ledgers for the scorer tests (rows go through evaluate/store.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from govopen_std.evaluate.result import Period
from govopen_std.evaluate.rows import CountyRows, read_county
from govopen_std.evaluate.store import LedgerRow, RowKind, insert_rows, open_store
from govopen_std.model.item import Item
from govopen_std.resolve.catalog import Catalog, CountyInfo, ItemStatus, ResolvedItem

COUNTY = "330105"


def resolved(code: str, deadline: str | None, required: tuple[str, ...] = ("政府网站",), *,
             status: ItemStatus = "base", group: str = "zdbc", name: str | None = None) -> ResolvedItem:
    item = Item.model_validate({"code": code, "category": [name or f"事项{code}"], "deadline": deadline,
                                "channels": {"required": list(required)}})
    return ResolvedItem(item, f"{group}-01", group, {}, status=status)


def catalog(*items: ResolvedItem) -> Catalog:
    return Catalog(items=list(items), county=CountyInfo(COUNTY, "杭州市拱墅区", "杭州市"))


class Ledger:
    """A store in a temporary folder; `add` stores rows like `govopen ledger import` would."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "ledger" / "ledger.sqlite3"
        self.conn: sqlite3.Connection = open_store(self.path)
        self.next_row = 2

    def add(self, code: str, formed: str | None, published: str | None, *, kind: RowKind = "发布",
            channels: tuple[str, ...] = ("政府网站",), notice_end: str | None = None, related: str | None = None,
            title: str | None = None, found: bool | None = None, elements: dict[str, bool] | None = None,
            county: str = COUNTY) -> str:
        """Store one row; returns its provenance (file:sheet:row)."""
        row = LedgerRow(county=county, item_code=code, kind=kind, title=title or f"{code} 第{self.next_row}行",
                        formed=formed, published=published, channels=channels, url="https://www.example.gov.cn/1",
                        publisher=None, source_file="台账.xlsx", source_sheet="台账", source_row=self.next_row,
                        notice_end=notice_end, related=related, found=found, elements=elements or {})
        self.next_row += 1
        assert insert_rows(self.conn, [row]) == 1
        return row.provenance

    def rows(self, period: Period, county: str = COUNTY) -> CountyRows:
        return read_county(self.conn, county, period)
