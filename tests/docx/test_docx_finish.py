"""Finishing a DOCX from its layout without an office suite (issue 15): the table split with its "表1（续）"
caption row, the stored PAGEREF results, the PDF copy's plain 目次 numbers, reproducible PDF bytes, and
`-f pdf` without soffice (a clear error and the package to install) while other builds never need it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx_helpers import build_docx, copy_mini
from docx_reader import DocxFile

from conftest import run_cli
from govopen_std.build import BuildOptions, run
from govopen_std.diagnostics import GovOpenError
from govopen_std.render.docx_std import finish
from govopen_std.render.office import reproducible_pdf

ROWS = 40
LONG = ("clauses:\n  - title: 公开要求\n    body:\n      - 记录要素应符合表1的规定。\n      - table:\n"
        "          caption: 记录要素\n          header: [序号, 要素]\n          rows:\n"
        + "".join(f"            - ['{i}', 要素{i}]\n" for i in range(1, ROWS + 1)))


@pytest.fixture(autouse=True)
def _no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.fixture(scope="module")
def docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("finish")
    ws = copy_mini(base / "ws")
    text = ws / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    original = text.read_text(encoding="utf-8")
    text.write_text(original[:original.index("clauses:")] + LONG + original[original.index("items:"):], encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.delenv("SOURCE_DATE_EPOCH", raising=False)
    try:
        build_docx(ws, base / "out")
    finally:
        mp.undo()
    return base / "out" / "docx" / "zdbc-01.docx"


def _save(parts: list[tuple[str, bytes]], path: Path) -> Path:
    from govopen_std.render.reproducible import zip_bytes

    path.write_bytes(zip_bytes(parts, dt.date(2021, 7, 2)))
    return path


def test_first_breaks_come_from_the_rows_pages() -> None:
    pages = {finish.ROW_MARK.format(table=0, row=r): 5 + (r >= 12) for r in range(20)}
    pages.update({finish.ROW_MARK.format(table=1, row=r): 9 for r in range(3)})
    assert finish.first_breaks(pages, 2) == {0: 12}  # table 1 fits on its page


def test_split_puts_the_continuation_caption_over_the_repeated_heading(docx: Path, tmp_path: Path) -> None:
    parts = finish.read_parts(docx.read_bytes())
    tables = finish.table_count(parts)
    assert tables == 2  # 表1 and the catalog 表A.1
    marked = DocxFile.open(_save(finish.mark_rows(parts), tmp_path / "marked.docx"))
    assert marked.tables and marked.tables[0].rows()[1][0] == "1"  # bookmarks do not change the text
    split = DocxFile.open(_save(finish.split_tables(parts, {0: 25}), tmp_path / "split.docx"))
    first, second = split.tables[0].rows(), split.tables[1].rows()
    assert first[0] == ["序号", "要素"] and [r[0] for r in first[1:]] == [str(i) for i in range(1, 26)]
    assert second[0] == ["表1（续）"] and second[1] == ["序号", "要素"]
    assert [r[0] for r in second[2:]] == [str(i) for i in range(26, ROWS + 1)]
    between = split.tables[1].element.getprevious()
    assert split.page_break_before(between)
    assert split.tables[2].rows()[0][:2] == ["序号", "事项编码"]  # the catalog is untouched


def test_page_numbers_are_stored_and_the_pdf_copy_prints_them(docx: Path, tmp_path: Path) -> None:
    parts = finish.read_parts(docx.read_bytes())
    targets = finish.page_ref_targets(parts)
    assert len(targets) >= 6  # 前言, 1–4, 附录A, 参考文献: every entry of the 目次 is a field
    labels = {mark: str(i) for i, mark in enumerate(targets, 1)}
    labels[targets[0]] = "II"
    filled = finish.fill_page_refs(parts, labels)
    document = dict(filled)[finish.DOCUMENT].decode()
    assert f"PAGEREF {targets[0]} \\h </w:instrText>" in document
    assert "updateFields" not in dict(filled)[finish.SETTINGS].decode()
    toc = [p.text for p in DocxFile.open(_save(filled, tmp_path / "filled.docx")).paragraphs
           if p.text.startswith(("前言", "1\u3000范围"))]
    assert toc[:2] == ["前言\tII", "1\u3000范围\t2"]
    flat = dict(finish.flatten_page_refs(filled))[finish.DOCUMENT].decode()
    assert "PAGEREF" not in flat and ">II</w:t>" in flat


def test_pdf_bytes_lose_their_clock() -> None:
    pdf = b"%PDF-1.4\n/CreationDate(D:20261208033803Z')>>\n/ID [ <EE577C2332393AF2ACB0E89689000B88>\n<EE577C2332393AF2ACB0E89689000B88> ]\n"
    later = pdf.replace(b"20261208033803", b"20270101120000").replace(b"EE577C", b"0000AA")
    a, b = reproducible_pdf(pdf, dt.date(2021, 7, 2)), reproducible_pdf(later, dt.date(2021, 7, 2))
    assert a == b and len(a) == len(pdf) and b"D:20210702000000" in a


def test_pdf_without_soffice_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    ws = copy_mini(tmp_path / "ws")
    with pytest.raises(GovOpenError) as caught:
        run(BuildOptions(workspace=ws, out_dir=tmp_path / "out", formats=("pdf",), counties=(), province=True))
    found = caught.value.diagnostic
    assert found.code == "B650"
    assert "apt-get install libreoffice-writer-nogui" in (found.hint() or "")
    assert "LibreOffice" in found.message("en") and "soffice" in found.message()
    assert not (tmp_path / "out" / "pdf").exists()
    cli = run_cli("build", "-w", str(ws), "-o", str(tmp_path / "cli"), "-f", "pdf")
    assert cli.exit_code == 2 and "B650" in cli.stderr + cli.stdout
    plain = run(BuildOptions(workspace=ws, out_dir=tmp_path / "plain", formats=None, counties=(), province=True))
    assert plain.ok and (tmp_path / "plain" / "docx").is_dir() and not (tmp_path / "plain" / "pdf").exists()
