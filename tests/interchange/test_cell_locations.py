"""A spreadsheet cell as a diagnostic location (`file.xlsx!Sheet!C12`, no line or column) works in every
check reporter: text, JSON, GitHub annotations and SARIF (validated against its schema)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema

from conftest import ROOT
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
