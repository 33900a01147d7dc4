"""`base:` in govopen.yaml: a county repository that holds only its own profile overlays a provincial base.

    name: 杭州市拱墅区基层政务公开标准目录
    province: {code: "33", name: 浙江省}
    base: embedded          # the standards shipped with govopen; or a path such as ../province

Such a workspace takes everything but the county profiles (system, vocabulary, laws, organisations and
the standard texts) from the base workspace's standards folder, and its own standards/counties/*.yaml
only. A base may itself name a base; the chain is followed to the workspace that has no `base:`, and a
cycle or a folder that is not a workspace makes the base unusable (O525 at the `base:` line).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from govopen_std.diagnostics import Diagnostics
from govopen_std.load.discover import SourcePaths, config_file, discover, embedded_root

EMBEDDED = "embedded"
MAX_CHAIN = 8


class BaseUnusable(Exception):
    """Why the base cannot be used, in Chinese and English (the `detail` of O525)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


def _config(path: Path) -> dict[str, Any]:
    from govopen_std.load.yaml_source import load_file

    data = load_file(path, path.name, Diagnostics()).data
    return data if isinstance(data, dict) else {}


def base_root(root: Path, base: str) -> Path:
    """The folder of the workspace `base` names, from the workspace at `root`."""
    return embedded_root() if base.strip() == EMBEDDED else (root / base.strip()).resolve()


def base_standards(root: Path, base: str) -> Path:
    """The standards folder of the base (at the end of a chain of bases); BaseUnusable when there is none."""
    seen = [root.resolve()]
    while True:
        target = base_root(root, base)
        config = config_file(target)
        if target in seen:
            raise BaseUnusable("基础工作区互相引用", f"the bases refer to each other ({target})")
        if not config.is_file():
            raise BaseUnusable(f"{target} 不是工作区（没有 govopen.yaml）", f"{target} is not a workspace (no govopen.yaml)")
        if len(seen) > MAX_CHAIN:
            raise BaseUnusable("基础工作区的层级过多", "too many levels of bases")
        seen.append(target)
        data = _config(config)
        standards = target / str(data.get("standards_dir") or "standards")
        following = data.get("base")
        if not isinstance(following, str) or not following.strip():
            if not standards.is_dir():
                raise BaseUnusable(f"{target} 没有标准目录 {standards.name}/", f"{target} has no folder {standards.name}/")
            return standards
        root, base = target, following


def with_base(own: SourcePaths, base: Path) -> SourcePaths:
    """The workspace's own county profiles (and govopen.yaml) over every other source of the base."""
    shared = discover(base, own.config)
    return replace(shared, counties=own.counties)
