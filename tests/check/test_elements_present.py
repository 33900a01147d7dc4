"""Required and recommended catalog elements (gen-03 `catalog_rules`): a blank element is as missing as an
absent one (C401, and not counted complete), a missing recommended element is C414, and the channel 其他
must name the channel (其他：<名称>; a bare 其他 is C416)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace
from govopen_std.report.completeness import completeness_rows

TEXT = "standards/domains/zdbc/zdbc-01.yaml"


def _edit(workspace: Path, old: str, new: str) -> Path:
    path = workspace / TEXT
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_col(path: Path, needle: str) -> tuple[int, int]:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i, line.index(needle) + 1
    raise AssertionError(needle)


def _diags(workspace: Path, *codes: str) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.code in codes]


BLANK = [  # (what the line says, what it is changed to, the text the value starts with after the change)
    ("    deadline: 土地现状调查结果确认后5个工作日内\n", '    deadline: ""\n', '""'),
    ("    deadline: 土地现状调查结果确认后5个工作日内\n", '    deadline: "   "\n', '"   "'),
    ("    subject: 乡镇人民政府（街道办事处）\n", '    subject: [乡镇人民政府（街道办事处）, ""]\n', '""]'),
    ("      - 农村村民住宅、其他地上附着物和青苗等的权属、种类、数量\n", '      - "  "\n', '"  "'),
    ("    method: 主动\n    channels: {required: [社区", '    method: ""\n    channels: {required: [社区', '""'),
]


@pytest.mark.parametrize(("old", "new", "value"), BLANK, ids=["deadline-empty", "deadline-spaces", "subject-entry",
                                                             "content-element", "method-empty"])
def test_blank_required_element_is_c401_at_the_value(mini: Path, old: str, new: str, value: str) -> None:
    path = _edit(mini, old, new)
    found = [d for d in check_workspace(mini).diagnostics.sorted() if d.severity.name == "ERROR"]
    line, col = _line_col(path, value)
    assert [(d.code, d.location.line, d.location.col) for d in found if d.location] == [("C401", line, col)], \
        [d.message() for d in found]  # nothing else: no R303 for a blank subject, no R307 for a blank method
    assert dict(found[0].params)["code"] == "ZDBC-02-02"


def test_blank_element_is_not_counted_complete(mini: Path) -> None:
    before = check_workspace(mini)
    complete_before = sum(r.complete for r in completeness_rows(before) if r.area == "全部")
    _edit(mini, "    deadline: 土地现状调查结果确认后5个工作日内\n", '    deadline: "  "\n')
    after = check_workspace(mini)
    assert sum(r.complete for r in completeness_rows(after) if r.area == "全部") == complete_before - 1


def test_missing_element_is_still_located_at_the_item(mini: Path) -> None:
    path = _edit(mini, "    deadline: 土地现状调查结果确认后5个工作日内\n", "")
    line, _ = _line_col(path, "- code: ZDBC-02-02")
    assert [d.check_tuple() for d in _diags(mini, "C401")] == [("C401", line, 5)]


def test_c401_english_names_the_element_once(mini: Path) -> None:
    _edit(mini, "    deadline: 土地现状调查结果确认后5个工作日内\n", "")
    (diag,) = _diags(mini, "C401")
    assert diag.message("en") == "item 'ZDBC-02-02' has no deadline"
    assert diag.message("zh") == "事项“ZDBC-02-02”缺少公开时限（deadline）"


# --- recommended elements (C414) ----------------------------------------------------------------------

def test_missing_recommended_elements_are_one_warning_at_the_item(mini: Path) -> None:
    path = _edit(mini, "    audience: {kind: 特定群体, who: 土地所有权人、使用权人}\n    level: [乡级, 村级]\n", "")
    line, _ = _line_col(path, "- code: ZDBC-02-02")
    (diag,) = _diags(mini, "C414")
    assert diag.check_tuple() == ("C414", line, 5)
    assert diag.severity.name == "WARNING"
    assert diag.message() == "事项“ZDBC-02-02”缺少推荐要素：公开对象、公开层级（audience, level）"
    assert "推荐要素" in (diag.hint() or "")


def test_recommended_elements_come_from_gen03(mini: Path) -> None:
    gen03 = mini / "standards/general/gen-03.yaml"
    gen03.write_text(gen03.read_text(encoding="utf-8").replace(
        "  recommended_elements: [audience, level, channels, openness]\n", "  recommended_elements: [openness]\n"),
        encoding="utf-8")
    _edit(mini, "    audience: {kind: 特定群体, who: 土地所有权人、使用权人}\n    level: [乡级, 村级]\n", "")
    assert _diags(mini, "C414") == []


# --- the channel 其他 (C416) ---------------------------------------------------------------------------

def test_bare_other_channel_is_c416_with_the_gen03_wording(mini: Path) -> None:
    path = _edit(mini, "      optional: [两微一端]\n", "      optional: [两微一端, 其他]\n")
    line, col = _line_col(path, "其他]")
    (diag,) = _diags(mini, "C416", "R302")
    assert diag.check_tuple() == ("C416", line, col)
    assert diag.severity.name == "WARNING"
    assert "选用‘其他’的，应写明具体渠道名称" in (diag.hint() or "")


def test_other_channel_with_its_name_is_accepted(mini: Path) -> None:
    _edit(mini, "      optional: [两微一端]\n", "      optional: [两微一端, 其他：村务微信群]\n")
    assert _diags(mini, "C416", "R302") == []


def test_other_channel_with_an_ascii_colon_suggests_the_full_width_form(mini: Path) -> None:
    _edit(mini, "      optional: [两微一端]\n", '      optional: [两微一端, "其他:村务微信群"]\n')
    (diag,) = _diags(mini, "C416", "R302")
    assert diag.code == "R302"
    assert dict(diag.params)["suggestion"] == "其他：村务微信群"


@pytest.mark.parametrize("entries", [[], ["a", "b"], ["a", " ", "c"], ["\u3000"], [None, "a"], ["a", 0, "", None]])
def test_first_blank_entry_is_the_general_rules(entries: list[object]) -> None:
    """The plain-text fast path of `_first_blank` finds the entry `_blank` would find first."""
    from govopen_std.check.item_rules import _blank, _first_blank

    assert _first_blank(entries) == next((i for i, e in enumerate(entries) if _blank(e)), None)
