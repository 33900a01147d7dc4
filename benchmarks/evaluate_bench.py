"""Benchmark of `govopen evaluate` (issue 19): a province (90 counties, ~300,000 ledger rows) under 10 s; the nation
(2,800 counties, ~10 M rows) under 5 min on 2 cores with peak memory under 2 GB; time linear in rows (3 sizes).

    python benchmarks/evaluate_bench.py OUT [--sizes 90,280,900,2800] [--rows 3400] [--runs 1]

For each size: a workspace from `generate.py` (1,000 base items in 8 domains, 20 overlay entries per county) plus
an indicator system (gen-13 and each domain's -06), and a synthetic ledger of `--rows` rows per county written
straight into the store (`evaluate/store.py`'s schema). Then the whole `govopen evaluate --period 2018 --format
json` process is timed, its JSON written to a file, its peak resident memory sampled. Rows are deterministic
(seeded): 90 % 发布 (85 % within the deadline, the rest late), 6 % 解读, 3 % 回应, 1 % 抽查.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate as G
import measure as M

STORE_COLUMNS = ("id", "county", "item_code", "kind", "title", "formed", "published", "channels", "url",
                 "publisher", "notice_end", "related", "found", "elements", "note", "source_file", "source_sheet",
                 "source_row")
GEN13 = """id: gen-13
scope:
  - 本文件规定了基层政务公开绩效评价的指标体系（基准测试用）。
indicators:
  - {id: A, name: 公开覆盖, weight: 30, metric: coverage}
  - id: B
    name: 公开质量
    weight: 50
    children:
      - {id: B.1, name: 及时公开, weight: 40, metric: timeliness}
      - {id: B.2, name: 必选渠道, weight: 30, metric: channels}
      - {id: B.3, name: 抽查完整, weight: 30, metric: completeness}
  - id: C
    name: 解读回应
    weight: 20
    children:
      - {id: C.1, name: 解读率, weight: 50, metric: interpretation}
      - {id: C.2, name: 回应时效, weight: 50, metric: response, params: {days: 2}}
"""
DOMAIN_INDICATORS = """indicators:
  - {id: D1, name: 覆盖, weight: 50, metric: coverage}
  - {id: D2, name: 及时, weight: 50, metric: timeliness}
"""
YEAR_START = dt.date(2018, 1, 1).toordinal()


@dataclass(frozen=True)
class BaseItem:
    code: str
    required: tuple[str, ...]


def add_indicators(ws: Path) -> None:
    """gen-13 into system.yaml and its text; an indicators block at the end of each domain's -06 text."""
    system = ws / "standards" / "system.yaml"
    text = system.read_text(encoding="utf-8")
    line = ("  - {id: gen-13, title: 绩效评价指标体系, group: general, subgroup: overall, month: 2017-12, "
            "units: [省质监局], status: 起草}\n")
    system.write_text(text.replace("standards:\n", "standards:\n" + line, 1), encoding="utf-8")
    (ws / "standards" / "general" / "gen-13.yaml").write_text(GEN13, encoding="utf-8")
    for path in sorted((ws / "standards" / "domains").glob("*/*-06.yaml")):
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + DOMAIN_INDICATORS, encoding="utf-8")


def base_items(ws: Path) -> tuple[list[BaseItem], list[str]]:
    sys.path.insert(0, str(M.SRC[0]))
    from govopen_std.pipeline import check_workspace

    sources = check_workspace(ws).sources
    items = [BaseItem(it.value.code, tuple(it.value.channels.required)) for _, it in sources.all_items()]
    counties = sorted(p.stem for p in (ws / "standards" / "counties").glob("*.yaml"))
    return items, counties


def county_rows(county: str, items: list[BaseItem], count: int, rng: random.Random) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for n in range(count):
        item = items[rng.randrange(len(items))]
        formed = dt.date.fromordinal(YEAR_START + rng.randrange(350))
        roll = rng.random()
        kind = "发布" if roll < 0.90 else "解读" if roll < 0.96 else "回应" if roll < 0.99 else "抽查"
        delay = rng.randrange(0, 25) if rng.random() < 0.85 else rng.randrange(30, 80)
        published = (formed + dt.timedelta(days=delay)).isoformat()
        channels = list(item.required) if rng.random() < 0.8 else list(item.required[:1])
        title = f"{item.code} 第{n}号"
        related = f"{item.code} 第{n - 1}号" if kind == "解读" else None
        found = (rng.random() < 0.9) if kind == "抽查" else None
        elements = json.dumps({"公开内容": rng.random() < 0.8, "公开时限": True}, ensure_ascii=False) \
            if kind == "抽查" else None
        rows.append((f"{county}-{n}", county, item.code, kind, title, formed.isoformat(), published,
                     json.dumps(channels, ensure_ascii=False), "https://www.example.gov.cn/x", "发布单位", None,
                     related, found, elements, None, "bench.csv", None, n + 2))
    return rows


def write_ledger(ws: Path, items: list[BaseItem], counties: list[str], per_county: int, seed: int) -> int:
    sys.path.insert(0, str(M.SRC[0]))
    from govopen_std.evaluate.store import STORE_NAME, open_store

    path = ws / "standards" / STORE_NAME
    path.unlink(missing_ok=True)
    conn = open_store(path)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    rng = random.Random(seed)
    sql = f"INSERT INTO publications ({', '.join(STORE_COLUMNS)}) VALUES ({', '.join('?' * len(STORE_COLUMNS))})"
    total = 0
    for county in counties:
        rows = county_rows(county, items, per_county, rng)
        conn.executemany(sql, rows)
        total += len(rows)
    conn.commit()
    conn.close()
    return total


def timed(ws: Path, out: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak MB and exit code of one `govopen evaluate` process writing JSON to `out`."""
    import resource

    cmd = M.govopen("evaluate", "-w", str(ws), "--period", "2018", "--format", "json")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = [0]
    start = time.perf_counter()
    with out.open("w", encoding="utf-8") as sink:
        proc = subprocess.Popen(cmd, env=M.base_env(), cwd=ws, stdout=sink, stderr=subprocess.DEVNULL)
        stop = threading.Event()

        def sample() -> None:
            while not stop.wait(0.05):
                peak[0] = max(peak[0], M._tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        code = proc.wait()
        stop.set()
        sampler.join()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak[0] / 1024, code


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--sizes", default="90,280,900,2800", help="county counts, comma-separated")
    parser.add_argument("--rows", type=int, default=3400, help="ledger rows per county")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"machine: {M.machine()}  load: {M.load_average()}")
    for size in (int(s) for s in args.sizes.split(",")):
        ws = args.out / f"c{size}"
        G.generate(ws, G.Params(counties=size))
        add_indicators(ws)
        items, counties = base_items(ws)
        start = time.perf_counter()
        rows = write_ledger(ws, items, counties, args.rows, seed=size)
        made = time.perf_counter() - start
        for run in range(args.runs):
            wall, cpu, peak, code = timed(ws, args.out / f"c{size}.json")
            out_mb = (args.out / f"c{size}.json").stat().st_size / 1e6
            print(f"counties={size} rows={rows} ledger_written={made:.1f}s run={run} wall={wall:.2f}s "
                  f"cpu={cpu:.2f}s peak={peak:.0f}MB exit={code} rows_per_s={rows / wall:,.0f} "
                  f"json={out_mb:.0f}MB", flush=True)
        (args.out / f"c{size}.json").unlink()


if __name__ == "__main__":
    main()
