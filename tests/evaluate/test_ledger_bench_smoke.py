"""The ledger benchmark harness on tiny ledgers: the generated CSV and XLSX import cleanly row for row, are the same
for the same arguments, and the benchmark script goes through both formats. No timing is asserted."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from helpers.ledger import problems, run_import, stored

GEN = ROOT / "benchmarks" / "ledger_gen.py"


def _generate(fmt: str, rows: int, out: Path) -> Path:
    subprocess.run([sys.executable, str(GEN), fmt, str(rows), str(out)], check=True, capture_output=True,
                   timeout=300, cwd=ROOT)
    return out


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_generated_ledgers_import_row_for_row(tmp_path: Path, fmt: str) -> None:
    path = _generate(fmt, 300, tmp_path / f"l.{fmt}")
    again = _generate(fmt, 300, tmp_path / f"m.{fmt}")
    if fmt == "csv":  # openpyxl stamps the XLSX with the time it was saved; the rows are what matter there
        assert path.read_bytes() == again.read_bytes()
    # the generator draws on the shipped catalog of 330105, so import into a copy of the shipped workspace
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "govopen.yaml").write_bytes((ROOT / "govopen.yaml").read_bytes())
    shutil.copytree(ROOT / "standards", ws / "standards", ignore=shutil.ignore_patterns("ledger"))
    summary = run_import(ws, path)
    assert summary.ok, problems(summary)[:5]
    assert (summary.read, summary.added) == (300, 300) and len(stored(ws)) == 300


def test_benchmark_script_runs(tmp_path: Path) -> None:
    before = (ROOT / "benchmarks" / "RESULTS.md").read_bytes()
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "ledger_bench.py"), "--smoke", "--runs", "1"],
                          capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "ledger import from CSV" in proc.stdout and "ledger import from XLSX" in proc.stdout
    assert (ROOT / "benchmarks" / "RESULTS.md").read_bytes() == before  # --smoke never writes the results

