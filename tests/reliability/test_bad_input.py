"""The bad-input corpus: every malformed source ends in exit 1 and a located diagnostic, never a traceback,
within bounded time and memory (each run is a real process under an address-space limit and a timeout)."""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from reliability_helpers import snapshot
from ruamel.yaml import YAML

from conftest import MINI, ROOT

CASES = ROOT / "tests" / "cases" / "bad-input"
MANIFEST: dict[str, Any] = YAML(typ="safe").load((CASES / "manifest.yml").read_text(encoding="utf-8"))["cases"]
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB of address space is plenty for a check of a small workspace
TIMEOUT = 120  # a hang guard, not a speed assertion


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _check(workspace: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run([sys.executable, "-m", "govopen_std", "check", "-w", str(workspace), *extra],
                          capture_output=True, text=True, timeout=TIMEOUT, env=env, preexec_fn=_limit_memory)


def _workspace(tmp_path: Path) -> Path:
    target = tmp_path / "ws"
    shutil.copytree(MINI, target)
    return target


def _assert_reported(result: subprocess.CompletedProcess[str], target: str, code: str, line: int, col: int) -> None:
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    expected = f"{target}:{line}:{col}: "
    hits = [ln for ln in result.stdout.splitlines() if ln.startswith(expected) and f" {code} " in ln]
    assert hits, f"expected {code} at {expected}\n{result.stdout}"


def test_corpus_has_at_least_40_cases() -> None:
    files = {p.stem for p in CASES.glob("*.yaml")}
    assert set(MANIFEST) == files
    assert len(files) >= 40


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_bad_input(name: str, tmp_path: Path, mini_baseline: set[tuple[str, str, str, str]]) -> None:
    case = MANIFEST[name]
    workspace = _workspace(tmp_path)
    for target, source in {**case.get("also", {}), case["target"]: CASES / f"{name}.yaml"}.items():
        (workspace / target).parent.mkdir(parents=True, exist_ok=True)  # standards/counties/ is not in mini
        shutil.copy(ROOT / source, workspace / target)
    extra = ("--fail-on", case["fail_on"]) if "fail_on" in case else ()
    before = snapshot(tmp_path)
    result = _check(workspace, *extra)
    _assert_reported(result, case["target"], case["code"], case["line"], case["col"])
    # exactly the expected codes and nothing else: findings beyond those of the untouched mini workspace
    new = _findings(result.stdout) - mini_baseline
    assert new, result.stdout
    assert sorted({code for *_where, code in new}) == sorted(case.get("codes", [case["code"]])), sorted(new)
    assert snapshot(tmp_path) == before  # nothing in or beside the workspace changed (issue 14)


FINDING = re.compile(r"^(?P<path>[^\s:][^:]*?)(?::(?P<line>\d+):(?P<col>\d+))?: \S+ (?P<code>[A-Z][0-9]{3}) ")


def _findings(stdout: str) -> set[tuple[str, str, str, str]]:
    return {(m["path"], m["line"] or "", m["col"] or "", m["code"])
            for m in map(FINDING.match, stdout.splitlines()) if m}


@pytest.fixture(scope="module")
def mini_baseline(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[str, str, str, str]]:
    """The untouched mini workspace's own warnings (projects without a text, C408; no ICS/CCS codes, C415)."""
    result = _check(_workspace(tmp_path_factory.mktemp("baseline")))
    found = _findings(result.stdout)
    assert result.returncode == 0 and found and {code for *_w, code in found} <= {"C408", "C415"}, result.stdout
    return found


TARGET = "standards/domains/zdbc/zdbc-01.yaml"


def test_fifty_megabyte_file(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    with (workspace / TARGET).open("w", encoding="utf-8") as handle:
        handle.write("id: zdbc-01\nscope:\n")
        line = "  - " + "本文件规定了征地实施过程中的信息公开要求。" * 20 + "\n"
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(line * 1000)
    _assert_reported(_check(workspace), TARGET, "Y105", 1, 1)


def test_very_long_line(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    path = workspace / TARGET
    text = path.read_text(encoding="utf-8").replace("    method: 主动\n", "    method: " + "主动" * 100_000 + "\n", 1)
    path.write_text(text, encoding="utf-8")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if ln.startswith("    method: 主动主动"))
    _assert_reported(_check(workspace), TARGET, "R307", line, 13)


def test_deeply_nested_value(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    path = workspace / TARGET
    text = path.read_text(encoding="utf-8").replace("    method: 主动\n", "    method: " + "[" * 5000 + "]" * 5000 + "\n", 1)
    path.write_text(text, encoding="utf-8")
    result = _check(workspace)
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    assert any(f" {code} " in result.stdout for code in ("Y106", "Y101")), result.stdout


def test_special_files_named_yaml(tmp_path: Path) -> None:
    """Things on disk that are not YAML files: a folder and a link loop are each a Y108 naming the file, a broken
    link out of the workspace is E921; a FIFO and a link to /dev/zero (whose reads block or never end) are left out, so `check` still ends."""
    workspace = _workspace(tmp_path)
    domain = workspace / "standards" / "domains" / "zdbc"
    (domain / "zdbc-02.yaml").mkdir()
    (domain / "zdbc-03.yaml").symlink_to(tmp_path / "missing.yaml")
    (domain / "zdbc-04.yaml").symlink_to(domain / "zdbc-04.yaml")
    os.mkfifo(domain / "zdbc-05.yaml")
    (domain / "zdbc-06.yaml").symlink_to("/dev/zero")
    result = _check(workspace)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode == 1, result.stdout + result.stderr
    for name in ("zdbc-02", "zdbc-04"):
        assert re.search(rf"^standards/domains/zdbc/{name}\.yaml: \S+ Y108 ", result.stdout, re.M), result.stdout
    # the broken link leads out of the workspace: never followed (load.confine)
    assert re.search(r"^standards/domains/zdbc/zdbc-03\.yaml:1:1: \S+ E921 ", result.stdout, re.M), result.stdout
    assert "zdbc-05.yaml" not in result.stdout and "zdbc-06.yaml" not in result.stdout
