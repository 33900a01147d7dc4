"""Issue 16 in headless Chromium: a county's changes in plain sight (marked elements with the province wording,
a plain-language sentence, the 本县变更一览 page, the 不适用 domain card, no contradicting 来源 text) and the law
registry's backlinks with the arrived-at law highlighted."""

from __future__ import annotations

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
    return build_site(ROOT, tmp_path_factory.mktemp("county-changes"))


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def test_a_changed_deadline_is_marked_with_the_province_wording(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / COUNTY / "site" / "items" / "BZZF-04-01.html"))
    row = page.locator("table.elements tr.changed", has=page.locator("th", has_text="公开时限"))
    expect(row).to_have_count(1)
    expect(row.locator("td")).to_contain_text("10个工作日")
    expect(row.locator(".changed-mark")).to_have_text("（本县细化）")
    expect(row.locator(".province-was")).to_have_text("浙江省标准原文：信息形成或者变更之日起20个工作日内")
    expect(page.locator(".changes-summary")).to_contain_text("本县将公开时限由 20 个工作日缩短为 10 个工作日")
    # the 来源 section says it in the same plain words (not a list of element names)
    expect(page.locator("#provenance-heading + p")).to_contain_text("本县细化：本县将公开时限由 20 个工作日缩短为 10 个工作日")
    # elements the county did not change are not marked
    expect(page.locator("table.elements tr.changed", has=page.locator("th", has_text="公开对象"))).to_have_count(0)
    # the technical source table stays, for editors
    expect(page.locator("details.provenance summary")).to_contain_text("编辑人员")
    log.assert_clean()
    province, log = open_page(browser[0], file_url(shipped / "site" / "items" / "BZZF-04-01.html"))
    expect(province.locator("tr.changed")).to_have_count(0)
    expect(province.locator(".changes-summary")).to_have_count(0)
    log.assert_clean()


def test_a_mapped_subject_does_not_contradict_the_provenance(browser: tuple[Any, Traffic], shipped: Path) -> None:
    site = shipped / COUNTY / "site"
    page, log = open_page(browser[0], file_url(site / "items" / "ZDBC-01-01.html"))
    subject = page.locator("table.elements tr", has=page.locator("th", has_text="公开主体")).locator("td")
    expect(subject).to_contain_text("拱墅")
    source = page.locator("#provenance-heading + p")
    expect(source).to_contain_text("本县未改变事项本身")
    expect(source).to_contain_text("公开主体按本县的配置写为本县的具体机关")
    log.assert_clean()


def test_the_change_list_names_every_change_with_its_reason(browser: tuple[Any, Traffic], shipped: Path) -> None:
    site = shipped / COUNTY / "site"
    page, log = open_page(browser[0], file_url(site / "index.html"))
    page.locator("nav.main-nav a", has_text="本县变更一览").click()
    expect(page.locator("h1")).to_have_text("本县变更一览")
    rows = page.locator("table.changes tbody tr")
    kinds = rows.evaluate_all("els => els.map(e => e.dataset.kind)")
    assert kinds.count("domain") == 1 and kinds.count("amended") >= 1 and kinds.count("local") >= 1
    domain = page.locator('tr[data-kind="domain"]')
    expect(domain).to_contain_text("农村危房改造")
    expect(domain).to_contain_text("不开展农村危房改造")  # the county's reason
    amended = page.locator('tr[data-item="BZZF-04-01"]')
    expect(amended).to_contain_text("本县将公开时限由 20 个工作日缩短为 10 个工作日")
    expect(amended).to_contain_text("10个工作日内公开")  # the 细化说明
    # the items of the whole domain that does not apply are summed up once, not listed one by one
    expect(page.locator('tr[data-item^="NCWF-"]')).to_have_count(0)
    # every row links to a page of the site that exists
    hrefs = rows.locator("a").evaluate_all("els => els.map(e => e.href)")
    assert hrefs and all(Path(h.removeprefix("file://")).is_file() for h in hrefs)
    log.assert_clean()


def test_a_domain_that_does_not_apply_is_marked_on_its_card(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / COUNTY / "site" / "index.html"))
    card = page.locator(".domain-cards li", has_text="农村危房改造")
    expect(card).to_contain_text("不适用")
    assert "个事项" not in card.inner_text()  # not "23 个事项 · 8 个标准"
    expect(page.locator(".domain-cards li", has_text="征地补偿")).to_contain_text("个事项 ·")
    log.assert_clean()


def test_a_law_lists_the_items_citing_it_and_is_highlighted_on_arrival(browser: tuple[Any, Traffic],
                                                                       shipped: Path) -> None:
    site = shipped / "site"
    page, log = open_page(browser[0], file_url(site / "items" / "BZZF-04-01.html"))
    law_link = page.locator(".law-list a").first
    href = law_link.get_attribute("href") or ""
    anchor = href.partition("#")[2]
    assert anchor.startswith("law-")
    law_link.click()
    page.wait_for_url(f"**/laws.html#{anchor}")
    page.wait_for_load_state("load")
    entry = page.locator(f"#{anchor}")
    expect(entry).to_be_visible()
    expect(entry.locator("th")).to_have_css("background-color", "rgb(255, 248, 196)")
    # :target styling marks the law the reader arrived at, and only that one
    assert page.evaluate(f"document.querySelector('#{anchor}').matches(':target')")
    marked = page.evaluate("""() => [...document.querySelectorAll('table.laws tbody tr')].filter(tr =>
        getComputedStyle(tr.querySelector('th')).backgroundColor === 'rgb(255, 248, 196)').map(tr => tr.id)""")
    assert marked == [anchor]
    entry.locator("summary").click()
    citing = entry.locator(".law-items a")
    codes = citing.evaluate_all("els => els.map(e => e.dataset.item)")
    assert "BZZF-04-01" in codes
    expect(entry.locator("summary")).to_have_text(f"{len(codes)} 个事项")
    entry.locator('.law-items a[data-item="BZZF-04-01"]').click()
    expect(page.locator("h1")).to_have_text("公共租赁住房申请条件")
    log.assert_clean()
