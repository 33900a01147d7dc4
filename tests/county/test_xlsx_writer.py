"""The SpreadsheetML writer behind the XLSX catalog and the responsibility list (`render.spreadsheetml`):
what openpyxl reads back (values and types, styles, widths, frozen header, filter, merges, print settings,
properties), the same workbook as the openpyxl-built catalog it replaced, text XML 1.0 forbids, byte-identical
packages, and files LibreOffice opens and lays out on A4 landscape."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree

from conftest import require_tool, soffice_convert
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.render import xlsx
from govopen_std.render.reproducible import save_workbook
from govopen_std.render.spreadsheetml import CellStyle, Font, PageSetup, Properties, Sheet, workbook_bytes
from govopen_std.resolve.catalog import resolve_province
from govopen_std.resolve.overlay import resolve_counties
from govopen_std.view.builder import build_view
from govopen_std.view.model import BuildView, ChannelDetail
from helpers.county import PROFILE, write_profile

DAY = dt.date(2021, 9, 15)
STYLES = (CellStyle(font=Font(bold=True), fill="D9E1F2", horizontal="center", vertical="center", wrap=True),
          CellStyle(vertical="top", wrap=True),
          CellStyle(font=Font("仿宋", 11), border=True, horizontal="left", vertical="center", wrap=True))


def _sample() -> bytes:
    """Two sheets: a catalog-like one (header, filter, print titles) and a list-like one (merges, footer)."""
    table = Sheet("目录", widths=[6, 42, 10], freeze_rows=1, autofilter="A1:C3",
                  page=PageSetup(title_rows="1:1"))
    table.append(["序号", "公开内容", "备注"], 1)
    table.append([1, "征收土地预公告", None], 2)
    table.append([None, "", 2.5], 2)
    merged = Sheet("清单", widths=[14, 30], freeze_rows=2, merges=["A1:B1", "A3:A4"],
                   page=PageSetup(landscape=False, title_rows="1:2", area="A1:B4", center_horizontally=True,
                                  margins=(0.5, 0.5, 0.75, 0.75), footer="&C第 &P 页，共 &N 页"))
    merged.append(["责任清单"], 1, height=30)
    merged.append(["分组", "名称"], [1, 1])
    merged.append(["一、基础", "总则"], [3, 3])
    merged.append([None, "规范"], [3, 0])
    return workbook_bytes([table, merged], STYLES, Properties(title="测试目录", creator="浙江省", day=DAY))


def _load(data: bytes) -> Any:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_cells_keep_their_values_types_and_styles() -> None:
    wb = _load(_sample())
    assert wb.sheetnames == ["目录", "清单"]
    ws = wb["目录"]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [["序号", "公开内容", "备注"],
                                                                  [1, "征收土地预公告", None],
                                                                  [None, None, 2.5]]
    assert ws["A2"].data_type == "n" and isinstance(ws["A2"].value, int) and ws["B2"].data_type == "s"
    head = ws["B1"]
    assert head.font.b and head.fill.fill_type == "solid" and head.fill.fgColor.rgb.endswith("D9E1F2")
    assert (head.alignment.horizontal, head.alignment.vertical, head.alignment.wrap_text) == ("center", "center", True)
    for cell in (ws["A2"], ws["C2"], ws["B3"]):  # empty cells keep the row's format
        assert (cell.alignment.vertical, cell.alignment.wrap_text, cell.font.b) == ("top", True, False)
    body = wb["清单"]["A3"]
    assert (body.font.name, body.font.sz, body.alignment.horizontal) == ("仿宋", 11, "left")
    assert all(getattr(body.border, side).style == "thin" for side in ("left", "right", "top", "bottom"))
    assert wb["清单"]["B4"].font.name != "仿宋"  # style 0: the default format


def test_sheet_view_filter_widths_and_print_settings() -> None:
    wb = _load(_sample())
    ws = wb["目录"]
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:C3"
    assert [ws.column_dimensions[c].width for c in "ABC"] == [6, 42, 10]
    assert ws.print_title_rows == "$1:$1"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert (ws.page_margins.left, ws.page_margins.top) == (0.75, 1.0)
    ls = wb["清单"]
    assert {str(r) for r in ls.merged_cells.ranges} == {"A1:B1", "A3:A4"}
    assert ls.freeze_panes == "A3" and ls.auto_filter.ref is None
    assert ls.row_dimensions[1].height == 30
    assert ls.print_title_rows == "$1:$2" and ls.print_area == "'清单'!$A$1:$B$4"
    assert ls.page_setup.orientation == "portrait" and ls.print_options.horizontalCentered
    assert (ls.page_margins.left, ls.page_margins.right, ls.page_margins.top) == (0.5, 0.5, 0.75)
    assert ls.oddFooter.center.text == "第 &P 页，共 &N 页"


def test_document_properties_come_from_the_build_date() -> None:
    props = _load(_sample()).properties
    assert (props.title, props.creator, props.lastModifiedBy) == ("测试目录", "浙江省", "浙江省")
    assert props.created == props.modified == dt.datetime(2021, 9, 15)


def test_package_is_reproducible_with_fixed_entries_and_times() -> None:
    first, second = _sample(), _sample()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        names = archive.namelist()
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[-2:] == ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]
        assert {info.date_time for info in archive.infolist()} == {(2021, 9, 15, 0, 0, 0)}
        for name in names:  # every part is well-formed XML (lxml is stricter than openpyxl's reader)
            etree.fromstring(archive.read(name))
    sheet = Sheet("S")
    sheet.append(["x"])
    old = workbook_bytes([sheet], (), Properties("t", "c", dt.date(1970, 1, 1)))
    with zipfile.ZipFile(io.BytesIO(old)) as archive:  # the zip format starts in 1980
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_text_drops_characters_xml_forbids_and_keeps_the_rest() -> None:
    sheet = Sheet("S")
    texts = ["a\x00b\x08c\x0b\x0c\x1fd\ufffe\uffff\ud800e", "<公开> & \"依据\" 'x'", "第一行\r\n第二行\t末",
             "  前后空格  ", "\x01"]
    sheet.append(texts)
    data = workbook_bytes([sheet], (), Properties("标题\x02<&>", "creator\x1b", DAY))
    wb = _load(data)
    assert [c.value for c in wb["S"][1]] == ["abcde", "<公开> & \"依据\" 'x'", "第一行\r\n第二行\t末",
                                             "  前后空格  ", None]
    assert wb.properties.title == "标题<&>" and wb.properties.creator == "creator"


def test_catalog_sheet_names_drop_forbidden_characters(mini: Path) -> None:
    view = _views(mini)["province"]
    group = view.domains[0]
    odd = [dataclasses.replace(group, title="征地\x01补偿/[测试]:*?"), dataclasses.replace(group, title="征地补偿/")]
    sheets = xlsx.build_sheets(dataclasses.replace(view, groups=tuple(odd)))
    assert [s.title for s in sheets] == ["征地补偿测试", "征地补偿"]


def test_catalog_without_domains_still_opens(mini: Path) -> None:
    view = _views(mini)["province"]
    wb = _load(xlsx.catalog_bytes(dataclasses.replace(view, groups=())))
    assert wb.sheetnames == ["目录"]
    assert list(wb["目录"].iter_rows(values_only=True)) == [tuple(xlsx.columns_for(view))]


def test_catalog_with_control_characters_is_valid(mini: Path) -> None:
    """Text a source may carry (a pasted vertical tab, a form feed) no longer breaks the workbook."""
    view = _views(mini)["330105"]
    row = view.domains[0].items[0]
    bad_row = dataclasses.replace(row, deadline="10个\x0b工作日\x0c内", note="备注\x07")
    first_group = dataclasses.replace(view.domains[0], items=(bad_row, *view.domains[0].items[1:]))
    groups = tuple(first_group if g is view.domains[0] else g for g in view.groups)
    channel = ChannelDetail("政府网站\x00", "https://example.gov.cn/\x1f")
    odd = dataclasses.replace(view, groups=groups, channel_details=(channel,))
    wb = _load(xlsx.catalog_bytes(odd))
    first = [c.value for c in wb.worksheets[0][2]]
    assert first[5] == "10个工作日内"
    assert [c.value for c in wb["公开渠道"][2]] == ["政府网站", "https://example.gov.cn/"]


# --- the catalog: the same workbook as the openpyxl renderer wrote ----------------------------------


def _views(workspace: Path) -> dict[str, BuildView]:
    write_profile(workspace, PROFILE)
    check = check_workspace(workspace)
    sources = check.sources
    base = resolve_province(sources, {p.id: p.group for p in sources.system.value.standards})
    counties = resolve_counties(sources, base, None, Diagnostics())
    views = {"province": build_view(sources, base)}
    for catalog in counties:
        view = build_view(sources, catalog)
        assert view.county is not None
        views[view.county.code] = view
    return views


def _openpyxl_catalog(view: BuildView, path: Path) -> bytes:
    """The catalog as the former renderer built it with openpyxl, cell by cell (the reference)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, PatternFill
    from openpyxl.styles import Font as XFont
    from openpyxl.utils import get_column_letter

    def header(ws: Any, columns: list[str]) -> None:
        for i, name in enumerate(columns, 1):
            cell = ws.cell(row=1, column=i)
            cell.font, cell.fill = XFont(bold=True), PatternFill("solid", fgColor="D9E1F2")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
            ws.column_dimensions[get_column_letter(i)].width = xlsx.WIDTHS.get(name, 16)
        ws.freeze_panes = "A2"
        ws.page_setup.paperSize, ws.page_setup.orientation = ws.PAPERSIZE_A4, ws.ORIENTATION_LANDSCAPE
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_title_rows = "1:1"

    def body(ws: Any, rows: list[list[Any]]) -> None:
        for values in rows:
            ws.append(values)
            for cell in ws[ws.max_row]:
                cell.alignment = Alignment(vertical="top", wrap_text=True)

    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    columns = xlsx.columns_for(view)
    for group in view.domains:
        ws = wb.create_sheet(xlsx.sheet_title(group, used))
        ws.append(columns)
        body(ws, [xlsx.row_values(view, row) for row in group.items])
        header(ws, columns)
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 2)}"
    if view.county is not None:
        ws = wb.create_sheet(xlsx.CHANNEL_SHEET)
        ws.append(xlsx.CHANNEL_COLUMNS)
        body(ws, [[d.name, d.detail] for d in view.channel_details])
        header(ws, xlsx.CHANNEL_COLUMNS)
    wb.properties.title = xlsx.catalog_title(view)
    wb.properties.creator = wb.properties.lastModifiedBy = view.issuer
    return save_workbook(wb, path, view.build_date).read_bytes()  # dated like the former renderer did


