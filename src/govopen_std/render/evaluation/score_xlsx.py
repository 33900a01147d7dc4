"""The score sheet (评分表) of one county and period as XLSX, written with the build's SpreadsheetML writer.

Sheets: 汇总 (county, period, total, each indicator and domain score), 事项 (one row per item: code, name,
domain, status in Chinese, working days late, publications, missing channels, evidence), then one sheet per
indicator (its score and the items or observations behind the points it lost). Every table has a frozen
header and a filter. Text from the data is written as inline strings, never as formulas, so a name starting
with "=" stays text. Dated at the period's last day, so equal results give equal bytes.
"""

from __future__ import annotations

import re
from pathlib import Path

from govopen_std.evaluate.result import EvaluationResult, IndicatorResult, ItemResult
from govopen_std.render.evaluation import labels as lb
from govopen_std.render.spreadsheetml import (
    CellStyle,
    CellValue,
    Font,
    PageSetup,
    Properties,
    Sheet,
    column_letter,
    workbook_bytes,
)

HEAD, BODY, WRAP = 1, 2, 3
STYLES = [CellStyle(font=Font("黑体", bold=True), fill="D9E1F2", border=True, horizontal="center", vertical="center",
                    wrap=True),
          CellStyle(font=Font("仿宋"), border=True, vertical="top"),
          CellStyle(font=Font("仿宋"), border=True, vertical="top", wrap=True)]
TEXT: dict[str, dict[str, str]] = {
    "zh": {"summary": "汇总", "items": "事项", "key": "项目", "value": "内容", "county": "县（市、区）",
           "code_": "行政区划代码", "period": "评估期间", "range": "起止日期", "score": "总得分", "checks": "抽查记录数",
           "system": "绩效评价指标体系", "ind": "指标", "weight": "权重", "got": "得分", "ratio": "得分率", "basis": "依据",
           "code": "事项编码", "name": "事项名称", "domain": "领域", "status": "状态", "days": "逾期工作日",
           "pubs": "发布条数", "channels": "未使用的渠道", "evidence": "台账依据", "lost": "失分依据", "spot": "抽查",
           "note": "说明",
           "yes": "是", "no": "否"},
    "en": {"summary": "Summary", "items": "Items", "key": "Field", "value": "Value", "county": "County",
           "code_": "Division code", "period": "Period", "range": "Dates", "score": "Total score",
           "checks": "Spot-check observations", "system": "Performance indicators", "ind": "Indicator",
           "weight": "Weight", "got": "Score", "ratio": "Ratio", "basis": "Basis", "code": "Code", "name": "Item",
           "domain": "Domain", "status": "Status", "days": "Working days late", "pubs": "Publications",
           "channels": "Channels not used", "evidence": "Evidence", "lost": "Points lost on", "spot": "Spot-checked",
           "note": "Note",
           "yes": "yes", "no": "no"},
}
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")


def _table_sheet(title: str, head: list[str], rows: list[list[CellValue]], widths: list[float],
                 above: list[list[CellValue]] | None = None) -> Sheet:
    """A sheet whose table (after the `above` rows) has a frozen header row and a filter over all its rows."""
    above = above or []
    header_row = len(above) + 1
    last = f"{column_letter(len(head))}{header_row + len(rows)}"
    sheet = Sheet(title, widths=widths, freeze_rows=header_row, autofilter=f"A{header_row}:{last}",
                  page=PageSetup(title_rows=f"{header_row}:{header_row}", footer="&C第 &P 页"))
    for row in above:
        sheet.append(row, BODY)
    sheet.append(head, HEAD)
    for row in rows:
        sheet.append(row, [WRAP if isinstance(v, str) and len(v) > 12 else BODY for v in row])
    return sheet


def _summary(result: EvaluationResult, lang: str) -> Sheet:
    t = TEXT[lang]
    period = result.period
    rows: list[list[CellValue]] = [
        [t["county"], "", result.county_name], [t["code_"], "", result.county], [t["period"], "", period.label],
        [t["range"], "", f"{period.start.isoformat()}..{period.end.isoformat()}"],
        [t["score"], "", round(result.score, 2)], [t["checks"], "", result.spot_checks]]
    for n in lb.numbered(result.indicators):
        rows.append([t["system"], n.number, f"{n.indicator.name}（{lb.score_text(n.indicator.weight)}）",
                     round(n.indicator.score, 2)])
    for d in result.domains:
        rows.append([d.name, "", t["score"], round(d.score, 2) if d.indicators else None])
        for n in lb.numbered(d.indicators):
            rows.append([d.name, n.number, f"{n.indicator.name}（{lb.score_text(n.indicator.weight)}）",
                         round(n.indicator.score, 2)])
    rows = [r + [None] * (4 - len(r)) for r in rows]
    return _table_sheet(t["summary"], [t["key"], "#", t["value"], t["got"]], rows, [22, 8, 40, 10])


