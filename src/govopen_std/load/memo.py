"""The memo of whole `check` results: an unchanged workspace is answered without loading it.

The key covers everything a check reads: the bytes of govopen.yaml and of every source file that
`discover` finds (with their paths, so an added, removed or renamed file is a change), the workspace's
own template files (`check.template_rules` validates them), and all of
govopen's code (`cache.code_fingerprint`). The value is the diagnostics and the summary counts. A
result is stored only when the key computed after the check equals the one computed before it, so a
file edited while the check ran is never remembered with the wrong result.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from govopen_std.diagnostics import Diagnostic, relpath
from govopen_std.load import cache
from govopen_std.load.discover import SourcePaths, Workspace, discover
from govopen_std.load.fastyaml import fast_build

KIND = "results"


def _config_dir(config_bytes: bytes, key: str, default: str) -> str:
    """A folder setting of govopen.yaml as the full load reads it (the default when the file is odd)."""
    try:
        parsed = fast_build(config_bytes.decode("utf-8"))
    except UnicodeDecodeError:
        return default
    data = parsed[0] if parsed else None
    value = data.get(key) if isinstance(data, dict) else None
    return value if isinstance(value, str) and value else default


def _standards_dir(config_bytes: bytes) -> str:
    return _config_dir(config_bytes, "standards_dir", "standards")


def template_files(workspace: Workspace) -> list[Path]:
    """A workspace's own template files, which `check` validates too (none for the embedded workspace)."""
    if workspace.embedded:
        return []
    try:
        folder = workspace.root / _config_dir(workspace.config_path.read_bytes(), "templates_dir", "templates")
    except OSError:
        return []
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _base(config_bytes: bytes) -> str | None:
    """`base` of govopen.yaml, when it names one (load/base.py)."""
    try:
        parsed = fast_build(config_bytes.decode("utf-8"))
    except UnicodeDecodeError:
        return None
    data = parsed[0] if parsed else None
    value = data.get("base") if isinstance(data, dict) else None
    return value if isinstance(value, str) and value.strip() else None


def source_paths(workspace: Workspace) -> SourcePaths | None:
    try:
        config = workspace.config_path.read_bytes()
    except OSError:
        return None
    paths = discover(workspace.root / _standards_dir(config), workspace.config_path)
    base = _base(config)
    if base is None:
        return paths
    from govopen_std.load.base import BaseUnusable, base_standards, with_base

    try:  # the base's files are part of what the check read, so they are part of the key
        return with_base(paths, base_standards(workspace.root, base))
    except BaseUnusable:
        return paths


def workspace_key(workspace: Workspace) -> str | None:
    """The memo key of the workspace as it is on disk now; None when a file cannot be read."""
    paths = source_paths(workspace)
    if paths is None:
        return None
    files: list[tuple[str, str]] = []
    for path in [*paths.all(), *template_files(workspace)]:
        try:
            files.append((relpath(path, workspace.root), cache.digest(path.read_bytes())))
        except OSError:
            return None
    return cache.result_key(files)


def recall(store: cache.Store, key: str) -> tuple[list[Diagnostic], dict[str, int]] | None:
    """The remembered (diagnostics, stats) of `key`, or None."""
    value: Any = store.get(KIND, key)
    try:
        plain, stats = value
        return [cache.diag_from_plain(p) for p in plain], dict(stats)
    except (TypeError, ValueError, KeyError, IndexError):
        return None


def remember(store: cache.Store, key: str, diagnostics: list[Diagnostic], stats: dict[str, int]) -> None:
    store.put(KIND, key, ([cache.diag_to_plain(d, with_path=True) for d in diagnostics], stats))
