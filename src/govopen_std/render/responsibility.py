"""The `responsibility` renderer: the responsibility list (附件1 责任清单) as DOCX and XLSX.

Written once, for the province (`responsibility/` in its output folder): the list is the province's
plan and is the same for every county, so county targets get nothing. It reproduces Annex 1 as printed
(the 2017 names of the responsible units); the HTML site shows today's bodies beside them.
"""

from __future__ import annotations

from pathlib import Path

from govopen_std.render.base import Advance
from govopen_std.view.model import BuildView

FOLDER = "responsibility"
DOCX_NAME = "responsibility-list.docx"
XLSX_NAME = "responsibility-list.xlsx"


class ResponsibilityRenderer:
    name = "responsibility"

    def __init__(self, **options: object) -> None:
        self.options = options  # the shared build options (all_standards …) do not change the list

    def count(self, view: BuildView) -> int:
        return 0 if view.county is not None else 2

    def render(self, view: BuildView, out: Path, advance: Advance) -> list[Path]:
        if view.county is not None:
            return []
        from govopen_std.render.responsibility_docx import write_list_docx
        from govopen_std.render.responsibility_xlsx import write_list_xlsx

        folder = out / FOLDER
        written = [write_list_docx(view, folder / DOCX_NAME)]
        advance(DOCX_NAME)
        written.append(write_list_xlsx(view, folder / XLSX_NAME))
        advance(XLSX_NAME)
        return written
