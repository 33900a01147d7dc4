"""Rules on system.yaml: unique ids, known groups, month/units present, published standards complete.

PASS::

    - {id: zdbc-01, title: 征地实施管理, group: zdbc, month: 2018-04, units: [省国土资源厅], status: 起草}

FAIL (C403: published without number and dates; C417 would flag `number: DB33/T 2100—2017` issued in 2018)::

    - {id: zdbc-01, title: 征地实施管理, group: zdbc, month: 2018-04, units: [省国土资源厅], status: 发布}

WARN (C415: no ICS/CCS code, neither the project's own nor `defaults` at the top of system.yaml; one
warning lists every such project, so a system without defaults is not a flood of warnings)::

    defaults: {ics: 03.080.99, ccs: A 16}
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic

ID = "system"
NUMBER = re.compile(r"^DB33(/T)? \d+(\.\d+)?—(19|20)\d{2}$")
CODES = ("ICS", "CCS")
LISTED = 5  # ids named in a C415 message before "等"


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
    yield from _check_codes(ctx)


def _check_codes(ctx: CheckContext) -> Iterator[Diagnostic]:
    """C415: projects whose cover would lack the ICS or CCS code (own value or the system default)."""
    system = ctx.sources.system
    assert system is not None
    lacking: dict[tuple[str, ...], list[int]] = {}
    for i, project in enumerate(system.value.standards):
        codes = (system.value.ics_of(project), system.value.ccs_of(project))
        missing = tuple(name for name, code in zip(CODES, codes, strict=True) if not code)
        if missing:
            lacking.setdefault(missing, []).append(i)
    for what, indexes in lacking.items():
        ids = [system.value.standards[i].id for i in indexes]
        shown = "、".join(ids[:LISTED]) + ("等" if len(ids) > LISTED else "")
        where = system.location("standards", indexes[0]) if len(indexes) == 1 else system.location("standards", key=True)
        yield Diagnostic.make("C415", where, count=len(ids), what=" 和 ".join(what), what_en=" and ".join(what), ids=shown,
                              ids_en=", ".join(ids[:LISTED]) + (" …" if len(ids) > LISTED else ""))


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
    elif project.number and project.issued and int(project.number[-4:]) != project.issued.year:
        # the year after "—" is the year of issue (GB/T 1.1): DB33/T 2100—2017 cannot be issued in 2018
        yield Diagnostic.make("C417", system.location("standards", i, "number"), number=project.number,
                              year=project.number[-4:], issued=project.issued.isoformat())
    if project.issued and project.implemented and project.implemented < project.issued:
        yield Diagnostic.make("C410", system.location("standards", i, "implemented"),
                              implemented=project.implemented.isoformat(), issued=project.issued.isoformat())
