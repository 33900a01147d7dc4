"""Which Jinja environment renders the site: a plain one for govopen's own (embedded) templates, the sandbox as
soon as a workspace provides a template; both give the same site for the same view."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_helpers import build_site, mini_with_county

from govopen_std.build import BuildOptions, resolve_catalogs, run, views_for
from govopen_std.diagnostics import Diagnostics, GovOpenError
from govopen_std.pipeline import check_workspace
from govopen_std.render import html as html_renderer
from govopen_std.render.html import HtmlRenderer
from govopen_std.render.html_site.search import normalize, normalize_lines
from govopen_std.render.html_site.templates import (
    embedded_dir,
    environment,
    site_environment,
    template_dirs,
    trusted,
)
from govopen_std.view.model import BuildView

MARK = "工作区自定义模板标记"


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BuildView]:
    workspace = mini_with_county(tmp_path_factory.mktemp("env") / "ws")
    check = check_workspace(workspace)
    catalogs = resolve_catalogs(check, BuildOptions(), Diagnostics())
    return {view.key: view for view in views_for(check, catalogs)}


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def override(workspace: Path, name: str, text: str) -> Path:
    target = workspace / "templates" / "html" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target


def test_the_embedded_templates_alone_render_in_a_plain_environment(views: dict[str, BuildView]) -> None:
    for view in views.values():
        dirs = template_dirs(view.templates_dir)
        assert dirs == (embedded_dir(),) and trusted(dirs)
        assert not site_environment(dirs).sandboxed


def test_plain_and_sandboxed_environments_write_the_same_site(views: dict[str, BuildView], tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    assert set(views) >= {"province", "330105"}
    for key, view in views.items():
        fast, sandboxed = tmp_path / key / "fast", tmp_path / key / "sandboxed"
        HtmlRenderer().render(view, fast, lambda _name: None)
        with monkeypatch.context() as patch:
            patch.setattr(html_renderer, "site_environment", lambda dirs: environment(dirs, sandboxed=True))
            HtmlRenderer().render(view, sandboxed, lambda _name: None)
        written = files(fast)
        assert len(written) > 20 and any(name.startswith("site/items/") for name in written)
        assert written == files(sandboxed), key


def test_a_workspace_template_is_rendered_in_the_sandbox_with_its_change(tmp_path: Path) -> None:
    workspace = mini_with_county(tmp_path / "ws")
    item = (embedded_dir() / "item.html").read_text(encoding="utf-8")
    override(workspace, "item.html", item.replace("<h1>{{ row.name }}</h1>", f"<h1>{{{{ row.name }}}}{MARK}</h1>"))
    dirs = template_dirs(workspace / "templates")
    assert not trusted(dirs) and site_environment(dirs).sandboxed
    out = build_site(workspace, tmp_path / "out")
    for site in (out / "site", out / "330105" / "site"):
        pages = sorted((site / "items").glob("*.html"))
        assert pages and all(MARK in p.read_text(encoding="utf-8") for p in pages)
        assert MARK not in (site / "index.html").read_text(encoding="utf-8")  # the other templates: embedded


def test_workspace_assets_alone_keep_the_plain_environment(tmp_path: Path) -> None:
    workspace = mini_with_county(tmp_path / "ws")
    override(workspace, "assets/extra.css", "body{}\n")
    dirs = template_dirs(workspace / "templates")
    assert len(dirs) == 2 and trusted(dirs) and not site_environment(dirs).sandboxed
    out = build_site(workspace, tmp_path / "out")
    assert (out / "site" / "assets" / "extra.css").read_text(encoding="utf-8") == "body{}\n"


@pytest.mark.parametrize("name", ["item.html", "base.html", "macros.html"])
def test_an_overriding_page_template_still_cannot_reach_python(tmp_path: Path, name: str) -> None:
    workspace = mini_with_county(tmp_path / "ws")
    canary = tmp_path / "escaped"
    source = (embedded_dir() / name).read_text(encoding="utf-8")
    escape = "{{ cycler.__init__.__globals__.os.system('touch " + str(canary) + "') }}"
    override(workspace, name, escape + "\n" + source)
    with pytest.raises(GovOpenError) as failed:
        run(BuildOptions(workspace=workspace, out_dir=tmp_path / "out", formats=("html",), jobs=1))
    assert not canary.exists()
    assert failed.value.diagnostic.code == "B621" and "unsafe" in str(failed.value)


def test_a_workspace_copy_of_an_embedded_template_writes_the_same_site(tmp_path: Path) -> None:
    """The sandbox is chosen by where templates come from, not by their text; the output does not change."""
    plain = build_site(mini_with_county(tmp_path / "plain"), tmp_path / "plain-out")
    workspace = mini_with_county(tmp_path / "copy")
    override(workspace, "item.html", (embedded_dir() / "item.html").read_text(encoding="utf-8"))
    assert site_environment(template_dirs(workspace / "templates")).sandboxed
    copied = build_site(workspace, tmp_path / "copy-out")
    assert {k: v for k, v in files(plain).items() if k != "govopen-manifest.json"} == \
        {k: v for k, v in files(copied).items() if k != "govopen-manifest.json"}


@pytest.mark.parametrize("lines", [
    ["（一）征收目的", "《中华人民共和国土地管理法》第四十七条", "杭州市拱墅区人民政府"],
    ["ΟΔΟΣ", "Σ final", "ΑΣ"],  # final sigma: lower case looks at the neighbours of Σ
    ["e", "\u0301x", "\u0301"],  # a combining mark after the line feed does not join the letter before it
    ["ﬁ ｆｕｌｌ", "", "Ⅻ ㍿ \u1100\u1161"],  # compatibility forms, an empty line, Hangul jamo that compose
])
def test_search_text_normalizes_a_line_at_a_time_as_the_whole_text(lines: list[str]) -> None:
    assert normalize_lines(lines) == normalize("\n".join(lines))
