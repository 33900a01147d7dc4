"""Machine formats of `govopen check`: SARIF 2.1.0 (validated against its schema), GitHub, JSON."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_cli

SARIF_SCHEMA = ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json"


@pytest.fixture
def broken(mini: Path) -> Path:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    text = path.read_text(encoding="utf-8").replace("    method: 主动\n", "    methd: 主动\n", 1)
    path.write_text(text, encoding="utf-8")
    return mini


def test_sarif_validates_against_schema(broken: Path) -> None:
    result = run_cli("check", "-w", str(broken), "--format", "sarif")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert any(r["ruleId"] == "S201" for r in results)
    s201 = next(r for r in results if r["ruleId"] == "S201")
    region = s201["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] > 1 and region["startColumn"] == 5


def test_github_format_prints_annotations_and_text(broken: Path) -> None:
    result = run_cli("check", "-w", str(broken), "--format", "github")
    lines = result.stdout.splitlines()
    annotation = next(line for line in lines if line.startswith("::error "))
    assert annotation.startswith("::error file=standards/domains/zdbc/zdbc-01.yaml,line=")
    assert ",col=5," in annotation
    assert any(": 错误 S201 未知的键“methd”" in line for line in lines)


def test_json_format_records(broken: Path) -> None:
    payload = json.loads(run_cli("check", "-w", str(broken), "--format", "json").stdout)
    record = next(d for d in payload["diagnostics"] if d["code"] == "S201")
    assert record["path"] == "standards/domains/zdbc/zdbc-01.yaml"
    assert record["line"] > 0 and record["col"] == 5
    assert record["hint"] == "是否应为“method”？"
    assert payload["summary"]["errors"] >= 1
