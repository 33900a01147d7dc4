"""Finishing a standard text from its laid-out pages (`govopen build -f pdf`): what only the program that
lays out the pages knows, written back into the DOCX.

- **Continued tables.** Every row of every captioned table gets a bookmark; LibreOffice turns the
  bookmarks into named PDF destinations, so the page of each row is known. A table that runs onto a
  further page is split before the first row of that page: the rest becomes a new table, on a new page,
  whose repeated heading is a caption row "表A.1（续）" (GB/T 1.1—2020 10.4.2.3) over the column headings,
  so that every continuation page — however LibreOffice or Word breaks it further — carries the caption.
- **目次 page numbers.** The page number printed on the page of each heading bookmark is written into
  the stored result of its PAGEREF field; the fields are no longer marked dirty and the document no
  longer asks to update fields on opening, so WPS, OA previews and text extraction show the numbers.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from lxml import etree

from govopen_std.render.docx_std.tables import THICK
from govopen_std.render.ooxml import el, qn, sub, text_element

DOCUMENT = "word/document.xml"
SETTINGS = "word/settings.xml"
CAPTION_STYLE = "GBTableCaption"
CAPTION_NUMBER = re.compile(r"表((?:[A-Z]\.)?\d+)")
ROW_MARK = "GovRowT{table}R{row}"
FIRST_MARK_ID = 900000  # above the ids the writer gives the heading bookmarks


@dataclass(frozen=True)
class Captioned:
    """A table with its caption paragraph's number (A.1), in body order."""

    table: etree._Element
    number: str


def read_parts(data: bytes) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(info.filename, z.read(info.filename)) for info in z.infolist()]


def _part(parts: list[tuple[str, bytes]], name: str) -> etree._Element:
    return etree.fromstring(dict(parts)[name])


def _replace(parts: list[tuple[str, bytes]], name: str, root: etree._Element) -> list[tuple[str, bytes]]:
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return [(n, blob if n == name else b) for n, b in parts]


def captioned_tables(document: etree._Element) -> list[Captioned]:
    """Tables of the body whose previous paragraph is a table caption (表1 / 表A.1)."""
    found = []
    body = document.find(qn("w:body"))
    for tbl in body.iterfind(qn("w:tbl")) if body is not None else ():
        caption = tbl.getprevious()
        style = caption.find(f"{qn('w:pPr')}/{qn('w:pStyle')}") if caption is not None else None
        if style is None or style.get(qn("w:val")) != CAPTION_STYLE:
            continue
        match = CAPTION_NUMBER.match("".join(caption.itertext()))
        if match:
            found.append(Captioned(tbl, match.group(1)))
    return found


def table_count(parts: list[tuple[str, bytes]]) -> int:
    return len(captioned_tables(_part(parts, DOCUMENT)))


def _data_rows(tbl: etree._Element) -> list[etree._Element]:
    return [tr for tr in tbl.iterfind(qn("w:tr")) if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None]


def _first_paragraph(tr: etree._Element) -> etree._Element | None:
    return tr.find(f"{qn('w:tc')}/{qn('w:p')}")


