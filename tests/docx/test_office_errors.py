"""The PDF and figure tools failing in the ways a user meets: LibreOffice over its time limit (B651) or writing no
PDF for a file (B652), poppler missing (B653), Graphviz rejecting its input (B655). Each is a GovOpenError with
its code, never a traceback; tools that misbehave are stand-in scripts on PATH."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from conftest import require_tool
from govopen_std.diagnostics import GovOpenError
from govopen_std.render import office
from govopen_std.render.docx_std.figures import render_dot


def _script(folder: Path, name: str, body: str) -> None:
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


def test_b651_a_conversion_over_its_time_limit_is_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _script(tmp_path / "bin", "soffice", "sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(office, "BATCH_SECONDS", 1)
    monkeypatch.setattr(office, "PER_DOCUMENT_SECONDS", 0)
    doc = tmp_path / "a.docx"
    doc.write_bytes(b"PK")
    with pytest.raises(GovOpenError) as caught:
        office.convert([doc], tmp_path / "pdf")
    assert caught.value.diagnostic.code == "B651"
    assert "1" in caught.value.diagnostic.message()


def test_b652_libreoffice_writes_no_pdf_for_a_broken_file(tmp_path: Path) -> None:
    require_tool("soffice")
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"\x00\x01 not a document at all")
    with pytest.raises(GovOpenError) as caught:
        office.convert([broken], tmp_path / "pdf")
    assert caught.value.diagnostic.code == "B652"
    assert "broken.pdf" in caught.value.diagnostic.message()


def test_b653_poppler_missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(GovOpenError) as caught:
        office.tool("pdftotext")
    found = caught.value.diagnostic
    assert found.code == "B653" and "poppler-utils" in (found.hint() or "")


def test_b655_graphviz_rejects_its_input() -> None:
    require_tool("dot")
    with pytest.raises(GovOpenError) as caught:
        render_dot("digraph { this is not dot ", "svg")
    assert caught.value.diagnostic.code == "B655"
    assert "syntax error" in caught.value.diagnostic.message()
