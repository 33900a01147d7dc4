"""Deterministic synthetic publication ledgers (公开台账): the shipped SAMPLE ledger and the benchmark corpora.

    python benchmarks/ledger_gen.py sample            # writes standards/ledger/sample-330105.csv and re-imports
                                                      # it into standards/ledger/ledger.sqlite3 (fresh file)
    python benchmarks/ledger_gen.py csv N OUT.csv     # N rows for the import benchmark (items of 330105)
    python benchmarks/ledger_gen.py xlsx N OUT.xlsx

Every row is SAMPLE data: each title starts with 【示例数据】, the 备注 column says so, and every link points to
the reserved `.example` top-level domain (RFC 2606), so nothing here can be taken for a real publication record.
The mix is what an evaluation needs to show: most items published on time, some late, some missing, policy items
with 解读 rows linked to them, a few 回应 rows; channels are the item's required ones from the vocabulary, with a
few left out. Randomness comes from random.Random(seed) only, so equal arguments give equal files.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import random
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from govopen_std.diagnostics import Diagnostics  # noqa: E402
from govopen_std.evaluate.ledger_catalog import CatalogItem, resolve_county  # noqa: E402

COUNTY = "330105"
YEAR = 2018
SEED = 330105
HOST = "https://ledger-sample.example"  # RFC 2606 reserves .example: never a real site
SAMPLE_NOTE = "示例数据，非真实公开记录"
SAMPLE_CSV = "standards/ledger/sample-330105.csv"
HEADER = ["事项编码", "事项名称", "类别", "信息标题", "信息形成（变更）日期", "发布日期", "发布渠道", "链接", "发布单位",
          "关联信息", "备注"]
POLICY_WORDS = ("政策", "文件", "规定", "办法", "规划", "方案", "标准", "意见", "通知", "细则")
MISSING_SHARE = 0.12
LATE_SHARE = 0.18
DROPPED_CHANNEL_SHARE = 0.08


@dataclass(frozen=True)
class LedgerLine:
    code: str
    name: str
    kind: str
    title: str
    formed: dt.date
    published: dt.date
    channels: tuple[str, ...]
    url: str
    publisher: str
    related: str = ""

    def cells(self) -> list[object]:
        formed, published = self.formed.isoformat(), self.published.isoformat()
        return [self.code, self.name, self.kind, self.title, formed, published, "、".join(self.channels), self.url,
                self.publisher, self.related, SAMPLE_NOTE]


def county_items(code: str = COUNTY) -> list[CatalogItem]:
    """The applicable items of the county's resolved catalog in the shipped standards."""
    diags = Diagnostics()
    catalog = resolve_county(ROOT, code, diags)
    if catalog is None:
        raise SystemExit("cannot resolve the county: " + "; ".join(d.message("en") for d in diags.items))
    vocabulary = set(catalog.channels)
    # a channel the item names outside the vocabulary (written 其他：…) stays out: the sample uses vocabulary names
    return [CatalogItem(item.code, item.name, item.domain, tuple(c for c in item.required_channels if c in vocabulary),
                        item.applicable, item.subjects) for item in catalog.items if item.applicable]


def _publisher(item: CatalogItem) -> str:
    return item.subjects[0] if item.subjects else "杭州市拱墅区人民政府办公室"


def _channels(item: CatalogItem, rng: random.Random) -> tuple[str, ...]:
    channels = list(item.required_channels) or ["政府网站"]
    if len(channels) > 1 and rng.random() < DROPPED_CHANNEL_SHARE:
        channels.pop(rng.randrange(len(channels)))  # a required channel left out
    return tuple(channels)


def _lines_for(item: CatalogItem, serial: int, rng: random.Random, year: int) -> Iterator[LedgerLine]:
    """The publications of one item: one or two pieces, late for some, a 解读 for policy items."""
    for issue in range(1, rng.choice((1, 1, 2)) + 1):
        formed = dt.date(year, 1, 2) + dt.timedelta(days=rng.randrange(290))  # published within the year
        delay = rng.randrange(30, 70) if rng.random() < LATE_SHARE else rng.randrange(0, 18)
        published = formed + dt.timedelta(days=delay)
        title = f"【示例数据】{item.name}（{year}年第{issue}期）"
        url = f"{HOST}/{COUNTY}/{item.code}/{serial}-{issue}.html"
        line = LedgerLine(item.code, item.name, "发布", title, formed, published, _channels(item, rng), url,
                          _publisher(item))
        yield line
        if any(w in item.name for w in POLICY_WORDS) and rng.random() < 0.7:
            lag = rng.choice((0, 1, 2, 3, 3, 5, 8))
            yield LedgerLine(item.code, item.name, "解读", f"【示例数据】图解：{item.name}（{year}年第{issue}期）",
                             published, published + dt.timedelta(days=lag), ("政府网站",),
                             f"{HOST}/{COUNTY}/{item.code}/{serial}-{issue}-jd.html", line.publisher, related=title)


