"""The words of the quarterly report: its title, the summary paragraph and the records every format shares.

`report_records` is the one structured form of a report (like sqlfluff's `as_records`): the JSON output is
it verbatim, and the console, XLSX and DOCX writers read their rows from it, so the formats cannot disagree.
"""

from __future__ import annotations

from typing import Any

from govopen_std.progress import stages
from govopen_std.progress.compute import ProgressReport, StandardProgress, Tally

TITLE = "基层政务公开标准化规范化试点工作季度进展报告"
TITLE_EN = "Quarterly progress report: standardization of grassroots government-affairs openness"
RULE_ZH = "统计口径：标准应在计划实施时间所在月份结束前达到“发布”阶段；计划月份已过而未发布的为逾期。"
RULE_EN = ("Rule: a standard must reach 发布 (published) by the end of its planned month; "
           "past that month and not published is overdue.")
# When a standard falls due: a language-neutral code for machines, and its wording per language.
DUE_RULE = "day_after_planned_month"
DUE_TEXT = {"zh": "计划实施月份结束后的第一天", "en": "the first day after the planned month"}


def subtitle(report: ProgressReport, lang: str = "zh") -> str:
    if lang == "en":
        return f"{report.quarter_en}, as of {report.as_of.isoformat()}"
    return f"（{report.quarter}，截至{stages.date_label(report.as_of)}）"


def _scope(report: ProgressReport, lang: str) -> str:
    if not report.units_selected:
        return ""
    # the bodies as named on the report's date: a report of 2018 does not know the bodies of the 2018 reform
    named = [f"{t.title}（{t.then}）" if t.then and t.then != t.title else t.title for t in report.units]
    if lang == "en":
        return "for " + ", ".join(t.title for t in report.units) + ", "
    return "、".join(named) + "在"


def _overdue_by_group(report: ProgressReport, lang: str) -> str:
    parts = [(g.title, g.overdue) for g in report.groups if g.overdue]
    if not parts:
        return ""
    if lang == "en":
        return " (" + ", ".join(f"{title} {n}" for title, n in parts) + ")"
    return "（" + "、".join(f"{title}{n}项" for title, n in parts) + "）"


def summary_text(report: ProgressReport, lang: str = "zh") -> str:
    """The summary paragraph of the quarterly report."""
    t = report.total
    not_due = t.planned - t.due
    early = t.published - t.done
    if lang == "en":
        return (f"As of {report.as_of.isoformat()} ({report.quarter_en}), {_scope(report, lang)}of the {t.planned} "
                f"standards in the responsibility list, {t.due} were due to be published, {t.done} were published "
                f"and {t.overdue} are overdue{_overdue_by_group(report, lang)}; {not_due} are not yet due "
                f"({early} of them already published). {len(report.events)} status changes were recorded "
                f"this quarter. {RULE_EN}")
    listed = "中负责的" if report.units_selected else "所列"
    return (f"截至{stages.date_label(report.as_of)}（{report.quarter}），{_scope(report, lang)}责任清单{listed}{t.planned}项标准中，"
            f"按计划应已发布{t.due}项，已发布{t.done}项，逾期未发布{t.overdue}项{_overdue_by_group(report, lang)}；"
            f"其余{not_due}项尚未到计划时间（其中已提前发布{early}项）。"
            f"{_events_zh(report)}{RULE_ZH}")


def _events_zh(report: ProgressReport) -> str:
    """The quarter's status changes: a count, or that there were none (never "0次")."""
    since = f"本季度（{stages.date_label(report.quarter_start)}起）"
    return f"{since}记录状态变化{len(report.events)}次。" if report.events else f"{since}未记录状态变化。"


def _tally_record(t: Tally) -> dict[str, Any]:
    return {"key": t.key, "title": t.title, "today": t.today, "then": t.then, "planned": t.planned, "due": t.due,
            "done": t.done, "overdue": t.overdue, "published": t.published}


def _standard_record(s: StandardProgress) -> dict[str, Any]:
    return {"id": s.id, "title": s.title, "group": s.group_id, "group_title": s.group_title, "month": s.month,
            "due_date": stages.due_date(s.month).isoformat(), "units": list(s.units), "stage": s.stage,
            "due": s.due, "done": s.done, "overdue": s.overdue}


def report_records(report: ProgressReport, lang: str = "zh") -> dict[str, Any]:
    """The report as plain data (the JSON format)."""
    return {
        "title": TITLE if lang == "zh" else TITLE_EN,
        "as_of": report.as_of.isoformat(),
        "date_source": report.date_source,
        "quarter": report.quarter if lang == "zh" else report.quarter_en,
        "quarter_start": report.quarter_start.isoformat(),
        "quarter_id": "{}-Q{}".format(*stages.quarter_of(report.as_of)),
        "rule": {"required_stage": stages.REQUIRED_STAGE, "due": DUE_RULE,
                 "due_text": DUE_TEXT["zh" if lang == "zh" else "en"],
                 "text": RULE_ZH if lang == "zh" else RULE_EN},
        "unit": {"query": report.unit_query, "matched": list(report.units_selected)} if report.unit_query else None,
        "summary": summary_text(report, lang),
        "reporter": report.reporter,
        "totals": _tally_record(report.total),
        "groups": [_tally_record(g) for g in report.groups],
        "units": [_tally_record(u) for u in report.units],
        "overdue": [s.id for s in report.overdue],
        "standards": [_standard_record(s) for s in report.standards],
        "events": [{"id": e.id, "title": e.title, "date": e.date.isoformat(), "status": e.status}
                   for e in report.events],
    }
