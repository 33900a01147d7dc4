"""The county side of `govopen diff --county CODE`: each version's resolved county catalog, as the entries
`diff.compare` matches by code.

A county's catalog is the province's items with the county's profile applied (`resolve.overlay`): its local
items (本县增补) are in it, amended items carry the county's values, and items the county declared not
applicable (不适用) are left out, so declaring one is reported as a removal. A version without a profile for
the county is a D850 naming that version (a usage error, exit 2): there is no county catalog to compare.
"""

from __future__ import annotations

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.sources import Sources
from govopen_std.resolve.catalog import ResolvedItem, resolve_province


def county_items(label: str, sources: Sources, county: str, diags: Diagnostics) -> list[ResolvedItem] | None:
    """The county's resolved catalog in `sources` (catalog order, not-applicable items left out), or None
    with a D850 when this version has no profile for it."""
    from govopen_std.resolve.overlay import resolve_counties

    group_of = {p.id: p.group for p in sources.system.value.standards} if sources.system else {}
    base = resolve_province(sources, group_of)
    catalogs = resolve_counties(sources, base, (county,), Diagnostics())  # a missing profile: D850 below
    if not catalogs:
        diags.add(Diagnostic.make("D850", None, label=label, county=county))
        return None
    return [r for r in catalogs[0].items if r.status != "not_applicable"]
