"""GB/T 1.1—2020 structure rules of `govopen check` (issue 15): the shipped sources pass them, each rule
reads the sentence as a standards editor would (a reference into another document is not this document's,
a note is not a requirement), and every message has its English text. The located failures are in the
bad-input corpus (tests/cases/bad-input, C470–C480)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import MINI, ROOT
from govopen_std.check.structure_rules import ANNEX_REF, CLAUSE_REF, TABLE_REF, _required_titles
from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace

CODES = ("C470", "C471", "C472", "C473", "C474", "C475", "C476", "C477", "C478", "C480")
TEXT = "standards/domains/zdbc/zdbc-01.yaml"


def test_shipped_sources_pass_the_structure_rules() -> None:
    result = check_workspace(ROOT)
    found = [f"{d.code} {d.location} {d.message()}" for d in result.diagnostics.sorted() if d.code in CODES]
    assert found == []
    assert result.sources.texts  # the rules did see the 73 texts


def test_references_into_another_document_are_left_to_it() -> None:
    assert ANNEX_REF.findall("按附录A编制") == ["A"]
    assert ANNEX_REF.findall("按《征地补偿公开规范》附录A编制") == []
    assert ANNEX_REF.findall("公开规范和各分标准附录A所列事项") == []
    assert TABLE_REF.findall("应符合表A.2的规定") == ["A.2"]
    assert CLAUSE_REF.findall("按5.2的规定；见A.1.3") == ["5.2", "A.1.3"]
    assert CLAUSE_REF.findall("按照GB/T 7027—2002") == []


def test_only_requirements_need_a_normative_reference() -> None:
    assert list(_required_titles("编码应符合《基层政务信息分类与编码规范》的规定。")) == ["基层政务信息分类与编码规范"]
    assert list(_required_titles("规范：分类编码符合《基层政务信息分类与编码规范》；")) == ["基层政务信息分类与编码规范"]
    # a statement, not a requirement: the sub-standards list the items too
    assert list(_required_titles("各子领域的公开事项同时列入《供水管理》分标准的附录A。")) == []


def _check_text(tmp_path: Path, clauses: str) -> list[Diagnostic]:
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    path = ws / TEXT
    original = path.read_text(encoding="utf-8")
    head = original[:original.index("clauses:")]
    path.write_text(head + clauses + original[original.index("items:"):], encoding="utf-8")
    return [d for d in check_workspace(ws).diagnostics.sorted() if d.code in CODES]


def test_a_note_or_an_example_is_not_a_requirement(tmp_path: Path) -> None:
    found = _check_text(tmp_path, "clauses:\n  - title: 预公告\n    body:\n      - 预公告应及时发布。\n"
                                  "      - {note: 编码见《基层政务信息分类与编码规范》，应按其执行。}\n")
    assert found == []


def test_a_listed_sibling_satisfies_the_rule(tmp_path: Path) -> None:
    clauses = "clauses:\n  - title: 预公告\n    body:\n      - 编码应符合《基层政务信息分类与编码规范》的规定。\n"
    assert [d.code for d in _check_text(tmp_path / "a", clauses)] == ["C470"]
    listed = ("normative_references:\n  - {number: DB33/T XXXX, title: 基层政务信息分类与编码规范}\n" + clauses)
    assert _check_text(tmp_path / "b", listed) == []


def test_every_reference_kind_in_one_text_is_reported_once_each(tmp_path: Path) -> None:
    found = _check_text(tmp_path, "clauses:\n  - title: 预公告\n    body:\n"
                                  "      - 格式见附录C，内容见表4，流程见图2，程序按7.3的规定，另见第9章。\n")
    assert sorted(d.code for d in found) == ["C472", "C473", "C474", "C475", "C475"]
    assert all(d.location is not None and d.location.line == 9 for d in found)


def test_messages_have_english_and_hints() -> None:
    params = {"id": "zdbc-01", "title": "原则", "count": 2, "number": "DB33/T XXXX", "ref": "附录B", "known": "A",
              "first": "甲", "table": "表B.1", "body": "表1", "column": "事项编码", "element": "DE01"}
    for code in CODES:
        d = Diagnostic.make(code, None, **params)
        assert d.message("zh") and d.message("en") and d.message("en") != d.message("zh")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in d.message("en").replace("原则", "").replace(
            "甲", "").replace("事项编码", "").replace("附录B", "").replace("表B.1", "").replace("表1", "")), code
    assert Diagnostic.make("C476", None, **params).hint("zh")


DOMAIN_SPEC = """id: cqaz-00
scope:
  - 本文件规定了房屋征收信息公开的要求。
clauses:
  - title: 公开程序
    body:
      - 房屋征收信息公开的一般流程见附录{letter}。
annexes:
  - title: 房屋征收信息公开流程
    normative: false
    body:
      - 信息形成后依次审查、发布、归档。
"""
DOMAIN_ITEM = (MINI / "standards/domains/zdbc/zdbc-00.yaml").read_text(encoding="utf-8")


def test_a_domain_specification_letters_its_annexes_after_the_domain_catalog(tmp_path: Path) -> None:
    """<d>-00 prints its domain's whole catalog as 附录A even without items of its own (view.builder), so its
    first own annex is 附录B — as in szfw-00."""
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    folder = ws / "standards/domains/cqaz"
    folder.mkdir(parents=True)
    item = DOMAIN_ITEM[DOMAIN_ITEM.index("items:"):].replace("ZDBC-01-01", "CQAZ-01-01")
    (folder / "cqaz-01.yaml").write_text("id: cqaz-01\nscope:\n  - 本文件规定了房屋征收决定的公开。\n"
                                         "subjects:\n  - {name: 县级自然资源主管部门}\n" + item, encoding="utf-8")

    def c472(letter: str) -> list[str]:
        (folder / "cqaz-00.yaml").write_text(DOMAIN_SPEC.format(letter=letter), encoding="utf-8")
        return [str(d.location) for d in check_workspace(ws).diagnostics.sorted() if d.code == "C472"]

    assert c472("B") == []
    assert c472("C") == ["standards/domains/cqaz/cqaz-00.yaml:7:9"]
