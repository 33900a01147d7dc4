"""GB/T 9704—2012 official-document page and type for python-docx documents (附件 tables, progress reports).

What it fixes: A4 with 天头 37 mm, 订口 28 mm and a 156 mm × 225 mm type area (GB/T 9704—2012 5.1, 5.2.1);
3号仿宋 as the default face with a 22-line grid (5.2.2–5.2.4); 附件 labels in 3号黑体 flush left and titles in
2号小标宋 centred (7.3.x); page numbers "— 1 —" in 4号宋体, right on odd and left on even pages (7.5).
East Asian faces are written explicitly (`w:eastAsia`) and theme fonts are removed, because a theme font
overrides an explicit face.
"""

from __future__ import annotations

import re
from typing import Any

from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT, WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from docx import Document

FANGSONG = "仿宋"
HEITI = "黑体"
KAITI = "楷体"
SONGTI = "宋体"
XIAOBIAOSONG = "方正小标宋简体"
SIZE_2 = 22.0  # 二号
SIZE_3 = 16.0  # 三号
SIZE_4 = 14.0  # 四号
SIZE_S4 = 12.0  # 小四
SIZE_5 = 10.5  # 五号
LINE_PITCH = 579  # twips: the 225 mm type area holds 22 lines (5.2.3)
TYPE_WIDTH_MM = 156.0


def set_fonts(rpr_owner: Any, face: str) -> None:
    """Write one face for Latin, East Asian and complex scripts, dropping theme fonts that would override it."""
    fonts = rpr_owner.get_or_add_rPr().get_or_add_rFonts()
    for attr in list(fonts.attrib):
        if attr.lower().endswith("theme"):
            del fonts.attrib[attr]
    for key in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(key), face)


def style_run(run: Any, face: str, size: float, *, bold: bool = False) -> Any:
    set_fonts(run._r, face)
    run.font.size = Pt(size)
    run.font.bold = bold
    return run


def _strip_theme_fonts(document: Any) -> None:
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        for attr in list(fonts.attrib):
            if attr.lower().endswith("theme"):
                del fonts.attrib[attr]


def _set_grid(section: Any) -> None:
    sect = section._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH))


def _page_setup(section: Any, *, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.header_distance, section.footer_distance = Mm(15), Mm(23)
    _set_grid(section)


def new_document(*, landscape: bool = False) -> Any:
    """An empty A4 document whose Normal style is 3号仿宋 on the GB/T 9704 grid."""
    document = Document()
    _strip_theme_fonts(document)
    normal = document.styles["Normal"]
    set_fonts(normal.element, FANGSONG)
    normal.font.size = Pt(SIZE_3)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    for section in document.sections:
        _page_setup(section, landscape=landscape)
    _page_numbers(document)
    return document


def _page_field(paragraph: Any) -> None:
    """— PAGE — built from runs: python-docx has no field API (rule 57)."""
    def add(text: str | None = None, fld: str | None = None, instr: str | None = None) -> None:
        run = style_run(paragraph.add_run(text or ""), SONGTI, SIZE_4)
        if fld:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), fld)
            run._r.append(node)
        if instr:
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = instr
            run._r.append(node)

    add("— ")
    add(fld="begin")
    add(instr=" PAGE ")
    add(fld="separate")
    add("1")
    add(fld="end")
    add(" —")


def _page_numbers(document: Any) -> None:
    """Odd pages: right, one character in; even pages: left, one character in (rule 47)."""
    document.settings.odd_and_even_pages_header_footer = True
    for section in document.sections:
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            paragraph = footer.paragraphs[0]
            paragraph.alignment = align
            fmt = paragraph.paragraph_format
            fmt.right_indent = Pt(SIZE_4) if align == WD_ALIGN_PARAGRAPH.RIGHT else None
            fmt.left_indent = Pt(SIZE_4) if align == WD_ALIGN_PARAGRAPH.LEFT else None
            _page_field(paragraph)


def label(document: Any, text: str) -> Any:
    """The 附件 label: 3号黑体, flush left, on the first line."""
    paragraph = document.add_paragraph()
    style_run(paragraph.add_run(text), HEITI, SIZE_3)
    return paragraph


