"""Scoring an indicator tree (`model.indicators.Indicator`) from the item statuses and ledger rows in scope.

Arithmetic (README, 评估): a leaf earns weight × ratio (ratio 0..1 from its metric); a parent earns
weight × (Σ children's points) / 100; the total is the sum of the top level. Each metric cites the evidence of
the points it lost (item codes, or the provenance of ledger rows). A leaf whose evidence is absent (no spot
checks, no policy publications, no 回应 rows, no manual figure) gets no ratio: it earns its full weight when its
rule text says such a case 不扣分, otherwise nothing, and its note says which — the scorer never invents evidence.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from govopen_std.evaluate.calendar import CalendarRangeError, RangeProblem, WorkCalendar
from govopen_std.evaluate.result import Evidence, IndicatorResult, ItemResult
from govopen_std.evaluate.rows import CountyRows, Row
from govopen_std.model.indicators import Indicator

IndicatorSystem = list[Indicator]

PUBLISHED = ("on_time", "late")
DUE = ("on_time", "late", "missing")
# The wording an indicator's rule uses to say that absent evidence costs nothing.
NO_DEDUCTION = "不扣分"


@dataclass(frozen=True)
class Outcome:
    """What a metric found: the ratio (None when its evidence is absent), the evidence of lost points, why."""

    ratio: float | None
    lost: list[str] = field(default_factory=list)
    basis: Evidence = "ledger"
    note: str = ""


@dataclass
class Scope:
    """The items and rows one indicator system is scored over (the whole catalog, or one domain)."""

    items: Sequence[ItemResult]
    rows: CountyRows
    manual: dict[str, tuple[float, str]]
    cal: WorkCalendar
    problems_sink: list[RangeProblem] = field(default_factory=list)
    codes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self.codes = frozenset(i.code for i in self.items if i.status != "not_applicable")

    def narrowed(self, items: Sequence[ItemResult]) -> Scope:
        return replace(self, items=items)

    def rows_in_scope(self, rows: Sequence[Row]) -> list[Row]:
        return [r for r in rows if r.item_code in self.codes]


def _share(good: int, total: int) -> float | None:
    return good / total if total else None


def coverage(scope: Scope, _: Indicator) -> Outcome:
    due = [i for i in scope.items if i.status in DUE]
    missing = [i.code for i in due if i.status == "missing"]
    return Outcome(_share(len(due) - len(missing), len(due)), missing, note="" if due else "本期无应公开事项")


def timeliness(scope: Scope, _: Indicator) -> Outcome:
    published = [i for i in scope.items if i.status in PUBLISHED]
    late = [i.code for i in published if i.status == "late"]
    return Outcome(_share(len(published) - len(late), len(published)), late,
                   note="" if published else "本期无已公开事项")


def channels(scope: Scope, _: Indicator) -> Outcome:
    published = [i for i in scope.items if i.status in PUBLISHED]
    short = [i.code for i in published if i.missing_channels]
    return Outcome(_share(len(published) - len(short), len(published)), short,
                   note="" if published else "本期无已公开事项")


def completeness(scope: Scope, _: Indicator) -> Outcome:
    """Share of spot checks that found the item with every element recorded and present (■)."""
    checks = scope.rows_in_scope(scope.rows.spot_checks)
    failed = [r.provenance for r in checks if not (r.found and r.elements and all(r.elements.values()))]
    return Outcome(_share(len(checks) - len(failed), len(checks)), failed, "spot_check",
                   "" if checks else "本期无抽查记录")


def is_policy_item(item: ItemResult) -> bool:
    """A policy document item: its name says 政策文件 or 规范性文件 and it is not itself a 解读 item."""
    return ("政策" in item.name or "规范性文件" in item.name) and "解读" not in item.name


def interpretation(scope: Scope, _: Indicator) -> Outcome:
    """解读率: policy publications with a linked 解读 row (关联信息 = the policy row's title or item code)."""
    links = {r.related for r in scope.rows.interpretations if r.related}
    policy_codes = {i.code for i in scope.items if is_policy_item(i)}
    rows = [r for code in sorted(scope.codes) for r in scope.rows.publications.get(code, [])
            if code in policy_codes or r.title in links]
    unlinked = [r.provenance for r in rows if r.title not in links and r.item_code not in links]
    return Outcome(_share(len(rows) - len(unlinked), len(rows)), unlinked, note="" if rows else "本期无政策文件发布")


def response(scope: Scope, indicator: Indicator) -> Outcome:
    """回应 rows published within params.days working days of the event they answer (the row's 形成 date)."""
    days = indicator.params.get("days")
    rows = scope.rows_in_scope(scope.rows.responses)
    if days is None:
        return Outcome(None, note="指标未给出回应时限 params.days")
    slow = []
    for row in rows:
        try:
            ok = row.formed is not None and row.published is not None and scope.cal.count_after(
                dt.date.fromisoformat(row.formed), dt.date.fromisoformat(row.published)) <= days
        except CalendarRangeError:
            formed = row.formed or ""
            column, value = ("published", row.published or "") if scope.cal.covers(dt.date.fromisoformat(formed)) \
                else ("formed", formed)
            scope.problems_sink.append(RangeProblem(row.provenance, column, value))
            ok = False
        if not ok:
            slow.append(row.provenance)
    return Outcome(_share(len(rows) - len(slow), len(rows)), slow, note="" if rows else "本期无回应记录")


def manual(scope: Scope, indicator: Indicator) -> Outcome:
    entered = scope.manual.get(indicator.id)
    if entered is None:
        return Outcome(None, basis="manual", note="未录入人工评分")
    value, source = entered
    return Outcome(min(max(value, 0.0), 100.0) / 100, basis="manual", note=f"人工评分，来源：{source}")


METRIC_FUNCTIONS = {"coverage": coverage, "timeliness": timeliness, "channels": channels,
                    "completeness": completeness, "interpretation": interpretation, "response": response,
                    "manual": manual}


def score_leaf(indicator: Indicator, scope: Scope) -> tuple[IndicatorResult, float]:
    if indicator.metric is None:
        outcome = Outcome(None, note="末级指标未给出计算方式")
    else:
        outcome = METRIC_FUNCTIONS[indicator.metric](scope, indicator)
    if outcome.ratio is None:
        earned = indicator.weight if NO_DEDUCTION in indicator.rule else 0.0
        note = f"{outcome.note}，按评分规则{'不扣分' if earned else '不得分'}"
    else:
        earned, note = indicator.weight * outcome.ratio, outcome.note
    result = IndicatorResult(id=indicator.id, name=indicator.name, weight=indicator.weight, score=round(earned, 4),
                             metric=indicator.metric, basis=outcome.basis,
                             ratio=None if outcome.ratio is None else round(outcome.ratio, 4),
                             lost=outcome.lost, note=note)
    return result, earned


def score_indicator(indicator: Indicator, scope: Scope) -> tuple[IndicatorResult, float]:
    """The indicator and its subtree; returns the unrounded points too, so parents sum exact figures."""
    if not indicator.children:
        return score_leaf(indicator, scope)
    scored = [score_indicator(child, scope) for child in indicator.children]
    earned = indicator.weight * sum(points for _, points in scored) / 100
    children = [result for result, _ in scored]
    bases = {c.basis for c in children}
    basis: Evidence = "spot_check" if "spot_check" in bases else ("manual" if bases == {"manual"} else "ledger")
    lost = sorted({code for c in children for code in c.lost})
    result = IndicatorResult(id=indicator.id, name=indicator.name, weight=indicator.weight, score=round(earned, 4),
                             metric=indicator.metric, basis=basis, lost=lost, children=children)
    return result, earned


def score_system(system: IndicatorSystem, scope: Scope) -> tuple[list[IndicatorResult], float]:
    """The top level's results and the total (0..100, rounded to 4 places for stable output)."""
    scored = [score_indicator(indicator, scope) for indicator in system]
    return [result for result, _ in scored], round(sum(points for _, points in scored), 4)
