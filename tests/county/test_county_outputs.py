"""What a county's outputs carry besides its catalog rows (issues 7 and 11, QA P3 on the catalog XLSX):
the county's carriers of its channels and the 细化说明 of its amendments in the view model and the XLSX;
序号 computed once (items that do not apply have none); a domain the county does not adopt says so once.

The HTML site and the DOCX catalog of the same profiles are tested in tests/html/test_site_county.py and
tests/docx/test_docx_county.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import county_outputs_workspace
from govopen_std.build import BuildOptions, resolve_catalogs, run, views_for
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.view.model import CATALOG_COLUMNS, BuildView, ChannelDetail

# the fixture profile records no `verified` sources, so every carrier is 待核实 (verified=False)
WEBSITE = ChannelDetail("政府网站", "https://www.gongshu.gov.cn/", verified=False)
ACCOUNTS = ChannelDetail("两微一端", "“拱墅发布”微信公众号；“杭州拱墅”政务微博", verified=False)
BOARDS = ChannelDetail("社区/企事业单位/村公示栏（电子屏）", "各街道、社区办公场所一楼公示栏", verified=False)
NOTE = "本区征地项目集中，缩短时限以便被征地群众及时知晓"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("county-outputs")
    result = run(BuildOptions(workspace=county_outputs_workspace(root / "ws"), out_dir=root / "out", formats=("xlsx",),
                              jobs=1))
    assert result.ok, [d.code for d in result.diagnostics.items if d.severity >= 3]
    return root


@pytest.fixture(scope="module")
def views(root: Path) -> dict[str, BuildView]:
    check = check_workspace(root / "ws")
    catalogs = resolve_catalogs(check, BuildOptions(workspace=root / "ws"), Diagnostics())
    return {view.key: view for view in views_for(check, catalogs)}


def test_view_carries_the_county_channels_in_vocabulary_order(views: dict[str, BuildView]) -> None:
    assert views["330105"].channel_details == (WEBSITE, ACCOUNTS, BOARDS)
    assert views["province"].channel_details == ()


def test_item_rows_carry_the_carriers_of_their_channels_and_the_amendment_note(views: dict[str, BuildView]) -> None:
    rows = {row.code: row for row in views["330105"].items}
    amended = rows["ZDBC-01-01"]
    assert amended.amendment_note == NOTE
    assert amended.channel_details == (WEBSITE, ACCOUNTS)  # 征地信息公开平台 and 政务服务中心 have no carrier
    assert amended.remarks == f"本县细化说明：{NOTE}"
    assert rows["ZDBC-02-01"].channel_details == (BOARDS, WEBSITE, ACCOUNTS)  # the item's channel order
    assert rows["ZDBC-02-01"].amendment_note is None and rows["ZDBC-02-01"].remarks == ""
    assert {row.code: row.channel_details for row in views["province"].items} == \
        {code: () for code in ("ZDBC-01-01", "ZDBC-02-01", "ZDBC-02-02")}


def test_seq_counts_only_the_items_that_apply(views: dict[str, BuildView]) -> None:
    rows = [(row.code, row.seq) for row in views["330105"].items]
    assert rows == [("ZDBC-01-01", 1), ("ZDBC-02-01", 2), ("ZDBC-02-02", None), ("ZDBC-90-01", 3)]
    assert [row.columns()[0] for row in views["330105"].items] == ["1", "2", "—", "3"]
    assert [row.seq for row in views["province"].items] == [1, 2, 3]


def test_a_domain_not_adopted_carries_its_reason_once(views: dict[str, BuildView]) -> None:
    groups = {g.id: g for g in views["330110"].domains}
    assert groups["zdbc"].not_applicable == "本区本年度无征地项目"
    assert [row.seq for row in groups["zdbc"].items] == [None, None, None]
    assert views["330105"].domains and all(g.not_applicable is None for g in views["330105"].domains)
    assert all(g.not_applicable is None for gid, g in groups.items() if gid != "zdbc")


def _rows(ws: Any) -> list[list[Any]]:
    return [list(row) for row in ws.iter_rows(values_only=True)]


def test_county_workbook_has_a_remarks_column_and_a_channel_sheet(root: Path) -> None:
    wb = openpyxl.load_workbook(root / "out" / "330105" / "xlsx" / "catalog.xlsx")
    assert wb.sheetnames[-1] == "公开渠道"
    assert _rows(wb["公开渠道"]) == [["公开渠道和载体", "本县（市、区）的具体载体"],
                                   [WEBSITE.name, WEBSITE.detail], [ACCOUNTS.name, ACCOUNTS.detail],
                                   [BOARDS.name, BOARDS.detail]]
    rows = _rows(wb["征地补偿"])
    assert rows[0] == [*CATALOG_COLUMNS, "来源", "备注"]
    remarks = {(r[1], r[2]): r[12] for r in rows[1:]}
    assert remarks[("征地管理政策", "—")] == f"本县细化说明：{NOTE}"
    assert remarks[("征地前期准备", "征收土地预公告")] is None
    assert [r[0] for r in rows[1:]] == [1, 2, None, 3]  # the same 序号 as the view: none for 不适用


def test_catalog_workbooks_number_seq_and_print_on_a4_landscape(root: Path) -> None:
    for path in (root / "out" / "xlsx" / "catalog.xlsx", root / "out" / "330105" / "xlsx" / "catalog.xlsx"):
        wb = openpyxl.load_workbook(path)
        assert wb.worksheets
        for ws in wb.worksheets:
            assert int(ws.page_setup.paperSize) == 9  # A4
            assert ws.page_setup.orientation == "landscape"
            assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
            assert ws.page_setup.fitToHeight == 0
            assert ws.print_title_rows == "$1:$1"  # the header row on every printed page
        seq = [cell for cell in next(iter(wb["征地补偿"].iter_cols(min_row=2, max_col=1)))]
        assert seq and all(cell.data_type == "n" for cell in seq if cell.value is not None), path
