"""`govopen --version` and `--help` import none of the heavy libraries (checked with `python -X importtime`)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("pydantic", "docx", "jinja2", "openpyxl", "ruamel", "lxml", "govopen_std.load", "govopen_std.model",
         "govopen_std.render", "govopen_std.pipeline")


def imported(*args: str) -> set[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "govopen_std", *args], capture_output=True,
                          text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}


def heavy(modules: set[str], allowed: tuple[str, ...] = ()) -> list[str]:
    return sorted(m for m in modules if m.startswith(HEAVY) and not m.startswith(allowed))


@pytest.mark.parametrize("args", [("--version",), ("--help",)])
def test_nothing_heavy_is_imported(args: tuple[str, ...]) -> None:
    modules = imported(*args)
    assert "govopen_std" in modules
    assert heavy(modules) == []


@pytest.mark.parametrize("args", [("check", "--help"), ("build", "--help")])
def test_command_help_imports_none_of_ours(args: tuple[str, ...]) -> None:
    """typer itself imports pydantic to convert a command's parameters (typer._adapters); nothing else may load."""
    assert heavy(imported(*args), allowed=("pydantic",)) == []


def test_version_imports_not_even_the_cli_framework() -> None:
    modules = imported("--version")
    assert not {"typer", "rich", "click"} & {m.split(".")[0] for m in modules}
