"""The build orchestrator: check → resolve → view → render into a staging folder → move into place.

Reads like the pipeline. All data is gathered and checked before any output is written; outputs
are written to a staging folder inside the output folder and each top-level output is moved into
place only when the whole build succeeded, so a failed or interrupted build leaves the previous
outputs untouched. A build whose every target is up to date is answered from the memos of the last
check and plan without loading the workspace (`recall_unchanged`).
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.incremental import (
    PROVINCE,
    Manifest,
    Plan,
    TargetRecord,
    build_keys,
    interim_manifest,
    load_manifest,
    plan_key,
    recall_plan,
    remember_plan,
    up_to_date,
    write_manifest,
)
from govopen_std.load.cache import Store, open_store
from govopen_std.load.discover import find_workspace
from govopen_std.load.memo import recall, source_paths, workspace_key
from govopen_std.out_folder import MARK, STAGING_PREFIX, enter, foreign, io_failure, make_temp, publish, refusal
from govopen_std.pipeline import CheckResult, check_workspace
from govopen_std.render.base import OPT_IN, REPLACES, available
from govopen_std.workers import (
    BuildInterrupted,
    Pool,
    RenderState,
    Task,
    TaskResult,
    fork_available,
    run_task,
    set_state,
    target_dir,
)

if TYPE_CHECKING:  # the models load only when something is built, not when an unchanged build is answered
    from govopen_std.load.sources import Sources
    from govopen_std.resolve.catalog import Catalog
    from govopen_std.view.model import BuildView

__all__ = ["BuildInterrupted", "BuildOptions", "BuildResult", "RenderFailed", "resolve_catalogs", "run", "views_for"]


@dataclass(frozen=True)
class BuildOptions:
    workspace: Path | None = None
    out_dir: Path | None = None
    counties: tuple[str, ...] | None = None  # None: province and every county; () : province only
    province: bool = True
    formats: tuple[str, ...] | None = None  # None: every available renderer
    all_standards: bool = False
    jobs: int = 1


@dataclass
class BuildResult:
    check: CheckResult
    diagnostics: Diagnostics
    out_dir: Path | None = None
    # The files rendered by this build, per target as (output folder, paths relative to it): a national build
    # writes millions of files, and plain strings cost a fraction of Path objects in the parent process.
    rendered_files: list[tuple[Path, list[str]]] = field(default_factory=list)
    per_target: dict[str, dict[str, int]] = field(default_factory=dict)  # items, standards, files (+ reused: 1)
    rendered: list[str] = field(default_factory=list)  # targets rendered by this build ("province", county codes)
    reused: list[str] = field(default_factory=list)  # targets whose outputs were up to date and left as they were

    @property
    def written(self) -> list[Path]:
        """The files rendered by this build, as paths (made on demand)."""
        return [out / name for out, names in self.rendered_files for name in names]

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors

    @property
    def exit_code(self) -> int:
        """0 built, 1 problems in the sources or the build, 2 a usage error (no profile for --county)."""
        from govopen_std.usage import exit_code

        return int(exit_code(self.diagnostics))


class RenderFailed(Exception):
    """A renderer raised: the build stops, staging is removed and the previous outputs stay (B602)."""

    def __init__(self, output: str, cause: Exception | str) -> None:
        detail = cause if isinstance(cause, str) else f"{type(cause).__name__}: {cause}"
        super().__init__(f"{output}: {detail}")
        self.output = output
        self.detail = detail


# Test hook, unset in normal use: GOVOPEN_TEST_PAUSE=<stage>:<seconds> sleeps at one point of the build, so the
# reliability tests can interrupt a build at a known point instead of racing it. Stages: "render" (after each
# renderer has written into staging) and "publish" (after the first entry has been moved into place).
PAUSE_ENV = "GOVOPEN_TEST_PAUSE"


def _test_pause(stage: str) -> None:
    wanted, _, seconds = os.environ.get(PAUSE_ENV, "").partition(":")
    if wanted == stage:
        time.sleep(float(seconds) if seconds.replace(".", "", 1).isdigit() else 0)


Progress = Callable[[str, int], Callable[[str], None]]


def resolve_catalogs(check: CheckResult, opts: BuildOptions, diags: Diagnostics) -> list[Catalog]:
    """The province catalog and the requested county catalogs."""
    from govopen_std.resolve.catalog import resolve_province

    sources = check.sources
    group_of = {p.id: p.group for p in sources.system.value.standards} if sources.system else {}
    base = resolve_province(sources, group_of)
    catalogs = [base] if opts.province else []
    from govopen_std.resolve.overlay import resolve_counties

    catalogs += resolve_counties(sources, base, opts.counties, diags)
    return catalogs


def views_for(check: CheckResult, catalogs: list[Catalog]) -> list[BuildView]:
    from govopen_std.view.builder import build_view

    return [build_view(check.sources, catalog) for catalog in catalogs]


class _Interrupts:
    """While building, SIGINT and SIGTERM raise `BuildInterrupted`, so staging is removed and old outputs stay;
    while publishing (the commit point) they are held, because a half-moved output would mix old and new."""

    def __init__(self) -> None:
        self.holding = False

    def handler(self, signum: int, frame: FrameType | None) -> None:
        if self.holding:
            return  # too late to stop: the build finishes publishing and ends normally, complete
        raise BuildInterrupted()

    @contextmanager
    def hold(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False


@contextmanager
def _signals_raise() -> Iterator[_Interrupts]:
    """Install the `_Interrupts` handler for SIGINT and SIGTERM for the duration of the block."""
    interrupts = _Interrupts()
    previous: dict[signal.Signals, Callable[[int, FrameType | None], object] | int | None] = {}
    try:
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, interrupts.handler)
    except ValueError:  # not in the main thread: no handlers, KeyboardInterrupt still cleans up
        pass
    try:
        yield interrupts
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def run(opts: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """check → resolve → view → render (staged, only what changed) → publish. Nothing is written when
    sources have errors, and nothing at all when every target's outputs are up to date."""
    from govopen_std.usage import check_build_options, is_usage_error

    check_build_options(opts.formats, opts.counties)  # an unknown --format or county code: exit 2 at once
    answered, memo = recall_unchanged(opts)
    if answered is not None:
        return answered
    check = check_workspace(opts.workspace, jobs=opts.jobs)
    diags = Diagnostics()
    diags.extend(check.diagnostics)
    result = BuildResult(check=check, diagnostics=diags)
    if diags.has_errors:
        diags.add(Diagnostic.make("B601", None))
        return result
    plan = plan_build(check, opts, diags)
    if diags.has_errors:
        if not is_usage_error(diags):  # --county without a profile (E904) is not a problem of the sources
            diags.add(Diagnostic.make("B601", None))
        return result
    cfg = check.sources.config
    out_name = cfg.out_dir if cfg else "build"
    out = opts.out_dir or (Path.cwd() / out_name)
    refused = refusal(out, check.sources, from_config=opts.out_dir is None)  # the folder this build really writes
    if refused is not None:
        diags.add(refused)
        return result
    if memo is not None and len(diags.items) == len(check.diagnostics.items):  # the plan added no diagnostic
        _remember_plan(memo, check, plan, out_name)
    with ExitStack() as stack:
        refused_out = enter(out, stack)  # created, locked, cleared of what killed builds left
        if refused_out is not None:
            diags.add(refused_out)
        else:
            result.out_dir = out
            _build_changed(plan, out, result, progress)
    return result


