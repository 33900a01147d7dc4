"""Ledger tests: a mini workspace with the 330105 profile, ledger files written as CSV or XLSX, imports run
in-process with a fixed today, and the stored rows read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
from collections.abc import Sequence
from pathlib import Path

from conftest import MINI
from govopen_std.evaluate.ledger_import import ImportSummary, LedgerOptions, import_ledger
from govopen_std.evaluate.store import STORE_NAME, LedgerRow, iter_rows, open_store
from helpers.county import PROFILE, write_profile

TODAY = dt.date(2019, 1, 1)
HEADER = ["事项编码", "事项名称", "信息标题", "信息形成（变更）日期", "发布日期", "发布渠道", "链接", "发布单位"]


def ledger_workspace(target: Path) -> Path:
    """The mini workspace with 330105: items ZDBC-01-01 征地管理政策, ZDBC-02-01 征收土地预公告, ZDBC-02-02 (不适用)
    and the local ZDBC-90-01 征地信息查询服务."""
    shutil.copytree(MINI, target)
    write_profile(target, PROFILE)
    return target


def good_row(code: str = "ZDBC-01-01", title: str = "征地管理政策文件", formed: str = "2018-03-05",
             published: str = "2018-03-09") -> list[str]:
    return [code, "", title, formed, published, "政府网站", "https://www.example.gov.cn/a.html", "拱墅区政府办"]


def write_csv(path: Path, rows: Sequence[Sequence[object]], header: Sequence[str] = HEADER,
              title_rows: Sequence[str] = (), encoding: str = "utf-8-sig") -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for title in title_rows:
        writer.writerow([title])
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def write_xlsx(path: Path, rows: Sequence[Sequence[object]], header: Sequence[str] = HEADER,
               title_rows: Sequence[str] = (), sheet: str = "台账") -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for title in title_rows:
        ws.append([title])
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def run_import(workspace: Path, *files: Path, today: dt.date = TODAY, county: str = "330105") -> ImportSummary:
    return import_ledger(LedgerOptions(tuple(files), county, workspace=workspace, today=today))


def stored(workspace: Path, county: str = "330105") -> list[LedgerRow]:
    path = workspace / "standards" / STORE_NAME
    if not path.is_file():
        return []
    conn = open_store(path, readonly=True)
    try:
        return list(iter_rows(conn, county))
    finally:
        conn.close()


def problems(summary: ImportSummary) -> list[tuple[str, str, str]]:
    """(code, location, column) of every problem, in the order reported."""
    out = []
    for d in summary.diagnostics.items:
        params = dict(d.params)
        out.append((d.code, str(d.location) if d.location else "", str(params.get("column", ""))))
    return out
