"""Path safety: no source value can make a build write outside its output folder.

Ids and codes that name output files (county codes, standard ids, group ids, item codes) are validated,
so a value such as `../../etc` is an error located at file:line:col and the build writes nothing; the names
of every file a build writes are plain ASCII names; workspace templates are sandboxed.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from reliability_helpers import COUNTY_TARGET, county_workspace, run_govopen, snapshot

from govopen_std.diagnostics import Severity
from govopen_std.pipeline import check_workspace
from govopen_std.render.base import available, safe_name

TRAVERSAL = "../../etc"
# (file, text to replace, replacement containing the hostile value)
CASES = {
    "county-code": (COUNTY_TARGET, 'code: "330105"', f'code: "{TRAVERSAL}"'),
    "county-code-fullwidth": (COUNTY_TARGET, 'code: "330105"', 'code: "３３０１０５"'),
    "county-code-absolute": (COUNTY_TARGET, 'code: "330105"', 'code: "/etc/cron.d"'),
    "standard-id-in-system": ("standards/system.yaml", "{id: zdbc-02,", f"{{id: {TRAVERSAL},"),
    "standard-id-fullwidth": ("standards/system.yaml", "{id: zdbc-02,", "{id: zdbc-０２,"),
    "standard-text-id": ("standards/domains/zdbc/zdbc-01.yaml", "id: zdbc-01", f"id: {TRAVERSAL}"),
    "group-id": ("standards/system.yaml", "  - id: cqaz\n", f"  - id: {TRAVERSAL}\n"),
    "item-code": ("standards/domains/zdbc/zdbc-01.yaml", "- code: ZDBC-02-02", f"- code: {TRAVERSAL}"),
    "local-item-code": (COUNTY_TARGET, "- code: ZDBC-90-01", "- code: ../ZDBC-90-01"),
    "local-item-standard": (COUNTY_TARGET, "    name: 征地项目进度查询\n",
                            f"    name: 征地项目进度查询\n    standard: {TRAVERSAL}\n"),
}
SAFE_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def _inject(workspace: Path, case: str) -> tuple[str, int]:
    """Write the hostile value; return the file and the line it is on."""
    target, old, new = CASES[case]
    path = workspace / target
    text = path.read_text(encoding="utf-8")
    assert old in text, (case, old)
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    marker = new.strip().splitlines()[-1]
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if marker in ln)
    return target, line


@pytest.mark.parametrize("case", sorted(CASES))
def test_hostile_name_is_a_located_error(case: str, tmp_path: Path) -> None:
    workspace = county_workspace(tmp_path / "ws")
    target, line = _inject(workspace, case)
    errors = [d for d in check_workspace(workspace).diagnostics.items if d.severity >= Severity.ERROR]
    located = [d for d in errors if d.location and d.location.path == target and d.location.line == line]
    assert located and all(d.location and d.location.col >= 1 for d in located), [
        (str(d.location), d.code) for d in errors]


@pytest.mark.parametrize("case", ["county-code", "standard-id-in-system", "item-code", "local-item-standard"])
def test_build_with_hostile_name_writes_nothing(case: str, tmp_path: Path) -> None:
    """The build stops before rendering: nothing appears anywhere, inside or outside the output folder."""
    root = tmp_path / "deep" / "er"
    workspace = county_workspace(root / "ws")
    _inject(workspace, case)
    before = snapshot(tmp_path)
    result = run_govopen("build", "-w", str(workspace), "-o", str(root / "out"), cwd=root)
    assert result.returncode == 1, result.stderr
    assert "B601" in result.stderr and "Traceback" not in result.stderr
    assert snapshot(tmp_path) == before
    assert not (root / "out").exists()


def test_every_output_name_is_a_plain_name(tmp_path: Path) -> None:
    """File and folder names of a build come from validated ids and codes: ASCII, no separators, no `..`."""
    workspace = county_workspace(tmp_path / "ws")
    out = tmp_path / "out"
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = list(out.rglob("*"))
    assert written
    for path in written:
        assert path.resolve().is_relative_to(out.resolve()), path
        assert SAFE_FILE_NAME.fullmatch(path.name) and ".." not in path.name, path


@pytest.mark.parametrize("name", ["330105", "zdbc-01", "ZDBC-01-01", "catalog.xlsx"])
def test_safe_name_accepts_codes(name: str) -> None:
    assert safe_name(name) == name


@pytest.mark.parametrize("name", ["", ".", "..", "../etc", "/etc", "a/b", "a\\b", "a\x00b", ".hidden", "３３０１０５",
                                  "-rf", "x" * 200, "a..b"])
def test_safe_name_rejects_anything_else(name: str) -> None:
    with pytest.raises(ValueError):
        safe_name(name)


def test_workspace_template_cannot_escape(tmp_path: Path) -> None:
    """A workspace may override HTML templates; a template still cannot run code or write files."""
    assert "html" in available(), "the html renderer is part of govopen"
    workspace = county_workspace(tmp_path / "ws")
    canary = tmp_path / "escaped"
    template = workspace / "templates" / "html" / "index.html"
    template.parent.mkdir(parents=True)
    escape = "cycler.__init__.__globals__.os.system('touch " + str(canary) + "')"
    template.write_text("{{ " + escape + " }}\n", encoding="utf-8")
    result = run_govopen("build", "-w", str(workspace), "-o", str(tmp_path / "out"), "-f", "html", cwd=tmp_path)
    assert not canary.exists()
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