def _build_changed(plan: BuildPlan, out: Path, result: BuildResult, progress: Progress | None) -> None:
    """Render the targets whose outputs in `out` are missing or out of date; report the others as reused."""
    old = load_manifest(out)
    todo = [t for t in plan.targets if not up_to_date(old.targets.get(t), plan.keys[t], out)]
    result.reused = [t for t in plan.targets if t not in todo]
    for target in result.reused:
        record = old.targets[target]
        result.per_target[target] = {"items": record.items, "standards": record.standards, "files": record.files,
                                     "reused": 1}
    if todo:
        _build_targets(plan, todo, old, out, result, progress)


@dataclass(frozen=True)
class _Memo:
    """Where this build's plan is remembered: the store, the files' key before loading, the plan's key."""

    store: Store
    workspace_key: str
    plan_key: str


# A miss of `recall_unchanged` in this process, by options: `govopen build` asks it before the command line
# framework loads (`commands.build_fast`) and `run` asks again; the second answer is the first one's.
_MISSES: dict[BuildOptions, _Memo | None] = {}


def _plan_options(opts: BuildOptions) -> dict[str, Any]:
    """The options that decide a build's targets and keys (not --jobs, which never changes a byte)."""
    return {"formats": list(opts.formats) if opts.formats is not None else None,
            "counties": list(opts.counties) if opts.counties is not None else None,
            "province": opts.province, "all_standards": opts.all_standards}


