"""The quarterly progress report files as a reader gets them: DOCX tables over the whole type area with an
已发布 column for every unit, the closing signature (reporting body and date, GB/T 9704), lines that
LibreOffice does not break inside a month or a name, and an XLSX whose columns say what they hold and
whose sheets print on A4."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from resp_helpers import registry_of, sources_of, workspace_with_registry

import docx
from conftest import require_tool, run_cli, soffice_convert
from govopen_std.progress.compute import compute_progress, reporting_body

TYPE_WIDTH = Mm(156)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return workspace_with_registry(tmp_path_factory.mktemp("quarterly") / "ws")


def _report(ws: Path, target: Path, *args: str) -> Path:
    result = run_cli("status", "--workspace", str(ws), "--as-of", "2018-03-31", "--out", str(target), *args)
    assert result.exit_code == 0, result.stderr
    return target


@pytest.fixture(scope="module")
def report(ws: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _report(ws, tmp_path_factory.mktemp("report") / "report.docx", "--format", "docx")


def _grid_width(table: Any) -> int:
    return sum(int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol")))


def test_every_table_spans_the_type_area(report: Path) -> None:
    document = docx.Document(str(report))
    assert len(document.tables) == 3
    for table in document.tables:
        tbl_w = table._tbl.tblPr.find(qn("w:tblW"))
        assert tbl_w.get(qn("w:type")) == "dxa" and abs(int(tbl_w.get(qn("w:w"))) - TYPE_WIDTH.twips) <= 20
        assert abs(_grid_width(table) - TYPE_WIDTH.twips) <= 20


def test_the_unit_table_has_a_published_column(report: Path) -> None:
    units = docx.Document(str(report)).tables[1]
    rows = [[c.text for c in row.cells] for row in units.rows]
    assert rows[0] == ["责任单位", "统计日的机构名称", "计划", "应完成", "已完成", "逾期", "已发布"]
    assert all(len(r) == 7 and r[6].isdigit() for r in rows[1:])
    assert any(r[0] == "试点县（市、区）政府" for r in rows)  # full-width brackets in the view


def test_overdue_standards_are_grouped_like_the_list(report: Path) -> None:
    overdue = docx.Document(str(report)).tables[2]
    rows = [[c.text for c in row.cells] for row in overdue.rows]
    assert rows[0] == ["序号", "标准", "计划时间", "当前阶段", "责任单位"]
    headings = [r[0] for r in rows[1:] if len(set(r)) == 1]
    assert headings[:2] == ["基础通用标准", "征地补偿"]
    numbered = [r for r in rows[1:] if len(set(r)) > 1]
    assert [r[0] for r in numbered] == [str(i) for i in range(1, len(numbered) + 1)]


def _ems(text: str) -> float:
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def test_the_report_closes_with_the_reporting_body_and_the_date(report: Path) -> None:
    """GB/T 9704—2012 7.3.5.2 (no seal): the body two characters from the right, the date below it
    starting two characters further right than the body."""
    paragraphs = docx.Document(str(report)).paragraphs
    body, date = paragraphs[-2], paragraphs[-1]
    assert body.text == "浙江省质量技术监督局"  # the coordinating body, named as on 2018-03-31
    assert date.text == "2018年3月31日"
    assert paragraphs[-3].text == ""  # one empty line after the text
    char = Pt(16)
    assert body.paragraph_format.right_indent == 2 * char
    body_start = body.paragraph_format.right_indent + _ems(body.text) * char
    date_start = date.paragraph_format.right_indent + _ems(date.text) * char
    assert abs((body_start - date_start) - 2 * char) <= 0.5 * char


def test_the_reporting_body_follows_the_unit_the_date_and_by(ws: Path, tmp_path: Path) -> None:
    sources = sources_of(ws)
    registry = registry_of(sources)
    assert reporting_body(registry, (), dt.date(2018, 3, 31)) == "浙江省质量技术监督局"
    assert reporting_body(registry, (), dt.date(2019, 1, 1)) == "浙江省市场监督管理局"  # after the 2018 reform
    assert reporting_body(registry, ("省农办",), dt.date(2019, 1, 1)) == "浙江省农业农村厅"
    assert reporting_body(None, ("试点县(市、区)政府",), dt.date(2018, 1, 1)) == "试点县（市、区）政府"
    assert sources.system is not None
    report = compute_progress(sources.system.value, registry, as_of=dt.date(2018, 3, 31), reporter="省政府办公厅")
    assert report.reporter == "省政府办公厅"
    named = _report(ws, tmp_path / "by.docx", "--format", "docx", "--by", "浙江省人民政府办公厅")
    assert docx.Document(str(named)).paragraphs[-2].text == "浙江省人民政府办公厅"


def test_xlsx_columns_say_what_they_hold_and_every_sheet_prints_on_a4(ws: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(_report(ws, tmp_path / "report.xlsx", "--format", "xlsx"))
    standards = wb["标准"]
    head = [c.value for c in standards[1]]
    assert "应完成日期" not in head and "逾期起算日" in head
    gen01 = next(r for r in standards.iter_rows(min_row=2, values_only=True) if r[0] == "gen-01")
    assert gen01[head.index("计划时间")] == "2017年12月" and gen01[head.index("逾期起算日")] == "2018-01-01"
    for sheet in wb.worksheets:
        assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4), sheet.title
        assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
        assert sheet.print_options.horizontalCentered, sheet.title
        assert "&P" in (sheet.oddFooter.center.text or ""), sheet.title
        assert sheet.page_setup.orientation == ("portrait" if sheet.title == "概况" else "landscape")
    for title in ("分组", "责任单位", "标准", "本季度变化"):
        assert wb[title].print_title_rows == "$1:$1"


@pytest.mark.office
def test_libreoffice_keeps_months_and_names_on_one_line(report: Path, tmp_path: Path) -> None:
    from pdf_lines import cell_lines, column_edges

    pdftotext = require_tool("pdftotext")
    pdf = soffice_convert(report, tmp_path / "pdf")
    overdue = docx.Document(str(report)).tables[2]
    widths = [int(c.get(qn("w:w"))) / Mm(1).twips for c in overdue._tbl.tblGrid.findall(qn("w:gridCol"))]
    lines = [text for col, text in cell_lines(pdftotext, pdf, column_edges(28.0, widths))]
    assert "2017年12月" in lines  # as of 2018-03-31 only the 2017-12 standards are overdue
    assert not any(re.fullmatch(r"\d{4}年\d*", text) for text in lines)  # no month broken after 年 or 12
    # whole names, one or two to a line: the column is wider now that spare width is shared (issue 15)
    assert any("试点县（市、区）政府" in text for text in lines)
    assert not any(text.endswith(("试点县（市、", "试点县")) for text in lines)


def test_the_terminal_shows_full_width_brackets(ws: Path) -> None:
    result = run_cli("status", "--workspace", str(ws), "--as-of", "2018-03-31")
    assert result.exit_code == 0, result.stderr
    squashed = "".join(result.stdout.split())
    assert "试点县（市、区）政府" in squashed and "试点县(市、区)政府" not in squashed


def _paragraph_texts(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs]


def test_bodies_are_named_as_on_the_report_date(report: Path) -> None:
    units = docx.Document(str(report)).tables[1]
    names = {row.cells[0].text: row.cells[1].text for row in units.rows[1:]}
    assert names  # issue 15: a report of 2018-03-31 predates the 2018 institutional reform
    assert names["省国土资源厅"] == "浙江省国土资源厅"
    assert names["省民政厅"] == "浙江省民政厅"
    assert names["省质监局"] == "浙江省质量技术监督局"
    cells = "".join(c.text for row in units.rows for c in row.cells)
    assert "自然资源厅" not in cells and "应急管理厅" not in cells and "市场监督管理局" not in cells


def test_tables_have_captions_and_no_event_line_is_said_twice(report: Path) -> None:
    texts = _paragraph_texts(report)
    captions = [t for t in texts if re.fullmatch(r"表\d\u3000\S+", t)]
    assert captions == ["表1\u3000各分组进展情况", "表2\u3000各责任单位进展情况", "表3\u3000逾期未发布的标准"]
    joined = "\n".join(texts)
    assert "0次" not in joined and joined.count("未记录状态变化") == 1
    assert texts[texts.index("四、本季度状态变化") + 1] == "无。"


def test_no_column_takes_most_of_the_page(report: Path) -> None:
    tables = docx.Document(str(report)).tables
    assert tables
    for table in tables:
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert max(widths) < 0.5 * sum(widths), widths
        heads = [c.text for c in table.rows[0].cells]
        for head, width in zip(heads, widths, strict=True):  # a header word never breaks (计/划)
            assert width >= Pt(10.5 * len(head)).twips, (head, width)


def test_file_properties_name_govopen(report: Path) -> None:
    import zipfile

    with zipfile.ZipFile(report) as z:
        app, core = z.read("docProps/app.xml").decode(), z.read("docProps/core.xml").decode()
    assert "<Application>govopen</Application>" in app
    assert "Macintosh" not in app and "python-docx" not in core
