"""Ledger import benchmark: `govopen ledger import` throughput from CSV and XLSX, written into RESULTS.md.

    python benchmarks/ledger_bench.py              # 100,000 CSV rows and 20,000 XLSX rows, 3 runs each
    python benchmarks/ledger_bench.py --smoke      # 2,000 rows: checks that the harness works

Ledgers come from benchmarks/ledger_gen.py (the sample's pattern over the items of 330105). Each run imports into
a fresh store in a copy of the shipped workspace, in-process (wall time of `import_ledger`: resolving the county's
catalog, reading, validating, matching, and one executemany transaction). The figure without the fixed cost
subtracts the time of importing a one-row file (resolving the catalog, opening the store). Targets (issue 19):
CSV at least 20,000 rows/s, XLSX at least 5,000 rows/s. Nothing here is a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ledger_gen as LG
import measure as M

from govopen_std.evaluate.ledger_import import LedgerOptions, import_ledger

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
BEGIN, END = "<!-- ledger-bench:begin -->", "<!-- ledger-bench:end -->"
TARGETS = {"csv": 20_000, "xlsx": 5_000}


def workspace(work: Path) -> Path:
    ws = work / "ws"
    ws.mkdir()
    shutil.copy(LG.ROOT / "govopen.yaml", ws / "govopen.yaml")
    shutil.copytree(LG.ROOT / "standards", ws / "standards", ignore=shutil.ignore_patterns("ledger"))
    return ws


def timed_import(ws: Path, path: Path, store: Path) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, rows stored) of one import into a fresh store."""
    store.unlink(missing_ok=True)
    start, cpu = time.perf_counter(), time.process_time()
    summary = import_ledger(LedgerOptions((path,), LG.COUNTY, workspace=ws, today=dt.date(2019, 1, 1), store=store))
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    if not summary.ok or summary.added != summary.read:
        raise SystemExit(f"benchmark ledger did not import cleanly: {summary.diagnostics.items[:3]}")
    return elapsed, cpu, summary.added


def measure(ws: Path, fmt: str, rows: int, runs: int, work: Path) -> dict[str, float]:
    items = LG.county_items()
    path, one = work / f"ledger.{fmt}", work / f"one.{fmt}"
    for target, count in ((path, rows), (one, 1)):
        lines = LG.scaled(items, count)
        if fmt == "csv":
            target.write_bytes(LG.csv_bytes(lines))
        else:
            LG.write_xlsx(lines, target)
    store = work / "bench.sqlite3"
    timed_import(ws, one, store)  # warm the parse cache of the workspace, as a second run of govopen would be
    fixed = [timed_import(ws, one, store) for _ in range(runs)]
    times = [timed_import(ws, path, store) for _ in range(runs)]
    rows_ = times[0][2]
    wall, cpu = statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)
    fixed_cpu = statistics.median(t[1] for t in fixed)
    return {"rows": rows_, "wall": wall, "cpu": cpu, "fixed_cpu": fixed_cpu, "rate_wall": rows_ / wall,
            "rate": rows_ / cpu, "rate_net": rows_ / max(cpu - fixed_cpu, 1e-9), "bytes": path.stat().st_size}


def section(results: dict[str, dict[str, float]], runs: int, load_at_start: str) -> str:
    info = M.machine()
    lines = [BEGIN, "## Ledger import (`govopen ledger import`)", "",
             f"Produced by `python benchmarks/ledger_bench.py` (medians of {runs} runs of one import into a fresh store, "
             "in-process; rows/s from CPU time, wall time alongside: the machine is shared, so wall time mostly "
             "measures the other processes; ledgers from `benchmarks/ledger_gen.py` over the 330105 catalog). "
             f"Machine: {info.get('cpu', '?')}; python {info.get('python', '?')}; load average at start "
             f"{load_at_start} (shared machine).", "",
             "| target | measured | met |", "| --- | --- | --- |"]
    for fmt, r in results.items():
        lines.append(f"| ledger import from {fmt.upper()} at least {TARGETS[fmt]:,} rows/s | {r['rate']:,.0f} rows/s "
                     f"({int(r['rows']):,} rows, {r['bytes'] / 1e6:.1f} MB: {r['cpu']:.2f} s CPU including "
                     f"{r['fixed_cpu']:.2f} s of fixed cost; {r['wall']:.2f} s wall = {r['rate_wall']:,.0f} rows/s); "
                     f"{r['rate_net']:,.0f} rows/s without the fixed cost | "
                     f"{'yes' if r['rate'] >= TARGETS[fmt] else '**no**'} in CPU time; wall time "
                     f"{'meets' if r['rate_wall'] >= TARGETS[fmt] else '**misses**'} it at this load |")
    lines += ["", f"Load average at the end: {M.load_average()}.", "",
              "Fixed cost: resolving the county's catalog (check, province + overlay, view) and opening the "
              "store, measured as the import of a one-row file. Rows are inserted with one executemany in one "
              "transaction; XLSX is read with openpyxl in read-only mode, whose cell parser takes most of the "
              "XLSX time; the XLSX ledgers are written by openpyxl (a dimension, real date cells).", END]
    return "\n".join(lines) + "\n"


def write_results(text: str) -> None:
    current = RESULTS.read_text(encoding="utf-8")
    if BEGIN in current and END in current:
        head, rest = current.split(BEGIN, 1)
        current = head + text + rest.split(END, 1)[1].lstrip("\n")
    else:
        current = current.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(current, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="tiny ledgers; RESULTS.md is left alone")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = {"csv": 2_000, "xlsx": 2_000} if args.smoke else {"csv": 100_000, "xlsx": 20_000}
    load_at_start = M.load_average()
    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as tmp:
        work = Path(tmp)
        ws = workspace(work)
        results = {fmt: measure(ws, fmt, rows, args.runs, work) for fmt, rows in sizes.items()}
    text = section(results, args.runs, load_at_start)
    print(text)
    if not args.smoke:
        write_results(text)


if __name__ == "__main__":
    main()
