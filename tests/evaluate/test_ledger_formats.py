"""Ledger files as counties keep them: every date spelling (and real date cells and Excel serials), header synonyms,
title rows, merged header cells, a 事项名称 merged down over its rows, GB18030 CSV, kinds and linked 解读 rows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from govopen_std.evaluate.ledger_cells import CellError, ChannelReader, parse_date
from helpers.ledger import HEADER, good_row, ledger_workspace, problems, run_import, stored, write_csv

DATES = [("2018-03-05", dt.date(2018, 3, 5)), ("2018/3/5", dt.date(2018, 3, 5)), ("2018.3.5", dt.date(2018, 3, 5)),
         ("2018年3月5日", dt.date(2018, 3, 5)), ("2018年03月05日", dt.date(2018, 3, 5)), ("43164", dt.date(2018, 3, 5)),
         ("2018-03-05 14:30", dt.date(2018, 3, 5)), (43164, dt.date(2018, 3, 5)), (43164.75, dt.date(2018, 3, 5)),
         (dt.datetime(2018, 3, 5, 9, 0), dt.date(2018, 3, 5)), (dt.date(2018, 12, 31), dt.date(2018, 12, 31)),
         ("2016/2/29", dt.date(2016, 2, 29))]
BAD_DATES = ["2018-02-30", "2018/13/1", "2018-3/5", "3/5/2018", "2018", "明天", "2018年3月", "12", 5, True]


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return ledger_workspace(tmp_path / "ws")


@pytest.mark.parametrize(("value", "expected"), DATES, ids=[str(d[0]) for d in DATES])
def test_date_spellings(value: object, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", BAD_DATES, ids=[str(v) for v in BAD_DATES])
def test_unreadable_dates(value: object) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(value)
    assert caught.value.code == "L711"


def test_every_date_spelling_imports_to_the_same_day(ws: Path, tmp_path: Path) -> None:
    texts = [v for v, _ in DATES if isinstance(v, str) and v != "2016/2/29"]
    rows = [good_row(title=f"t{i}", formed=v, published=v) for i, v in enumerate(texts)]
    summary = run_import(ws, write_csv(tmp_path / "l.csv", rows))
    assert summary.ok, problems(summary)
    assert {r.published for r in stored(ws)} == {"2018-03-05"} and len(stored(ws)) == len(texts)


def test_xlsx_date_cells_and_serials(ws: Path, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws_ = wb.active
    ws_.append(HEADER)
    ws_.append(["ZDBC-01-01", None, "日期格", dt.datetime(2018, 3, 5), dt.datetime(2018, 3, 9, 10, 30), "政府网站",
                None, "单位"])
    ws_.append(["ZDBC-01-01", None, "序列数", 43164, 43168.5, "政府网站", None, "单位"])
    path = tmp_path / "d.xlsx"
    wb.save(path)
    summary = run_import(ws, path)
    assert summary.ok, problems(summary)
    assert {(r.title, r.formed, r.published) for r in stored(ws)} == {("日期格", "2018-03-05", "2018-03-09"),
                                                                     ("序列数", "2018-03-05", "2018-03-09")}


def test_header_synonyms_and_title_rows(ws: Path, tmp_path: Path) -> None:
    header = ["目录编码", "公开事项", "标题", "形成日期", "公开时间", "公开渠道", "网址", "公开主体", "信息类型", "对应政策",
              "公示结束日期", "说明"]
    rows = [["ZDBC-01-01", "", "政策原文", "2018-03-05", "2018-03-09", "门户网站、政务微信", "http://a.example/1", "区政府",
             "", "", "2018-03-20", "第一批"],
            ["", "征地管理政策", "政策图解", "2018-03-09", "2018-03-10", "政府网站", "", "区政府", "政策解读", "政策原文", "",
             ""]]
    path = write_csv(tmp_path / "l.csv", rows, header=header, title_rows=["拱墅区 2018 年公开台账", "单位：区政府办"])
    summary = run_import(ws, path)
    assert summary.ok, problems(summary)
    by_title = {r.title: r for r in stored(ws)}
    policy, reading = by_title["政策原文"], by_title["政策图解"]
    assert (policy.kind, policy.channels, policy.notice_end, policy.note) == ("发布", ("政府网站", "两微一端"),
                                                                              "2018-03-20", "第一批")
    assert (reading.kind, reading.related, reading.item_code) == ("解读", "政策原文", "ZDBC-01-01")


def test_merged_header_cells_over_two_rows(ws: Path, tmp_path: Path) -> None:
    """事项编码 … merged down over two header rows; 日期 merged across 形成日期/发布日期 below it."""
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    sheet.append(["2018年公开台账"])
    sheet.append(["事项编码", "信息标题", "日期", None, "发布渠道", "链接", "发布单位"])
    sheet.append([None, None, "信息形成（变更）日期", "发布日期", None, None, None])
    sheet.append(["ZDBC-01-01", "合并表头", "2018-03-05", "2018-03-06", "政府网站", "https://a.example/", "区政府"])
    sheet.append(["ZDBC-02-01", "合并单元格", "2018-04-01", "2018-04-02", "政府网站", None, "区政府"])
    sheet.append([None, "同一事项第二条", "2018-04-03", "2018-04-03", "政府网站", None, "区政府"])
    sheet.merge_cells("A1:G1")
    sheet.merge_cells("C2:D2")
    for col in "ABEFG":
        sheet.merge_cells(f"{col}2:{col}3")
    sheet.merge_cells("A5:A6")  # one 事项编码 written once over the two pieces of that item
    path = tmp_path / "merged.xlsx"
    wb.save(path)
    summary = run_import(ws, path)
    assert summary.ok, problems(summary)
    rows = {r.title: r for r in stored(ws)}
    assert set(rows) == {"合并表头", "合并单元格", "同一事项第二条"}
    assert rows["同一事项第二条"].item_code == "ZDBC-02-01" and rows["同一事项第二条"].source_row == 6
    assert (rows["合并表头"].formed, rows["合并表头"].published) == ("2018-03-05", "2018-03-06")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings(ws: Path, tmp_path: Path, encoding: str) -> None:
    path = write_csv(tmp_path / "l.csv", [good_row(title="编码测试：征地")], encoding=encoding)
    summary = run_import(ws, path)
    assert summary.ok, problems(summary)
    assert [r.title for r in stored(ws)] == ["编码测试：征地"]


def test_kind_column_and_unknown_kind(ws: Path, tmp_path: Path) -> None:
    header = [*HEADER, "类别", "关联信息"]
    rows = [[*good_row(title="回应一"), "回应关切", "网民留言"], [*good_row(title="乱写"), "通知", ""]]
    summary = run_import(ws, write_csv(tmp_path / "l.csv", rows, header=header))
    assert problems(summary) == [("L717", f"{(tmp_path / 'l.csv').as_posix()}:3", "类别")]
    (row,) = stored(ws)
    assert (row.kind, row.related) == ("回应", "网民留言")


def test_channel_names_follow_the_vocabulary() -> None:
    reader = ChannelReader(["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）", "其他"])
    assert reader.parse("■政府网站 ■两微一端") == ("政府网站", "两微一端")
    assert reader.parse("公示栏；政务微博") == ("社区/企事业单位/村公示栏（电子屏）", "两微一端")
    assert reader.parse("其他：村民微信群") == ("其他：村民微信群",)
    with pytest.raises(CellError) as caught:
        reader.parse("政府网站、飞鸽传书")
    assert (caught.value.code, caught.value.value) == ("L715", "飞鸽传书")


@pytest.mark.parametrize(("value", "ok"), [
    ("https://www.example.gov.cn/a/b.html?x=1#y", True), ("HTTP://A.EXAMPLE", True), ("http://a.example:8080", True),
    ("https://", False), ("https:///path", False), ("www.example.gov.cn/a.html", False), ("ftp://a.example/x", False),
    ("javascript:alert(1)", False), ("https://a.example/有 空格", False), ("mailto:a@example.com", False)])
def test_links_must_be_http(value: str, ok: bool) -> None:
    from govopen_std.evaluate.ledger_cells import parse_url

    if ok:
        assert parse_url(value) == value
    else:
        with pytest.raises(CellError) as caught:
            parse_url(value)
        assert caught.value.code == "L714"
