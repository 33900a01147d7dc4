"""Screenshots of the shipped catalog for a person to look at, written to build/screenshots/: the home page,
the structure diagram, a domain page (desktop and phone) and an item page; and a pilot county's home page."""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import Traffic, build_site, file_url, launch, open_page

from conftest import ROOT

pytestmark = pytest.mark.browser
SHOTS = ROOT / "build" / "screenshots"


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(ROOT, tmp_path_factory.mktemp("shots"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def shoot(browser: tuple[Any, Traffic], url: str, name: str, *, width: int = 1280, full: bool = True,
          element: str | None = None) -> Path:
    page, log = open_page(browser[0], url, width=width)
    target = SHOTS / name
    if element:
        page.locator(element).screenshot(path=str(target))
    else:
        page.screenshot(path=str(target), full_page=full)
    log.assert_clean()
    page.close()
    return target


def test_screenshots_of_the_home_and_a_domain_page(browser: tuple[Any, Traffic], shipped: Path) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for stale in SHOTS.glob("*.png"):  # a previous run's pictures of pages that may no longer exist
        stale.unlink()
    site = shipped / "site"
    first = re.search(r'href="(domains/[^"]+\.html)"', (site / "index.html").read_text(encoding="utf-8"))
    assert first is not None
    domain = site / first.group(1)  # the first domain in system order (征地补偿)
    first_item = re.search(r'href="\.\./(items/[^"]+\.html)"', domain.read_text(encoding="utf-8"))
    assert first_item is not None
    item = site / first_item.group(1)
    shots = {
        "home.png": shoot(browser, file_url(site / "index.html"), "home.png"),
        "home-diagram.png": shoot(browser, file_url(site / "index.html"), "home-diagram.png", element="figure.diagram"),
        "home-search.png": shoot(browser, file_url(site / "index.html") + "#q=%E5%85%AC%E5%91%8A", "home-search.png",
                                 full=False),
        f"domain-{domain.stem}.png": shoot(browser, file_url(domain), f"domain-{domain.stem}.png"),
        f"domain-{domain.stem}-phone.png": shoot(browser, file_url(domain), f"domain-{domain.stem}-phone.png",
                                                 width=390, full=False),
        "home-phone.png": shoot(browser, file_url(site / "index.html"), "home-phone.png", width=390, full=False),
        f"item-{item.stem}.png": shoot(browser, file_url(item), f"item-{item.stem}.png"),
        # issue 16: search results (more than 50, "显示更多") and the item page at phone width too
        "home-search-phone.png": shoot(browser, file_url(site / "index.html") + "#q=%E5%AD%A6%E6%A0%A1",
                                       "home-search-phone.png", width=390),
        f"item-{item.stem}-phone.png": shoot(browser, file_url(item), f"item-{item.stem}-phone.png", width=390),
    }
    counties = sorted(shipped.glob("*/site/index.html"))
    if counties:
        code = counties[0].parent.parent.name
        county = counties[0].parent
        shots[f"county-{code}-home.png"] = shoot(browser, file_url(counties[0]), f"county-{code}-home.png")
        # the county's change list, and an item it amended (the changed elements marked), desktop and phone
        for width, tail in ((1280, ""), (390, "-phone")):
            shots[f"county-{code}-changes{tail}.png"] = shoot(browser, file_url(county / "changes.html"),
                                                            f"county-{code}-changes{tail}.png", width=width)
        amended = re.search(r'<tr data-item="([^"]+)" data-kind="amended"', (county / "changes.html").read_text(
            encoding="utf-8"))
        assert amended is not None
        for width, tail in ((1280, ""), (390, "-phone")):
            shots[f"county-{code}-amended{tail}.png"] = shoot(
                browser, file_url(county / "items" / f"{amended.group(1)}.html"), f"county-{code}-amended{tail}.png",
                width=width)
    for name, path in shots.items():
        width, height = png_size(path)
        assert path.stat().st_size > 10_000, name
        if name.endswith("-phone.png"):
            assert width == 390, name
        elif name.startswith(("home.png", "domain-", "item-", "county-")):
            assert width == 1280 and height > 900, (name, width, height)
