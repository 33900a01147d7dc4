"""The site's shortcuts give what the long way gives: the progress total counted from the view is the number of
files render writes, and the environment (which no longer stats templates per page) still sees an edit."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_helpers import mini_with_county

from govopen_std.build import BuildOptions, resolve_catalogs, views_for
from govopen_std.diagnostics import Diagnostics, GovOpenError
from govopen_std.pipeline import check_workspace
from govopen_std.render.html import HtmlRenderer
from govopen_std.render.html_site.pages import page_count, plan
from govopen_std.render.html_site.templates import embedded_dir, environment, site_environment, template_dirs
from govopen_std.view.model import BuildView


def views_of(workspace: Path) -> dict[str, BuildView]:
    check = check_workspace(workspace)
    return {view.key: view for view in views_for(check, resolve_catalogs(check, BuildOptions(), Diagnostics()))}


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildView]:
    return views_of(mini_with_county(tmp_path_factory.mktemp("fast") / "ws"))


@pytest.mark.parametrize("all_standards", [False, True])
@pytest.mark.parametrize("key", ["province", "330105"])
def test_count_is_the_number_of_files_render_writes(views: dict[str, BuildView], tmp_path: Path, key: str,
                                                    all_standards: bool) -> None:
    view = views[key]
    renderer = HtmlRenderer(all_standards=all_standards)
    advanced: list[str] = []
    written = renderer.render(view, tmp_path, advanced.append)
    on_disk = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) > 20 and len(on_disk) == len(written) == len(advanced)
    assert renderer.count(view) == len(written)
    assert page_count(view) == len(plan(view, all_standards=all_standards))


def item_page(site: Path) -> str:
    return sorted((site / "items").glob("*.html"))[0].read_text(encoding="utf-8")


def test_a_template_edited_between_two_renders_in_one_process_is_picked_up(tmp_path: Path) -> None:
    workspace = mini_with_county(tmp_path / "ws")
    target = workspace / "templates" / "html" / "item.html"
    source = (embedded_dir() / "item.html").read_text(encoding="utf-8")
    target.parent.mkdir(parents=True)
    target.write_text(source, encoding="utf-8")
    view = views_of(workspace)["330105"]
    renderer = HtmlRenderer()
    seen = []
    for mark in ("第一版标记", "第二版标记"):  # the same length: a fingerprint of sizes alone would miss it
        target.write_text(source.replace("<h1>{{ row.name }}</h1>", f"<h1>{{{{ row.name }}}}{mark}</h1>"),
                          encoding="utf-8")
        renderer.render(view, tmp_path / mark, lambda _name: None)
        seen.append(item_page(tmp_path / mark / "site"))
    assert "第一版标记" in seen[0] and "第二版标记" not in seen[0]
    assert "第二版标记" in seen[1] and "第一版标记" not in seen[1]


def test_an_edited_base_template_reaches_every_page_through_extends(tmp_path: Path) -> None:
    folder = tmp_path / "templates" / "html"
    folder.mkdir(parents=True)
    base = (embedded_dir() / "base.html").read_text(encoding="utf-8")
    dirs = template_dirs(tmp_path / "templates")
    rendered = []
    for mark in ("甲", "乙"):
        (folder / "base.html").write_text(base.replace("<body", f"<!--{mark}--><body"), encoding="utf-8")
        env = site_environment(dirs)
        assert env is environment(dirs)  # the same templates: the cached environment
        rendered.append(env.from_string('{% extends "base.html" %}').render(
            site={"csp": "", "title": "", "domains": [], "county": None, "province": "", "build_date": ""},
            root="", nav=""))
    assert "<!--甲-->" in rendered[0] and "<!--乙-->" in rendered[1]


def test_a_workspace_macros_override_draws_the_cells_of_item_domain_and_standard_pages(tmp_path: Path) -> None:
    """The cells are drawn once per site, but still by the macros of macros.html: an override reaches every page."""
    workspace = mini_with_county(tmp_path / "ws")
    target = workspace / "templates" / "html" / "macros.html"
    target.parent.mkdir(parents=True)
    source = (embedded_dir() / "macros.html").read_text(encoding="utf-8")
    marks = {"content_cell": "内容标记", "basis_cell": "依据标记", "channels_cell": "渠道标记", "status_badge": "徽标标记"}
    for name, mark in marks.items():
        source = source.replace(f"{{% macro {name}(row) %}}\n", f"{{% macro {name}(row) %}}\n{mark}")
    target.write_text(source, encoding="utf-8")
    view = views_of(workspace)["330105"]
    HtmlRenderer().render(view, tmp_path / "out", lambda _name: None)
    site = tmp_path / "out" / "site"
    item = item_page(site)
    domains = [p.read_text(encoding="utf-8") for p in (site / "domains").glob("*.html")]
    assert all(mark in item for mark in marks.values())
    assert any(all(mark in page for mark in marks.values()) for page in domains)
    standards = [p.read_text(encoding="utf-8") for p in (site / "standards").glob("*.html")]
    assert any('class="item-links"' in page and "徽标标记" in page for page in standards)


def test_a_sandboxed_template_cannot_reach_the_environment_through_the_cells(tmp_path: Path) -> None:
    workspace = mini_with_county(tmp_path / "ws")
    target = workspace / "templates" / "html" / "laws.html"
    target.parent.mkdir(parents=True)
    target.write_text("{{ cells._env.globals }}\n", encoding="utf-8")
    view = views_of(workspace)["province"]
    with pytest.raises(GovOpenError) as failed:
        HtmlRenderer().render(view, tmp_path / "out", lambda _name: None)
    assert failed.value.diagnostic.code == "B621" and "unsafe" in str(failed.value)
