"""Rules on the indicator data (`indicators`) of the evaluation standards: the general 绩效评价指标体系 (gen-13)
and each domain's 考核评价. The text's indicator table and the scorer both come from this data, so it must be
sound: siblings' weights sum to 100 at every level (C450); every element a leaf names is an item element (C451)
and includes the one its metric needs (C452); a leaf has a metric (C453) and a parent has none (C454); ids are
unique within a standard (C455); a response leaf has params.days (C456), and a parameter no metric reads is
reported (C459); every evaluation standard has indicators (C458); and a domain's 考核评价 covers every item of
the domain: each item is in scope of at least one item-level leaf (`model.indicator_scope`, C457).

FAIL (C450): a 一级指标 whose 二级指标 weigh 40 and 50.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.sources import Located
from govopen_std.model.indicator_scope import (
    ITEM_ELEMENTS,
    METRIC_ELEMENTS,
    PARAM_METRICS,
    covering,
    walk,
)
from govopen_std.model.indicators import Indicator
from govopen_std.model.standard import StandardText

ID = "indicators"

GENERAL_SYSTEM = "gen-13"  # 绩效评价指标体系: the general system, scored over the whole catalog
DOMAIN_EVALUATION_TITLE = "考核评价"  # a domain's evaluation standard, as Annex 1 names it
# codes listed in one C457 message; the rest are counted
LISTED_CODES = 12


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for text in ctx.sources.texts:
        indicators = text.value.indicators
        if indicators:
            yield from _weights(text, indicators, (), "指标体系", "the indicator system")
            yield from _nodes(text)
        elif _is_evaluation(ctx, text.value.id):
            yield Diagnostic.make("C458", text.location("id"), id=text.value.id)
    yield from _coverage(ctx)


def _is_evaluation(ctx: CheckContext, standard_id: str) -> bool:
    project = ctx.projects.get(standard_id)
    if standard_id == GENERAL_SYSTEM:
        return True
    return project is not None and project.group != "general" and project.title == DOMAIN_EVALUATION_TITLE


def _loc(path: tuple[int, ...]) -> tuple[str | int, ...]:
    """The YAML path of an indicator: (0, 2) -> indicators[0].children[2]."""
    parts: list[str | int] = ["indicators"]
    for depth, i in enumerate(path):
        if depth:
            parts.append("children")
        parts.append(i)
    return tuple(parts)


def _weights(text: Located[StandardText], siblings: Sequence[Indicator], parent: tuple[int, ...],
             label: str, label_en: str) -> Iterator[Diagnostic]:
    total = sum(s.weight for s in siblings)
    if abs(total - 100) > 1e-6:
        where = (*_loc(parent), "children") if parent else ("indicators",)
        yield Diagnostic.make("C450", text.location(*where, key=True), parent=label, parent_en=label_en,
                              total=f"{total:g}")
    for i, child in enumerate(siblings):
        if child.children:
            yield from _weights(text, child.children, (*parent, i), f"指标“{child.id}”", f"indicator '{child.id}'")


def _nodes(text: Located[StandardText]) -> Iterator[Diagnostic]:
    first: dict[str, int] = {}
    for path, node in walk(text.value.indicators):
        here = _loc(path)
        if node.id in first:
            yield Diagnostic.make("C455", text.location(*here, "id"), id=node.id, first=first[node.id])
        else:
            first[node.id] = text.location(*here, "id").line
        if node.children and node.metric is not None:
            yield Diagnostic.make("C454", text.location(*here, "metric"), id=node.id)
        if not node.children and node.metric is None:
            yield Diagnostic.make("C453", text.location(*here, "id"), id=node.id)
        yield from _elements(text, here, node)
        yield from _params(text, here, node)


def _elements(text: Located[StandardText], here: tuple[str | int, ...], node: Indicator) -> Iterator[Diagnostic]:
    for i, element in enumerate(node.elements):
        if element not in ITEM_ELEMENTS:
            yield Diagnostic.make("C451", text.location(*here, "elements", i), id=node.id, element=element,
                                  known="、".join(ITEM_ELEMENTS))
    needed = METRIC_ELEMENTS.get(node.metric or "")
    if needed and not node.children and needed not in node.elements:
        where = (*here, "elements") if node.elements else (*here, "metric")
        yield Diagnostic.make("C452", text.location(*where), id=node.id, metric=node.metric, element=needed)


def _params(text: Located[StandardText], here: tuple[str | int, ...], node: Indicator) -> Iterator[Diagnostic]:
    if node.metric == "response" and node.params.get("days", 0) < 1:
        where = (*here, "params", "days") if "days" in node.params else (*here, "metric")
        yield Diagnostic.make("C456", text.location(*where), id=node.id)
    for param in node.params:
        if node.metric not in PARAM_METRICS.get(param, ()):
            yield Diagnostic.make("C459", text.location(*here, "params", param, key=True), id=node.id,
                                  metric=node.metric or "—", param=param)


def _coverage(ctx: CheckContext) -> Iterator[Diagnostic]:
    """Each item of a domain is in scope of at least one item-level leaf of the domain's 考核评价."""
    for text in ctx.sources.texts:
        project = ctx.projects.get(text.value.id)
        if not text.value.indicators or project is None or not _is_evaluation(ctx, project.id):
            continue
        if project.group == "general" or project.group in ctx.items_unknown:
            continue  # gen-13 scores the whole catalog; a domain with unreadable items is reported already
        codes = [located.value.code for sid, located in ctx.items() if _group(ctx, sid) == project.group
                 and not covering(text.value.indicators, located.value)]
        if codes:
            shown = "、".join(codes[:LISTED_CODES]) + ("…" if len(codes) > LISTED_CODES else "")
            yield Diagnostic.make("C457", text.location("indicators", key=True), domain=project.group,
                                  id=project.id, count=len(codes), codes=shown)


def _group(ctx: CheckContext, standard_id: str) -> str | None:
    group = ctx.group_of(standard_id)
    return group.id if group is not None else None
