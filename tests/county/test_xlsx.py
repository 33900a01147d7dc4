"""The XLSX catalog (province and county): columns of the DOCX catalog table, frozen header, filters,
provenance for counties, and byte-identical output for identical sources."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import run_cli
from govopen_std.build import BuildOptions, run
from govopen_std.view.model import CATALOG_COLUMNS
from helpers.county import PROFILE, write_profile


@pytest.fixture
def built(mini: Path, tmp_path: Path) -> Path:
    write_profile(mini, PROFILE)
    out = tmp_path / "out"
    result = run(BuildOptions(workspace=mini, out_dir=out, formats=("xlsx",)))
    assert result.ok, [d.code for d in result.diagnostics.items]
    return out


def _rows(ws: Any) -> list[list[str]]:
    return [[c if c is not None else "" for c in row] for row in ws.iter_rows(values_only=True)]


def _domain_titles(mini: Path) -> list[str]:
    from govopen_std.pipeline import check_workspace

    system = check_workspace(mini).sources.system
    assert system is not None
    return [g.title for g in system.value.groups if g.code]


def test_province_workbook_has_catalog_columns_frozen_and_filtered(built: Path, mini: Path) -> None:
    wb = openpyxl.load_workbook(built / "xlsx" / "catalog.xlsx")
    assert wb.sheetnames == _domain_titles(mini)
    for ws in wb.worksheets:
        rows = _rows(ws)
        assert rows[0] == CATALOG_COLUMNS
        assert ws.freeze_panes == "A2"
        assert ws.auto_filter.ref == f"A1:K{max(ws.max_row, 2)}"
    zdbc = _rows(wb["征地补偿"])
    assert [r[0] for r in zdbc[1:]] == [1, 2, 3]  # 序号 is a number
    assert zdbc[1][6] == "县级自然资源主管部门"  # the province keeps the generic subject


def test_catalog_columns_are_those_of_the_catalog_standard(mini: Path) -> None:
    from govopen_std.pipeline import check_workspace

    text = check_workspace(mini).sources.text("gen-03")
    assert text is not None and text.value.catalog_rules is not None
    assert text.value.catalog_rules.columns == CATALOG_COLUMNS


def test_county_workbook_shows_local_subjects_and_provenance(built: Path) -> None:
    wb = openpyxl.load_workbook(built / "330105" / "xlsx" / "catalog.xlsx")
    ws = wb["征地补偿"]
    rows = _rows(ws)
    assert rows[0] == [*CATALOG_COLUMNS, "来源", "备注"]
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:M{ws.max_row}"
    by_name = {r[1] + "/" + r[2]: r for r in rows[1:]}
    amended = by_name["征地管理政策/—"]
    assert amended[5] == "信息形成或者变更之日起10个工作日内"
    assert amended[6] == "杭州市规划和自然资源局拱墅分局"
    assert "■两微一端" in amended[7]
    assert amended[11].startswith("本县细化\n")
    assert "公开时限 standards/counties/330105.yaml:10:15" in amended[11]
    na = by_name["征地前期准备/土地现状调查结果"]
    assert na[11].startswith("不适用：本区无农村集体土地，不开展土地现状调查。")
    local = by_name["征地信息查询/—"]
    assert local[11] == "本县增补（standards/counties/330105.yaml:16:11）"
    assert wb.properties.title == "杭州市拱墅区基层政务公开标准目录"


def test_workbook_is_reproducible(mini: Path, tmp_path: Path) -> None:
    write_profile(mini, PROFILE)
    outputs = []
    for name in ("a", "b"):
        out = tmp_path / name
        assert run(BuildOptions(workspace=mini, out_dir=out, formats=("xlsx",))).ok
        outputs.append(((out / "xlsx/catalog.xlsx").read_bytes(), (out / "330105/xlsx/catalog.xlsx").read_bytes()))
    assert outputs[0] == outputs[1]
    wb = openpyxl.load_workbook(tmp_path / "a" / "xlsx" / "catalog.xlsx")
    assert wb.properties.created == wb.properties.modified
    assert wb.properties.created is not None and wb.properties.created.year >= 2017


def test_build_one_county_or_everything(mini: Path, tmp_path: Path) -> None:
    write_profile(mini, PROFILE)
    one = tmp_path / "one"
    result = run_cli("build", "-w", str(mini), "-o", str(one), "--county", "330105", "-f", "xlsx")
    assert result.exit_code == 0, result.stderr
    assert (one / "330105" / "xlsx" / "catalog.xlsx").is_file()
    assert not (one / "xlsx").exists()  # --county builds that county only
    every = tmp_path / "every"
    result = run_cli("build", "-w", str(mini), "-o", str(every), "-f", "xlsx")
    assert result.exit_code == 0, result.stderr
    assert (every / "xlsx" / "catalog.xlsx").is_file()
    assert (every / "330105" / "xlsx" / "catalog.xlsx").is_file()


def test_build_of_an_unknown_county_fails(mini: Path, tmp_path: Path) -> None:
    result = run(BuildOptions(workspace=mini, out_dir=tmp_path / "o", counties=("330205",), province=False,
                              formats=("xlsx",)))
    assert not result.ok
    assert "E904" in [d.code for d in result.diagnostics.items]
