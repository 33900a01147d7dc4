"""The `docx` renderer: one GB/T 1.1—2020 standard text per standard (docx/<standard-id>.docx), and for a
county target its local catalog (docx/catalog.docx).

The province writes a DOCX for every standard that has a text, or for every standard of the system
with `all_standards` (`govopen build --all`; a standard without a text gets its fixed chapters and its
catalog). Style choices come from templates/docx/style.yaml. Files are byte-identical for identical
input: no clock, fixed zip entry times, properties dated `view.build_date`.
"""

from __future__ import annotations

from pathlib import Path

from govopen_std.render.base import Advance
from govopen_std.render.docx_std.blocks import Outline
from govopen_std.view.model import BuildView, StandardView

FOLDER = "docx"
COUNTY_FILE = "catalog.docx"
FIGURES = "figures"  # the site links figures/<domain>.svg


class DocxRenderer:
    name = "docx"

    def __init__(self, *, all_standards: bool = False, **_options: object) -> None:
        self.all_standards = all_standards

    def standards(self, view: BuildView) -> list[StandardView]:
        """The standards that get a document, in system order."""
        return [s for s in view.standards if self.all_standards or s.text is not None]

    def count(self, view: BuildView) -> int:
        return 1 if view.county is not None else len(self.standards(view))

    def render(self, view: BuildView, out: Path, advance: Advance) -> list[Path]:
        from govopen_std.render.docx_std.county import county_outline
        from govopen_std.render.docx_std.outline import standard_outline
        from govopen_std.render.docx_std.style import load_style
        from govopen_std.render.docx_std.writer import docx_bytes

        style = load_style(view.templates_dir)
        folder = out / FOLDER
        folder.mkdir(parents=True, exist_ok=True)
        written: list[Path] = []
        if view.county is not None:
            path = folder / COUNTY_FILE
            path.write_bytes(docx_bytes(county_outline(view, style), style, view.build_date, subject=view.title))
            advance(path.name)
            return [path]
        for std in self.standards(view):
            path = folder / f"{std.id}.docx"
            outline = standard_outline(std, style, view.build_date)
            path.write_bytes(docx_bytes(outline, style, view.build_date, subject=view.title))
            advance(path.name)
            written.append(path)
            written += write_figures(outline, out)
        return written


def write_figures(outline: Outline, out: Path) -> list[Path]:
    """The outline's figures as SVG for the site: figures/<domain>.svg (the domain's 公开流程图)."""
    from govopen_std.render.base import safe_name
    from govopen_std.render.docx_std.blocks import Figure

    paths = []
    for block in (b for section in outline.sections for b in section.blocks if isinstance(b, Figure)):
        path = out / FIGURES / f"{safe_name(block.key)}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(block.svg)
        paths.append(path)
    return paths
