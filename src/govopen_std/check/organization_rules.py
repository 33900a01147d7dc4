"""Rules on organizations.yaml: it validates, names are unique, every responsible unit is registered,
and every change of body is dated and says what moved.

PASS::

    organizations:
      - name: 省农办
        full_name: 浙江省委省政府农业和农村工作领导小组办公室
        until: 2018-10-23
        successors:
          - {name: 浙江省农业农村厅, kind: 整合组建, since: 2018-10-23}

FAIL (C422: ceased without a successor; C420 in system.yaml for every unit not listed)::

    organizations:
      - {name: 省农办, full_name: 浙江省农业和农村工作办公室, until: 2018-10-23}
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.organizations import load_organizations
from govopen_std.load.sources import Located
from govopen_std.model.organization import OrganizationRegistry

ID = "organizations"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    diags = Diagnostics()
    registry = load_organizations(ctx.sources, diags)
    yield from diags.items
    if registry is None:
        return
    yield from _unique_names(registry)
    yield from _successions(registry)
    yield from _units_registered(ctx, registry)


def _unique_names(registry: Located[OrganizationRegistry]) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for i, org in enumerate(registry.value.organizations):
        for name in dict.fromkeys(org.names()):
            if name in seen:
                yield Diagnostic.make("C421", registry.location("organizations", i), name=name, first=seen[name])
            else:
                seen[name] = str(registry.location("organizations", i))


def _successions(registry: Located[OrganizationRegistry]) -> Iterator[Diagnostic]:
    for i, org in enumerate(registry.value.organizations):
        if org.until is not None and not org.successors:
            yield Diagnostic.make("C422", registry.location("organizations", i, "until"), name=org.name,
                                  until=org.until.isoformat())
        for j, succ in enumerate(org.successors):
            here = registry.location("organizations", i, "successors", j)
            if succ.kind != "延续" and succ.since is None:
                yield Diagnostic.make("C423", here, name=org.name, successor=succ.name, kind=succ.kind)
            if succ.kind == "职责划入" and not succ.functions:
                yield Diagnostic.make("C424", here, name=org.name, successor=succ.name)


def _units_registered(ctx: CheckContext, registry: Located[OrganizationRegistry]) -> Iterator[Diagnostic]:
    system = ctx.sources.system
    if system is None:
        return
    names = {org.name for org in registry.value.organizations}
    known = {name: org.name for org in registry.value.organizations for name in org.names()}
    used: set[str] = set()
    for i, project in enumerate(system.value.standards):
        for j, unit in enumerate(project.units):
            if unit not in names and unit not in used:
                yield Diagnostic.make("C420", system.location("standards", i, "units", j), unit=unit,
                                      **_did_you_mean(unit, known))
            used.add(unit)
    for i, org in enumerate(registry.value.organizations):
        if org.name not in used:
            yield Diagnostic.make("C425", registry.location("organizations", i, "name"), name=org.name)


def _did_you_mean(unit: str, known: dict[str, str]) -> dict[str, str]:
    """The C420 hint's opening: the registered name of a body whose name or alias is close to `unit`
    (省质检局 → 省质监局), or nothing."""
    close = difflib.get_close_matches(unit, sorted(known), n=1, cutoff=0.6)
    if not close or known[close[0]] == unit:
        return {"did_you_mean": "", "did_you_mean_en": ""}
    name = known[close[0]]
    return {"did_you_mean": f"是否应为“{name}”？若不是，", "did_you_mean_en": f"did you mean '{name}'? If not, "}
