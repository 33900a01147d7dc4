"""`govopen diff --county CODE` compares the county's resolved catalogs (issue 14 point 7): after 9 local items
were imported into a county profile, it reports 9 added items (the province's items did not change, so a plain
diff still reports none); a version without the county's profile is a D850 and exit 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import MINI, run_cli
from interchange.county_sheets import Row, county_sheet

PROFILE = ('county: {code: "330105", name: 杭州市拱墅区, city: 杭州市}\n'
           "subjects:\n  县级自然资源主管部门: 杭州市规划和自然资源局拱墅分局\n"
           "  县级人民政府: 杭州市拱墅区人民政府\n  乡镇人民政府（街道办事处）: 拱墅区各街道办事处\n")
NAMES = [f"征地信息查询{n}" for n in "一二三四五六七八九"]


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    """old: the mini workspace with a county profile; new: the same after importing 9 local items."""
    old = tmp_path / "old"
    shutil.copytree(MINI, old)
    (old / "standards" / "counties").mkdir()
    (old / "standards" / "counties" / "330105.yaml").write_text(PROFILE, encoding="utf-8")
    new = tmp_path / "new"
    shutil.copytree(old, new)
    rows = [Row("本区特色事项", name, "查询方式", "政府信息公开条例第二十条", "信息形成之日起10个工作日内",
                "杭州市规划和自然资源局拱墅分局", {"政府网站": "■"}, ("√", ""), ("√", ""), ("√", ""))
            for name in NAMES]
    imported = run_cli("import", str(county_sheet(tmp_path / "local.xlsx", rows)), "--county", "330105",
                       "-w", str(new))
    assert imported.exit_code == 0, imported.stdout
    return old, new


def test_county_diff_reports_the_imported_local_items(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    plain = run_cli("diff", str(old), str(new))
    assert plain.exit_code == 0 and "新增 0 个事项" in plain.stdout  # the province's items are unchanged
    result = run_cli("diff", str(old), str(new), "--county", "330105", "-f", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)
    assert payload["county"] == "330105"
    assert payload["summary"] == {"added": 9, "removed": 0, "changed": 0, "field_changes": 0}
    added = [c for c in payload["changes"] if c["kind"] == "added"]
    assert sorted(str(c["name"]) for c in added) == sorted(NAMES)
    table = run_cli("diff", str(old), str(new), "--county", "330105")
    assert table.exit_code == 0 and "新增 9 个事项" in table.stdout


def test_county_diff_sees_a_not_applicable_declaration_as_a_removal(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    profile = new / "standards" / "counties" / "330105.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + "not_applicable:\n  ZDBC-02-02: 本区无此类征地项目\n",
                       encoding="utf-8")
    result = run_cli("diff", str(old), str(new), "--county", "330105", "-f", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    removed = [c["code"] for c in json.loads(result.stdout)["changes"] if c["kind"] == "removed"]
    assert removed == ["ZDBC-02-02"]


def test_a_version_without_the_profile_is_d850_exit_2(tmp_path: Path) -> None:
    old, new = _versions(tmp_path)
    shutil.rmtree(old / "standards" / "counties")
    result = run_cli("diff", str(old), str(new), "--county", "330105")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "D850" in result.stderr and f"版本“{old}”中没有县（市、区）“330105”的配置" in result.stderr
    assert "新增" not in result.stdout  # nothing compared: never "all items added"
    assert "E903" not in result.stderr and "Traceback" not in result.stderr