def recall_unchanged(opts: BuildOptions) -> tuple[BuildResult | None, _Memo | None]:
    """The result of a build that has nothing to do, answered from the memos without loading the workspace:
    the check memo knows the files as they are now (its diagnostics are reported again, as a full build
    reports them) and has no error, the plan memo knows this build's targets and keys (`incremental`), and
    the manifest holds every key with its outputs present. Otherwise (None, where to remember the plan)."""
    if opts in _MISSES:
        return None, _MISSES.pop(opts)
    store = open_store()
    if store is None:
        return None, None
    workspace = find_workspace(opts.workspace)
    key = workspace_key(workspace, store)
    if key is None:
        return None, None
    options = {**_plan_options(opts), **_ledger_option(opts, workspace, store)}  # a changed ledger: another plan
    memo = _Memo(store, key, plan_key(key, workspace.root, options))
    hit = recall(store, key)
    paths = source_paths(workspace, store) if hit is not None else None
    plan = recall_plan(store, memo.plan_key) if hit is not None else None
    if hit is None or paths is None or plan is None or not plan.targets:
        return None, memo
    diagnostics = Diagnostics(hit[0])
    out = opts.out_dir or (Path.cwd() / plan.out_dir)
    old = load_manifest(out)
    if diagnostics.has_errors or not all(up_to_date(old.targets.get(t), plan.keys[t], out) for t in plan.targets):
        return None, memo
    from govopen_std.load.sources import Sources

    check = CheckResult(workspace, Sources(workspace=workspace, paths=paths), diagnostics, hit[1])
    result = BuildResult(check=check, diagnostics=Diagnostics(list(diagnostics.items)), out_dir=out,
                         reused=list(plan.targets))
    for target in plan.targets:
        record = old.targets[target]
        result.per_target[target] = {"items": record.items, "standards": record.standards, "files": record.files,
                                     "reused": 1}
    return result, None


def _ledger_option(opts: BuildOptions, workspace: Any, store: Store | None) -> dict[str, str]:
    """The ledger store's digest when the sites are built (they show the evaluation), else nothing."""
    if opts.formats is not None and "html" not in opts.formats:
        return {}
    from govopen_std.evaluate.build_inputs import workspace_ledger_digest

    return {"ledger": workspace_ledger_digest(workspace, store)}


def note_miss(opts: BuildOptions, memo: _Memo | None) -> None:
    """Keep a miss for the `run` of these options that follows in this process."""
    _MISSES[opts] = memo


def _remember_plan(memo: _Memo, check: CheckResult, plan: BuildPlan, out_name: str) -> None:
    """Remember the plan when the files are still those the key was computed from before loading them."""
    if workspace_key(check.workspace, memo.store) == memo.workspace_key:
        remember_plan(memo.store, memo.plan_key, Plan(plan.targets, plan.keys, out_name, plan.folders))


@dataclass
class BuildPlan:
    """The targets of one build, their keys, and what rendering them needs."""

    state: RenderState
    renderers: list[str]
    targets: list[str]  # "province" first, then county codes in order
    keys: dict[str, str]
    jobs: int
    folders: tuple[tuple[str, str], ...] = ()  # the template folders the keys cover (incremental.Keys)


