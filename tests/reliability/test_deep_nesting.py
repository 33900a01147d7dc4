"""Deep nesting never reaches ruamel's C composer (which segfaulted at 50,000 levels, issue 14 point 3): every depth,
flow or block style, is a Y106 at the node where the limit of 64 levels is crossed; a crashed parser process is a
located Y111 naming the file, never a bare exit code or an E903."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from reliability_helpers import govopen_env, snapshot

from conftest import MINI, ROOT
from govopen_std.diagnostics import Diagnostics
from govopen_std.load import preload as preload_module
from govopen_std.load.depth_scan import deep_position
from govopen_std.load.yaml_source import SourceFile

DEEP = "standards/laws/deep.yaml"
TIMEOUT = 300  # a hang guard, not a speed assertion


def _deep_text(style: str, depth: int) -> tuple[str, int, int]:
    """A law file nested `depth` levels deep in `style`, and the line:col of its node at depth 65 (the root
    sequence is depth 0, the law's mapping 1, so the 64th opening is the first node past the limit)."""
    head = "- id: deep\n  title: "
    if style == "flow-sequence":
        return head + "[" * depth + "]" * depth + "\n", 2, len("  title: ") + 64
    if style == "flow-mapping":
        return head + "{a: " * depth + "x" + "}" * depth + "\n", 2, len("  title: ") + 4 * 63 + 1
    if style == "block-sequence":  # compact block entries: one "- " per level on one line
        return head + "\n    " + "- " * depth + "x\n", 3, 4 + 2 * 63 + 1
    raise AssertionError(style)


def _check(workspace: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "govopen_std", "check", "-w", str(workspace)], capture_output=True,
                          text=True, timeout=TIMEOUT, env=govopen_env())


@pytest.mark.parametrize("style", ["flow-sequence", "flow-mapping", "block-sequence"])
@pytest.mark.parametrize("depth", [100, 20_000, 50_000, 200_000, 1_000_000])
def test_every_depth_is_a_located_y106(style: str, depth: int, tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    text, line, col = _deep_text(style, depth)
    (workspace / DEEP).parent.mkdir()
    (workspace / DEEP).write_text(text, encoding="utf-8")
    before = snapshot(tmp_path)
    result = _check(workspace)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output  # not 139 (segfault) and not 2 (E903 BrokenProcessPool)
    assert "Traceback" not in output and "E903" not in output, output
    hits = [ln for ln in result.stdout.splitlines() if " Y106 " in ln]
    assert hits == [f"{DEEP}:{line}:{col}: 错误 Y106 结构过于复杂：嵌套超过 64 层"], result.stdout
    assert snapshot(tmp_path) == before  # a check writes nothing into the workspace


def test_shipped_standards_pass_the_prescan() -> None:
    """No real source comes near the guard: the pre-scan turns none of the shipped files away."""
    files = sorted((ROOT / "standards").rglob("*.yaml"))
    assert files
    assert [f for f in files if deep_position(f.read_text(encoding="utf-8")) is not None] == []


def test_prescan_skips_quotes_comments_and_block_scalars() -> None:
    """Brackets inside quoted scalars, comments and block scalars do not count as nesting."""
    brackets = "[" * 5000
    text = (f'a: "{brackets}"\nb: \'{brackets}\'\n# {brackets}\nc: |\n  {brackets}\n'
            f"d: [x, '{brackets}', \"{brackets}\"]  # {brackets}\n")
    assert deep_position(text) is None
    assert deep_position(text + "e: " + brackets + "\n") == (7, 68)  # the 65th "[" of line 7
    assert deep_position("- a: |\n    " + brackets + "\n  b: 1\n") is None  # block scalar content under a dash


@pytest.mark.parametrize(("text", "where"), [
    ('a: [ "\n]]]]]]]]\n" , ' + "[" * 50_000 + "]" * 50_001 + "\n", (3, 68)),  # "]" hidden in a multi-line quote
    ("[a]: " + "[" * 50_000 + "]" * 50_000 + "\n", (1, 71)),  # a flow collection as a key, then the value
    ('a: "x\n  ]]]]\n  y"\nb: ' + "[" * 50_000 + "]" * 50_000 + "\n", (4, 68)),  # a block-context quote
    ("a: 'it''s ]]]]'\nb: " + "[" * 50_000 + "]" * 50_000 + "\n", (2, 68)),  # '' inside single quotes
    ("a:\n" + "-\t" * 50_000 + "x\n", (2, 129)),  # compact entries separated by tabs
    ("--- " + "[" * 50_000 + "]" * 50_000 + "\n", (1, 70)),  # the root value on the document marker's line
    ("- a: |\n    text\n  b: " + "[" * 50_000 + "]" * 50_000 + "\n", (3, 69)),  # a key after a block scalar
])
def test_prescan_is_not_fooled_by_quotes_or_flow_keys(text: str, where: tuple[int, int]) -> None:
    assert deep_position(text) == where


_LOAD_TEXT_INTO = preload_module.load_text_into


def _segfault_on_marker(source: SourceFile, raw: bytes, diags: Diagnostics) -> SourceFile:
    if b"crash-me" in raw:
        os.kill(os.getpid(), signal.SIGSEGV)  # what ruamel's C composer did at 50,000 levels
    return _LOAD_TEXT_INTO(source, raw, diags)


def test_crashed_parser_process_is_a_located_y111(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker killed by a segfault while parsing one file: that file is a Y111 at file:1:1, every other file is
    parsed as usual (the pool is forked, so the patched parser runs in the workers)."""
    monkeypatch.setattr(preload_module, "load_text_into", _segfault_on_marker)
    monkeypatch.setattr(preload_module, "PARALLEL_MIN_BYTES", 0)
    paths = []
    for name, body in [("a.yaml", "id: a\n"), ("b.yaml", "id: crash-me\n"), ("c.yaml", "id: c\n")]:
        (tmp_path / name).write_text(body, encoding="utf-8")
        paths.append(tmp_path / name)
    found = preload_module.preload(paths, tmp_path, store=None, jobs=2)
    crashed = found[tmp_path / "b.yaml"]
    assert [(d.code, str(d.location)) for d in crashed.diagnostics] == [("Y111", "b.yaml:1:1")]
    assert crashed.source.data is None
    assert found[tmp_path / "a.yaml"].source.data == {"id": "a"}
    assert found[tmp_path / "c.yaml"].source.data == {"id": "c"}
    assert not found[tmp_path / "a.yaml"].diagnostics


def test_prescan_modules_key_the_parse_cache() -> None:
    """A parse cached before the pre-scans existed must not hide their diagnostics: their code is part of the key."""
    from govopen_std.load import cache

    assert {"load/depth_scan.py", "load/text_guards.py"} <= set(cache.LOADER_MODULES)
    for rel in ("load/depth_scan.py", "load/text_guards.py"):
        assert cache.code_fingerprint(cache.LOADER_MODULES) != cache.code_fingerprint(
            tuple(m for m in cache.LOADER_MODULES if m != rel))
