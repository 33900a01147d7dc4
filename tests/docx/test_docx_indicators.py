"""The indicator data in the DOCX texts (view/indicators.py): the indicator table of gen-13 and of a domain
考核评价, and the domain's item table, are generated from the data, so the text and the scorer cannot disagree.
Read back with python-docx; the expected figures are computed here from the YAML data, not by the view."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from docx_helpers import shipped_view, variant_workspace

import docx
from conftest import ROOT
from govopen_std.build import BuildOptions, resolve_catalogs, views_for
from govopen_std.diagnostics import Diagnostics
from govopen_std.model.indicators import Indicator
from govopen_std.model.standard import TableBlock
from govopen_std.pipeline import check_workspace
from govopen_std.render.docx import DocxRenderer
from govopen_std.view.model import BuildView

INDICATOR_HEADER = ["指标编号", "一级指标", "二级指标", "分值", "评分规则", "计算方式/数据来源"]
ITEM_HEADER = ["事项编码", "事项名称", "公开时限", "必选渠道", "公开方式", "考核指标"]
BASE = ROOT / "tests" / "check" / "indicator_base.yaml"


def _expected(indicators: list[Indicator], share: float = 100.0) -> list[tuple[str, float, str]]:
    """(id, points out of the total 100, rule) depth first: a weight is a share of its parent's points."""
    rows: list[tuple[str, float, str]] = []
    for node in indicators:
        points = share * node.weight / 100
        rows.append((node.id, points, node.rule))
        rows += _expected(node.children, points)
    return rows


def _tables(path: Path, header: list[str]) -> list[list[list[str]]]:
    found = []
    for table in docx.Document(str(path)).tables:
        cells = [[c.text for c in row.cells] for row in table.rows]
        if cells and cells[0] == header:
            found.append(cells[1:])
    return found


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> tuple[BuildView, dict[str, Path]]:
    view = shipped_view()
    wanted = ("gen-13", "zdbc-06", "ywjy-09")
    view = replace(view, standards=tuple(s for s in view.standards if s.id in wanted))
    paths = DocxRenderer(all_standards=True).render(view, tmp_path_factory.mktemp("docx"), lambda _name: None)
    return view, {p.stem: p for p in paths}


@pytest.mark.parametrize("standard_id", ["gen-13", "zdbc-06", "ywjy-09"])
def test_indicator_table_equals_the_data(shipped: tuple[BuildView, dict[str, Path]], standard_id: str) -> None:
    view, paths = shipped
    std = view.standard(standard_id)
    assert std is not None and std.text is not None and std.text.indicators
    (rows,) = _tables(paths[standard_id], INDICATOR_HEADER)
    expected = _expected(list(std.text.indicators))
    assert len(expected) > 5
    assert [r[0] for r in rows] == [e[0] for e in expected]
    assert [float(r[3]) for r in rows] == pytest.approx([e[1] for e in expected], abs=0.005)
    for row, (_, _, rule) in zip(rows, expected, strict=True):
        if rule:
            assert row[4] == rule
    tops = [float(r[3]) for r in rows if r[2] == "—"]
    assert tops and sum(tops) == pytest.approx(100)


def test_gen13_weights_in_the_text(shipped: tuple[BuildView, dict[str, Path]]) -> None:
    """The figures the general system's readers see: 主动公开 40 points, its 公开及时率 12, 公众满意度 4.5."""
    (rows,) = _tables(shipped[1]["gen-13"], INDICATOR_HEADER)
    by_id = {r[0]: r for r in rows}
    assert (by_id["B"][1], by_id["B"][3]) == ("主动公开", "40")
    assert (by_id["B2"][2], by_id["B2"][3]) == ("公开及时率", "12")
    assert (by_id["F3"][2], by_id["F3"][3]) == ("公众满意度", "4.5")
    assert "公开台账" in by_id["B2"][5] and "人工评分" in by_id["F3"][5]


def test_domain_item_table_lists_every_item(shipped: tuple[BuildView, dict[str, Path]]) -> None:
    view, paths = shipped
    (rows,) = _tables(paths["zdbc-06"], ITEM_HEADER)
    domain = next(g for g in view.groups if g.id == "zdbc")
    assert len(domain.items) > 20
    assert [r[0] for r in rows] == [i.code for i in domain.items]
    assert [r[2] for r in rows] == [i.deadline for i in domain.items]
    assert all(r[5] not in ("", "—") for r in rows)
    notice = next(r for r in rows if r[0] == "ZDBC-02-01")
    assert notice[2] == "征收土地预公告时间不少于10个工作日" and "A1" in notice[5]


def test_county_text_shows_the_county_catalog(tmp_path: Path) -> None:
    """A county's view (what its site renders) of a 考核评价 lists the county's catalog: its stricter deadline, its own item, an item it
    excludes. The mini 考核评价 has a slot for the indicator table only, so the view adds a chapter with the item table."""
    ws = variant_workspace(tmp_path / "ws")
    shutil.copy(BASE, ws / "standards" / "domains" / "zdbc" / "zdbc-06.yaml")
    check = check_workspace(ws)
    options = BuildOptions(counties=("330105",), province=False)
    (county,) = views_for(check, resolve_catalogs(check, options, Diagnostics()))
    assert county.county is not None and county.county.code == "330105"
    std = county.standard("zdbc-06")
    assert std is not None and std.text is not None  # a county's outputs show it on its site (not as DOCX)
    tables = {tuple(b.table.header): b.table.rows for c in std.text.clauses for b in c.body
              if isinstance(b, TableBlock)}
    rows = tables[tuple(ITEM_HEADER)]
    assert std.text.clauses[-1].title == "事项考核要求"
    by_code = {r[0]: r for r in rows}
    assert by_code["ZDBC-01-01"][2] == "信息形成或者变更之日起10个工作日内"
    assert by_code["ZDBC-02-02"][5] == "本县不适用"
    assert by_code["ZDBC-90-01"][5] == "A1、A2"
    indicators = tables[tuple(INDICATOR_HEADER)]
    assert [r[0] for r in indicators] == ["A", "A1", "A2", "B", "B1", "B2"]
    assert [r[3] for r in indicators] == ["60", "42", "18", "40", "20", "20"]


def test_parent_rows_say_how_they_add_up(shipped: tuple[BuildView, dict[str, Path]]) -> None:
    """A parent's 评分规则 names its children (one child: its score; several: the sum of the range)."""
    (rows,) = _tables(shipped[1]["zdbc-06"], INDICATOR_HEADER)
    by_id = {r[0]: r for r in rows}
    assert by_id["A"][4] == "得分为A1～A2得分之和。" and by_id["A"][5] == "下级指标得分之和"
    assert by_id["D"][4] == "得分为D1的得分。"
