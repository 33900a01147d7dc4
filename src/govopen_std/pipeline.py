"""The pipeline, stage by stage: discover → load → validate → resolve → check → view → render → report.

`check_workspace` runs the stages up to `check` and returns a `CheckResult`; `build.run` continues
from it to the view and the renderers. The CLI only gathers options and calls these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_std.diagnostics import Diagnostics, Severity
from govopen_std.load.cache import Store, open_store
from govopen_std.load.discover import Workspace, find_workspace
from govopen_std.load.memo import ConfigSettings, recall, remember, source_paths, workspace_settings
from govopen_std.load.memo import workspace_key as memo_key
from govopen_std.load.sources import Sources

if TYPE_CHECKING:  # the rules (and with them the models) load only when a check runs, not for a memo hit
    from govopen_std.check import ExtraRule
    from govopen_std.report.completeness import DomainRow
    from govopen_std.report.county_facts import CountyFactsRow
    from govopen_std.report.coverage import CoverageRow


@dataclass
class CheckResult:
    workspace: Workspace
    sources: Sources
    diagnostics: Diagnostics
    stats: dict[str, int] = field(default_factory=dict)
    completeness: list[DomainRow] | None = None  # the rows of `check --report`, when it was asked for
    coverage: list[CoverageRow] | None = None  # national-guideline coverage rows of `check --report`
    county_facts: list[CountyFactsRow] | None = None  # verified / unverified county facts, `check --report`

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
    from govopen_std.resolve.county_rules import check as county_check

    return [county_check]


def recall_check(workspace_dir: Path | None = None, *, cache_dir: Path | None = None) -> CheckResult | None:
    """The result of checking the workspace as the memo remembers it (`load.memo`), or None when it does not.

    Reads only the files' bytes and the cache: no parser, no models, no rules are imported. This is what
    `check_workspace(memo=True)` answers an unchanged workspace with, and what a plain `govopen check` prints
    without loading typer either (`commands.check_fast`)."""
    workspace = find_workspace(workspace_dir)
    store = open_store(cache_dir)
    if store is None:
        return None
    key = memo_key(workspace, store)
    return _recalled(workspace, store, key) if key is not None else None


def _recalled(workspace: Workspace, store: Store, key: str) -> CheckResult | None:
    hit = recall(store, key)
    paths = source_paths(workspace, store) if hit is not None else None
    if hit is None or paths is None:
        return None
    diagnostics, stats = hit
    return CheckResult(workspace, Sources(workspace=workspace, paths=paths), Diagnostics(diagnostics), stats)


def _read_as_keyed(sources: Sources, store: Store) -> bool:
    """The files the check read are the files the memo key covers: the folder settings it used (from the
    validated govopen.yaml, or the defaults when that was refused) are those the key was computed from."""
    config = sources.config
    used = (ConfigSettings(config.standards_dir, config.templates_dir, config.base, config.out_dir) if config is not None
            else ConfigSettings("standards", "templates", None))
    return workspace_settings(sources.workspace, store) == used


def check_workspace(workspace_dir: Path | None = None, *, memo: bool = False, jobs: int | None = None,
                    cache_dir: Path | None = None) -> CheckResult:
    """Load and check every source of a workspace. Never raises for bad input files.

    Parsed files come from the parse cache (`cache_dir`, default: the user cache dir; `load.cache`) and
    are parsed in up to `jobs` processes. With `memo`, an unchanged workspace is answered from the memo
    of the last check (`load.memo`): the diagnostics and stats are the same, but `sources` is then empty
    (only its workspace and paths), so callers that read the sources must not ask for the memo."""
    workspace = find_workspace(workspace_dir)
    store = open_store(cache_dir)
    key = memo_key(workspace, store) if store is not None else None
    if memo and store is not None and key is not None:
        recalled = _recalled(workspace, store, key)
        if recalled is not None:
            return recalled
    from govopen_std.check import run_rules
    from govopen_std.check.context import CheckContext
    from govopen_std.load.sources import load_sources

    diags = Diagnostics()
    sources = load_sources(workspace, diags, cache_dir=cache_dir, jobs=jobs)
    ctx = CheckContext(sources)
    diags.extend(run_rules(ctx, extra_rules()))
    result = CheckResult(workspace, sources, diags, _stats(sources, diags))
    if store is not None and key is not None and memo_key(workspace, store) == key and _read_as_keyed(sources, store):
        remember(store, key, diags.items, result.stats)
    return result
