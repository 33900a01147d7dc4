"""A special file (a FIFO, a link to a device) at a fixed source name is a Y108, never read: reading it would
block `check` for ever (a FIFO) or never end (/dev/zero). Globbed names leave such files out
(tests/reliability/test_bad_input.py); a fixed name is a role that must not silently disappear."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from govopen_std.load.discover import special


def check(workspace: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A real process under a timeout: a check that blocks on a FIFO fails the test instead of hanging it."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    full_env.pop("GOVOPEN_LANG", None)
    return subprocess.run([sys.executable, "-m", "govopen_std", "check", "-w", str(workspace)], capture_output=True,
                          text=True, env=full_env, timeout=120)


@pytest.mark.parametrize("name", ["system.yaml", "vocabulary.yaml", "laws.yaml", "organizations.yaml"])
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_special_file_at_a_fixed_name_is_reported(mini: Path, tmp_path: Path, name: str, kind: str) -> None:
    path = mini / "standards" / name
    path.unlink(missing_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    expected = f"standards/{name}: 错误 Y108 无法读取文件：不是普通文件"
    for env in ({"GOVOPEN_CACHE": "off"}, {"GOVOPEN_CACHE_DIR": str(tmp_path / "cache")},
                {"GOVOPEN_CACHE_DIR": str(tmp_path / "cache")}):  # twice with the cache: never from the memo
        result = check(mini, **env)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 1, result.stdout + result.stderr
        assert expected in result.stdout, result.stdout


def test_special_is_one_stat(tmp_path: Path) -> None:
    (tmp_path / "file.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "fifo.yaml")
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "broken.yaml").symlink_to(tmp_path / "missing")
    assert [p.name for p in sorted(tmp_path.iterdir()) if special(p)] == ["fifo.yaml", "zero.yaml"]
    assert not special(tmp_path / "missing.yaml")
