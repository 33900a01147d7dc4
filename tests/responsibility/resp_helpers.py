"""Shared helpers for the responsibility-list and progress tests: the independent Annex 1 table, a view of
the mini workspace, and a workspace copy with the shipped organisation registry."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

from conftest import MINI, ROOT
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.discover import Workspace
from govopen_std.load.organizations import load_organizations
from govopen_std.load.sources import Sources, load_sources
from govopen_std.model.organization import OrganizationRegistry
from govopen_std.resolve.catalog import resolve_province
from govopen_std.view.builder import build_view
from govopen_std.view.model import BuildView

SHIPPED_ORGS = ROOT / "standards" / "organizations.yaml"
Row = tuple[str, str | None, str, str, tuple[str, ...]]


def annex1() -> ModuleType:
    """tests/system/annex1_table.py, the table typed independently from the seed."""
    module = sys.modules.get("annex1_table")
    if module is None:
        spec = importlib.util.spec_from_file_location("annex1_table", ROOT / "tests" / "system" / "annex1_table.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules["annex1_table"] = module
        spec.loader.exec_module(module)
    return module


def annex1_rows() -> list[Row]:
    rows: list[Row] = annex1().ROWS
    return rows


def printed_month(month: str) -> str:
    """Annex 1 prints 2017-12 as 2017年12月."""
    year, mon = month.split("-")
    return f"{int(year)}年{int(mon)}月"


def printed_units(units: tuple[str, ...]) -> str:
    """As Annex 1 prints them: provincial bodies joined by 、, the pilot county governments after ，, full-width brackets."""
    provincial = "、".join(u for u in units if u.startswith("省"))
    county = "、".join(u for u in units if not u.startswith("省"))
    text = f"{provincial}，{county}" if provincial and county else provincial or county
    return text.replace("(", "（").replace(")", "）")


def workspace_with_registry(target: Path) -> Path:
    """A copy of the mini workspace plus the shipped organizations.yaml."""
    shutil.copytree(MINI, target)
    shutil.copy(SHIPPED_ORGS, target / "standards" / "organizations.yaml")
    return target


def sources_of(root: Path) -> Sources:
    diags = Diagnostics()
    sources = load_sources(Workspace(root, embedded=False), diags)
    assert sources.system is not None, [d.message() for d in diags.items]
    return sources


def registry_of(sources: Sources) -> OrganizationRegistry:
    diags = Diagnostics()
    located = load_organizations(sources, diags)
    assert located is not None, [str(d.location) + " " + d.message() for d in diags.items]
    return located.value


def province_view(root: Path) -> BuildView:
    sources = sources_of(root)
    assert sources.system is not None
    catalog = resolve_province(sources, {p.id: p.group for p in sources.system.value.standards})
    return build_view(sources, catalog)
