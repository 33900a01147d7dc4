"""`govopen import` into a hostile file (issue 14): a standard text nested 50,000 levels deep (the round-trip loader
raised RecursionError, an E903 "bug") or a county profile with a syntax error is reported at its position with
an I853, exit 1, and the file and the rest of the workspace stay byte-identical."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reliability_helpers import COUNTY_TARGET, county_workspace, run_govopen, snapshot

from interchange.county_sheets import county_sheet

TEXT = "standards/domains/zdbc/zdbc-03.yaml"
CASES = {
    "deep-text": (TEXT, "id: zdbc-03\nscope: " + "[" * 50_000 + "]" * 50_000 + "\n", ["-s", "zdbc-03"],
                  f"{TEXT}:2:72: 错误 Y106 "),
    "broken-profile": (COUNTY_TARGET, 'county: {code: "330105", name: 杭州市拱墅区\n', ["--county", "330105"],
                       f"{COUNTY_TARGET}:2:1: 错误 Y101 "),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_import_into_a_hostile_file_writes_nothing(case: str, tmp_path: Path) -> None:
    target, text, args, located = CASES[case]
    workspace = county_workspace(tmp_path / "ws")
    (workspace / target).write_text(text, encoding="utf-8")
    sheet = county_sheet(tmp_path / "sheet.xlsx")
    before = snapshot(tmp_path)
    result = run_govopen("import", str(sheet), *args, "-w", str(workspace), cwd=tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "E903" not in output and "Traceback" not in output
    assert located in result.stdout, result.stdout
    assert f"{target}: 错误 I853 " in result.stdout
    assert snapshot(tmp_path) == before
    shutil.rmtree(workspace)
