"""Workspaces and builds for the HTML site tests and the browser tests."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import MINI, ROOT
from govopen_std.build import BuildOptions, run

COUNTY_PROFILE = ROOT / "tests" / "fixtures" / "county" / "330105.yaml"
XSS_NAME = "<script>alert(1)</script>"
XSS_CONTENT = '"><img src=x onerror=alert(2)>'
XSS_LAW = "</title><svg onload=alert(3)>"


def build_site(workspace: Path, out: Path) -> Path:
    """Build the HTML outputs (province and every county) of `workspace` into `out`; fail on any error."""
    result = run(BuildOptions(workspace=workspace, out_dir=out, formats=("html",), jobs=1))
    assert result.ok, [d.message("en") for d in result.diagnostics.items if d.severity.name == "ERROR"]
    return out


def mini_with_county(target: Path) -> Path:
    """A copy of the mini workspace with the pilot county profile of tests/fixtures/county."""
    shutil.copytree(MINI, target)
    (target / "standards" / "counties").mkdir(exist_ok=True)
    shutil.copy(COUNTY_PROFILE, target / "standards" / "counties" / COUNTY_PROFILE.name)
    return target


def xss_workspace(target: Path) -> Path:
    """A copy of the mini workspace whose item name, content and law title are markup."""
    shutil.copytree(MINI, target)
    text = target / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    source = text.read_text(encoding="utf-8")
    source = source.replace("name: 征收土地预公告", f"name: '{XSS_NAME}'", 1)
    source = source.replace("      - 征收目的\n", f"      - '{XSS_CONTENT}'\n", 1)
    text.write_text(source, encoding="utf-8")
    laws = target / "standards" / "laws.yaml"
    laws.write_text(laws.read_text(encoding="utf-8").replace(
        "title: 中华人民共和国土地管理法\n", f"title: '中华人民共和国土地管理法{XSS_LAW}'\n", 1), encoding="utf-8")
    assert XSS_NAME in text.read_text(encoding="utf-8") and XSS_LAW in laws.read_text(encoding="utf-8")
    return target
