"""Accessibility and layout in headless Chromium: axe-core (WCAG 2.1 A and AA) finds no violation on the
home, domain, item, standard, responsibility and law pages; the diagram's text has enough contrast; no page
scrolls sideways at phone width; the catalog table prints on A4 landscape with its header on every page."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import (
    Traffic,
    axe_source,
    axe_violations,
    build_site,
    file_url,
    launch,
    mini_with_county,
    open_page,
)

from conftest import ROOT, require_tool

pytestmark = pytest.mark.browser

MINI_PAGES = ["site/index.html", "site/index.html#q=%E5%9C%9F%E5%9C%B0", "site/domains/zdbc.html",
              "site/items/ZDBC-02-01.html", "site/standards/zdbc-00.html", "site/responsibility.html", "site/laws.html",
              "330105/site/index.html", "330105/site/domains/zdbc.html", "330105/site/items/ZDBC-01-01.html",
              "330105/site/items/ZDBC-02-02.html", "330105/site/items/ZDBC-90-01.html",
              # issue 16: the county's change list, a filtered county search, a law arrived at by its anchor
              "330105/site/changes.html", "330105/site/index.html#status=amended",
              "330105/site/laws.html#law-gov-info-disclosure-reg"]


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def mini_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("a11y-mini")
    return build_site(mini_with_county(root / "ws"), root / "out")


@pytest.fixture(scope="module")
def shipped_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("a11y-shipped"))


def largest_domain(site: Path) -> Path:
    """The domain page with the most catalog rows (a multi-page print)."""
    pages = sorted((site / "domains").glob("*.html"))
    return max(pages, key=lambda p: p.read_text(encoding="utf-8").count('<tr id="item-'))


def shipped_pages(build: Path) -> list[str]:
    site = build / "site"
    items = sorted((site / "items").glob("*.html"))
    with_text = next(p for p in sorted((site / "standards").glob("*.html")) if "标准文本" in p.read_text(encoding="utf-8"))
    pages = [site / "index.html", site / "domains" / "zdbc.html", largest_domain(site), items[0], items[-1], with_text,
             site / "responsibility.html", site / "laws.html"]
    counties = sorted(p.parent for p in build.glob("*/site/index.html"))
    if counties:  # the pilot counties' sites, when the shipped standards have county profiles
        pages += [counties[0] / "index.html", counties[0] / "domains" / "zdbc.html", counties[0] / "changes.html",
                  counties[0] / "items" / "BZZF-04-01.html"]
    return [file_url(p) for p in pages] + [file_url(site / "index.html") + "#level=%E5%8E%BF%E7%BA%A7"]


def check_axe(browser: tuple[Any, Traffic], url: str) -> None:
    page, log = open_page(browser[0], url)
    page.wait_for_timeout(150)  # the search runs after load when the URL carries a state
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    violations = axe_violations(page, axe_source())
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n  " + "\n  ".join(v["nodes"][:5])
                                       for v in violations)
    log.assert_clean()
    assert not browser[1].blocked
    page.close()


@pytest.mark.parametrize("page", MINI_PAGES)
def test_axe_finds_no_wcag21_aa_violation(browser: tuple[Any, Traffic], mini_build: Path, page: str) -> None:
    path, _, fragment = page.partition("#")
    check_axe(browser, file_url(mini_build / path) + (f"#{fragment}" if fragment else ""))


def test_axe_finds_no_violation_on_the_shipped_catalog(browser: tuple[Any, Traffic], shipped_build: Path) -> None:
    for url in shipped_pages(shipped_build):
        check_axe(browser, url)


CONTRAST = """() => {
  const lum = (c) => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(v => { v = v / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  return [...document.querySelectorAll('.tree .node')].map(node => {
    const fg = getComputedStyle(node.querySelector('text')).fill, bg = getComputedStyle(node.querySelector('rect')).fill;
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return [node.querySelector('text').textContent, (a + 0.05) / (b + 0.05)];
  });
}"""


def test_diagram_text_has_aa_contrast(browser: tuple[Any, Traffic], mini_build: Path) -> None:
    # axe cannot compute colours inside SVG ("incomplete"), so the diagram's text is measured here.
    page, log = open_page(browser[0], file_url(mini_build / "site" / "index.html"))
    ratios = page.evaluate(CONTRAST)
    assert len(ratios) > 73
    low = [(text, round(ratio, 2)) for text, ratio in ratios if ratio < 4.5]
    assert not low, low
    log.assert_clean()


@pytest.mark.parametrize("path", ["site/index.html", "site/domains/zdbc.html", "site/items/ZDBC-02-01.html",
                                  "site/standards/zdbc-01.html", "site/responsibility.html", "site/laws.html",
                                  "330105/site/domains/zdbc.html"])
def test_no_page_scrolls_sideways_at_phone_width(browser: tuple[Any, Traffic], mini_build: Path, path: str) -> None:
    page, log = open_page(browser[0], file_url(mini_build / path), width=360)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path} is {overflow}px wider than a 360px phone"
    # wide tables scroll inside their own focusable region instead
    for region in page.locator(".table-scroll").all():
        assert region.get_attribute("tabindex") == "0" and region.get_attribute("role") == "region"
    log.assert_clean()


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run([require_tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info)]


def test_catalog_table_prints_on_a4_landscape_with_its_header_on_every_page(
        browser: tuple[Any, Traffic], shipped_build: Path, tmp_path: Path) -> None:
    pdftotext = require_tool("pdftotext")
    domain = largest_domain(shipped_build / "site")
    page, log = open_page(browser[0], file_url(domain))
    pdf = tmp_path / "catalog.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    sizes = _page_sizes(pdf)
    assert len(sizes) >= 2, "expected the largest domain's catalog to span pages"
    for width, height in sizes:
        assert abs(width - 841.89) < 1 and abs(height - 595.28) < 1, (width, height)
    for number in range(1, len(sizes) + 1):
        text = subprocess.run([pdftotext, "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
                              capture_output=True, text=True, timeout=60, check=True).stdout
        assert "公开依据" in text and "公开渠道和载体" in text, f"page {number} lacks the header row"
    first = subprocess.run([pdftotext, "-f", "1", "-l", "1", str(pdf), "-"], capture_output=True, text=True,
                           timeout=60, check=True).stdout
    assert "检索公开事项" not in first and "责任清单" not in first  # navigation is not printed
    home = tmp_path / "home.pdf"
    page.goto(file_url(shipped_build / "site" / "index.html"))
    page.pdf(path=str(home), prefer_css_page_size=True)
    assert all(abs(w - 595.28) < 1 and abs(h - 841.89) < 1 for w, h in _page_sizes(home))  # other pages: portrait
    log.assert_clean()
