"""ICS and CCS on the covers (issue 9): `defaults` at the top of system.yaml, inherited by every standard
unless it sets its own; `check` warns (C415) about standards that would get no code; the DOCX cover and the
standard's page show the codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import ROOT, run_cli
from govopen_std.build import BuildOptions, run
from govopen_std.pipeline import check_workspace
from govopen_std.resolve.catalog import resolve_province
from govopen_std.view.builder import build_view
from govopen_std.view.model import BuildView

DEFAULTS = "defaults: {ics: 03.080.99, ccs: A 16}\n"


def _with_defaults(ws: Path, defaults: str = DEFAULTS) -> Path:
    path = ws / "standards" / "system.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("groups:\n", defaults + "groups:\n", 1), encoding="utf-8")
    return path


def _set_on(ws: Path, standard_id: str, fields: str) -> None:
    path = ws / "standards" / "system.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [line.replace(", status: ", f", {fields}, status: ") if f"{{id: {standard_id}," in line else line
             for line in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _c415(ws: Path) -> list[dict[str, object]]:
    result = run_cli("check", "-w", str(ws), "--format", "json")
    records = json.loads(result.stdout)
    diagnostics = records["diagnostics"] if isinstance(records, dict) else records
    return [d for d in diagnostics if d["code"] == "C415"]


def _view(ws: Path) -> BuildView:
    check = check_workspace(ws)
    assert check.sources.system is not None
    return build_view(check.sources, resolve_province(
        check.sources, {p.id: p.group for p in check.sources.system.value.standards}))


def test_without_defaults_one_warning_names_the_standards(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini))
    assert result.exit_code == 0  # a warning, not an error
    lines = [line for line in result.stdout.splitlines() if " C415 " in line]
    assert len(lines) == 1, lines  # one warning for all 73, not a flood
    assert re.match(r"standards/system\.yaml:\d+:\d+: 警告 C415 73 个标准项目没有 ICS 和 CCS 分类号", lines[0])
    assert "gen-01、gen-02" in lines[0]
    assert "defaults" in result.stdout  # the hint says where to set them


def test_defaults_are_inherited_and_a_project_may_set_its_own(mini: Path) -> None:
    _with_defaults(mini)
    _set_on(mini, "zdbc-01", "ics: 03.080.30, ccs: A 12")
    assert _c415(mini) == []
    view = _view(mini)
    assert {(s.ics, s.ccs) for s in view.standards if s.id != "zdbc-01"} == {("03.080.99", "A 16")}
    zdbc01 = view.standard("zdbc-01")
    assert zdbc01 is not None and (zdbc01.ics, zdbc01.ccs) == ("03.080.30", "A 12")


def test_a_standard_lacking_a_code_is_named_at_its_line(mini: Path) -> None:
    path = _with_defaults(mini, "defaults: {ics: 03.080.99}\n")
    found = _c415(mini)
    assert len(found) == 1 and str(found[0]["message"]).startswith("73 个标准项目没有 CCS 分类号")
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.lstrip().startswith("- {id: ") and "{id: gen-05," not in line:
            lines[i] = line.replace(", status: ", ", ccs: A 16, status: ")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = _c415(mini)
    gen05 = next(i for i, line in enumerate(lines, 1) if "{id: gen-05," in line)
    assert [(d["line"], d["message"]) for d in found] == [(gen05, "1 个标准项目没有 CCS 分类号，封面上缺印：gen-05")]
    _set_on(mini, "gen-05", "ics: '', ccs: A 16")  # an empty own value falls back to the default
    assert _c415(mini) == []


def test_the_docx_cover_shows_ics_and_ccs(mini: Path, tmp_path: Path) -> None:
    import docx

    _with_defaults(mini)
    result = run(BuildOptions(workspace=mini, out_dir=tmp_path / "out", formats=("docx", "html"), counties=()))
    assert result.ok
    cover = [p.text for p in docx.Document(str(tmp_path / "out" / "docx" / "zdbc-01.docx")).paragraphs[:6]]
    assert cover[:2] == ["ICS 03.080.99", "CCS A 16"]
    page = (tmp_path / "out" / "site" / "standards" / "zdbc-01.html").read_text(encoding="utf-8")
    assert "<th scope=\"row\">ICS</th><td>03.080.99</td>" in page and "<td>A 16</td>" in page


def test_the_shipped_system_sets_defaults_with_its_source() -> None:
    text = (ROOT / "standards" / "system.yaml").read_text(encoding="utf-8")
    assert re.search(r"^defaults: \{ics: 03\.080\.99, ccs: A 16\}$", text, re.M)
    assert "DB3301/T 0262—2018" in text  # the comment cites where the codes come from
    check = check_workspace(ROOT)
    assert not [d for d in check.diagnostics.items if d.code == "C415"]
