"""The two versions to compare: two workspace folders, or git revisions of the workspace extracted with
`git archive` into temporary folders (the working tree and the index are never touched).

With one revision, the newer version is the workspace as it is on disk.

A version whose sources do not load cleanly is not compared: its errors are reported at their
file:line:col (a path the user can open: the folder's files, or `REV:path` for a git revision), since an
item that failed to load would otherwise look like a deleted item.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, GovOpenError, Severity, relpath
from govopen_std.load.discover import find_workspace
from govopen_std.load.sources import Sources, load_sources

GIT_TIMEOUT = 120


@dataclass(frozen=True)
class Side:
    label: str
    root: Path
    shown: str | None = None  # what stands before a workspace path in diagnostics; None: the folder itself


def _shown_root(side: Side) -> str:
    if side.shown is not None:
        return side.shown
    where = relpath(side.root, Path.cwd())
    return "" if where == "." else where.rstrip("/") + "/"


def _relocated(diag: Diagnostic, prefix: str) -> Diagnostic:
    if diag.location is None or not prefix:
        return diag
    return replace(diag, location=replace(diag.location, path=prefix + diag.location.path))


def load_side(side: Side, diags: Diagnostics) -> Sources:
    """Load one version. Its errors go to `diags` at their positions, then one D843 naming the version."""
    workspace = find_workspace(side.root)
    own = Diagnostics()
    sources = load_sources(workspace, own)
    errors = [d for d in own.sorted() if d.severity >= Severity.ERROR]
    if errors:
        prefix = _shown_root(side)
        diags.extend([_relocated(d, prefix) for d in errors])
        diags.add(Diagnostic.make("D843", None, label=side.label, count=len(errors)))
    return sources


def _git(git: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([git, "-C", str(cwd), *args], capture_output=True, timeout=GIT_TIMEOUT, check=False)


def _text(proc: subprocess.CompletedProcess[bytes]) -> str:
    return proc.stdout.decode("utf-8", "replace").strip()


def _first_line(proc: subprocess.CompletedProcess[bytes]) -> str:
    lines = proc.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[0] if lines else f"exit {proc.returncode}"


def _repository(git: str, where: Path) -> tuple[Path, str]:
    """The repository's top folder and the workspace's path inside it ('' or 'sub/dir/')."""
    top = _git(git, where, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise GovOpenError("D841", path=str(where))
    prefix = _git(git, where, "rev-parse", "--show-prefix")
    return Path(_text(top)), _text(prefix)


def _label(git: str, top: Path, rev: str) -> str:
    short = _git(git, top, "rev-parse", "--short", f"{rev}^{{commit}}")
    if short.returncode != 0:
        raise GovOpenError("D840", rev=rev, detail=_first_line(short))
    sha = _text(short)
    return rev if rev == sha else f"{rev}（{sha}）"


def _extract(git: str, top: Path, prefix: str, rev: str, dest: Path) -> Path:
    proc = _git(git, top, "archive", "--format=tar", rev, "--", prefix or ".")
    if proc.returncode != 0:
        raise GovOpenError("D840", rev=rev, detail=_first_line(proc))
    with tarfile.open(fileobj=io.BytesIO(proc.stdout)) as archive:
        archive.extractall(dest, filter="data")  # 'data' refuses absolute paths, links out of dest, devices
    return dest / prefix


@contextmanager
def git_sides(where: Path, revisions: list[str]) -> Iterator[tuple[Side, Side]]:
    """Extract the revisions of the workspace at `where`; with one revision, the new side is `where` itself."""
    git = shutil.which("git")
    if git is None:
        raise GovOpenError("D842")
    top, prefix = _repository(git, where)
    with tempfile.TemporaryDirectory(prefix="govopen-diff-") as tmp:
        sides = []
        for i, rev in enumerate(revisions[:2]):
            root = _extract(git, top, prefix, rev, Path(tmp) / f"v{i}")
            sides.append(Side(_label(git, top, rev), root, shown=f"{rev}:{prefix}"))  # git's REV:path
        if len(sides) == 1:
            sides.append(Side("工作区", where))
        yield sides[0], sides[1]
