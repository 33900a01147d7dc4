"""The structure diagram on the home page, laid out by Chromium: on a desktop it is no wider than the content
column (it scales into it); at phone width it keeps a readable size inside its own scrolling box, and the
page itself never scrolls sideways."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_helpers import Traffic, build_site, file_url, launch, open_page

from conftest import MINI

pytestmark = pytest.mark.browser

MEASURE = """() => {
  const main = document.querySelector("main").getBoundingClientRect();
  const style = getComputedStyle(document.querySelector("main"));
  const box = document.querySelector(".diagram-scroll");
  const svg = document.querySelector("svg.tree").getBoundingClientRect();
  const r = box.getBoundingClientRect();
  return {contentLeft: main.left + parseFloat(style.paddingLeft), contentRight: main.right - parseFloat(style.paddingRight),
          boxLeft: r.left, boxRight: r.right, svgWidth: svg.width, scrollWidth: box.scrollWidth,
          clientWidth: box.clientWidth, pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth};
}"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Traffic]]:
    yield from launch(tmp_path_factory.mktemp("browser"))


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("diagram")
    return file_url(build_site(MINI, root / "out") / "site" / "index.html")


@pytest.mark.parametrize("width", [1280, 1680])
def test_on_a_desktop_the_diagram_stays_in_the_content_column(browser: tuple[Any, Traffic], home: str,
                                                               width: int) -> None:
    page, log = open_page(browser[0], home, width=width)
    m = page.evaluate(MEASURE)
    page.close()
    log.assert_clean()
    assert m["boxLeft"] >= m["contentLeft"] - 1 and m["boxRight"] <= m["contentRight"] + 1, m
    assert m["scrollWidth"] <= m["clientWidth"] + 1, m  # no sideways scrolling needed on a desktop
    assert m["pageWidth"] <= m["viewport"], m


def test_at_phone_width_the_diagram_scrolls_in_its_own_box(browser: tuple[Any, Traffic], home: str) -> None:
    page, log = open_page(browser[0], home, width=390)
    m = page.evaluate(MEASURE)
    page.close()
    log.assert_clean()
    assert m["svgWidth"] >= 900, m  # kept readable, not shrunk to the phone's width
    assert m["scrollWidth"] > m["clientWidth"], m  # the box scrolls …
    assert m["boxRight"] <= m["viewport"] + 1 and m["pageWidth"] <= m["viewport"], m  # … the page does not
