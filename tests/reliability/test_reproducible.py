"""Reproducible builds: the same sources give byte-identical outputs (DOCX, XLSX, HTML, JSON, every file), whenever
and from wherever the build runs; `SOURCE_DATE_EPOCH`, when set, is the date written into the outputs.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from reliability_helpers import county_workspace, run_govopen, snapshot

from govopen_std.render.base import available

# What each renderer writes (at least); the comparison itself covers every file, whatever its type.
SUFFIXES = {"docx": {".docx"}, "html": {".html", ".js"}, "xlsx": {".xlsx"}, "responsibility": {".docx", ".xlsx"}}
EPOCH = 1_514_764_800  # 2018-01-01T00:00:00Z


def _build(workspace: Path, out: Path, cwd: Path, **env: str) -> dict[str, str]:
    cwd.mkdir(parents=True, exist_ok=True)
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=cwd, **env)
    assert result.returncode == 0, result.stderr
    return snapshot(cwd / out)  # a relative `out` is relative to the build's working directory


def _zip_outputs(out: Path) -> list[Path]:
    return sorted(p for p in out.rglob("*") if p.suffix in (".docx", ".xlsx"))


def test_builds_are_byte_identical(tmp_path: Path) -> None:
    """Two builds seconds apart, from different working directories, workspace copies, time zones and hash
    seeds, with relative and absolute paths: every output file is the same, byte for byte."""
    first_ws = county_workspace(tmp_path / "a" / "ws")
    second_ws = tmp_path / "elsewhere" / "copy-of-ws"
    shutil.copytree(first_ws, second_ws)
    first = _build(first_ws, tmp_path / "a" / "out", tmp_path / "a", TZ="UTC", PYTHONHASHSEED="1", LC_ALL="C.UTF-8")
    time.sleep(2.1)  # a later wall-clock second (and zip's two-second resolution): the clock must not show
    second = _build(Path("../elsewhere/copy-of-ws"), Path("out2"), tmp_path / "b", TZ="Asia/Shanghai",
                    PYTHONHASHSEED="2", LC_ALL="C")
    assert first, "the build wrote nothing"
    assert sorted(first) == sorted(second)
    differ = sorted(name for name in first if first[name] != second[name])
    assert not differ, differ
    suffixes = {Path(name).suffix for name in first}
    for renderer in available():
        assert SUFFIXES.get(renderer, set()) <= suffixes, (renderer, suffixes)
    assert any(name.startswith("330105/") for name in first), "the county target was not built"


def _core_dates(package: Path) -> set[str]:
    with zipfile.ZipFile(package) as archive:
        core = archive.read("docProps/core.xml").decode("utf-8")
    return set(re.findall(r"<dcterms:(?:created|modified)[^>]*>([^<]+)<", core))


@pytest.mark.parametrize("epoch", [EPOCH, EPOCH + 400 * 86400])
def test_source_date_epoch_is_the_document_date(tmp_path: Path, epoch: int) -> None:
    """With SOURCE_DATE_EPOCH set, the documents' created/modified dates, every zip entry's time and the site's
    data date are that day (and change with it), never the clock."""
    workspace = county_workspace(tmp_path / "ws")
    out = tmp_path / "out"
    _build(workspace, out, tmp_path, SOURCE_DATE_EPOCH=str(epoch))
    day = dt.datetime.fromtimestamp(epoch, tz=dt.UTC).date()
    packages = _zip_outputs(out)
    assert packages, "the build wrote no DOCX or XLSX package"
    for package in packages:
        dates = _core_dates(package)
        assert dates and all(value.startswith(day.isoformat()) for value in dates), (package, dates)
        with zipfile.ZipFile(package) as archive:
            stamps = {info.date_time[:3] for info in archive.infolist()}
        assert stamps == {(day.year, day.month, day.day)}, (package, stamps)
    assert "html" in available()
    for index in (out / "site" / "index.html", out / "330105" / "site" / "index.html"):
            assert f'<time datetime="{day.isoformat()}">' in index.read_text(encoding="utf-8"), index


def test_build_date_without_source_date_epoch_comes_from_the_sources(tmp_path: Path) -> None:
    """Unset, the date is the newest date in the sources (not today): changing a source date changes it."""
    workspace = county_workspace(tmp_path / "ws")
    first = tmp_path / "first"
    _build(workspace, first, tmp_path)
    laws = workspace / "standards" / "laws.yaml"
    laws.write_text(laws.read_text(encoding="utf-8").replace("date: 2021-07-02", "date: 2024-05-06"),
                    encoding="utf-8")
    second = tmp_path / "second"
    _build(workspace, second, tmp_path)
    packages = _zip_outputs(first)
    assert packages, "the build wrote no DOCX or XLSX package"
    today = dt.date.today().isoformat()
    for package in packages:
        before = _core_dates(package)
        after = _core_dates(second / package.relative_to(first))
        assert all(value.startswith("2021-07-02") for value in before), (package, before)
        assert all(value.startswith("2024-05-06") for value in after), (package, after)
        assert not any(value.startswith(today) for value in before | after)
