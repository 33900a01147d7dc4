"""The pipeline, stage by stage: discover → load → validate → resolve → check → view → render → report.

`check_workspace` runs the stages up to `check` and returns a `CheckResult`; `build.run` continues
from it to the view and the renderers. The CLI only gathers options and calls these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.check import ExtraRule, run_rules
from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostics, Severity
from govopen_std.load.discover import Workspace, find_workspace
from govopen_std.load.sources import Sources, load_sources


@dataclass
class CheckResult:
    workspace: Workspace
    sources: Sources
    diagnostics: Diagnostics
    stats: dict[str, int] = field(default_factory=dict)

    def failed(self, fail_on: Severity) -> bool:
        return any(d.severity >= fail_on for d in self.diagnostics.items)


def _stats(sources: Sources, diags: Diagnostics) -> dict[str, int]:
    return {
        "files": len(sources.files),
        "standards": len(sources.system.value.standards) if sources.system else 0,
        "texts": len(sources.texts),
        "items": sum(len(v) for v in sources.items.values()),
        "laws": len(sources.laws),
        "errors": diags.count(Severity.ERROR),
        "warnings": diags.count(Severity.WARNING),
    }


def extra_rules() -> list[ExtraRule]:
    """Rules contributed by later stages (county overlays); imported lazily to keep `check` light."""
    rules: list[ExtraRule] = []
    try:
        from govopen_std.resolve.county_rules import check as county_check
    except ImportError:
        return rules
    rules.append(county_check)
    return rules


def check_workspace(workspace_dir: Path | None = None) -> CheckResult:
    """Load and check every source of a workspace. Never raises for bad input files."""
    workspace = find_workspace(workspace_dir)
    diags = Diagnostics()
    sources = load_sources(workspace, diags)
    ctx = CheckContext(sources)
    diags.extend(run_rules(ctx, extra_rules()))
    return CheckResult(workspace, sources, diags, _stats(sources, diags))
