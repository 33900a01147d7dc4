"""Issue 15, renderer points, read back from built DOCX files: the draft number under the cover's rule,
黑体 for the Latin letters and digits of 黑体 elements, columns no narrower than their header word,
the 事项编码 column of the catalog, the 前言's drafting lines and the package properties."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx_helpers import build_docx, read_part, render_shipped, variant_workspace
from docx_reader import DocxFile, q, wval

from govopen_std.render.docx_std.tables import _width, content_widths, header_minimum

HEI_STYLES = ("标准_章标题", "标准_一级条标题", "标准_术语条目编号", "标准_术语", "封面_文件代号", "封面_文件编号",
              "标准_书眉", "标准_表标题", "标准_附录标识")


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("drafts")
    ws = variant_workspace(base / "ws")
    build_docx(ws, base / "out", counties=None)
    return base / "out"


def _cover(doc: DocxFile) -> list[tuple[str, bool]]:
    """(text, has a bottom rule) of the cover's paragraphs."""
    return [(p.text, p.element.find(q("w:pPr") + "/" + q("w:pBdr") + "/" + q("w:bottom")) is not None)
            for p in doc.paragraphs if p.section == 0]


def test_draft_cover_has_the_draft_number_under_the_rule(out: Path) -> None:
    cover = _cover(DocxFile.open(out / "docx" / "zdbc-01.docx"))
    texts = [t for t, _ in cover]
    level = texts.index("浙江省地方标准")
    assert cover[level][1], "the rule runs under the level line"
    assert texts[level + 1] == "DB33/T XXXX—XXXX"
    assert texts.index("DB33/T XXXX—XXXX") < texts.index("（征求意见稿）")


def test_published_cover_has_its_number_under_the_rule(out: Path) -> None:
    texts = [t for t, _ in _cover(DocxFile.open(out / "docx" / "zdbc-00.docx"))]
    assert texts[texts.index("浙江省地方标准") + 1] == "DB33/T 2099—2021"


def _latin_faces(styles: str) -> dict[str, tuple[str | None, str | None, str | None]]:
    from lxml import etree

    root = etree.fromstring(styles.encode("utf-8"))
    faces = {}
    for style in root.iterfind(q("w:style")):
        name = wval(style.find(q("w:name")))
        fonts = style.find(f"{q('w:rPr')}/{q('w:rFonts')}")
        if name and fonts is not None:
            faces[name] = (wval(fonts, "ascii"), wval(fonts, "hAnsi"), wval(fonts, "eastAsia"))
    return faces


def test_latin_letters_and_digits_of_hei_elements_are_hei(out: Path) -> None:
    faces = _latin_faces(read_part(out / "docx" / "zdbc-00.docx", "word/styles.xml"))
    assert faces
    for name in HEI_STYLES:
        assert faces[name] == ("黑体", "黑体", "黑体"), name
    assert faces["Normal"][:2] == ("Times New Roman", "Times New Roman")  # 宋体 body text keeps its Latin face
    # direct 黑体 runs (clause numbers of untitled clauses, 注 labels) carry 黑体 for Latin letters too
    document = read_part(out / "docx" / "zdbc-00.docx", "word/document.xml")
    runs = re.findall(r"<w:rFonts [^>]*/>", document)
    hei = [r for r in runs if 'w:eastAsia="黑体"' in r]
    assert hei
    assert all('w:ascii="黑体"' in r and 'w:hAnsi="黑体"' in r for r in hei), hei


def test_short_headers_keep_their_word_on_one_line() -> None:
    widths = content_widths(["序号", "标识符", "说明"], [["1", "DE01", "很长的说明文字" * 20]], 9000)
    assert widths[0] >= _width("序号", 9) + 180 and widths[1] >= _width("标识符", 9) + 180
    assert sum(widths) == 9000


