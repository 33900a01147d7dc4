"""`govopen ledger import`: every kind of bad row, located at file:sheet:row (CSV: file:row) with its column and
code, kept out of the store while every good row is stored; file-level errors; idempotent re-import; exit codes
and English messages through the real CLI."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_cli
from helpers.ledger import HEADER, good_row, ledger_workspace, problems, run_import, stored, write_csv, write_xlsx

BAD_ROWS = [
    # (row cells, code, column as written in the header)
    (["ZDBC-77-01", "", "未知事项", "2018-03-05", "2018-03-09", "政府网站", "", "单位"], "L710", "事项编码"),
    (["ZDBC-01-01", "", "坏日期", "2018-02-30", "2018-03-09", "政府网站", "", "单位"], "L711", "信息形成（变更）日期"),
    (["ZDBC-01-01", "", "先发布", "2018-03-09", "2018-03-05", "政府网站", "", "单位"], "L712", "发布日期"),
    (["ZDBC-01-01", "", "未来", "2018-03-05", "2019-06-01", "政府网站", "", "单位"], "L713", "发布日期"),
    (["ZDBC-01-01", "", "坏链接", "2018-03-05", "2018-03-09", "政府网站", "ftp://x.example/a", "单位"], "L714", "链接"),
    (["ZDBC-01-01", "", "坏渠道", "2018-03-05", "2018-03-09", "飞鸽传书", "", "单位"], "L715", "发布渠道"),
]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return ledger_workspace(tmp_path / "ws")


@pytest.mark.parametrize(("cells", "code", "column"), BAD_ROWS, ids=[b[1] for b in BAD_ROWS])
def test_each_bad_csv_row_is_located_and_kept_out(ws: Path, tmp_path: Path, cells: list[str], code: str,
                                                  column: str) -> None:
    path = write_csv(tmp_path / "ledger.csv", [good_row(title="好一"), cells, good_row(title="好二")],
                     title_rows=["拱墅区公开台账"])
    summary = run_import(ws, path)
    assert problems(summary) == [(code, f"{path.as_posix()}:4", column)]
    assert not summary.ok
    assert sorted(r.title for r in stored(ws)) == ["好一", "好二"]
    assert (summary.read, summary.accepted, summary.rejected) == (3, 2, 1)


def test_every_bad_row_in_one_xlsx_sheet(ws: Path, tmp_path: Path) -> None:
    rows = [good_row(title="好")] + [cells for cells, _, _ in BAD_ROWS]
    path = write_xlsx(tmp_path / "ledger.xlsx", rows, sheet="2018年")
    summary = run_import(ws, path)
    expected = [(code, f"{path.as_posix()}:2018年:{n}", column) for n, (_, code, column) in enumerate(BAD_ROWS, 3)]
    assert problems(summary) == expected
    assert [r.title for r in stored(ws)] == ["好"]
    assert stored(ws)[0].source_sheet == "2018年" and stored(ws)[0].source_row == 2


def test_one_row_with_several_problems_reports_them_all(ws: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [["", "", "", "2018-13-01", "", "飞鸽传书", "mailto:a@b", ""]])
    codes = sorted(code for code, _, _ in problems(run_import(ws, path)))
    assert codes == ["L711", "L714", "L715", "L716", "L716", "L716"]  # item, title, published missing


def test_unknown_name_lists_the_nearest_items(ws: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [["", "征地管理政策文件", "t", "2018-03-05", "2018-03-09", "政府网站", "", ""]])
    summary = run_import(ws, path)
    (diag,) = summary.diagnostics.items
    assert diag.code == "L710" and dict(diag.params)["column"] == "事项名称"
    assert diag.hint("zh") == "最接近的事项：ZDBC-01-01 征地管理政策"


def test_rows_match_by_code_else_by_exact_name(ws: Path, tmp_path: Path) -> None:
    rows = [["zdbc-02-01", "", "按编码", "2018-03-05", "2018-03-09", "政府网站", "", ""],
            ["", "征地信息查询服务", "按名称", "2018-03-05", "2018-03-09", "政府网站", "", ""],
            ["ZDBC-99-99", "征收土地预公告", "编码错名称对", "2018-03-05", "2018-03-09", "政府网站", "", ""]]
    summary = run_import(ws, write_csv(tmp_path / "l.csv", rows))
    assert summary.ok, problems(summary)
    assert {r.title: r.item_code for r in stored(ws)} == {"按编码": "ZDBC-02-01", "按名称": "ZDBC-90-01",
                                                          "编码错名称对": "ZDBC-02-01"}


def test_reimporting_the_same_file_adds_nothing(ws: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [good_row(title="一"), good_row(title="二")])
    first = run_import(ws, path)
    assert first.added == 2
    again = run_import(ws, path)
    assert (again.accepted, again.added) == (2, 0)
    assert len(stored(ws)) == 2
    both = run_import(ws, path, write_csv(tmp_path / "m.csv", [good_row(title="三")]))
    assert both.added == 1 and len(stored(ws)) == 3


def test_provenance_is_kept(ws: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [good_row()], title_rows=["标题", "制表：办公室"])
    run_import(ws, path)
    (row,) = stored(ws)
    assert (row.source_file, row.source_sheet, row.source_row) == (path.as_posix(), None, 4)


def test_missing_required_column_names_the_header_row(ws: Path, tmp_path: Path) -> None:
    header = [h for h in HEADER if h != "发布渠道"]
    path = write_csv(tmp_path / "l.csv", [good_row()[:5] + good_row()[6:]], header=header, title_rows=["标题"])
    summary = run_import(ws, path)
    assert problems(summary) == [("L705", f"{path.as_posix()}:2", "发布渠道")]
    assert dict(summary.diagnostics.items[0].params)["header_row"] == 2
    assert stored(ws) == []


def test_empty_file_and_file_without_header(ws: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"\xef\xbb\xbf\r\n,,\r\n")
    other = write_csv(tmp_path / "other.csv", [["1", "2"]], header=["甲", "乙"])
    assert problems(run_import(ws, empty, other)) == [("L703", empty.as_posix(), ""), ("L704", other.as_posix(), "")]


def test_unreadable_file_and_unknown_county(ws: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert [c for c, _, _ in problems(run_import(ws, broken))] == ["L702"]
    summary = run_import(ws, write_csv(tmp_path / "l.csv", [good_row()]), county="330199")
    assert [c for c, _, _ in problems(summary)] == ["L701"]
    assert "330105" in summary.diagnostics.items[0].message("zh")


def test_today_is_injectable(ws: Path, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [good_row(published="2018-03-09")])
    assert [c for c, _, _ in problems(run_import(ws, path, today=dt.date(2018, 3, 8)))] == ["L713"]
    assert run_import(ws, path, today=dt.date(2018, 3, 9)).ok


def test_cli_exit_codes_and_english(ws: Path, tmp_path: Path) -> None:
    bad = write_csv(tmp_path / "bad.csv", [good_row(), BAD_ROWS[0][0]])
    result = run_cli("ledger", "import", str(bad), "--county", "330105", "--today", "2019-01-01",
                     "--workspace", str(ws), "--lang", "en")
    assert result.exit_code == 1, result.stderr
    assert f"{bad.as_posix()}:3: error L710 column '事项编码': 'ZDBC-77-01' is not an item of the county's catalog" \
        in result.stdout
    assert "read 2 rows: 1 valid, 1 of them new" in result.stdout
    good = write_csv(tmp_path / "good.csv", [good_row(title="另一条")])
    ok = run_cli("ledger", "import", str(good), "-c", "330105", "--today", "2019-01-01", "-w", str(ws))
    assert ok.exit_code == 0, ok.stdout + ok.stderr
    assert "读取 1 行：1 行有效，其中新增 1 行" in ok.stdout
    usage = run_cli("ledger", "import", str(good), "-c", "330105", "--today", "明天", "-w", str(ws))
    assert usage.exit_code == 2 and "--today" in usage.stderr


def test_builtin_standards_are_not_written(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "l.csv", [good_row()])
    result = run_cli("ledger", "import", str(path), "-c", "330105", cwd=tmp_path)
    assert result.exit_code == 1 and "L722" in result.stdout
