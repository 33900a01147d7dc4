"""styles.xml, settings.xml and fontTable.xml of a standard text.

Every paragraph style names its East Asian face in `w:eastAsia` and its size in half-points, taken from
the style template (Table F.1 of GB/T 1.1—2020); docDefaults carry no theme fonts, which would otherwise
override the explicit names.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from govopen_std.render.docx_std.style import DocxStyle
from govopen_std.render.ooxml import el, sub, xml_bytes

HALF_LINE = 156  # twips: half a line of 五号 text, the usual space around chapter titles


@dataclass(frozen=True)
class StyleDef:
    id: str
    name: str
    element: str  # key of DocxStyle.elements
    align: str | None = "left"
    first_line_chars: int = 0  # hundredths of a character (200 = two characters)
    hanging_chars: int = 0
    left_chars: int = 0
    keep_next: bool = False
    outline: int | None = None
    before: int = 0
    after: int = 0


STYLES: tuple[StyleDef, ...] = (
    StyleDef("Normal", "Normal", "body", "both", first_line_chars=200),
    StyleDef("GBCoverCode", "封面_分类号", "cover_code"),
    StyleDef("GBCoverMark", "封面_文件代号", "cover_mark", "right"),
    StyleDef("GBCoverLevel", "封面_文件层次", "cover_level", "center"),
    StyleDef("GBCoverNumber", "封面_文件编号", "cover_number", "right"),
    StyleDef("GBCoverReplaces", "封面_代替", "cover_replaces", "right"),
    StyleDef("GBCoverTitle", "封面_文件名称", "cover_title", "center"),
    StyleDef("GBCoverTitleEn", "封面_英文译名", "cover_title_en", "center"),
    StyleDef("GBCoverStage", "封面_草案阶段", "cover_stage", "center"),
    StyleDef("GBCoverNotice", "封面_专利提示", "cover_notice", "center"),
    StyleDef("GBCoverDates", "封面_日期", "cover_dates"),
    StyleDef("GBCoverIssuer", "封面_发布机构", "cover_issuer", "center"),
    StyleDef("GBFrontTitle", "标准_前言目次标题", "front_title", "center", keep_next=True, outline=0,
             after=2 * HALF_LINE),
    StyleDef("GBToc1", "标准_目次一级", "toc_entry"),
    StyleDef("GBToc2", "标准_目次二级", "toc_entry", left_chars=200),
    StyleDef("GBDocTitle", "标准_正文首页文件名称", "doc_title", "center", keep_next=True, after=3 * HALF_LINE),
    StyleDef("GBChapter", "标准_章标题", "chapter", keep_next=True, outline=0, before=HALF_LINE, after=HALF_LINE),
    StyleDef("GBClause2", "标准_一级条标题", "clause", keep_next=True, outline=1, before=HALF_LINE // 2,
             after=HALF_LINE // 2),
    StyleDef("GBClause3", "标准_二级条标题", "clause", keep_next=True, outline=2),
    StyleDef("GBClause4", "标准_三级条标题", "clause", keep_next=True, outline=3),
    StyleDef("GBClause5", "标准_四级条标题", "clause", keep_next=True, outline=4),
    StyleDef("GBNumbered", "标准_无标题条", "body", "both"),
    StyleDef("GBRefEntry", "标准_规范性引用文件", "body", "both", first_line_chars=200),
    StyleDef("GBList", "标准_破折号列项", "body", "both", left_chars=400, hanging_chars=200),
    StyleDef("GBNote", "标准_注", "note", "both", left_chars=400, hanging_chars=200),
    StyleDef("GBTermNumber", "标准_术语条目编号", "term_number", keep_next=True, before=HALF_LINE // 2),
    StyleDef("GBTerm", "标准_术语", "term", keep_next=True),
    StyleDef("GBAnnexLetter", "标准_附录标识", "annex_heading", "center", keep_next=True, outline=0),
    StyleDef("GBAnnexStatus", "标准_附录性质", "annex_heading", "center", keep_next=True),
    StyleDef("GBAnnexTitle", "标准_附录标题", "annex_heading", "center", keep_next=True, after=2 * HALF_LINE),
    StyleDef("GBBiblioTitle", "标准_参考文献标题", "biblio_title", "center", keep_next=True, outline=0,
             after=2 * HALF_LINE),
    StyleDef("GBBiblioEntry", "标准_参考文献条目", "body", "both", left_chars=400, hanging_chars=400),
    StyleDef("GBTableCaption", "标准_表标题", "table_caption", "center", keep_next=True, before=HALF_LINE // 2,
             after=HALF_LINE // 2),
    StyleDef("GBFigure", "标准_图", "body", "center", keep_next=True, before=HALF_LINE // 2),
    StyleDef("GBFigureCaption", "标准_图标题", "table_caption", "center", before=HALF_LINE // 2, after=HALF_LINE // 2),
    StyleDef("GBTableHeader", "标准_表头", "table_header", "center"),
    StyleDef("GBTableText", "标准_表格文字", "table_text"),
    StyleDef("GBTableCenter", "标准_表格文字居中", "table_text", "center"),
    StyleDef("GBTableNote", "标准_表注", "note", "both", left_chars=200, hanging_chars=200),
    StyleDef("GBPlain", "标准_无缩进段", "body", "both"),
    StyleDef("GBEndLine", "标准_终结线", "body", "center", before=2 * HALF_LINE),
    StyleDef("GBHeader", "标准_书眉", "header"),
    StyleDef("GBFooter", "标准_页码", "footer"),
)

CLAUSE_STYLES = {2: "GBClause2", 3: "GBClause3", 4: "GBClause4"}


def clause_style(level: int) -> str:
    return "GBChapter" if level <= 1 else CLAUSE_STYLES.get(level, "GBClause5")


def _chars_to_twips(chars: int, half_points: int) -> int:
    """Hundredths of a character to twips at the given size (Word needs both forms)."""
    return round(chars / 100 * half_points * 10)


def _style_ppr(d: StyleDef, half_points: int) -> etree._Element:
    ppr = el("w:pPr")
    if d.keep_next:
        sub(ppr, "w:keepNext")
    sub(ppr, "w:spacing", {"w:before": str(d.before), "w:after": str(d.after), "w:line": "240",
                           "w:lineRule": "auto"})
    ind: dict[str, str] = {}
    if d.left_chars:
        ind.update({"w:leftChars": str(d.left_chars), "w:left": str(_chars_to_twips(d.left_chars, half_points))})
    if d.hanging_chars:
        ind.update({"w:hangingChars": str(d.hanging_chars),
                    "w:hanging": str(_chars_to_twips(d.hanging_chars, half_points))})
    elif d.first_line_chars:
        ind.update({"w:firstLineChars": str(d.first_line_chars),
                    "w:firstLine": str(_chars_to_twips(d.first_line_chars, half_points))})
    else:
        ind.update({"w:firstLineChars": "0", "w:firstLine": "0"})
    sub(ppr, "w:ind", ind)
    if d.align:
        sub(ppr, "w:jc", {"w:val": d.align})
    if d.outline is not None:
        sub(ppr, "w:outlineLvl", {"w:val": str(d.outline)})
    return ppr


def _rpr(style: DocxStyle, element: str) -> etree._Element:
    spec = style.element(element)
    rpr = el("w:rPr")
    latin = style.latin_face(element)
    sub(rpr, "w:rFonts", {"w:ascii": latin, "w:hAnsi": latin, "w:cs": latin, "w:eastAsia": style.face(element)})
    sub(rpr, "w:sz", {"w:val": str(spec.half_points)})
    sub(rpr, "w:szCs", {"w:val": str(spec.half_points)})
    return rpr


def styles_xml(style: DocxStyle) -> bytes:
    root = el("w:styles")
    defaults = sub(root, "w:docDefaults")
    rpr_default = sub(sub(defaults, "w:rPrDefault"), "w:rPr")
    body = style.element("body")
    sub(rpr_default, "w:rFonts", {"w:ascii": style.fonts.latin, "w:hAnsi": style.fonts.latin,
                                  "w:cs": style.fonts.latin, "w:eastAsia": style.fonts.song})
    sub(rpr_default, "w:kern", {"w:val": "2"})
    sub(rpr_default, "w:sz", {"w:val": str(body.half_points)})
    sub(rpr_default, "w:szCs", {"w:val": str(body.half_points)})
    sub(rpr_default, "w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"})
    ppr_default = sub(sub(defaults, "w:pPrDefault"), "w:pPr")
    sub(ppr_default, "w:spacing", {"w:after": "0", "w:line": "240", "w:lineRule": "auto"})
    for d in STYLES:
        attrs = {"w:type": "paragraph", "w:styleId": d.id}
        if d.id == "Normal":
            attrs["w:default"] = "1"
        node = sub(root, "w:style", attrs)
        sub(node, "w:name", {"w:val": d.name})
        if d.id != "Normal":
            sub(node, "w:basedOn", {"w:val": "Normal"})
        sub(node, "w:qFormat")
        node.append(_style_ppr(d, style.element(d.element).half_points))
        node.append(_rpr(style, d.element))
    font = sub(root, "w:style", {"w:type": "character", "w:default": "1", "w:styleId": "DefaultParagraphFont"})
    sub(font, "w:name", {"w:val": "Default Paragraph Font"})
    table = sub(root, "w:style", {"w:type": "table", "w:default": "1", "w:styleId": "TableNormal"})
    sub(table, "w:name", {"w:val": "Normal Table"})
    tpr = sub(table, "w:tblPr")
    sub(tpr, "w:tblInd", {"w:w": "0", "w:type": "dxa"})
    margins = sub(tpr, "w:tblCellMar")
    for side, width in (("top", "0"), ("left", "108"), ("bottom", "0"), ("right", "108")):
        sub(margins, f"w:{side}", {"w:w": width, "w:type": "dxa"})
    return xml_bytes(root)


def settings_xml() -> bytes:
    """Odd/even headers (number right on odd pages, left on even), fields refreshed on open, CJK layout."""
    root = el("w:settings")  # children in CT_Settings order
    sub(root, "w:defaultTabStop", {"w:val": "420"})
    sub(root, "w:evenAndOddHeaders")
    sub(root, "w:characterSpacingControl", {"w:val": "compressPunctuation"})
    sub(root, "w:updateFields", {"w:val": "true"})
    compat = sub(root, "w:compat")
    sub(compat, "w:useFELayout")
    sub(compat, "w:compatSetting", {"w:name": "compatibilityMode", "w:uri": "http://schemas.microsoft.com/office/word",
                                    "w:val": "15"})
    sub(root, "w:themeFontLang", {"w:val": "en-US", "w:eastAsia": "zh-CN"})
    sub(root, "w:decimalSymbol", {"w:val": "."})
    sub(root, "w:listSeparator", {"w:val": ","})
    return xml_bytes(root)


def font_table_xml(style: DocxStyle) -> bytes:
    """Declares the Chinese faces with their English names and the GB2312 charset, so that Word on a
    system without the Chinese names still finds SimSun / SimHei."""
    root = el("w:fonts")
    names = sorted({style.fonts.song, style.fonts.hei, style.fonts.latin})
    for name in names:
        node = sub(root, "w:font", {"w:name": name})
        alt = style.font_alt_names.get(name)
        if alt:
            sub(node, "w:altName", {"w:val": alt})
        sub(node, "w:charset", {"w:val": "86" if alt else "00"})
        sub(node, "w:family", {"w:val": "roman" if name == style.fonts.latin else "auto"})
        sub(node, "w:pitch", {"w:val": "variable"})
    return xml_bytes(root)