def test_catalog_columns_are_no_narrower_than_their_header(out: Path) -> None:
    doc = DocxFile.open(out / "docx" / "zdbc-00.docx")
    catalog = next(t for t in doc.tables if t.rows()[0][:2] == ["序号", "事项编码"])
    grid = [int(wval(c, "w") or 0) for c in catalog.element.iterfind(f"{q('w:tblGrid')}/{q('w:gridCol')}")]
    header = catalog.rows()[0]
    assert len(grid) == len(header) == 12
    for h, w in zip(header, grid, strict=True):
        assert w >= header_minimum(h), (h, w)
    codes = [r[1] for r in catalog.rows()[1:-1]]
    assert codes and all(w for w in codes)
    assert grid[1] >= max(_width(c, 9) for c in codes) + 180  # "ZDBC-01-01" never breaks


def test_foreword_names_the_drafting_units_and_the_drafters_when_known(out: Path, tmp_path: Path) -> None:
    doc = DocxFile.open(out / "docx" / "zdbc-00.docx")
    texts = [p.text for p in doc.paragraphs]
    assert "本文件起草单位：浙江省自然资源厅。" in texts
    assert not any(t.startswith("本文件主要起草人：（") for t in texts)  # never a placeholder name


def test_package_properties_name_govopen_not_a_word_processor(out: Path) -> None:
    paths = sorted((out / "docx").glob("*.docx")) + sorted(out.glob("*/docx/*.docx"))
    assert paths
    for path in paths:
        app = read_part(path, "docProps/app.xml")
        core = read_part(path, "docProps/core.xml")
        assert "<Application>govopen</Application>" in app
        for text in (app, core):
            assert "python-docx" not in text and "Microsoft" not in text


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("shipped")
    render_shipped(out)
    return out / "docx"


def _body_texts(path: Path) -> list[str]:
    return [p.text for p in DocxFile.open(path).paragraphs if p.text]


def test_rule_annexes_do_not_repeat_the_body_tables(shipped: Path) -> None:
    gen02 = _body_texts(shipped / "gen-02.docx")
    assert not [t for t in gen02 if t.startswith("附录")]  # 表2 and 表3 carry the coding rule block
    doc = DocxFile.open(shipped / "gen-02.docx")
    cells = [r[0] for t in doc.tables for r in t.rows()[1:]]
    assert cells.count("ZDBC") == 2  # 表1 (with sub-domains) and 表3, no annex copy
    gen03 = _body_texts(shipped / "gen-03.docx")
    assert not [t for t in gen03 if t.startswith("附录")]
    assert not [t for t in gen03 if "TODO" in t or "lorem ipsum" in t]  # 占位文字 is described in words
    columns = next(t for t in DocxFile.open(shipped / "gen-03.docx").tables if t.rows()[0] == ["序号", "栏目"])
    assert [r[1] for r in columns.rows()[1:3]] == ["序号", "事项编码"]


def test_texts_relying_on_sibling_standards_list_them(shipped: Path) -> None:
    texts = _body_texts(shipped / "gen-03.docx")
    refs = texts[texts.index("2\u3000规范性引用文件") + 1:texts.index("3\u3000术语和定义")]
    assert refs[1:] == ["DB33/T XXXX\u3000基层政务信息分类与编码规范", "DB33/T XXXX\u3000数据元规范"]
    assert "本文件没有规范性引用文件。" not in refs


def test_the_structural_fixes_show_in_the_texts(shipped: Path) -> None:
    zdbc00 = _body_texts(shipped / "zdbc-00.docx")
    start = zdbc00.index("4\u3000基本要求")
    assert zdbc00[start + 1] == "4.1\u3000总体要求"  # no 悬置段 between the chapter title and 4.1
    assert zdbc00[zdbc00.index("4.2\u3000公开原则") + 1] == "征地补偿信息公开应遵循下列原则："  # the list's lead-in
    for sid in ("zdbc-06", "cqaz-06"):
        texts = _body_texts(shipped / f"{sid}.docx")
        assert not [t for t in texts if t.startswith("附录A")]
        cells = [c for t in DocxFile.open(shipped / f"{sid}.docx").tables for r in t.rows() for c in r]
        # no sentence or cell refers to an 附录A these texts do not have (the evaluation rewrite keeps none)
        assert cells and not any(c.startswith("按附录A") for c in cells)
        assert not [t for t in texts if "附录A" in t and "分标准附录A" not in t]
