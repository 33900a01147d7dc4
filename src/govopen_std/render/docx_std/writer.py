"""Outline → DOCX bytes: paragraphs and tables for each block, a section per part of the document
(cover; front matter paged I, II, …; body from 1; the landscape catalog; portrait annexes after it),
running headers with the standard number (right on odd pages, left on even) and page numbers.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from govopen_std.render import ooxml as ox
from govopen_std.render.docx_std.blocks import (
    AnnexHeading,
    Block,
    CatalogBlock,
    CountyCover,
    EndLine,
    Figure,
    Heading,
    ListItems,
    Note,
    NumberedPara,
    Outline,
    PageBreak,
    Para,
    SectionSpec,
    StandardCover,
    TableBlock,
    TermEntry,
    Toc,
)
from govopen_std.render.docx_std.figures import FlowFigure, picture_paragraph
from govopen_std.render.docx_std.style import DocxStyle
from govopen_std.render.docx_std.styles import clause_style, font_table_xml, settings_xml, styles_xml
from govopen_std.render.docx_std.tables import (
    Deferred,
    build_table,
    catalog_minimums,
    content_widths,
    fit_minimums,
    short_columns,
)
from govopen_std.render.ooxml import ParaFormat, RunFormat, paragraph, qn, run

HEADING_STYLES = {"front": "GBFrontTitle", "doc_title": "GBDocTitle", "biblio": "GBBiblioTitle"}
PARA_STYLES = {"body": None, "ref_entry": "GBRefEntry", "biblio_entry": "GBBiblioEntry", "plain": "GBPlain"}
CATALOG_CENTRED = (True, True, False, False, False, False, False, False, False, True, True, True)
LINE_FACTOR = 1.45  # line height / font size of the CJK faces LibreOffice and Word fall back to
COVER_SAFETY = 900  # twips kept free at the foot of the cover


@dataclass(frozen=True)
class Geometry:
    """Page sizes and the widths of the type area, in twips."""

    portrait: ox.Section

    @classmethod
    def from_style(cls, style: DocxStyle) -> Geometry:
        p = style.page
        return cls(ox.Section(ox.mm(p.width_mm), ox.mm(p.height_mm), ox.mm(p.margin_top_mm),
                              ox.mm(p.margin_bottom_mm), ox.mm(p.margin_left_mm), ox.mm(p.margin_right_mm),
                              ox.mm(p.header_mm), ox.mm(p.footer_mm)))

    @property
    def width(self) -> int:
        return self.portrait.width - self.portrait.left - self.portrait.right

    @property
    def landscape_width(self) -> int:
        return self.portrait.height - self.portrait.left - self.portrait.right

    @property
    def height(self) -> int:
        return self.portrait.height - self.portrait.top - self.portrait.bottom


def _line(style: DocxStyle, element: str, text: str = "", width: int | None = None) -> int:
    """Estimated height in twips of `text` set in `element`, wrapped at `width` twips."""
    size = style.element(element).size
    lines = 1
    if width and text:
        per_line = max(1, int(width / (size * 20)))
        lines = math.ceil(len(text) / per_line)
    return round(lines * size * LINE_FACTOR * 20)


# --- cover ------------------------------------------------------------------------------------------


def standard_cover(c: StandardCover, style: DocxStyle, geo: Geometry) -> list[etree._Element]:
    codes = [f"ICS {c.ics}" if c.ics else "", f"CCS {c.ccs}" if c.ccs else "",
             f"备案号：{c.record_no}" if c.record_no else ""]
    top = [paragraph("GBCoverCode", line) for line in codes]  # empty lines keep the mark in place
    top.append(paragraph("GBCoverMark", c.mark))
    # The rule runs under the level line; the number (a draft's DB33/T XXXX—XXXX) and 代替 sit under it,
    # right-aligned, as on published GB and DB covers.
    top.append(paragraph("GBCoverLevel", c.level_line, ParaFormat(space_before=240, space_after=120,
                                                                   bottom_border=True)))
    used = 3 * _line(style, "cover_code") + _line(style, "cover_mark") + _line(style, "cover_level") + 360
    if c.number:
        top.append(paragraph("GBCoverNumber", c.number, ParaFormat(space_before=120)))
        used += 120 + _line(style, "cover_number")
    if c.replaces:
        top.append(paragraph("GBCoverReplaces", f"代替{c.replaces}"))
        used += _line(style, "cover_replaces")
    title_gap = 1800
    middle = [paragraph("GBCoverTitle", c.title, ParaFormat(space_before=title_gap))]
    used += title_gap + _line(style, "cover_title", c.title, geo.width)
    if c.title_en:
        middle.append(paragraph("GBCoverTitleEn", c.title_en, ParaFormat(space_before=240)))
        used += 240 + _line(style, "cover_title_en", c.title_en[: len(c.title_en) // 2], geo.width)
    if c.stage:
        middle.append(paragraph("GBCoverStage", f"（{c.stage}）", ParaFormat(space_before=480)))
        middle.append(paragraph("GBCoverStage", f"（{style.draft_date_label}：{c.stage_date}）"))
        used += 480 + 2 * _line(style, "cover_stage")
    if c.patent_notice:
        middle.append(paragraph("GBCoverNotice", c.patent_notice, ParaFormat(space_before=480)))
        used += 480 + _line(style, "cover_notice", c.patent_notice, geo.width)
    used += _line(style, "cover_dates") + 120 + _line(style, "cover_issuer")
    gap = max(240, geo.height - used - COVER_SAFETY)
    dates = paragraph("GBCoverDates", [run(f"{c.issued} 发布"), ox.tab_run(), run(f"{c.implemented} 实施")],
                      ParaFormat(tabs=(("right", geo.width, None),), space_before=gap, bottom_border=True))
    issuer = paragraph("GBCoverIssuer", f"{c.issuer}\u3000发布", ParaFormat(space_before=120))
    return [*top, *middle, dates, issuer]


def county_cover(c: CountyCover, style: DocxStyle, geo: Geometry) -> list[etree._Element]:
    title_gap = 3600
    used = title_gap + _line(style, "cover_title", c.title, geo.width) + 480 + _line(style, "cover_stage")
    used += _line(style, "cover_dates") + 120 + _line(style, "cover_issuer")
    gap = max(240, geo.height - used - COVER_SAFETY)
    return [
        paragraph("GBCoverTitle", c.title, ParaFormat(space_before=title_gap)),
        paragraph("GBCoverStage", f"（{c.subtitle}）", ParaFormat(space_before=480)),
        paragraph("GBCoverDates", c.date_line, ParaFormat(align="center", space_before=gap, bottom_border=True)),
        paragraph("GBCoverIssuer", f"{c.issuer}\u3000发布", ParaFormat(space_before=120)),
    ]


# --- body -------------------------------------------------------------------------------------------


@dataclass
class BodyWriter:
    style: DocxStyle
    geo: Geometry
    out: list[etree._Element] = field(default_factory=list)
    deferred: Deferred = field(default_factory=Deferred)
    landscape: bool = False
    pending_break: bool = False
    bookmark_ids: int = 0
    media: Callable[[str, bytes], str] | None = None  # adds a picture to the package, returns its rId

    @property
    def width(self) -> int:
        return self.geo.landscape_width if self.landscape else self.geo.width

    def add(self, *nodes: etree._Element) -> None:
        for node in nodes:
            if self.pending_break and node.tag == qn("w:p"):
                _break_before(node)
                self.pending_break = False
            self.out.append(node)

    def mark(self, p: etree._Element, name: str | None) -> etree._Element:
        if name:
            self.bookmark_ids += 1
            ox.bookmark(p, name, self.bookmark_ids)
        return p

    def hei(self, element: str) -> RunFormat:
        hei = self.style.fonts.hei  # digits and Latin letters of a 黑体 label are 黑体 too
        return RunFormat(east_asia=hei, latin=hei, half_points=self.style.element(element).half_points)

    # one method per block type ----------------------------------------------------------------------

    def heading(self, b: Heading) -> None:
        name = HEADING_STYLES.get(b.role) or clause_style(b.level)
        self.add(self.mark(paragraph(name, b.text), b.bookmark))

    def annex_heading(self, b: AnnexHeading) -> None:
        self.add(self.mark(paragraph("GBAnnexLetter", f"附录{b.letter}"), b.bookmark),
                 paragraph("GBAnnexStatus", b.status), paragraph("GBAnnexTitle", b.title))

    def para(self, b: Para) -> None:
        self.add(paragraph(PARA_STYLES[b.role], b.text))

    def numbered(self, b: NumberedPara) -> None:
        self.add(paragraph("GBNumbered", [run(f"{b.number}\u3000", self.hei("clause")), run(b.text)]))

    def list_items(self, b: ListItems) -> None:
        self.add(*(paragraph("GBList", f"{b.marker}{entry}") for entry in b.entries))

    def note(self, b: Note) -> None:
        self.add(paragraph("GBNote", [run(b.label, self.hei("note")), run(b.text)]))

    def term(self, b: TermEntry) -> None:
        runs = [run(b.term)]
        if b.en:  # the English equivalent sits on the term's 黑体 line (GB/T 1.1—2020 Table F.1)
            runs.append(run(f"\u3000{b.en}"))
        self.add(paragraph("GBTermNumber", b.number), paragraph("GBTerm", runs), paragraph(None, b.definition))
        if b.note:
            self.note(Note("注：", b.note))
        if b.source:
            self.add(paragraph(None, b.source if b.source.startswith("[") else f"[来源：{b.source}]"))

    def table(self, b: TableBlock) -> None:
        widths = content_widths(b.header, b.rows, self.width)
        self.add(paragraph("GBTableCaption", b.caption_text),
                 build_table(b.header, b.rows, widths, short_columns(b.header, b.rows), self.deferred))

    def catalog(self, b: CatalogBlock) -> None:
        widths = fit_minimums(ox.proportional(b.weights, self.width), catalog_minimums(b), self.width)
        notes = (b.legend, *b.notes)
        # one note is 注, several are 注1、注2 (GB/T 1.1—2020 10.4.2.5); they sit inside the table's frame
        cells = [paragraph("GBTableNote", [run(f"注{i if len(notes) > 1 else ''}：", self.hei("note")), run(text)])
                 for i, text in enumerate(notes, 1)]
        self.add(paragraph("GBTableCaption", b.caption_text),
                 build_table(b.header, b.rows, widths, CATALOG_CENTRED, self.deferred, cells))
        if b.not_applicable:
            self.add(paragraph("GBPlain", b.not_applicable_lead))
            self.list_items(ListItems(b.not_applicable))

    def toc(self, b: Toc) -> None:
        self.add(paragraph("GBFrontTitle", b.title))
        tabs = (("right", self.width, "dot"),)
        for e in b.entries:
            page = [run(e.page)] if e.page else ox.field_runs(f"PAGEREF {e.bookmark} \\h")
            self.add(paragraph(f"GBToc{min(e.level, 2)}", [run(e.text), ox.tab_run(), *page], ParaFormat(tabs=tabs)))

    def figure(self, b: Figure) -> None:
        """The picture centred, kept with its caption below it (GB/T 1.1—2020: 图题 under the figure)."""
        if self.media is None:
            return
        rid = self.media(f"figure{b.number}.png", b.png)
        cx, cy = FlowFigure(b.number, b.caption, "", b.png, b.svg).size_emu(self.width * 635 * 3 // 4)
        self.add(picture_paragraph("GBFigure", rid, cx, cy, int(b.number), f"图{b.number}"),
                 paragraph("GBFigureCaption", f"图{b.number}\u3000{b.caption}"))

    def end_line(self, _b: EndLine) -> None:
        inset = self.width * 3 // 8
        self.add(paragraph("GBEndLine", "", ParaFormat(bottom_border=True, indent_left=inset, indent_right=inset)))

    def write(self, block: Block) -> None:
        match block:
            case PageBreak():
                self.pending_break = True
            case StandardCover():
                self.add(*standard_cover(block, self.style, self.geo))
            case CountyCover():
                self.add(*county_cover(block, self.style, self.geo))
            case Heading():
                self.heading(block)
            case AnnexHeading():
                self.annex_heading(block)
            case Para():
                self.para(block)
            case NumberedPara():
                self.numbered(block)
            case ListItems():
                self.list_items(block)
            case Note():
                self.note(block)
            case TermEntry():
                self.term(block)
            case TableBlock():
                self.table(block)
            case CatalogBlock():
                self.catalog(block)
            case Toc():
                self.toc(block)
            case EndLine():
                self.end_line(block)
            case Figure():
                self.figure(block)


def _break_before(p: etree._Element) -> None:
    """Start this paragraph on a new page (`w:pageBreakBefore` after pStyle/keepNext/keepLines)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        ppr = ox.el("w:pPr")
        p.insert(0, ppr)
    leading = {qn("w:pStyle"), qn("w:keepNext"), qn("w:keepLines")}
    index = sum(1 for child in ppr if child.tag in leading)
    ppr.insert(index, ox.el("w:pageBreakBefore"))


