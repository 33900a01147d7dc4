"""Stricter checks of system.yaml: a standard number's year is the year of issue (C417); a responsible unit
that is not in the organisation registry gets a did-you-mean (C420)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace

PROJECT = "  - {id: zdbc-01, title: 征地实施管理, group: zdbc, month: 2018-04, units: [省国土资源厅, 试点县(市、区)政府], status: 起草}"


def _system(workspace: Path, old: str, new: str) -> None:
    path = workspace / "standards" / "system.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(workspace: Path, code: str) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.code == code]


def _published(number: str, issued: str) -> str:
    return PROJECT.replace("status: 起草}", f"status: 发布, number: {number}, issued: {issued}, implemented: 2018-06-01}}")


def test_number_year_must_be_the_issue_year(mini: Path) -> None:
    _system(mini, PROJECT, _published("DB33/T 2100—2017", "2018-02-28"))
    (diag,) = _found(mini, "C417")
    assert diag.severity.name == "ERROR"
    assert diag.message() == "标准编号“DB33/T 2100—2017”的年份 2017 与发布日期 2018-02-28 不一致"
    lines = (mini / "standards" / "system.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if "DB33/T 2100—2017" in text)
    assert diag.check_tuple() == ("C417", line, lines[line - 1].index("DB33/T") + 1)


def test_matching_year_is_fine(mini: Path) -> None:
    _system(mini, PROJECT, _published("DB33/T 2100—2018", "2018-02-28"))
    assert _found(mini, "C417") == [] and _found(mini, "C411") == []


def test_malformed_number_is_c411_only(mini: Path) -> None:
    _system(mini, PROJECT, _published("DB33/T 2100-2017", "2018-02-28"))
    assert [d.code for d in _found(mini, "C411") + _found(mini, "C417")] == ["C411"]


def test_unregistered_unit_suggests_the_registered_name(mini: Path) -> None:
    shutil.copy(ROOT / "standards" / "organizations.yaml", mini / "standards" / "organizations.yaml")
    assert _found(mini, "C420") == []
    _system(mini, PROJECT, PROJECT.replace("units: [省国土资源厅,", "units: [省国土资源局,"))
    (diag,) = _found(mini, "C420")
    assert diag.hint() == "是否应为“省国土资源厅”？若不是，在 standards/organizations.yaml 中登记该单位（name 写附件1所印的名称）。"
    assert (diag.hint("en") or "").startswith("did you mean '省国土资源厅'? If not, add it")


def test_unit_unlike_any_registered_one_only_asks_to_register_it(mini: Path) -> None:
    shutil.copy(ROOT / "standards" / "organizations.yaml", mini / "standards" / "organizations.yaml")
    _system(mini, PROJECT, PROJECT.replace("units: [省国土资源厅,", "units: [某某委员会,"))
    (diag,) = _found(mini, "C420")
    assert diag.hint() == "在 standards/organizations.yaml 中登记该单位（name 写附件1所印的名称）。"
