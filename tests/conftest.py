"""Shared fixtures: throwaway workspaces, a CLI runner, and tool requirements that fail under CI."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import NoReturn

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
IN_CI = os.environ.get("CI", "").lower() == "true"


def skip_or_fail(message: str) -> NoReturn:
    """The one way a test may skip: for something missing on this machine. Under CI=true it fails instead,
    because the README's test command installs everything the suite needs."""
    if IN_CI:
        pytest.fail(f"{message}, and CI=true requires it (the test command installs it)")
    pytest.skip(message)


def require_tool(name: str) -> str:
    """Path of an external tool; skip when missing, but fail under CI=true (CI must install it)."""
    path = shutil.which(name)
    if path is None:
        skip_or_fail(f"{name} is not installed")
    return path


def require_module(name: str) -> ModuleType:
    """An importable test dependency (e.g. jsonschema); skip when missing, but fail under CI=true."""
    try:
        return importlib.import_module(name)
    except ImportError:
        skip_or_fail(f"the Python package {name} is not installed")


def pytest_configure(config: pytest.Config) -> None:
    # Hypothesis' default 200 ms deadline per example is a timing assertion in disguise; speed lives in benchmarks/.
    from hypothesis import settings

    settings.register_profile("govopen", deadline=None)
    settings.load_profile("govopen")


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
            timeout: float = 300) -> CliResult:
    """Run `python -m govopen_std` as a real process (exit codes, stdout and stderr as a user sees them)."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    full_env.pop("GOVOPEN_LANG", None)
    proc = subprocess.run([sys.executable, "-m", "govopen_std", *args], cwd=cwd or ROOT, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


@pytest.fixture
def cli() -> Callable[..., CliResult]:
    return run_cli


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini workspace that a test may change."""
    target = tmp_path / "ws"
    shutil.copytree(MINI, target)
    return target


def soffice_convert(source: Path, outdir: Path, *, fmt: str = "pdf", timeout: float = 240) -> Path:
    """Convert `source` with LibreOffice headless under a watchdog that kills its whole process group.

    A private user profile per call lets conversions run in parallel (pytest -n) without sharing a lock.
    Skips when soffice is missing (fails under CI=true, see `require_tool`).
    """
    import contextlib
    import signal

    soffice = require_tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / ".lo-profile").resolve()
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--convert-to", fmt, "--outdir", str(outdir), str(source)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        _out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"soffice did not convert {source.name} within {timeout} s (killed)")
    finally:
        with contextlib.suppress(ProcessLookupError):  # soffice's helpers (oosplash …) must not outlive the test
            os.killpg(proc.pid, signal.SIGTERM)
    target = outdir / f"{source.stem}.{fmt.split(':')[0]}"
    assert proc.returncode == 0 and target.is_file(), err.decode(errors="replace")
    return target


COUNTY_OUTPUTS = ROOT / "tests" / "fixtures" / "county-outputs"


def county_outputs_workspace(target: Path) -> Path:
    """A copy of the mini workspace with the county profiles of tests/fixtures/county-outputs: 330105 (channel
    carriers, an amendment with its note, an item not applicable, a local item) and 330110 (a domain not adopted)."""
    shutil.copytree(MINI, target)
    counties = target / "standards" / "counties"
    counties.mkdir(exist_ok=True)
    for profile in sorted(COUNTY_OUTPUTS.glob("*.yaml")):
        shutil.copy(profile, counties / profile.name)
    return target
