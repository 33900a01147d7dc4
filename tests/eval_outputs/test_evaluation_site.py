"""The evaluation pages as files: the same layout and CSP as the rest of the site, no script and no inline style,
every value escaped, the same pages from a workspace's own (sandboxed) templates, and grades at their bounds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_std.evaluate.result import EvaluationResult
from govopen_std.render.evaluation.site import grade
from helpers.evaluation import render_evaluation_sites, sample_result, second_result, two_county_workspace

MARKUP = "<script>alert(1)</script>"
PAGES = ["site/evaluation.html", "330105/site/evaluation.html"]


def _with_markup() -> list[EvaluationResult]:
    first = sample_result()
    items = [i.model_copy(update={"name": MARKUP}) if i.code == "BZZF-06-01" else i for i in first.items]
    return [first.model_copy(update={"items": items, "county_name": f"拱墅{MARKUP}"}), second_result()]


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eval-site-files")
    return render_evaluation_sites(two_county_workspace(root / "ws"), root / "out", _with_markup())


@pytest.mark.parametrize("page", PAGES)
def test_the_page_has_the_sites_csp_and_no_script_or_inline_style(sites: Path, page: str) -> None:
    html = (sites / page).read_text(encoding="utf-8")
    home = (sites / page).with_name("index.html").read_text(encoding="utf-8")
    csp = re.findall(r'<meta http-equiv="Content-Security-Policy" content="[^"]+">', home)
    assert len(csp) == 1 and "default-src &#39;none&#39;" in csp[0] and csp[0] in html  # the site's own policy
    assert "<script" not in html and " style=" not in html and "<style" not in html
    assert '<link rel="stylesheet" href="assets/evaluation.css">' in html
    assert MARKUP not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert re.search(r"<caption id=\"[a-z-]+\">表1", html)


def test_the_county_page_links_items_of_its_catalog(sites: Path) -> None:
    html = (sites / "330105" / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert '<a href="items/ZDBC-01-01.html">征地管理政策</a>' in html  # an item of the mini catalog
    assert '<th scope="row">公共租赁住房待分配房源信息</th>' in html  # not in the mini catalog: no dead link
    links = re.findall(r'href="(items/[^"]+)"', html)
    assert links and all((sites / "330105" / "site" / link).is_file() for link in links)


def test_the_heat_map_links_every_county_page(sites: Path) -> None:
    html = (sites / "site" / "evaluation.html").read_text(encoding="utf-8")
    links = re.findall(r'href="(\.\./\d{6}/site/evaluation\.html)"', html)
    assert links == ["../330105/site/evaluation.html", "../330205/site/evaluation.html"]
    assert all((sites / "site" / link).resolve().is_file() for link in links)


def test_a_workspaces_own_templates_render_the_same_pages_in_the_sandbox(sites: Path, tmp_path: Path) -> None:
    ws = two_county_workspace(tmp_path / "ws")
    (ws / "templates" / "html").mkdir(parents=True)
    (ws / "templates" / "html" / "note.txt").write_text("a workspace file: the templates render sandboxed\n",
                                                          encoding="utf-8")
    out = render_evaluation_sites(ws, tmp_path / "out", _with_markup())
    for page in PAGES:
        assert (out / page).read_bytes() == (sites / page).read_bytes()


@pytest.mark.parametrize(("score", "label"), [(100, "优秀"), (90, "优秀"), (89.99, "良好"), (80, "良好"), (79.99, "合格"),
                                              (60, "合格"), (59.99, "不合格"), (0, "不合格")])
def test_grades_at_their_bounds(score: float, label: str) -> None:
    assert grade(score).label == label


def test_notes_and_a_domain_without_indicators(tmp_path: Path) -> None:
    from govopen_std.evaluate.result import DomainResult

    first = sample_result()
    unscored = DomainResult(domain="ywjy", name="义务教育", score=0.0, indicators=[], counts={"missing": 3})
    results = [first.model_copy(update={"domains": [*first.domains, unscored]}), second_result()]
    out = render_evaluation_sites(two_county_workspace(tmp_path / "ws"), tmp_path / "out", results)
    county = (out / "330105" / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert "<li>3 群众满意度：人工评分，来源：2018年度群众满意度测评报告。</li>" in county
    assert '<tr><th scope="row">义务教育</th><td class="num">—</td><td>无考核评价指标</td></tr>' in county
    heat = (out / "site" / "evaluation.html").read_text(encoding="utf-8")
    row = heat[heat.index("杭州市拱墅区</a>"):].split("</tr>")[0]
    assert row.count("（无考核评价得分）") == 6  # 8 domains, 2 with scores: 义务教育 has none, not a 0


def test_the_county_page_lists_domains_in_the_systems_order(tmp_path: Path) -> None:
    first = sample_result()
    reversed_domains = first.model_copy(update={"domains": list(reversed(first.domains))})  # the scorer sorts by id
    assert [d.domain for d in reversed_domains.domains] == ["bzzf", "zdbc"]
    out = render_evaluation_sites(two_county_workspace(tmp_path / "ws"), tmp_path / "out", [reversed_domains])
    html = (out / "330105" / "site" / "evaluation.html").read_text(encoding="utf-8")
    table = html[html.index('id="domains-caption"'):]
    table = table[:table.index("</table>")]
    assert re.findall(r'<th scope="row">([^<]+)</th>', table) == ["征地补偿", "保障性住房"]  # system: zdbc before bzzf


def test_a_county_without_ledger_rows_is_said_to_have_none_not_graded(tmp_path: Path) -> None:
    from helpers.evaluation import unrecorded_result

    out = render_evaluation_sites(two_county_workspace(tmp_path / "ws"), tmp_path / "out",
                                  [sample_result(), unrecorded_result()])
    heat = (out / "site" / "evaluation.html").read_text(encoding="utf-8")
    row = heat[heat.index("宁波市江北区</a>"):].split("</tr>")[0]
    assert '<td class="heat heat-none">无台账记录</td>' in row and "不合格" not in row
    assert row.count("（无考核评价得分）") == 8
    county = (out / "330205" / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert "公开台账中没有本县在本评估期间的记录" in county
    assert "公开台账中没有本县" not in (out / "330105" / "site" / "evaluation.html").read_text(encoding="utf-8")
