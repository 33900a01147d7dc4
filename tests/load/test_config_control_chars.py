"""A control character (a NUL above all) in govopen.yaml's folder names is a located error, never an E903 crash
(safety-fs found `standards_dir: "t\\0x"` ending in ValueError: embedded null byte)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI, run_cli


@pytest.mark.parametrize("key", ["standards_dir", "templates_dir"])
@pytest.mark.parametrize("command", ["check", "build"])
def test_a_nul_in_a_folder_name_is_located(tmp_path: Path, key: str, command: str) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    (ws / "govopen.yaml").write_text(f'name: x\nprovince: {{code: "33", name: 浙江省}}\n{key}: "t\\0x"\n',
                                     encoding="utf-8")
    args = ("-o", str(tmp_path / "out")) if command == "build" else ()
    result = run_cli(command, "-w", str(ws), *args)
    output = result.stdout + result.stderr
    assert result.exit_code == 1, output
    assert "E903" not in output and "Traceback" not in output
    assert f"govopen.yaml:3:{len(key) + 3}: 错误 S203" in output
    assert not (tmp_path / "out").exists()
