"""`govopen ledger export`: the stored ledger back to CSV and XLSX; each imports again to the same rows (spot checks
included); CSV cells are formula-safe; XLSX cells are text; equal stores give equal bytes."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

from conftest import run_cli
from govopen_std.evaluate.ledger_export import formula_safe
from govopen_std.evaluate.store import LedgerRow
from helpers.ledger import HEADER, ledger_workspace, problems, run_import, stored, write_csv

ROWS = [
    ["ZDBC-01-01", "", "征地管理政策", "2018-03-05", "2018-03-09", "政府网站、两微一端", "https://a.example/1", "区政府",
     "发布", "", ""],
    ["ZDBC-01-01", "", "图解征地管理政策", "2018-03-09", "2018-03-10", "政府网站", "", "区政府", "解读", "征地管理政策", ""],
    ["ZDBC-02-01", "", "=HYPERLINK(\"http://evil\")", "2018-04-01", "2018-04-02", "政府网站", "", "-区政府", "发布", "",
     "@备注"],
]


def _content(rows: list[LedgerRow]) -> list[LedgerRow]:
    """Rows without provenance, which an export → import changes by design (the new file is the source)."""
    return sorted((dataclasses.replace(r, source_file="", source_sheet=None, source_row=0) for r in rows),
                  key=lambda r: r.identity)


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    workspace = ledger_workspace(tmp_path / "ws")
    path = write_csv(tmp_path / "in.csv", ROWS, header=[*HEADER, "类别", "关联信息", "备注"])
    summary = run_import(workspace, path)
    assert summary.ok and summary.added == 3, problems(summary)
    return workspace


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_export_round_trip(ws: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"ledger{suffix}"
    result = run_cli("ledger", "export", "--county", "330105", "-o", str(out), "-w", str(ws))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "已导出 3 行台账" in result.stdout
    fresh = ledger_workspace(tmp_path / "fresh")
    summary = run_import(fresh, out)
    assert summary.ok, problems(summary)
    # CSV: the apostrophe that kept a formula-like cell as text is dropped again on import
    assert _content(stored(fresh)) == _content(stored(ws))
    assert any(r.title.startswith("=HYPERLINK") for r in stored(fresh))


def test_spot_checks_survive_the_round_trip(ws: Path, tmp_path: Path) -> None:
    from govopen_std.evaluate.ledger_export import export_ledger
    from govopen_std.evaluate.store import STORE_NAME, insert_rows, open_store

    check = LedgerRow(county="330105", item_code="ZDBC-90-01", kind="抽查", title="征地信息查询服务", formed=None,
                      published="2018-06-01", channels=("政府网站",), url="https://a.example/x", publisher=None,
                      source_file="c.xlsx", source_row=4, source_sheet="抽查清单", found=True,
                      elements={"名称": True, "依据": False}, note="缺依据")
    conn = open_store(ws / "standards" / STORE_NAME)
    insert_rows(conn, [check])
    conn.close()
    out = tmp_path / "all.xlsx"
    assert export_ledger(ws / "standards" / STORE_NAME, "330105", out, "拱墅区公开台账") == 4
    fresh = ledger_workspace(tmp_path / "fresh")
    assert run_import(fresh, out).ok
    assert _content(stored(fresh)) == _content(stored(ws))


def test_csv_is_formula_safe_and_xlsx_is_text(ws: Path, tmp_path: Path) -> None:
    csv_out, xlsx_out = tmp_path / "l.csv", tmp_path / "l.xlsx"
    for out in (csv_out, xlsx_out):
        assert run_cli("ledger", "export", "-c", "330105", "-o", str(out), "-w", str(ws)).exit_code == 0
    text = csv_out.read_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ",'-区政府," in text and ",'@备注," in text
    assert "ZDBC-02-01,征收土地预公告,发布," in text  # the item's name from the catalog, for the reviewer
    sheet = zipfile.ZipFile(xlsx_out).read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<v>" not in sheet  # no formulas and no numbers: every cell an inline string
    assert "2018-03-05" in sheet
    again = tmp_path / "again.xlsx"
    run_cli("ledger", "export", "-c", "330105", "-o", str(again), "-w", str(ws))
    assert again.read_bytes() == xlsx_out.read_bytes()


def test_formula_safe() -> None:
    assert [formula_safe(c) for c in ["=1+1", "+1", "-2", "@x", "\tx", "\rx", "正文", "", "a=b"]] == [
        "'=1+1", "'+1", "'-2", "'@x", "'\tx", "'\rx", "正文", "", "a=b"]


def test_export_usage_errors(ws: Path, tmp_path: Path) -> None:
    wrong = run_cli("ledger", "export", "-c", "330105", "-o", str(tmp_path / "l.txt"), "-w", str(ws))
    assert wrong.exit_code == 2
    unknown = run_cli("ledger", "export", "-c", "330199", "-o", str(tmp_path / "l.csv"), "-w", str(ws), "--lang", "en")
    assert unknown.exit_code == 1 and "L701" in unknown.stdout and "no county '330199'" in unknown.stdout
