"""The memo of whole `check` results: an unchanged workspace is answered without loading it.

The key covers everything a check reads: the bytes of govopen.yaml and of every source file that
`discover` finds (with their paths, so an added, removed or renamed file is a change), the workspace's
own template files (`check.template_rules` validates them), and all of
govopen's code (`cache.code_fingerprint`). The value is the diagnostics and the summary counts. A
result is stored only when the key computed after the check equals the one computed before it, so a
file edited while the check ran is never remembered with the wrong result.

Answering from the memo must stay cheap (`govopen check` in a pre-commit hook), so this module imports
no parser: the folder settings of govopen.yaml that the key needs are themselves remembered by the
config file's bytes (kind "config"), and the YAML parser loads only when they are not.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from govopen_std.diagnostics import Diagnostic
from govopen_std.load import cache
from govopen_std.load.confine import Confinement, allowed_roots
from govopen_std.load.discover import SourcePaths, Workspace, discover, special
from govopen_std.load.display import DisplayPaths

KIND = "results"
CONFIG_KIND = "config"


class ConfigSettings(NamedTuple):
    """What of govopen.yaml decides which files a check reads, as the full load reads it."""

    standards_dir: str
    templates_dir: str
    base: str | None  # `base:` when it names one (load/base.py)
    out_dir: str = "build"  # where it leads on disk is part of the key (check.confine_rules)


def parse_settings(config_bytes: bytes) -> ConfigSettings:
    """The settings of govopen.yaml, read by the loader that reads it for the check (the defaults where the
    file is odd: not UTF-8, not YAML, not a mapping). Validation may still refuse the file and fall back to
    the defaults: `pipeline` remembers a result only when its check read these same settings."""
    from govopen_std.diagnostics import Diagnostics
    from govopen_std.load.yaml_source import SourceFile, load_text_into

    source = load_text_into(SourceFile(path=Path(), display=""), config_bytes, Diagnostics())
    data = source.data if isinstance(source.data, dict) else {}

    def folder(key: str, default: str) -> str:
        value = data.get(key)
        return value if isinstance(value, str) and value else default

    base = data.get("base")
    return ConfigSettings(folder("standards_dir", "standards"), folder("templates_dir", "templates"),
                          base if isinstance(base, str) and base.strip() else None, folder("out_dir", "build"))


# Settings by the digest of govopen.yaml's bytes, for the runs of one process (a check reads them up to three times).
_SEEN: dict[str, ConfigSettings] = {}


def settings(config_bytes: bytes, store: cache.Store | None = None) -> ConfigSettings:
    """`parse_settings`, remembered in this process and in `store` under the file's bytes and govopen's code."""
    raw_digest = cache.digest(config_bytes)
    if raw_digest in _SEEN:
        return _SEEN[raw_digest]
    key = cache.digest(f"{raw_digest}:{cache.code_fingerprint()}".encode())
    found = _stored_settings(store.get(CONFIG_KIND, key)) if store is not None else None
    if found is None:
        found = parse_settings(config_bytes)
        if store is not None:
            store.put(CONFIG_KIND, key, tuple(found))
    _SEEN[raw_digest] = found
    return found


def _stored_settings(value: Any) -> ConfigSettings | None:
    """A remembered entry, or None when it is absent or not of the expected shape."""
    if not isinstance(value, tuple) or len(value) != 4:
        return None
    standards_dir, templates_dir, base, out_dir = value
    if not (isinstance(standards_dir, str) and isinstance(templates_dir, str) and isinstance(base, str | None)
            and isinstance(out_dir, str)):
        return None
    return ConfigSettings(standards_dir, templates_dir, base, out_dir)


def _config_bytes(workspace: Workspace) -> bytes | None:
    try:
        return workspace.config_path.read_bytes()
    except OSError:
        return None


def workspace_settings(workspace: Workspace, store: cache.Store | None = None) -> ConfigSettings | None:
    """The settings of the workspace's govopen.yaml as it is now; None when it cannot be read."""
    config = _config_bytes(workspace)
    return settings(config, store) if config is not None else None


def template_files(workspace: Workspace, store: cache.Store | None = None) -> list[Path]:
    """A workspace's own template files, which `check` validates too (none for the embedded workspace)."""
    if workspace.embedded:
        return []
    config = _config_bytes(workspace)
    if config is None:
        return []
    folder = workspace.root / settings(config, store).templates_dir
    # Everything but plain folders: a FIFO, a link loop or a dangling link makes the key None (`workspace_key`),
    # so the check that reports it (check.confine_rules) runs instead of an earlier memo answering.
    return sorted(p for p in folder.rglob("*") if p.is_symlink() or not p.is_dir()) if folder.is_dir() else []


def template_folders(workspace: Workspace, store: cache.Store | None = None) -> list[str]:
    """The folders under a workspace's own templates folder, relative to it: a folder where a template belongs
    (`templates/docx/style.yaml/`) is a finding of the check, so the folders are part of the key too."""
    config = _config_bytes(workspace)
    if workspace.embedded or config is None:
        return []
    folder = workspace.root / settings(config, store).templates_dir
    if not folder.is_dir():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_dir() and not p.is_symlink())


def source_paths(workspace: Workspace, store: cache.Store | None = None) -> SourcePaths | None:
    config = _config_bytes(workspace)
    if config is None:
        return None
    found = settings(config, store)
    paths = discover(workspace.root / found.standards_dir, workspace.config_path)
    if found.base is None:
        return paths
    from govopen_std.load.base import BaseUnusable, base_standards, with_base

    try:  # the base's files are part of what the check read, so they are part of the key
        return with_base(paths, base_standards(workspace.root, found.base))
    except BaseUnusable:
        return paths


def _confinement(workspace: Workspace, store: cache.Store | None) -> Confinement:
    """Where the check may read this workspace's files from (its base's folder too, when it names one)."""
    config = _config_bytes(workspace)
    base = settings(config, store).base if config is not None else None
    if base is None:
        return Confinement(allowed_roots(workspace.root))
    from govopen_std.load.base import base_root

    return Confinement(allowed_roots(workspace.root, base_root(workspace.root, base)))


def workspace_key(workspace: Workspace, store: cache.Store | None = None) -> str | None:
    """The memo key of the workspace as it is on disk now; None when a file cannot be read (or must not be:
    a special file, which the check reports instead of reading)."""
    paths = source_paths(workspace, store)
    if paths is None:
        return None
    config = _config_bytes(workspace)
    out_dir = settings(config, store).out_dir if config is not None else "build"
    # where out_dir really leads (a link may change without any source changing): E920 depends on it
    leads_to = out_dir if "\0" in out_dir else os.path.realpath(workspace.root / out_dir)  # NUL: no such path
    files: list[tuple[str, str]] = [("\0out_dir", leads_to)]
    files += [("\0folder", name) for name in template_folders(workspace, store)]
    display = DisplayPaths(workspace.root)
    confined = _confinement(workspace, store)
    for path in [*paths.all(), *template_files(workspace, store)]:
        if special(path) or confined.escapes(path) is not None:  # reported by the check, never read (load.confine)
            return None
        try:
            files.append((display(path), cache.digest(path.read_bytes())))
        except (OSError, ValueError):  # ValueError: a NUL in a configured folder name; the check reports it
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
