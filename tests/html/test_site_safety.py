"""The catalog site is safe and self-contained: YAML values are escaped, a strict CSP, no inline scripts or
styles, no external URL anywhere, every internal link resolves (tested on the built files, no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from site_helpers import (
    XSS_CONTENT,
    XSS_LAW,
    XSS_NAME,
    Page,
    build_site,
    element_text,
    mini_with_county,
    pages,
    xss_workspace,
)

CSP_DIRECTIVES = {"default-src": "'none'", "script-src": "'self'", "style-src": "'self'", "base-uri": "'none'",
                  "object-src": "'none'"}


@pytest.fixture(scope="module")
def county_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("county")
    return build_site(mini_with_county(root / "ws"), root / "out")


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    return build_site(xss_workspace(root / "ws"), root / "out") / "site"


def sites(build: Path) -> list[Path]:
    return sorted(p for p in build.rglob("site") if p.is_dir())


def test_province_and_county_sites_are_written_to_their_folders(county_build: Path) -> None:
    assert sites(county_build) == [county_build / "330105" / "site", county_build / "site"]


def test_markup_in_yaml_is_escaped_everywhere(xss_site: Path) -> None:
    for path in pages(xss_site):
        html = path.read_text(encoding="utf-8")
        for payload in (XSS_NAME, XSS_CONTENT, XSS_LAW):
            assert payload not in html, f"{payload!r} unescaped in {path.name}"
    item = (xss_site / "items" / "ZDBC-02-01.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in item
    assert element_text(item, "h1") == [XSS_NAME]
    assert any(XSS_CONTENT in t for t in element_text(item, "li"))
    assert any(XSS_LAW in t for t in element_text(item, "a"))
    domain = (xss_site / "domains" / "zdbc.html").read_text(encoding="utf-8")
    assert any(XSS_CONTENT in t for t in element_text(domain, "li"))


def test_search_index_holds_markup_only_as_json_strings(xss_site: Path) -> None:
    script = (xss_site / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert "</script" not in script.lower() and "</title" not in script.lower()
    prefix = "window.GOVOPEN_SEARCH = "
    assert script.startswith(prefix) and script.endswith(";\n")
    data = json.loads(script[len(prefix):-2])
    assert XSS_NAME in [item["n"] for item in data["items"]]


def _csp(page: Page) -> dict[str, str]:
    metas = [m for m in page.all("meta") if (m.get("http-equiv") or "").lower() == "content-security-policy"]
    assert len(metas) == 1
    policy = metas[0].get("content") or ""
    return {part.split()[0]: " ".join(part.split()[1:]) for part in policy.split(";") if part.strip()}


def test_every_page_has_a_strict_csp_and_no_inline_code(county_build: Path) -> None:
    for site in sites(county_build):
        for path in pages(site):
            html = path.read_text(encoding="utf-8")
            page = Page(html)
            csp = _csp(page)
            for directive, value in CSP_DIRECTIVES.items():
                assert csp.get(directive) == value, (path, directive, csp)
            assert "unsafe" not in html
            assert all(attrs.get("src") for attrs in page.all("script")), f"inline <script> in {path}"
            assert "<style" not in html, path
            for _tag, attrs in page.tags:
                assert "style" not in attrs, (path, _tag)
                assert not [a for a in attrs if a.startswith("on")], (path, _tag, attrs)
            assert re.search(r'<html lang="zh-CN">', html), path


def _targets(page: Page) -> list[str]:
    refs = [a.get("href") for a in page.all("a")] + [a.get("href") for a in page.all("link")]
    refs += [s.get("src") for s in page.all("script")] + [i.get("src") for i in page.all("img")]
    return [r for r in refs if r is not None]


def test_no_external_url_and_every_internal_link_resolves(county_build: Path) -> None:
    for site in sites(county_build):
        for path in pages(site):
            html = path.read_text(encoding="utf-8")
            # the one kind of external address: a county's own portal in its channel text, as a plain link
            # (issue 16); nothing loads from elsewhere
            outside = re.findall(r"""<a ([^>]*)href\s*=\s*["'](?:[a-z]+:)?//[^>]*>""", html)
            assert all('class="channel-url"' in attrs for attrs in outside), (path, outside)
            assert not re.search(r"""src\s*=\s*["'](?:[a-z]+:)?//""", html), path
            assert "@import" not in html and "url(" not in html
            for ref in _targets(Page(html)):
                if ref.startswith("https://") and f'class="channel-url" href="{ref}" rel="external noopener noreferrer"' in html:
                    continue
                parts = urlsplit(ref)
                assert not parts.scheme and not parts.netloc, (path, ref)
                if not parts.path:
                    continue  # a fragment on the same page
                target = (path.parent / unquote(parts.path)).resolve()
                if "/downloads/docx/" in parts.path:  # copied into the site when the build also makes DOCX
                    assert target.parent == site.resolve() / "downloads" / "docx", (path, ref)
                    continue
                assert target.is_file(), f"{path.relative_to(site)} links to missing {ref}"
                assert site.resolve() in target.parents, (path, ref)


def test_assets_are_local_files_without_network_or_fonts(county_build: Path) -> None:
    site = county_build / "site"
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(" not in css and "@import" not in css
    for script in (site / "assets").glob("*.js"):
        code = script.read_text(encoding="utf-8")
        for api in ("fetch(", "XMLHttpRequest", "WebSocket", "importScripts", ".innerHTML", ".outerHTML",
                    "insertAdjacentHTML", "eval(", "new Function", "document.write"):
            assert api not in code, (script.name, api)


def test_docx_links_reach_the_documents_the_docx_renderer_writes(tmp_path: Path) -> None:
    from govopen_std.build import BuildOptions, run

    out = tmp_path / "out"
    result = run(BuildOptions(workspace=mini_with_county(tmp_path / "ws"), out_dir=out, formats=("html", "docx")))
    assert result.ok
    links = 0
    for site in sites(out):
        for path in pages(site):
            for ref in _targets(Page(path.read_text(encoding="utf-8"))):
                if ref.endswith(".docx"):
                    assert (path.parent / ref).resolve().is_file(), f"{path.relative_to(out)} -> {ref}"
                    links += 1
    assert links > 73  # every county standard page, and the province's standards with text
