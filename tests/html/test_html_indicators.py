"""The indicator data on the site's standard pages (province and county): the same tables as the DOCX,
made by the view (view/indicators.py) from the data; the county's item table lists the county's catalog."""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest

from conftest import ROOT
from helpers.site import build_site, mini_with_county

BASE = ROOT / "tests" / "check" / "indicator_base.yaml"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site")
    ws = mini_with_county(root / "ws")
    shutil.copy(BASE, ws / "standards" / "domains" / "zdbc" / "zdbc-06.yaml")
    return build_site(ws, root / "out")


def _tables(page: Path) -> dict[str, list[list[str]]]:
    """First header cell -> body rows, for the text tables of a page."""
    doc = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    found = {}
    for table in doc.xpath('//table[@class="text-table"]'):
        header = [th.text_content().strip() for th in table.xpath(".//thead//th")]
        found[header[0]] = [[td.text_content().strip() for td in tr.xpath("./td")] for tr in table.xpath(".//tbody/tr")]
    return found


@pytest.mark.parametrize("site", ["site", "330105/site"])
def test_standard_page_shows_the_indicator_table(out: Path, site: str) -> None:
    tables = _tables(out / site / "standards" / "zdbc-06.html")
    rows = tables["指标编号"]
    assert [(r[0], r[3]) for r in rows] == [("A", "60"), ("A1", "42"), ("A2", "18"), ("B", "40"), ("B1", "20"),
                                            ("B2", "20")]
    assert rows[1][4] == "按目录时限按时公开的事项所占比例计分。"
    items = tables["事项编码"]
    assert items and all(r[5] for r in items)


def test_county_page_lists_the_county_items(out: Path) -> None:
    province = {r[0] for r in _tables(out / "site" / "standards" / "zdbc-06.html")["事项编码"]}
    county = {r[0]: r for r in _tables(out / "330105" / "site" / "standards" / "zdbc-06.html")["事项编码"]}
    added = set(county) - province
    assert added and all(code.startswith("ZDBC-9") for code in added)
