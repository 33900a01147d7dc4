"""A county's site shows its own channel carriers (home page, and item pages where the channel is used), the
细化说明 of an amendment, 序号 as the view numbers them, and a banner (not a reason on every row) on the page
of a domain the county does not adopt (issues 7 and 11)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_helpers import Page, build_site

from conftest import county_outputs_workspace


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("county-site")
    return build_site(county_outputs_workspace(root / "ws"), root / "out")


def text_of(path: Path) -> str:
    """The page's text, one space between the texts of elements (a table cell from its header)."""
    return re.sub(r"\s+", " ", " ".join(Page(path.read_text(encoding="utf-8")).data))


def test_home_page_lists_the_county_channels(build: Path) -> None:
    home = build / "330105" / "site" / "index.html"
    text = text_of(home)
    assert "本县公开渠道" in text
    for row in ("政府网站 https://www.gongshu.gov.cn/", "两微一端 “拱墅发布”微信公众号；“杭州拱墅”政务微博",
                "社区/企事业单位/村公示栏（电子屏） 各街道、社区办公场所一楼公示栏"):
        assert row in text
    # the county's own portal is a link (issue 16), the only address leaving the site, never loaded
    html = home.read_text(encoding="utf-8")
    assert re.findall(r'href="(https?://[^"]+)"', html) == ["https://www.gongshu.gov.cn/"]
    assert ('<a class="channel-url" href="https://www.gongshu.gov.cn/" rel="external noopener noreferrer">'
            'https://www.gongshu.gov.cn/</a>') in html
    assert "本县公开渠道" not in text_of(build / "site" / "index.html")  # the province has none
    assert "本县公开渠道" not in text_of(build / "330110" / "site" / "index.html")  # a county that gave none


def test_item_pages_show_the_carriers_of_their_channels_and_the_amendment_note(build: Path) -> None:
    items = build / "330105" / "site" / "items"
    amended = text_of(items / "ZDBC-01-01.html")
    # the fixture profile records no `verified` sources: each carrier is marked 待核实
    assert ("本县具体载体 政府网站： https://www.gongshu.gov.cn/ （待核实） "
            "两微一端：“拱墅发布”微信公众号；“杭州拱墅”政务微博 （待核实）") in amended
    assert "本县细化说明 本区征地项目集中，缩短时限以便被征地群众及时知晓" in amended
    notice = text_of(items / "ZDBC-02-01.html")
    assert "社区/企事业单位/村公示栏（电子屏）：各街道、社区办公场所一楼公示栏 （待核实）" in notice
    assert "本县细化说明" not in notice
    local = text_of(items / "ZDBC-90-01.html")
    assert "政府网站： https://www.gongshu.gov.cn/" in local and "两微一端：" not in local  # only the channels it uses


def test_domain_page_numbers_rows_as_the_view_does(build: Path) -> None:
    html = (build / "330105" / "site" / "domains" / "zdbc.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="item-([A-Z0-9-]+)"[^>]*>\s*<td class="num">([^<]*)</td>', html)
    assert rows == [("ZDBC-01-01", "1"), ("ZDBC-02-01", "2"), ("ZDBC-02-02", "—"), ("ZDBC-90-01", "3")]


def test_domain_not_adopted_has_a_banner_and_no_reason_per_row(build: Path) -> None:
    html = (build / "330110" / "site" / "domains" / "zdbc.html").read_text(encoding="utf-8")
    text = text_of(build / "330110" / "site" / "domains" / "zdbc.html")
    assert 'class="notice notice-na"' in html
    assert "本县（市、区）不适用本领域。 理由：本区本年度无征地项目" in text
    assert text.count("本区本年度无征地项目") == 1
    assert 'class="reason"' not in html
    assert re.findall(r'<td class="num">([^<]*)</td>', html) == ["—", "—", "—"]
    adopted = (build / "330105" / "site" / "domains" / "zdbc.html").read_text(encoding="utf-8")
    assert "notice-na" not in adopted and adopted.count('class="reason"') == 1  # one item, its own reason
