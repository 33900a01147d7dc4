"""The evaluation report (评估报告.docx): file names, the official-document layout, the tables' values equal the
result's, captions, the spot-check statement, byte-identical output, LibreOffice opens it, foreign files kept."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm

import docx
from conftest import require_tool, soffice_convert
from govopen_std.diagnostics import GovOpenError
from govopen_std.evaluate.result import EvaluationResult, Period
from govopen_std.render.evaluation import write_evaluation_outputs
from govopen_std.render.evaluation.labels import losing_items, numbered, score_text
from helpers.evaluation import sample_result, second_result


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_evaluation_outputs([sample_result(), second_result()], tmp_path_factory.mktemp("eval-out"))


@pytest.fixture(scope="module")
def report(outputs: list[Path]) -> Any:
    return docx.Document(str(outputs[0]))


def _paragraphs(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def _rows(table: Any) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_one_report_and_one_score_sheet_per_result_with_safe_names(outputs: list[Path], tmp_path: Path) -> None:
    assert [p.name for p in outputs] == ["330105-2018-评估报告.docx", "330105-2018-评分表.xlsx",
                                         "330205-2018-评估报告.docx", "330205-2018-评分表.xlsx"]
    half = sample_result().model_copy(update={"period": Period.model_validate(
        {"label": "2018-01-01..2018-06-30", "start": "2018-01-01", "end": "2018-06-30"})})
    names = [p.name for p in write_evaluation_outputs([half], tmp_path)]
    assert names == ["330105-2018-01-01_2018-06-30-评估报告.docx", "330105-2018-01-01_2018-06-30-评分表.xlsx"]


def test_title_period_and_total_score(report: Any) -> None:
    paragraphs = _paragraphs(report)
    assert paragraphs[0] == "杭州市拱墅区\n基层政务公开评估报告"
    assert paragraphs[1] == "（2018年1月1日至2018年12月31日）"
    assert "总得分 72.4 分（满分 100 分）" in paragraphs[2]
    assert "按时公开 3 项，逾期公开 2 项，未公开 2 项，未到期 2 项，不适用 2 项" in paragraphs[2]
    title_run = report.paragraphs[0].runs[0]
    assert title_run._r.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体" and title_run.font.size.pt == 22
    assert report.core_properties.author == "govopen" and report.core_properties.title == "杭州市拱墅区基层政务公开评估报告"


def test_the_indicator_table_holds_the_results_scores_weights_and_basis(report: Any) -> None:
    result = sample_result()
    rows = _rows(report.tables[0])
    assert rows[0] == ["序号", "指标", "权重", "得分", "依据"]
    expected = [[n.number, n.indicator.name, score_text(n.indicator.weight), score_text(n.indicator.score),
                 "" if n.indicator.children else {"ledger": "台账", "spot_check": "抽查", "manual": "人工录入"}[
                     n.indicator.basis]] for n in numbered(result.indicators)]
    assert len(expected) == 8
    assert [[r[0], r[1].strip("\u3000"), *r[2:]] for r in rows[1:-1]] == expected
    assert rows[-1] == ["", "合计", "100", "72.4", ""]
    assert rows[2][1] == "\u3000目录覆盖率"  # a child is indented under its parent


def test_domain_scores_and_each_domains_indicators(report: Any) -> None:
    rows = _rows(report.tables[1])
    assert rows[0] == ["领域", "得分", "按时", "逾期", "未公开", "未到期", "不适用"]
    assert rows[1:] == [["征地补偿", "65", "2", "1", "1", "1", "1"], ["保障性住房", "68.8", "1", "1", "1", "1", "1"]]
    bzzf = _rows(report.tables[3])
    assert bzzf[1:] == [["1", "保障房信息覆盖率", "40", "26.8", "台账"], ["2", "保障房信息及时率", "30", "15", "台账"],
                        ["3", "配租过程公开完整性", "30", "27", "抽查"], ["", "合计", "100", "68.8", ""]]


def test_items_that_lost_points_with_status_days_late_channels_and_evidence(report: Any) -> None:
    losing = losing_items(sample_result())
    assert losing
    rows = _rows(report.tables[-1])[1:]
    assert [r[1] for r in rows] == [i.code for i in losing] == ["ZDBC-02-01", "ZDBC-02-02", "ZDBC-03-01",
                                                               "BZZF-05-01", "BZZF-06-01"]
    assert rows[0][3:] == ["逾期", "7", "政府公报", "台账2018.xlsx:发布:6"]
    assert rows[1][3:] == ["未公开", "—", "政府网站、公开栏", "（无台账记录）"]
    assert rows[2][3] == "按时" and rows[2][5] == "公开栏"  # on time, but lost points for a channel
    assert rows[3][6] == "台账2018.xlsx:发布:20\n抽查清单.xlsx:抽查:3"


def test_every_table_has_a_numbered_caption_above_it(report: Any) -> None:
    captions = []
    for tbl in report.tables:
        previous = tbl._tbl.getprevious()
        captions.append("".join(t.text for t in previous.iter(qn("w:t"))))
    assert len(captions) == 5
    assert [c.split("\u3000")[0] for c in captions] == ["表1", "表2", "表3", "表4", "表5"]
    assert captions[0] == "表1\u3000绩效评价指标得分" and captions[4] == "表5\u3000失分事项"


def test_every_table_spans_the_type_area(report: Any) -> None:
    assert report.tables
    for tbl in report.tables:
        grid = [int(c.get(qn("w:w"))) for c in tbl._tbl.tblGrid.iter(qn("w:gridCol"))]
        assert abs(sum(grid) - Mm(156).twips) <= len(grid) + 1
        assert min(grid) >= Mm(8).twips  # no column squeezed to nothing


def test_which_indicators_rest_on_spot_checks(report: Any) -> None:
    statement = _paragraphs(report)[-3]
    assert statement.startswith("以下指标依据抽查（模拟用户实测）结果评分：")
    assert "2.1 要素完整性" in statement and "保障性住房：3 配租过程公开完整性" in statement
    assert "目录覆盖率" not in statement and "共使用抽查记录 3 条" in statement


def test_without_spot_checks_the_report_says_so(tmp_path: Path) -> None:
    result = _without_spot_checks(sample_result())
    paths = write_evaluation_outputs([result], tmp_path)
    statement = _paragraphs(docx.Document(str(paths[0])))[-3]
    assert statement == "本次评估没有抽查记录，各指标依据公开台账或人工录入的数据评分。"


def _without_spot_checks(result: EvaluationResult) -> EvaluationResult:
    def plain(indicators: list[Any]) -> list[Any]:
        return [i.model_copy(update={"basis": "ledger" if i.basis == "spot_check" else i.basis,
                                     "children": plain(i.children)}) for i in indicators]

    domains = [d.model_copy(update={"indicators": plain(d.indicators)}) for d in result.domains]
    return result.model_copy(update={"indicators": plain(result.indicators), "domains": domains, "spot_checks": 0})


def test_english_report(tmp_path: Path) -> None:
    paths = write_evaluation_outputs([sample_result()], tmp_path, lang="en")
    document = docx.Document(str(paths[0]))
    assert _paragraphs(document)[0] == "Evaluation report of government-affairs openness: 杭州市拱墅区"
    assert _rows(document.tables[-1])[1][3] == "late"


def test_the_same_results_give_the_same_bytes(outputs: list[Path], tmp_path: Path) -> None:
    again = write_evaluation_outputs([sample_result(), second_result()], tmp_path)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in outputs]
    changed = sample_result().model_copy(update={"score": 70.0})
    other = write_evaluation_outputs([changed], tmp_path / "changed")
    assert other[0].read_bytes() != outputs[0].read_bytes()


def test_a_file_govopen_did_not_write_is_never_overwritten(tmp_path: Path) -> None:
    foreign = tmp_path / "330105-2018-评分表.xlsx"
    foreign.write_bytes(b"the county's own sheet")
    with pytest.raises(GovOpenError) as caught:
        write_evaluation_outputs([sample_result()], tmp_path)
    assert caught.value.diagnostic.code == "B670"
    assert "未覆盖" in caught.value.diagnostic.message("zh") and str(foreign) in caught.value.diagnostic.message("en")
    assert foreign.read_bytes() == b"the county's own sheet"
    assert sorted(p.name for p in tmp_path.iterdir()) == [foreign.name]  # nothing else written either
    foreign.unlink()
    first = write_evaluation_outputs([sample_result()], tmp_path)
    assert write_evaluation_outputs([sample_result()], tmp_path) == first  # its own files are replaced


@pytest.mark.office
def test_libreoffice_opens_the_report(outputs: list[Path], tmp_path: Path) -> None:
    pdf = soffice_convert(outputs[0], tmp_path)
    info = subprocess.run([require_tool("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info)[1])  # type: ignore[index]
    assert pages >= 1
    text = subprocess.run([require_tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    assert "基层政务公开评估报告" in flat and "总得分72.4分" in flat
    assert "表1绩效评价指标得分" in flat and "表5失分事项" in flat and "ZDBC-02-02" in flat
    assert "—1—" in flat  # the page number of GB/T 9704


def test_domain_counts_come_from_the_items_when_the_scorer_gave_none(tmp_path: Path) -> None:
    result = sample_result()
    bare = result.model_copy(update={"domains": [d.model_copy(update={"counts": {}}) for d in result.domains]})
    rows = _rows(docx.Document(str(write_evaluation_outputs([bare], tmp_path)[0])).tables[1])
    assert rows[1:] == [["征地补偿", "65", "2", "1", "1", "1", "1"], ["保障性住房", "68.8", "1", "1", "1", "1", "1"]]


def test_the_scorers_notes_are_printed_and_a_domain_without_indicators_has_no_score(tmp_path: Path) -> None:
    from govopen_std.evaluate.result import DomainResult

    result = sample_result()
    unscored = DomainResult(domain="ywjy", name="义务教育", score=0.0, indicators=[], counts={"missing": 3})
    paths = write_evaluation_outputs([result.model_copy(update={"domains": [*result.domains, unscored]})], tmp_path)
    document = docx.Document(str(paths[0]))
    paragraphs = _paragraphs(document)
    assert paragraphs[-2:] == ["以下指标的评分说明：", "3 群众满意度：人工评分，来源：2018年度群众满意度测评报告。"]
    assert _rows(document.tables[1])[-1] == ["义务教育", "—", "0", "0", "3", "0", "0"]
    import openpyxl

    book = openpyxl.load_workbook(paths[1])
    assert book["3 群众满意度"].cell(2, 1).value == "说明"
    assert book["3 群众满意度"].cell(2, 2).value == "人工评分，来源：2018年度群众满意度测评报告"
    summary = list(book["汇总"].iter_rows(values_only=True))
    assert ("义务教育", None, "总得分", None) in summary


def test_codes_and_numbers_keep_their_width_when_the_text_columns_are_long() -> None:
    from govopen_std.render.evaluation.tables import MIN_FLEX_MM, MM_PER_EM, PAD_MM, Column, widths
    from govopen_std.render.official_doc import text_ems as ems

    columns = [Column("序号"), Column("事项编码"), Column("事项名称", wrap=7), Column("状态"), Column("逾期\n工作日"),
               Column("未使用的渠道", wrap=7), Column("台账依据", flex=True)]
    row = ["10", "ZDBC-10-02", "被征地农民社会保障费用落实情况", "未公开", "25", "其他：政府信息公开申请答复",
           "standards/ledger/sample-330105.csv:31"]
    got = widths(columns, [row])
    assert abs(sum(got) - 156) < 0.05
    for i in (0, 1, 3, 4):  # never broken: at least the widest piece (or header line) plus the cell margins
        piece = max(ems(row[i]), *(ems(line) for line in columns[i].head.split("\n")))
        assert got[i] >= round(piece * MM_PER_EM + PAD_MM, 2) - 0.01, (columns[i].head, got[i])
    assert got[4] < 20  # 逾期/工作日 on two lines: a column of numbers stays narrow
    assert got[6] >= MIN_FLEX_MM - 0.01
    assert got[2] <= 7 * MM_PER_EM + PAD_MM + 0.01  # the name wraps at its cap


def test_a_failed_write_is_b671_with_the_path(tmp_path: Path) -> None:
    blocker = tmp_path / "reports"
    blocker.write_text("a file where the output folder should be\n", encoding="utf-8")
    with pytest.raises(GovOpenError) as caught:
        write_evaluation_outputs([sample_result()], blocker)
    assert caught.value.diagnostic.code == "B671"
    assert str(blocker) in caught.value.diagnostic.message("zh") and "写入评估结果" in caught.value.diagnostic.message("zh")
    assert blocker.read_text(encoding="utf-8") == "a file where the output folder should be\n"


def test_a_county_without_ledger_rows_is_said_to_have_none(tmp_path: Path) -> None:
    from helpers.evaluation import unrecorded_result

    paths = write_evaluation_outputs([unrecorded_result()], tmp_path)
    summary = _paragraphs(docx.Document(str(paths[0])))[2]
    assert summary.endswith("公开台账中没有本县在本评估期间的记录，以上得分均按无记录计算，并不表示已核实本县未公开。")
