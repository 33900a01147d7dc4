"""Read a DOCX package back for checking: body paragraphs and tables in order with their section, effective
run and paragraph properties resolved through run → paragraph style (basedOn chain) → docDefaults,
headers and footers per section, settings.

Independent of the renderer's code on purpose: it reads what any office suite would read.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_R = "http://schemas.openxmlformats.org/package/2006/relationships"
NS = {"w": W, "r": R}
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def wval(node: etree._Element | None, attr: str = "val") -> str | None:
    return None if node is None else node.get(q(f"w:{attr}"))


def text_of(p: etree._Element) -> str:
    """Visible text: w:t, tabs as \\t, line breaks as \\n; field instructions left out, field results kept."""
    out = []
    for node in p.iter(q("w:t"), q("w:tab"), q("w:br")):
        if node.tag == q("w:t"):
            out.append(node.text or "")
        elif node.tag == q("w:tab"):
            if node.getparent() is not None and node.getparent().tag == q("w:r"):
                out.append("\t")
        elif wval(node, "type") in (None, "textWrapping"):
            out.append("\n")
    return "".join(out)


@dataclass
class Style:
    id: str
    name: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


@dataclass
class Para:
    element: etree._Element
    section: int
    index: int  # position among body children

    @property
    def text(self) -> str:
        return text_of(self.element)


@dataclass
class Table:
    element: etree._Element
    section: int
    index: int

    def rows(self) -> list[list[str]]:
        return [["\n".join(text_of(p) for p in tc.iterfind(q("w:p"))) for tc in tr.iterfind(q("w:tc"))]
                for tr in self.element.iterfind(q("w:tr"))]


@dataclass
class DocxFile:
    path: Path
    parts: dict[str, bytes]
    document: etree._Element
    styles: dict[str, Style]
    defaults_rpr: etree._Element | None
    settings: etree._Element
    rels: dict[str, str]
    body: list[Para | Table] = field(default_factory=list)
    sections: list[etree._Element] = field(default_factory=list)

    @classmethod
    def open(cls, path: Path) -> DocxFile:
        with zipfile.ZipFile(path) as z:
            parts = {name: z.read(name) for name in z.namelist()}
        document = etree.fromstring(parts["word/document.xml"])
        styles_root = etree.fromstring(parts["word/styles.xml"])
        styles = {}
        for s in styles_root.iterfind(q("w:style")):
            sid = s.get(q("w:styleId"))
            styles[sid] = Style(sid, wval(s.find(q("w:name"))) or sid, wval(s.find(q("w:basedOn"))),
                                s.find(q("w:pPr")), s.find(q("w:rPr")))
        defaults = styles_root.find(f"{q('w:docDefaults')}/{q('w:rPrDefault')}/{q('w:rPr')}")
        rels_root = etree.fromstring(parts["word/_rels/document.xml.rels"])
        rels = {r.get("Id"): r.get("Target") for r in rels_root.iterfind(f"{{{PKG_R}}}Relationship")}
        doc = cls(path, parts, document, styles, defaults, etree.fromstring(parts["word/settings.xml"]), rels)
        doc._walk()
        return doc

    def _walk(self) -> None:
        body = self.document.find(q("w:body"))
        assert body is not None
        section = 0
        for i, child in enumerate(body):
            if child.tag == q("w:p"):
                self.body.append(Para(child, section, i))
                sect = child.find(f"{q('w:pPr')}/{q('w:sectPr')}")
                if sect is not None:
                    self.sections.append(sect)
                    section += 1
            elif child.tag == q("w:tbl"):
                self.body.append(Table(child, section, i))
            elif child.tag == q("w:sectPr"):
                self.sections.append(child)

    # --- lookups ------------------------------------------------------------------------------------

    @property
    def paragraphs(self) -> list[Para]:
        return [b for b in self.body if isinstance(b, Para)]

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.body if isinstance(b, Table)]

    def style_id(self, p: etree._Element) -> str:
        return wval(p.find(f"{q('w:pPr')}/{q('w:pStyle')}")) or "Normal"

    def style_name(self, p: etree._Element) -> str:
        sid = self.style_id(p)
        return self.styles[sid].name if sid in self.styles else sid

    def _chain(self, sid: str | None) -> list[Style]:
        chain, seen = [], set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            chain.append(self.styles[sid])
            sid = self.styles[sid].based_on
        return chain

    def para_prop(self, p: etree._Element, tag: str, attr: str = "val") -> str | None:
        """A paragraph property (jc, outlineLvl, keepNext …): direct, else from the style chain."""
        ppr = p.find(q("w:pPr"))
        node = ppr.find(q(f"w:{tag}")) if ppr is not None else None
        if node is not None:
            return wval(node, attr) or "true"
        for style in self._chain(self.style_id(p)):
            node = style.ppr.find(q(f"w:{tag}")) if style.ppr is not None else None
            if node is not None:
                return wval(node, attr) or "true"
        return None

    def align(self, p: etree._Element) -> str:
        return self.para_prop(p, "jc") or "left"

    def outline(self, p: etree._Element) -> int | None:
        value = self.para_prop(p, "outlineLvl")
        return int(value) if value is not None and value.isdigit() else None

    def run_prop(self, p: etree._Element, r: etree._Element | None, tag: str, attr: str) -> str | None:
        """Effective run property: run → paragraph style chain → docDefaults."""
        sources = []
        if r is not None:
            sources.append(r.find(q("w:rPr")))
        sources += [s.rpr for s in self._chain(self.style_id(p))]
        sources.append(self.defaults_rpr)
        for rpr in sources:
            node = rpr.find(q(f"w:{tag}")) if rpr is not None else None
            if node is not None and node.get(q(f"w:{attr}")) is not None:
                return node.get(q(f"w:{attr}"))
        return None

    def size(self, p: etree._Element, r: etree._Element | None = None) -> int | None:
        value = self.run_prop(p, r, "sz", "val")
        return int(value) if value else None

    def east_asia(self, p: etree._Element, r: etree._Element | None = None) -> str | None:
        return self.run_prop(p, r, "rFonts", "eastAsia")

    def text_runs(self, p: etree._Element) -> list[etree._Element]:
        return [r for r in p.iter(q("w:r")) if r.find(q("w:t")) is not None]

    def page_break_before(self, p: etree._Element) -> bool:
        return self.para_prop(p, "pageBreakBefore") not in (None, "false", "0")

    def part(self, target: str) -> etree._Element:
        return etree.fromstring(self.parts["word/" + target])

    def header_footer(self, section: int, kind: str, ref_type: str) -> etree._Element | None:
        """The header or footer part in force for a section (inherited from earlier sections when absent)."""
        for i in range(section, -1, -1):
            for ref in self.sections[i].iterfind(q(f"w:{kind}Reference")):
                if wval(ref, "type") == ref_type:
                    return self.part(self.rels[ref.get(f"{{{R}}}id")])
        return None

    def section_of(self, index: int) -> int:
        return next(b.section for b in self.body if b.index == index)

    def first_in_section(self, block: Para | Table) -> bool:
        return block.section > 0 and all(b.section != block.section for b in self.body if b.index < block.index)
