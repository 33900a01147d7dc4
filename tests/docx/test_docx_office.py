"""The built DOCX files in a real office suite: every document converts to PDF in one headless LibreOffice
run (under a watchdog), has a plausible page count, shows its cover number (or draft stage) and its first
catalog item, and its 目次 page numbers match where the headings landed. PNGs of each cover and first
catalog page go to build/docx-preview/ for a person to look at.

Needs soffice, pdftotext and pdftoppm (tests/run.sh installs them); skips without them, fails under CI=true.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from docx_helpers import PREVIEW, build_docx, render_shipped, variant_workspace
from docx_reader import DocxFile
from office_tools import convert_to_pdf, pdf_pages, snapshot

from conftest import require_tool
from govopen_std.render.docx_std.catalog import CATALOG_HEADER
from govopen_std.render.docx_std.outline import roman

pytestmark = [pytest.mark.office, pytest.mark.slow]
TIMEOUT = 900  # seconds for the single soffice run over every document


def squash(text: str) -> str:
    return re.sub(r"\s", "", text)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, Converted]:
    soffice = require_tool("soffice")
    require_tool("pdftotext")
    require_tool("pdftoppm")
    base = tmp_path_factory.mktemp("office")
    mp = pytest.MonkeyPatch()
    mp.delenv("SOURCE_DATE_EPOCH", raising=False)
    try:
        build_docx(variant_workspace(base / "ws"), base / "mini", counties=None)
        _view, shipped = render_shipped(base / "shipped")
    finally:
        mp.undo()
    staged = base / "staged"  # unique names: the mini and the shipped zdbc-00 would share one PDF name
    staged.mkdir()
    docs = []
    for doc in [*sorted((base / "mini").rglob("*.docx")), *shipped]:
        origin = doc.relative_to(base).parts
        name = "-".join(x for x in (origin[0], *origin[1:-2], doc.name) if x != "docx")
        docs.append(staged / name)
        shutil.copyfile(doc, docs[-1])
    # One soffice start for every document: it costs seconds to start.
    pdfs = convert_to_pdf(soffice, docs, base / "pdf", TIMEOUT)
    assert sorted(pdfs) == sorted(docs), sorted(set(docs) - set(pdfs))
    return {doc: Converted(pdf, pdf_pages("pdftotext", pdf)) for doc, pdf in pdfs.items()}


@dataclass(frozen=True)
class Converted:
    pdf: Path
    pages: list[str]  # text per page


def test_every_document_converts(converted: dict[Path, Converted]) -> None:
    assert len(converted) > 5 and all(c.pdf.stat().st_size > 1000 and c.pages for c in converted.values())
    assert any(d.name.endswith("catalog.docx") for d in converted)  # the county catalog too


def _expectations(doc: DocxFile) -> tuple[int, int]:
    """A page-count range from the document's own content: its sections and a generous page per row."""
    rows = sum(len(t.rows()) for t in doc.tables)
    paragraphs = len(doc.paragraphs)
    low = len(doc.sections) + (1 if any(squash(p.text) == "前言" for p in doc.paragraphs) else 0)
    high = min(300, 6 + len(doc.sections) + paragraphs // 8 + rows)
    return low, high


def test_page_counts_cover_numbers_and_first_catalog_items(converted: dict[Path, Converted]) -> None:
    checked = 0
    for docx_path, conv in converted.items():
        doc = DocxFile.open(docx_path)
        pages = conv.pages
        low, high = _expectations(doc)
        assert low <= len(pages) <= high, f"{docx_path.name}: {len(pages)} pages, expected {low}–{high}"
        text = squash("".join(pages))
        cover = [p.text for p in doc.paragraphs if p.section == 0]
        number = next((t for t in cover if t.startswith("DB33/")), None)
        stage = next((t for t in cover if t.endswith("稿）")), None)
        mark = number or stage or next(t for t in cover if t.strip())  # a county catalog: its title
        assert squash(mark) in squash(pages[0]), docx_path.name
        catalog = next((t for t in doc.tables if t.rows()[0] == list(CATALOG_HEADER)), None)
        if catalog is not None:
            first = catalog.rows()[1]
            # 一级事项 and the first line of 公开内容 (columns 2 and 4: 事项编码 follows 序号)
            assert squash(first[2])[:4] in text and squash(first[4].split("\n")[0])[:6] in text, docx_path.name
            assert squash(first[1]) in text, docx_path.name  # the item code, never broken
        checked += 1
    assert checked == len(converted)


def _toc_labels(page: str) -> dict[str, str]:
    labels = {}
    for line in page.splitlines():
        m = re.match(r"^(.+?)[.…·]{3,}\s*(\S+)$", line.strip())
        if m:
            labels[squash(m.group(1))] = m.group(2)
    return labels


def _page_of(pages: list[str], line: str, start: int) -> int | None:
    """The first page from `start` on with `line` as a line of its own."""
    return next((i for i, p in enumerate(pages) if i >= start
                 and any(squash(x) == line for x in p.splitlines())), None)


def test_toc_page_numbers_match_the_pages(converted: dict[Path, Converted]) -> None:
    """前言 carries a fixed Roman number; chapters, annexes and 参考文献 carry PAGEREF fields. All must match
    the pages where LibreOffice put the headings."""
    checked = 0
    for docx_path, conv in converted.items():
        pages = conv.pages
        toc = next((i for i, p in enumerate(pages) if "目次" in squash(p)[:40]), None)
        if toc is None or docx_path.name.endswith("catalog.docx"):
            continue
        labels = _toc_labels(pages[toc])
        foreword = next((i for i, p in enumerate(pages) if i > toc and "前言" in squash(p)[:40]), None)
        # 前言 and 引言 are PAGEREF fields too (issue 15). LibreOffice recomputes PAGEREF on opening and prints
        # the page's number in Arabic digits whatever the section's format (Word prints II); the Roman
        # numbers are checked in the finished output of `-f pdf` (test_docx_pdf.py).
        assert foreword is not None and labels.get("前言") in (roman(foreword - toc + 1), str(foreword - toc + 1))
        if "引言" in labels:
            intro = next(i for i, p in enumerate(pages) if i > foreword and "引言" in squash(p)[:40])
            assert labels["引言"] in (roman(intro - toc + 1), str(intro - toc + 1)), docx_path.name
        # "1 范围" under the body's first-page title; pdftotext may put part of a two-element title
        # (义务教育政务公开　考核评价) between the "1" and "范围"
        scope = next(i for i, p in enumerate(pages) if re.search(r"1.{0,30}?范围", squash(p)) and i > foreword)
        assert labels.get("1范围") == "1", (docx_path.name, labels)
        for entry, label in labels.items():
            heading = "参考文献" if entry == "参考文献" else entry[:3] if entry.startswith("附录") else None
            if heading is None:
                continue
            at = _page_of(pages, heading, scope)
            assert at is not None and label == str(at - scope + 1), (docx_path.name, entry, label, at)
            checked += 1
    assert checked


def test_snapshots_for_a_person(converted: dict[Path, Converted]) -> None:
    shutil.rmtree(PREVIEW, ignore_errors=True)  # no stale pictures of documents that are gone
    written = []
    for docx_path, conv in converted.items():
        pages, pdf = conv.pages, conv.pdf
        stem = docx_path.stem  # mini-zdbc-00, shipped-gen-01, mini-330105-catalog
        written.append(snapshot("pdftoppm", pdf, 1, PREVIEW / f"{stem}-cover.png"))
        caption = re.compile(r"表(A\.)?\d+[^表。]{0,30}公开事项目录")  # 表A.1 征地补偿领域公开事项目录
        first = next((i for i, p in enumerate(pages) if caption.search(squash(p)) and "序号" in squash(p)), None)
        if first is not None:
            written.append(snapshot("pdftoppm", pdf, first + 1, PREVIEW / f"{stem}-catalog.png"))
    assert written and all(p.is_file() and p.stat().st_size > 1000 for p in written)
