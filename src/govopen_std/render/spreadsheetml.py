"""A small SpreadsheetML (XLSX) writer: sheets built as XML text, a fixed set of cell styles, a reproducible zip.

The XLSX renderers (the catalog workbook, the responsibility list) write their packages through this module
instead of openpyxl: openpyxl hashes and registers a style object for every styled cell, which made a
1,000-row catalog cost about a second — too slow for thousands of counties. Here a renderer declares its few
cell formats up front (`CellStyle`, referred to by position), appends rows of plain values to a `Sheet`
(each row is serialised to XML at once) and `workbook_bytes` assembles the parts: workbook, styles, sheets,
content types, relationships and document properties dated from the build date, zipped in a fixed order
with fixed timestamps (`reproducible.zip_bytes`), so equal input gives equal bytes.

What the renderers need and no more: inline strings, numbers, empty styled cells, column widths, row
heights, merged cells, a frozen header, an autofilter, print titles and print area (defined names), page
setup (A4, orientation, fit to width, margins, centring, footer). Characters XML 1.0 forbids are dropped
from text, so any text a source may carry gives a valid file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from govopen_std.render.reproducible import zip_bytes

CellValue = str | int | float | None

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_DOC = f"{REL_NS}/officeDocument"
REL_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
REL_APP = f"{REL_NS}/extended-properties"
REL_SHEET = f"{REL_NS}/worksheet"
REL_STYLES = f"{REL_NS}/styles"
CT_PREFIX = "application/vnd.openxmlformats-officedocument"
CT_WORKBOOK = f"{CT_PREFIX}.spreadsheetml.sheet.main+xml"
CT_SHEET = f"{CT_PREFIX}.spreadsheetml.worksheet+xml"
CT_STYLES = f"{CT_PREFIX}.spreadsheetml.styles+xml"
CT_CORE = "application/vnd.openxmlformats-package.core-properties+xml"
CT_APP = f"{CT_PREFIX}.extended-properties+xml"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
PAPER_A4 = 9

# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPECIAL = re.compile("[&<>\"\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CELL_REF = re.compile(r"([A-Z]+)(\d+)")


def xml_text(value: str) -> str:
    """`value` escaped for element text or a quoted attribute, with characters XML 1.0 forbids removed.

    A carriage return is written as a character reference: a literal one would be read back as a line feed.
    """
    if _SPECIAL.search(value) is None:  # the common case: nothing to do
        return value
    value = _FORBIDDEN.sub("", value)
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
            .replace("\r", "&#13;"))


def xml_clean(value: str) -> str:
    """`value` without the characters XML 1.0 forbids (for names that are compared before escaping)."""
    return _FORBIDDEN.sub("", value)


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def absolute(ref: str) -> str:
    """A1:M9 -> $A$1:$M$9, 1:2 -> $1:$2 (the form defined names use)."""
    parts = []
    for part in ref.split(":"):
        match = _CELL_REF.fullmatch(part)
        parts.append(f"${match[1]}${match[2]}" if match else f"${part}")
    return ":".join(parts)


def _number(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else repr(value)


# --- styles --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Font:
    name: str | None = None  # None: the application's default font
    size: float | None = None
    bold: bool = False

    def xml(self) -> str:
        parts = [f'<name val="{xml_text(self.name)}"/>' if self.name else "",
                 '<b val="1"/>' if self.bold else "",
                 f'<sz val="{_number(self.size)}"/>' if self.size else ""]
        return f"<font>{''.join(parts)}</font>"


DEFAULT_FONT = '<font><name val="Calibri"/><family val="2"/><sz val="11"/></font>'
THIN_EDGE = '<{0} style="thin"><color rgb="00000000"/></{0}>'
THIN_BORDER = f"<border>{''.join(THIN_EDGE.format(e) for e in ('left', 'right', 'top', 'bottom'))}</border>"


@dataclass(frozen=True)
class CellStyle:
    """One cell format; a sheet refers to it by its position in the workbook's style list plus one."""

    font: Font | None = None  # None: the default font (Calibri 11)
    fill: str | None = None  # RGB of a solid fill, e.g. "D9E1F2"
    border: bool = False  # a thin black line on all four sides
    horizontal: str | None = None  # left, center, right
    vertical: str | None = None  # top, center, bottom
    wrap: bool = False


