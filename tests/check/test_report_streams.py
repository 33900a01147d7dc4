"""`check --report` keeps machine output machine-readable: with --format json the completeness rows are inside
the JSON payload; with sarif and github the table goes to stderr. Also: SARIF rule texts carry no raw
placeholders, and the English summary counts in the singular and the plural."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli
from govopen_std.messages import CATALOG, describe


def test_json_report_puts_completeness_inside_the_payload(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini), "--format", "json", "--report")
    assert result.exit_code == 0, result.stdout + result.stderr
    payload = json.loads(result.stdout)  # stdout is exactly one JSON document
    rows = payload["completeness"]
    zdbc = next(r for r in rows if r["domain"] == "征地补偿" and r["area"] == "全部")
    assert zdbc == {"domain": "征地补偿", "area": "全部", "items": 3, "complete": 3, "laws": 3, "channels": 5}
    assert "完整性" not in result.stderr


def test_json_without_report_has_no_completeness_key(mini: Path) -> None:
    payload = json.loads(run_cli("check", "-w", str(mini), "--format", "json").stdout)
    assert "completeness" not in payload


def test_sarif_report_goes_to_stderr(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini), "--format", "sarif", "--report")
    assert result.exit_code == 0, result.stdout + result.stderr
    log = json.loads(result.stdout)
    assert log["version"] == "2.1.0"
    assert "各领域完整性报告" in result.stderr and "征地补偿" in result.stderr


def test_github_report_goes_to_stderr(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini), "--format", "github", "--report")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "各领域完整性报告" not in result.stdout and "各领域完整性报告" in result.stderr


def test_text_report_follows_the_diagnostics_on_stdout(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini), "--report")
    assert result.exit_code == 0
    assert result.stdout.index("共检查") < result.stdout.index("各领域完整性报告")


def test_sarif_rule_descriptions_have_no_placeholders(mini: Path) -> None:
    (mini / "standards/domains/zdbc/zdbc-01.yaml").write_text(
        (mini / "standards/domains/zdbc/zdbc-01.yaml").read_text(encoding="utf-8").replace(
            "    deadline: 土地现状调查结果确认后5个工作日内\n", ""), encoding="utf-8")
    log = json.loads(run_cli("check", "-w", str(mini), "--format", "sarif").stdout)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert any(r["id"] == "C401" for r in rules)
    for rule in rules:
        for key in ("shortDescription", "fullDescription"):
            assert not re.search(r"\{\w*\}", rule[key]["text"]), rule


def test_every_message_can_be_described_without_placeholders() -> None:
    for code in CATALOG:
        for lang in ("zh", "en"):
            assert not re.search(r"\{\w*\}", describe(code, lang)), (code, lang)
    assert describe("C401", "en") == "item '…' has no …"


def test_english_summary_uses_singular_and_plural(mini: Path) -> None:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    method: 主动\n", "", 1), encoding="utf-8")
    result = run_cli("check", "-w", str(mini), "--lang", "en")
    assert re.search(r"checked \d+ files, 73 standards, 3 items: 1 error, \d+ warnings\n", result.stdout), \
        result.stdout[-300:]
    assert "1 errors" not in result.stdout
