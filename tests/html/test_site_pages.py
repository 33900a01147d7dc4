"""What the catalog site contains: home with the structure diagram and filters, a page per domain, item and
standard, the responsibility list and the law registry, for the province and a county (no browser)."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from site_helpers import Page, build_site, element_text, mini_with_county

from govopen_std.build import BuildOptions, resolve_catalogs, views_for
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.render.html import HtmlRenderer
from govopen_std.view.model import CATALOG_COLUMNS, BuildView, OrganizationView


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pages")
    return build_site(mini_with_county(root / "ws"), root / "out")


@pytest.fixture(scope="module")
def views(build: Path) -> dict[str, BuildView]:
    check = check_workspace(build.parent / "ws")
    catalogs = resolve_catalogs(check, BuildOptions(), Diagnostics())
    return {view.key: view for view in views_for(check, catalogs)}


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_domain_page_is_a_semantic_catalog_table(build: Path, views: dict[str, BuildView]) -> None:
    html = read(build / "site" / "domains" / "zdbc.html")
    head = html[html.index("<thead>"):html.index("</thead>")]
    assert re.findall(r'<th scope="col">([^<]+)</th>', head) == CATALOG_COLUMNS
    assert "<caption" in html and 'scope="rowgroup"' in html
    group = next(g for g in views["province"].groups if g.id == "zdbc")
    for row in group.items:
        assert f'href="../items/{row.code}.html"' in html
        assert row.code in html
    assert html.count("<tbody>") == len({(r.primary) for r in group.items})


def test_item_page_has_every_element_the_laws_and_the_provenance(build: Path) -> None:
    html = read(build / "site" / "items" / "ZDBC-02-01.html")
    headers = element_text(html, "th")
    for label in ("事项编码", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体", "公开方式",
                  "公开渠道和载体", "公开对象", "公开层级", "五公开", "所属标准"):
        assert label in headers, label
    text = Page(html).text
    for expected in ("征收土地预公告时间不少于10个工作日", "《中华人民共和国土地管理法》", "第四十七条", "国务院令第743号",
                     "县级人民政府", "特定群体（拟征收土地所在地的村集体经济组织成员）", "standards/domains/zdbc/zdbc-01.yaml:"):
        assert expected in text, expected
    assert 'href="../laws.html#law-land-admin-law"' in html
    assert 'rel="next"' in html and 'rel="prev"' in html


def test_a_page_per_standard_linking_its_docx(build: Path, views: dict[str, BuildView]) -> None:
    province = views["province"]
    for std in province.standards:
        html = read(build / "site" / "standards" / f"{std.id}.html")
        link = f'href="../downloads/docx/{std.id}.docx"'  # inside the site (issue 16)
        assert (link in html) == (std.text is not None), std.id
        assert ".pdf" not in html  # this build makes no PDF
        county = read(build / "330105" / "site" / "standards" / f"{std.id}.html")
        assert 'href="../downloads/docx/catalog.docx"' in county
    zdbc01 = read(build / "site" / "standards" / "zdbc-01.html")
    assert "本文件规定了征地实施过程中的信息公开要求。" in zdbc01
    assert 'href="../items/ZDBC-02-01.html"' in zdbc01


def test_responsibility_page_lists_every_project(build: Path, views: dict[str, BuildView]) -> None:
    html = read(build / "site" / "responsibility.html")
    body = html[html.index("<table"):html.index("</table>")]
    standards = views["province"].standards
    assert body.count("<tr>") == len(standards) + 1  # plus the header row
    for std in standards:
        assert f'href="standards/{std.id}.html">{std.title}</a>' in body
    assert "2017年12月" in body and "2018年4月" in body and "省国土资源厅" in body
    assert body.count('scope="rowgroup"') == len({s.group_id for s in standards})


def test_responsibility_page_shows_todays_body_beside_the_historical_name(
        tmp_path: Path, views: dict[str, BuildView]) -> None:
    orgs = (OrganizationView("省质监局", "浙江省质量技术监督局", ("浙江省市场监督管理局",), True, "2018-10-30", None),
            OrganizationView("省国土资源厅", "浙江省国土资源厅", ("浙江省自然资源厅",), True, "2018-10-30", None),
            OrganizationView("省建设厅", "浙江省住房和城乡建设厅", ("浙江省住房和城乡建设厅",), False, None, None))
    view = dataclasses.replace(views["province"], organizations=orgs)
    HtmlRenderer().render(view, tmp_path, lambda _name: None)
    html = read(tmp_path / "site" / "responsibility.html")
    assert "省质监局<span class=\"successor\">（现：浙江省市场监督管理局）</span>" in html
    assert "省国土资源厅<span class=\"successor\">（现：浙江省自然资源厅）</span>" in html
    assert "（现：浙江省住房和城乡建设厅）" not in html
    assert "（现：浙江省市场监督管理局）" in read(tmp_path / "site" / "standards" / "gen-01.html")


def test_the_progress_count_matches_the_files_written(tmp_path: Path, views: dict[str, BuildView]) -> None:
    for key, view in views.items():
        renderer = HtmlRenderer()
        advanced: list[str] = []
        written = renderer.render(view, tmp_path / key, advanced.append)
        assert renderer.count(view) == len(written) == len(advanced) == len(set(written))
        assert all(p.is_file() for p in written)


def test_home_has_the_structure_diagram_search_and_filters(build: Path, views: dict[str, BuildView]) -> None:
    html = read(build / "site" / "index.html")
    province = views["province"]
    svg = html[html.index("<svg"):html.index("</svg>")]
    for group in province.groups:
        assert f"{group.number}、{group.title}" in svg
        for std in group.standards:
            assert f'href="standards/{std.id}.html"' in svg, std.id
    page = Page(html)
    selects = {attrs.get("name") for attrs in page.all("select")}
    assert selects == {"domain", "subject", "method", "channel", "audience", "level", "openness"}
    options = [attrs.get("value") for attrs in page.all("option")]
    used_levels = {lv for row in province.items for lv in row.level.split("、")}
    levels = [lv for lv in province.vocabulary["levels"] if lv in used_levels]
    assert levels and "省级" not in used_levels  # the catalog holds grassroots items
    for value in (*[g.id for g in province.domains], *province.vocabulary["methods"], *levels,
                  *province.vocabulary["openness"], *province.vocabulary["audiences"], "县级人民政府", "政府网站"):
        assert value in options, value
    # a level no item has would always give 0 results (issue 16: 公开层级 = 省级), so it is not offered
    assert "省级" not in options
    assert 'src="assets/search-index.js"' in html and 'src="assets/search.js"' in html
    assert f'data-count="{len(province.items)}"' in html


def test_search_index_covers_every_item_with_its_facets(build: Path, views: dict[str, BuildView]) -> None:
    script = read(build / "330105" / "site" / "assets" / "search-index.js")
    data = json.loads(script[script.index("{"):script.rindex("}") + 1])
    county = views["330105"]
    assert [e["c"] for e in data["items"]] == [row.code for row in county.items]
    by_code = {e["c"]: e for e in data["items"]}
    assert by_code["ZDBC-02-01"]["l"] == ["县级", "乡级"] and by_code["ZDBC-02-01"]["a"] == "特定群体"
    assert "土地管理法实施条例" in by_code["ZDBC-02-01"]["b"]  # laws are searchable, by short name too
    assert by_code["ZDBC-90-01"]["st"] == "本县增补"
    assert by_code["ZDBC-01-01"]["s"] == ["杭州市规划和自然资源局拱墅分局"]
    for entry in data["items"]:
        assert (build / "330105" / "site" / entry["u"]).is_file()
        assert entry["t"] == entry["t"].lower() and "（" not in entry["t"] + entry["b"]  # NFKC-normalized


def test_county_site_shows_its_labels_reasons_and_local_bodies(build: Path) -> None:
    site = build / "330105" / "site"
    domain = read(site / "domains" / "zdbc.html")
    for label in ("本县细化", "不适用", "本县增补"):
        assert f">{label}</span>" in domain
    assert "理由：本区征地项目的土地现状调查结果已随项目归档公开" in domain
    assert "杭州市规划和自然资源局拱墅分局" in domain and "县级自然资源主管部门" not in domain
    na = Page(read(site / "items" / "ZDBC-02-02.html")).text
    assert "本县不适用。" in na and "本区征地项目的土地现状调查结果已随项目归档公开" in na
    amended = Page(read(site / "items" / "ZDBC-01-01.html")).text
    assert "本县细化" in amended and "公开时限" in amended and "本县配置" in amended
    assert "信息形成或者变更之日起10个工作日内" in amended
    local = Page(read(site / "items" / "ZDBC-90-01.html")).text
    assert "本县增补" in local and "本县增加的事项" in local
    home = read(site / "index.html")
    assert "<h1>杭州市拱墅区基层政务公开标准目录</h1>" in home
    assert not (build / "site" / "items" / "ZDBC-90-01.html").exists()


def test_laws_page_anchors_every_law(build: Path, views: dict[str, BuildView]) -> None:
    html = read(build / "site" / "laws.html")
    for law in views["province"].laws:
        assert f'id="law-{law.id}"' in html
        assert f"《{law.title}》" in html

