"""Hostile names (issue 14): a domain whose id is a Windows device name (`con`: three to eight letters is a valid id)
builds a site that Windows can hold (no output named con.*, aux.*, nul.*, …); a failing build with a hostile
source leaves the previous outputs byte-identical and changes nothing outside the output folder."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from reliability_helpers import run_govopen, snapshot

from conftest import MINI

WINDOWS_DEVICE = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])")
TARGET = "standards/domains/zdbc/zdbc-01.yaml"


def _workspace(tmp_path: Path, group: str) -> Path:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    system = workspace / "standards" / "system.yaml"
    text = system.read_text(encoding="utf-8")
    assert "  - id: zdbc\n" in text
    system.write_text(text.replace("  - id: zdbc\n", f"  - id: {group}\n").replace("group: zdbc,", f"group: {group},"),
                      encoding="utf-8")
    return workspace


def test_domain_named_like_a_windows_device_gets_a_portable_page(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path, "con")
    sources = snapshot(workspace / "standards")
    result = run_govopen("build", "-w", str(workspace), "-o", str(tmp_path / "out"), "-f", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    written = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert written
    assert [p for p in written if WINDOWS_DEVICE.fullmatch(p.name.split(".")[0])] == []
    page = tmp_path / "out" / "site" / "domains" / "con_.html"
    assert page.is_file()
    index = (tmp_path / "out" / "site" / "index.html").read_text(encoding="utf-8")
    assert "domains/con_.html" in index and "domains/con.html" not in index  # links follow the page
    assert snapshot(workspace / "standards") == sources


def test_hostile_source_keeps_previous_outputs_intact(tmp_path: Path) -> None:
    """A build of a workspace that turned hostile (a bidi control in a name, a 50,000-level nesting) is refused
    before anything is written: the earlier outputs stay byte-identical, the sources are not touched."""
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    out = tmp_path / "out"
    first = run_govopen("build", "-w", str(workspace), "-o", str(out), "-f", "html", "-f", "xlsx", cwd=tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    outputs = snapshot(out)
    assert outputs
    source = workspace / TARGET
    text = source.read_text(encoding="utf-8")
    for hostile in ("    name: 征收土地\u202e告公预\n", "    name: " + "[" * 50_000 + "]" * 50_000 + "\n"):
        source.write_text(text.replace("    name: 征收土地预公告\n", hostile, 1), encoding="utf-8")
        sources = snapshot(workspace)
        result = run_govopen("build", "-w", str(workspace), "-o", str(out), "-f", "html", "-f", "xlsx", cwd=tmp_path)
        assert result.returncode == 1, result.stdout + result.stderr
        assert "B601" in result.stdout + result.stderr and "Traceback" not in result.stderr
        assert snapshot(out) == outputs
        assert snapshot(workspace) == sources
