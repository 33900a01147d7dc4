"""The output folder of a build: whether it may be one, the lock that keeps two builds apart, the temporary
folders a killed build left behind, what govopen may replace there, and how an I/O failure is reported.

- `refusal`: `/`, a system folder, the workspace or a folder above it, the standards or templates folder, or a
  link from the workspace to outside it is refused (E920; `load.confine.forbidden_out`).
- `locked`: an exclusive `flock` on the output folder itself (no lock file is left behind) for the whole
  build; a second build on the same folder stops at once with B631. The lock ends with the process holding
  it, even after `kill -9`; forked workers share it until they end too (`workers`).
- `make_temp`, `remove_stale`: govopen's temporary folders (`.govopen-staging-*`, `.govopen-old-*`) hold a
  marker file; a build (holding the lock, so no other build is using them) removes those a killed build left.
  A folder of that name without the marker is not govopen's and is left alone.
- `foreign`: the names a build would replace that its manifest does not list as its own (B630).
- `io_failure`: an OSError as E923 with the path, what was attempted and the OS reason (never E903).
- `enter`, `publish`: the build's first and last steps in the folder (create, lock and clean it; move the new
  outputs in, rolled back when a move fails).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from govopen_std.diagnostics import Diagnostic, GovOpenError, SourceLocation, relpath
from govopen_std.load.confine import forbidden_out

if TYPE_CHECKING:
    from govopen_std.load.sources import Sources

MARK = ".govopen-temp"  # inside every temporary folder govopen makes: only those are removed as stale
STAGING_PREFIX = ".govopen-staging-"
OLD_PREFIX = ".govopen-old-"

_REASONS_ZH = {
    errno.EACCES: "没有权限", errno.EPERM: "不允许的操作", errno.EROFS: "只读文件系统", errno.ENOSPC: "磁盘空间不足",
    errno.EDQUOT: "超出磁盘配额", errno.ENOENT: "文件或目录不存在", errno.EEXIST: "已存在同名文件",
    errno.ENOTDIR: "路径中的某一级不是目录（可能是同名文件）", errno.EISDIR: "这是一个目录，不是文件",
    errno.ENAMETOOLONG: "文件名或路径过长", errno.ELOOP: "符号链接形成循环", errno.EIO: "输入输出错误",
    errno.ENOTEMPTY: "目录不为空", errno.EBUSY: "设备或资源忙", errno.EXDEV: "不能跨文件系统移动",
}


def refusal(out: Path, sources: Sources, *, from_config: bool) -> Diagnostic | None:
    """E920 when `out` cannot be this workspace's output folder: located at govopen.yaml `out_dir` when the
    folder comes from there, without a location when it was given with --out."""
    root = sources.workspace.root
    config = sources.config
    standards = root / (config.standards_dir if config else "standards")
    templates = root / (config.templates_dir if config else "templates")
    reason = forbidden_out(out, root, standards, templates)
    if reason is None:
        return None
    where = None
    source = next((f for f in sources.files if f.path == sources.paths.config), None)
    if from_config and source is not None:
        where = source.locate(("out_dir",))
    elif from_config:
        where = SourceLocation(relpath(sources.paths.config, root))
    return Diagnostic.make("E920", where, path=str(out), what=reason[0], what_en=reason[1])


@contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold an exclusive lock on the folder `out` (which exists); B631 when another build holds it."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no lock
        yield
        return
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise GovOpenError("B631", path=str(out)) from None
        yield
    finally:
        os.close(fd)  # the lock ends with the last descriptor (forked workers hold copies until they end)


def make_temp(out: Path, prefix: str) -> Path:
    """A new temporary folder in `out`, marked as govopen's."""
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=out))
    (folder / MARK).write_bytes(b"")
    return folder


def is_temp(entry: Path) -> bool:
    """True for a temporary folder that govopen made (its name and its marker; never a link)."""
    return entry.name.startswith((STAGING_PREFIX, OLD_PREFIX)) and not entry.is_symlink() and entry.is_dir() \
        and (entry / MARK).is_file() and not (entry / MARK).is_symlink()


def remove_stale(out: Path) -> list[str]:
    """Remove govopen's temporary folders left in `out` by a build that was killed; their names. Call only
    while holding the lock: then no running build is using them."""
    removed = []
    for entry in sorted(out.iterdir()):
        if is_temp(entry):
            shutil.rmtree(entry)
            removed.append(entry.name)
    return removed


def foreign(out: Path, names: Iterable[str], owned: set[str]) -> list[str]:
    """The `names` that exist in `out` but are not govopen's (not in its manifest): never to be replaced."""
    return sorted(name for name in names if name not in owned and os.path.lexists(out / name))


def reason_of(exc: OSError) -> tuple[str, str]:
    """(zh, en) of the OS reason of `exc` (strerror), with its errno name."""
    english = exc.strerror or str(exc) or type(exc).__name__
    name = errno.errorcode.get(exc.errno or 0, "")
    chinese = _REASONS_ZH.get(exc.errno or 0, english)
    suffix = f" [{name}]" if name else ""
    return f"{chinese}（{english}）{suffix}" if chinese != english else chinese + suffix, english + suffix


def io_failure(exc: OSError, action: tuple[str, str], path: Path | str | None = None) -> GovOpenError:
    """E923 for `exc` while doing `action` (zh, en), naming the path the OS names (else `path`)."""
    where = exc.filename if exc.filename is not None else path
    zh, en = reason_of(exc)
    return GovOpenError("E923", path=str(where) if where is not None else "?", action=action[0], action_en=action[1],
                        reason=zh, reason_en=en)


def enter(out: Path, stack: ExitStack) -> Diagnostic | None:
    """Create and lock the output folder (held until `stack` closes) and remove the temporary folders a killed
    build left there; the diagnostic when another build holds it (B631) or the OS refuses (E923), else None."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        stack.enter_context(locked(out))
        remove_stale(out)
    except GovOpenError as exc:
        return exc.diagnostic
    except OSError as exc:
        return io_failure(exc, ("创建、锁定或清理输出目录", "create, lock or clean the output folder"), out).diagnostic
    return None


def publish(staging: Path, out: Path, pause: Callable[[str], None]) -> list[Path]:
    """Move each top-level entry of `staging` into `out`, replacing the previous one (the caller has made sure
    that each is govopen's: `foreign`). `pause` is the build's test hook, called after the first move.

    If a move fails, the entries already moved go back to staging and the previous ones back into place."""
    moved: list[Path] = []
    replaced: list[str] = []
    trash = make_temp(out, OLD_PREFIX)
    try:
        for entry in sorted(e for e in staging.iterdir() if e.name != MARK):
            target = out / entry.name
            if target.is_symlink() or target.exists():
                target.rename(trash / entry.name)
                replaced.append(entry.name)
            entry.rename(target)
            moved.append(target)
            if len(moved) == 1:
                pause("publish")
    except OSError:
        for target in moved:
            target.rename(staging / target.name)
        for name in replaced:
            (trash / name).rename(out / name)
        raise
    finally:
        shutil.rmtree(trash, ignore_errors=True)
    return moved