# --- sections, headers, package ------------------------------------------------------------------------


def section_for(spec: SectionSpec, previous: str | None, geo: Geometry, refs: ox.HeaderRefs) -> ox.Section:
    base = geo.portrait
    if spec.kind == "cover":
        return base
    start = 1 if previous in ("cover", "front") else None
    fmt = "upperRoman" if spec.kind == "front" else "decimal"
    page = base.rotated() if spec.kind == "landscape" else base
    return ox.Section(page.width, page.height, page.top, page.bottom, page.left, page.right, page.header,
                      page.footer, page.landscape, fmt, start, refs)


def _end_section(out: list[etree._Element], section: ox.Section) -> None:
    """Put the section's properties into its last paragraph (an extra empty paragraph could spill onto
    a page of its own); after a table, an empty paragraph is needed anyway."""
    last = out[-1] if out else None
    if last is not None and last.tag == qn("w:p"):
        ppr = last.find(qn("w:pPr"))
        if ppr is None:
            ppr = ox.el("w:pPr")
            last.insert(0, ppr)
        ppr.append(ox.section_properties(section))
    else:
        out.append(ox.section_break(section))


def header_part(root_tag: str, style_id: str, align: str, content: list[etree._Element]) -> bytes:
    root = ox.el(root_tag)
    root.append(paragraph(style_id, content, ParaFormat(align=align)))
    return ox.xml_bytes(root)


