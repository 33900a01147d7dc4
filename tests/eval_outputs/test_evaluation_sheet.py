"""The score sheet (评分表.xlsx): a summary, one row per item with its status in Chinese, one sheet per indicator,
frozen headers and filters, text never turned into a formula; read back with openpyxl and opened by LibreOffice."""

from __future__ import annotations

import contextlib
import csv
import os
import signal
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import require_tool, soffice_convert
from govopen_std.render.evaluation import write_evaluation_outputs
from govopen_std.render.evaluation.labels import numbered
from helpers.evaluation import FORMULA_NAME, sample_result

STATUS_ZH = {"on_time": "按时", "late": "逾期", "missing": "未公开", "not_due": "未到期", "not_applicable": "不适用"}


@pytest.fixture(scope="module")
def sheet_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_evaluation_outputs([sample_result()], tmp_path_factory.mktemp("sheet"))[1]


@pytest.fixture(scope="module")
def book(sheet_path: Path) -> Any:
    return openpyxl.load_workbook(sheet_path)


def _indicator_count() -> int:
    result = sample_result()
    return len(list(numbered(result.indicators))) + sum(len(list(numbered(d.indicators))) for d in result.domains)


def test_a_summary_an_item_sheet_and_one_sheet_per_indicator(book: Any) -> None:
    names = book.sheetnames
    assert names[:2] == ["汇总", "事项"]
    assert len(names) == 2 + _indicator_count() == 15
    assert names[2] == "1 信息发布" and names[3] == "1.1 目录覆盖率" and "保障性住房 3 配租过程公开完整性" in names
    assert all(len(n) <= 31 for n in names) and len(set(names)) == len(names)


def test_one_row_per_item_with_the_status_in_chinese(book: Any) -> None:
    ws = book["事项"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("事项编码", "事项名称", "领域", "状态", "逾期工作日", "发布条数", "未使用的渠道", "台账依据", "抽查")
    items = sample_result().items
    assert len(rows) - 1 == len(items) == 11
    for row, item in zip(rows[1:], items, strict=True):
        assert row[0] == item.code and row[3] == STATUS_ZH[item.status]
        assert row[4] == item.days_late and row[5] == item.publications
    late = rows[2]
    assert late == ("ZDBC-02-01", "征收土地预公告", "征地补偿", "逾期", 7, 1, "政府公报", "台账2018.xlsx:发布:6", "是")
    assert rows[3][6] == "政府网站、公开栏"
    assert {r[3] for r in rows[1:]} == set(STATUS_ZH.values())


def test_headers_are_frozen_and_filtered(book: Any) -> None:
    assert book["事项"].freeze_panes == "A2" and book["事项"].auto_filter.ref == "A1:I12"
    indicator = book["1.1 目录覆盖率"]
    assert indicator.freeze_panes == "A4" and indicator.auto_filter.ref == "A3:I5"
    assert book["汇总"].freeze_panes == "A2"


def test_text_from_the_data_is_stored_as_text_not_as_a_formula(book: Any, sheet_path: Path) -> None:
    cell = next(c for row in book["事项"].iter_rows() for c in row if c.value == FORMULA_NAME)
    assert cell.data_type == "s"
    import zipfile

    with zipfile.ZipFile(sheet_path) as package:
        xml = b"".join(package.read(n) for n in package.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in xml and b"<f " not in xml


def test_each_indicator_sheet_has_its_score_and_the_items_that_lost_points(book: Any) -> None:
    ws = book["1.1 目录覆盖率"]
    head = [c.value for c in ws[1]]
    assert head[:8] == ["指标", "目录覆盖率", "权重", 40, "得分", 30, "得分率", 0.75] and head[9] == "台账"
    lost = [row[0] for row in ws.iter_rows(min_row=4, values_only=True)]
    assert lost == ["ZDBC-02-02", "BZZF-06-01"]
    spot = book["2.1 要素完整性"]
    assert spot.cell(1, 10).value == "抽查"
    assert [row[7] for row in spot.iter_rows(min_row=4, values_only=True)] == ["抽查清单.xlsx:抽查:3"]


def test_the_summary_has_county_period_total_and_every_score(book: Any) -> None:
    rows = list(book["汇总"].iter_rows(values_only=True))
    values = {r[0]: r[2] for r in rows[1:7]}
    assert values == {"县（市、区）": "杭州市拱墅区", "行政区划代码": "330105", "评估期间": "2018",
                      "起止日期": "2018-01-01..2018-12-31", "总得分": 72.4, "抽查记录数": 3}
    domain_totals = {r[0]: r[3] for r in rows if r[2] == "总得分" and r[0] != "总得分"}
    assert domain_totals == {"征地补偿": 65, "保障性住房": 68.8}
    assert ("绩效评价指标体系", "1.2", "发布及时率（35）", 17.5) in rows


def _sheet_to_csv(source: Path, outdir: Path, sheet: int) -> Path:
    """One sheet as CSV (UTF-8, comma, quoted text) by LibreOffice; it names the file <stem>-<sheet name>.csv."""
    soffice = require_tool("soffice")
    profile = (outdir / ".lo-profile").resolve()
    fmt = f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{sheet}"
    proc = subprocess.Popen([soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                             "--convert-to", fmt, "--outdir", str(outdir), str(source)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail("soffice did not convert the score sheet within 240 s (killed)")
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
    found = sorted(outdir.glob(f"{source.stem}-*.csv"))
    assert len(found) == 1, sorted(p.name for p in outdir.iterdir())
    return found[0]


@pytest.mark.office
def test_libreoffice_opens_the_sheet_and_reads_the_items(sheet_path: Path, tmp_path: Path) -> None:
    pdf = soffice_convert(sheet_path, tmp_path / "pdf")
    assert pdf.stat().st_size > 1000
    items_csv = _sheet_to_csv(sheet_path, tmp_path, 2)
    assert items_csv.name == f"{sheet_path.stem}-事项.csv"
    rows = list(csv.reader(items_csv.read_text(encoding="utf-8").splitlines()))
    assert rows[0][0] == "事项编码" and len(rows) == 12
    assert rows[2][:5] == ["ZDBC-02-01", "征收土地预公告", "征地补偿", "逾期", "7"]
    assert FORMULA_NAME in [r[1] for r in rows]  # LibreOffice shows the text, it did not evaluate a formula


def test_sheet_names_are_short_unique_and_without_forbidden_characters() -> None:
    from govopen_std.evaluate.result import IndicatorResult
    from govopen_std.render.evaluation.score_xlsx import sheet_title

    long_name = IndicatorResult(id="x", name="政府网站/政务新媒体[两微一端]:信息发布及时性、准确性和完整性评价", weight=10, score=5)
    used: set[str] = {"汇总", "事项"}
    first = sheet_title("1.1", long_name, used, "征地补偿 ")
    second = sheet_title("1.1", long_name, used, "征地补偿 ")
    assert len(first) == 31 and len(second) <= 31 and first != second and second.endswith("~2")
    assert not any(ch in first + second for ch in "[]:*?/\\'")
