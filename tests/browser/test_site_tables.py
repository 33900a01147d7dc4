"""Issue 16 in headless Chromium: domain tables sort by column (header buttons with aria-sort), search results
sort and download as CSV (a Blob, under the strict CSP), and every CSV cell is formula-safe, in the browser's
export as in the prebuilt per-domain CSV."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import Traffic, build_site, file_url, launch, open_page

from conftest import MINI, ROOT

pytestmark = pytest.mark.browser
FORMULA_NAME = '=HYPERLINK("http://example.invalid","x")'


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("tables"))


@pytest.fixture(scope="module")
def formula_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini workspace with an item named like a spreadsheet formula."""
    root = tmp_path_factory.mktemp("formula")
    shutil.copytree(MINI, root / "ws")
    source = root / "ws" / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    text = source.read_text(encoding="utf-8")
    assert "name: 征收土地预公告" in text
    source.write_text(text.replace("name: 征收土地预公告", f"name: '{FORMULA_NAME}'", 1), encoding="utf-8")
    return build_site(root / "ws", root / "out") / "site"


def expect(locator: Any) -> Any:
    from playwright.sync_api import expect as pw_expect

    return pw_expect(locator)


def column(page: Any, index: int) -> list[str]:
    return [str(t) for t in page.locator("table.catalog").first.evaluate(
        "(t, i) => [...t.tBodies[0].rows].map(r => r.cells[i].textContent.replace(/\\s+/g, ' ').trim())", index)]


def row_ids(page: Any) -> list[str]:
    return [str(i) for i in page.locator("table.catalog").first.evaluate(
        "t => [...t.querySelectorAll('tbody tr')].map(r => r.id)")]


def test_a_domain_table_sorts_by_any_column_and_back(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / "site" / "domains" / "zdbc.html"))
    table = page.locator("table.catalog").first
    original = row_ids(page)
    assert len(original) > 5
    headers = table.locator("thead th")
    expect(headers.first).to_have_attribute("aria-sort", "ascending")
    deadline = headers.filter(has_text="公开时限")
    deadline.locator("button").click()
    expect(deadline).to_have_attribute("aria-sort", "ascending")
    expect(headers.first).not_to_have_attribute("aria-sort", "ascending")
    index = [t.strip() for t in headers.all_text_contents()].index(deadline.inner_text().strip())
    values = column(page, index)
    collated = page.evaluate("v => v.slice().sort(new Intl.Collator('zh-CN', {numeric: true}).compare)", values)
    assert values == collated and len(set(values)) > 1
    # every row keeps its 一级事项 once the merged cells are split
    assert all(v for v in column(page, 1))
    deadline.locator("button").click()
    expect(deadline).to_have_attribute("aria-sort", "descending")
    assert column(page, index) == list(reversed(collated))
    headers.first.locator("button").click()
    assert row_ids(page) == original
    # the order is announced
    expect(page.locator("p[role=status]").first).to_contain_text("升序")
    log.assert_clean()


def test_search_results_sort_and_download_as_csv(browser: tuple[Any, Traffic], shipped: Path, tmp_path: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / "site" / "index.html") + "#q=%E5%AD%A6%E6%A0%A1")
    total = int(page.locator("#search-status").get_attribute("data-count"))
    assert total > 50
    header = page.locator("#results-wrap thead th", has=page.locator('button[data-sort="code"]'))
    assert page.locator("#results-wrap thead th[aria-sort]").count() == 0  # relevance: no column's order
    expect(page.locator("#sort-rank")).to_have_attribute("aria-pressed", "true")
    header.locator("button").click()
    expect(header).to_have_attribute("aria-sort", "ascending")
    expect(page.locator("#sort-rank")).to_have_attribute("aria-pressed", "false")
    assert "sort=code" in page.url
    codes = page.locator("#search-results > tr").evaluate_all("els => els.map(e => e.dataset.item)")
    assert codes == sorted(codes) and len(codes) == 50
    header.locator("button").click()  # again: descending
    expect(header).to_have_attribute("aria-sort", "descending")
    down = page.locator("#search-results > tr").evaluate_all("els => els.map(e => e.dataset.item)")
    assert down[0] > down[-1] and down == sorted(down, reverse=True)
    # the order survives a reload (it is in the URL), and 按相关度排列 goes back to the search order
    page.reload()
    expect(header).to_have_attribute("aria-sort", "descending")
    page.locator("#sort-rank").click()
    assert page.locator("#results-wrap thead th[aria-sort]").count() == 0
    header.locator("button").click()
    with page.expect_download() as info:
        page.locator("#search-csv").click()
    download = info.value
    assert download.suggested_filename.endswith(".csv")
    target = tmp_path / "result.csv"
    download.save_as(str(target))
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][0] == "事项编码" and rows[0][1] == "事项名称"
    # every hit, not only the 50 drawn, in the shown order
    assert len(rows) - 1 == total
    assert [r[0] for r in rows[1:51]] == codes
    log.assert_clean()


def test_csv_cells_never_start_a_formula(browser: tuple[Any, Traffic], formula_site: Path, tmp_path: Path) -> None:
    page, log = open_page(browser[0], file_url(formula_site / "index.html"))
    page.locator("#q").fill("HYPERLINK")
    expect(page.locator("#search-results .result-title")).to_have_text([FORMULA_NAME])
    with page.expect_download() as info:
        page.locator("#search-csv").click()
    target = tmp_path / "formula.csv"
    info.value.save_as(str(target))
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[1][1] == "'" + FORMULA_NAME
    prebuilt = (formula_site / "downloads" / "csv" / "zdbc.csv").read_text(encoding="utf-8-sig")
    names = [r[5] for r in csv.reader(io.StringIO(prebuilt, newline=""))]
    assert "'" + FORMULA_NAME in names and FORMULA_NAME not in names
    log.assert_clean()


def test_the_law_registry_sorts_by_the_number_of_citing_items(browser: tuple[Any, Traffic], shipped: Path) -> None:
    page, log = open_page(browser[0], file_url(shipped / "site" / "laws.html"))
    headers = page.locator("table.laws thead th")
    assert page.locator("table.laws thead th[aria-sort]").count() == 0  # the registry order is no column's order
    citing = headers.filter(has_text="引用事项")
    citing.locator("button").click()
    citing.locator("button").click()
    expect(citing).to_have_attribute("aria-sort", "descending")
    counts = page.locator("table.laws tbody tr").evaluate_all(
        "rows => rows.map(r => parseInt(r.cells[r.cells.length - 1].textContent.trim(), 10))")
    assert len(counts) > 10 and counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    log.assert_clean()