def styles_xml(styles: Sequence[CellStyle]) -> bytes:
    """styles.xml: the default format (index 0) followed by `styles` (index 1, 2, …)."""
    fonts = [DEFAULT_FONT]
    fills = ["<fill><patternFill/></fill>", '<fill><patternFill patternType="gray125"/></fill>']
    borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>", THIN_BORDER]
    xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
    for style in styles:
        xfs.append(_xf(style, fonts, fills))
    return (f'{DECLARATION}<styleSheet xmlns="{MAIN_NS}">'
            f'<fonts count="{len(fonts)}">{"".join(fonts)}</fonts>'
            f'<fills count="{len(fills)}">{"".join(fills)}</fills>'
            f'<borders count="{len(borders)}">{"".join(borders)}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            '</styleSheet>').encode()


def _index(items: list[str], item: str) -> int:
    if item not in items:
        items.append(item)
    return items.index(item)


def _xf(style: CellStyle, fonts: list[str], fills: list[str]) -> str:
    font = _index(fonts, style.font.xml()) if style.font else 0
    fill = 0
    if style.fill:
        fill = _index(fills, f'<fill><patternFill patternType="solid"><fgColor rgb="00{style.fill}"/></patternFill>'
                             "</fill>")
    border = 1 if style.border else 0
    align = "".join([f' horizontal="{style.horizontal}"' if style.horizontal else "",
                     f' vertical="{style.vertical}"' if style.vertical else "",
                     ' wrapText="1"' if style.wrap else ""])
    applied = "".join([' applyFont="1"' if font else "", ' applyFill="1"' if fill else "",
                       ' applyBorder="1"' if border else "", ' applyAlignment="1"' if align else ""])
    head = f'<xf numFmtId="0" fontId="{font}" fillId="{fill}" borderId="{border}" xfId="0"{applied}'
    return f"{head}><alignment{align}/></xf>" if align else f"{head}/>"


# --- sheets --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSetup:
    """How a sheet prints: A4, the rows repeated on every page, fitted to the page width by default."""

    landscape: bool = True
    fit_to_width: bool = True  # one page wide, as many pages down as the rows need
    title_rows: str | None = None  # "1:1": the rows printed at the top of every page
    area: str | None = None  # "A1:G75"
    center_horizontally: bool = False
    margins: tuple[float, float, float, float] = (0.75, 0.75, 1.0, 1.0)  # left, right, top, bottom (inches)
    footer: str = ""  # header/footer codes, e.g. "&C第 &P 页"


@dataclass
class Sheet:
    """One worksheet; rows are turned into XML as they are appended."""

    title: str
    widths: Sequence[float] = ()  # of columns A, B, …
    freeze_rows: int = 0  # rows frozen at the top
    autofilter: str | None = None  # "A1:M127"
    merges: list[str] = field(default_factory=list)  # "B3:B17"
    page: PageSetup | None = None
    rows: int = 0
    columns: int = 0
    _xml: list[str] = field(default_factory=list)
    _letters: list[str] = field(default_factory=list)

    def append(self, values: Sequence[CellValue], style: int | Sequence[int] = 0,
               height: float | None = None) -> None:
        """A row of cells: text, numbers, or None for an empty cell that still carries `style`.

        `style` is one style index for the whole row or one per cell (0 is the default format).
        """
        self.rows += 1
        if len(values) > len(self._letters):
            self._letters = [column_letter(i) for i in range(1, len(values) + 1)]
        self.columns = max(self.columns, len(values))
        # The hot loop of a large catalog: one f-string per cell, the style attribute computed once per row
        # when the row has one style.
        r, letters = self.rows, self._letters[:len(values)]
        if isinstance(style, int):
            attr = f' s="{style}"' if style else ""
            cells = [_cell(f'<c r="{letter}{r}"{attr}', value) for letter, value in zip(letters, values, strict=True)]
        else:
            attrs = [f' s="{s}"' if s else "" for s in style]
            cells = [_cell(f'<c r="{letter}{r}"{attr}', value)
                     for letter, value, attr in zip(letters, values, attrs, strict=True)]
        ht = f' ht="{_number(height)}" customHeight="1"' if height else ""
        self._xml.append(f'<row r="{r}"{ht}>{"".join(cells)}</row>')

    def xml(self, selected: bool) -> bytes:
        last = f"{column_letter(self.columns)}{self.rows}" if self.rows and self.columns else "A1"
        parts = [DECLARATION, f'<worksheet xmlns="{MAIN_NS}" xmlns:r="{REL_NS}">',
                 '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' if self.page and self.page.fit_to_width else "",
                 f'<dimension ref="{"A1" if last == "A1" else "A1:" + last}"/>', self._view(selected),
                 '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>', self._cols(),
                 "<sheetData>", *self._xml, "</sheetData>",
                 f'<autoFilter ref="{self.autofilter}"/>' if self.autofilter else "", self._merges(),
                 _page_xml(self.page) if self.page else "", "</worksheet>"]
        return "".join(parts).encode()

    def _view(self, selected: bool) -> str:
        tab = ' tabSelected="1"' if selected else ""
        if not self.freeze_rows:
            return f'<sheetViews><sheetView{tab} workbookViewId="0"/></sheetViews>'
        top = f"A{self.freeze_rows + 1}"
        return (f'<sheetViews><sheetView{tab} workbookViewId="0">'
                f'<pane ySplit="{self.freeze_rows}" topLeftCell="{top}" activePane="bottomLeft" state="frozen"/>'
                '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>')

    def _cols(self) -> str:
        if not self.widths:
            return ""
        cols = "".join(f'<col min="{i}" max="{i}" width="{_number(w)}" customWidth="1"/>'
                       for i, w in enumerate(self.widths, 1))
        return f"<cols>{cols}</cols>"

    def _merges(self) -> str:
        if not self.merges:
            return ""
        refs = "".join(f'<mergeCell ref="{ref}"/>' for ref in self.merges)
        return f'<mergeCells count="{len(self.merges)}">{refs}</mergeCells>'


def _cell(head: str, value: CellValue) -> str:
    """A cell element from its opening `<c r=".." s=".."` and its value."""
    if value is None or value == "":
        return f"{head}/>"
    if isinstance(value, str):
        text = xml_text(value)
        if not text:  # nothing but characters XML forbids
            return f"{head}/>"
        # leading or trailing blanks survive only with xml:space="preserve"
        space = ' xml:space="preserve"' if value != value.strip() else ""
        return f'{head} t="inlineStr"><is><t{space}>{text}</t></is></c>'
    if isinstance(value, bool):
        return f'{head} t="b"><v>{int(value)}</v></c>'
    return f"{head}><v>{value if isinstance(value, int) else repr(value)}</v></c>"


def _page_xml(page: PageSetup) -> str:
    left, right, top, bottom = (_number(m) for m in page.margins)
    parts = ['<printOptions horizontalCentered="1"/>' if page.center_horizontally else "",
             f'<pageMargins left="{left}" right="{right}" top="{top}" bottom="{bottom}" header="0.5" footer="0.5"/>',
             f'<pageSetup paperSize="{PAPER_A4}" orientation="{"landscape" if page.landscape else "portrait"}"',
             ' fitToWidth="1" fitToHeight="0"/>' if page.fit_to_width else "/>",
             f"<headerFooter><oddFooter>{xml_text(page.footer)}</oddFooter></headerFooter>" if page.footer else ""]
    return "".join(parts)


# --- the package ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Properties:
    """Document properties (docProps/core.xml), dated at midnight of the build date."""

    title: str
    creator: str
    day: dt.date


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def workbook_xml(sheets: Sequence[Sheet]) -> bytes:
    entries = "".join(f'<sheet name="{xml_text(s.title)}" sheetId="{i}" r:id="rId{i}"/>'
                      for i, s in enumerate(sheets, 1))
    names = []
    for i, sheet in enumerate(sheets):
        page, where = sheet.page, _quoted(sheet.title)
        if sheet.autofilter:
            names.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">'
                         f"{xml_text(where)}!{absolute(sheet.autofilter)}</definedName>")
        if page and page.title_rows:
            names.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">'
                         f"{xml_text(where)}!{absolute(page.title_rows)}</definedName>")
        if page and page.area:
            names.append(f'<definedName name="_xlnm.Print_Area" localSheetId="{i}">'
                         f"{xml_text(where)}!{absolute(page.area)}</definedName>")
    defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
    return (f'{DECLARATION}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><workbookPr/>'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{entries}</sheets>{defined}'
            '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>').encode()


