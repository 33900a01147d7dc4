"""Building the site: byte-identical output, the diagram's geometry, template overrides and template errors."""

from __future__ import annotations

import hashlib
import shutil
from itertools import combinations
from pathlib import Path

import pytest
from site_helpers import build_site, mini_with_county

from conftest import MINI, ROOT, run_cli
from govopen_std.build import BuildOptions, resolve_catalogs, views_for
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.render.html_site.tree import FONT, PAD, build_diagram, wrap
from govopen_std.view.model import BuildView


def digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    ws = mini_with_county(tmp_path / "ws")
    first = digest(build_site(ws, tmp_path / "one"))
    second = digest(build_site(ws, tmp_path / "another-folder"))
    assert first == second
    assert len([k for k in first if k.endswith(".html")]) > 80
    for path in (tmp_path / "one").rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert str(tmp_path) not in text, f"absolute path in {path}"


def test_the_date_shown_is_the_sources_date_not_the_clock(tmp_path: Path) -> None:
    check = check_workspace(MINI)
    view = views_for(check, resolve_catalogs(check, BuildOptions(), Diagnostics()))[0]
    site = build_site(MINI, tmp_path) / "site"
    assert f'<time datetime="{view.build_date.isoformat()}">' in (site / "index.html").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def shipped_view() -> BuildView:
    check = check_workspace(ROOT)
    return views_for(check, resolve_catalogs(check, BuildOptions(counties=()), Diagnostics()))[0]


def test_diagram_has_one_box_per_standard_and_no_overlaps(shipped_view: BuildView) -> None:
    diagram = build_diagram(shipped_view)
    links = [b.href for b in diagram.boxes if b.href]
    expected = [f"standards/{s.id}.html" for g in shipped_view.groups for s in g.standards]
    assert sorted(links) == sorted(expected) and len(set(links)) == len(links)
    for a, b in combinations(diagram.boxes, 2):
        apart = a.x + a.w <= b.x or b.x + b.w <= a.x or a.y + a.h <= b.y or b.y + b.h <= a.y
        assert apart, (a.lines, b.lines)
    for box in diagram.boxes:
        assert box.x >= 0 and box.x + box.w <= diagram.width and box.y >= 0 and box.y + box.h <= diagram.height
        assert all(len(line) * FONT <= box.w - 2 * PAD for line in box.lines), box.lines
    for x1, y1, x2, y2 in diagram.lines:
        assert min(x1, x2) >= 0 and max(x1, x2) <= diagram.width and min(y1, y2) >= 0 and max(y1, y2) <= diagram.height


def test_wrapping_balances_lines() -> None:
    assert wrap("政务公开总体要求", 114) == ("政务公开", "总体要求")
    assert wrap("考核评价", 114) == ("考核评价",)
    assert "".join(wrap("被征地农民社会保障管理规范", 100)) == "被征地农民社会保障管理规范"


def test_a_workspace_template_overrides_the_embedded_one(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    assets = ws / "templates" / "html" / "assets"
    assets.mkdir(parents=True)
    (assets / "style.css").write_text("/* 本县样式 */\nbody { color: #000; }\n", encoding="utf-8")
    (ws / "templates" / "html" / "laws.html").write_text(
        '{% extends "base.html" %}{% block title %}法规{% endblock %}{% block main %}<p>本县法规页</p>{% endblock %}\n',
        encoding="utf-8")
    site = build_site(ws, tmp_path / "out") / "site"
    assert (site / "assets" / "style.css").read_text(encoding="utf-8").startswith("/* 本县样式 */")
    assert "<p>本县法规页</p>" in (site / "laws.html").read_text(encoding="utf-8")
    assert (site / "assets" / "search.js").is_file()  # not overridden: the embedded one
    assert "<svg" in (site / "index.html").read_text(encoding="utf-8")


def test_a_broken_template_is_reported_with_its_line(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    (ws / "templates" / "html").mkdir(parents=True)
    (ws / "templates" / "html" / "laws.html").write_text('{% extends "base.html" %}\n\n{% block main %}{{ 1 +\n',
                                                          encoding="utf-8")
    result = run_cli("build", "-w", str(ws), "-o", str(tmp_path / "out"), "-f", "html")
    # the check that precedes every build validates the workspace's templates: a finding (exit 1) at file:line
    assert result.exit_code == 1, result.stderr
    assert "B621" in result.stderr and "templates/html/laws.html:3:1" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "site").exists()