def mark_rows(parts: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """A copy with a bookmark on every data row of every captioned table (for finding the rows' pages)."""
    document = _part(parts, DOCUMENT)
    ident = FIRST_MARK_ID
    for t, item in enumerate(captioned_tables(document)):
        for r, tr in enumerate(_data_rows(item.table)):
            p = _first_paragraph(tr)
            if p is None:
                continue
            ident += 1
            ppr = p.find(qn("w:pPr"))
            p.insert(1 if ppr is not None else 0, el("w:bookmarkStart", {"w:id": str(ident),
                                                                        "w:name": ROW_MARK.format(table=t, row=r)}))
            p.append(el("w:bookmarkEnd", {"w:id": str(ident)}))
    return _replace(parts, DOCUMENT, document)


def first_breaks(pages: Mapping[str, int], tables: int) -> dict[int, int]:
    """Table index → index of its first data row that lies on a later page than the table's first row."""
    breaks = {}
    for t in range(tables):
        first = pages.get(ROW_MARK.format(table=t, row=0))
        r = 1
        while first is not None and (page := pages.get(ROW_MARK.format(table=t, row=r))) is not None:
            if page > first:
                breaks[t] = r
                break
            r += 1
    return breaks


def _caption_row(text: str, tbl: etree._Element) -> etree._Element:
    """A heading row over the whole table holding the continuation caption, outside the table's frame."""
    widths = [int(c.get(qn("w:w"), "0")) for c in tbl.iterfind(f"{qn('w:tblGrid')}/{qn('w:gridCol')}")]
    tr = el("w:tr")
    trpr = sub(tr, "w:trPr")
    sub(trpr, "w:cantSplit")
    sub(trpr, "w:tblHeader")
    tc = sub(tr, "w:tc")
    tcpr = sub(tc, "w:tcPr")
    sub(tcpr, "w:tcW", {"w:w": str(sum(widths)), "w:type": "dxa"})
    sub(tcpr, "w:gridSpan", {"w:val": str(len(widths))})
    borders = sub(tcpr, "w:tcBorders")
    for side in ("top", "left", "bottom", "right"):
        attrs = {"w:val": "nil"} if side != "bottom" else {"w:val": "single", "w:sz": str(THICK), "w:space": "0",
                                                          "w:color": "000000"}
        sub(borders, f"w:{side}", attrs)
    p = sub(tc, "w:p")
    sub(sub(p, "w:pPr"), "w:pStyle", {"w:val": CAPTION_STYLE})
    sub(p, "w:r").append(text_element(text))
    return tr


def _page_start() -> etree._Element:
    """An empty paragraph, as low as a paragraph gets, that starts a new page (two tables need a paragraph
    between them, or Word joins them)."""
    p = el("w:p")
    ppr = sub(p, "w:pPr")
    sub(ppr, "w:pageBreakBefore")
    sub(ppr, "w:spacing", {"w:before": "0", "w:after": "0", "w:line": "20", "w:lineRule": "exact"})
    sub(sub(ppr, "w:rPr"), "w:sz", {"w:val": "2"})
    return p


def split_tables(parts: list[tuple[str, bytes]], breaks: Mapping[int, int]) -> list[tuple[str, bytes]]:
    """Each table of `breaks` cut before that data row; the rest goes on a new page under "表X（续）"."""
    document = _part(parts, DOCUMENT)
    tables = captioned_tables(document)
    for t, row in sorted(breaks.items()):
        item = tables[t]
        header = [tr for tr in item.table.iterfind(qn("w:tr")) if tr not in _data_rows(item.table)]
        rest = _data_rows(item.table)[row:]
        second = el("w:tbl")
        for child in (item.table.find(qn("w:tblPr")), item.table.find(qn("w:tblGrid"))):
            if child is not None:
                second.append(copy.deepcopy(child))
        second.append(_caption_row(f"表{item.number}（续）", item.table))
        for tr in header:
            second.append(copy.deepcopy(tr))
        for tr in rest:
            second.append(tr)  # moved, not copied
        start = _page_start()
        item.table.addnext(start)
        start.addnext(second)
    return _replace(parts, DOCUMENT, document)


def _fields(root: etree._Element) -> Iterator[tuple[etree._Element, str, list[etree._Element]]]:
    """(begin fldChar, instruction, result runs) of every complex field, in document order."""
    begin: etree._Element | None = None
    instr: list[str] = []
    result: list[etree._Element] | None = None
    for r in root.iter(qn("w:r")):
        char = r.find(qn("w:fldChar"))
        kind = char.get(qn("w:fldCharType")) if char is not None else None
        if kind == "begin":
            begin, instr, result = char, [], None
        elif kind == "separate":
            result = []
        elif kind == "end" and begin is not None:
            yield begin, "".join(instr).strip(), result or []
            begin = None
        elif begin is not None and result is None:
            instr += [t.text or "" for t in r.iterfind(qn("w:instrText"))]
        elif result is not None:
            result.append(r)


def fill_page_refs(parts: list[tuple[str, bytes]], labels: Mapping[str, str]) -> list[tuple[str, bytes]]:
    """Write `labels[bookmark]` as the stored result of each `PAGEREF bookmark` field; the document then no
    longer asks to update its fields when it is opened."""
    document = _part(parts, DOCUMENT)
    for begin, instruction, result in list(_fields(document)):
        words = instruction.split()
        if len(words) < 2 or words[0] != "PAGEREF" or words[1] not in labels:
            continue
        begin.attrib.pop(qn("w:dirty"), None)
        end_run = _end_run(begin)
        for r in result:
            r.getparent().remove(r)
        value = el("w:r")
        rpr = begin.getparent().find(qn("w:rPr"))
        if rpr is not None:
            value.append(copy.deepcopy(rpr))
        value.append(text_element(labels[words[1]]))
        end_run.addprevious(value)
    settings = _part(parts, SETTINGS)
    for node in settings.findall(qn("w:updateFields")):
        settings.remove(node)
    return _replace(_replace(parts, DOCUMENT, document), SETTINGS, settings)


def flatten_page_refs(parts: list[tuple[str, bytes]]) -> list[tuple[str, bytes]]:
    """A copy whose PAGEREF fields are replaced by their stored results, for the PDF: LibreOffice recomputes
    PAGEREF itself and prints the page of the 前言 in Arabic digits (2), ignoring the section's Roman
    numbering (II) that Word and the stored result follow."""
    document = _part(parts, DOCUMENT)
    for begin, instruction, _result in list(_fields(document)):
        if not instruction.startswith("PAGEREF"):
            continue
        run, end_run = begin.getparent(), _end_run(begin)
        node = run
        while node is not None:
            following = node.getnext()
            if node is not run and node is not end_run and node.find(qn("w:t")) is not None:
                node = following  # a result run stays, as plain text
                continue
            node.getparent().remove(node)
            if node is end_run:
                break
            node = following
    return _replace(parts, DOCUMENT, document)


def _end_run(begin: etree._Element) -> etree._Element:
    """The run holding the `end` fldChar of the field that `begin` opens (fields here are not nested)."""
    run = begin.getparent()
    node = run.getnext()
    while node is not None:
        char = node.find(qn("w:fldChar"))
        if char is not None and char.get(qn("w:fldCharType")) == "end":
            return node
        node = node.getnext()
    raise ValueError("a field without its end")


def page_ref_targets(parts: list[tuple[str, bytes]]) -> list[str]:
    """The bookmarks the PAGEREF fields point at, in document order."""
    document = _part(parts, DOCUMENT)
    return [ins.split()[1] for _b, ins, _r in _fields(document) if ins.startswith("PAGEREF") and len(ins.split()) > 1]