def _rels(rels: Sequence[tuple[str, str]]) -> bytes:
    items = "".join(f'<Relationship Id="rId{i}" Type="{rtype}" Target="{target}"/>'
                    for i, (rtype, target) in enumerate(rels, 1))
    return f'{DECLARATION}<Relationships xmlns="{PKG_REL_NS}">{items}</Relationships>'.encode()


def _content_types(count: int) -> bytes:
    parts = [("/xl/workbook.xml", CT_WORKBOOK), ("/xl/styles.xml", CT_STYLES),
             *((f"/xl/worksheets/sheet{i}.xml", CT_SHEET) for i in range(1, count + 1)),
             ("/docProps/core.xml", CT_CORE), ("/docProps/app.xml", CT_APP)]
    overrides = "".join(f'<Override PartName="{name}" ContentType="{ctype}"/>' for name, ctype in parts)
    return (f'{DECLARATION}<Types xmlns="{CT_NS}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>').encode()


def core_xml(props: Properties) -> bytes:
    when = f"{props.day.isoformat()}T00:00:00Z"
    stamp = 'xsi:type="dcterms:W3CDTF"'
    return (f'{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
            'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{xml_text(props.creator)}</dc:creator><dc:title>{xml_text(props.title)}</dc:title>"
            f"<dcterms:created {stamp}>{when}</dcterms:created><dcterms:modified {stamp}>{when}</dcterms:modified>"
            f"<cp:lastModifiedBy>{xml_text(props.creator)}</cp:lastModifiedBy></cp:coreProperties>").encode()


