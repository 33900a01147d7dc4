"""Issue 16's small items, on the built files: county channel addresses are links (http and https only, the
text escaped), item pages explain ■/□, and search-index.js writes U+2028/U+2029 as escapes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from site_helpers import build_site, mini_with_county

from govopen_std.render.html_site.links import url_links

LINE_SEP = "\u2028"
PARA_SEP = "\u2029"


@pytest.mark.parametrize(("text", "html"), [
    ("https://www.gongshu.gov.cn/", '<a class="channel-url" href="https://www.gongshu.gov.cn/" '
                                    'rel="external noopener noreferrer">https://www.gongshu.gov.cn/</a>'),
    ("网站 http://a.cn/x?y=1&z=2；电话 12345", '网站 <a class="channel-url" href="http://a.cn/x?y=1&amp;z=2" '
                                          'rel="external noopener noreferrer">http://a.cn/x?y=1&amp;z=2</a>；电话 12345'),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("<b>公示栏</b>", "&lt;b&gt;公示栏&lt;/b&gt;"),
    ('https://x.cn/"><script>', '<a class="channel-url" href="https://x.cn/" rel="external noopener noreferrer">'
                                'https://x.cn/</a>&#34;&gt;&lt;script&gt;'),
])
def test_url_links(text: str, html: str) -> None:
    assert str(url_links(text)) == html


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("small")
    ws = mini_with_county(root / "ws")
    text = ws / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    source = text.read_text(encoding="utf-8")
    assert "      - 征收目的\n" in source
    # line and paragraph separators in a content element, written as YAML escapes (a raw U+2028 in a source
    # file is Y113: it would shift the line numbers of every later diagnostic)
    text.write_text(source.replace("      - 征收目的\n", '      - "征收\\u2028目的\\u2029说明"\n', 1), encoding="utf-8")
    return build_site(ws, root / "out")


def test_the_index_escapes_line_and_paragraph_separators(build: Path) -> None:
    script = (build / "site" / "assets" / "search-index.js").read_text(encoding="utf-8")
    assert LINE_SEP not in script and PARA_SEP not in script
    assert "\\u2028" in script and "\\u2029" in script
    data = json.loads(script[script.index("{"):script.rindex("}") + 1])
    assert any(f"征收{LINE_SEP}目的{PARA_SEP}说明" in item["b"] for item in data["items"])  # the text is unchanged


def test_item_pages_explain_the_channel_marks(build: Path) -> None:
    pages = sorted((build / "site" / "items").glob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "■ 表示必须使用的渠道，□ 表示可选的渠道" in html, page
