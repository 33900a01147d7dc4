"""Helpers (not fixtures) for the DOCX tests: build workspaces through the real pipeline, variants of the
mini workspace, and the shipped standards' view (built even while content authors still have errors)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from conftest import MINI, ROOT
from govopen_std.build import BuildOptions, BuildResult, run
from govopen_std.pipeline import check_workspace
from govopen_std.render.docx import DocxRenderer
from govopen_std.resolve.catalog import resolve_province
from govopen_std.view.builder import build_view
from govopen_std.view.model import BuildView
from helpers.county import HEAD, LOCAL_ITEM, NOT_APPLICABLE

GOLDEN = Path(__file__).resolve().parent / "golden"
PREVIEW = ROOT / "build" / "docx-preview"

PUBLISHED = ("status: 发布, number: DB33/T 2099—2021, issued: 2021-06-01, implemented: 2021-07-01, "
             "ics: 03.080.99, ccs: A 16, record_no: 81234-2021}")
# The pilot county's profile (tests/helpers/county.py) with a single amendment, of the deadline.
COUNTY_PROFILE = (HEAD + "amend:\n  ZDBC-01-01:\n    deadline: 信息形成或者变更之日起10个工作日内\n"
                  + NOT_APPLICABLE + LOCAL_ITEM)


def copy_mini(target: Path) -> Path:
    shutil.copytree(MINI, target)
    return target


def set_status(workspace: Path, standard_id: str, fields: str) -> None:
    """Replace `status: …}` on a standard's line of system.yaml with `fields` (which ends with `}`)."""
    path = workspace / "standards" / "system.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if f"{{id: {standard_id}," in line:
            lines[i] = re.sub(r"status: [^,}]+}", fields, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def variant_workspace(target: Path) -> Path:
    """The mini workspace with zdbc-00 published (number, dates, ICS, CCS, 备案号) and zdbc-01 out for
    comments (征求意见稿), plus a county profile."""
    ws = copy_mini(target)
    set_status(ws, "zdbc-00", PUBLISHED)
    set_status(ws, "zdbc-01", "status: 征求意见}")
    counties = ws / "standards" / "counties"
    counties.mkdir(exist_ok=True)
    (counties / "330105.yaml").write_text(COUNTY_PROFILE, encoding="utf-8")
    return ws


def build_docx(workspace: Path, out: Path, *, all_standards: bool = False,
               counties: tuple[str, ...] | None = ()) -> BuildResult:
    """`govopen build --format docx` through the real orchestrator."""
    result = run(BuildOptions(workspace=workspace, out_dir=out, formats=("docx",), counties=counties,
                              province=True, all_standards=all_standards))
    assert result.ok, [f"{d.code} {d.location} {d.message()}" for d in result.diagnostics.sorted()
                       if d.severity >= 3]
    return result


def shipped_view() -> BuildView:
    """The province view of the shipped standards, without stopping at errors the authors are still fixing."""
    check = check_workspace(ROOT)
    assert check.sources.system is not None
    base = resolve_province(check.sources, {p.id: p.group for p in check.sources.system.value.standards})
    return build_view(check.sources, base)


def render_shipped(out: Path) -> tuple[BuildView, list[Path]]:
    view = shipped_view()
    written = DocxRenderer(all_standards=True).render(view, out, lambda _name: None)
    return view, [p for p in written if p.suffix == ".docx"]  # the renderer also writes figures/<domain>.svg


def read_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8")
