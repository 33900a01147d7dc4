"""Building twice gives byte-identical DOCX files: fixed zip entry times and document properties taken from
the build date (never the clock), stable ordering."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from docx_helpers import build_docx, read_part, variant_workspace


def _build(ws: Path, out: Path) -> dict[str, bytes]:
    build_docx(ws, out, all_standards=True, counties=None)
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.docx"))}


def test_two_builds_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    ws = variant_workspace(tmp_path / "ws")
    first = _build(ws, tmp_path / "one")
    second = _build(ws, tmp_path / "two")
    assert len(first) == 74 and "330105/docx/catalog.docx" in first
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_dates_come_from_the_build_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2024, 5, 6, tzinfo=dt.UTC).timestamp())))
    ws = variant_workspace(tmp_path / "ws")
    build_docx(ws, tmp_path / "out")
    path = tmp_path / "out" / "docx" / "zdbc-01.docx"
    with zipfile.ZipFile(path) as z:
        assert {info.date_time for info in z.infolist()} == {(2024, 5, 6, 0, 0, 0)}
    core = read_part(path, "docProps/core.xml")
    assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2024-05-06T00:00:00Z</dcterms:created>" in core
    assert "2024-05-06T00:00:00Z</dcterms:modified>" in core
    assert "（本稿完成日期：2024-05-06）" in read_part(path, "word/document.xml")
