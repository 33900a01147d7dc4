"""The catalog site in headless Chromium: Chinese search while typing, filters, a linkable state in the URL,
item pages, keyboard use, and markup from YAML shown as text. No request may leave the machine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from browser_helpers import Traffic, build_site, file_url, launch, open_page, xss_workspace

from conftest import MINI

pytestmark = pytest.mark.browser
XSS_NAME = "<script>alert(1)</script>"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(MINI, tmp_path_factory.mktemp("mini-site")) / "site"


@pytest.fixture(scope="module")
def xss_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("xss")
    return build_site(xss_workspace(root / "ws"), root / "out") / "site"


@pytest.fixture(autouse=True)
def nothing_left_the_machine(browser: tuple[Any, Traffic]) -> Iterator[None]:
    yield
    assert not browser[1].blocked, f"blocked requests to other machines: {browser[1].blocked}"


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def count(page: Any) -> int:
    return int(page.locator("#search-status").get_attribute("data-count"))


def result_names(page: Any) -> list[str]:
    return [t.strip() for t in page.locator("#search-results .result-title").all_text_contents()]


def test_typing_a_chinese_query_shows_the_expected_item(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    assert count(page) == 3 and page.locator("#search-results").is_hidden()
    page.locator("#q").press_sequentially("预公告", delay=40)
    # results already match after "预公", so wait for what only the whole query gives: the full highlight
    expect(page.locator("#search-results mark")).to_have_text(["预公告"])
    expect(page.locator("#search-results .result-title")).to_have_text(["征收土地预公告"])
    assert count(page) == 1
    assert "q=预公告" in unquote(page.url)
    log.assert_clean()


@pytest.mark.parametrize(("query", "expected"), [
    ("现状调查的安排", ["征收土地预公告"]),  # a content element
    ("实施条例", ["征收土地预公告", "土地现状调查结果"]),  # a law, by its short name
    ("政府信息公开条例　第二十条", ["征地管理政策"]),  # law + article; a full-width space separates terms
    ("征收 目的", ["征收土地预公告"]),  # every term must match
])
def test_search_matches_names_content_and_laws(browser: tuple[Any, Traffic], site: Path, query: str,
                                               expected: list[str]) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill(query)
    expect(page.locator("#search-results .result-title")).to_have_text(expected)
    # a term found outside the name is shown in context, highlighted
    assert page.locator("#search-results .result-snippet mark").count() >= 1
    log.assert_clean()


@pytest.mark.parametrize("query", [
    "土地管理法第四十七条",  # short name + article, the way officials cite
    "《中华人民共和国土地管理法》第四十七条",  # full title in 《》 + article
    "土地管理法第47条",  # Arabic article number
])
def test_a_law_cited_with_its_article_finds_the_items_citing_it(browser: tuple[Any, Traffic], site: Path,
                                                                 query: str) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill(query)
    expect(page.locator("#search-results .result-title")).to_have_text(["征收土地预公告"])
    expect(page.locator("#search-status")).not_to_contain_text("相近")  # an exact match, not a near one
    expect(page.locator("#search-results .result-snippet mark")).to_contain_text("第四十七条")
    page.locator("#q").fill("土地管理法第二十六条")  # article 26 is cited from the 实施条例, another law
    expect(page.locator("#search-status")).not_to_contain_text("找到")
    log.assert_clean()


def test_a_query_in_another_word_order_finds_near_matches(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill("土地征收公告")  # the item says 征收土地预公告
    expect(page.locator("#search-results .result-title")).to_have_text(["征收土地预公告"])
    expect(page.locator("#search-status")).to_contain_text("相近")
    page.locator("#q").fill("完全不存在的事项名称")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "0")
    assert page.locator("#search-results").is_hidden()
    log.assert_clean()


def test_filters_change_the_count_and_combine_with_the_query(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.select_option("#f-level", "村级")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "1")
    assert result_names(page) == ["土地现状调查结果"]
    page.select_option("#f-level", "县级")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "2")
    page.select_option("#f-audience", "全社会")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "1")
    page.select_option("#f-audience", "")
    page.locator("#q").fill("土地")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "1")
    page.select_option("#f-level", "")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "2")
    page.select_option("#f-method", "依申请")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "0")
    page.locator("#search-reset").click()
    expect(page.locator("#search-status")).to_have_attribute("data-count", "3")
    assert page.locator("#q").input_value() == "" and "#" not in page.url
    log.assert_clean()


def test_a_filtered_view_can_be_linked(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill("土地")
    page.select_option("#f-level", "乡级")
    page.select_option("#f-channel", "社区/企事业单位/村公示栏（电子屏）")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "2")
    link = page.url
    assert "level=" in link and "channel=" in link
    copy, copy_log = open_page(browser[0], link)
    expect(copy.locator("#search-status")).to_have_attribute("data-count", "2")
    assert copy.locator("#q").input_value() == "土地"
    assert copy.locator("#f-level").input_value() == "乡级"
    assert result_names(copy) == result_names(page)
    form_get, form_log = open_page(browser[0], file_url(site / "index.html") + "?q=%E9%A2%84%E5%85%AC%E5%91%8A")
    expect(form_get.locator("#search-results .result-title")).to_have_text(["征收土地预公告"])
    form_get.locator("#q").fill("")
    expect(form_get.locator("#search-status")).to_have_attribute("data-count", "3")
    form_get.reload()  # a cleared query stays cleared
    expect(form_get.locator("#search-status")).to_have_attribute("data-count", "3")
    assert form_get.locator("#q").input_value() == ""
    for each in (log, copy_log, form_log):
        each.assert_clean()


def test_opening_an_item_page_from_the_results(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill("预公告")
    page.locator("#search-results .result-title").first.click()
    page.wait_for_url("**/items/ZDBC-02-01.html")
    expect(page.locator("h1")).to_have_text("征收土地预公告")
    elements = page.locator("table.elements")
    expect(elements).to_contain_text("征收土地预公告时间不少于10个工作日")
    expect(page.locator(".law-list")).to_contain_text("《中华人民共和国土地管理法》第四十七条")
    page.locator(".provenance summary").click()
    expect(page.locator(".provenance table")).to_contain_text("standards/domains/zdbc/zdbc-01.yaml")
    page.locator('a[rel="next"]').click()
    expect(page.locator("h1")).to_have_text("土地现状调查结果")
    log.assert_clean()


def _active(page: Any) -> dict[str, str]:
    return dict(page.evaluate("""() => { const e = document.activeElement, s = getComputedStyle(e);
        return {id: e.id, cls: e.className, tag: e.tagName, outline: s.outlineStyle, shadow: s.boxShadow,
                text: (e.textContent || '').trim()}; }"""))


def test_keyboard_navigation_with_visible_focus(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    # the search script sets the box from the URL when it starts: on a loaded machine it can start after typing
    # began and clear what was typed, so wait until it has shown the whole catalog
    expect(page.locator("#search-status")).to_have_attribute("data-count", "3", timeout=20_000)
    page.keyboard.press("Tab")
    first = _active(page)
    assert first["cls"] == "skip-link" and first["outline"] != "none" and first["shadow"] != "none"
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert _active(page)["id"] == "main"
    page.keyboard.press("/")
    assert _active(page)["id"] == "q"
    page.keyboard.type("土地")
    expect(page.locator("#q")).to_have_value("土地")
    # a loaded CI machine can take a while to load the index script: wait longer than the default 5 s
    expect(page.locator("#search-status")).to_have_attribute("data-count", "2", timeout=20_000)
    page.keyboard.press("Escape")
    expect(page.locator("#search-status")).to_have_attribute("data-count", "3")
    page.keyboard.type("预公告")
    expect(page.locator("#search-results .result-title")).to_have_count(1)
    for _ in range(40):  # through the filters to the first result
        page.keyboard.press("Tab")
        if _active(page)["cls"] == "result-title":
            break
    focused = _active(page)
    assert focused["text"] == "征收土地预公告" and focused["outline"] != "none"
    page.keyboard.press("Enter")
    page.wait_for_url("**/items/ZDBC-02-01.html")
    log.assert_clean()


def test_an_item_named_like_a_script_renders_as_text(browser: tuple[Any, Traffic], xss_site: Path) -> None:
    page, log = open_page(browser[0], file_url(xss_site / "items" / "ZDBC-02-01.html"))
    expect(page.locator("h1")).to_have_text(XSS_NAME)
    assert page.locator("script:not([src])").count() == 0
    assert page.locator("img, svg[onload]").count() == 0
    home, home_log = open_page(browser[0], file_url(xss_site / "index.html"))
    home.locator("#q").fill("alert(1)")
    expect(home.locator("#search-results .result-title")).to_have_text([XSS_NAME])
    home.locator("#search-results .result-title").click()
    home.wait_for_url("**/items/ZDBC-02-01.html")
    domain, domain_log = open_page(browser[0], file_url(xss_site / "domains" / "zdbc.html"))
    expect(domain.locator("table.catalog")).to_contain_text('"><img src=x onerror=alert(2)>')
    for each in (log, home_log, domain_log):
        each.assert_clean()  # includes: no alert() dialog was opened


def test_each_kind_of_page_loads_without_errors_or_outside_requests(browser: tuple[Any, Traffic], site: Path) -> None:
    # One of every template (all domains, the first and last item, standards with and without text); the
    # static tests check every page's links and CSP without a browser.
    items = sorted((site / "items").glob("*.html"))
    paths = [site / "index.html", *sorted((site / "domains").glob("*.html")), items[0], items[-1],
             *(site / "standards" / f"{sid}.html" for sid in ("gen-02", "zdbc-00", "zdbc-01", "ywjy-09")),
             site / "responsibility.html", site / "laws.html"]
    page, log = open_page(browser[0], file_url(paths[0]))
    for path in paths:
        page.goto(file_url(path))
        assert page.evaluate("document.documentElement.lang") == "zh-CN"
        assert page.locator("h1").count() == 1
    log.assert_clean()
