"""Where govopen may read from and which folder may be an output folder (issue 14, points 1 and 2).

Reading: a source, template or asset is read only when its real path (every symbolic link followed) lies
inside the workspace, the provincial base it names (`base:`) or the installed package's own files. A link
that leads elsewhere (`templates/html/assets/env.txt -> /proc/self/environ`) is reported, never read, so
nothing from outside can reach an output. Special files (a FIFO, a device) are never opened either.

Writing: the output folder is replaced piece by piece by every build, so it may not be `/`, a system folder,
the workspace itself or a folder above it, the standards or templates folder (or inside them), nor a link
from inside the workspace to somewhere outside it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path

# (zh, en) of what an output folder cannot be
ROOT_FOLDER = ("根目录 /", "the root folder /")
SYSTEM_FOLDER = ("系统目录（/proc、/sys、/dev 或其中的目录）", "a system folder (/proc, /sys, /dev or inside them)")
WORKSPACE = ("工作区本身", "the workspace itself")
ABOVE_WORKSPACE = ("工作区的上级目录", "a folder above the workspace")
STANDARDS = ("标准目录或其中的目录", "the standards folder or inside it")
TEMPLATES = ("模板目录或其中的目录", "the templates folder or inside it")
PACKAGE = ("govopen 安装包的目录", "a folder of govopen's own package")
NUL_NAME = ("含有 NUL 字符（\\0）的路径", "a path with a NUL character (\\0)")
LINK_OUT = ("指向工作区之外的符号链接", "a symbolic link from the workspace to outside it")
# (zh, en) of what a file read must lie within (E921's `where`)
IN_WORKSPACE = ("工作区", "the workspace")
IN_TEMPLATES = ("模板目录", "its templates folder")
SYSTEM_ROOTS = (Path("/proc"), Path("/sys"), Path("/dev"))

# kind of a special file, (zh, en)
_KINDS = ((stat.S_ISFIFO, ("命名管道 FIFO", "a FIFO")), (stat.S_ISSOCK, ("套接字", "a socket")),
          (stat.S_ISCHR, ("字符设备", "a character device")), (stat.S_ISBLK, ("块设备", "a block device")))


def real(path: Path) -> Path:
    """The path with every symbolic link followed (a broken link or a loop: as far as it goes)."""
    try:
        return Path(os.path.realpath(path))
    except ValueError:  # a NUL character (a configured folder name): no such file exists, the plain path stands
        return Path(os.path.abspath(path))


def package_roots() -> tuple[Path, ...]:
    """The installed package's own folders: the package, and the embedded workspace (the wheel's or the checkout's)."""
    from govopen_std.load.discover import embedded_root

    roots = [real(Path(__file__).parents[1])]
    with suppress(Exception):  # no embedded workspace: the package folder alone
        roots.append(real(embedded_root()))
    return tuple(roots)


def allowed_roots(workspace_root: Path, *extra: Path) -> tuple[Path, ...]:
    """The folders files may be read from: the workspace, `extra` (a base workspace) and the package."""
    return (real(workspace_root), *(real(p) for p in extra), *package_roots())


def escapes(path: Path, roots: Iterable[Path]) -> Path | None:
    """The real path of `path` when it lies outside every one of `roots` (already real paths), else None."""
    target = real(path)
    return None if any(target.is_relative_to(root) for root in roots) else target


def special_kind(path: Path) -> tuple[str, str] | None:
    """(zh, en) of the kind of special file at `path` (following links), or None for a file, folder or nothing."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):  # missing, a loop, or a name with a NUL character
        return None
    return next((kind for test, kind in _KINDS if test(mode)), None)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or path.is_relative_to(folder)


def forbidden_out(out: Path, root: Path, standards: Path, templates: Path) -> tuple[str, str] | None:
    """(zh, en) of why `out` cannot be the output folder of the workspace at `root`, or None when it can."""
    if "\0" in str(out):  # no file system has such a name: the OS would refuse every call with it
        return NUL_NAME
    target, ws = real(out), real(root)
    lexical = Path(os.path.abspath(out))
    if target == Path("/"):
        return ROOT_FOLDER
    if any(_inside(target, system) for system in SYSTEM_ROOTS):
        return SYSTEM_FOLDER
    if target == ws:
        return WORKSPACE
    if ws.is_relative_to(target):
        return ABOVE_WORKSPACE
    if _inside(target, real(standards)):
        return STANDARDS
    if _inside(target, real(templates)):
        return TEMPLATES
    if _inside(target, package_roots()[0]):
        return PACKAGE
    if _inside(lexical, Path(os.path.abspath(root))) and not _inside(target, ws):
        return LINK_OUT
    return None


class Confinement:
    """`escapes` for many files at once: each folder is resolved once, and a file itself only when it is a link
    (one `lstat`), so the check memo's key (`load.memo`) stays cheap for thousands of files."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        self.roots = roots
        self._folders: dict[str, bool] = {}

    def escapes(self, path: Path) -> Path | None:
        folder = os.path.dirname(path)
        inside = self._folders.get(folder)
        if inside is None:
            inside = self._folders[folder] = escapes(Path(folder), self.roots) is None
        if inside and not os.path.islink(path):
            return None
        return escapes(path, self.roots)
