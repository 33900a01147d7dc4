"""Validate organizations.yaml (already read by `load_sources` as a `SourceFile`) into the registry model.

Kept apart from `load_sources` so that only the stages that need the registry (the organisation check
rules, the view, `govopen status`) pay for it; every problem is a located diagnostic, never an exception.
"""

from __future__ import annotations

from govopen_std.diagnostics import Diagnostics
from govopen_std.load.sources import Located, Sources, _top_is
from govopen_std.load.validate import validate
from govopen_std.model.organization import OrganizationRegistry


def load_organizations(sources: Sources, diags: Diagnostics) -> Located[OrganizationRegistry] | None:
    """The validated registry, or None when the workspace has none or it does not validate."""
    source = sources.organizations
    if source is None or source.data is None or not _top_is(source, dict, diags):
        return None
    registry = validate(OrganizationRegistry, source.data, source, diags)
    return Located(registry, source) if registry is not None else None


def registry_quietly(sources: Sources) -> OrganizationRegistry | None:
    """The registry for consumers that do not report (the view): problems are `govopen check`'s job."""
    located = load_organizations(sources, Diagnostics())
    return located.value if located is not None else None
