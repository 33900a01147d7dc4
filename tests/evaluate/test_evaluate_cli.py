"""`govopen evaluate`: the JSON contract field by field, text output, exit codes, the overlay's stricter deadline
end to end, located errors (no store, bad period, unknown county, dates outside the calendar, no indicators)."""

from __future__ import annotations

import datetime as dt
import io
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scoring_helpers import Ledger

from govopen_std.evaluate.console import evaluate_and_print, json_document
from govopen_std.evaluate.result import ITEM_STATUSES
from govopen_std.evaluate.run import EvaluateOptions, EvaluateOutcome, run_evaluate
from helpers.county import mini_with_two_counties
from helpers.evaluation import GEN13


def workspace(tmp_path: Path, *, indicators: bool = True) -> Path:
    """The mini workspace with 330105 (amends ZDBC-01-01 to 10 working days) and 330106 (keeps the province's 20)."""
    ws = mini_with_two_counties(tmp_path / "ws")
    other = ws / "standards" / "counties" / "330106.yaml"
    text = other.read_text(encoding="utf-8")
    other.write_text(text.replace("    deadline: 信息形成或者变更之日起10个工作日内\n", "", 1), encoding="utf-8")
    if indicators:
        (ws / "standards" / "general" / "gen-13.yaml").write_text(GEN13, encoding="utf-8")
    return ws


def ledger_of(ws: Path) -> Ledger:
    led = Ledger(ws / "standards")
    # 15 working days after formation: within the province's 20, 4 days after 330105's 10 (last day 19 June)
    for county in ("330105", "330106"):
        led.add("ZDBC-01-01", "2018-06-04", "2018-06-25", channels=("政府网站", "征地信息公开平台"), county=county)
        led.add("ZDBC-02-01", "2018-03-01", "2018-03-01", notice_end="2018-03-20",
                channels=("政府网站", "社区/企事业单位/村公示栏（电子屏）"), county=county)
    led.conn.close()
    return led


def run(opts: EvaluateOptions) -> tuple[EvaluateOutcome, str, str]:
    out, err = io.StringIO(), io.StringIO()
    outcome = evaluate_and_print(opts, stdout=out, stderr=err)
    return outcome, out.getvalue(), err.getvalue()