def _font(font: Any) -> tuple[Any, ...]:
    # The former workbook's default font pointed into openpyxl's theme (colour theme 1, scheme minor);
    # the new one names Calibri 11 without a theme. Both show black Calibri 11, so the theme parts are left out.
    return font.name, font.sz, bool(font.b), bool(font.i)


def _readback(data: bytes) -> dict[str, Any]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    sheets = {}
    for ws in wb.worksheets:
        cells = [(c.coordinate, c.value, c.data_type if c.value is not None else None, _font(c.font),
                  c.fill.fill_type, c.fill.fgColor.rgb if c.fill.fill_type else None,
                  tuple(getattr(c.border, s).style for s in ("left", "right", "top", "bottom")),
                  c.alignment.horizontal, c.alignment.vertical, bool(c.alignment.wrap_text), c.number_format)
                 for row in ws.iter_rows() for c in row]
        ps = ws.page_setup
        sheets[ws.title] = {
            "cells": cells, "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref, "dimensions": ws.dimensions,
            "widths": {k: d.width for k, d in ws.column_dimensions.items() if d.customWidth},
            "print": (ws.print_title_rows, ws.print_area, ps.orientation, str(ps.paperSize), ps.fitToWidth,
                      ps.fitToHeight, ws.sheet_properties.pageSetUpPr.fitToPage),
            "margins": (ws.page_margins.left, ws.page_margins.right, ws.page_margins.top, ws.page_margins.bottom)}
    p = wb.properties
    return {"names": wb.sheetnames, "sheets": sheets,
            "props": (p.title, p.creator, p.lastModifiedBy, p.created, p.modified)}