def plan_build(check: CheckResult, opts: BuildOptions, diags: Diagnostics) -> BuildPlan:
    """Resolve the base, select the counties (unknown ones are E904) and compute every target's key."""
    from govopen_std.resolve.catalog import resolve_province

    sources = check.sources
    group_of = {p.id: p.group for p in sources.system.value.standards} if sources.system else {}
    base = resolve_province(sources, group_of)
    profiles = _profiles(sources, opts, diags)
    names = [n for n in available() if (n in opts.formats if opts.formats is not None else n not in OPT_IN)]
    names = [n for n in names if not any(REPLACES.get(other) == n for other in names)]  # pdf writes the docx
    options: dict[str, Any] = {"all_standards": opts.all_standards, "formats": sorted(names)}
    evaluation = _evaluation(sources, base, names, options)
    keys = build_keys(sources, renderers=names, options=options,
                      county_sources={code: p.source for code, p in profiles.items()})
    # A county repository (govopen.yaml `base:`) builds its counties only: the province is the base's to build.
    own_province = opts.province and not (sources.config and sources.config.base)
    targets = ([PROVINCE] if own_province else []) + list(profiles)
    target_keys = {t: keys.province() if t == PROVINCE else keys.county(t) for t in targets}
    levels = list(sources.vocabulary.value.levels) if sources.vocabulary else []
    groups = {g.code: g.id for g in sources.system.value.groups if g.code} if sources.system else {}
    state = RenderState(sources, base, profiles, Path(), opts.all_standards, groups, levels, _test_pause,
                        tuple(names), evaluation)
    return BuildPlan(state, names, targets, target_keys, max(1, opts.jobs), keys.folders)


def _evaluation(sources: Sources, base: Any, renderers: list[str], options: dict[str, Any]) -> tuple[Any, ...]:
    """The sites' evaluation results; the ledger store's digest goes into `options`, so into every key."""
    if "html" not in renderers:
        return ()
    from govopen_std.evaluate.build_inputs import ledger_digest, ledger_file, site_results

    path = ledger_file(sources.workspace.root, sources.config.standards_dir if sources.config else "standards")
    options["ledger"] = ledger_digest(path, open_store())
    return tuple(site_results(sources, base, path)) if options["ledger"] else ()


def _profiles(sources: Sources, opts: BuildOptions, diags: Diagnostics) -> dict[str, Any]:
    """County code -> profile, for the counties this build makes (all of them unless --county says which)."""
    if opts.counties == ():
        return {}
    from govopen_std.resolve.overlay import select_profiles
    from govopen_std.resolve.profile import read_profiles

    # Profile problems were reported by the check (county_rules); only selection problems are new here.
    return {p.code: p for p in select_profiles(read_profiles(sources, Diagnostics()), opts.counties, diags)}


def _tasks(plan: BuildPlan, todo: list[str]) -> list[Task]:
    """The province's renderers one task each (its DOCX texts alone outweigh a county), then one per county."""
    tasks = [Task(PROVINCE, (name,)) for name in plan.renderers] if PROVINCE in todo else []
    return tasks + [Task(t, tuple(plan.renderers)) for t in todo if t != PROVINCE]


