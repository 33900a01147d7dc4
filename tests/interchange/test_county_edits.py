"""`govopen import --county` of the county's own exported sheet (QA #13): edits of provincial rows become
本县细化 when they are stricter, and are located errors (file.xlsx!Sheet!C12, exit 1) when they are weaker or
cannot be compared; unchanged rows are one summary line; usage problems stop early with exit 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import run_cli
from govopen_std.interchange.columns import EXPORT_COLUMNS
from govopen_std.interchange.exporter import ExportOptions, export_catalog
from helpers.county import PROFILE, write_profile

SHEET = "公开事项目录"
Edit = Callable[[str, str, str], str]  # (code, column, new text) -> the cell reference


def column(name: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(EXPORT_COLUMNS.index(name) + 1)


@pytest.fixture
def county(mini: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The mini workspace with the 330105 profile, and that county's catalog exported as XLSX."""
    write_profile(mini, PROFILE)
    exported = export_catalog(ExportOptions(workspace=mini, out_dir=tmp_path / "out", county="330105",
                                            formats=("xlsx",)))
    assert exported.ok, [d.message() for d in exported.diagnostics.sorted()]
    return mini, exported.written[0]


def edit_sheet(path: Path, edits: list[tuple[str, str, str]]) -> list[str]:
    """Change cells of the rows with the given codes; returns the cell references, in order."""
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book[SHEET]
    code_column = column("事项编码")
    rows = {sheet[f"{code_column}{r}"].value: r for r in range(2, sheet.max_row + 1)}
    refs = []
    for code, name, text in edits:
        ref = f"{column(name)}{rows[code]}"
        sheet[ref] = text
        refs.append(ref)
    book.save(path)
    return refs


