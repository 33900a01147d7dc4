"""The site's downloads, inside the site folder (`site/downloads/`), so that an editor who uploads `site/` alone
to a county portal gets no dead link: the DOCX texts (copied from the build's docx/ folder once every renderer
of the target has run, see `bundle`), the PDF texts where the build made them (pdf/), the XLSX catalog whole
and per domain, and a CSV per domain for people without JavaScript (both written by the HTML renderer).

CSV cells are formula-safe: a cell that starts with = + - @ tab or CR gets a leading ' so a spreadsheet shows
it as text instead of running it (search.js does the same for the CSV it exports in the browser).
"""

from __future__ import annotations

import csv
import io
import shutil
from dataclasses import replace
from pathlib import Path

from govopen_std.render.html_site.paths import slug
from govopen_std.render.xlsx import catalog_bytes
from govopen_std.view.model import BuildView, GroupView, ItemRow, StandardView

DOWNLOADS = "downloads"
COPIED = ("docx", "pdf")  # build folders whose files the site carries (written by other renderers)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("序号", "事项编码", "一级事项", "二级事项", "三级事项", "事项名称", "公开内容", "公开依据", "公开时限",
               "公开主体", "公开渠道和载体", "公开对象", "公开方式", "公开层级", "五公开", "本县变更")


def docx_href(view: BuildView, std: StandardView, *, all_standards: bool) -> str | None:
    """The standard's DOCX inside the site (site-relative), or None when the build writes none for it."""
    if view.county is not None:
        return f"{DOWNLOADS}/docx/catalog.docx"
    if std.text is not None or all_standards:
        return f"{DOWNLOADS}/docx/{slug(std.id)}.docx"
    return None


def pdf_href(view: BuildView, std: StandardView, formats: tuple[str, ...], *, all_standards: bool) -> str | None:
    """The standard's PDF inside the site when this build makes PDFs (pdf/<standard-id>.pdf beside the DOCX)."""
    if "pdf" not in formats or view.county is not None or docx_href(view, std, all_standards=all_standards) is None:
        return None
    return f"{DOWNLOADS}/pdf/{slug(std.id)}.pdf"


def xlsx_href(group: GroupView | None = None) -> str:
    return f"{DOWNLOADS}/xlsx/{slug(group.id) if group else 'catalog'}.xlsx"


def csv_href(group: GroupView) -> str:
    return f"{DOWNLOADS}/csv/{slug(group.id)}.csv"


def formula_safe(cell: str) -> str:
    """A cell a spreadsheet will not run as a formula (OWASP CSV injection)."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _csv_row(row: ItemRow) -> list[str]:
    return [str(row.seq) if row.seq is not None else "", row.code, row.primary, row.secondary, row.tertiary,
            row.name, row.content_text, row.basis_text, row.deadline, row.subject_text, row.channels_text,
            row.audience, row.method, row.level, row.openness, row.provenance.label or ""]


def domain_csv(group: GroupView) -> bytes:
    """The domain's catalog as CSV: UTF-8 with a byte order mark (Excel reads it as UTF-8), CRLF lines."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in group.items:
        writer.writerow([formula_safe(cell) for cell in _csv_row(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def generated(view: BuildView) -> dict[str, bytes]:
    """Site-relative path -> bytes of the downloads the HTML renderer writes itself (sorted)."""
    files = {xlsx_href(): catalog_bytes(view)}
    for group in view.domains:
        files[xlsx_href(group)] = catalog_bytes(replace(view, groups=(group,)))
        files[csv_href(group)] = domain_csv(group)
    return dict(sorted(files.items()))


def bundle(target: Path, site: str = "site") -> list[Path]:
    """Copy a rendered target's DOCX and PDF files into its site's downloads folder (after all its renderers
    ran: the province's renderers run as parallel tasks). Sorted, so rebuilds copy the same files."""
    folder = target / site
    if not folder.is_dir():
        return []
    copied = []
    for kind in COPIED:
        source = target / kind
        if not source.is_dir():
            continue
        for path in sorted(source.glob(f"*.{kind}")):
            dest = folder / DOWNLOADS / kind / path.name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            copied.append(dest)
    return copied
