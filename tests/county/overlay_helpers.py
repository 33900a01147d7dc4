"""Helpers for the county overlay tests: write a profile into a copy of the mini workspace and check it."""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace

HEAD = """county: {code: "330105", name: 杭州市拱墅区, city: 杭州市}
subjects:
  县级人民政府: 杭州市拱墅区人民政府
  县级自然资源主管部门: 杭州市规划和自然资源局拱墅分局
  乡镇人民政府（街道办事处）: 拱墅区各街道办事处
"""


def write_profile(workspace: Path, text: str, name: str = "330105.yaml", *, head: bool = True) -> Path:
    path = workspace / "standards" / "counties" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((HEAD if head else "") + text, encoding="utf-8")
    return path


def diagnostics_in(workspace: Path, path: Path) -> list[Diagnostic]:
    """Every diagnostic `govopen check` reports inside `path`."""
    display = path.relative_to(workspace).as_posix()
    result = check_workspace(workspace)
    return [d for d in result.diagnostics.sorted() if d.location is not None and d.location.path == display]
