"""D842 (git is needed for `diff --git`) and D845 (a revision that has an item code twice compares the first)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import MINI, run_cli


def test_d842_git_missing(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "ws")
    empty = tmp_path / "bin"
    empty.mkdir()
    result = run_cli("diff", "--git", "HEAD~1", "HEAD", cwd=tmp_path / "ws", env={"PATH": str(empty)})
    assert result.exit_code == 2 and "D842" in result.stderr and "Traceback" not in result.stderr


def test_d845_a_code_twice_in_one_revision(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old)
    shutil.copytree(MINI, new)
    text_file = new / "standards/domains/zdbc/zdbc-01.yaml"
    lines = text_file.read_text(encoding="utf-8").splitlines(keepends=True)
    second = lines.index("  - code: ZDBC-02-02\n")
    lines[second] = "  - code: ZDBC-02-01\n"  # the first item's code again
    text_file.write_text("".join(lines), encoding="utf-8")
    result = run_cli("diff", str(old), str(new), "--format", "json")
    found = [(d["code"], d["path"], d["line"], d["col"]) for d in json.loads(result.stdout)["diagnostics"]
             if d["code"] == "D845"]
    assert found == [("D845", "standards/domains/zdbc/zdbc-01.yaml", second + 1, 11)]


def test_d847_an_output_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("mine", encoding="utf-8")
    shutil.copytree(MINI, tmp_path / "old")
    shutil.copytree(MINI, tmp_path / "new")
    result = run_cli("diff", str(tmp_path / "old"), str(tmp_path / "new"), "--docx", str(blocker / "x.docx"))
    assert result.exit_code != 0 and "D847" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and blocker.read_text(encoding="utf-8") == "mine"
    exported = run_cli("export", "-w", str(tmp_path / "new"), "-o", str(blocker / "sub"))
    assert exported.exit_code != 0 and "D847" in exported.stdout + exported.stderr
    assert blocker.read_text(encoding="utf-8") == "mine"
