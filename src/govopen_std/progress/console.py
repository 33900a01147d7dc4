"""`govopen status` on the terminal: the date used, the summary, rich tables per group and per unit, overdue list."""

from __future__ import annotations

import json
from typing import TextIO

from govopen_std.progress.compute import ProgressReport, Tally
from govopen_std.progress.run import StatusOptions, StatusResult
from govopen_std.progress.summary import report_records, summary_text
from govopen_std.report.text import format_line
from govopen_std.view.model import display_name
from govopen_std.view.responsibility import month_label

LABELS = {
    "zh": {"date": "统计日期", "option": "--as-of 指定", "clock": "今天的日期；未指定 --as-of",
           "groups": "各分组进展", "units": "各责任单位进展", "overdue": "逾期未发布的标准", "group": "分组",
           "unit": "责任单位（附件1）", "today": "现机构", "planned": "计划", "due": "应完成", "done": "已完成",
           "late": "逾期", "published": "已发布", "id": "编号", "title": "标准", "month": "计划时间",
           "stage": "当前阶段", "written": "已写出", "none": "无逾期标准。", "hint": "提示", "total": "合计"},
    "en": {"date": "as of", "option": "from --as-of", "clock": "today's date; --as-of not given",
           "groups": "Progress by group", "units": "Progress by responsible unit", "overdue": "Overdue standards",
           "group": "group", "unit": "unit (Annex 1)", "today": "today's body", "planned": "planned", "due": "due",
           "done": "done", "late": "overdue", "published": "published", "id": "id", "title": "standard",
           "month": "month", "stage": "stage", "written": "written", "none": "No standard is overdue.", "hint": "hint",
           "total": "total"},
}


def _tally_table(title: str, rows: tuple[Tally, ...], total: Tally | None, lab: dict[str, str], *,
                 today: bool) -> object:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
    table.add_column(lab["unit"] if today else lab["group"])
    if today:
        table.add_column(lab["today"], overflow="fold")
    for key in ("planned", "due", "done", "late", "published"):
        table.add_column(lab[key], justify="right")
    for t in (*rows, *([total] if total else [])):
        title = lab["total"] if t is total else display_name(t.title)  # 试点县（市、区）政府
        lead = [title, display_name(t.today or title)] if today else [title]
        late = f"[bold red]{t.overdue}[/]" if t.overdue else "0"
        table.add_row(*lead, str(t.planned), str(t.due), str(t.done), late, str(t.published))
    return table


def _overdue_table(report: ProgressReport, lab: dict[str, str], lang: str) -> object:
    from rich.table import Table

    table = Table(title=lab["overdue"], title_justify="left")
    for key in ("id", "title", "group", "month", "stage"):
        table.add_column(lab[key])
    for s in report.overdue:
        table.add_row(s.id, s.title, s.group_title, month_label(s.month) if lang == "zh" else s.month, s.stage)
    return table


def _date_line(report: ProgressReport, lab: dict[str, str]) -> str:
    if lab is LABELS["en"]:
        return f"{lab['date']}: {report.as_of.isoformat()} ({lab[report.date_source]})"
    return f"{lab['date']}：{report.as_of.isoformat()}（{lab[report.date_source]}）"


def print_status(result: StatusResult, opts: StatusOptions, *, stdout: TextIO, stderr: TextIO) -> None:
    from rich.console import Console

    lab = LABELS.get(opts.lang, LABELS["zh"])
    for diag in result.diagnostics.sorted():
        stderr.write(format_line(diag, opts.lang) + "\n")
        hint = diag.hint(opts.lang)
        if hint:
            stderr.write(f"    {lab['hint']}：{hint}\n")
    report = result.report
    if report is None:
        return
    if opts.fmt == "json" and opts.out is None:
        stderr.write(_date_line(report, lab) + "\n")
        stdout.write(json.dumps(report_records(report, opts.lang), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(file=stdout, width=max(100, Console(file=stdout).width), highlight=False)
    console.print(_date_line(report, lab))
    console.print(summary_text(report, opts.lang))
    console.print(_tally_table(lab["groups"], report.groups, report.total, lab, today=False))
    console.print(_tally_table(lab["units"], report.units, None, lab, today=True))
    console.print(_overdue_table(report, lab, opts.lang) if report.overdue else lab["none"])
    if result.written is not None:
        console.print(f"{lab['written']}：{result.written}")
