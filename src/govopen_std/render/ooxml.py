"""A small WordprocessingML toolkit on lxml: element makers, runs with East Asian fonts, fields, section
properties, and a package writer that produces byte-identical DOCX files for identical input.

The DOCX renderer writes the package itself instead of going through python-docx's default template:
that template carries 800 KB of styles with theme fonts (which override `w:eastAsia`, see gbt1-format.md
rule 56), a thumbnail of an empty page and a random-looking document id, and python-docx stamps the zip
entries with the wall clock. Building the XML directly is also what makes large tables fast (no
`table.add_row`, whose cost grows with the table).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NSMAP = {"w": W_NS, "r": R_NS}

REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
REL_SETTINGS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
REL_FONTS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
REL_HEADER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
REL_FOOTER = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
CT_PNG = "image/png"
CT_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
CT_SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
CT_FONTS = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
CT_HEADER = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
CT_FOOTER = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = "application/vnd.openxmlformats-officedocument.extended-properties+xml"

TWIPS_PER_MM = 1440 / 25.4
ROOTS = frozenset({"w:document", "w:hdr", "w:ftr", "w:styles", "w:settings", "w:fonts"})


def qn(tag: str) -> str:
    """'w:p' -> '{namespace}p'."""
    prefix, local = tag.split(":")
    ns = {"w": W_NS, "r": R_NS, "xml": XML_NS}[prefix]
    return f"{{{ns}}}{local}"


def mm(value: float) -> int:
    """Millimetres to twips (dxa)."""
    return round(value * TWIPS_PER_MM)


def el(tag: str, attrs: dict[str, str] | None = None, *children: etree._Element) -> etree._Element:
    """An element with `w:`-prefixed attribute names, e.g. el('w:jc', {'w:val': 'center'})."""
    node = etree.Element(qn(tag), nsmap=NSMAP if tag in ROOTS else None)
    for key, value in (attrs or {}).items():
        node.set(qn(key), value)
    for child in children:
        node.append(child)
    return node


def sub(parent: etree._Element, tag: str, attrs: dict[str, str] | None = None) -> etree._Element:
    node = etree.SubElement(parent, qn(tag))
    for key, value in (attrs or {}).items():
        node.set(qn(key), value)
    return node


# --- runs ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RunFormat:
    """Direct run formatting. East Asian and Latin faces are both written: `Font.name` alone would leave
    Chinese text in the theme's East Asian font."""

    east_asia: str | None = None
    latin: str | None = None
    half_points: int | None = None
    bold: bool = False


def run_properties(fmt: RunFormat) -> etree._Element | None:
    if fmt == RunFormat():
        return None
    rpr = el("w:rPr")
    if fmt.east_asia or fmt.latin:
        attrs = {}
        if fmt.latin:
            attrs.update({"w:ascii": fmt.latin, "w:hAnsi": fmt.latin, "w:cs": fmt.latin})
        if fmt.east_asia:
            attrs["w:eastAsia"] = fmt.east_asia
        sub(rpr, "w:rFonts", attrs)
    if fmt.bold:
        sub(rpr, "w:b")
    if fmt.half_points:
        sub(rpr, "w:sz", {"w:val": str(fmt.half_points)})
        sub(rpr, "w:szCs", {"w:val": str(fmt.half_points)})
    return rpr


_CONTROL = {c: None for c in range(32) if c not in (9, 10)}  # not allowed in XML 1.0 (and \r is noise)


def clean(text: str) -> str:
    return text.translate(_CONTROL)


def text_element(text: str) -> etree._Element:
    node = el("w:t")
    text = clean(text)
    node.text = text
    if text != text.strip() or "  " in text:
        node.set(qn("xml:space"), "preserve")
    return node


def run(text: str, fmt: RunFormat | None = None) -> etree._Element:
    """A run; newlines in `text` become line breaks inside the paragraph."""
    node = el("w:r")
    rpr = run_properties(fmt) if fmt else None
    if rpr is not None:
        node.append(rpr)
    for i, line in enumerate(text.split("\n")):
        if i:
            sub(node, "w:br")
        if line:
            node.append(text_element(line))
    return node


def tab_run() -> etree._Element:
    node = el("w:r")
    sub(node, "w:tab")
    return node