def app_xml() -> bytes:
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    return f'{DECLARATION}<Properties xmlns="{ns}"><Application>govopen</Application></Properties>'.encode()


def workbook_bytes(sheets: Sequence[Sheet], styles: Sequence[CellStyle], props: Properties) -> bytes:
    """The XLSX package: parts in a fixed order, every zip entry dated `props.day`."""
    if not sheets:
        raise ValueError("a workbook needs at least one sheet")
    sheet_rels = [(REL_SHEET, f"worksheets/sheet{i}.xml") for i in range(1, len(sheets) + 1)]
    entries = [("[Content_Types].xml", _content_types(len(sheets))),
               ("_rels/.rels", _rels([(REL_DOC, "xl/workbook.xml"), (REL_CORE, "docProps/core.xml"),
                                      (REL_APP, "docProps/app.xml")])),
               ("docProps/core.xml", core_xml(props)), ("docProps/app.xml", app_xml()),
               ("xl/workbook.xml", workbook_xml(sheets)),
               ("xl/_rels/workbook.xml.rels", _rels([*sheet_rels, (REL_STYLES, "styles.xml")])),
               ("xl/styles.xml", styles_xml(styles))]
    entries += [(f"xl/worksheets/sheet{i}.xml", s.xml(i == 1)) for i, s in enumerate(sheets, 1)]
    return zip_bytes(entries, props.day)
