"""The quarterly progress report (季度进展报告) as a DOCX on a GB/T 9704 page, read from `report_records`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH

from govopen_std.progress import stages
from govopen_std.render import official_doc as od
from govopen_std.render.reproducible import save_document, set_core_properties

TALLY_HEAD = ["计划", "应完成", "已完成", "逾期", "已发布"]
TALLY_KEYS = ["planned", "due", "done", "overdue", "published"]
LEFT = WD_ALIGN_PARAGRAPH.LEFT


def _table(document: Any, head: list[str], rows: list[list[str]], widths: list[float],
           left: frozenset[int] = frozenset()) -> None:
    tbl = od.table(document, widths, 1 + len(rows))
    od.repeat_header(tbl.rows[0])
    for c, text in enumerate(head):
        od.cell_text(tbl.rows[0].cells[c], text, face=od.HEITI)
    for r, values in enumerate(rows, 1):
        cells = tbl.rows[r].cells
        od.keep_row_together(tbl.rows[r])
        for c, text in enumerate(values):
            od.cell_text(cells[c], text, align=LEFT if c in left else WD_ALIGN_PARAGRAPH.CENTER)


def _tally_rows(tallies: list[dict[str, Any]], *, today: bool) -> list[list[str]]:
    rows = []
    for t in tallies:
        lead = [t["title"], t["today"] or t["title"]] if today else [t["title"]]
        rows.append(lead + [str(t[k]) for k in TALLY_KEYS])
    return rows


def _overdue_rows(records: dict[str, Any]) -> list[list[str]]:
    rows = [s for s in records["standards"] if s["overdue"]]
    return [[str(i), s["title"], s["group_title"], stages.month_label(s["month"]), s["stage"], "、".join(s["units"])]
            for i, s in enumerate(rows, 1)]


def _sections(document: Any, records: dict[str, Any]) -> None:
    od.heading(document, "一、各分组进展情况")
    _table(document, ["分组", *TALLY_HEAD], _tally_rows(records["groups"], today=False) +
           _tally_rows([records["totals"]], today=False), [46.0, 22.0, 22.0, 22.0, 22.0, 22.0], frozenset({0}))
    od.heading(document, "二、各责任单位进展情况")
    _table(document, ["责任单位", "现机构", *TALLY_HEAD[:4]], [r[:6] for r in _tally_rows(records["units"], today=True)],
           [30.0, 50.0, 19.0, 19.0, 19.0, 19.0], frozenset({0, 1}))
    od.heading(document, "三、逾期未发布的标准")
    overdue = _overdue_rows(records)
    if overdue:
        _table(document, ["序号", "标准", "分组", "计划时间", "当前阶段", "责任单位"], overdue,
               [12.0, 40.0, 24.0, 22.0, 18.0, 40.0], frozenset({1, 5}))
    else:
        od.body(document, "无。")
    od.heading(document, "四、本季度状态变化")
    events = records["events"]
    if events:
        _table(document, ["日期", "标准", "状态"], [[e["date"], e["title"], e["status"]] for e in events],
               [36.0, 90.0, 30.0], frozenset({1}))
    else:
        od.body(document, "本季度未记录状态变化。")


def _title_lines(title: str) -> list[str]:
    """Break before 季度进展报告 as a printed title would, rather than leaving 报告 alone on line two."""
    head, sep, tail = title.partition("季度")
    return [head, sep + tail] if sep and head else [title]


def write_report_docx(records: dict[str, Any], path: Path) -> Path:
    as_of = dt.date.fromisoformat(records["as_of"])
    document = od.new_document()
    set_core_properties(document, title=records["title"], author="govopen", day=as_of, subject=records["quarter"])
    od.title(document, _title_lines(records["title"]))
    od.centered(document, f"（{records['quarter']}，截至{stages.date_label(as_of)}）")
    od.body(document, records["summary"])
    _sections(document, records)
    od.right_date(document, stages.date_label(as_of))
    return save_document(document, path, as_of)
