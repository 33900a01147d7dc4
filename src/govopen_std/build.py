"""The build orchestrator: check → resolve → view → render into a staging folder → move into place.

Reads like the pipeline. All data is gathered and checked before any output is written; outputs
are written to a staging folder inside the output folder and each top-level output is moved into
place only when the whole build succeeded, so a failed or interrupted build leaves the previous
outputs untouched.
"""

from __future__ import annotations

import shutil
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.pipeline import CheckResult, check_workspace
from govopen_std.render.base import available, load_renderer
from govopen_std.resolve.catalog import Catalog, resolve_province
from govopen_std.view.builder import build_view
from govopen_std.view.model import BuildView


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
    written: list[Path] = field(default_factory=list)
    per_target: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors


class BuildInterrupted(Exception):
    """Raised from a signal handler so that staging is cleaned up like any other failure."""


Progress = Callable[[str, int], Callable[[str], None]]


def resolve_catalogs(check: CheckResult, opts: BuildOptions, diags: Diagnostics) -> list[Catalog]:
    """The province catalog and the requested county catalogs."""
    sources = check.sources
    group_of = {p.id: p.group for p in sources.system.value.standards} if sources.system else {}
    base = resolve_province(sources, group_of)
    catalogs = [base] if opts.province else []
    try:
        from govopen_std.resolve.overlay import resolve_counties
    except ImportError:
        return catalogs
    catalogs += resolve_counties(sources, base, opts.counties, diags)
    return catalogs


def views_for(check: CheckResult, catalogs: list[Catalog]) -> list[BuildView]:
    return [build_view(check.sources, catalog) for catalog in catalogs]


def _target_dir(staging: Path, view: BuildView) -> Path:
    return staging if view.county is None else staging / view.county.code


@contextmanager
def _signals_raise() -> Iterator[None]:
    """Turn SIGTERM into an exception while building, so staging is removed and old outputs stay."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise BuildInterrupted()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # not in the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _publish(staging: Path, out: Path) -> list[Path]:
    """Move each top-level entry of `staging` into `out`, replacing the previous one."""
    moved = []
    trash = Path(tempfile.mkdtemp(prefix=".govopen-old-", dir=out))
    try:
        for entry in sorted(staging.iterdir()):
            target = out / entry.name
            if target.exists():
                target.rename(trash / entry.name)
            entry.rename(target)
            moved.append(target)
    finally:
        shutil.rmtree(trash, ignore_errors=True)
    return moved


def render_all(views: list[BuildView], opts: BuildOptions, staging: Path, progress: Progress | None) -> list[Path]:
    names = [n for n in available() if opts.formats is None or n in opts.formats]
    written: list[Path] = []
    for view in views:
        target = _target_dir(staging, view)
        for name in names:
            renderer = load_renderer(name, all_standards=opts.all_standards)
            advance = progress(f"{view.key}:{name}", renderer.count(view)) if progress else (lambda _n: None)
            written += renderer.render(view, target, advance)
    return written


def run(opts: BuildOptions, progress: Progress | None = None) -> BuildResult:
    """check → resolve → view → render (staged) → publish. Nothing is written when sources have errors."""
    check = check_workspace(opts.workspace)
    diags = Diagnostics()
    diags.extend(check.diagnostics)
    result = BuildResult(check=check, diagnostics=diags)
    if diags.has_errors:
        diags.add(Diagnostic.make("B601", None))
        return result
    catalogs = resolve_catalogs(check, opts, diags)
    if diags.has_errors:
        diags.add(Diagnostic.make("B601", None))
        return result
    views = views_for(check, catalogs)
    cfg = check.sources.config
    out = opts.out_dir or (Path.cwd() / (cfg.out_dir if cfg else "build"))
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".govopen-staging-", dir=out))
    try:
        with _signals_raise():
            files = render_all(views, opts, staging, progress)
            result.written = [out / f.relative_to(staging) for f in files]
            _publish(staging, out)
    except (BuildInterrupted, KeyboardInterrupt):
        diags.add(Diagnostic.make("B603", None))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.out_dir = out
    for view in views:
        result.per_target[view.key] = {"items": len(view.items), "standards": len(view.standards)}
    return result
