"""A small run of the benchmark harness: the generator makes valid workspaces, and the runner goes through
every scenario on tiny corpora. No timing is asserted (speed is never a test's business)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from govopen_std.pipeline import check_workspace

BENCH = ROOT / "benchmarks"


def generate(out: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, str(BENCH / "generate.py"), str(out), *args], capture_output=True,
                          text=True, timeout=300, check=True)
    return proc.stdout


def test_generated_workspaces_check_clean(tmp_path: Path) -> None:
    sizes = generate(tmp_path / "ws", "--domains", "3", "--items", "30", "--counties", "4", "--overlay", "10")
    result = check_workspace(tmp_path / "ws", cache_dir=tmp_path / "cache")
    assert [d.check_tuple() for d in result.diagnostics.items] == []
    assert result.stats["items"] == 90 and "base_items=90" in sizes
    assert len(list((tmp_path / "ws" / "standards" / "counties").glob("*.yaml"))) == 4


def test_generation_is_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate(tmp_path / name, "--items", "12", "--counties", "2", "--seed", "7")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    assert files and all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes() for f in files)


def test_the_runner_goes_through_every_scenario(tmp_path: Path) -> None:
    results = tmp_path / "RESULTS.md"
    proc = subprocess.run([sys.executable, str(BENCH / "run.py"), "--smoke", "--work", str(tmp_path / "work"),
                           "--results", str(results)], capture_output=True, text=True, timeout=1500)
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = results.read_text(encoding="utf-8")
    for target in ("--version", "shipped standards", "items/s cold", "check-jsonschema", "rows/s", "no-op rebuild",
                   "national scale", "peak memory", "linearly"):
        assert target in text, target
    assert "## Machine" in text and "| target | measured |" in text
