"""Any cell values give a stored row or located problems, never an exception: rows of random text, numbers, dates
and blanks through the row reader (the catalog and vocabulary are small fixed ones)."""

from __future__ import annotations

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from govopen_std.evaluate.ledger_catalog import CatalogIndex, CatalogItem
from govopen_std.evaluate.ledger_cells import ChannelReader
from govopen_std.evaluate.ledger_columns import find_layout
from govopen_std.evaluate.ledger_read import Sheet
from govopen_std.evaluate.ledger_rows import RowReader
from helpers.ledger import HEADER

ITEMS = [CatalogItem("ZDBC-01-01", "征地管理政策", "征地补偿", ("政府网站",)),
         CatalogItem("ZDBC-02-01", "征收土地预公告", "征地补偿", ("政府网站",))]
CHANNELS = ["政府网站", "两微一端", "其他"]
HEADER_KIND = [*HEADER, "类别", "关联信息", "公示截止日期"]

cell = st.one_of(st.none(), st.text(max_size=12), st.integers(-10, 3_000_000), st.floats(allow_nan=True),
                 st.dates(dt.date(1900, 3, 1), dt.date(2100, 1, 1)), st.booleans(),
                 st.sampled_from(["ZDBC-01-01", "征地管理政策", "2018-03-05", "2018年3月5日", "政府网站、两微一端",
                                  "https://a.example/", "解读", "'=1", "43164"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(cell, min_size=0, max_size=len(HEADER_KIND) + 2), min_size=1, max_size=6))
def test_any_row_is_stored_or_located(rows: list[list[object]]) -> None:
    layout = find_layout([HEADER_KIND])
    assert layout is not None
    sheet = Sheet("f.xlsx", "台账", iter(()))
    reader = RowReader(sheet, layout, "330105", CatalogIndex(ITEMS), ChannelReader(CHANNELS), dt.date(2019, 1, 1))
    stored = []
    for number, values in zip(itertools.count(2), rows, strict=False):
        before = len(reader.problems)
        row = reader.read(number, values)
        new = reader.problems[before:]
        if row is not None:
            stored.append(row)
            assert new == []
            assert row.item_code in {"ZDBC-01-01", "ZDBC-02-01"} and row.published and row.title
        assert all(p.location is not None and str(p.location) == f"f.xlsx:台账:{number}" for p in new)
        assert all(p.message("zh") and p.message("en") for p in new)
    assert reader.nonblank == len(stored) + reader.rejected + reader.skipped