def test_json_contract(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    outcome, out, err = run(EvaluateOptions(workspace=ws, county="330105", period="2018", fmt="json"))
    assert outcome.exit_code == 0, err
    doc = json.loads(out)
    assert isinstance(doc, dict)
    assert {"county", "county_name", "period", "score", "indicators", "domains", "items", "spot_checks"} <= set(doc)
    assert doc["county"] == "330105" and doc["county_name"] == "杭州市拱墅区"
    assert doc["period"] == {"label": "2018", "start": "2018-01-01", "end": "2018-12-31"}
    assert isinstance(doc["score"], float) and 0 <= doc["score"] <= 100
    assert isinstance(doc["spot_checks"], int)
    indicators = doc["indicators"]
    assert [i["id"] for i in indicators] == ["A", "B"]
    for ind in indicators:
        assert isinstance(ind["name"], str) and isinstance(ind["weight"], float) and isinstance(ind["score"], float)
        assert isinstance(ind["lost"], list) and isinstance(ind["children"], list)
        assert ind["basis"] in ("ledger", "spot_check", "manual")
    assert [c["id"] for c in indicators[1]["children"]] == ["B.1", "B.2"]
    items = doc["items"]
    assert items, "the catalog has items"
    assert [i["code"] for i in items] == ["ZDBC-01-01", "ZDBC-02-01", "ZDBC-02-02", "ZDBC-90-01"]
    for item in items:
        assert item["status"] in ITEM_STATUSES
        assert item["days_late"] is None or isinstance(item["days_late"], int)
        assert isinstance(item["publications"], int)
        assert isinstance(item["missing_channels"], list) and all(isinstance(c, str) for c in item["missing_channels"])
        assert isinstance(item["evidence"], list)
        for key in ("due", "published"):
            assert item[key] is None or dt.date.fromisoformat(item[key])
    by_code = {i["code"]: i for i in items}
    assert (by_code["ZDBC-01-01"]["status"], by_code["ZDBC-01-01"]["days_late"]) == ("late", 4)
    assert by_code["ZDBC-01-01"]["due"] == "2018-06-19"
    assert by_code["ZDBC-01-01"]["missing_channels"] == ["两微一端"]  # the overlay's added required channel
    assert by_code["ZDBC-02-01"]["status"] == "on_time" and by_code["ZDBC-02-01"]["publications"] == 1
    assert by_code["ZDBC-02-02"]["status"] == "not_applicable"
    assert by_code["ZDBC-90-01"]["status"] == "missing"
    # coverage 2 of 3 due, timeliness 1 of 2, channels 1 of 2
    assert doc["score"] == pytest.approx(40 * 2 / 3 + 60 * (25 + 25) / 100, abs=1e-3)


def test_overlay_stricter_deadline_turns_on_time_into_late(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    outcome, out, err = run(EvaluateOptions(workspace=ws, period="2018", fmt="json"))
    assert outcome.exit_code == 0, err
    doc = json.loads(out)
    assert [r["county"] for r in doc["results"]] == ["330105", "330106"]
    first = {r["county"]: r["items"][0] for r in doc["results"]}
    assert first["330105"]["code"] == first["330106"]["code"] == "ZDBC-01-01"
    assert (first["330105"]["status"], first["330105"]["days_late"]) == ("late", 4)
    assert (first["330106"]["status"], first["330106"]["days_late"]) == ("on_time", None)
    assert first["330106"]["deadline"] == "信息形成或者变更之日起20个工作日内"
    assert first["330105"]["deadline"] == "信息形成或者变更之日起10个工作日内"


def test_text_output(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    outcome, out, _ = run(EvaluateOptions(workspace=ws, county="330105", period="2018Q2"))
    assert outcome.exit_code == 0
    assert "杭州市拱墅区（330105）" in out and "2018Q2" in out and "得分：" in out
    assert "按时 0，逾期 1，未公开 2，未到期 0，不适用 1" in out
    assert "ZDBC-01-01" in out and "两微一端" in out
    _, en, _ = run(EvaluateOptions(workspace=ws, county="330105", period="2018Q2", lang="en"))
    assert "on time 0, late 1, missing 2" in en.replace("，", ", ")


def test_output_is_deterministic(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    opts = EvaluateOptions(workspace=ws, period="2018", fmt="json")
    assert run(opts)[1] == run(opts)[1]


def test_store_is_only_read(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    led = ledger_of(ws)
    before = led.path.read_bytes()
    run(EvaluateOptions(workspace=ws, period="2018", fmt="json"))
    assert led.path.read_bytes() == before


def test_no_store_is_a_usage_error_with_a_hint(tmp_path: Path, cli: Callable[..., Any]) -> None:
    ws = workspace(tmp_path)
    res = cli("evaluate", "-w", str(ws), "--county", "330105", "--period", "2018")
    assert res.exit_code == 2 and res.stdout == ""
    assert "V753" in res.stderr and "govopen ledger import" in res.stderr
    assert str(ws / "standards" / "ledger" / "ledger.sqlite3") in res.stderr


@pytest.mark.parametrize("period", ["2018Q5", "2018-06-30..2018-01-01", "last year"])
def test_bad_period_is_a_usage_error(tmp_path: Path, cli: Callable[..., Any], period: str) -> None:
    ws = workspace(tmp_path)
    res = cli("evaluate", "-w", str(ws), "--period", period, "--lang", "en")
    assert res.exit_code == 2
    assert f"--period: error V751 --period '{period}' is not a valid evaluation period" in res.stderr
    assert "2018Q1" in res.stderr  # the hint shows the accepted forms


def test_period_outside_the_calendar(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    outcome, _, err = run(EvaluateOptions(workspace=ws, period="2027"))
    assert outcome.exit_code == 2 and "V754" in err and "2026-12-31" in err


def test_unknown_county(tmp_path: Path, cli: Callable[..., Any]) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    res = cli("evaluate", "-w", str(ws), "--county", "330999", "--period", "2018")
    assert res.exit_code == 2 and "E904" in res.stderr and "330105" in res.stderr


def test_rows_outside_the_calendar_are_located_errors(tmp_path: Path, cli: Callable[..., Any]) -> None:
    ws = workspace(tmp_path)
    led = ledger_of(ws)
    led.conn = sqlite3.connect(led.path)
    led.next_row = 40
    where = led.add("ZDBC-90-01", "2003-12-31", "2018-02-01")
    led.conn.close()
    res = cli("evaluate", "-w", str(ws), "--county", "330105", "--period", "2018", "--format", "json")
    assert res.exit_code == 1
    assert where == "台账.xlsx:台账:40"
    assert f"{where}: 错误 V752 台账记录的信息形成（变更）日期“2003-12-31”超出官方工作日历的范围" in res.stderr
    doc = json.loads(res.stdout)
    item = next(i for i in doc["items"] if i["code"] == "ZDBC-90-01")
    assert item["publications"] == 1 and item["status"] == "on_time"


def test_no_indicator_system_is_said_clearly(tmp_path: Path) -> None:
    ws = workspace(tmp_path, indicators=False)
    ledger_of(ws)
    outcome, out, err = run(EvaluateOptions(workspace=ws, county="330105", period="2018", fmt="json"))
    assert outcome.exit_code == 1
    assert "V755" in err and "gen-13" in err
    doc = json.loads(out)
    assert doc["indicators"] == [] and len(doc["items"]) == 4
    _, text, _ = run(EvaluateOptions(workspace=ws, county="330105", period="2018"))
    assert "得分：未计算（无指标体系）" in text


def test_o_writes_each_countys_report_and_score_sheet(tmp_path: Path) -> None:
    import openpyxl

    import docx

    ws = workspace(tmp_path)
    ledger_of(ws)
    outcome, text, err = run(EvaluateOptions(workspace=ws, period="2018", out=tmp_path / "out"))
    assert outcome.exit_code == 0, err
    assert "得分" in text  # the terminal report is printed as well
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(p.name for p in outcome.written) and len(names) == 2 * outcome.evaluated >= 2
    report = next(p for p in outcome.written if p.suffix == ".docx")
    county = report.name.split("-")[0]
    result = run_evaluate(EvaluateOptions(workspace=ws, county=county, period="2018")).results[0]
    text = "\n".join(par.text for par in docx.Document(str(report)).paragraphs)
    assert f"{result.score:.2f}" in text or f"{result.score:g}" in text
    sheet = openpyxl.load_workbook(report.with_name(report.name.replace("评估报告.docx", "评分表.xlsx")))
    assert sheet.sheetnames[:2] == ["汇总", "事项"]
    assert f"已写入：{report.as_posix()}" in err


def test_sample_writes_the_checklist_that_imports_back(tmp_path: Path) -> None:
    import openpyxl

    ws = workspace(tmp_path)
    outcome, out, err = run(EvaluateOptions(workspace=ws, county="330105", out=tmp_path / "checks", sample=2, seed=7))
    assert outcome.exit_code == 0, err
    (checklist,) = outcome.written
    assert checklist.parent == tmp_path / "checks" and checklist.suffix == ".xlsx" and out == ""
    again, _, _ = run(EvaluateOptions(workspace=ws, county="330105", out=tmp_path / "again", sample=2, seed=7))
    assert again.written[0].read_bytes() == checklist.read_bytes()  # same seed, same catalog: same checklist
    rows = [r for r in openpyxl.load_workbook(checklist).worksheets[0].iter_rows(values_only=True) if any(r)]
    assert len(rows) >= 3  # title or header rows, then the two drawn items


@pytest.mark.parametrize(("options", "missing"), [({"county": "330105"}, "-o/--out"),
                                                  ({"out": "x"}, "--county")])
def test_sample_needs_a_county_and_a_folder(tmp_path: Path, options: dict[str, str], missing: str) -> None:
    ws = workspace(tmp_path)
    given: dict[str, Any] = {k: (tmp_path / v if k == "out" else v) for k, v in options.items()}
    outcome, out, err = run(EvaluateOptions(workspace=ws, sample=3, **given))
    assert outcome.exit_code == 2 and out == "" and f"{missing}: 错误 V760" in err
    assert not (tmp_path / "x").exists()


def test_county_without_rows_is_noted(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    Ledger(ws / "standards").conn.close()
    outcome, out, err = run(EvaluateOptions(workspace=ws, county="330105", period="2018", fmt="json"))
    assert outcome.exit_code == 0 and "V759" in err
    assert {i["status"] for i in json.loads(out)["items"]} == {"missing", "not_applicable"}


def test_streamed_json_equals_the_documented_document(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    for county in (None, "330105"):
        opts = EvaluateOptions(workspace=ws, county=county, period="2018", fmt="json")
        collected = run_evaluate(opts)
        assert collected.results and collected.evaluated == len(collected.results)
        assert json.loads(run(opts)[1]) == json_document(collected.results, opts)


def test_no_county_profiles_gives_an_empty_list(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    for profile in (ws / "standards" / "counties").glob("*.yaml"):
        profile.unlink()
    outcome, out, _ = run(EvaluateOptions(workspace=ws, period="2018", fmt="json"))
    assert outcome.exit_code == 0 and json.loads(out) == {"results": []}


def test_out_of_range_rows_in_process(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    led = ledger_of(ws)
    led.conn = sqlite3.connect(led.path)
    led.next_row = 50
    first = led.add("ZDBC-90-01", "2003-12-31", "2018-02-01")
    second = led.add("ZDBC-90-01", "2003-12-30", "2018-02-02")
    led.conn.close()
    outcome, _, err = run(EvaluateOptions(workspace=ws, county="330105", period="2018", fmt="json", lang="en"))
    assert outcome.exit_code == 1
    found = [d for d in outcome.diagnostics.sorted() if d.code == "V752"]
    assert [str(d.location) for d in found] == [first, second]
    assert f"{first}: error V752 the ledger row's formed '2003-12-31' is outside" in err


def test_a_domain_the_county_does_not_adopt_is_not_applicable(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    ledger_of(ws)
    profile = ws / "standards" / "counties" / "330106.yaml"
    text = profile.read_text(encoding="utf-8")
    profile.write_text(text.replace("domains: [zdbc, cqaz, bzzf, ncwf, fpjz, szfw, ggzy, ywjy]",
                                    "domains: [cqaz, bzzf, ncwf, fpjz, szfw, ggzy, ywjy]\n"
                                    "not_applicable:\n  zdbc: 本区无征地项目", 1)
                       .replace("not_applicable:\n  ZDBC-02-02:", "  ZDBC-02-02:", 1), encoding="utf-8")
    outcome, out, err = run(EvaluateOptions(workspace=ws, county="330106", period="2018", fmt="json"))
    assert outcome.exit_code == 0, err
    items = json.loads(out)["items"]
    # the province's zdbc items (the county's own local item ZDBC-90-01 is its to keep or remove)
    base = [i for i in items if i["domain"] == "zdbc" and not i["code"].startswith("ZDBC-90")]
    assert len(base) == 3 and {i["status"] for i in base} == {"not_applicable"}
    assert next(i for i in items if i["code"] == "ZDBC-01-01")["publications"] == 1


def test_v756_a_domain_without_an_evaluation_system_has_no_domain_score(tmp_path: Path) -> None:
    ws = workspace(tmp_path)  # gen-13 only: the mini's zdbc has no 考核评价 text with indicators
    ledger_of(ws)
    outcome, _text, err = run(EvaluateOptions(workspace=ws, county="330105", period="2018"))
    assert outcome.exit_code == 0, err  # a warning: item statuses and the county score are still given
    assert [d.code for d in outcome.diagnostics.sorted() if d.code == "V756"] == ["V756"]
    assert "zdbc" in err


def test_v757_a_store_that_cannot_be_read(tmp_path: Path) -> None:
    ws = workspace(tmp_path)
    store = ws / "standards" / "ledger" / "ledger.sqlite3"
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"not a database, and not govopen's to delete")
    outcome, out, err = run(EvaluateOptions(workspace=ws, county="330105", period="2018"))
    assert outcome.exit_code == 2 and out == "" and "V757" in err
    assert store.read_bytes() == b"not a database, and not govopen's to delete"
