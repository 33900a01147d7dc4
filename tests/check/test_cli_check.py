"""`govopen check`: exit codes, located diagnostics for the cases the foundation issue names, formats."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import run_cli


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


def test_clean_workspace_exits_0_with_summary(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini))
    assert result.exit_code == 0, result.stdout
    assert re.search(r"共检查 \d+ 个文件、73 个标准、3 个事项：0 个错误", result.stdout)


def test_missing_deadline_names_file_and_item_line(mini: Path) -> None:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    _edit(path, "    deadline: 土地现状调查结果确认后5个工作日内\n", "")
    item_line = _line_of(path, "code: ZDBC-02-02")
    result = run_cli("check", "-w", str(mini))
    assert result.exit_code == 1
    expected = f"standards/domains/zdbc/zdbc-01.yaml:{item_line}:5: 错误 C401 事项“ZDBC-02-02”缺少公开时限（deadline）"
    assert expected in result.stdout


def test_unknown_key_basiss_suggests_basis(mini: Path) -> None:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    _edit(path, "    basis:\n      - {law: land-admin-law-regulation, articles: [26]}",
          "    basiss:\n      - {law: land-admin-law-regulation, articles: [26]}")
    line = _line_of(path, "basiss:")
    result = run_cli("check", "-w", str(mini), "--lang", "en")
    assert result.exit_code == 1
    assert f"standards/domains/zdbc/zdbc-01.yaml:{line}:5: error S201 unknown key 'basiss'" in result.stdout
    assert "did you mean 'basis'?" in result.stdout


def test_yaml_syntax_error_names_its_line(mini: Path) -> None:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    _edit(path, "    name: 征收土地预公告\n", "    name: [征收土地预公告\n")
    result = run_cli("check", "-w", str(mini))
    assert result.exit_code == 1
    match = re.search(r"standards/domains/zdbc/zdbc-01\.yaml:(\d+):(\d+): 错误 Y101", result.stdout)
    assert match, result.stdout
    assert int(match.group(1)) in range(_line_of(path, "name: [征收土地预公告"), _line_of(path, "name: [征收土地预公告") + 3)
    assert "Traceback" not in result.stdout + result.stderr


def test_all_problems_reported_not_only_the_first(mini: Path) -> None:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    _edit(path, "    method: 主动\n", "    method: 主动公开\n")
    _edit(path, "{law: land-admin-law, articles: [47]}", "{law: land-law, articles: [47]}")
    _edit(path, "required: [社区/企事业单位/村公示栏（电子屏）]}", "required: [村公示栏]}")
    result = run_cli("check", "-w", str(mini), "--format", "json")
    codes = sorted(d["code"] for d in json.loads(result.stdout)["diagnostics"] if d["severity"] == "error")
    assert codes == ["R301", "R302", "R307"]
    assert result.exit_code == 1


def test_fail_on_warning_turns_warnings_into_exit_1(mini: Path) -> None:
    assert run_cli("check", "-w", str(mini)).exit_code == 0
    assert run_cli("check", "-w", str(mini), "--fail-on", "warning").exit_code == 1


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_cli("check", "-w", str(tmp_path))
    assert result.exit_code == 2
    assert "E901" in result.stderr and "Traceback" not in result.stderr
    assert run_cli("check", "--format", "xml").exit_code == 2


def test_english_messages(mini: Path) -> None:
    result = run_cli("check", "-w", str(mini), "--lang", "en")
    assert result.exit_code == 0
    # the whole summary line: "10 errors" must not pass for "0 errors"
    assert result.stdout.splitlines()[-1] == "checked 8 files, 73 standards, 3 items: 0 errors, 70 warnings"
