"""The site against the DOCX and Annex 1: a standard page numbers its tables 表1, 表B.1 exactly as the DOCX
does (its text says "见表1"); units show 试点县（市、区）政府 with full-width brackets while system.yaml keeps
Annex 1's spelling; the home page's domain cards say where their numbers come from."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from site_helpers import Page

from conftest import MINI
from govopen_std.build import BuildOptions, run

TEXT = """id: zdbc-01
scope:
  - 本文件规定了征地实施过程中的信息公开要求。
clauses:
  - title: 总体要求
    clauses:  # no text before sub-clauses (悬置段, C476)
      - title: 时限
        body:
          - 时限见表1，记录要素见表2。
          - {table: {caption: 时限, header: [事项, 时限], rows: [[预公告, 10个工作日]]}}
      - {title: 记录, body: [{table: {caption: 记录要素, header: [要素], rows: [[时间]]}}]}
  - title: 流程
    body: [流程见附录B。]
annexes:
  - title: 公开流程
    normative: false
    clauses:
      - {title: 步骤, body: [{table: {caption: 流程步骤, header: [步骤], rows: [['1']]}}]}
      - {title: 准备, body: [{table: {caption: 准备工作, header: [步骤, 内容], rows: [['1', 起草]]}}]}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("text-tables")
    ws = base / "ws"
    shutil.copytree(MINI, ws)
    path = ws / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(TEXT + original[original.index("items:"):], encoding="utf-8")
    result = run(BuildOptions(workspace=ws, out_dir=base / "out", formats=("docx", "html"), counties=()))
    assert result.ok
    return base / "out"


def _html_captions(page: str) -> list[str]:
    return [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<caption>(.*?)</caption>", page, re.S)
            if "表" in c]


def test_standard_page_tables_are_numbered_like_the_docx(built: Path) -> None:
    import docx

    document = docx.Document(str(built / "docx" / "zdbc-01.docx"))
    in_docx = [p.text for p in document.paragraphs if re.match(r"^表[A-Z]?\.?\d+\u3000", p.text)]
    in_docx = [c for c in in_docx if "公开事项目录" not in c]  # the generated catalog is not part of the text
    page = (built / "site" / "standards" / "zdbc-01.html").read_text(encoding="utf-8")
    assert in_docx == ["表1\u3000时限", "表2\u3000记录要素", "表B.1\u3000流程步骤", "表B.2\u3000准备工作"]
    assert _html_captions(page) == in_docx
    assert 'aria-label="表1 时限"' in page  # the scrolling region is named with the number too


def test_units_are_displayed_with_full_width_brackets(built: Path) -> None:
    system = (MINI / "standards" / "system.yaml").read_text(encoding="utf-8")
    assert "试点县(市、区)政府" in system  # the data keeps Annex 1 as the seed prints it
    for page in ("standards/zdbc-01.html", "responsibility.html"):
        text = (built / "site" / page).read_text(encoding="utf-8")
        assert "试点县（市、区）政府" in text and "试点县(市、区)政府" not in text, page


def test_domain_cards_say_where_their_numbers_come_from(built: Path) -> None:
    home = (built / "site" / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<span class="domain-no">([^<]*)</span>([^<]*)</a>', home)
    assert cards[0] == ("二、", "征地补偿") and cards[-1] == ("九、", "义务教育")
    parsed = Page(home)
    described = [attrs for tag, attrs in parsed.tags if tag == "ul" and attrs.get("class") == "domain-cards"]
    assert described and described[0].get("aria-describedby") == "domains-numbering"
    note = re.search(r'<p class="help" id="domains-numbering">(.*?)</p>', home)
    assert note and "一、基础通用标准" in note.group(1) and "附件1" in note.group(1)