def document_xml(outline: Outline, style: DocxStyle, geo: Geometry, refs: ox.HeaderRefs,
                 media: Callable[[str, bytes], str] | None = None) -> bytes:
    document = ox.el("w:document")
    body = ox.sub(document, "w:body")
    writer = BodyWriter(style, geo, media=media)
    previous: str | None = None
    sections = [s for s in outline.sections if s.blocks]
    for i, spec in enumerate(sections):
        writer.out = []
        writer.landscape = spec.kind == "landscape"
        writer.pending_break = False  # a section break already starts a new page
        for block in spec.blocks:
            writer.write(block)
        section = section_for(spec, previous, geo, refs)
        if i < len(sections) - 1:
            _end_section(writer.out, section)
        for node in writer.out:
            body.append(node)
        if i == len(sections) - 1:
            body.append(ox.section_properties(section))
        previous = spec.kind
    return writer.deferred.splice(ox.xml_bytes(document))


def docx_bytes(outline: Outline, style: DocxStyle, build_date: dt.date, *, subject: str) -> bytes:
    geo = Geometry.from_style(style)
    pkg = ox.Package()
    pkg.relate(ox.REL_STYLES, "styles.xml")
    pkg.relate(ox.REL_SETTINGS, "settings.xml")
    pkg.relate(ox.REL_FONTS, "fontTable.xml")
    refs = ox.HeaderRefs(pkg.relate(ox.REL_HEADER, "header1.xml"), pkg.relate(ox.REL_HEADER, "header2.xml"),
                         pkg.relate(ox.REL_FOOTER, "footer1.xml"), pkg.relate(ox.REL_FOOTER, "footer2.xml"))

    def media(name: str, data: bytes) -> str:
        pkg.add(f"word/media/{name}", ox.CT_PNG, data)
        return pkg.relate(ox.REL_IMAGE, f"media/{name}")

    pkg.add("word/document.xml", ox.CT_MAIN, document_xml(outline, style, geo, refs, media))
    pkg.add("word/styles.xml", ox.CT_STYLES, styles_xml(style))
    pkg.add("word/settings.xml", ox.CT_SETTINGS, settings_xml())
    pkg.add("word/fontTable.xml", ox.CT_FONTS, font_table_xml(style))
    for name, tag, sid, align, content in (
        ("header1.xml", "w:hdr", "GBHeader", "right", [run(outline.header_text)]),
        ("header2.xml", "w:hdr", "GBHeader", "left", [run(outline.header_text)]),
        ("footer1.xml", "w:ftr", "GBFooter", "right", ox.field_runs("PAGE", "1")),
        ("footer2.xml", "w:ftr", "GBFooter", "left", ox.field_runs("PAGE", "1")),
    ):
        pkg.add(f"word/{name}", ox.CT_HEADER if tag == "w:hdr" else ox.CT_FOOTER, header_part(tag, sid, align, content))
    pkg.add("docProps/core.xml", ox.CT_CORE, ox.core_properties(
        title=outline.title, subject=subject, creator=style.issuer, description=outline.description,
        stamp=build_date))
    pkg.add("docProps/app.xml", ox.CT_APP, ox.app_properties("govopen"))
    return pkg.to_bytes(build_date)
