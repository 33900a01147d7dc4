"""Every kind of text block in one standard: nested and untitled clauses, several notes and examples, body
and annex tables, an annex of the text's own, an introduction, references in GB order, a term with its
note and source, and characters that XML escapes. Numbering and wording are read back from the DOCX."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_helpers import build_docx, copy_mini
from docx_reader import DocxFile
from gbt1_checker import check_docx

TEXT = """id: zdbc-01
title_en: Disclosure of land expropriation implementation
foreword:
  proposer: 浙江省自然资源厅
  owner: 浙江省自然资源厅
  drafting_units: [浙江省自然资源厅, 浙江省市场监督管理局]
  drafters: [张三, 李四]
introduction:
  - 为规范征地实施管理中的信息公开，制定本文件。
scope:
  - 本文件规定了征地实施过程中的信息公开要求。
  - 本文件适用于县（市、区）征地实施管理中的信息公开。
normative_references:
  - {number: DB33/T 2099—2021, title: 征地补偿公开规范}
  - {number: GB/T 7027—2002, title: 信息分类和编码的基本原则与方法}
  - {number: GB 2312—1980, title: 信息交换用汉字编码字符集　基本集}
terms:
  - {term: 预公告, en: pre-announcement, definition: 征收土地前发布的公告。, note: 预公告不是征收决定。, source: GB/T 0000—2020，3.1}
clauses:
  - title: 总体要求
    clauses:
      - title: 原则
        clauses:  # no text before the sub-clauses (悬置段, C476)
          - title: 总则
            body:
              - 公开应及时。
              - {note: 第一条注。}
              - {note: 第二条注。}
              - {example: 唯一的示例。}
          - {title: 细则, body: [细则的文字 A&B <c>。]}
      - body:
          - 无标题条的文字。
          - {table: {caption: 时限, header: [事项, 时限], rows: [[预公告, 10个工作日], [调查]]}}
  - title: 记录
    body:
      - {table: {caption: 记录要素, header: [要素], rows: [[时间]]}}
      - 流程见附录B。
annexes:
  - title: 公开流程
    normative: false
    clauses:
      - {title: 概述, body: [流程如下。]}
      - {title: 准备, body: [{table: {caption: 准备工作, header: [步骤, 内容], rows: [['1', 起草]]}}]}
"""


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("content")
    ws = copy_mini(base / "ws")
    path = ws / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(TEXT + original[original.index("items:"):], encoding="utf-8")
    build_docx(ws, base / "out")
    return base / "out" / "docx" / "zdbc-01.docx"


def _texts(path: Path) -> list[str]:
    return [p.text for p in DocxFile.open(path).paragraphs if p.text]


def test_the_rules_hold(doc: Path) -> None:
    assert not [str(f) for f in check_docx(doc) if f.required]


def test_numbering_of_clauses_notes_and_tables(doc: Path) -> None:
    texts = _texts(doc)
    body = texts[texts.index("1\u3000范围"):]
    for expected in ("4\u3000总体要求", "4.1\u3000原则", "注1：第一条注。", "注2：第二条注。", "示例：唯一的示例。",
                     "4.1.1\u3000总则", "4.1.2\u3000细则", "细则的文字 A&B <c>。", "4.2\u3000无标题条的文字。", "表1\u3000时限",
                     "5\u3000记录", "表2\u3000记录要素", "流程见附录B。", "附录B", "（资料性）", "公开流程", "B.1\u3000概述", "B.2\u3000准备",
                     "表B.1\u3000准备工作"):
        assert expected in body, expected
    order = [body.index(x) for x in ("4.1\u3000原则", "4.1.1\u3000总则", "4.1.2\u3000细则", "4.2\u3000无标题条的文字。", "5\u3000记录",
                                      "附录A", "附录B", "参考文献")]
    assert order == sorted(order)


def test_short_rows_are_padded_with_a_dash(doc: Path) -> None:
    table = next(t for t in DocxFile.open(doc).tables if t.rows()[0] == ["事项", "时限"])
    assert table.rows()[2] == ["调查", "—"]


def test_foreword_introduction_references_and_terms(doc: Path) -> None:
    texts = _texts(doc)
    assert "本文件由浙江省自然资源厅提出并归口。" in texts
    assert "本文件起草单位：浙江省自然资源厅、浙江省市场监督管理局。" in texts
    assert "本文件主要起草人：张三、李四。" in texts
    assert texts[texts.index("引\u3000言") + 1] == "为规范征地实施管理中的信息公开，制定本文件。"
    refs = texts[texts.index("2\u3000规范性引用文件") + 2:][:3]
    assert refs == ["GB 2312—1980\u3000信息交换用汉字编码字符集\u3000基本集",
                    "GB/T 7027—2002\u3000信息分类和编码的基本原则与方法", "DB33/T 2099—2021\u3000征地补偿公开规范"]
    term = texts[texts.index("3.1"):][:5]
    assert term == ["3.1", "预公告\u3000pre-announcement", "征收土地前发布的公告。", "注：预公告不是征收决定。",
                    "[来源：GB/T 0000—2020，3.1]"]


def test_toc_lists_chapters_clauses_and_annexes(doc: Path) -> None:
    texts = _texts(doc)
    toc = [t.split("\t")[0] for t in texts[texts.index("目\u3000次") + 1:texts.index("前\u3000言")]]
    assert toc == ["前言", "引言", "1\u3000范围", "2\u3000规范性引用文件", "3\u3000术语和定义", "4\u3000总体要求",
                   "4.1\u3000原则", "5\u3000记录", "6\u3000公开事项", "附录A（规范性）\u3000公开事项目录", "附录B（资料性）\u3000公开流程",
                   "参考文献"]
    assert texts[texts.index("目\u3000次") + 2] == "引言\t"  # a PAGEREF field, filled by the layout (issue 15)
