"""`govopen status` as a user runs it: the date used, per-group and per-unit tables, the quarterly report files,
usage errors with exit code 2 and source errors with exit code 1."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import openpyxl
import pytest
from resp_helpers import annex1_rows, workspace_with_registry

import docx
from conftest import run_cli


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return workspace_with_registry(tmp_path_factory.mktemp("status") / "ws")


def _status(ws: Path, *args: str) -> tuple[int, str, str]:
    result = run_cli("status", "--workspace", str(ws), *args)
    return result.exit_code, result.stdout, result.stderr


def test_as_of_2018_01_01_lists_every_2017_12_standard_overdue(ws: Path) -> None:
    code, out, err = _status(ws, "--as-of", "2018-01-01", "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert "统计日期：2018-01-01（--as-of 指定）" in err
    by_id = {s["id"]: s for s in records["standards"]}
    overdue = {(by_id[i]["group_title"], by_id[i]["title"]) for i in records["overdue"]}
    assert overdue == {(g, t) for g, _s, t, month, _u in annex1_rows() if month == "2017-12"}
    assert not any(by_id[i]["month"] == "2018-04" for i in records["overdue"])
    assert records["as_of"] == "2018-01-01" and records["date_source"] == "option"


def test_text_tables_per_group_and_unit(ws: Path) -> None:
    code, out, err = _status(ws, "--as-of", "2018-01-01")
    assert code == 0, err
    assert out.splitlines()[0] == "统计日期：2018-01-01（--as-of 指定）"
    for title in ("各分组进展", "各责任单位进展", "逾期未发布的标准", "基础通用标准", "省农办", "浙江省农业农村厅"):
        assert title in out
    overdue_part = out.split("逾期未发布的标准", 1)[1]
    assert "ywjy-00" in overdue_part and "ywjy-01" not in overdue_part


def test_without_as_of_the_clock_date_is_used_and_printed(ws: Path) -> None:
    before = dt.date.today()
    code, out, err = _status(ws)
    after = dt.date.today()
    assert code == 0, err
    first = out.splitlines()[0]
    assert first in {f"统计日期：{d.isoformat()}（今天的日期；未指定 --as-of）" for d in (before, after)}


def test_unit_by_todays_name(ws: Path) -> None:
    code, out, err = _status(ws, "--as-of", "2018-05-01", "--unit", "浙江省自然资源厅", "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert records["unit"] == {"query": "浙江省自然资源厅", "matched": ["省国土资源厅"]}
    assert {s["group"] for s in records["standards"]} == {"zdbc", "cqaz"}
    assert records["totals"]["overdue"] == 14
    assert [u["today"] for u in records["units"]] == ["浙江省自然资源厅"]


def test_unknown_unit_is_a_usage_error_with_a_suggestion(ws: Path) -> None:
    code, _out, err = _status(ws, "--unit", "省住建局")
    assert code == 2
    assert "E912" in err and "省住建局" in err and "省建设厅" in err


@pytest.mark.parametrize(("args", "code"), [
    (("--as-of", "2018-02-30"), "E911"),
    (("--as-of", "yesterday"), "E911"),
    (("--format", "xlsx"), "E910"),
    (("--format", "docx"), "E910"),
])
def test_usage_errors(ws: Path, args: tuple[str, ...], code: str) -> None:
    exit_code, _out, err = _status(ws, *args)
    assert exit_code == 2
    assert code in err and "Traceback" not in err


def test_quarterly_report_files(ws: Path, tmp_path: Path) -> None:
    for fmt in ("json", "xlsx", "docx"):
        target = tmp_path / f"report.{fmt}"
        code, out, err = _status(ws, "--as-of", "2018-03-31", "--format", fmt, "--out", str(target))
        assert code == 0, err
        assert target.is_file() and f"已写出：{target}" in out
    records = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert records["quarter"] == "2018年第一季度" and records["totals"]["overdue"] == 23
    document = docx.Document(str(tmp_path / "report.docx"))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0].replace("\n", "") == "基层政务公开标准化规范化试点工作季度进展报告"
    assert "（2018年第一季度，截至2018年3月31日）" in paragraphs
    assert records["summary"] in paragraphs
    assert paragraphs[-1] == "2018年3月31日"
    assert len(document.tables) == 3  # groups, units, overdue (no status change this quarter)
    wb = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert wb.sheetnames == ["概况", "分组", "责任单位", "标准", "本季度变化"]
    assert wb["概况"]["A3"].value == records["summary"]
    assert wb["标准"].max_row == 74 and wb["标准"].freeze_panes == "A2"


def test_report_files_are_reproducible(ws: Path, tmp_path: Path) -> None:
    for fmt in ("xlsx", "docx"):
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        for target in (first, second):
            assert _status(ws, "--as-of", "2018-03-31", "-f", fmt, "-o", str(target))[0] == 0
        assert first.read_bytes() == second.read_bytes()


def test_status_history_moves_a_standard_to_done(tmp_path: Path) -> None:
    ws = workspace_with_registry(tmp_path / "ws")
    system = ws / "standards" / "system.yaml"
    old = "  - {id: gen-01, title: 政务公开总则, group: general, subgroup: overall, month: 2017-12, units: [省质监局], status: 起草}"
    text = system.read_text(encoding="utf-8")
    assert old in text
    system.write_text(text.replace(old, (
        "  - {id: gen-01, title: 政务公开总则, group: general, subgroup: overall, month: 2017-12, units: [省质监局],\n"
        "     status: 发布, number: DB33/T 2100—2017, issued: 2017-12-28, implemented: 2018-01-28,\n"
        "     status_history: [{date: 2017-10-10, status: 征求意见}, {date: 2017-12-28, status: 发布}]}")),
        encoding="utf-8")
    code, out, err = _status(ws, "--as-of", "2018-01-01", "--format", "json")
    assert code == 0, err
    records = json.loads(out)
    assert "gen-01" not in records["overdue"] and records["totals"]["done"] == 1
    assert [e["id"] for e in records["events"]] == []  # 2017-12-28 is in the previous quarter
    code, out, _err = _status(ws, "--as-of", "2017-12-28", "--format", "json")
    assert [e["date"] for e in json.loads(out)["events"]] == ["2017-10-10", "2017-12-28"]


def test_errors_in_system_yaml_stop_status_with_exit_1(tmp_path: Path) -> None:
    ws = workspace_with_registry(tmp_path / "ws")
    system = ws / "standards" / "system.yaml"
    system.write_text(system.read_text(encoding="utf-8").replace("status: 起草}", "statuss: 起草}", 1),
                      encoding="utf-8")
    code, out, err = _status(ws, "--as-of", "2018-01-01")
    assert code == 1
    assert "standards/system.yaml:" in err and "S201" in err and "E913" in err
    assert out == ""


def test_report_format_follows_the_file_name_when_not_given(ws: Path, tmp_path: Path) -> None:
    code, _out, err = _status(ws, "--as-of", "2018-03-31", "-o", str(tmp_path / "report.docx"))
    assert code == 0, err
    assert docx.Document(str(tmp_path / "report.docx")).paragraphs  # a real DOCX, not text
    code, _out, err = _status(ws, "--as-of", "2018-03-31", "-o", str(tmp_path / "report.pdf"))
    assert code == 1 and "E915" in err and "report.pdf" in err and "Traceback" not in err
    assert not (tmp_path / "report.pdf").exists()


def test_a_report_that_cannot_be_written_is_e914_with_the_reason(ws: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _out, err = _status(ws, "--as-of", "2018-03-31", "-f", "xlsx", "-o", str(blocker / "report.xlsx"))
    assert code == 1 and "E914" in err and "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "not a folder"
