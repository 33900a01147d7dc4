"""The build orchestrator: check → resolve → view → render into a staging folder → move into place.

Reads like the pipeline. All data is gathered and checked before any output is written; outputs
are written to a staging folder inside the output folder and each top-level output is moved into
place only when the whole build succeeded, so a failed or interrupted build leaves the previous
outputs untouched.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from govopen_std.diagnostics import Diagnostic, Diagnostics, GovOpenError
from govopen_std.pipeline import CheckResult, check_workspace
from govopen_std.render.base import available, load_renderer, safe_name
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


class RenderFailed(Exception):
    """A renderer raised: the build stops, staging is removed and the previous outputs stay (B602)."""

    def __init__(self, output: str, cause: Exception) -> None:
        super().__init__(f"{output}: {type(cause).__name__}: {cause}")
        self.output = output
        self.detail = f"{type(cause).__name__}: {cause}"


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
    return staging if view.county is None else staging / safe_name(view.county.code)


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


def _publish(staging: Path, out: Path) -> list[Path]:
    """Move each top-level entry of `staging` into `out`, replacing the previous one.

    If a move fails, the entries already moved go back to staging and the previous ones back into place."""
    moved: list[Path] = []
    replaced: list[str] = []
    trash = Path(tempfile.mkdtemp(prefix=".govopen-old-", dir=out))
    try:
        for entry in sorted(staging.iterdir()):
            target = out / entry.name
            if target.is_symlink() or target.exists():
                target.rename(trash / entry.name)
                replaced.append(entry.name)
            entry.rename(target)
            moved.append(target)
            _test_pause("publish")
    except OSError:
        for target in moved:
            target.rename(staging / target.name)
        for name in replaced:
            (trash / name).rename(out / name)
        raise
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
            try:
                written += renderer.render(view, target, advance)
            except (BuildInterrupted, GovOpenError):
                raise  # an interrupt, or a problem with its own code (e.g. B610 bad style template, exit 2)
            except Exception as exc:  # any renderer bug or I/O error: fail this build, keep the old outputs
                if os.environ.get("GOVOPEN_DEBUG"):
                    raise
                raise RenderFailed(f"{view.key}:{name}", exc) from exc
            _test_pause("render")
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
        with _signals_raise() as interrupts:
            files = render_all(views, opts, staging, progress)
            with interrupts.hold():
                _publish(staging, out)
            result.written = [out / f.relative_to(staging) for f in files]
    except (BuildInterrupted, KeyboardInterrupt):
        diags.add(Diagnostic.make("B603", None))
    except RenderFailed as exc:
        diags.add(Diagnostic.make("B602", None, output=exc.output, detail=exc.detail))
    except OSError as exc:  # publishing failed and was rolled back
        diags.add(Diagnostic.make("B602", None, output=str(out), detail=f"{type(exc).__name__}: {exc}"))
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.out_dir = out
    for view in views:
        result.per_target[view.key] = {"items": len(view.items), "standards": len(view.standards)}
    return result
