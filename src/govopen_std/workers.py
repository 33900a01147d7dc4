"""Rendering build targets, in this process or spread over worker processes (`govopen build --jobs N`).

A task is one target (the province, or one county) with the renderers to run for it; the province's
renderers are separate tasks, because its DOCX texts alone outweigh a county. Each task resolves its
catalog, builds its view and renders into the staging folder, so the parent never holds more than the
base catalog and at most N views are alive at once (memory stays flat however many counties there are).
Outputs do not depend on which process rendered them: renderers only read the view, which is the same.

Workers are forked (Linux) after the sources are checked, and inherit them; where fork is not
available the tasks run in this process. Workers ignore SIGINT and die on SIGTERM, so the parent alone
decides what an interrupt does: it stops them and removes staging (`build.run`). Workers also end when the
parent dies without a word (`kill -9`): `lifetime.end_with_parent`. Errors travel back as
plain data (a diagnostic, or "which output failed and why"), never as pickled exceptions.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_std.diagnostics import GovOpenError
from govopen_std.incremental import PROVINCE
from govopen_std.lifetime import end_with_parent

if TYPE_CHECKING:  # the models (and the pool) load when a task runs, not when `build` answers an unchanged workspace
    from concurrent.futures import Future

    from govopen_std.load.sources import Sources
    from govopen_std.resolve.catalog import Catalog
    from govopen_std.view.model import BuildView

Pause = Callable[[str], None]


class BuildInterrupted(Exception):
    """Raised from a signal handler so that staging is cleaned up like any other failure."""


@dataclass(frozen=True)
class Task:
    target: str  # "province" or a county code
    renderers: tuple[str, ...]


@dataclass
class TaskResult:
    target: str
    files: list[str] = field(default_factory=list)  # relative to staging
    counts: dict[str, int] = field(default_factory=dict)  # renderer -> files written
    items: int = 0
    standards: int = 0
    failed: tuple[str, str] | None = None  # (output, detail) of a renderer that raised
    fatal: tuple[str, tuple[tuple[str, Any], ...]] | None = None  # (code, params) of a GovOpenError

    def raise_fatal(self) -> None:
        """Re-raise a worker's GovOpenError here, with the same diagnostic."""
        if self.fatal is not None:
            code, params = self.fatal
            raise GovOpenError(code, **dict(params))


@dataclass
class RenderState:
    """What every task needs; set before the workers fork, so they inherit it."""

    sources: Sources
    base: Catalog
    profiles: dict[str, Any]  # county code -> resolve.profile.Profile
    staging: Path
    all_standards: bool
    code_to_group: dict[str, str]
    level_order: list[str]
    pause: Pause
    formats: tuple[str, ...] = ()  # the renderers of this build (the site links a PDF when it makes PDFs)
    evaluation: tuple[Any, ...] = ()  # EvaluationResult per county when there is a ledger (the sites show them)


_STATE: RenderState | None = None


def view_of(state: RenderState, target: str) -> BuildView:
    from govopen_std.view.builder import build_view

    if target == PROVINCE:
        view = build_view(state.sources, state.base)
    else:
        from govopen_std.resolve.overlay import apply_overlay

        catalog = apply_overlay(state.base, state.profiles[target], code_to_group=state.code_to_group,
                                level_order=state.level_order)
        view = build_view(state.sources, catalog)
    if state.evaluation:  # the province shows every county (heat map), a county its own result
        view.extras["evaluation"] = [r for r in state.evaluation if target == PROVINCE or r.county == target]
    return view


def target_dir(staging: Path, target: str) -> Path:
    from govopen_std.render.base import safe_name

    return staging if target == PROVINCE else staging / safe_name(target)


def run_task(task: Task, progress: Callable[[str, int], Callable[[str], None]] | None = None) -> TaskResult:
    """Render one task with the current state; errors are returned, interrupts propagate."""
    from govopen_std.render.base import load_renderer

    state = _STATE
    assert state is not None, "set_state() before running tasks"
    view = view_of(state, task.target)
    result = TaskResult(task.target, items=len(view.items), standards=len(view.standards))
    out = target_dir(state.staging, task.target)
    for name in task.renderers:
        renderer = load_renderer(name, all_standards=state.all_standards, formats=state.formats)
        advance = progress(f"{view.key}:{name}", renderer.count(view)) if progress else (lambda _n: None)
        try:
            written = renderer.render(view, out, advance)
        except BuildInterrupted:
            raise
        except GovOpenError as exc:  # a problem with its own inputs (e.g. a bad template): exit 2
            result.fatal = (exc.diagnostic.code, exc.diagnostic.params)
            return result
        except OSError as exc:  # the environment refused (a full disk, permissions): E923, exit 2
            from govopen_std.out_folder import io_failure

            failure = io_failure(exc, (f"生成 {view.key}:{name}（写入临时目录）", f"render {view.key}:{name} into staging"))
            result.fatal = (failure.diagnostic.code, failure.diagnostic.params)
            return result
        except Exception as exc:  # a renderer bug or an I/O error: this build fails, old outputs stay
            if os.environ.get("GOVOPEN_DEBUG"):
                raise
            result.failed = (f"{view.key}:{name}", f"{type(exc).__name__}: {exc}")
            return result
        result.counts[name] = len(written)
        result.files += _relative(written, state.staging)
        state.pause("render")
    return result


def _relative(paths: list[Path], folder: Path) -> list[str]:
    """`p.relative_to(folder).as_posix()` of each path, by cutting the folder's prefix off the string (a county
    writes ~1,000 files, and `relative_to` re-parses both paths every time)."""
    prefix = str(folder) + os.sep
    return [text[len(prefix):].replace(os.sep, "/") if (text := str(p)).startswith(prefix)
            else p.relative_to(folder).as_posix() for p in paths]


def set_state(state: RenderState | None) -> None:
    global _STATE
    _STATE = state


def _worker_init(parent: int) -> None:
    # Ctrl-C reaches the whole process group: only the parent reacts to it. SIGTERM ends a worker at once
    # (the parent's handler, inherited through fork, would only turn it into an exception inside the task).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    end_with_parent(parent)  # a kill -9 of the build ends its workers too (lifetime)


def _worker_task(task: Task) -> TaskResult:
    return run_task(task)


def fork_available() -> bool:
    return sys.platform == "linux"


class Pool:
    """A process pool whose workers can be stopped at once (an interrupt must not wait for running tasks)."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.executor = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                            initializer=_worker_init, initargs=(os.getpid(),))

    def run(self, tasks: list[Task]) -> Iterator[TaskResult]:
        """Results as tasks complete (order does not matter: every task writes its own files)."""
        from concurrent.futures import FIRST_COMPLETED, wait

        pending: set[Future[TaskResult]] = {self.executor.submit(_worker_task, t) for t in tasks}
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()

    def stop(self) -> None:
        """Kill the workers now and wait for them, so nothing writes into staging after this returns."""
        processes = list(getattr(self.executor, "_processes", {}).values())
        for process in processes:
            if process.is_alive():
                process.terminate()
        self.executor.shutdown(wait=True, cancel_futures=True)

    def close(self) -> None:
        self.executor.shutdown(wait=True)
