"""A spreadsheet cell as a diagnostic location (`file.xlsx!Sheet!C12`, no line or column) works in every
check reporter: text, JSON, GitHub annotations and SARIF (validated against its schema)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema

from conftest import ROOT, run_cli
from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.interchange.grid import column_letter
from govopen_std.load.discover import Workspace
from govopen_std.load.sources import Sources
from govopen_std.pipeline import CheckResult
from govopen_std.report import REPORTERS

CELL = "县级目录.xlsx!征地补偿!E12"


def _result() -> CheckResult:
    workspace = Workspace(ROOT, embedded=False)
    diags = Diagnostics()
    diags.add(Diagnostic.make("I806", SourceLocation(CELL), law="浙江省征地补偿办法", suggestion=""))
    stats = {"files": 1, "standards": 0, "texts": 0, "items": 0, "laws": 0, "errors": 1, "warnings": 0}
    return CheckResult(workspace, Sources(workspace=workspace, paths=None), diags, stats)  # type: ignore[arg-type]


def _render(name: str) -> str:
    stream = io.StringIO()
    REPORTERS[name](lang="zh", stream=stream).report(_result())
    return stream.getvalue()


def test_text_and_github() -> None:
    assert f"{CELL}: 错误 I806 公开依据“浙江省征地补偿办法”不在法规库中" in _render("text")
    assert "file=县级目录.xlsx!征地补偿!E12,title=I806::" in _render("github")


def test_json_record() -> None:
    (record,) = json.loads(_render("json"))["diagnostics"]
    assert (record["path"], record["line"], record["col"]) == (CELL, None, None)


def test_sarif_validates() -> None:
    log = json.loads(_render("sarif"))
    schema = json.loads((ROOT / "tests/fixtures/sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    (result,) = log["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": CELL}}


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 25, 26, 51, 52, 701, 702)] == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]


def test_cell_location_text() -> None:
    assert str(SourceLocation(CELL)) == CELL
    assert Path(CELL.split("!")[0]).suffix == ".xlsx"


def _located(*paths: str | tuple[str, int]) -> Diagnostics:
    diags = Diagnostics()
    for where in paths:
        path, line = where if isinstance(where, tuple) else (where, 0)
        diags.add(Diagnostic.make("I806", SourceLocation(path, line, 1 if line else 0), law="x", suggestion=""))
    return diags


def test_cells_sort_by_column_then_row_number() -> None:
    shuffled = _located("b.xlsx!表!T10", "b.xlsx!表!AA1", "b.xlsx!表!T2", "b.xlsx!表", "b.xlsx!表!Z9",
                        "b.xlsx!表!B100", "a.json!rows[10].公开时限", "a.json!rows[2].公开时限", "a.json")
    assert [str(d.location) for d in shuffled.sorted()] == [
        "a.json", "a.json!rows[2].公开时限", "a.json!rows[10].公开时限",
        "b.xlsx!表", "b.xlsx!表!B100", "b.xlsx!表!T2", "b.xlsx!表!T10", "b.xlsx!表!Z9", "b.xlsx!表!AA1"]


def test_files_sort_as_text_and_lines_as_numbers() -> None:
    shuffled = _located(("s/b.yaml", 10), ("s/a10.yaml", 1), ("s/b.yaml", 2), ("s/a2.yaml", 3), "s/b.yaml")
    assert [str(d.location) for d in shuffled.sorted()] == [
        "s/a10.yaml:1:1", "s/a2.yaml:3:1", "s/b.yaml", "s/b.yaml:2:1", "s/b.yaml:10:1"]


def test_import_lists_cells_in_row_order(mini: Path, tmp_path: Path) -> None:
    path = tmp_path / "laws.csv"
    rows = "".join(f"征地信息查询{i},,查询方式,不存在的法规第二十条,按规定公开,县级人民政府,■政府网站,全社会,主动,县级\n"
                   for i in range(11))
    path.write_text("一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\n"
                    + rows, encoding="utf-8")
    result = run_cli("import", str(path), "-s", "zdbc-03", "-w", str(mini), "--dry-run", "--format", "json")
    cells = [d["path"].rpartition("!")[2] for d in json.loads(result.stdout)["diagnostics"] if d["code"] == "I806"]
    assert cells == [f"D{row}" for row in range(2, 13)]
