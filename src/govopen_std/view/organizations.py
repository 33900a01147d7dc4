"""The view of the organisation registry: each responsible unit of the list with today's body beside it."""

from __future__ import annotations

from govopen_std.load.organizations import registry_quietly
from govopen_std.load.sources import Sources
from govopen_std.resolve.organizations import UnitIndex, has_changed, today_bodies
from govopen_std.view.model import OrganizationView


def organization_views(sources: Sources) -> tuple[OrganizationView, ...]:
    """One view per printed unit, in the order the units first appear in system.yaml."""
    if sources.system is None:
        return ()
    index = UnitIndex(registry_quietly(sources), (u for p in sources.system.value.standards for u in p.units))
    views = []
    for unit in index.units:
        org = index.organization(unit)
        if org is None:
            views.append(OrganizationView(unit, unit, (unit,), False, None, None))
            continue
        dates = sorted(s.since for s in org.successors if s.since is not None)
        views.append(OrganizationView(org.name, org.full_name, tuple(b.display for b in today_bodies(org)),
                                      has_changed(org), dates[0].isoformat() if dates else None, org.note))
    return tuple(views)
