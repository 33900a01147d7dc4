"""A normalized, diffable dump of a DOCX: per section its page setup, then each paragraph as
`[style name] text` and each table as rows of cells. Fields are shown by their instruction
(`{PAGEREF _Toc0003}`), not by their cached result; a tab is `⇥` and a line break in a cell `↵`.

Regenerate the golden files after a reviewed change with:

    GOVOPEN_UPDATE_GOLDEN=1 python -m pytest tests/docx/test_docx_golden.py

or print a dump of any document with `python tests/docx/docx_dump.py some.docx`.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx_reader import DocxFile, Para, q, wval
from lxml import etree


def run_text(p: etree._Element) -> str:
    """Paragraph text with fields replaced by {INSTRUCTION}."""
    out: list[str] = []
    depth, instr, in_result = 0, "", False
    for node in p.iter(q("w:t"), q("w:tab"), q("w:fldChar"), q("w:instrText"), q("w:br")):
        tag = node.tag
        if tag == q("w:fldChar"):
            kind = wval(node, "fldCharType")
            if kind == "begin":
                depth, instr, in_result = depth + 1, "", False
            elif kind == "separate":
                out.append("{" + instr.strip() + "}")
                in_result = True
            elif kind == "end":
                if not in_result:
                    out.append("{" + instr.strip() + "}")
                depth, in_result = depth - 1, False
        elif tag == q("w:instrText"):
            instr += node.text or ""
        elif in_result:
            continue
        elif tag == q("w:t"):
            out.append(node.text or "")
        elif tag == q("w:tab") and node.getparent().tag == q("w:r"):
            out.append("⇥")
        elif tag == q("w:br"):
            out.append("↵" if wval(node, "type") in (None, "textWrapping") else "{page break}")
    return "".join(out)


def _section_line(doc: DocxFile, i: int) -> str:
    sect = doc.sections[i]
    size = sect.find(q("w:pgSz"))
    num = sect.find(q("w:pgNumType"))
    orient = "landscape" if wval(size, "orient") == "landscape" else "portrait"
    paging = "no page numbers" if num is None else f"{wval(num, 'fmt')}" + (
        f" from {wval(num, 'start')}" if wval(num, "start") else " continued")
    refs = sorted(f"{r.tag.split('}')[1][:6]}:{wval(r, 'type')}" for r in sect
                  if r.tag in (q("w:headerReference"), q("w:footerReference")))
    return f"## section {i + 1}: {orient} {wval(size, 'w')}x{wval(size, 'h')}, {paging}, {' '.join(refs) or 'no header'}"


def dump(path: Path) -> str:
    doc = DocxFile.open(path)
    lines: list[str] = []
    current = -1
    for block in doc.body:
        if block.section != current and block.section < len(doc.sections):
            current = block.section
            lines.append(_section_line(doc, current))
        if isinstance(block, Para):
            p = block.element
            brk = " {new page}" if doc.page_break_before(p) else ""
            lines.append(f"[{doc.style_name(p)}]{brk} {run_text(p)}".rstrip())
        else:
            lines.append("[table]")
            for tr in block.element.iterfind(q("w:tr")):
                head = "H" if tr.find(f"{q('w:trPr')}/{q('w:tblHeader')}") is not None else " "
                cells = [" ↵ ".join(run_text(p) for p in tc.iterfind(q("w:p"))) for tc in tr.iterfind(q("w:tc"))]
                lines.append(f"  {head}| " + " | ".join(cells) + " |")
    for kind, ref in (("header", "default"), ("header", "even"), ("footer", "default"), ("footer", "even")):
        part = doc.header_footer(len(doc.sections) - 1, kind, ref)
        p = part.find(q("w:p")) if part is not None else None
        if p is not None:
            align = wval(p.find(f"{q('w:pPr')}/{q('w:jc')}"))
            lines.append(f"## {kind} {ref}: [{doc.style_name(p)}] {run_text(p)} ({align})")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(dump(Path(sys.argv[1])))
