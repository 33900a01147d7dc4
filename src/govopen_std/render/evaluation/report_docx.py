"""The evaluation report (评估报告) of one county and period as a DOCX in the official-document style of the
quarterly progress report: GB/T 9704—2012 page, 2号小标宋 title, 3号仿宋 text, 黑体 headings, page numbers
"— 1 —" (`render.official_doc`), captioned tables (表1 …) whose columns are sized from their content.

Sections: the total score, the general indicator system (score / weight and basis: 台账, 抽查 or 人工录入),
each domain's score, the items that lost points (status, working days late, missing channels, evidence),
and which indicators rest on spot checks. Dated at the period's last day, so the bytes depend only on the
result (`render.reproducible`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_std.evaluate.result import DomainResult, EvaluationResult, IndicatorResult
from govopen_std.render import official_doc as od
from govopen_std.render.evaluation import labels as lb
from govopen_std.render.evaluation.statements import scoring_notes, spot_check_statement
from govopen_std.render.evaluation.tables import Column, table
from govopen_std.render.reproducible import save_document, set_core_properties

TEXT: dict[str, dict[str, str]] = {
    "zh": {
        "title": "{name}基层政务公开评估报告", "period": "（{start}至{end}）",
        "summary": "依据绩效评价指标体系，对{name}（行政区划代码 {code}）评估期间 {label} 内公开目录中的 {total} 个事项进行评估，"
                   "总得分 {score} 分（满分 100 分）。其中按时公开 {on_time} 项，逾期公开 {late} 项，未公开 {missing} 项，"
                   "未到期 {not_due} 项，不适用 {not_applicable} 项；使用抽查记录 {checks} 条。",
        "h1": "一、绩效评价指标得分", "h2": "二、各领域考核评价得分", "h3": "三、失分事项", "h4": "四、抽查和评分依据说明",
        "t1": "表{n}　绩效评价指标得分", "t2": "表{n}　各领域得分", "t3": "表{n}　{domain}考核评价指标得分",
        "t4": "表{n}　失分事项",
        "no": "序号", "indicator": "指标", "weight": "权重", "score": "得分", "basis": "依据", "domain": "领域",
        "code": "事项编码", "item": "事项名称", "status": "状态", "days": "逾期\n工作日", "channels": "未使用的渠道",
        "evidence": "台账依据", "total": "合计", "none": "无。", "no_ledger": "（无台账记录）",
        "no_lost": "评估期间内没有失分事项。",
        "date": "{y}年{m}月{d}日", "list": "、", "unscored": "—",
        "no_rows": "公开台账中没有本县在本评估期间的记录，以上得分均按无记录计算，并不表示已核实本县未公开。",
    },
    "en": {
        "title": "Evaluation report of government-affairs openness: {name}", "period": "({start} to {end})",
        "summary": "{name} (division code {code}) was evaluated for the period {label} against the performance "
                   "indicator system over the {total} items of its catalog. Total score {score} of 100: {on_time} on time, {late} late, {missing} missing, "
                   "{not_due} not yet due, {not_applicable} not applicable; {checks} spot-check observations used.",
        "h1": "1. Indicator scores", "h2": "2. Domain scores", "h3": "3. Items that lost points",
        "h4": "4. Spot checks and scoring notes",
        "t1": "Table {n}  Indicator scores", "t2": "Table {n}  Domain scores", "t3": "Table {n}  Indicators of {domain}",
        "t4": "Table {n}  Items that lost points",
        "no": "No.", "indicator": "Indicator", "weight": "Weight", "score": "Score", "basis": "Basis", "domain": "Domain",
        "code": "Code", "item": "Item", "status": "Status", "days": "Days\nlate", "channels": "Channels not used",
        "evidence": "Evidence", "total": "Total", "none": "None.", "no_ledger": "(no ledger row)",
        "no_lost": "No item lost points in the period.",
        "date": "{y}-{m:02d}-{d:02d}", "list": ", ", "unscored": "—",
        "no_rows": "The ledger holds no row of this county for the period: these scores count nothing recorded, "
                   "which does not show that nothing was published.",
    },
}


def _day(text: dict[str, str], day: Any) -> str:
    return text["date"].format(y=day.year, m=day.month, d=day.day)


def _indicator_rows(indicators: list[IndicatorResult], lang: str) -> tuple[list[list[str]], frozenset[int]]:
    """Rows 序号 / 指标 / 权重 / 得分 / 依据; a child indented a full-width space per level; parents bold."""
    rows, bold = [], set()
    for i, n in enumerate(lb.numbered(indicators)):
        ind = n.indicator
        basis = "" if ind.children else lb.basis_label(ind.basis, lang)
        rows.append([n.number, "\u3000" * n.depth + ind.name, lb.score_text(ind.weight), lb.score_text(ind.score), basis])
        if ind.children:
            bold.add(i)
    return rows, frozenset(bold)


def _indicator_table(document: Any, title: str, indicators: list[IndicatorResult], total: float, lang: str) -> None:
    text = TEXT[lang]
    rows, bold = _indicator_rows(indicators, lang)
    weights = sum(i.weight for i in indicators)
    rows.append(["", text["total"], lb.score_text(weights), lb.score_text(total), ""])
    columns = [Column(text["no"]), Column(text["indicator"], flex=True, left=True), Column(text["weight"]),
               Column(text["score"]), Column(text["basis"])]
    table(document, title, columns, rows, bold | {len(rows) - 1})


def _domain_rows(result: EvaluationResult, domains: list[DomainResult], lang: str) -> list[list[str]]:
    rows = []
    for d in domains:
        counts = lb.domain_counts(result, d.domain, d.counts)
        score = lb.score_text(d.score) if d.indicators else TEXT[lang]["unscored"]  # no 考核评价 indicators
        rows.append([d.name, score, *(str(counts[s]) for s in lb.STATUS_LABELS)])
    return rows


def _lost_rows(result: EvaluationResult, lang: str) -> list[list[str]]:
    text = TEXT[lang]
    rows = []
    for n, item in enumerate(lb.losing_items(result), 1):
        days = str(item.days_late) if item.days_late is not None else "—"
        channels = text["list"].join(item.missing_channels) or "—"
        evidence = "\n".join(item.evidence) or text["no_ledger"]
        rows.append([str(n), item.code, item.name, lb.status_label(item.status, lang), days, channels, evidence])
    return rows


class _Counter:
    """Table numbers in order of appearance: 表1, 表2, …"""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        self.n += 1
        return self.n


def _scores(document: Any, result: EvaluationResult, lang: str, tables: _Counter) -> None:
    text = TEXT[lang]
    od.heading(document, text["h1"])
    _indicator_table(document, text["t1"].format(n=tables.next()), result.indicators, result.score, lang)
    od.heading(document, text["h2"])
    if not result.domains:
        od.body(document, text["none"])
        return
    heads = [Column(text["domain"], flex=True, left=True), Column(text["score"]),
             *(Column(lb.status_label(s, lang)) for s in lb.STATUS_LABELS)]
    table(document, text["t2"].format(n=tables.next()), heads, _domain_rows(result, result.domains, lang))
    for domain in result.domains:
        if domain.indicators:
            title = text["t3"].format(n=tables.next(), domain=domain.name)
            _indicator_table(document, title, domain.indicators, domain.score, lang)


def _lost(document: Any, result: EvaluationResult, lang: str, tables: _Counter) -> None:
    text = TEXT[lang]
    od.heading(document, text["h3"])
    rows = _lost_rows(result, lang)
    if not rows:
        od.body(document, text["no_lost"])
        return
    columns = [Column(text["no"]), Column(text["code"]), Column(text["item"], left=True, wrap=7),
               Column(text["status"]), Column(text["days"]), Column(text["channels"], left=True, wrap=7),
               Column(text["evidence"], flex=True, left=True)]
    table(document, text["t4"].format(n=tables.next()), columns, rows)


def _summary(result: EvaluationResult, lang: str) -> str:
    counts = lb.status_counts(result.items)
    summary = TEXT[lang]["summary"].format(name=result.county_name, code=result.county, total=len(result.items),
                                           label=result.period.label, score=lb.score_text(result.score),
                                           checks=result.spot_checks, **counts)
    return summary if lb.has_ledger(result) else f"{summary}{' ' if lang == 'en' else ''}{TEXT[lang]['no_rows']}"


def write_report_docx(result: EvaluationResult, path: Path, *, lang: str = "zh") -> Path:
    text = TEXT[lang]
    period = result.period
    title = text["title"].format(name=result.county_name)
    document = od.new_document()
    set_core_properties(document, title=title, author="govopen", day=period.end, subject=period.label)
    od.title(document, [result.county_name, title[len(result.county_name):]] if lang == "zh" else [title])
    od.centered(document, text["period"].format(start=_day(text, period.start), end=_day(text, period.end)))
    od.body(document, _summary(result, lang))
    tables = _Counter()
    _scores(document, result, lang, tables)
    _lost(document, result, lang, tables)
    od.heading(document, text["h4"])
    od.body(document, spot_check_statement(result, lang))
    for line in scoring_notes(result, lang):
        od.body(document, line)
    return save_document(document, path, period.end)
