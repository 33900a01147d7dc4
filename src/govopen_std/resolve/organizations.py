"""From a responsible unit as Annex 1 prints it to today's body, and from any name back to the printed unit.

`UnitIndex` answers two questions: what is 省农办 called today (浙江省农业农村厅), and which printed
units does a name a user types mean (`--unit 省自然资源厅` → 省国土资源厅). Names are compared after
normalisation (spaces removed, full-width brackets folded, 浙江省… read as 省…), so the historical and
today's names, full or short, are all accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from govopen_std.model.organization import Organization, OrganizationRegistry

PROVINCE_PREFIX = "浙江省"


def normalize(name: str) -> str:
    """A comparison key: no spaces, ASCII brackets, the province's prefix shortened to 省."""
    key = "".join(name.split()).replace("（", "(").replace("）", ")")
    if key.startswith(PROVINCE_PREFIX):
        key = "省" + key[len(PROVINCE_PREFIX):]
    return key


@dataclass(frozen=True)
class TodayBody:
    """One body that carries (part of) a printed unit's work today."""

    name: str
    functions: str | None = None  # set when only these functions moved there

    @property
    def display(self) -> str:
        return f"{self.name}（{self.functions}）" if self.functions else self.name


def today_bodies(org: Organization) -> tuple[TodayBody, ...]:
    """The body itself while it exists, then every successor (partial ones with their functions)."""
    bodies: list[TodayBody] = [] if org.until is not None else [TodayBody(org.full_name)]
    for succ in org.successors:
        if succ.name == org.full_name and org.until is None:
            continue
        bodies.append(TodayBody(succ.name, succ.functions if succ.kind == "职责划入" else None))
    return tuple(bodies) or (TodayBody(org.full_name),)


def bodies_on(org: Organization, day: dt.date) -> tuple[TodayBody, ...]:
    """The bodies that carried a printed unit's work on `day`: the body itself until it ceased, then the
    successors in force by then (one that took over only some functions, from its `since`). A report dated
    2018-03-31 names 浙江省国土资源厅, not the 浙江省自然资源厅 formed in October 2018."""
    ceased = org.until is not None and day >= org.until
    bodies: list[TodayBody] = [] if ceased else [TodayBody(org.full_name)]
    for succ in org.successors:
        in_force = succ.since is None or day >= succ.since
        if not in_force or (succ.name == org.full_name and not ceased):
            continue
        if succ.kind != "职责划入" and not ceased:
            continue  # a whole successor takes over when the body ceases
        bodies.append(TodayBody(succ.name, succ.functions if succ.kind == "职责划入" else None))
    return tuple(bodies) or (TodayBody(org.full_name),)


def has_changed(org: Organization) -> bool:
    """True when today's bodies differ from the 2017 body (merged away, renamed, or functions moved)."""
    return org.until is not None or any(s.kind != "延续" for s in org.successors)


class UnitIndex:
    """Lookups over the printed units of system.yaml and the registry (which may be missing)."""

    def __init__(self, registry: OrganizationRegistry | None, units: Iterable[str]) -> None:
        self.orgs: dict[str, Organization] = {o.name: o for o in registry.organizations} if registry else {}
        # provincial bodies first, then the pilot county governments, each in order of first appearance
        self.units: list[str] = sorted(dict.fromkeys(units), key=lambda u: not normalize(u).startswith("省"))
        self._keys: dict[str, list[str]] = {}
        for unit in self.units:
            self._add(unit, unit)
        for org in self.orgs.values():
            for name in self._names(org):
                self._add(name, org.name)

    @staticmethod
    def _names(org: Organization) -> list[str]:
        names = org.names()
        for succ in org.successors:
            names += [succ.name] + ([succ.short] if succ.short else [])
        return names

    def _add(self, name: str, unit: str) -> None:
        targets = self._keys.setdefault(normalize(name), [])
        if unit not in targets:
            targets.append(unit)

    def organization(self, unit: str) -> Organization | None:
        return self.orgs.get(unit)

    def today(self, unit: str) -> tuple[TodayBody, ...]:
        org = self.orgs.get(unit)
        return today_bodies(org) if org else ()

    def today_text(self, unit: str) -> str:
        """Today's bodies for display, e.g. 浙江省民政厅；浙江省应急管理厅（救灾职责）; the unit itself if unknown."""
        bodies = self.today(unit)
        return "；".join(b.display for b in bodies) if bodies else unit

    def text_on(self, unit: str, day: dt.date) -> str:
        """The bodies on `day` for display (see `bodies_on`); the unit itself if unknown."""
        org = self.orgs.get(unit)
        return "；".join(b.display for b in bodies_on(org, day)) if org else unit

    def changed(self, unit: str) -> bool:
        org = self.orgs.get(unit)
        return has_changed(org) if org else False

    def match(self, query: str) -> list[str]:
        """The printed units a name means (historical or today's, full or short), in system order."""
        found = set(self._keys.get(normalize(query), []))
        order = self.units + [u for u in self.orgs if u not in self.units]
        return [u for u in order if u in found]

    def known_names(self) -> list[str]:
        """Every accepted spelling, for did-you-mean suggestions."""
        names = list(self.units)
        for org in self.orgs.values():
            names += self._names(org)
        return list(dict.fromkeys(names))
