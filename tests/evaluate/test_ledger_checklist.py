"""The spot-check checklist: a reproducible sample stratified by domain, the evaluator's XLSX, and the filled file
imported back as 抽查 rows equal to what was filled in."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from govopen_std.diagnostics import Diagnostics
from govopen_std.evaluate.checklist import HEADER, HEADER_ROW, allocate, draw_sample, write_sample_checklist
from govopen_std.evaluate.ledger_catalog import CatalogItem, resolve_county
from helpers.ledger import ledger_workspace, problems, run_import, stored


def catalog(sizes: dict[str, int]) -> list[CatalogItem]:
    return [CatalogItem(f"{domain}-{i:02d}", f"{domain}事项{i}", domain, ("政府网站",))
            for domain, size in sizes.items() for i in range(1, size + 1)]


def test_allocation_is_proportional_with_largest_remainders() -> None:
    assert allocate([50, 30, 20], 10) == [5, 3, 2]
    assert allocate([5, 3, 2], 4) == [2, 1, 1]  # quotas 2.0, 1.2, 0.8: the one left over goes to 0.8
    assert allocate([1, 1, 1], 2) == [1, 1, 0]  # equal remainders: catalog order
    assert allocate([3, 4], 2) == [1, 1]  # quotas 0.857, 1.143: remainders .857 > .143
    assert allocate([2, 3], 99) == [2, 3]
    assert allocate([], 5) == [] and allocate([4], 0) == [0]


def test_sample_is_stratified_reproducible_and_in_catalog_order() -> None:
    items = catalog({"征地补偿": 40, "保障性住房": 25, "农村危房改造": 15, "扶贫": 20})
    sample = draw_sample(items, 20, seed=7)
    assert Counter(i.domain for i in sample) == {"征地补偿": 8, "保障性住房": 5, "农村危房改造": 3, "扶贫": 4}
    assert sample == draw_sample(items, 20, seed=7)
    assert sample != draw_sample(items, 20, seed=8)
    order = [items.index(i) for i in sample]
    assert order == sorted(order) and len(set(order)) == 20


def test_sample_leaves_out_items_that_do_not_apply() -> None:
    items = catalog({"A": 3})
    items.append(CatalogItem("A-99", "不适用事项", "A", (), applicable=False))
    assert [i.code for i in draw_sample(items, 10, seed=1)] == ["A-01", "A-02", "A-03"]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return ledger_workspace(tmp_path / "ws")


def _checklist(ws: Path, out: Path, n: int = 3) -> Path:
    diags = Diagnostics()
    county = resolve_county(ws, "330105", diags)
    assert county is not None, diags.items
    return write_sample_checklist(out, county=county.code, county_name=county.name, items=county.items, n=n, seed=5)


def test_checklist_layout(ws: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _checklist(ws, tmp_path / "out")
    assert path.name == "checklist-330105-seed5.xlsx"
    sheet = load_workbook(path).active
    assert [c.value for c in sheet[HEADER_ROW]] == HEADER
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=HEADER_ROW + 1)]
    assert [r[:3] for r in rows] == [[1, "ZDBC-01-01", "征地管理政策"], [2, "ZDBC-02-01", "征收土地预公告"],
                                     [3, "ZDBC-90-01", "征地信息查询服务"]]  # ZDBC-02-02 does not apply
    assert rows[0][4] == "政府网站、征地信息公开平台、两微一端、政务服务中心"
    lists = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert lists == {'"是,否"', '"■,□"'}
    assert path.read_bytes() == _checklist(ws, tmp_path / "again").read_bytes()


def test_filled_checklist_round_trip(ws: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _checklist(ws, tmp_path / "out")
    wb = load_workbook(path)
    sheet = wb.active
    col = {name: i + 1 for i, name in enumerate(HEADER)}
    filled = {
        HEADER_ROW + 1: {"是否找到（是/否）": "是", "链接": "https://www.example.gov.cn/zc/1.html", "发布日期": "2018/5/4",
                         "要素：名称": "■", "要素：依据": "□", "要素：内容": "■", "要素：主体": "■", "要素：时限": "□",
                         "要素：方式": "■", "观察到的渠道": "政府网站、两微一端", "备注": "缺依据"},
        HEADER_ROW + 2: {"是否找到（是/否）": "否", "备注": "网站未找到"},
    }
    for row, cells in filled.items():
        for name, value in cells.items():
            sheet.cell(row, col[name], value)
    wb.save(path)
    summary = run_import(ws, path)
    assert [c for c, _, _ in problems(summary)] == ["L720"]  # the third row was not filled in
    assert (summary.accepted, summary.skipped, summary.ok) == (2, 1, True)
    rows = {r.item_code: r for r in stored(ws)}
    found, missing = rows["ZDBC-01-01"], rows["ZDBC-02-01"]
    assert (found.kind, found.found, found.url, found.published, found.channels, found.note) == (
        "抽查", True, "https://www.example.gov.cn/zc/1.html", "2018-05-04", ("政府网站", "两微一端"), "缺依据")
    assert found.elements == {"名称": True, "依据": False, "内容": True, "主体": True, "时限": False, "方式": True}
    assert found.source_sheet == "抽查清单" and found.source_row == HEADER_ROW + 1
    assert (missing.found, missing.published, missing.elements, missing.note) == (False, None, {}, "网站未找到")
    assert run_import(ws, path).added == 0


def test_badly_filled_checklist_cells_are_located(ws: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = _checklist(ws, tmp_path / "out", n=1)
    wb = load_workbook(path)
    sheet = wb.active
    col = {name: i + 1 for i, name in enumerate(HEADER)}
    sheet.cell(HEADER_ROW + 1, col["是否找到（是/否）"], "找到了")
    sheet.cell(HEADER_ROW + 1, col["要素：依据"], "有")
    wb.save(path)
    where = f"{path.as_posix()}:抽查清单:{HEADER_ROW + 1}"
    assert problems(run_import(ws, path)) == [("L718", where, "是否找到（是/否）"), ("L719", where, "要素：依据")]
    assert stored(ws) == []
