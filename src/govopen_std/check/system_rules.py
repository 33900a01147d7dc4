"""Rules on system.yaml: unique ids, known groups, month/units present, published standards complete.

PASS::

    - {id: zdbc-01, title: 征地实施管理, group: zdbc, month: 2018-04, units: [省国土资源厅], status: 起草}

FAIL (C403: published without number and dates)::

    - {id: zdbc-01, title: 征地实施管理, group: zdbc, month: 2018-04, units: [省国土资源厅], status: 发布}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic

ID = "system"
NUMBER = re.compile(r"^DB33(/T)? \d+(\.\d+)?—(19|20)\d{2}$")


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    system = ctx.sources.system
    if system is None:
        return
    seen: dict[str, str] = {}
    for i, project in enumerate(system.value.standards):
        here = system.location("standards", i)
        if project.id in seen:
            yield Diagnostic.make("R305", system.location("standards", i, "id"), what="标准项目",
                                  what_en="standard project", id=project.id, first=seen[project.id])
            continue
        seen[project.id] = str(here)
        yield from _check_project(ctx, i)


def _check_project(ctx: CheckContext, i: int) -> Iterator[Diagnostic]:
    system = ctx.sources.system
    assert system is not None
    project = system.value.standards[i]
    group = ctx.groups.get(project.group)
    if group is None:
        yield Diagnostic.make("R306", system.location("standards", i, "group"), group=project.group)
    elif project.subgroup and project.subgroup not in {s.id for s in group.subgroups}:
        yield Diagnostic.make("R306", system.location("standards", i, "subgroup"), group=project.subgroup)
    if not project.units or not all(u.strip() for u in project.units):
        yield Diagnostic.make("C402", system.location("standards", i), id=project.id, what="责任单位",
                              what_en="responsible units")
    if project.status == "发布":
        for attr, zh, en in (("number", "标准编号", "a number"), ("issued", "发布日期", "an issue date"),
                             ("implemented", "实施日期", "an implementation date")):
            if getattr(project, attr) is None:
                yield Diagnostic.make("C403", system.location("standards", i), id=project.id, what=zh, what_en=en)
    if project.number and not NUMBER.match(project.number):
        yield Diagnostic.make("C411", system.location("standards", i, "number"), number=project.number)
    if project.issued and project.implemented and project.implemented < project.issued:
        yield Diagnostic.make("C410", system.location("standards", i, "implemented"),
                              implemented=project.implemented.isoformat(), issued=project.issued.isoformat())
