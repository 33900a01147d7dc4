"""`govopen import`: county sheets (merged cells, two header rows, ■/□ channel columns) to YAML that
passes `govopen check`, and every unmappable cell reported at `file.xlsx!Sheet!C12`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from county_sheets import GOOD_ROWS, Row, county_sheet
from ruamel.yaml import YAML

from conftest import MINI, run_cli
from govopen_std.interchange.importer import ImportOptions, import_catalog
from govopen_std.model.item import Item

TEXT = "standards/domains/zdbc/zdbc-03.yaml"
VOCABULARY = YAML(typ="safe").load((MINI / "standards/vocabulary.yaml").read_text(encoding="utf-8"))
BOARD = next(c["name"] for c in VOCABULARY["channels"] if c["name"].startswith("社区/"))  # as the vocabulary spells it


def items_of(workspace: Path, rel: str = TEXT) -> dict[str, Item]:
    data = YAML(typ="safe").load((workspace / rel).read_text(encoding="utf-8"))
    return {entry["code"]: Item.model_validate(entry) for entry in data["items"]}


def test_county_sheet_imports_to_yaml_that_passes_check(mini: Path, tmp_path: Path) -> None:
    sheet = county_sheet(tmp_path / "county.xlsx")
    result = run_cli("import", str(sheet), "--standard", "zdbc-03", "-w", str(mini))
    assert result.exit_code == 0, result.stdout + result.stderr
    # no errors; the national sheet has no 五公开 column, so each item lacks that recommended element (C414)
    assert "还需修改 3 处（错误 0 个，警告 3 个）。" in result.stdout
    check = run_cli("check", "-w", str(mini), "--format", "json")
    assert check.exit_code == 0, check.stdout
    left = [d for d in json.loads(check.stdout)["diagnostics"] if d["path"] == TEXT]
    assert [d["code"] for d in left] == ["C414"] * 3 and all("五公开" in d["message"] for d in left)

    items = items_of(mini)
    # mini already uses primaries 01 (zdbc-00) and 02 (zdbc-01): new 一级事项 get 03 and 04
    assert list(items) == ["ZDBC-03-01", "ZDBC-03-02", "ZDBC-04-01"]
    first, second, third = items.values()
    # 一级事项 merged over two rows applies to both
    assert first.category == ["征地补偿标准", "征地区片综合地价"]
    assert second.category == ["征地补偿标准", "地上附着物和青苗补偿标准"]
    assert [(e.text, e.required) for e in first.content] == [
        ("区片综合地价标准", True), ("区片划分范围图", True), ("调整情况说明", False)]
    assert [e.text for e in second.content] == ["地上附着物补偿标准", "青苗补偿标准"]  # inline 1、2、
    # laws with and without 《》, several per cell, Chinese article numbers, a version note
    assert [(c.law, c.articles) for c in first.basis] == [("land-admin-law", [48, 49]),
                                                         ("land-admin-law-regulation", [32])]
    assert [(c.law, c.articles) for c in second.basis] == [("land-admin-law", [48]),
                                                          ("gov-info-disclosure-reg", [20])]
    # ■/□ channel columns; the sheet's brackets may be full- or half-width, the YAML spells it as the vocabulary
    assert first.channels.required == ["政府网站", "征地信息公开平台"]
    assert first.channels.optional == ["两微一端"]
    assert second.channels.required == ["政府网站", BOARD]
    # √ columns for 公开对象 / 公开方式 / 公开层级; a group written in the 特定群体 column
    assert first.audience is not None and first.audience.kind == "全社会"
    assert third.audience is not None and (third.audience.kind, third.audience.who) == ("特定群体", "被征地农村集体经济组织成员")
    assert (first.method, first.level, second.level, third.level) == ("主动", ["县级"], ["县级", "乡级"], ["乡级"])
    # half-width brackets matched to the declared subject; several subjects in one cell
    assert third.subject == ["乡镇人民政府（街道办事处）"]
    assert second.subject == ["县级人民政府", "县级自然资源主管部门"]
    # free-text deadlines kept; full-width digits and stray spaces tidied
    assert second.deadline is not None and second.deadline.text == "补偿标准调整后及时公开"
    assert third.deadline is not None and third.deadline.text == "支付完成之日起20个工作日内"
    assert third.deadline.days == 20


BAD_ROWS = [
    Row("征地补偿标准", "征地区片综合地价", "区片综合地价标准",
        "《中华人民共和国土地管理法》第四十八条；浙江省征地补偿办法第五条",
        "标准公布之日起20个工作日内", "县级自然资源主管部门", {"政府网站": "■"}, ("√", ""), ("√", ""), ("√", "")),
    Row("征地补偿标准", "征地补偿费用", "补偿费用标准", "土地管理法第四十八条", "", "县级自然资源主管部门",
        {"政府网站": "■", "村务微信群": "■"}, ("√", ""), ("√", ""), ("√", "")),
    Row("征地补偿实施", "补偿款发放", "发放名单", "土地管理法第四十八条", "发放之日起5个工作日内", "县自然资源局",
        {"政府网站": "■"}, ("√", ""), ("√", ""), ("√", "")),
]


def test_unmappable_cells_are_diagnostics_at_their_cells(mini: Path, tmp_path: Path) -> None:
    sheet = county_sheet(tmp_path / "county.xlsx", BAD_ROWS, channels=["政府网站", "村务微信群"])
    result = run_cli("import", str(sheet), "-s", "zdbc-03", "-w", str(mini), "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    found = {(d["code"], d["path"]) for d in payload["diagnostics"]}
    where = f"{sheet.as_posix()}!征地补偿"
    # row 4 is the first data row: E = 公开依据, F = 公开时限, G = 公开主体, I = the 村务微信群 column
    assert ("I806", f"{where}!E4") in found
    assert ("I805", f"{where}!F5") in found
    assert ("I808", f"{where}!I5") in found
    assert ("I809", f"{where}!G6") in found
    assert all(d["line"] is None for d in payload["diagnostics"])
    assert payload["unmatched_laws"] == {"浙江省征地补偿办法": [f"{where}!E4"]}
    # the YAML is written anyway, and `check` says exactly what is left to fix in it
    left = {(d["code"], d["path"]) for d in payload["after_check"]}
    assert left == {("R301", TEXT), ("C401", TEXT), ("R302", TEXT), ("R303", TEXT), ("C414", TEXT)}
    assert payload["summary"]["ok"] is False


def test_text_output_lists_what_is_left(mini: Path, tmp_path: Path) -> None:
    sheet = county_sheet(tmp_path / "county.xlsx", BAD_ROWS[:1])
    result = run_cli("import", str(sheet), "-s", "zdbc-03", "-w", str(mini))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{sheet.as_posix()}!征地补偿!E4: 错误 I806 公开依据“浙江省征地补偿办法”不在法规库中" in lines
    assert "法规库中没有的法规（1）：" in lines
    assert any(line.startswith(f"{TEXT}:") and " R301 " in line for line in lines)
    assert "还需修改 2 处（错误 1 个，警告 1 个）。" in lines  # the warning: C414, the sheet has no 五公开


def test_csv_in_gb18030_with_one_header_row_and_text_cells(mini: Path, tmp_path: Path) -> None:
    header = "序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级,五公开\n"
    row = ('1,征地批后实施,征收土地公告,"1.征收范围；2.征收时间；3.救济途径",'
           '"土地管理法第四十七条、第四十八条、政府信息公开条例第二十条",'
           "收到批准文件之日起15个工作日内,县级人民政府,■政府网站 □两微一端 ■公示栏,"
           "特定群体：被征地村民,主动公开,县、乡镇,执行公开\n")
    path = tmp_path / "county.csv"
    path.write_bytes((header + row).encode("gb18030"))
    result = import_catalog(ImportOptions(path, display="county.csv", workspace=mini, standard="zdbc-03",
                                          dry_run=True))
    assert [d.code for d in result.diagnostics.sorted()] == ["I824"]  # read as GB18030, nothing else
    (item,) = result.items["zdbc-03"]
    assert [e.text for e in item.content] == ["征收范围", "征收时间", "救济途径"]
    assert [(c.law, c.articles) for c in item.basis] == [("land-admin-law", [47, 48]),
                                                         ("gov-info-disclosure-reg", [20])]
    assert item.channels.required == ["政府网站", BOARD]
    assert item.channels.optional == ["两微一端"]
    assert item.audience is not None and item.audience.who == "被征地村民"
    assert (item.method, item.level, item.openness) == ("主动", ["县级", "乡级"], "执行")
    assert not (mini / TEXT).exists()  # --dry-run writes nothing


def test_sheet_codes_are_kept_when_valid_and_replaced_otherwise(mini: Path, tmp_path: Path) -> None:
    header = "事项编码,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开方式\n"
    rows = [
        "ZDBC-10-01,征地补偿标准,区片综合地价,地价标准,土地管理法,调整之日起20个工作日内,县级人民政府,主动\n",
        "ZDBC-02-01,征地补偿标准,青苗补偿,补偿标准,土地管理法,调整之日起20个工作日内,县级人民政府,主动\n",
        "zdbc 5,征地前期准备,拟征收土地告知,告知内容,土地管理法,告知之日起5个工作日内,县级人民政府,主动\n",
    ]
    path = tmp_path / "codes.csv"
    path.write_text(header + "".join(rows), encoding="utf-8")
    result = import_catalog(ImportOptions(path, display="codes.csv", workspace=mini, standard="zdbc-03",
                                          dry_run=True))
    codes = [item.code for item in result.items["zdbc-03"]]
    # kept; taken by zdbc-01 so renumbered under the same 一级事项; malformed, and 征地前期准备 is 02 in zdbc-01
    assert codes == ["ZDBC-10-01", "ZDBC-10-02", "ZDBC-02-03"]
    assert sorted((d.code, str(d.location)) for d in result.diagnostics.sorted() if d.code == "I813") == [
        ("I813", "codes.csv!A3"), ("I813", "codes.csv!A4")]


def test_county_import_writes_local_additions(mini: Path, tmp_path: Path) -> None:
    profile = mini / "standards" / "counties" / "330105.yaml"
    profile.parent.mkdir(parents=True)
    profile.write_text('county: {code: "330105", name: 杭州市拱墅区, city: 杭州市}\n'
                       "subjects:\n  县级自然资源主管部门: 杭州市规划和自然资源局拱墅分局\n"
                       "  县级人民政府: 杭州市拱墅区人民政府\n  乡镇人民政府（街道办事处）: 拱墅区各街道办事处\n",
                       encoding="utf-8")
    rows = [GOOD_ROWS[0], Row("本区特色事项", "征地信息查询", "查询方式", "政府信息公开条例第二十条",
                              "信息形成之日起10个工作日内", "杭州市规划和自然资源局拱墅分局", {"政府网站": "■"},
                              ("√", ""), ("√", ""), ("√", ""))]
    sheet = county_sheet(tmp_path / "local.xlsx", rows)
    result = run_cli("import", str(sheet), "--county", "330105", "-w", str(mini))
    assert result.exit_code == 0, result.stdout
    data = YAML(typ="safe").load(profile.read_text(encoding="utf-8"))
    assert [entry["code"] for entry in data["add"]] == ["ZDBC-90-01", "ZDBC-91-01"]  # the local range of gen-02
    # a local body in the sheet is written as the generic subject the profile maps to it
    assert data["add"][1]["subject"] == "县级自然资源主管部门"
    assert data["county"]["name"] == "杭州市拱墅区"  # the rest of the profile is kept
    assert run_cli("check", "-w", str(mini)).exit_code == 0


def test_county_without_profile_is_told_to_init(mini: Path, tmp_path: Path) -> None:
    sheet = county_sheet(tmp_path / "local.xlsx")
    result = run_cli("import", str(sheet), "--county", "330999", "-w", str(mini))
    assert result.exit_code == 2  # a county without a profile is a usage error in every command (issue 14)
    assert "I819" in result.stdout and "govopen init --county 330999" in result.stdout


@pytest.mark.parametrize(("name", "args", "code"), [  # a missing file or an unsupported type: exit 2 (test_county_edits)
    ("county.xlsx", ["-s", "gen-02"], "I827"),
    ("county.xlsx", ["-s", "zdbc-99"], "I816"),
    ("county.xlsx", [], "I815"),
])
def test_usage_problems(mini: Path, tmp_path: Path, name: str, args: list[str], code: str) -> None:
    county_sheet(tmp_path / "county.xlsx")
    result = run_cli("import", str(tmp_path / name), *args, "-w", str(mini), "--format", "json")
    assert result.exit_code == 1
    assert code in {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "Traceback" not in result.stderr


def test_a_sheet_without_header_is_reported(mini: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    county_sheet(tmp_path / "c.xlsx")
    book = load_workbook(tmp_path / "c.xlsx")
    book.create_sheet("说明").append(["本工作簿的填写说明"])
    book.save(tmp_path / "two.xlsx")
    result = import_catalog(ImportOptions(tmp_path / "two.xlsx", display="two.xlsx", workspace=mini,
                                          standard="zdbc-03", dry_run=True))
    assert ("I803", "two.xlsx!说明") in {(d.code, str(d.location)) for d in result.diagnostics.sorted()}
    assert len(result.items["zdbc-03"]) == 3  # the catalog sheet is still read


def test_dash_marks_an_empty_cell(mini: Path, tmp_path: Path) -> None:
    """The national catalog writes — in an empty cell (as `govopen build`'s catalog.xlsx does)."""
    path = tmp_path / "dash.csv"
    path.write_text("序号,一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n"
                    "1,征地信息查询,—,查询方式,政府信息公开条例第二十条,及时公开,县级人民政府,■政府网站,—,主动,—\n",
                    encoding="utf-8")
    result = import_catalog(ImportOptions(path, workspace=mini, standard="zdbc-03", dry_run=True))
    (item,) = result.items["zdbc-03"]
    assert (item.category, item.name, item.audience, item.level) == (["征地信息查询"], "征地信息查询", None, [])


def test_new_domain_text_declares_its_subjects(mini: Path, tmp_path: Path) -> None:
    """Subjects a domain does not declare yet (and that are no near miss of one it does) are declared in the text."""
    path = tmp_path / "fpjz.csv"
    path.write_text("一级事项,二级事项,子领域,公开内容,公开依据,公开时限,公开主体,公开方式,公开渠道和载体\n"
                    "扶贫对象,扶贫对象名单,扶贫,对象名单,政府信息公开条例第二十条,公示期不少于7日,"
                    "县级农业农村主管部门、乡镇人民政府（街道办事处）,主动,■社区/企事业单位/村公示栏（电子屏）\n",
                    encoding="utf-8")
    result = run_cli("import", str(path), "-s", "fpjz-01", "-w", str(mini))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("I825") == 2
    data = YAML(typ="safe").load((mini / "standards/domains/fpjz/fpjz-01.yaml").read_text(encoding="utf-8"))
    assert data["subjects"] == [{"name": "县级农业农村主管部门"}, {"name": "乡镇人民政府（街道办事处）"}]
    assert data["items"][0]["code"] == "FPJZ-01-01" and data["items"][0]["area"] == "扶贫"
    assert run_cli("check", "-w", str(mini)).exit_code == 0


@pytest.mark.parametrize("existing", ["zdbc-03.yml", "征地补偿标准.yaml"])
def test_a_text_already_in_another_file_is_not_written_twice(mini: Path, tmp_path: Path, existing: str) -> None:
    """discover reads *.yml like *.yaml and texts by their id: a second file would give zdbc-03 two sources."""
    sheet = county_sheet(tmp_path / "county.xlsx")
    assert run_cli("import", str(sheet), "-s", "zdbc-03", "-w", str(mini)).exit_code == 0
    written = mini / TEXT
    other = written.with_name(existing)
    written.rename(other)
    before = other.read_bytes()
    for dry_run in (["--dry-run"], []):
        result = run_cli("import", str(sheet), "-s", "zdbc-03", "-w", str(mini), *dry_run)
        assert result.exit_code == 1, result.stdout + result.stderr
        shown = other.relative_to(mini).as_posix()
        assert f"{shown}: 错误 I838 标准“zdbc-03”已由 {shown} 定义，未写入 {TEXT}" in result.stdout
        assert f"把 {shown} 改名为 zdbc-03.yaml 或删去后再导入" in result.stdout
        assert not written.exists() and other.read_bytes() == before
