"""`govopen build --format docx` as a user runs it: a progress bar while writing documents, a summary table."""

from __future__ import annotations

from pathlib import Path

from docx_helpers import copy_mini

from conftest import run_cli


def test_build_shows_progress_and_summary(tmp_path: Path) -> None:
    ws = copy_mini(tmp_path / "ws")
    result = run_cli("build", "-w", str(ws), "-f", "docx", "-o", str(tmp_path / "out"), "--all", "-j", "1",
                     env={"SOURCE_DATE_EPOCH": ""})
    assert result.exit_code == 0, result.stderr
    assert "province:docx" in result.stderr and "73/73" in result.stderr  # the progress bar, finished
    assert "构建结果" in result.stderr and "73" in result.stderr  # the summary table
    assert len(list((tmp_path / "out" / "docx").glob("*.docx"))) == 73
