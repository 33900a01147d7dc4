"""Formula injection (issue 14 point 6): text from the sources is text in every spreadsheet govopen writes (no
`<f>` element in any XLSX) and is neutralised in every CSV (OWASP: a `'` before = + - @, tab, CR), and a CSV
export reads back through `govopen import`'s reader to the same texts."""

from __future__ import annotations

import csv
import html
import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from reliability_helpers import run_govopen, snapshot

from conftest import MINI, soffice_convert
from govopen_std.render.csv_cells import FORMULA_STARTS, csv_bytes, neutralise, restore

TARGET = "standards/domains/zdbc/zdbc-01.yaml"
HYPERLINK = '=HYPERLINK("http://x","y")'
# One payload in each text field of an item and in a standard's title; each starts with a formula character.
PAYLOADS = {
    "    name: 征收土地预公告\n": f"    name: '{HYPERLINK}'\n",
    "    category: [征地前期准备, 征收土地预公告]": "    category: ['+征地前期准备', '-征收土地预公告']",
    "      - 征收范围\n": "      - '@SUM(1+1)征收范围'\n",
    "    deadline: 征收土地预公告时间不少于10个工作日": '    deadline: "\\t=1+1征收土地预公告时间不少于10个工作日"',
    "who: 拟征收土地所在地的村集体经济组织成员}": "who: \"=cmd|' /C calc'!A0\"}",
}
DEADLINE = "=1+1征收土地预公告时间不少于10个工作日"
TITLE = '=HYPERLINK("http://x","t")'
STANDARD_TITLE = ("{id: gen-01, title: 政务公开总则,", f"{{id: gen-01, title: '{TITLE}',")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace with a payload in every text field, built, exported and reported on (xlsx)."""
    root = tmp_path_factory.mktemp("formula")
    workspace = root / "ws"
    shutil.copytree(MINI, workspace)
    source = workspace / TARGET
    text = source.read_text(encoding="utf-8")
    for old, new in PAYLOADS.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    source.write_text(text, encoding="utf-8")
    system = workspace / "standards" / "system.yaml"
    assert STANDARD_TITLE[0] in system.read_text(encoding="utf-8")
    system.write_text(system.read_text(encoding="utf-8").replace(*STANDARD_TITLE), encoding="utf-8")
    sources = snapshot(workspace / "standards")
    for args in (("build", "-w", str(workspace)), ("export", "-w", str(workspace), "-o", str(root / "export")),
                 ("status", "-w", str(workspace), "--as-of", "2018-03-31", "-f", "xlsx", "-o", str(root / "status.xlsx"))):
        result = run_govopen(*args, cwd=root)
        assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(workspace / "standards") == sources  # the sources are untouched
    return root


def _spreadsheets(root: Path, suffix: str) -> list[Path]:
    found = sorted(p for p in root.rglob(f"*.{suffix}") if ".lo-profile" not in p.parts)
    assert found, f"no .{suffix} written"
    return found


def _cell_texts(path: Path) -> tuple[list[str], str]:
    """(texts of inline and shared string cells, all worksheet XML) of an XLSX file."""
    with zipfile.ZipFile(path) as package:
        sheets = "".join(package.read(n).decode() for n in package.namelist() if n.startswith("xl/worksheets/sheet"))
        shared = package.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in package.namelist() else ""
    texts = re.findall(r"<t(?: [^>]*)?>([^<]*)</t>", sheets + shared)
    return [html.unescape(t) for t in texts], sheets


def _other_domain(path: Path) -> bool:
    """A per-domain download of the site (site/downloads/…/<domain>.xlsx|csv) of a domain without the payloads."""
    return "downloads" in path.parts and path.stem not in ("zdbc", "catalog")


def test_every_xlsx_stores_the_payloads_as_text(outputs: Path) -> None:
    books = _spreadsheets(outputs, "xlsx")
    names = {p.name for p in books}
    assert {"catalog.xlsx", "responsibility-list.xlsx", "catalog-province.xlsx", "status.xlsx"} <= names
    for book in books:
        texts, sheets = _cell_texts(book)
        assert "<f>" not in sheets and "<f " not in sheets, book.name  # no formula anywhere
        if _other_domain(book):
            continue  # checked above for formulas; its rows are another domain's
        if book.name == "status.xlsx":
            assert '=HYPERLINK("http://x","t")' in texts, book.name
        elif book.name != "responsibility-list.xlsx":  # the responsibility list names standards, not items
            assert {"+征地前期准备", "-征收土地预公告", DEADLINE} <= set(texts), book.name
            assert "@SUM(1+1)征收范围" in "\n".join(texts), book.name
            if book.name == "catalog-province.xlsx":  # the export adds 事项名称 to the national columns
                assert HYPERLINK in texts


def test_every_csv_neutralises_formula_starts(outputs: Path) -> None:
    for path in _spreadsheets(outputs, "csv"):
        rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
        cells = [cell for row in rows for cell in row]
        assert cells
        assert [c for c in cells if c.startswith(FORMULA_STARTS)] == [], path.name
        if _other_domain(path):
            continue
        assert "'" + HYPERLINK in cells and "'+征地前期准备" in cells and "'-征收土地预公告" in cells
        assert "'" + DEADLINE in cells  # the leading tab is dropped as blank space, the = is not
        assert {HYPERLINK, "+征地前期准备", "-征收土地预公告", DEADLINE} <= {restore(c) for c in cells}
        assert any(c.startswith("1.@SUM(1+1)征收范围\n") for c in cells)  # numbered content: no formula start


def test_libreoffice_shows_the_text_not_a_link(outputs: Path, tmp_path: Path) -> None:
    """Opened in LibreOffice Calc, the exported catalog shows the payload as it was written, not the link's "y"."""
    converted = soffice_convert(outputs / "export" / "catalog-province.xlsx", tmp_path / "lo",
                                fmt="csv:Text - txt - csv (StarCalc):44,34,76")
    rows = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8-sig"), newline="")))
    names = [row[rows[0].index("事项名称")] for row in rows[1:]]
    assert HYPERLINK in names


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "'=1", "''+x", "普通文本", "a=b", "'a", ""])
def test_neutralise_round_trips(text: str) -> None:
    written = neutralise(text)
    assert not written.startswith(FORMULA_STARTS)
    assert restore(written) == text
    assert (written != text) == text.lstrip("'").startswith(FORMULA_STARTS)


def test_csv_bytes_neutralises_header_and_rows() -> None:
    raw = csv_bytes(["=h", "ok"], [["-1", "x"], ["@y", "+z"]])
    assert raw.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))) == [["'=h", "ok"], ["'-1", "x"],
                                                                                   ["'@y", "'+z"]]
