"""One broken file gives its own error, not a flood: county rules that would look names up in the broken part
(O504, O506, O508) stay silent, no "did you mean" points at a wrong item, and a text that exists but could not
be read gets no C408 "no text yet" besides its own error."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from govopen_std.diagnostics import Diagnostic, Severity
from govopen_std.pipeline import check_workspace

COUNTY = ROOT / "tests" / "fixtures" / "county" / "330105.yaml"
TEXT = "standards/domains/zdbc/zdbc-01.yaml"


def _with_county(workspace: Path) -> Path:
    target = workspace / "standards" / "counties" / "330105.yaml"
    target.parent.mkdir()
    shutil.copy(COUNTY, target)
    return target


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(workspace: Path, at_least: Severity = Severity.INFO) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.severity >= at_least]


def test_month_13_in_system_yaml_is_the_only_finding(mini: Path) -> None:
    _with_county(mini)
    system = mini / "standards" / "system.yaml"
    _edit(system, "month: 2018-04, units: [省国土资源厅, 试点县(市、区)政府], status: 起草}",
          "month: 2017-13, units: [省国土资源厅, 试点县(市、区)政府], status: 起草}")
    found = _found(mini)
    assert [(d.code, d.location.path if d.location else None) for d in found] == [("S203", "standards/system.yaml")], \
        [f"{d.location} {d.code} {d.message()}" for d in found]


def test_missing_system_yaml_is_the_only_error(mini: Path) -> None:
    _with_county(mini)
    (mini / "standards" / "system.yaml").unlink()
    found = _found(mini, Severity.ERROR)
    assert [d.code for d in found] == ["Y108"], [f"{d.location} {d.code} {d.message()}" for d in found]
    assert found[0].message() == "无法读取文件：文件不存在"
    assert found[0].message("en") == "cannot read file: No such file or directory"


def test_broken_base_item_gives_no_o508_in_county_files(mini: Path) -> None:
    county = _with_county(mini)  # it marks ZDBC-02-02 (in zdbc-01.yaml) not applicable
    _edit(mini / TEXT, "    deadline: 土地现状调查结果确认后5个工作日内\n", "    deadline: 30\n")
    errors = _found(mini, Severity.ERROR)
    assert [d.code for d in errors] == ["S203"], [f"{d.location} {d.code} {d.message()}" for d in errors]
    assert errors[0].location is not None and errors[0].location.path == TEXT
    assert not [d for d in _found(mini) if d.location and d.location.path == county.relative_to(mini).as_posix()]


def test_unknown_code_still_reported_when_its_domain_is_intact(mini: Path) -> None:
    county = _with_county(mini)
    _edit(county, "  ZDBC-02-02: 本区", "  ZDBC-02-09: 本区")
    assert [d.code for d in _found(mini, Severity.ERROR)] == ["O508"]


def test_yaml_error_in_a_text_gives_no_c408(mini: Path) -> None:
    _with_county(mini)
    _edit(mini / TEXT, "    name: 征收土地预公告\n", "    name: [征收土地预公告\n")
    found = _found(mini)
    assert not [d for d in found if d.code == "C408" and dict(d.params)["id"] == "zdbc-01"]
    errors = [d for d in found if d.severity == Severity.ERROR]
    assert [d.code for d in errors] == ["Y101"], [f"{d.location} {d.code} {d.message()}" for d in errors]


def test_code_with_full_width_digit_is_never_suggested(mini: Path) -> None:
    county = _with_county(mini)
    _edit(mini / TEXT, "  - code: ZDBC-02-02\n", "  - code: ZDBC-0２-02\n")
    _edit(county, "  ZDBC-02-02: 本区", "  ZDBC-02-03: 本区")
    found = _found(mini, Severity.ERROR)
    assert [d.code for d in found] == ["C406"], [f"{d.location} {d.code} {d.message()} {d.hint()}" for d in found]
    assert not any("０" in (d.hint() or "") or "２" in (d.hint() or "") for d in found)
