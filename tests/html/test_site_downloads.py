"""Issue 16: the site is self-contained. The DOCX texts, the XLSX catalogs (whole and per domain) and a CSV per
domain are inside `site/downloads/` and linked from the pages; `site/` copied alone elsewhere has no broken
link; rebuilds are byte-identical; CSV cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from site_helpers import Page, mini_with_county, pages

from govopen_std.build import BuildOptions, run
from govopen_std.render.html_site.downloads import formula_safe

FORMATS = ("html", "docx", "xlsx")


def full_build(workspace: Path, out: Path) -> Path:
    result = run(BuildOptions(workspace=workspace, out_dir=out, formats=FORMATS, jobs=1))
    assert result.ok, [d.message("en") for d in result.diagnostics.items if d.severity.name == "ERROR"]
    return out


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("downloads")
    workspace = mini_with_county(root / "ws")
    return full_build(workspace, root / "a"), full_build(workspace, root / "b")


def refs(html: str) -> list[str]:
    page = Page(html)
    found = [a.get("href") for a in page.all("a")] + [a.get("href") for a in page.all("link")]
    found += [s.get("src") for s in page.all("script")] + [i.get("src") for i in page.all("img")]
    return [r for r in found if r]


def broken_links(site: Path) -> tuple[list[str], int]:
    """(links to a missing file or out of the folder, number of links checked) over every HTML file."""
    broken, checked = [], 0
    root = site.resolve()
    for path in pages(site):
        for ref in refs(path.read_text(encoding="utf-8")):
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https") and parts.netloc:
                continue  # a county's own channel address (a web link, not a file of the site)
            if not parts.path:
                continue  # a fragment of the same page
            target = (path.parent / unquote(parts.path)).resolve()
            checked += 1
            if root not in target.parents or not target.is_file():
                broken.append(f"{path.relative_to(site)} -> {ref}")
    return broken, checked


@pytest.mark.parametrize("target", [".", "330105"])
def test_the_site_copied_alone_has_no_broken_link(builds: tuple[Path, Path], tmp_path: Path, target: str) -> None:
    site = builds[0] / target / "site"
    copy = tmp_path / "portal" / "upload"
    shutil.copytree(site, copy)  # what an editor uploads: site/ without its siblings
    broken, checked = broken_links(copy)
    assert checked > 100
    assert broken == []
    downloads = sorted(p.relative_to(copy).as_posix() for p in (copy / "downloads").rglob("*") if p.is_file())
    assert any(d.startswith("downloads/docx/") for d in downloads)
    assert "downloads/xlsx/catalog.xlsx" in downloads and "downloads/xlsx/zdbc.xlsx" in downloads
    assert "downloads/csv/zdbc.csv" in downloads
    # and the pages link them
    domain = (copy / "domains" / "zdbc.html").read_text(encoding="utf-8")
    for href in ("../downloads/xlsx/zdbc.xlsx", "../downloads/csv/zdbc.csv", "../downloads/xlsx/catalog.xlsx"):
        assert f'href="{href}"' in domain
    standard = (copy / "standards" / "zdbc-01.html").read_text(encoding="utf-8")
    docx = "catalog.docx" if target != "." else "zdbc-01.docx"
    assert f'href="../downloads/docx/{docx}"' in standard
    assert (copy / "downloads" / "docx" / docx).read_bytes() == (builds[0] / target / "docx" / docx).read_bytes()


def test_a_rebuild_is_byte_identical(builds: tuple[Path, Path]) -> None:
    first, second = builds
    files = sorted(p.relative_to(first).as_posix() for p in first.rglob("*") if p.is_file() and "/site/" in
                   f"/{p.relative_to(first).as_posix()}")
    assert len(files) > 50 and any("/downloads/" in f for f in files)
    different = [f for f in files if (first / f).read_bytes() != (second / f).read_bytes()]
    assert different == []


def test_the_domain_csv_holds_the_catalog_and_is_formula_safe(builds: tuple[Path, Path]) -> None:
    data = (builds[0] / "330105" / "site" / "downloads" / "csv" / "zdbc.csv").read_bytes()
    assert data.startswith("\ufeff".encode())  # Excel opens it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0][:6] == ["序号", "事项编码", "一级事项", "二级事项", "三级事项", "事项名称"]
    codes = [r[1] for r in rows[1:]]
    assert "ZDBC-01-01" in codes and "ZDBC-90-01" in codes
    assert all(not cell.startswith(("=", "+", "-", "@")) for r in rows[1:] for cell in r)


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("征收土地预公告", "征收土地预公告"), ("", ""), ("a=b", "a=b"),
])
def test_formula_safe(cell: str, safe: str) -> None:
    assert formula_safe(cell) == safe


def test_a_pdf_is_linked_only_when_the_build_makes_pdfs(tmp_path: Path) -> None:
    from govopen_std.pipeline import check_workspace
    from govopen_std.render.html_site.downloads import pdf_href
    from govopen_std.resolve.catalog import resolve_province
    from govopen_std.view.builder import build_view

    workspace = mini_with_county(tmp_path / "ws")
    sources = check_workspace(workspace).sources
    assert sources.system is not None
    view = build_view(sources, resolve_province(sources, {p.id: p.group for p in sources.system.value.standards}))
    with_text = next(s for s in view.standards if s.text is not None)
    without = next(s for s in view.standards if s.text is None)
    assert pdf_href(view, with_text, ("html", "docx"), all_standards=False) is None
    assert pdf_href(view, with_text, ("docx", "html", "pdf"), all_standards=False) == f"downloads/pdf/{with_text.id}.pdf"
    assert pdf_href(view, without, ("html", "pdf"), all_standards=False) is None  # no text, no PDF


def test_bundle_copies_the_built_docx_and_pdf_into_the_site(tmp_path: Path) -> None:
    from govopen_std.render.html_site.downloads import bundle

    target = tmp_path / "out"
    (target / "docx").mkdir(parents=True)
    (target / "pdf").mkdir()
    (target / "docx" / "zdbc-01.docx").write_bytes(b"docx")
    (target / "pdf" / "zdbc-01.pdf").write_bytes(b"%PDF")
    (target / "pdf" / "figure.svg").write_bytes(b"<svg/>")  # not a PDF: stays out
    assert bundle(target) == []  # no site in this target (an html-less build): nothing to do
    (target / "site").mkdir()
    copied = bundle(target)
    assert [p.relative_to(target).as_posix() for p in copied] == [
        "site/downloads/docx/zdbc-01.docx", "site/downloads/pdf/zdbc-01.pdf"]
    assert (target / "site" / "downloads" / "pdf" / "zdbc-01.pdf").read_bytes() == b"%PDF"
