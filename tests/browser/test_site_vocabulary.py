"""Issue 16 in headless Chromium: the search vocabulary. A citizen's word finds the catalog's word through the
standard writers' synonym table (拆迁 -> 房屋征收, 公租房 <-> 公共租赁住房), and an item name is found by its
pinyin, in full or by initials (generated at build time with pypinyin)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from browser_helpers import Traffic, build_site, file_url, launch, open_page

from conftest import ROOT

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("vocabulary")) / "site"


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def index(site: Path) -> dict[str, Any]:
    script = (site / "assets" / "search-index.js").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(script[script.index("{"):script.rindex("}") + 1])
    return data


def having(site: Path, *words: str) -> list[str]:
    return sorted(i["c"] for i in index(site)["items"] if any(w in i["t"] + i["b"] + i["k"] for w in words))


def all_codes(page: Any) -> list[str]:
    while page.locator("#search-more").is_visible():
        page.locator("#search-more").click()
    return sorted(page.locator("#search-results > tr").evaluate_all("els => els.map(e => e.dataset.item)"))


@pytest.mark.parametrize(("query", "catalog_word"), [("拆迁", "房屋征收"), ("危旧房", "危房")])
def test_a_synonym_finds_the_catalog_word(browser: tuple[Any, Traffic], site: Path, query: str,
                                          catalog_word: str) -> None:
    assert having(site, query) == []  # the catalog never writes the citizen's word ...
    expected = having(site, catalog_word)
    assert expected  # ... but does write its synonym
    page, log = open_page(browser[0], file_url(site / "index.html") + "#q=" + quote(query))
    expect(page.locator("#search-status")).to_have_attribute("data-count", str(len(expected)))
    expect(page.locator("#search-status")).not_to_contain_text("相近")
    assert all_codes(page) == expected
    expect(page.locator("#search-results mark").first).to_have_text(catalog_word)
    log.assert_clean()


def test_either_word_of_a_group_finds_the_same_items(browser: tuple[Any, Traffic], site: Path) -> None:
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill("公共租赁住房")
    expect(page.locator("#search-results > tr").first).to_be_visible()
    long_form = all_codes(page)
    page.locator("#q").fill("公租房")
    expect(page.locator("#search-status")).to_have_attribute("data-count", str(len(long_form)))
    assert all_codes(page) == long_form
    log.assert_clean()


@pytest.mark.parametrize("query", ["gonggongzulinzhufang", "ggzlzf"])
def test_pinyin_finds_an_item_by_its_name(browser: tuple[Any, Traffic], site: Path, query: str) -> None:
    expected = sorted(i["c"] for i in index(site)["items"] if "公共租赁住房" in i["n"])
    assert expected
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("#q").fill(query)
    expect(page.locator("#search-results > tr").first).to_be_visible()
    codes = all_codes(page)
    assert set(expected) <= set(codes)
    names = page.locator("#search-results .result-title").all_text_contents()
    assert all("公共租赁住房" in n or "公租房" in n for n in names), names
    log.assert_clean()