def profile_of(workspace: Path) -> dict[str, object]:
    data = YAML(typ="safe").load((workspace / "standards/counties/330105.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_an_unchanged_export_imports_to_the_same_profile_and_one_summary_line(county: tuple[Path, Path]) -> None:
    workspace, sheet = county
    before = (workspace / "standards/counties/330105.yaml").read_text(encoding="utf-8")
    result = run_cli("import", str(sheet), "--county", "330105", "-w", str(workspace))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("I826") == 1
    assert "跳过 3 个与本县目录相同的行（省级 1、本县细化 1、不适用 1）" in result.stdout
    assert (workspace / "standards/counties/330105.yaml").read_text(encoding="utf-8") == before


def test_stricter_edits_of_a_provincial_row_become_an_amendment(county: tuple[Path, Path]) -> None:
    workspace, sheet = county
    edit_sheet(sheet, [
        ("ZDBC-02-01", "公开时限", "征收土地预公告时间不少于15个工作日"),  # a longer notice period
        ("ZDBC-02-01", "公开渠道和载体", "■社区/企事业单位/村公示栏（电子屏） ■政府网站 ■两微一端"),  # □ made ■
        ("ZDBC-02-01", "公开内容", "1.征收范围\n2.征收目的\n3.开展土地现状调查的安排\n4.预公告张贴的照片"),
        ("ZDBC-02-01", "公开方式", "主动"),
    ])
    result = run_cli("import", str(sheet), "--county", "330105", "-w", str(workspace))
    assert result.exit_code == 0, result.stdout
    assert f"{sheet.as_posix()}!{SHEET}!A" in result.stdout and "I832" in result.stdout
    assert "省级事项“ZDBC-02-01”的修改已写为本县细化（公开时限、公开内容、公开渠道和载体）" in result.stdout
    amend = profile_of(workspace)["amend"]
    assert isinstance(amend, dict)
    assert amend["ZDBC-02-01"] == {"deadline": "征收土地预公告时间不少于15个工作日", "content": ["预公告张贴的照片"],
                                   "channels": {"required": ["两微一端"]}}
    assert "ZDBC-01-01" in amend  # the other amendment is untouched
    assert run_cli("check", "-w", str(workspace)).exit_code == 0
    again = run_cli("export", "-w", str(workspace), "--county", "330105", "-f", "json", "-o", str(sheet.parent / "again"))
    assert again.exit_code == 0, again.stdout
    import json

    rows = json.loads((sheet.parent / "again" / "catalog-330105.json").read_text(encoding="utf-8"))["rows"]
    row = next(r for r in rows if r["事项编码"] == "ZDBC-02-01")
    assert (row["来源"], row["公开时限"]) == ("本县细化", "征收土地预公告时间不少于15个工作日")


def test_weaker_or_incomparable_edits_are_errors_at_their_cells(county: tuple[Path, Path]) -> None:
    workspace, sheet = county
    before = (workspace / "standards/counties/330105.yaml").read_text(encoding="utf-8")
    refs = edit_sheet(sheet, [
        ("ZDBC-02-01", "公开时限", "征收土地预公告时间不少于5个工作日"),  # a shorter notice period: weaker
        ("ZDBC-02-01", "公开渠道和载体", "■社区/企事业单位/村公示栏（电子屏） □两微一端"),  # 政府网站 dropped
        ("ZDBC-02-01", "公开主体", "拱墅区各街道办事处"),  # not something an amendment can change
        ("ZDBC-01-01", "公开时限", "信息形成或者变更之日起10日内"),  # calendar days against working days
        ("ZDBC-02-02", "公开时限", "及时公开"),  # a row the county does not apply
        ("ZDBC-02-01", "公开依据", "《中华人民共和国土地管理法》第四十七条\n《中华人民共和国土地管理法实施条例》第二十六条\n"
                                  "《某某办法》第三条"),  # a law the registry lacks: added, but not written
    ])
    result = run_cli("import", str(sheet), "--county", "330105", "-w", str(workspace))
    assert result.exit_code == 1, result.stdout
    at = f"{sheet.as_posix()}!{SHEET}!"
    assert f"{at}{refs[0]}: 错误 I829 省级事项“ZDBC-02-01”的公开时限改为“征收土地预公告时间不少于5个工作日”" in result.stdout
    assert f"{at}{refs[1]}: 错误 I829 省级事项“ZDBC-02-01”的公开渠道和载体" in result.stdout
    assert f"{at}{refs[2]}: 错误 I831 县级不能修改省级事项“ZDBC-02-01”的公开主体" in result.stdout
    assert f"{at}{refs[3]}: 错误 I830 省级事项“ZDBC-01-01”的公开时限“信息形成或者变更之日起10日内”" in result.stdout
    assert "警告 I836 事项“ZDBC-02-02”在本县标注为不适用" in result.stdout
    assert f"{at}{refs[5]}: 错误 I806 公开依据“某某办法”不在法规库中" in result.stdout
    assert "县级只能细化，此修改未导入" in result.stdout and "提示：" in result.stdout
    # nothing weaker reached the profile; the county's own amendment of ZDBC-01-01 is kept as it was
    assert (workspace / "standards/counties/330105.yaml").read_text(encoding="utf-8") == before


def test_a_rejected_cell_keeps_the_amendment_and_a_stricter_cell_of_the_same_row_is_written(
        county: tuple[Path, Path]) -> None:
    workspace, sheet = county
    refs = edit_sheet(sheet, [
        ("ZDBC-01-01", "公开时限", "信息形成或者变更之日起30个工作日内"),  # weaker than the province's 20
        ("ZDBC-01-01", "公开层级", "县级、乡级"),  # a level added
    ])
    result = run_cli("import", str(sheet), "--county", "330105", "-w", str(workspace))
    assert result.exit_code == 1
    assert f"{SHEET}!{refs[0]}: 错误 I829" in result.stdout
    amend = profile_of(workspace)["amend"]
    assert isinstance(amend, dict)
    assert amend["ZDBC-01-01"]["deadline"] == "信息形成或者变更之日起10个工作日内"  # as before
    assert amend["ZDBC-01-01"]["level"] == ["乡级"]


@pytest.mark.parametrize(("name", "in_workspace", "code", "message"), [
    ("missing.xlsx", True, "I835", "找不到要导入的文件"),
    ("old.xls", True, "I834", "请用 Excel 或 WPS 另存为 .xlsx 后再导入"),
    ("catalog.txt", True, "I802", "不支持的文件类型"),
    ("county.xlsx", False, "I820", "当前目录不是工作区"),  # run outside any workspace, without --dry-run
])
def test_usage_problems_exit_2_early_with_one_message(mini: Path, tmp_path: Path, name: str, in_workspace: bool,
                                                      code: str, message: str) -> None:
    from county_sheets import county_sheet

    county_sheet(tmp_path / "county.xlsx")
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")  # the start of an OLE2 (BIFF) workbook
    (tmp_path / "catalog.txt").write_text("x", encoding="utf-8")
    where = ["-s", "zdbc-03"] + (["-w", str(mini)] if in_workspace else [])
    result = run_cli("import", str(tmp_path / name), *where, cwd=tmp_path)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert code in result.stderr and message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 2  # the message and its hint, no flood of hints


def test_repeated_free_text_deadlines_are_one_summary_line(mini: Path, tmp_path: Path) -> None:
    path = tmp_path / "free.csv"
    rows = "".join(f"征地信息查询{i},,查询方式,政府信息公开条例第二十条,{text},县级人民政府,■政府网站,全社会,主动,县级\n"
                   for i, text in enumerate(["按规定公开", "随时更新", "定期公开"]))
    path.write_text("一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n"
                    + rows, encoding="utf-8")
    result = run_cli("import", str(path), "-s", "zdbc-03", "-w", str(mini), "--dry-run")
    assert result.exit_code == 0, result.stdout
    assert "I812" not in result.stdout and result.stdout.count("I833") == 1
    assert "2 个公开时限无法解析为结构化形式，按原文保留（E2、E4）" in result.stdout  # 随时更新 parses (timely)
