"""The display paths of many files of one workspace (`diagnostics.relpath`), at a fraction of the cost.

`relpath` resolves the file and the workspace root on every call: a `realpath` is an lstat per path
component, and a check names every file of the workspace up to three times (the memo key before and after
the check, and the preload). Here the root is resolved once and each folder once; a file is only asked
whether it is a link. A link, and anything unusual (a loop, an error), goes through `relpath` itself, so
the result is always what `relpath` gives (tests/load/test_display_paths.py).
"""

from __future__ import annotations

import os
from pathlib import Path

from govopen_std.diagnostics import relpath


class DisplayPaths:
    """`relpath(path, root)` for paths under one root, with the root and each folder resolved once."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._resolved_root: Path | None = None
        # a folder -> its display path relative to the root ("" for the root), or None when relpath must decide
        self._folders: dict[str, str | None] = {}

    def __call__(self, path: Path) -> str:
        text = os.fspath(path)
        folder, name = os.path.split(text)
        if name in ("", ".", ".."):
            return relpath(path, self.root)
        shown = self._folders.get(folder, "?")
        if shown == "?":
            shown = self._folders[folder] = self._folder(folder)
        # realpath(folder/name) is realpath(folder)/name when name is no link
        if shown is None or os.path.islink(text):
            return relpath(path, self.root)
        return f"{shown}/{name}" if shown else name

    def _folder(self, folder: str) -> str | None:
        try:
            if self._resolved_root is None:
                self._resolved_root = self.root.resolve()
            shown = Path(folder).resolve().relative_to(self._resolved_root).as_posix()
        except (ValueError, RuntimeError, OSError):  # outside the root, a loop: relpath's own fallbacks decide
            return None
        return "" if shown == "." else shown