def _item_row(item: ItemResult, domains: dict[str, str], lang: str) -> list[CellValue]:
    t = TEXT[lang]
    return [item.code, item.name, domains.get(item.domain, item.domain), lb.status_label(item.status, lang),
            item.days_late, item.publications, "、".join(item.missing_channels), "\n".join(item.evidence),
            t["yes"] if item.spot_checked else t["no"]]


def _item_head(lang: str) -> list[str]:
    t = TEXT[lang]
    return [t["code"], t["name"], t["domain"], t["status"], t["days"], t["pubs"], t["channels"], t["evidence"], t["spot"]]


ITEM_WIDTHS = [14.0, 36.0, 12.0, 8.0, 10.0, 9.0, 20.0, 30.0, 6.0]


def _items(result: EvaluationResult, lang: str) -> Sheet:
    domains = lb.domain_names(result)
    rows = [_item_row(item, domains, lang) for item in result.items]
    return _table_sheet(TEXT[lang]["items"], _item_head(lang), rows, ITEM_WIDTHS)


def sheet_title(number: str, indicator: IndicatorResult, used: set[str], prefix: str = "") -> str:
    """A unique sheet name of at most 31 characters without the characters Excel forbids."""
    base = _SHEET_FORBIDDEN.sub("_", f"{prefix}{number} {indicator.name}")[:31]
    title, k = base, 2
    while title in used:
        suffix = f"~{k}"
        title, k = base[:31 - len(suffix)] + suffix, k + 1
    used.add(title)
    return title


def _observation_row(provenance: str) -> list[CellValue]:
    row: list[CellValue] = [None] * len(ITEM_WIDTHS)
    row[7] = provenance
    return row


def _indicator_sheet(title: str, indicator: IndicatorResult, result: EvaluationResult, lang: str) -> Sheet:
    """The indicator's score above, then the items (or observations) behind the points it lost."""
    t = TEXT[lang]
    ratio = round(indicator.ratio, 4) if indicator.ratio is not None else None
    basis = "" if indicator.children else lb.basis_label(indicator.basis, lang)
    above: list[list[CellValue]] = [
        [t["ind"], indicator.name, t["weight"], round(indicator.weight, 2), t["got"], round(indicator.score, 2),
         t["ratio"], ratio, t["basis"], basis], [t["note"], indicator.note or None]]
    items = {item.code: item for item in result.items}
    domains = lb.domain_names(result)
    rows: list[list[CellValue]] = []
    for lost in indicator.lost:
        item = items.get(lost)
        # an entry that is not an item code is the provenance of an observation (file:sheet:row)
        rows.append(_item_row(item, domains, lang) if item else _observation_row(lost))
    return _table_sheet(title, _item_head(lang), rows, ITEM_WIDTHS, above)


def _indicator_sheets(result: EvaluationResult, lang: str) -> list[Sheet]:
    used = {TEXT[lang]["summary"], TEXT[lang]["items"]}
    sheets = [_indicator_sheet(sheet_title(n.number, n.indicator, used), n.indicator, result, lang)
              for n in lb.numbered(result.indicators)]
    for d in result.domains:
        sheets += [_indicator_sheet(sheet_title(n.number, n.indicator, used, f"{d.name} "), n.indicator, result, lang)
                   for n in lb.numbered(d.indicators)]
    return sheets


def write_score_xlsx(result: EvaluationResult, path: Path, *, lang: str = "zh") -> Path:
    sheets = [_summary(result, lang), _items(result, lang), *_indicator_sheets(result, lang)]
    title = f"{result.county_name} {result.period.label} {TEXT[lang]['summary']}"
    data = workbook_bytes(sheets, STYLES, Properties(title=title, creator="govopen", day=result.period.end))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
