"""Usage errors are treated the same in every command (issue 14 point 8): a `--county` that cannot be a county
code is O524 and exit 2 before anything is read, whichever command takes it; a county without a profile is
exit 2 in `build`, `export` and `import` alike; an unknown `--format` is E905 in `build` and `export`; no message
or hint repeats an invalid code as something to type; nothing is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reliability_helpers import run_govopen, snapshot

from conftest import MINI

BAD_CODE = "../../x"


def _workspace(tmp_path: Path) -> Path:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    (tmp_path / "sheet.csv").write_text("序号,一级事项\n", encoding="utf-8")
    return workspace


def _commands(workspace: Path, tmp_path: Path, county: str) -> dict[str, list[str]]:
    """Every command that takes --county, with otherwise valid arguments."""
    out = str(tmp_path / "out")
    return {
        "build": ["build", "-w", str(workspace), "-o", out, "--county", county],
        "export": ["export", "-w", str(workspace), "-o", out, "--county", county],
        "import": ["import", str(tmp_path / "sheet.csv"), "-w", str(workspace), "--county", county, "--dry-run"],
        "init": ["init", "-w", str(workspace), "--county", county],
        "serve": ["serve", "-w", str(workspace), "-o", out, "--county", county, "--port", "0"],
        "diff": ["diff", str(workspace), str(workspace), "--county", county],
    }


@pytest.mark.parametrize("command", ["build", "export", "import", "init", "serve", "diff"])
def test_malformed_county_is_o524_and_exit_2_everywhere(command: str, tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    before = snapshot(tmp_path)
    result = run_govopen(*_commands(workspace, tmp_path, BAD_CODE)[command], cwd=tmp_path, timeout=120)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output and "E903" not in output
    assert f"错误 O524 行政区划代码“{BAD_CODE}”应为 6 位数字" in result.stderr, output
    assert output.count(BAD_CODE) == 1, output  # named once, in the message; no hint to "init --county ../../x"
    assert snapshot(tmp_path) == before  # nothing written, nothing outside touched


@pytest.mark.parametrize("command", ["build", "export", "import"])
def test_county_without_profile_is_exit_2_everywhere(command: str, tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    before = snapshot(workspace)
    result = run_govopen(*_commands(workspace, tmp_path, "330199")[command], cwd=tmp_path, timeout=300)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert ("I819" if command == "import" else "E904") in output
    assert "Traceback" not in output and "E903" not in output and not (tmp_path / "out").exists()
    assert snapshot(workspace) == before


@pytest.mark.parametrize("command", ["build", "export"])
def test_unknown_format_is_e905_everywhere(command: str, tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    result = run_govopen(command, "-w", str(workspace), "-o", str(tmp_path / "out"), "-f", "odt", cwd=tmp_path)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "错误 E905 未知的输出格式“odt”" in result.stderr  # (pdf is a build format since issue 15)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("command", ["check", "build", "status", "export", "serve"])
def test_missing_workspace_is_e901_everywhere(command: str, tmp_path: Path) -> None:
    result = run_govopen(command, "-w", str(tmp_path / "nowhere"), cwd=tmp_path, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "错误 E901 找不到工作区" in result.stderr
