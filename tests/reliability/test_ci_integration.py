"""CI integration: the `govopen-check` pre-commit hook (run for real with `pre-commit try-repo` on a sample workspace),
the GitHub Actions workflow in the README (valid, and its check step gives located annotations), and `check`'s
promise to CI that it writes nothing.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import govopen_env, run_govopen, snapshot
from ruamel.yaml import YAML

from conftest import MINI, ROOT, require_tool, skip_or_fail

HOOKS = ROOT / ".pre-commit-hooks.yaml"
README = ROOT / "README.md"
WORKFLOW_MARKER = "<!-- github-actions-example:"
# What pip needs to install govopen from a copy of the repository (pyproject.toml's wheel and sdist inputs).
PACKAGE_FILES = ("pyproject.toml", "README.md", "govopen.yaml", ".pre-commit-hooks.yaml")
PACKAGE_DIRS = ("src/", "standards/", "templates/")
BAD_ITEM = "standards/domains/zdbc/zdbc-01.yaml"
GIT_IDENTITY = ("-c", "user.name=govopen tests", "-c", "user.email=tests@govopen.invalid", "-c", "commit.gpgsign=false")


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


def _commit_all(repo: Path) -> None:
    _git("init", "-q", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-q", "-m", "snapshot", cwd=repo)


def _hooks_repo(target: Path) -> Path:
    """A git repository holding the working tree's package files (committed or not), as a hook user gets it."""
    listed = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT).split("\0")
    for rel in listed:
        source = ROOT / rel
        if rel and source.is_file() and (rel in PACKAGE_FILES or rel.startswith(PACKAGE_DIRS)):
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / rel)
    _commit_all(target)
    return target


def _break_item(workspace: Path) -> int:
    """Put an unknown 公开方式 into an item; return its line."""
    path = workspace / BAD_ITEM
    lines = path.read_text(encoding="utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.strip() == "method: 主动")
    lines[index] = lines[index].replace("主动", "公告")
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def _pre_commit(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GOVOPEN_LANG", "PRE_COMMIT_HOME")}
    env["PRE_COMMIT_HOME"] = str(home)
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900)


def test_hook_manifest_is_valid() -> None:
    from pre_commit.clientlib import load_manifest

    hooks = {hook["id"]: hook for hook in load_manifest(str(HOOKS))}
    hook = hooks["govopen-check"]
    assert shlex.split(hook["entry"])[:2] == ["govopen", "check"]
    assert hook["language"] == "python"  # pre-commit installs govopen itself; nothing needs to be preinstalled
    assert hook["pass_filenames"] is False  # references cross files: always the whole workspace
    assert re.search(hook["files"], "standards/domains/zdbc/zdbc-01.yaml")
    assert not re.search(hook["files"], "README.md")


@pytest.mark.slow
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    """`pre-commit try-repo` installs govopen from the repository into its own environment (PyPI only) and runs
    the hook: a clean workspace passes; a commit with a broken item fails with the error's file:line:col."""
    require_tool("git")
    if not (ROOT / ".git").exists():
        skip_or_fail("not a git checkout: the hook repository is made from `git ls-files`")
    repo = _hooks_repo(tmp_path / "govopen")
    workspace = tmp_path / "standards-repo"
    shutil.copytree(MINI, workspace)
    _commit_all(workspace)
    home = tmp_path / "pre-commit-home"

    clean = _pre_commit("try-repo", str(repo), "govopen-check", "--all-files", cwd=workspace, home=home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert re.search(r"govopen check.*Passed", clean.stdout), clean.stdout

    line = _break_item(workspace)
    _git("add", BAD_ITEM, cwd=workspace)
    broken = _pre_commit("try-repo", str(repo), "govopen-check", cwd=workspace, home=home)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    assert re.search(r"govopen check.*Failed", broken.stdout), broken.stdout
    assert re.search(rf"^{re.escape(BAD_ITEM)}:{line}:\d+: 错误 R307 ", broken.stdout, re.M), broken.stdout
    assert "Traceback" not in broken.stdout + broken.stderr


def _readme_workflow() -> dict[str, Any]:
    text = README.read_text(encoding="utf-8")
    start = text.index(WORKFLOW_MARKER)
    block = re.search(r"```yaml\n(.*?)```", text[start:], re.S)
    assert block is not None, "no yaml block after the workflow marker"
    workflow: dict[str, Any] = YAML(typ="safe").load(block.group(1))
    return workflow


def _check_commands(workflow: dict[str, Any]) -> list[list[str]]:
    commands = []
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in str(step.get("run", "")).splitlines():
                words = shlex.split(line, comments=True)
                if words[:2] == ["govopen", "check"]:
                    commands.append(words)
    return commands


def test_readme_workflow_is_a_valid_github_workflow(tmp_path: Path) -> None:
    workflow_file = tmp_path / "govopen.yml"
    workflow = _readme_workflow()
    YAML().dump(workflow, workflow_file)
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             str(workflow_file)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    commands = _check_commands(workflow)
    assert commands and all("--format" in c and c[c.index("--format") + 1] == "github" for c in commands), commands


def _run_readme_check(workspace: Path) -> subprocess.CompletedProcess[str]:
    """The workflow's check step, as written in the README, run at the root of a checkout of `workspace`."""
    (command,) = _check_commands(_readme_workflow())
    return subprocess.run([sys.executable, "-m", "govopen_std", *command[1:]], cwd=workspace, env=govopen_env(),
                          capture_output=True, text=True, timeout=300)


def test_readme_workflow_check_step_annotates_the_lines(tmp_path: Path) -> None:
    workspace = tmp_path / "checkout"
    shutil.copytree(MINI, workspace)
    clean = _run_readme_check(workspace)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "::error" not in clean.stdout

    line = _break_item(workspace)
    broken = _run_readme_check(workspace)
    assert broken.returncode == 1, broken.stdout + broken.stderr
    annotations = re.findall(r"^::error file=([^,]+),line=(\d+),col=(\d+),title=(\w+)::", broken.stdout, re.M)
    assert (BAD_ITEM, str(line), annotations[0][2], "R307") in annotations, broken.stdout
    for path, _, col, _ in annotations:
        assert (workspace / path).is_file() and int(col) >= 1  # paths relative to the repository root


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_check_writes_nothing(tmp_path: Path, fmt: str) -> None:
    """Neither the workspace nor the working directory changes, whatever the outcome (clean or with errors)."""
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    _break_item(workspace)
    before = snapshot(tmp_path)
    mtimes = {p: p.stat().st_mtime_ns for p in workspace.rglob("*")}
    result = run_govopen("check", "-w", str(workspace), "--format", fmt, "--report", cwd=cwd,
                         GOVOPEN_CACHE_DIR=str(tmp_path / "cwd-cache-outside"))
    assert result.returncode == 1, result.stdout + result.stderr
    after = {name: digest for name, digest in snapshot(tmp_path).items() if not name.startswith("cwd-cache-outside/")}
    assert after == before
    assert {p: p.stat().st_mtime_ns for p in workspace.rglob("*")} == mtimes
    assert not any(cwd.iterdir())
