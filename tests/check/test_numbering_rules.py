"""gen-02's numbering rule as `check` enforces it (issue 18): primary numbers consecutive from 01 in a domain, or
from the start of each sub-domain range gen-02 declares (FPJZ: 扶贫 01–10, 救灾 11–20); secondary numbers
consecutive from 01 (C437, a warning); an item outside its sub-domain's range (C438); a bad declaration (C439) — located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace

CODES = ("C437", "C438", "C439")


def _numbering(ws: Path) -> list[Diagnostic]:
    result = check_workspace(ws)
    assert not [d for d in result.diagnostics.items if d.severity.name == "ERROR" and d.code not in CODES], \
        [d.message("en") for d in result.diagnostics.items if d.code not in CODES][:5]
    return [d for d in result.diagnostics.sorted() if d.code in CODES]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(ROOT / "govopen.yaml", ws / "govopen.yaml")
    shutil.copytree(ROOT / "standards", ws / "standards")
    shutil.copytree(ROOT / "templates", ws / "templates")
    return ws


def test_mini_secondary_gap_is_c437_at_the_item_after_it(mini: Path) -> None:
    text = mini / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    _replace(text, "code: ZDBC-02-02", "code: ZDBC-02-03")
    diags = _numbering(mini)
    assert [(d.code, d.location.path, d.location.line) for d in diags if d.location] == [
        ("C437", "standards/domains/zdbc/zdbc-01.yaml", _line_of(text, "code: ZDBC-02-03"))]
    assert diags[0].severity.name == "WARNING"
    assert "ZDBC-02" in diags[0].message("zh") and "缺少 02" in diags[0].message("zh")
    assert "secondary numbers must run consecutively from 01; 02 is missing" in diags[0].message("en")


def test_mini_primary_gap_is_c437(mini: Path) -> None:
    _replace(mini / "standards" / "domains" / "zdbc" / "zdbc-00.yaml", "code: ZDBC-01-01", "code: ZDBC-03-01")
    diags = _numbering(mini)
    assert [d.code for d in diags] == ["C437"]
    assert dict(diags[0].params)["code"] == "ZDBC-02-01" and dict(diags[0].params)["missing"] == "01"


def test_shipped_split_ranges_pass_and_fail_without_the_declaration(shipped: Path) -> None:
    assert _numbering(shipped) == []
    gen02 = shipped / "standards" / "general" / "gen-02.yaml"
    _replace(gen02, "    - {domain: FPJZ, area: 扶贫, primary: [1, 10]}\n    - {domain: FPJZ, area: 救灾, primary: [11, 20]}\n",
             "")
    _replace(gen02, "  area_ranges:\n", "")
    diags = _numbering(shipped)
    # without the split, FPJZ jumps from 07 to 11: 08, 09, 10 are missing, each reported at FPJZ-11-01
    assert [(d.code, dict(d.params)["missing"], dict(d.params)["code"]) for d in diags] == [
        ("C437", "08", "FPJZ-11-01"), ("C437", "09", "FPJZ-11-01"), ("C437", "10", "FPJZ-11-01")]
    text = shipped / "standards" / "domains" / "fpjz" / "fpjz-04.yaml"
    assert {d.location.line for d in diags if d.location} == {_line_of(text, "code: FPJZ-11-01")}


def test_an_item_outside_its_sub_domain_range_is_c438(shipped: Path) -> None:
    text = shipped / "standards" / "domains" / "fpjz" / "fpjz-04.yaml"
    _replace(text, "code: FPJZ-17-02", "code: FPJZ-08-01")
    _replace(shipped / "standards" / "coverage" / "fpjz.yaml", "FPJZ-17-02", "FPJZ-08-01")  # keep the matrix quiet
    diags = _numbering(shipped)
    assert [(d.code, d.location.line if d.location else 0) for d in diags] == [
        ("C438", _line_of(text, "code: FPJZ-08-01"))]
    assert "救灾" in diags[0].message("zh") and "11–20" in diags[0].message("zh")


def test_a_bad_declaration_is_c439_at_it(shipped: Path) -> None:
    gen02 = shipped / "standards" / "general" / "gen-02.yaml"
    _replace(gen02, "{domain: FPJZ, area: 救灾, primary: [11, 20]}", "{domain: FPJZ, area: 救灾, primary: [9, 20]}")
    diags = [d for d in _numbering(shipped) if d.code == "C439"]
    assert [(d.location.path, d.location.line) for d in diags if d.location] == [
        ("standards/general/gen-02.yaml", _line_of(gen02, "area: 救灾, primary: [9, 20]"))]
    assert "重叠" in diags[0].message("zh")


def test_the_printed_rule_states_the_split_ranges() -> None:
    from govopen_std.render.docx_std.rules import coding_content

    text = check_workspace(ROOT).sources.text("gen-02")
    assert text is not None and text.value.coding is not None
    sentences = coding_content(text.value.coding).sentences
    assert "扶贫救灾领域（FPJZ）按子领域划分一级事项序号：扶贫使用序号01～10，救灾使用序号11～20；各子领域在本区间内从起点起连续编号。" \
        in sentences
    body = " ".join(str(b) for c in text.value.clauses for sub in c.clauses for b in sub.body)
    assert "扶贫为01～10，救灾为11～20" in body
