"""More hostile workspaces (issue 14): a 1 GB source (sparse: never read, only its size is looked at), a 250-character
file name, and the new input codes in English. After each, `check` has changed no file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reliability_helpers import run_govopen, snapshot

from conftest import MINI

DOMAIN = "standards/domains/zdbc"


def _workspace(tmp_path: Path) -> Path:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    return workspace


def test_one_gigabyte_source_is_y105_without_reading_it(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    before = snapshot(tmp_path)
    huge = workspace / DOMAIN / "zdbc-02.yaml"
    with huge.open("wb") as handle:
        handle.truncate(1024 ** 3)  # sparse: 1 GB long, no disk used
    made = huge.stat()
    result = run_govopen("check", "-w", str(workspace), cwd=tmp_path, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{DOMAIN}/zdbc-02.yaml:1:1: 错误 Y105 文件过大（1073741824 字节，上限 10485760 字节）" in result.stdout
    assert (huge.stat().st_size, huge.stat().st_mtime_ns) == (made.st_size, made.st_mtime_ns)
    huge.unlink()  # (hashing 1 GB would only slow the test down)
    assert snapshot(tmp_path) == before


def test_very_long_file_name_is_reported_by_its_name(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    name = "z" * 250 + ".yaml"  # 255 bytes: the longest name most file systems allow
    shutil.copy(workspace / DOMAIN / "zdbc-01.yaml", workspace / DOMAIN / name)
    before = snapshot(tmp_path)
    result = run_govopen("check", "-w", str(workspace), cwd=tmp_path, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    located = [ln for ln in result.stdout.splitlines() if ln.startswith(f"{DOMAIN}/{name}:") and " 错误 " in ln]
    assert located, result.stdout  # its id does not match its name (and its items repeat zdbc-01's codes)
    assert snapshot(tmp_path) == before


def test_new_input_codes_speak_english(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    source = workspace / DOMAIN / "zdbc-01.yaml"
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace("    name: 征收土地预公告\n", "    name: 征收土地\u202e告公预\n", 1)
                      .replace("articles: [47]}", "articles: [" + "1" * 40 + "]}", 1), encoding="utf-8")
    result = run_govopen("check", "-w", str(workspace), "--lang", "en", cwd=tmp_path, timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r":19:\d+: error Y114 integer too large \(40 digits\)", result.stdout), result.stdout
    assert "hint: Numbers such as article numbers never exceed 30 digits" in result.stdout
    (workspace / DOMAIN / "zdbc-01.yaml").write_text(text.replace("    name: 征收土地预公告\n",
                                                                   "    name: 征收土地\u202e告公预\n", 1), encoding="utf-8")
    result = run_govopen("check", "-w", str(workspace), "--lang", "en", cwd=tmp_path, timeout=120)
    assert f"{DOMAIN}/zdbc-01.yaml:13:11: error Y112 the text holds U+202E, a bidirectional control" in result.stdout
    source.write_text(text.replace("    name: 征收土地预公告\n", "    name: 征收\u2028土地预公告\n", 1), encoding="utf-8")
    result = run_govopen("check", "-w", str(workspace), "--lang", "en", cwd=tmp_path, timeout=120)
    assert f"{DOMAIN}/zdbc-01.yaml:13:13: error Y113 the text holds the Unicode line break U+2028" in result.stdout
