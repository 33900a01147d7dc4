"""The evaluation pages in headless Chromium: a county's evaluation page and the province's county × domain heat
map have no axe-core (WCAG 2.1 A/AA) violation at desktop and phone width, make no request off the machine,
do not scroll sideways as a page, and tell every colour in text too. Screenshots go to build/screenshots/evaluation/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import Traffic, axe_source, axe_violations, file_url, launch, open_page

from conftest import ROOT
from helpers.evaluation import (
    render_evaluation_sites,
    sample_result,
    second_result,
    two_county_workspace,
    unrecorded_result,
)

pytestmark = pytest.mark.browser
SHOTS = ROOT / "build" / "screenshots" / "evaluation"
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("eval-site")
    return render_evaluation_sites(two_county_workspace(root / "ws"), root / "out", [sample_result(), second_result()])


PAGES = {"heatmap": "site/evaluation.html", "county": "330105/site/evaluation.html"}


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_axe_violation_no_request_off_the_machine_and_a_screenshot(browser: tuple[Any, Traffic], sites: Path,
                                                                      name: str, width: str) -> None:
    page, log = open_page(browser[0], file_url(sites / PAGES[name]), width=WIDTHS[width])
    violations = axe_violations(page, axe_source())
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"][:5])
                                       for v in violations)
    # the page itself never scrolls sideways; wide tables scroll inside their own focusable region
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    SHOTS.mkdir(parents=True, exist_ok=True)
    target = SHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
    log.assert_clean()
    assert not browser[1].blocked
    assert all(url.startswith("file://") for url in log.requests), log.requests
    page.close()


def test_the_heat_map_cells_carry_score_and_grade_as_text_and_link_each_county(browser: tuple[Any, Traffic],
                                                                                sites: Path) -> None:
    page, log = open_page(browser[0], file_url(sites / PAGES["heatmap"]))
    rows = page.eval_on_selector_all("table.heatmap tbody tr", """rows => rows.map(r => ({
        head: r.querySelector('th[scope=row]').innerText,
        cells: [...r.querySelectorAll('td')].map(td => ({text: td.innerText.trim(), bg: getComputedStyle(td).backgroundColor}))}))""")
    assert [r["head"].split()[0] for r in rows] == ["杭州市拱墅区", "宁波市江北区"]
    first = rows[0]["cells"]
    assert first[0]["text"] == "72.4 合格" and first[1]["text"] == "65 合格"  # total, then 征地补偿
    second = rows[1]["cells"]
    assert second[1]["text"] == "92.5 优秀" and "不合格" in second[0]["text"]
    assert second[1]["bg"] != second[0]["bg"]  # a different grade, a different colour (beside the different word)
    headers = page.eval_on_selector_all("table.heatmap thead th", "ths => ths.map(t => [t.scope, t.innerText])")
    assert headers[:3] == [["col", "县（市、区）"], ["col", "总得分"], ["col", "征地补偿"]]
    assert page.inner_text("table.heatmap caption").startswith("表1")
    page.click("text=杭州市拱墅区")
    page.wait_for_load_state("load")
    assert page.url.endswith("/330105/site/evaluation.html")
    assert page.inner_text("h1") == "杭州市拱墅区政务公开评估结果"
    log.assert_clean()
    page.close()


def test_the_county_page_shows_each_status_in_colour_and_words(browser: tuple[Any, Traffic], sites: Path) -> None:
    page, log = open_page(browser[0], file_url(sites / PAGES["county"]))
    cells = page.eval_on_selector_all("table.eval-items td.status",
                                      "tds => tds.map(td => [td.innerText, getComputedStyle(td).backgroundColor])")
    assert len(cells) == len(sample_result().items)
    colours = {text: bg for text, bg in cells}
    assert set(colours) == {"按时", "逾期", "未公开", "未到期", "不适用"}
    assert len(set(colours.values())) == 5
    assert "72.4" in page.inner_text(".eval-total")
    log.assert_clean()
    page.close()


@pytest.fixture(scope="module")
def sparse_sites(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """330205 has no ledger rows: its heat-map row and its page say so instead of grading zeros."""
    root = tmp_path_factory.mktemp("eval-site-sparse")
    return render_evaluation_sites(two_county_workspace(root / "ws"), root / "out",
                                   [sample_result(), unrecorded_result()])


@pytest.mark.parametrize("page", ["site/evaluation.html", "330205/site/evaluation.html"])
def test_a_county_without_ledger_rows_passes_axe_too(browser: tuple[Any, Traffic], sparse_sites: Path,
                                                     page: str) -> None:
    tab, log = open_page(browser[0], file_url(sparse_sites / page))
    assert "无台账记录" in tab.inner_text("main") or "公开台账中没有本县" in tab.inner_text("main")
    violations = axe_violations(tab, axe_source())
    assert violations == [], [(v["id"], v["nodes"][:3]) for v in violations]
    log.assert_clean()
    tab.close()