def break_run(kind: str = "page") -> etree._Element:
    node = el("w:r")
    sub(node, "w:br", {"w:type": kind})
    return node


def field_runs(instruction: str, cached: str = "", fmt: RunFormat | None = None) -> list[etree._Element]:
    """A complex field (begin / instrText / separate / result / end), each part in its own run.

    `w:dirty` asks Word to recompute the result when the document is opened.
    """
    runs = []
    for part in ("begin", "instr", "separate", "result", "end"):
        node = el("w:r")
        rpr = run_properties(fmt) if fmt else None
        if rpr is not None:
            node.append(rpr)
        if part == "instr":
            instr = sub(node, "w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
        elif part == "result":
            if not cached:
                continue
            node.append(text_element(cached))
        else:
            attrs = {"w:fldCharType": part}
            if part == "begin":
                attrs["w:dirty"] = "true"
            sub(node, "w:fldChar", attrs)
        runs.append(node)
    return runs


# --- paragraphs -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ParaFormat:
    """Direct paragraph formatting on top of the paragraph style."""

    align: str | None = None  # left | center | right | both
    keep_next: bool = False
    page_break_before: bool = False
    tabs: tuple[tuple[str, int, str | None], ...] = ()  # (alignment, position in twips, leader)
    indent_left: int | None = None
    indent_right: int | None = None
    bottom_border: bool = False
    top_border: bool = False
    space_before: int | None = None  # twips
    space_after: int | None = None


def paragraph_properties(style: str | None, fmt: ParaFormat | None = None) -> etree._Element:
    """`w:pPr` with its children in schema order (pStyle, keepNext, pageBreakBefore, pBdr, tabs, spacing, ind, jc)."""
    ppr = el("w:pPr")
    if style:
        sub(ppr, "w:pStyle", {"w:val": style})
    if fmt is None:
        return ppr
    if fmt.keep_next:
        sub(ppr, "w:keepNext")
    if fmt.page_break_before:
        sub(ppr, "w:pageBreakBefore")
    if fmt.top_border or fmt.bottom_border:
        bdr = sub(ppr, "w:pBdr")
        for side, on in (("top", fmt.top_border), ("bottom", fmt.bottom_border)):
            if on:
                sub(bdr, f"w:{side}", {"w:val": "single", "w:sz": "8", "w:space": "1", "w:color": "000000"})
    if fmt.tabs:
        tabs = sub(ppr, "w:tabs")
        for align, pos, leader in fmt.tabs:
            attrs = {"w:val": align, "w:pos": str(pos)}
            if leader:
                attrs["w:leader"] = leader
            sub(tabs, "w:tab", attrs)
    if fmt.space_before is not None or fmt.space_after is not None:
        attrs = {}
        if fmt.space_before is not None:
            attrs["w:before"] = str(fmt.space_before)
        if fmt.space_after is not None:
            attrs["w:after"] = str(fmt.space_after)
        sub(ppr, "w:spacing", attrs)
    if fmt.indent_left is not None or fmt.indent_right is not None:
        attrs = {}
        if fmt.indent_left is not None:
            attrs["w:left"] = str(fmt.indent_left)
        if fmt.indent_right is not None:
            attrs["w:right"] = str(fmt.indent_right)
        attrs["w:firstLine"] = "0"
        sub(ppr, "w:ind", attrs)
    if fmt.align:
        sub(ppr, "w:jc", {"w:val": fmt.align})
    return ppr


def paragraph(style: str | None, content: str | Iterable[etree._Element] = "",
              fmt: ParaFormat | None = None, run_fmt: RunFormat | None = None) -> etree._Element:
    node = el("w:p")
    node.append(paragraph_properties(style, fmt))
    if isinstance(content, str):
        if content:
            node.append(run(content, run_fmt))
    else:
        for child in content:
            node.append(child)
    return node


def bookmark(p: etree._Element, name: str, ident: int) -> None:
    """Wrap the paragraph's content in a bookmark (the target of a PAGEREF field in the 目次)."""
    start = el("w:bookmarkStart", {"w:id": str(ident), "w:name": name})
    ppr = p.find(qn("w:pPr"))
    p.insert(1 if ppr is not None else 0, start)
    p.append(el("w:bookmarkEnd", {"w:id": str(ident)}))


# --- sections -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class HeaderRefs:
    default_header: str
    even_header: str
    default_footer: str
    even_footer: str


@dataclass(frozen=True)
class Section:
    """One `w:sectPr`: page size and margins in twips, orientation, page numbering, header/footer parts."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    header: int
    footer: int
    landscape: bool = False
    number_format: str | None = None  # decimal | upperRoman
    number_start: int | None = None
    refs: HeaderRefs | None = None
    new_page: bool = True

    def rotated(self) -> Section:
        """The landscape version: width and height swapped; the header stays at the top of the turned page."""
        return Section(self.height, self.width, self.top, self.bottom, self.left, self.right, self.header,
                       self.footer, True, self.number_format, None, self.refs, self.new_page)


def section_properties(section: Section) -> etree._Element:
    """`w:sectPr` with children in CT_SectPr order: header/footer references, type, pgSz, pgMar, pgNumType, cols."""
    sect = el("w:sectPr")
    if section.refs:
        for kind, ref_type, rid in (("w:headerReference", "default", section.refs.default_header),
                                    ("w:headerReference", "even", section.refs.even_header),
                                    ("w:footerReference", "default", section.refs.default_footer),
                                    ("w:footerReference", "even", section.refs.even_footer)):
            node = sub(sect, kind, {"w:type": ref_type})
            node.set(f"{{{R_NS}}}id", rid)
    sub(sect, "w:type", {"w:val": "nextPage" if section.new_page else "continuous"})
    size = {"w:w": str(section.width), "w:h": str(section.height)}
    if section.landscape:
        size["w:orient"] = "landscape"
    sub(sect, "w:pgSz", size)
    sub(sect, "w:pgMar", {"w:top": str(section.top), "w:right": str(section.right),
                          "w:bottom": str(section.bottom), "w:left": str(section.left),
                          "w:header": str(section.header), "w:footer": str(section.footer), "w:gutter": "0"})
    if section.number_format:
        attrs = {"w:fmt": section.number_format}
        if section.number_start is not None:
            attrs["w:start"] = str(section.number_start)
        sub(sect, "w:pgNumType", attrs)
    sub(sect, "w:cols", {"w:space": "425"})
    return sect


def section_break(section: Section) -> etree._Element:
    """An empty paragraph that ends a section after a table (a section's properties need a paragraph).

    It is one point high, so that a table filling its last page does not push it onto a blank page.
    """
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    sub(ppr, "w:spacing", {"w:before": "0", "w:after": "0", "w:line": "20", "w:lineRule": "exact"})
    sub(ppr, "w:ind", {"w:firstLine": "0"})
    ppr.append(section_properties(section))
    return p


# --- tables ------------------------------------------------------------------------------------------


def table_properties(width: int, outer: int = 12, inner: int = 4) -> etree._Element:
    """Full-width table, fixed layout, thick outer frame and thin inner lines (GB/T 1.1 10.4.2.2)."""
    tpr = el("w:tblPr")
    sub(tpr, "w:tblW", {"w:w": str(width), "w:type": "dxa"})
    sub(tpr, "w:jc", {"w:val": "center"})
    borders = sub(tpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        size = inner if side.startswith("inside") else outer
        sub(borders, f"w:{side}", {"w:val": "single", "w:sz": str(size), "w:space": "0", "w:color": "000000"})
    sub(tpr, "w:tblLayout", {"w:type": "fixed"})
    margins = sub(tpr, "w:tblCellMar")
    sub(margins, "w:left", {"w:w": "57", "w:type": "dxa"})
    sub(margins, "w:right", {"w:w": "57", "w:type": "dxa"})
    return tpr


def table_grid(widths: Sequence[int]) -> etree._Element:
    grid = el("w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", {"w:w": str(w)})
    return grid


def table_row(cells: Sequence[Sequence[etree._Element]], widths: Sequence[int], *, header: bool = False,
              bottom_thick: int | None = None) -> etree._Element:
    """A row whose cells hold the given paragraphs. Rows never split across pages; header rows repeat."""
    tr = el("w:tr")
    trpr = sub(tr, "w:trPr")
    sub(trpr, "w:cantSplit")
    if header:
        sub(trpr, "w:tblHeader")
    for paras, width in zip(cells, widths, strict=True):
        tc = sub(tr, "w:tc")
        tcpr = sub(tc, "w:tcPr")
        sub(tcpr, "w:tcW", {"w:w": str(width), "w:type": "dxa"})
        if bottom_thick:
            borders = sub(tcpr, "w:tcBorders")
            sub(borders, "w:bottom", {"w:val": "single", "w:sz": str(bottom_thick), "w:space": "0",
                                      "w:color": "000000"})
        sub(tcpr, "w:vAlign", {"w:val": "center"})
        for p in paras:
            tc.append(p)
    return tr


def proportional(weights: Sequence[float], total: int) -> list[int]:
    """Integer widths in proportion to `weights` that add up to exactly `total`."""
    s = sum(weights) or 1
    widths = [int(total * w / s) for w in weights]
    widths[-1] += total - sum(widths)
    return widths


# --- package -----------------------------------------------------------------------------------------


def xml_bytes(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@dataclass
class Package:
    """The parts of a DOCX package, written in a fixed order with fixed timestamps."""

    parts: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # name -> (content type, data)
    doc_rels: list[tuple[str, str, str]] = field(default_factory=list)  # (id, type, target)

    def add(self, name: str, content_type: str, data: bytes) -> None:
        self.parts[name] = (content_type, data)

    def relate(self, rel_type: str, target: str) -> str:
        rid = f"rId{len(self.doc_rels) + 1}"
        self.doc_rels.append((rid, rel_type, target))
        return rid

    def _content_types(self) -> bytes:
        ns = "http://schemas.openxmlformats.org/package/2006/content-types"
        root = etree.Element(f"{{{ns}}}Types", nsmap={None: ns})
        for ext, ctype in (("rels", "application/vnd.openxmlformats-package.relationships+xml"),
                           ("xml", "application/xml")):
            etree.SubElement(root, f"{{{ns}}}Default", Extension=ext, ContentType=ctype)
        for name, (ctype, _data) in self.parts.items():
            etree.SubElement(root, f"{{{ns}}}Override", PartName="/" + name, ContentType=ctype)
        return xml_bytes(root)

    @staticmethod
    def _rels(rels: Iterable[tuple[str, str, str]]) -> bytes:
        ns = "http://schemas.openxmlformats.org/package/2006/relationships"
        root = etree.Element(f"{{{ns}}}Relationships", nsmap={None: ns})
        for rid, rtype, target in rels:
            etree.SubElement(root, f"{{{ns}}}Relationship", Id=rid, Type=rtype, Target=target)
        return xml_bytes(root)

    def to_bytes(self, stamp: dt.date) -> bytes:
        """The zip; every entry carries `stamp` as its time, so equal input gives equal bytes."""
        entries = [("[Content_Types].xml", self._content_types()),
                   ("_rels/.rels", self._rels([("rId1", REL_DOC, "word/document.xml"),
                                               ("rId2", REL_CORE, "docProps/core.xml"),
                                               ("rId3", REL_APP, "docProps/app.xml")])),
                   ("word/_rels/document.xml.rels", self._rels(self.doc_rels))]
        entries += [(name, data) for name, (_ctype, data) in self.parts.items()]
        when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in entries:
                info = zipfile.ZipInfo(name, date_time=when)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3  # the same on every OS
                info.external_attr = 0o644 << 16
                archive.writestr(info, data, compresslevel=6)
        return buffer.getvalue()


def core_properties(*, title: str, subject: str, creator: str, description: str, stamp: dt.date) -> bytes:
    cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    dc = "http://purl.org/dc/elements/1.1/"
    dcterms = "http://purl.org/dc/terms/"
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    root = etree.Element(f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi})
    when = f"{stamp.isoformat()}T00:00:00Z"
    for ns, tag, value in ((dc, "title", title), (dc, "subject", subject), (dc, "creator", creator),
                           (dc, "description", description), (cp, "lastModifiedBy", creator),
                           (cp, "revision", "1"), (dcterms, "created", when), (dcterms, "modified", when)):
        node = etree.SubElement(root, f"{{{ns}}}{tag}")
        node.text = value
        if ns == dcterms:
            node.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
    return xml_bytes(root)


def app_properties(application: str) -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    etree.SubElement(root, f"{{{ns}}}Application").text = application
    etree.SubElement(root, f"{{{ns}}}DocSecurity").text = "0"
    return xml_bytes(root)
