"""考核评价指标 as data: the indicator tree an evaluation standard carries, which its text renders and the scorer runs.

An evaluation standard (the general 绩效评价指标体系 and each domain's 考核评价) carries `indicators`. Siblings'
weights sum to 100 at every level (checked by `govopen check`); a parent's score is its weight times the weighted
share its children earned. A leaf is either computable from the publication ledger (its `metric`) or `manual`
(a figure entered by hand, e.g. 满意度 from a survey).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc

# What a computable leaf measures over the items in scope (one domain, or the whole catalog):
# coverage        share of due items with at least one publication in the period
# timeliness      share of published items published on time (working days per the official calendar)
# channels        share of published items that used every required (■) channel
# completeness    share of spot-checked items whose six elements were all present (needs spot checks)
# interpretation  share of policy publications with a linked 解读 row (解读率)
# response        share of 回应 rows within `params.days` working days of the event they answer
# manual          entered by hand (no ledger computation)
Metric = Literal["coverage", "timeliness", "channels", "completeness", "interpretation", "response", "manual"]
METRICS: tuple[str, ...] = ("coverage", "timeliness", "channels", "completeness", "interpretation", "response", "manual")


class Indicator(StrictModel):
    """One indicator (一级/二级/三级指标) with its weight and, for a leaf, how it is scored."""

    model_config = model_doc("指标", "考核评价指标：名称、分值（权重）、评分规则", "Indicator",
                             "An evaluation indicator: name, weight and scoring rule")

    id: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9.\-]*$", **doc("编号", "指标编号，如 A1、A1.2", "Id", "Indicator id, e.g. A1.2"))
    name: str = Field(**doc("名称", "指标名称", "Name", "Indicator name"))
    weight: float = Field(gt=0, le=100, **doc("分值", "在同级指标中的分值，同级合计 100", "Weight",
                                              "Weight among its siblings; siblings sum to 100"))
    metric: Metric | None = Field(default=None, **doc(
        "计算方式", "末级指标的计算方式：coverage、timeliness、channels、completeness、interpretation、response 或 manual",
        "Metric", "How a leaf is scored: coverage, timeliness, channels, completeness, interpretation, response or manual"))
    elements: list[str] = Field(default=[], **doc(
        "涉及要素", "评分用到的事项要素（如 deadline、channels）", "Elements", "Item elements the rule reads"))
    rule: str = Field(default="", **doc("评分规则", "评分和扣分规则的文字", "Rule", "The scoring (扣分) rule as text"))
    params: dict[str, int] = Field(default={}, **doc(
        "参数", "计算参数，如 response 的 days（回应时限工作日数）", "Parameters", "Metric parameters, e.g. days for response"))
    children: list[Indicator] = Field(default=[], **doc("下级指标", "下级指标", "Children", "Sub-indicators"))