@pytest.mark.parametrize("target", ["province", "330105"])
def test_catalog_reads_back_like_the_openpyxl_workbook(mini: Path, tmp_path: Path, target: str) -> None:
    view = _views(mini)[target]
    new, old = _readback(xlsx.catalog_bytes(view)), _readback(_openpyxl_catalog(view, tmp_path / "old.xlsx"))
    assert new["names"] == old["names"] and new["props"] == old["props"]
    for name in old["names"]:
        assert new["sheets"][name] == old["sheets"][name], name
    if target != "province":
        assert new["names"][-1] == "公开渠道"


# --- LibreOffice ------------------------------------------------------------------------------------


@pytest.mark.office
def test_catalog_opens_in_libreoffice(mini: Path, tmp_path: Path) -> None:
    view = _views(mini)["330105"]
    source = tmp_path / "catalog.xlsx"
    source.write_bytes(xlsx.catalog_bytes(view))
    pdf = soffice_convert(source, tmp_path / "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, timeout=60).stdout
    width, height = (float(v) for v in info.split("Page size:")[1].split("pts")[0].split(" x "))
    assert width > height  # A4 landscape
    # LibreOffice's own XLSX writer keeps what it understood: sheets, values, the filter, the printed header
    again = soffice_convert(source, tmp_path / "roundtrip", fmt="xlsx:Calc MS Excel 2007 XML")
    wb, original = openpyxl.load_workbook(again), openpyxl.load_workbook(source)
    assert wb.sheetnames == original.sheetnames
    for ws in original.worksheets:
        theirs = wb[ws.title]
        assert list(theirs.iter_rows(values_only=True)) == list(ws.iter_rows(values_only=True))
        assert theirs.print_title_rows == "$1:$1" and theirs.page_setup.orientation == "landscape"
        assert theirs.auto_filter.ref == ws.auto_filter.ref
        assert theirs["A1"].font.b and theirs["A1"].alignment.horizontal == "center"
        if ws.max_row > 1:  # a body cell: top-aligned, wrapped
            assert theirs["B2"].alignment.wrap_text and theirs["B2"].alignment.vertical == "top"
