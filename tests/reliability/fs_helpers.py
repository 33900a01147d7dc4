"""Helpers (not fixtures) of the file-system safety tests (issue 14): a workspace built once, runs without root's
override of file permissions, and the checks every hostile case ends with."""

from __future__ import annotations

import subprocess
from pathlib import Path

from reliability_helpers import county_workspace, govopen_command, govopen_env, run_govopen, snapshot

from conftest import require_tool

WAIT = 300  # a hang guard (a FIFO that is read would block forever), not a speed assertion


def built_once(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """tmp_path/ws (the mini workspace with county 330105) built into tmp_path/out: (ws, out, snapshot of out)."""
    workspace = county_workspace(tmp_path / "ws")
    out = tmp_path / "out"
    first = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    assert "govopen-manifest.json" in before and any(name.startswith("site/") for name in before)
    return workspace, out, before


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """govopen as root without CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, so file permissions apply to it (the
    tests run as root, who may otherwise write into a read-only folder and read a chmod 000 file)."""
    setpriv = require_tool("setpriv")
    command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *govopen_command(*args)]
    return subprocess.run(command, cwd=cwd, env=govopen_env(), capture_output=True, text=True, timeout=WAIT)


def assert_reported(result: subprocess.CompletedProcess[str], code: str, exit_code: int) -> None:
    """The run ended with `exit_code`, reported `code`, and neither crashed nor blamed govopen (E903)."""
    output = result.stdout + result.stderr
    assert result.returncode == exit_code, output
    assert code in output, output
    assert "Traceback" not in output and "E903" not in output, output


def flat(text: str) -> str:
    """`text` without any white space: the console wraps long lines (paths, messages) at any character."""
    return "".join(text.split())


def says(result: subprocess.CompletedProcess[str], *parts: str) -> bool:
    """True when the run's output holds every one of `parts`, however the console wrapped them."""
    output = flat(result.stdout + result.stderr)
    return all(flat(part) in output for part in parts)
