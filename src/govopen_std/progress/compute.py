"""Progress as of a date: each standard's stage, and due / done / overdue per group and per responsible unit.

Pure functions over the system model and the organisation registry; the rules (which stage a planned
month requires, when it falls due) live in `progress.stages`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from govopen_std.model.organization import Organization, OrganizationRegistry
from govopen_std.model.system import StandardProject, System
from govopen_std.progress import stages
from govopen_std.resolve.organizations import UnitIndex

DateSource = Literal["option", "clock"]
# The body that reports on the list as a whole: 浙政办发〔2017〕82号 charges 省质监局 with coordinating the
# making, issuing and implementing of the pilot standards ("省质监局要及时会同省级有关部门……全流程指导协调").
COORDINATOR = "省质监局"


@dataclass(frozen=True)
class StandardProgress:
    id: str
    title: str
    group_id: str
    group_title: str
    month: str
    units: tuple[str, ...]
    stage: str
    due: bool
    done: bool

    @property
    def overdue(self) -> bool:
        return self.due and not self.done


@dataclass(frozen=True)
class Tally:
    """Counts for one group or one responsible unit."""

    key: str
    title: str
    today: str | None  # today's body, for units
    planned: int
    due: int
    done: int  # due and at the required stage
    overdue: int
    published: int  # at the required stage, due or not
    then: str | None = None  # the unit's bodies on the as-of date (names of that day), for units


@dataclass(frozen=True)
class StatusEvent:
    """A dated status change recorded in `status_history`."""

    id: str
    title: str
    date: dt.date
    status: str


@dataclass(frozen=True)
class ProgressReport:
    as_of: dt.date
    date_source: DateSource
    unit_query: str | None
    units_selected: tuple[str, ...]  # the printed units the query matched (empty: all)
    standards: tuple[StandardProgress, ...]
    groups: tuple[Tally, ...]
    units: tuple[Tally, ...]
    events: tuple[StatusEvent, ...]  # changes from the start of the quarter up to as_of
    reporter: str = ""  # the reporting body, as the report's signature names it

    @property
    def quarter(self) -> str:
        return stages.quarter_label(self.as_of)

    @property
    def quarter_en(self) -> str:
        year, quarter = stages.quarter_of(self.as_of)
        return f"{year} Q{quarter}"

    @property
    def quarter_start(self) -> dt.date:
        return stages.quarter_bounds(self.as_of)[0]

    @property
    def overdue(self) -> tuple[StandardProgress, ...]:
        return tuple(s for s in self.standards if s.overdue)

    @property
    def total(self) -> Tally:
        return _tally("total", "合计", None, self.standards)


def _tally(key: str, title: str, today: str | None, rows: tuple[StandardProgress, ...] | list[StandardProgress]) -> Tally:
    return Tally(key, title, today, planned=len(rows), due=sum(r.due for r in rows),
                 done=sum(r.due and r.done for r in rows), overdue=sum(r.overdue for r in rows),
                 published=sum(r.done for r in rows))


def _progress(project: StandardProject, group_title: str, as_of: dt.date) -> StandardProgress:
    stage = stages.stage_on(project, as_of)
    return StandardProgress(project.id, project.title, project.group, group_title, project.month,
                            tuple(project.units), stage, stages.is_due(project.month, as_of), stages.is_done(stage))


def _events(system: System, selected: set[str], start: dt.date, end: dt.date) -> tuple[StatusEvent, ...]:
    events = [StatusEvent(p.id, p.title, h.date, h.status)
              for p in system.standards if p.id in selected
              for h in p.status_history if start <= h.date <= end]
    return tuple(sorted(events, key=lambda e: (e.date, e.id)))


def name_on(org: Organization, day: dt.date) -> str:
    """The body's official name on `day`: its own until it ceased, then the body it was merged or renamed into."""
    if org.until is None or day < org.until:
        return org.full_name
    whole = [s for s in org.successors if s.kind != "职责划入"]
    return whole[0].name if whole else org.full_name


def reporting_body(registry: OrganizationRegistry | None, units: tuple[str, ...], as_of: dt.date) -> str:
    """Who signs the report: the one unit it is narrowed to, else the coordinator; named as on `as_of`."""
    unit = units[0] if len(units) == 1 else COORDINATOR
    org = next((o for o in registry.organizations if o.name == unit), None) if registry else None
    return name_on(org, as_of) if org else unit.replace("(", "（").replace(")", "）")


def unit_index(system: System, registry: OrganizationRegistry | None) -> UnitIndex:
    return UnitIndex(registry, (u for p in system.standards for u in p.units))


def compute_progress(system: System, registry: OrganizationRegistry | None, *, as_of: dt.date,
                     date_source: DateSource = "option", units: tuple[str, ...] = (),
                     unit_query: str | None = None, reporter: str | None = None) -> ProgressReport:
    """Every standard's stage on `as_of`, tallied per group and per unit; `units` narrows to those units."""
    index = unit_index(system, registry)
    titles = {g.id: g.title for g in system.groups}
    rows = [_progress(p, titles.get(p.group, p.group), as_of) for p in system.standards
            if not units or set(units) & set(p.units)]
    groups = tuple(_tally(g.id, g.title, None, [r for r in rows if r.group_id == g.id])
                   for g in system.groups if any(r.group_id == g.id for r in rows))
    shown_units = [u for u in index.units if not units or u in units]
    unit_tallies = tuple(dataclasses.replace(_tally(u, u, index.today_text(u), [r for r in rows if u in r.units]),
                                             then=index.text_on(u, as_of)) for u in shown_units)
    start = stages.quarter_bounds(as_of)[0]
    return ProgressReport(as_of=as_of, date_source=date_source, unit_query=unit_query, units_selected=units,
                          standards=tuple(rows), groups=groups, units=unit_tallies,
                          events=_events(system, {r.id for r in rows}, start, as_of),
                          reporter=reporter or reporting_body(registry, units, as_of))