def title(document: Any, lines: list[str]) -> Any:
    """The title in 2号小标宋, centred; `lines` as printed (a line break between them)."""
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(SIZE_3)
    paragraph.paragraph_format.space_after = Pt(SIZE_3)
    for i, line in enumerate(lines):
        run = style_run(paragraph.add_run(line), XIAOBIAOSONG, SIZE_2)
        if i < len(lines) - 1:
            run.add_break()
    return paragraph


def centered(document: Any, text: str, face: str = KAITI, size: float = SIZE_3) -> Any:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    style_run(paragraph.add_run(text), face, size)
    return paragraph


def body(document: Any, text: str, *, face: str = FANGSONG) -> Any:
    """A body paragraph: 3号, first line indented two characters."""
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.first_line_indent = Pt(2 * SIZE_3)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    style_run(paragraph.add_run(text), face, SIZE_3)
    return paragraph


def heading(document: Any, text: str) -> Any:
    """A level-one heading (一、…) in 黑体, indented like body text (rule 45)."""
    paragraph = body(document, text, face=HEITI)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def right_date(document: Any, text: str) -> Any:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.paragraph_format.right_indent = Pt(4 * SIZE_3)
    style_run(paragraph.add_run(text), FANGSONG, SIZE_3)
    return paragraph


def table(document: Any, widths_mm: list[float], rows: int) -> Any:
    """A bordered, fixed-layout table spanning the type area."""
    tbl = document.add_table(rows=rows, cols=len(widths_mm))
    tbl.style = document.styles["Table Grid"]
    tbl.alignment = WD_TABLE_ALIGNMENT.CENTER
    tbl.table_direction = WD_TABLE_DIRECTION.LTR
    tbl.autofit = False
    # the table's own width too, not "auto": Word then keeps it across the type area
    tbl_w = tbl._tbl.tblPr.find(qn("w:tblW"))
    if tbl_w is not None:
        tbl_w.set(qn("w:w"), str(int(Mm(sum(widths_mm)).twips)))
        tbl_w.set(qn("w:type"), "dxa")
    for column, width in zip(tbl.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return tbl


def narrow_margins(tbl: Any, mm: float = 1.0) -> None:
    """Left and right cell margins of `mm` (python-docx's Table Grid has 1.9 mm), so more text fits a line."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        node = OxmlElement(f"w:{side}")
        node.set(qn("w:w"), str(int(Mm(mm).twips)))
        node.set(qn("w:type"), "dxa")
        margins.append(node)
    tbl_pr = tbl._tbl.tblPr
    # CT_TblPr order: … tblW, jc, …, tblLayout, tblCellMar, tblLook …
    layout, look = tbl_pr.find(qn("w:tblLayout")), tbl_pr.find(qn("w:tblLook"))
    if layout is not None:
        layout.addnext(margins)
    elif look is not None:
        look.addprevious(margins)
    else:
        tbl_pr.append(margins)


def repeat_header(row: Any) -> None:
    """Repeat the row at the top of every page, and never split a row across pages."""
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        trpr.append(OxmlElement(tag))


def keep_row_together(row: Any) -> None:
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def cell_text(cell: Any, text: str, *, face: str = FANGSONG, size: float = SIZE_4, bold: bool = False,
              align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> None:
    """Replace the cell's text. Table lines are single-spaced and off the page grid, or rows grow to 29 pt each."""
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT

    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    for run in list(paragraph.runs):
        run._r.getparent().remove(run._r)
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:snapToGrid")) is None:
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        ppr.insert_element_before(snap, *_AFTER_SNAP)
    paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.line_spacing = 1.0
    for i, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if i:
            run.add_break()
        run.add_text(line)
        style_run(run, face, size, bold=bold)


# CT_PPr children that must follow w:snapToGrid (schema order)
_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
               "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
               "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def text_ems(text: str) -> float:
    """Width of `text` in ems as the office suites set it: CJK and full-width characters 1, ASCII at most 0.65
    (digits of the CJK faces LibreOffice falls back to), plus the ¼ em they put between Chinese and Latin or digits."""
    width = sum(0.65 if ord(ch) < 0x80 else 1.0 for ch in text)
    return width + 0.25 * len(_CJK_LATIN.findall(text))


_CJK_LATIN = re.compile(r"(?<=[\x21-\x7e])(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])(?=[\x21-\x7e])")
