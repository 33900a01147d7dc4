"""Field labels and hints that help: a field is named as its own model names it (a county's name is not
事项名称), a number where text belongs gets "quote it", a key written both in English and as its Chinese alias
is S206, `deadline: 30` asks for text, and R301 offers the registry id of a law cited by its title."""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Severity
from govopen_std.pipeline import check_workspace

TEXT = "standards/domains/zdbc/zdbc-01.yaml"
COUNTY = """county:
  code: "330105"
  name: 杭州市拱墅区
  city: 杭州市
subjects:
  县级人民政府: 杭州市拱墅区人民政府
  县级自然资源主管部门: 杭州市规划和自然资源局拱墅分局
  乡镇人民政府（街道办事处）: 拱墅区各街道办事处
"""


def _errors(workspace: Path) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.severity == Severity.ERROR]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _county(workspace: Path, text: str) -> None:
    path = workspace / "standards" / "counties" / "330105.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_county_name_is_labelled_as_the_county_names_it(mini: Path) -> None:
    _county(mini, COUNTY.replace("  name: 杭州市拱墅区\n", '  name: ""\n'))
    (diag,) = _errors(mini)
    assert diag.check_tuple() == ("S203", 3, 9)
    assert diag.message() == "“名称（name）”的值无效：不能为空"
    assert "事项名称" not in diag.message()


def test_unquoted_number_code_gets_a_hint_to_quote_it(mini: Path) -> None:
    _county(mini, COUNTY.replace('  code: "330105"\n', "  code: 330105\n"))
    (diag,) = _errors(mini)
    assert diag.check_tuple() == ("S203", 2, 9)
    assert diag.message() == "“行政区划代码（code）”的值无效：应为文本"
    assert diag.hint() == 'YAML 把不带引号的 330105 读成数字；写成文本要加引号，如 "330105"。'
    assert diag.message("en") == "invalid value for 'code': must be text"
    assert "quote it" in (diag.hint("en") or "")


def test_item_fields_keep_their_element_names(mini: Path) -> None:
    _edit(mini / TEXT, "    name: 征收土地预公告\n", "    name: [征收土地预公告]\n")
    (diag,) = _errors(mini)
    assert diag.message().startswith("“事项名称（name）”的值无效")


def test_key_and_its_alias_together_is_s206(mini: Path) -> None:
    _edit(mini / TEXT, "    name: 征收土地预公告\n", "    name: 征收土地预公告\n    事项名称: 另一个名称\n")
    (diag,) = _errors(mini)
    assert diag.check_tuple() == ("S206", 14, 5)
    assert diag.message() == "字段“name”重复出现：也写了别名“事项名称”"
    assert diag.message("en") == "field 'name' is given twice: also as its alias '事项名称'"
    assert diag.hint()


def test_two_chinese_aliases_of_one_field_is_s206(mini: Path) -> None:
    _edit(mini / TEXT, "    channels:\n      required:", "    公开渠道: {required: [政府网站]}\n    公开渠道和载体:\n      required:")
    (diag,) = _errors(mini)
    assert diag.code == "S206"
    assert dict(diag.params) == {"field": "channels", "alias": "公开渠道"}


def test_unknown_key_never_suggests_itself(mini: Path) -> None:
    _edit(mini / TEXT, "    name: 征收土地预公告\n", "    name: 征收土地预公告\n    名称: 另一个名称\n")
    (diag,) = _errors(mini)
    assert diag.code == "S201"
    assert dict(diag.params)["suggestion"] != "名称"


def test_deadline_as_a_number_asks_for_text(mini: Path) -> None:
    _edit(mini / TEXT, "    deadline: 土地现状调查结果确认后5个工作日内\n", "    deadline: 30\n")
    (diag,) = _errors(mini)
    assert diag.message() == "“公开时限（deadline）”的值无效：应为文本"
    assert "公开时限写时限的原文" in (diag.hint() or "")


def test_law_cited_by_its_title_suggests_the_registry_id(mini: Path) -> None:
    _edit(mini / TEXT, "      - {law: land-admin-law, articles: [47]}", "      - {law: 中华人民共和国土地管理法, articles: [47]}")
    _edit(mini / TEXT, "      - {law: land-admin-law-regulation, articles: [26]}\n    subject: 乡镇",
          "      - {law: 《土地管理法实施条例》, articles: [26]}\n    subject: 乡镇")
    found = _errors(mini)
    assert [(d.code, dict(d.params)["suggestion"]) for d in found] == [
        ("R301", "land-admin-law"), ("R301", "land-admin-law-regulation")]
    assert found[0].hint() == "是否应为“land-admin-law”？"