def generate(items: Sequence[CatalogItem], seed: int = SEED, year: int = YEAR) -> list[LedgerLine]:
    """The sample ledger: every item once, in catalog order, some left out as missing, a few 回应 rows."""
    rng = random.Random(seed)
    lines: list[LedgerLine] = []
    for serial, item in enumerate(items, 1):
        if rng.random() < MISSING_SHARE:
            continue
        lines += _lines_for(item, serial, rng, year)
    for n, item in enumerate(rng.sample(list(items), min(4, len(items))), 1):
        formed = dt.date(year, 3 * n, 10 + n)
        lines.append(LedgerLine(item.code, item.name, "回应", f"【示例数据】关于群众反映{item.name}有关问题的回应",
                                formed, formed + dt.timedelta(days=rng.choice((1, 2, 4))), ("政府网站", "两微一端"),
                                f"{HOST}/{COUNTY}/hy/{n}.html", _publisher(item), related=f"群众来信 {year}-{n:03d}"))
    return lines


def scaled(items: Sequence[CatalogItem], rows: int, seed: int = 1) -> Iterator[LedgerLine]:
    """`rows` lines for the benchmarks: the sample's pattern repeated over the items with fresh dates."""
    rng = random.Random(seed)
    made = 0
    while made < rows:
        for serial, item in enumerate(items, made + 1):
            for line in _lines_for(item, serial, rng, YEAR):
                yield line
                made += 1
                if made >= rows:
                    return


def csv_bytes(lines: Sequence[LedgerLine] | Iterator[LedgerLine]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["杭州市拱墅区基层政务公开台账（示例数据，非真实记录）"])  # a title row above the header
    writer.writerow(HEADER)
    writer.writerows(line.cells() for line in lines)
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def write_xlsx(lines: Iterator[LedgerLine], path: Path) -> None:
    """An XLSX as Excel or WPS saves it: a shared string table, a <dimension>, real date cells (openpyxl's normal
    mode; its write-only mode writes inline strings and no dimension, which no office suite does)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["杭州市拱墅区基层政务公开台账（示例数据，非真实记录）"])
    ws.append(HEADER)
    for line in lines:
        cells = line.cells()
        cells[4:6] = [line.formed, line.published]  # 信息形成（变更）日期, 发布日期 as date cells
        ws.append(cells)
    wb.save(path)


def write_sample(root: Path = ROOT) -> tuple[Path, Path]:
    """The shipped sample: the CSV, then a fresh store imported from it (rows inserted in sorted order)."""
    from govopen_std.evaluate.ledger_import import LedgerOptions, import_ledger
    from govopen_std.evaluate.store import STORE_NAME

    csv_path = root / SAMPLE_CSV
    csv_path.parent.mkdir(parents=True, exist_ok=True)
    csv_path.write_bytes(csv_bytes(generate(county_items())))
    store = root / "standards" / STORE_NAME
    store.unlink(missing_ok=True)
    summary = import_ledger(LedgerOptions((csv_path.relative_to(root),), COUNTY, workspace=root,
                                          today=dt.date(YEAR + 1, 1, 1), store=store))
    if not summary.ok:
        raise SystemExit("the sample does not import cleanly: "
                         + "; ".join(f"{d.location} {d.message('en')}" for d in summary.diagnostics.items))
    return csv_path, store


def main(argv: list[str]) -> None:
    if argv[:1] == ["sample"]:
        os.chdir(ROOT)  # provenance names the CSV relative to the workspace
        for path in write_sample():
            print(path.relative_to(ROOT).as_posix())
        return
    if len(argv) == 3 and argv[0] in ("csv", "xlsx"):
        lines = scaled(county_items(), int(argv[1]))
        out = Path(argv[2])
        if argv[0] == "csv":
            out.write_bytes(csv_bytes(lines))
        else:
            write_xlsx(lines, out)
        return
    raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
