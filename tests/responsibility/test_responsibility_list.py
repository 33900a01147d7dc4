"""The responsibility list (附件1) as DOCX and XLSX: the 73 rows of Annex 1 with the seed's months and units,
the merged cells where the seed merges them, the GB/T 9704 page, and an XLSX LibreOffice opens."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from resp_helpers import annex1_rows, printed_month, printed_units, province_view, workspace_with_registry

import docx
from conftest import MINI, require_tool, soffice_convert
from govopen_std.render.responsibility import ResponsibilityRenderer
from govopen_std.view.model import BuildView, CountyView

NUMERALS = "一二三四五六七八九"


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> BuildView:
    return province_view(workspace_with_registry(tmp_path_factory.mktemp("resp") / "ws"))


@pytest.fixture(scope="module")
def outputs(view: BuildView, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("resp-out")
    advanced: list[str] = []
    written = ResponsibilityRenderer().render(view, out, advanced.append)
    assert len(advanced) == len(written) == 2
    return {p.suffix[1:]: p for p in written}


# --- DOCX ------------------------------------------------------------------------------------------


def _tc_info(tr: Any) -> list[tuple[int, str, str | None, int]]:
    """(grid column, text, vMerge value or None, gridSpan) for every w:tc of a row."""
    cells, col = [], 0
    for tc in tr.findall(qn("w:tc")):
        tcpr = tc.find(qn("w:tcPr"))
        span_el = tcpr.find(qn("w:gridSpan")) if tcpr is not None else None
        vm_el = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
        span = int(span_el.get(qn("w:val"))) if span_el is not None else 1
        vmerge = (vm_el.get(qn("w:val")) or "continue") if vm_el is not None else None
        text = "".join(t.text or "" for t in tc.iter(qn("w:t")))
        cells.append((col, text, vmerge, span))
        col += span
    return cells


def _docx_rows(path: Path) -> tuple[list[list[str]], list[list[tuple[int, str, str | None, int]]]]:
    table = docx.Document(str(path)).tables[0]
    texts = [[cell.text for cell in row.cells] for row in table.rows]
    return texts, [_tc_info(tr) for tr in table._tbl.tr_lst]


def _is_group(cells: list[str]) -> bool:
    return len(set(cells)) == 1 and cells[0][:1] in NUMERALS and "、" in cells[0][:3]


def test_docx_has_exactly_the_73_rows_of_annex1(outputs: dict[str, Path]) -> None:
    texts, _ = _docx_rows(outputs["docx"])
    assert texts[0] == ["实施时间", "标准化项目名称", "标准化项目名称", "责任单位"]
    got, group = [], ""
    for cells in texts[1:]:
        if _is_group(cells):
            group = cells[0].split("、", 1)[1]
            continue
        month, category, title, units = cells
        # the units cell breaks its lines between two units (see test_docx_lines_break_only_between_names)
        got.append((group, category if category != title else None, title, month, units.replace("\n", "")))
    expected = [(g, sub, title, printed_month(month), printed_units(units)) for g, sub, title, month, units in annex1_rows()]
    assert len(got) == 73
    assert got == expected


def test_docx_group_headings_in_seed_order(outputs: dict[str, Path]) -> None:
    texts, infos = _docx_rows(outputs["docx"])
    headings = [cells[0] for cells in texts[1:] if _is_group(cells)]
    groups = list(dict.fromkeys(row[0] for row in annex1_rows()))
    assert headings == [f"{NUMERALS[i]}、{g}" for i, g in enumerate(groups)]
    for info, cells in zip(infos, texts, strict=True):
        if _is_group(cells):
            assert [(c[0], c[3]) for c in info] == [(0, 4)]  # one cell across the whole table


def test_docx_merges_where_the_seed_merges(outputs: dict[str, Path]) -> None:
    texts, infos = _docx_rows(outputs["docx"])
    header = infos[0]
    assert [(c[0], c[3]) for c in header] == [(0, 1), (1, 2), (3, 1)]  # 标准化项目名称 over two sub-columns
    blocks: list[list[list[tuple[int, str, str | None, int]]]] = []
    for info, cells in zip(infos[1:], texts[1:], strict=True):
        if _is_group(cells):
            blocks.append([])
        else:
            blocks[-1].append(info)
    general, domains = blocks[0], blocks[1:]
    # 基础通用标准: one month cell and one unit cell over all 15 rows; the category restarts per sub-group
    assert [_at(r, 0)[2] for r in general] == ["restart"] + ["continue"] * 14
    assert [_at(r, 3)[2] for r in general] == ["restart"] + ["continue"] * 14
    starts = [i for i, r in enumerate(general) if _at(r, 1)[2] == "restart"]
    assert starts == [0, 3, 9, 12]  # 总体要求 3, 运行管理 6, 平台 3, 评价 3
    for rows in domains:
        # the domain's 公开规范 (2017-12) alone, then one 2018-04 cell over the sub-standards
        assert _at(rows[0], 0)[2] is None and _at(rows[0], 0)[1] == "2017年12月"
        assert [_at(r, 0)[2] for r in rows[1:]] == ["restart"] + ["continue"] * (len(rows) - 2)
        assert _at(rows[1], 0)[1] == "2018年4月"
        assert [_at(r, 3)[2] for r in rows] == ["restart"] + ["continue"] * (len(rows) - 1)
        assert all(_at(r, 1)[3] == 2 for r in rows)  # the project name spans both sub-columns


def _at(info: list[tuple[int, str, str | None, int]], col: int) -> tuple[int, str, str | None, int]:
    return next(c for c in info if c[0] == col)


def test_docx_header_row_repeats(outputs: dict[str, Path]) -> None:
    table = docx.Document(str(outputs["docx"])).tables[0]
    trpr = table.rows[0]._tr.trPr
    assert trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def _east_asia(run: Any) -> str | None:
    fonts = run._r.rPr.find(qn("w:rFonts")) if run._r.rPr is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None


def test_docx_page_is_gbt9704(outputs: dict[str, Path]) -> None:
    document = docx.Document(str(outputs["docx"]))
    section = document.sections[0]
    size = section._sectPr.find(qn("w:pgSz"))
    assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")  # A4 in twips
    for margin, mm in ((section.top_margin, 37), (section.left_margin, 28)):
        assert abs(margin - Mm(mm)) <= Mm(1)
    assert abs((section.page_width - section.left_margin - section.right_margin) - Mm(156)) <= Mm(1)
    assert abs((section.page_height - section.top_margin - section.bottom_margin) - Mm(225)) <= Mm(1)
    normal = document.styles["Normal"]
    assert normal.font.size == Pt(16)
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    styles_xml = document.styles.element.xml
    assert "eastAsiaTheme" not in styles_xml and "asciiTheme" not in styles_xml
    label, title = document.paragraphs[0], document.paragraphs[1]
    assert label.text == "附件1" and _east_asia(label.runs[0]) == "黑体" and label.runs[0].font.size == Pt(16)
    assert "".join(r.text for r in title.runs).replace("\n", "") == "基层政务公开标准化规范化试点工作责任清单"
    assert all(r.font.size == Pt(22) and _east_asia(r) == "方正小标宋简体" for r in title.runs)
    cells = [c for row in document.tables[0].rows for c in row.cells]
    assert all(_east_asia(r) in ("仿宋", "黑体") for c in cells for p in c.paragraphs for r in p.runs)


def test_docx_page_numbers_in_footers(outputs: dict[str, Path]) -> None:
    section = docx.Document(str(outputs["docx"])).sections[0]
    for footer in (section.footer, section.even_page_footer):
        xml = footer._element.xml
        assert "PAGE" in xml and "— " in xml


# --- XLSX ------------------------------------------------------------------------------------------


def _xlsx_rows(path: Path) -> list[tuple[str, str | None, str, str, str]]:
    ws = openpyxl.load_workbook(path)["责任清单"]
    top: dict[tuple[int, int], Any] = {}
    for rng in ws.merged_cells.ranges:  # a merged cell keeps its value in its top-left cell only
        for r in range(rng.min_row, rng.max_row + 1):
            top[(r, rng.min_col)] = ws.cell(rng.min_row, rng.min_col).value
    rows = []
    for r in range(3, ws.max_row + 1):
        group = top.get((r, 2), ws.cell(r, 2).value)
        category = top.get((r, 4), ws.cell(r, 4).value) or None
        rows.append((str(group).split("、", 1)[1], category, ws.cell(r, 5).value, ws.cell(r, 3).value,
                     ws.cell(r, 6).value))
    return rows


def test_xlsx_has_exactly_the_73_rows_of_annex1(outputs: dict[str, Path]) -> None:
    expected = [(g, sub, title, printed_month(month), printed_units(units)) for g, sub, title, month, units in annex1_rows()]
    got = _xlsx_rows(outputs["xlsx"])
    assert len(got) == 73
    assert got == expected


def test_xlsx_merged_groups_frozen_header_filter_print_setup(outputs: dict[str, Path]) -> None:
    wb = openpyxl.load_workbook(outputs["xlsx"])
    assert wb.sheetnames == ["责任清单"]
    ws = wb["责任清单"]
    merged = {str(r) for r in ws.merged_cells.ranges}
    sizes = {"基础通用标准": 15, "征地补偿": 7, "拆迁安置": 7, "保障性住房": 6, "农村危房改造": 8,
             "扶贫救灾": 6, "市政服务": 7, "公共资源交易": 7, "义务教育": 10}
    first = 3
    for size in sizes.values():
        assert f"B{first}:B{first + size - 1}" in merged
        first += size
    assert {"D3:D5", "D6:D11", "D12:D14", "D15:D17"} <= merged  # the four categories of 基础通用标准
    assert ws.freeze_panes == "A3"
    assert ws.auto_filter.ref == "A2:G75"
    assert ws.print_title_rows == "$1:$2"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == int(ws.PAPERSIZE_A4)
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_xlsx_fonts_borders_and_page(outputs: dict[str, Path]) -> None:
    """The title in 黑体 16 over the table, the header in 黑体, the body in 仿宋 with thin borders, the long
    columns left-aligned; printed centred with page numbers in the footer, the print area the whole list."""
    ws = openpyxl.load_workbook(outputs["xlsx"])["责任清单"]
    title, head, body, units = ws["A1"], ws["A2"], ws["C3"], ws["F3"]
    assert (title.font.name, title.font.sz, title.font.b) == ("黑体", 16, True)
    assert "A1:G1" in {str(r) for r in ws.merged_cells.ranges} and ws.row_dimensions[1].height == 30
    assert (head.font.name, head.font.b, head.alignment.horizontal) == ("黑体", True, "center")
    assert (body.font.name, body.font.sz, body.alignment.horizontal) == ("仿宋", 11, "center")
    assert units.alignment.horizontal == "left" and units.alignment.wrap_text
    for cell in (head, body, units):
        assert {getattr(cell.border, s).style for s in ("left", "right", "top", "bottom")} == {"thin"}
    assert ws["A3"].data_type == "n" and ws["A3"].value == 1
    assert ws.print_area == "'责任清单'!$A$1:$G$75" and ws.print_options.horizontalCentered
    assert (ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom) == (
        0.5, 0.5, 0.75, 0.75)
    assert ws.oddFooter.center.text == "第 &P 页，共 &N 页"
    assert [ws.column_dimensions[c].width for c in "ABCDEFG"] == [6, 14, 12, 18, 30, 40, 10]


def test_outputs_are_reproducible(view: BuildView, outputs: dict[str, Path], tmp_path: Path) -> None:
    again = ResponsibilityRenderer().render(view, tmp_path, lambda _n: None)
    for path in again:
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(outputs[path.suffix[1:]].read_bytes()).digest()
    props = openpyxl.load_workbook(outputs["xlsx"]).properties
    assert props.created is not None and props.created.date() == view.build_date
    assert props.modified is not None and props.modified.date() == view.build_date
    assert docx.Document(str(outputs["docx"])).core_properties.modified.date() == view.build_date


def test_county_targets_get_no_list(view: BuildView, tmp_path: Path) -> None:
    county = dataclasses.replace(view, county=CountyView("330105", "杭州市拱墅区", "杭州市"))
    renderer = ResponsibilityRenderer()
    assert renderer.count(county) == 0
    assert renderer.render(county, tmp_path, lambda _n: None) == []
    assert not (tmp_path / "responsibility").exists()


def test_build_writes_the_list_for_the_province(tmp_path: Path) -> None:
    from conftest import run_cli

    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    result = run_cli("build", "--workspace", str(ws), "--out", str(tmp_path / "out"), "--format", "responsibility")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "responsibility").iterdir()) == [
        "responsibility-list.docx", "responsibility-list.xlsx"]


# --- LibreOffice ------------------------------------------------------------------------------------


@pytest.mark.office
def test_xlsx_opens_in_libreoffice_and_keeps_merges_and_frozen_header(outputs: dict[str, Path],
                                                                      tmp_path: Path) -> None:
    source = tmp_path / "list.xlsx"
    shutil.copy(outputs["xlsx"], source)
    pdf = soffice_convert(source, tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000
    import subprocess

    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, timeout=60).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # A4 landscape
    # LibreOffice leaves the workbook as it was: read back, merges and the frozen header are still there
    ws = openpyxl.load_workbook(source)["责任清单"]
    assert ws.freeze_panes == "A3"
    assert "B3:B17" in {str(r) for r in ws.merged_cells.ranges}
    # LibreOffice reads the structure itself: its own XLSX writer keeps the merges, the filter and the
    # printed header rows (headless mode has no view, so it drops view settings such as frozen panes)
    again = soffice_convert(source, tmp_path / "roundtrip", fmt="xlsx:Calc MS Excel 2007 XML")
    ws2 = openpyxl.load_workbook(again).worksheets[0]
    assert {"B3:B17", "B18:B24", "D3:D5"} <= {str(r) for r in ws2.merged_cells.ranges}
    assert ws2.auto_filter.ref == "A2:G75" and ws2.print_title_rows == "$1:$2"


@pytest.mark.office
def test_docx_opens_in_libreoffice(outputs: dict[str, Path], tmp_path: Path) -> None:
    source = tmp_path / "list.docx"
    shutil.copy(outputs["docx"], source)
    pdf = soffice_convert(source, tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    import subprocess

    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, timeout=60).stdout
    compact = "".join(text.split())
    assert "附件1" in compact and "工作责任清单" in compact and "教育教学仪器设备管理" in compact


@pytest.mark.office
def test_docx_lines_break_only_between_names(outputs: dict[str, Path], tmp_path: Path) -> None:
    """Laid out by LibreOffice: every month (2017年12月) and project name on one line, a category broken
    after 政务公开 (never 政务公开总 / 体要求), the units broken only between two units."""
    from pdf_lines import cell_lines, column_edges

    from conftest import require_tool
    from govopen_std.render.responsibility_docx import WIDTHS_MM

    pdftotext = require_tool("pdftotext")
    source = tmp_path / "list.docx"
    shutil.copy(outputs["docx"], source)
    pdf = soffice_convert(source, tmp_path / "pdf")
    lines = cell_lines(pdftotext, pdf, column_edges(28.0, WIDTHS_MM))
    rows = annex1_rows()
    printed = {text for _col, text in lines}
    assert {printed_month(m) for _g, _s, _t, m, _u in rows} <= printed  # 2017年12月, 2018年4月: whole lines
    assert {title for _g, _s, title, _m, _u in rows} <= printed  # no project name wraps
    categories = {sub for _g, sub, _t, _m, _u in rows if sub}
    for category in categories:  # 政务公开总体要求 → 政务公开 / 总体要求 (or whole)
        assert category in printed or {category[:4], category[4:]} <= printed, category
    units = {u.replace("(", "（").replace(")", "）") for *_rest, us in rows for u in us}
    unit_lines = [text for col, text in lines if col == 3 and text != "责任单位" and not re.fullmatch(r"—\d+—", text)]
    assert unit_lines
    for text in unit_lines:  # each line is whole units, each with the 、 or ， after it
        pieces = re.findall(r"(?:[^、，（]|（[^）]*）)+", text)  # a 、 inside （市、区） is part of the name
        assert pieces and all(piece in units for piece in pieces), text


def test_units_break_between_units_never_inside_one() -> None:
    from govopen_std.render.responsibility_docx import unit_lines

    assert unit_lines(("省国土资源厅", "试点县(市、区)政府")) == "省国土资源厅，\n试点县（市、区）政府"
    assert unit_lines(("省建设厅", "省国土资源厅", "试点县(市、区)政府")) == \
        "省建设厅、\n省国土资源厅，\n试点县（市、区）政府"
    assert unit_lines(("省质监局",)) == "省质监局"
