"""The county catalog DOCX (issues 7 and 11): the county's channels in a chapter before the catalog, 本县增补 /
本县细化 rows marked after their 序号 with a table note that explains the marks, each 细化说明 as a note,
items that do not apply listed once by code, a domain not adopted as one sentence; and 序号 the same in the
DOCX, the HTML site and the XLSX."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import openpyxl
import pytest
from docx_reader import DocxFile
from gbt1_checker import check_catalog_docx

from conftest import county_outputs_workspace
from govopen_std.build import BuildOptions, resolve_catalogs, run, views_for
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.render.docx_std.catalog import CATALOG_HEADER
from govopen_std.render.docx_std.county import county_catalog_block
from govopen_std.render.docx_std.style import load_style

CHANNELS = [["公开渠道和载体", "本县（市、区）的具体载体"],
            ["政府网站", "https://www.gongshu.gov.cn/"],
            ["两微一端", "“拱墅发布”微信公众号；“杭州拱墅”政务微博"],
            ["社区/企事业单位/村公示栏（电子屏）", "各街道、社区办公场所一楼公示栏"]]


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("county-docx")
    ws = county_outputs_workspace(root / "ws")
    result = run(BuildOptions(workspace=ws, out_dir=root / "out", formats=("docx", "html", "xlsx"), jobs=1))
    assert result.ok, [d.code for d in result.diagnostics.items if d.severity >= 3]
    return root / "out"


def _doc(out: Path, code: str) -> DocxFile:
    return DocxFile.open(out / code / "docx" / "catalog.docx")


def _texts(doc: DocxFile) -> list[str]:
    return [p.text for p in doc.paragraphs]


def _catalog(doc: DocxFile) -> list[list[str]]:
    """The data rows of the first catalog table (the table note row, one cell wide, left out)."""
    table = next(t for t in doc.tables if t.rows()[0] == list(CATALOG_HEADER))
    return [r for r in table.rows()[1:] if len(r) > 1]


def _notes(doc: DocxFile) -> str:
    """Every 注 of the document, wherever the writer puts them (a table's last row, or paragraphs after it)."""
    cells = [c for t in doc.tables for r in t.rows() for c in r]
    return "\n".join(line for text in [*cells, *_texts(doc)] for line in text.split("\n") if line.startswith("注"))


def test_channels_chapter_comes_before_the_catalog(out: Path) -> None:
    doc = _doc(out, "330105")
    texts = _texts(doc)
    first, second = texts.index("1\u3000公开渠道和载体说明"), texts.index("2\u3000征地补偿")
    assert first < texts.index("本目录所列公开渠道和载体在本县（市、区）的具体载体见表1。") < second
    assert "表1\u3000公开渠道和载体说明" in texts and "表2\u3000征地补偿领域公开事项目录" in texts
    assert doc.tables[0].rows() == CHANNELS
    assert not [f for f in check_catalog_docx(out / "330105" / "docx" / "catalog.docx") if f.required]


def test_local_and_amended_rows_are_marked_and_explained(out: Path) -> None:
    doc = _doc(out, "330105")
    rows = _catalog(doc)
    assert [(r[0], r[2]) for r in rows] == [("1△", "征地管理政策"), ("2", "征地前期准备"), ("3▲", "征地信息查询")]
    notes = _notes(doc)
    assert "注2：序号后标“▲”的为本县（市、区）增补的事项，标“△”的为本县（市、区）在省级标准基础上细化了公开要求的事项。" in notes
    assert "注3：序号1（ZDBC-01-01）的本县细化说明：本区征地项目集中，缩短时限以便被征地群众及时知晓。" in notes
    assert "——ZDBC-02-02\u3000土地现状调查结果（本区无农村集体土地，不开展土地现状调查）。" in _texts(doc)


def test_domain_not_adopted_is_one_sentence(out: Path) -> None:
    doc = _doc(out, "330110")
    texts = _texts(doc)
    assert "本县（市、区）不适用本领域：本区本年度无征地项目。" in texts
    assert not any(t.rows()[0] == list(CATALOG_HEADER) for t in doc.tables)  # no empty table
    assert not any(t.startswith("——ZDBC") for t in texts) and "下列事项本县（市、区）不适用：" not in texts
    assert "1\u3000征地补偿" in texts
    assert not [f for f in check_catalog_docx(out / "330110" / "docx" / "catalog.docx") if f.required]


def test_items_not_applicable_are_listed_once_by_code(out: Path) -> None:
    check = check_workspace(out.parent / "ws")
    county = views_for(check, resolve_catalogs(check, BuildOptions(counties=("330105",), province=False),
                                               Diagnostics()))[0]
    rows = list(county.items)
    na = dataclasses.replace(rows[1], seq=None, status="not_applicable", reason="理由乙。")
    late = dataclasses.replace(rows[2], code="ZDBC-01-09", name="事项甲", reason="理由甲")
    block = county_catalog_block("2", "征地补偿领域公开事项目录", [late, rows[0], na], load_style(None))
    assert block.not_applicable == ("ZDBC-01-09\u3000事项甲（理由甲）；", f"ZDBC-02-01\u3000{na.name}（理由乙）。")
    assert [r[0] for r in block.rows] == ["1△"]


def test_seq_is_the_same_in_docx_html_and_xlsx(out: Path) -> None:
    docx = [(re.sub(r"\D", "", r[0]), r[2]) for r in _catalog(_doc(out, "330105"))]
    sheet = openpyxl.load_workbook(out / "330105" / "xlsx" / "catalog.xlsx")["征地补偿"]
    xlsx = [(str(r[0]), r[1]) for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] is not None]
    html = (out / "330105" / "site" / "domains" / "zdbc.html").read_text(encoding="utf-8")
    site = [n for n in re.findall(r'<td class="num">([^<]*)</td>', html) if n != "—"]
    assert docx == xlsx == [("1", "征地管理政策"), ("2", "征地前期准备"), ("3", "征地信息查询")]
    assert site == [seq for seq, _ in docx]
