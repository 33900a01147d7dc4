"""The `pdf` renderer (`govopen build -f pdf`, never part of a build without `-f`): the DOCX standard
texts, finished from their laid-out pages, and their PDFs.

Layout of the output: the province's PDFs are `pdf/<standard-id>.pdf` beside `docx/<standard-id>.docx`;
a county's catalog PDF is `docx/catalog.pdf` beside its `docx/catalog.docx`. This renderer writes the
DOCX files too (finished: 目次 page numbers stored, "表X（续）" at every table break), so a build asks
for `pdf` instead of `docx`, not both.

Three soffice calls per batch (a target's documents): the DOCX with a bookmark on every table row (to
find where tables break), the split DOCX (to find the page of every heading), and the finished DOCX
(the PDF). LibreOffice embeds the fonts it uses; the PDFs are made byte-reproducible (office.py).
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from govopen_std.render import office
from govopen_std.render.base import Advance
from govopen_std.render.docx import DocxRenderer
from govopen_std.render.docx_std import finish
from govopen_std.render.reproducible import zip_bytes
from govopen_std.view.model import BuildView

FOLDER = "pdf"


class PdfRenderer:
    name = "pdf"

    def __init__(self, *, all_standards: bool = False, **_options: object) -> None:
        self.docx = DocxRenderer(all_standards=all_standards)

    def count(self, view: BuildView) -> int:
        return 2 * self.docx.count(view)

    def render(self, view: BuildView, out: Path, advance: Advance) -> list[Path]:
        for name in ("soffice", "pdfinfo", "pdftotext"):  # before any work: a missing tool is said at once
            office.tool(name)
        written = self.docx.render(view, out, advance)
        docs = [p for p in written if p.suffix == ".docx"]  # besides them: figures/<domain>.svg
        if not docs:
            return written
        work = Path(tempfile.mkdtemp(prefix="govopen-pdf-"))
        try:
            flat = finish_documents(docs, work, view)
            pdfs = office.convert(flat, work / "final")
            for doc, pdf in zip(docs, pdfs, strict=True):
                target = (doc.parent if view.county is not None else out / FOLDER) / pdf.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(office.reproducible_pdf(pdf.read_bytes(), view.build_date))
                advance(target.name)
                written.append(target)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return written


def _write(path: Path, parts: list[tuple[str, bytes]], view: BuildView) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(zip_bytes(parts, view.build_date))


def finish_documents(docs: list[Path], work: Path, view: BuildView) -> list[Path]:
    """Rewrite each DOCX in place: tables split at their first page break, then 目次 page numbers stored.
    Returns the copies to print, whose 目次 numbers are plain text (see `finish.flatten_page_refs`)."""
    parts = {doc: finish.read_parts(doc.read_bytes()) for doc in docs}
    marked = [work / "marked" / doc.name for doc in docs]
    for doc, path in zip(docs, marked, strict=True):
        _write(path, finish.mark_rows(parts[doc]), view)
    for doc, pdf in zip(docs, office.convert(marked, work / "rows"), strict=True):
        breaks = finish.first_breaks(office.destinations(pdf), finish.table_count(parts[doc]))
        parts[doc] = finish.split_tables(parts[doc], breaks)
    split = [work / "split" / doc.name for doc in docs]
    for doc, path in zip(docs, split, strict=True):
        _write(path, parts[doc], view)
    for doc, pdf in zip(docs, office.convert(split, work / "pages"), strict=True):
        pages, labels = office.destinations(pdf), office.page_labels(pdf)
        found = {mark: labels[pages[mark] - 1] for mark in finish.page_ref_targets(parts[doc])
                 if mark in pages and 0 < pages[mark] <= len(labels)}
        parts[doc] = finish.fill_page_refs(parts[doc], found)
        _write(doc, parts[doc], view)
    flat = [work / "flat" / doc.name for doc in docs]
    for doc, path in zip(docs, flat, strict=True):
        _write(path, finish.flatten_page_refs(parts[doc]), view)
    return flat
