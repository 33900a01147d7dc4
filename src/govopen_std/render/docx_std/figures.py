"""The 公开流程图 of a domain, drawn from its 公开规范's procedure clause (公开程序) with Graphviz `dot`:
PNG for the DOCX (图1, referred to in that clause, as an inline picture), SVG for the site (figures/<domain>.svg).

The steps are read from the clause as written: a list under a lead-in ("主动公开按照下列程序进行：" then
"信息形成：……；" → 信息形成), or a sentence "依申请公开按照受理、登记、审核、答复、归档的程序办理" (→ five
steps). Each way of disclosure is one column of boxes joined by arrows. Graphviz lays it out; the
input is fixed (font, sizes, resolution, order), so the same clause gives the same bytes.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass

from lxml import etree

from govopen_std.diagnostics import GovOpenError
from govopen_std.model.procedure import PROCEDURE_TITLE, Lane, lanes
from govopen_std.model.standard import StandardText
from govopen_std.render.docx_std.blocks import Block, Figure, Heading, Para
from govopen_std.render.ooxml import R_NS, W_NS

FONT = "Noto Sans CJK SC"
DPI = 150
EMU_PER_INCH = 914400


@dataclass(frozen=True)
class FlowFigure:
    number: str
    caption: str
    reference: str  # the sentence of the clause that points at the figure
    png: bytes
    svg: bytes

    def size_emu(self, max_width: int) -> tuple[int, int]:
        """The PNG's size at DPI in EMU, scaled down to `max_width` EMU."""
        width, height = struct.unpack(">II", self.png[16:24])
        cx, cy = width * EMU_PER_INCH // DPI, height * EMU_PER_INCH // DPI
        if cx > max_width:
            cx, cy = max_width, cy * max_width // cx
        return cx, cy


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dot_source(flow: list[Lane]) -> str:
    lines = ["digraph flow {", f'  graph [rankdir=TB, nodesep=0.6, ranksep=0.3, fontname={_quote(FONT)}, '
             f'fontsize=11, dpi={DPI}, bgcolor=white];',
             f'  node [shape=box, style=rounded, fontname={_quote(FONT)}, fontsize=10.5, width=1.6, height=0.4];',
             "  edge [arrowsize=0.6];"]
    for i, lane in enumerate(flow):
        lines.append(f"  subgraph cluster_{i} {{ label={_quote(lane.name)}; color=gray50;")
        for k, step in enumerate(lane.steps):
            lines.append(f"    n{i}_{k} [label={_quote(step)}];")
        lines.append("    " + " -> ".join(f"n{i}_{k}" for k in range(len(lane.steps))) + ";")
        lines.append("  }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def render_dot(source: str, fmt: str) -> bytes:
    """`dot -T<fmt>` of `source`; a missing Graphviz is an environment error with the package to install."""
    dot = shutil.which("dot")
    if dot is None:
        raise GovOpenError("B654", tool="dot", package="graphviz")
    result = subprocess.run([dot, f"-T{fmt}"], input=source.encode("utf-8"), capture_output=True, timeout=60)
    if result.returncode != 0:
        raise GovOpenError("B655", detail=result.stderr.decode("utf-8", "replace").strip()[:200] or "—")
    return result.stdout


def flow_figure(text: StandardText, domain_title: str) -> FlowFigure | None:
    """图1 of a domain's 公开规范, or None when its procedure clause lists fewer than two steps."""
    flow = lanes(text)
    if not flow:
        return None
    source = dot_source(flow)
    return FlowFigure("1", f"{domain_title}政务公开流程图", f"{domain_title}信息公开的一般流程见图1。",
                      render_dot(source, "png"), render_dot(source, "svg"))


def with_figure(blocks: list[Block], figure: FlowFigure | None, key: str) -> list[Block]:
    """`blocks` with the figure at the end of the procedure clause: the sentence that refers to it, the
    picture and its caption, before the next clause of the same or a higher level."""
    if figure is None:
        return blocks
    headings = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Heading)]
    start = next(((i, h) for i, h in headings if h.title == PROCEDURE_TITLE), None)
    if start is None:
        return blocks
    end = next((i for i, h in headings if i > start[0] and h.level <= start[1].level), len(blocks))
    inserted: list[Block] = [Para(figure.reference), Figure(figure.number, figure.caption, figure.png, figure.svg, key)]
    return [*blocks[:end], *inserted, *blocks[end:]]


PICTURE = """<w:p xmlns:w="{w}" xmlns:r="{r}" xmlns:wp="{wp}" xmlns:a="{a}" xmlns:pic="{pic}">\
<w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">\
<wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{ident}" name="{name}"/><a:graphic><a:graphicData \
uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{ident}" \
name="{name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/>\
</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm>\
<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline>\
</w:drawing></w:r></w:p>"""


def picture_paragraph(style: str, rid: str, cx: int, cy: int, ident: int, name: str) -> etree._Element:
    """A paragraph holding one inline picture (the part related as `rid`), `cx` × `cy` EMU."""
    xml = PICTURE.format(
        w=W_NS, r=R_NS, wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        a="http://schemas.openxmlformats.org/drawingml/2006/main",
        pic="http://schemas.openxmlformats.org/drawingml/2006/picture",
        style=style, rid=rid, cx=cx, cy=cy, ident=ident, name=name)
    return etree.fromstring(xml)
