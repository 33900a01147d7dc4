"""Import keeps every cell's information or reports it at its cell (issue 14 point 7): 公开层级 "乡、村级" in a level
mark column is both 乡级 and 村级; a √ under 特定群体 naming no group is a located I851; in a provincial import a
city body (市住房和城乡建设局) is a located I852 and is never declared as a generic subject of the domain."""

from __future__ import annotations

from pathlib import Path

from ruamel.yaml import YAML

from conftest import ROOT
from govopen_std.diagnostics import Diagnostic
from govopen_std.interchange.cell_checks import concrete_body
from govopen_std.interchange.importer import ImportOptions, ImportResult, import_catalog
from interchange.county_sheets import CHANNELS, Row, county_sheet

SHEET = "征地补偿"
# county_sheet's columns: A 序号, B/C 一级/二级事项, D 内容, E 依据, F 时限, G 主体, H.. channels, then 全社会,
# 特定群体, 主动, 依申请, 县级, 乡级; rows start at 4.
AUDIENCE_GROUP = chr(ord("H") + len(CHANNELS) + 1)
LEVEL_TOWN = chr(ord("H") + len(CHANNELS) + 5)


def _row(name: str, *, subject: str = "县级自然资源主管部门", audience: tuple[str, str] = ("√", ""),
         level: tuple[str, str] = ("√", "")) -> Row:
    return Row("征地补偿标准", name, "补偿标准", "《中华人民共和国土地管理法》第四十八条", "标准公布之日起20个工作日内",
               subject, {"政府网站": "■"}, audience, ("√", ""), level)


def _import(mini: Path, tmp_path: Path, rows: list[Row]) -> ImportResult:
    sheet = county_sheet(tmp_path / "sheet.xlsx", rows)
    return import_catalog(ImportOptions(sheet, display="sheet.xlsx", workspace=mini, standard="zdbc-03", dry_run=True))


def _located(result: ImportResult, code: str) -> list[str]:
    found: list[Diagnostic] = [d for d in result.diagnostics.items if d.code == code]
    return [str(d.location) for d in found]


def test_level_text_in_a_mark_column_keeps_every_level(mini: Path, tmp_path: Path) -> None:
    result = _import(mini, tmp_path, [_row("乡村两级", level=("", "乡、村级")), _row("县乡两级", level=("√", "√")),
                                      _row("写错的层级", level=("", "有"))])
    items = {item.name: item for item in result.items["zdbc-03"]}
    assert items["乡村两级"].level == ["乡级", "村级"]  # was ["乡级"]: 村级 lost without a word
    assert items["县乡两级"].level == ["县级", "乡级"]
    assert items["写错的层级"].level == ["乡级"]  # its column, and the text reported at its cell
    assert _located(result, "I850") == [f"sheet.xlsx!{SHEET}!{LEVEL_TOWN}6"]


def test_specific_group_without_a_name_is_a_located_warning(mini: Path, tmp_path: Path) -> None:
    result = _import(mini, tmp_path, [_row("无名群体", audience=("", "√")), _row("有名群体", audience=("", "被征地农民"))])
    items = {item.name: item for item in result.items["zdbc-03"]}
    assert items["有名群体"].audience is not None and items["有名群体"].audience.who == "被征地农民"
    assert _located(result, "I851") == [f"sheet.xlsx!{SHEET}!{AUDIENCE_GROUP}4"]


def test_city_body_is_not_declared_as_a_provincial_subject(mini: Path, tmp_path: Path) -> None:
    result = _import(mini, tmp_path, [_row("城市机关", subject="市住房和城乡建设局"), _row("新通用主体", subject="县级征收实施单位")])
    assert _located(result, "I852") == [f"sheet.xlsx!{SHEET}!G4"]
    declared = [dict(d.params)["subject"] for d in result.diagnostics.items if d.code == "I825"]
    assert declared == ["县级征收实施单位"]  # a generic subject is still declared as before
    preview = next(iter(result.previews.values()))
    subjects = [s["name"] for s in YAML(typ="safe").load(preview).get("subjects", [])]
    assert "市住房和城乡建设局" not in subjects and "县级征收实施单位" in subjects


def test_no_shipped_subject_counts_as_a_concrete_body() -> None:
    names = []
    for path in sorted((ROOT / "standards" / "domains").rglob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        names += [s["name"] for s in (data or {}).get("subjects", []) if isinstance(s, dict) and "name" in s]
    assert names
    assert [n for n in names if concrete_body(n)] == []
    assert all(concrete_body(n) for n in ("市住房和城乡建设局", "杭州市规划和自然资源局拱墅分局", "拱墅区各街道办事处"))