def _build_targets(plan: BuildPlan, todo: list[str], old: Manifest, out: Path, result: BuildResult,
                   progress: Progress | None) -> None:
    """Render `todo` into staging, publish it, then record the new manifest."""
    diags = result.diagnostics
    try:
        staging = make_temp(out, STAGING_PREFIX)
    except OSError as exc:
        diags.add(io_failure(exc, ("在输出目录中创建临时目录", "create a staging folder in the output folder"),
                             out).diagnostic)
        return
    plan.state.staging = staging
    results: dict[str, list[TaskResult]] = {}
    try:
        with _signals_raise() as interrupts:
            for task_result in _render_tasks(plan, _tasks(plan, todo), progress):
                task_result.raise_fatal()
                if task_result.failed is not None:
                    raise RenderFailed(*task_result.failed)
                results.setdefault(task_result.target, []).append(task_result)
            _bundle_downloads(results, staging)
            manifest = _next_manifest(plan, old, results, staging)
            names = {e.name for e in staging.iterdir() if e.name != MARK}
            taken = foreign(out, names, old.owned_names())
            if taken:  # never replace what govopen did not write: nothing is moved, the staging goes
                diags.add(Diagnostic.make("B630", None, path=str(out), names="、".join(taken), names_en=", ".join(taken)))
                return
            with interrupts.hold():
                write_manifest(out, interim_manifest(old, set(results), names))
                publish(staging, out, _test_pause)
                write_manifest(out, manifest)
            _record(plan, results, out, result)
    except (BuildInterrupted, KeyboardInterrupt):
        diags.add(Diagnostic.make("B603", None))
    except RenderFailed as exc:
        diags.add(Diagnostic.make("B602", None, output=exc.output, detail=exc.detail))
    except OSError as exc:  # publishing failed and was rolled back
        diags.add(io_failure(exc, ("把新输出移入输出目录", "move the new outputs into the output folder"), out).diagnostic)
    finally:
        set_state(None)
        shutil.rmtree(staging, ignore_errors=True)


def _bundle_downloads(results: dict[str, list[TaskResult]], staging: Path) -> None:
    """Each rendered target's DOCX and PDF copied into its site (site/downloads/), once all its renderers ran."""
    from govopen_std.render.html_site.downloads import bundle

    for target, parts in results.items():
        copied = bundle(target_dir(staging, target))
        if copied:
            parts[-1].files += [p.relative_to(staging).as_posix() for p in copied]


def _render_tasks(plan: BuildPlan, tasks: list[Task], progress: Progress | None) -> Iterator[TaskResult]:
    """Results of `tasks`: in worker processes when --jobs allows and there is more than one task."""
    set_state(plan.state)
    with _frozen_heap():
        if plan.jobs <= 1 or len(tasks) <= 1 or not fork_available():
            for task in tasks:
                yield run_task(task, progress)
            return
        pool = Pool(min(plan.jobs, len(tasks)))
        try:
            for task_result in pool.run(tasks):
                _advance(progress, task_result)
                yield task_result
        except BaseException:
            pool.stop()  # an interrupt or a failure: no worker may write into staging once it is removed
            raise
        else:
            pool.close()


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """While tasks run, the loaded workspace is left out of garbage collection (`gc.freeze`): every county
    makes ~10^5 objects, and each full collection would otherwise walk the whole workspace again (about a
    third of a county's time outside the renderers). Forked workers inherit the frozen heap, so they also
    leave its pages unwritten by the collector. The objects stay alive anyway (the build holds them)."""
    import gc

    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _advance(progress: Progress | None, task_result: TaskResult) -> None:
    if progress is None:
        return
    key = task_result.target
    for name, count in task_result.counts.items():
        advance = progress(f"{key}:{name}", count)
        for _ in range(count):
            advance(name)


def _next_manifest(plan: BuildPlan, old: Manifest, results: dict[str, list[TaskResult]], staging: Path) -> Manifest:
    """The old records of targets not rendered now, and new ones for those that were."""
    manifest = Manifest(dict(old.targets), old.owned_names())
    for target, parts in results.items():
        entries = sorted({f.split("/", 1)[0] for part in parts for f in part.files})
        if target != PROVINCE:
            entries = [target_dir(staging, target).name]
        files = sum(len(part.files) for part in parts)
        manifest.targets[target] = TargetRecord(plan.keys[target], entries, files, parts[0].items, parts[0].standards)
        manifest.owned.update(entries)
    return manifest


def _record(plan: BuildPlan, results: dict[str, list[TaskResult]], out: Path, result: BuildResult) -> None:
    for target in plan.targets:
        parts = results.get(target)
        if not parts:
            continue
        files = [f for part in parts for f in part.files]
        result.rendered_files.append((out, files))
        result.rendered.append(target)
        result.per_target[target] = {"items": parts[0].items, "standards": parts[0].standards, "files": len(files)}
