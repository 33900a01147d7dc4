"""Issue 16 in headless Chromium, on the shipped catalog: every search result (more than 50) with a count and
"显示更多", stable data-item attributes, 不适用 ranked last, the county's change filters and links, the phone
layout at 320, 390 and 768 px, and a search without result that says what the catalog covers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import Traffic, build_site, file_url, launch, open_page

from conftest import ROOT

pytestmark = pytest.mark.browser
COUNTY = "330105"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("results"))


@pytest.fixture(autouse=True)
def nothing_left_the_machine(browser: tuple[Any, Traffic]) -> Iterator[None]:
    yield
    assert not browser[1].blocked, f"blocked requests to other machines: {browser[1].blocked}"


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def index_items(site: Path) -> list[dict[str, Any]]:
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    items: list[dict[str, Any]] = json.loads(script[script.index("{"):script.rindex("}") + 1])["items"]
    return items


def shown_codes(page: Any) -> list[str]:
    return [c or "" for c in page.locator("#search-results > tr").evaluate_all(
        "els => els.map(e => e.getAttribute('data-item'))")]


def test_every_result_beyond_50_is_reachable_with_show_more(browser: tuple[Any, Traffic], shipped: Path) -> None:
    site = shipped / "site"
    expected = [i["c"] for i in index_items(site) if "学校" in i["t"] or "学校" in i["b"] or "学校" in i["k"]]
    assert len(expected) > 50  # the example: 55 items
    page, log = open_page(browser[0], file_url(site / "index.html") + "#q=%E5%AD%A6%E6%A0%A1")
    expect(page.locator("#search-status")).to_have_text(f"找到 {len(expected)} 个公开事项。")
    assert len(shown_codes(page)) == 50
    more = page.locator("#search-more")
    expect(more).to_be_visible()
    expect(more).to_contain_text(f"还有 {len(expected) - 50} 个")
    more.click()
    expect(page.locator("#search-results > tr")).to_have_count(len(expected))
    codes = shown_codes(page)
    assert sorted(codes) == sorted(expected) and len(set(codes)) == len(codes)
    expect(more).to_be_hidden()
    # the keyboard user lands on the first new result
    assert page.evaluate("document.activeElement.closest('tr').getAttribute('data-item')") == codes[50]
    log.assert_clean()


def test_a_filter_with_hundreds_of_results_pages_through_all(browser: tuple[Any, Traffic], shipped: Path) -> None:
    site = shipped / "site"
    active = [i["c"] for i in index_items(site) if i["m"] == "主动"]
    assert len(active) > 200
    page, log = open_page(browser[0], file_url(site / "index.html") + "#method=%E4%B8%BB%E5%8A%A8")
    expect(page.locator("#search-status")).to_have_attribute("data-count", str(len(active)))
    while page.locator("#search-more").is_visible():
        page.locator("#search-more").click()
    expect(page.locator("#search-results > tr")).to_have_count(len(active))
    assert shown_codes(page) == active  # no query: catalog order
    log.assert_clean()


def test_not_applicable_items_rank_last_and_the_county_filters(browser: tuple[Any, Traffic], shipped: Path) -> None:
    site = shipped / COUNTY / "site"
    items = index_items(site)
    na = {i["c"] for i in items if i.get("x") == "not_applicable"}
    hits = [i["c"] for i in items if "农村" in i["t"] or "农村" in i["b"] or "农村" in i["k"]]
    assert na & set(hits) and set(hits) - na  # the query finds both kinds
    page, log = open_page(browser[0], file_url(site / "index.html") + "#q=%E5%86%9C%E6%9D%91")
    expect(page.locator("#search-status")).to_have_attribute("data-count", str(len(hits)))
    while page.locator("#search-more").is_visible():
        page.locator("#search-more").click()
    codes = shown_codes(page)
    assert sorted(codes) == sorted(hits)
    flags = [c in na for c in codes]
    assert flags == sorted(flags), "an item that does not apply ranks above one that does"
    for status, label in (("amended", "本县细化"), ("local", "本县增补"), ("not_applicable", "不适用")):
        wanted = [i["c"] for i in items if i.get("x") == status]
        assert wanted, status
        # the county intro's counts are links to the same filter
        page.goto(file_url(site / "index.html"))
        link = page.locator(f'a.status-link[href="index.html#status={status}"]')
        expect(link).to_contain_text(f"{label} {len(wanted)} 项")
        link.click()
        expect(page.locator("#f-status")).to_have_value(status)
        expect(page.locator("#search-status")).to_have_attribute("data-count", str(len(wanted)))
        while page.locator("#search-more").is_visible():
            page.locator("#search-more").click()
        assert sorted(shown_codes(page)) == sorted(wanted)
    log.assert_clean()


def test_the_province_offers_no_county_filter_and_no_empty_level(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / "site" / "index.html"))
    # before any search there is nothing to sort, export or show more of
    expect(page.locator("#result-tools")).to_be_hidden()
    expect(page.locator("#search-more")).to_be_hidden()
    assert page.locator("#f-status").count() == 0
    levels = page.locator("#f-level option").all_text_contents()
    assert "县级" in levels and "省级" not in levels
    for level in levels[1:]:  # every offered level finds something
        page.select_option("#f-level", level)
        expect(page.locator("#search-results > tr").first).to_be_visible()
        expect(page.locator("#result-tools")).to_be_visible()
    log.assert_clean()


def test_a_search_without_result_says_what_the_catalog_covers(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / "site" / "index.html"))
    page.locator("#q").fill("火星殖民飞船")
    status = page.locator("#search-status")
    expect(status).to_have_attribute("data-count", "0")
    expect(status).to_contain_text("本目录收录")
    expect(status).to_contain_text("征地补偿")
    expect(status).to_contain_text("政府信息公开专栏")
    expect(status).not_to_contain_text("减少关键词")
    log.assert_clean()


def test_matches_in_the_primary_item_are_highlighted(browser: tuple[Any, Traffic], shipped: Path) -> None:
    site = shipped / "site"
    items = index_items(site)
    # a primary (一级事项) word that is not in the item's name
    target = next(i for i in items if i["p"] and i["p"][:2] not in i["n"])
    term = target["p"][:2]
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill(term)
    row = page.locator(f'#search-results > tr[data-item="{target["c"]}"]')
    while row.count() == 0 and page.locator("#search-more").is_visible():
        page.locator("#search-more").click()
    expect(row.locator(".result-primary mark").first).to_have_text(term)
    log.assert_clean()


WIDTHS = [320, 390, 768]


def phone_pages(shipped: Path) -> list[str]:
    site, county = shipped / "site", shipped / COUNTY / "site"
    return [file_url(site / "index.html") + "#q=%E5%AD%A6%E6%A0%A1", file_url(site / "items" / "BZZF-04-01.html"),
            file_url(site / "domains" / "zdbc.html"), file_url(site / "laws.html"),
            file_url(county / "items" / "BZZF-04-01.html"), file_url(county / "changes.html"),
            file_url(county / "index.html")]


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_and_labels_stay_on_one_line(browser: tuple[Any, Traffic], shipped: Path,
                                                              width: int) -> None:
    for url in phone_pages(shipped):
        page, log = open_page(browser[0], url, width=width)
        page.wait_for_timeout(100)  # the search runs after load when the URL carries a state
        wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 0, f"{url} scrolls {wide}px sideways at {width}px"
        labels = page.evaluate("""() => [...document.querySelectorAll('table.elements tbody th')].map(th => {
            const td = th.nextElementSibling, line = parseFloat(getComputedStyle(th).lineHeight);
            const r = th.getBoundingClientRect(), t = td.getBoundingClientRect();
            const text = document.createRange(); text.selectNodeContents(th);
            return {label: th.textContent, lines: Math.round(text.getBoundingClientRect().height / line),
                    above: r.bottom <= t.top + 1, beside: Math.abs(r.top - t.top) < 2};
        })""")
        if "/items/" in url:
            assert labels, url
            for label in labels:
                assert label["lines"] == 1, (width, label)
                # below 640 px the label sits above its value; wider, beside it
                assert label["above"] if width < 640 else label["beside"], (width, label)
        log.assert_clean()
        page.close()


def hue(css: str) -> float:
    """The hue in degrees of a computed rgb()/rgba() colour."""
    import colorsys
    import re

    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    return colorsys.rgb_to_hls(r, g, b)[0] * 360


def test_the_focus_colour_differs_from_the_match_colour(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / "site" / "index.html") + "#q=%E5%AD%A6%E6%A0%A1")
    mark = page.locator("#search-results mark").first
    expect(mark).to_be_visible()
    mark_colour = mark.evaluate("m => getComputedStyle(m).backgroundColor")
    page.locator("#search-results .result-title").first.focus()
    page.keyboard.press("Tab")  # keyboard focus (:focus-visible) on the next link
    focused = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return {tag: document.activeElement.tagName, bg: s.backgroundColor, ring: s.boxShadow}; }""")
    assert focused["tag"] == "A"
    assert mark_colour.startswith("rgb(")
    assert focused["bg"] != "rgba(0, 0, 0, 0)"  # the focused link is visibly filled
    # not merely another shade of yellow (the old #ffdd00 beside #ffe88a): hues at least 60 degrees apart
    distance = abs(hue(mark_colour) - hue(focused["bg"]))
    assert min(distance, 360 - distance) >= 60, (mark_colour, focused)
    log.assert_clean()
