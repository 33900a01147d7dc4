"""Helpers (not fixtures) shared by the reliability tests: workspaces with a county, output snapshots."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import MINI, ROOT

COUNTY_PROFILE = ROOT / "tests" / "fixtures" / "county" / "330105.yaml"
COUNTY_TARGET = "standards/counties/330105.yaml"


def county_workspace(target: Path) -> Path:
    """A copy of the mini workspace plus the valid county profile 330105 (so builds have a county target)."""
    shutil.copytree(MINI, target)
    profile = target / COUNTY_TARGET
    profile.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(COUNTY_PROFILE, profile)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` (hidden ones too) -> sha256 of its bytes; symlinks as their target."""
    result = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            result[rel] = "symlink:" + os.readlink(path)
        elif path.is_file():
            with open(path, "rb") as file:  # streamed: a hostile case holds a 1 GB (sparse) file
                result[rel] = hashlib.file_digest(file, "sha256").hexdigest()
    return result


def govopen_env(**extra: str) -> dict[str, str]:
    """The environment of a govopen subprocess: this checkout's sources, no inherited build date or language."""
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", "GOVOPEN_LANG", "GOVOPEN_TEST_PAUSE")}
    env["PYTHONPATH"] = str(ROOT / "src")
    env.update(extra)
    return env


def govopen_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "govopen_std", *args]


def run_govopen(*args: str, cwd: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(govopen_command(*args), cwd=cwd, env=govopen_env(**env), capture_output=True, text=True,
                          timeout=timeout)
