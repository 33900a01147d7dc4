"""Indicator arithmetic (evaluate/indicator_score.py through scorer.score_county): leaf = weight × ratio, parent =
weight × Σ children / 100, nested levels, manual figures, spot checks as the basis, absent evidence, and the
evidence of every lost point. The trees are built here, not read from the shipped standards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from scoring_helpers import Ledger, catalog, resolved

from govopen_std.evaluate.calendar import official_calendar
from govopen_std.evaluate.indicator_score import is_policy_item
from govopen_std.evaluate.period import parse_period
from govopen_std.evaluate.result import EvaluationResult, IndicatorResult, ItemResult
from govopen_std.evaluate.scorer import Problems, Systems, score_county
from govopen_std.model.indicators import Indicator

WITHIN_20 = "信息形成或者变更之日起20个工作日内"


def tree(*nodes: dict[str, Any]) -> list[Indicator]:
    return [Indicator.model_validate(n) for n in nodes]


def flat(results: list[IndicatorResult]) -> dict[str, IndicatorResult]:
    found: dict[str, IndicatorResult] = {}
    for r in results:
        found[r.id] = r
        found.update(flat(r.children))
    return found


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    """Four due items of zdbc: two on time, one late, one missing; a fifth item not applicable; one cqaz item."""
    led = Ledger(tmp_path)
    led.add("ZDBC-01-01", "2018-03-01", "2018-03-02", channels=("政府网站", "两微一端"))
    led.add("ZDBC-01-02", "2018-03-01", "2018-03-05")  # lacks 两微一端
    led.add("ZDBC-01-03", "2018-03-01", "2018-06-01", channels=("政府网站", "两微一端"))  # late
    led.add("CQAZ-01-01", "2018-03-01", "2018-03-02")
    return led


ITEMS = [resolved(code, WITHIN_20, ("政府网站", "两微一端")) for code in ("ZDBC-01-01", "ZDBC-01-02", "ZDBC-01-03",
                                                                      "ZDBC-01-04")]
NA = resolved("ZDBC-02-02", WITHIN_20, status="not_applicable")
CQAZ = resolved("CQAZ-01-01", WITHIN_20, group="cqaz")


def evaluate(ledger: Ledger, general: list[Indicator], *, domains: dict[str, list[Indicator]] | None = None,
             manual: dict[str, tuple[float, str]] | None = None, items: list[Any] | None = None,
             problems: Problems | None = None) -> EvaluationResult:
    period = parse_period("2018")
    cat = catalog(*(items if items is not None else [*ITEMS, NA]))
    return score_county(cat, ledger.rows(period), period, official_calendar(), Systems(general, domains or {}),
                        manual or {}, problems or Problems())


def test_leaf_and_nested_sums(ledger: Ledger) -> None:
    system = tree(
        {"id": "A", "name": "公开情况", "weight": 60, "children": [
            {"id": "A.1", "name": "覆盖", "weight": 50, "metric": "coverage"},
            {"id": "A.2", "name": "及时", "weight": 50, "metric": "timeliness"}]},
        {"id": "B", "name": "渠道", "weight": 40, "metric": "channels"})
    result = evaluate(ledger, system)
    got = flat(result.indicators)
    # coverage 3/4 (the not-applicable item is out of scope), timeliness 2/3, channels 2/3
    assert got["A.1"].ratio == pytest.approx(0.75, abs=1e-4) and got["A.1"].score == pytest.approx(37.5)
    assert got["A.2"].ratio == pytest.approx(2 / 3, abs=1e-4) and got["A.2"].score == pytest.approx(33.3333, abs=1e-4)
    assert got["A"].score == pytest.approx(60 * (37.5 + 100 / 3) / 100, abs=1e-4)
    assert got["B"].score == pytest.approx(40 * 2 / 3, abs=1e-4)
    assert result.score == pytest.approx(42.5 + 80 / 3, abs=1e-4)
    assert [i.id for i in result.indicators] == ["A", "B"] and [c.id for c in got["A"].children] == ["A.1", "A.2"]
    # every lost point carries its evidence
    assert got["A.1"].lost == ["ZDBC-01-04"]
    assert got["A.2"].lost == ["ZDBC-01-03"]
    assert got["A"].lost == ["ZDBC-01-03", "ZDBC-01-04"]
    assert got["B"].lost == ["ZDBC-01-02"]
    assert got["A"].ratio is None and got["A"].metric is None


def test_three_levels(ledger: Ledger) -> None:
    system = tree({"id": "A", "name": "一级", "weight": 100, "children": [
        {"id": "A.1", "name": "二级", "weight": 80, "children": [
            {"id": "A.1.1", "name": "三级", "weight": 25, "metric": "coverage"},
            {"id": "A.1.2", "name": "三级", "weight": 75, "metric": "timeliness"}]},
        {"id": "A.2", "name": "二级", "weight": 20, "metric": "channels"}]})
    result = evaluate(ledger, system)
    a11, a12 = 25 * 0.75, 75 * 2 / 3
    a1 = 80 * (a11 + a12) / 100
    a2 = 20 * 2 / 3
    assert result.score == pytest.approx(100 * (a1 + a2) / 100, abs=1e-4)
    assert flat(result.indicators)["A.1"].score == pytest.approx(a1, abs=1e-4)


def test_full_marks(ledger: Ledger) -> None:
    system = tree({"id": "A", "name": "覆盖", "weight": 100, "metric": "coverage"})
    result = evaluate(ledger, system, items=[ITEMS[0], NA])
    assert result.score == 100 and result.indicators[0].lost == []


def test_manual_values(ledger: Ledger) -> None:
    system = tree({"id": "M", "name": "满意度", "weight": 30, "metric": "manual"},
                  {"id": "N", "name": "满意度2", "weight": 70, "metric": "manual"})
    result = evaluate(ledger, system, manual={"M": (80.0, "2018年满意度测评"), "N": (150.0, "录入错误")})
    got = flat(result.indicators)
    assert got["M"].score == pytest.approx(24) and got["M"].basis == "manual"
    assert got["M"].note == "人工评分，来源：2018年满意度测评"
    assert got["N"].score == pytest.approx(70)  # clamped to 100
    assert result.score == pytest.approx(94)


def test_absent_evidence_scores_per_the_rule(ledger: Ledger) -> None:
    system = tree(
        {"id": "S", "name": "抽查完整性", "weight": 20, "metric": "completeness", "rule": "未开展抽查的不扣分"},
        {"id": "M", "name": "满意度", "weight": 30, "metric": "manual", "rule": "按测评结果折算"},
        {"id": "R", "name": "回应", "weight": 50, "metric": "response", "params": {"days": 2}})
    got = flat(evaluate(ledger, system).indicators)
    assert (got["S"].ratio, got["S"].score, got["S"].basis) == (None, 20, "spot_check")
    assert "不扣分" in got["S"].note and "无抽查" in got["S"].note
    assert (got["M"].ratio, got["M"].score) == (None, 0) and "未录入" in got["M"].note
    assert (got["R"].ratio, got["R"].score) == (None, 0) and "无回应" in got["R"].note


def test_spot_checks_feed_completeness(ledger: Ledger) -> None:
    ledger.add("ZDBC-01-01", None, "2018-05-01", kind="抽查", found=True, elements={"公开内容": True, "公开时限": True})
    bad = ledger.add("ZDBC-01-02", None, "2018-05-01", kind="抽查", found=True,
                     elements={"公开内容": True, "公开时限": False})
    gone = ledger.add("ZDBC-01-04", None, None, kind="抽查", found=False)
    ledger.add("ZDBC-01-03", None, "2017-05-01", kind="抽查", found=True, elements={"公开内容": True})  # not 2018
    system = tree({"id": "C", "name": "完整", "weight": 50, "children": [
        {"id": "C.1", "name": "要素", "weight": 100, "metric": "completeness"}]},
        {"id": "D", "name": "覆盖", "weight": 50, "metric": "coverage"})
    result = evaluate(ledger, system)
    got = flat(result.indicators)
    assert got["C.1"].ratio == pytest.approx(1 / 3, abs=1e-4) and got["C.1"].basis == "spot_check"
    assert got["C.1"].lost == [bad, gone]  # period rows first, then checks that found nothing
    assert got["C"].basis == "spot_check" and got["D"].basis == "ledger"
    assert result.spot_checks == 3


def test_interpretation_rate(ledger: Ledger) -> None:
    policy = resolved("ZDBC-05-01", WITHIN_20, name="征地管理政策文件")
    linked = ledger.add("ZDBC-05-01", "2018-03-01", "2018-03-02", title="关于征地补偿标准的通知")
    unlinked = ledger.add("ZDBC-05-01", "2018-04-01", "2018-04-02", title="关于征地程序的通知")
    ledger.add("ZDBC-05-02", "2018-03-02", "2018-03-03", kind="解读", related="关于征地补偿标准的通知")
    system = tree({"id": "J", "name": "解读率", "weight": 100, "metric": "interpretation"})
    result = evaluate(ledger, system, items=[*ITEMS, policy])
    ind = result.indicators[0]
    assert ind.ratio == pytest.approx(0.5, abs=1e-4) and ind.lost == [unlinked] and linked not in ind.lost
    assert is_policy_item(result.items[-1]) and not is_policy_item(result.items[0])


def test_response_within_working_days(ledger: Ledger) -> None:
    ledger.add("ZDBC-01-01", "2018-03-05", "2018-03-07", kind="回应")            # 2 working days
    slow = ledger.add("ZDBC-01-01", "2018-03-05", "2018-03-09", kind="回应")     # 4 working days
    ledger.add("ZDBC-01-01", "2018-04-27", "2018-05-02", kind="回应")            # 2 over 劳动节 2018
    system = tree({"id": "R", "name": "回应", "weight": 90, "metric": "response", "params": {"days": 2}},
                  {"id": "X", "name": "覆盖", "weight": 10, "metric": "coverage"})
    got = flat(evaluate(ledger, system).indicators)
    assert got["R"].ratio == pytest.approx(2 / 3, abs=1e-4) and got["R"].lost == [slow]


def test_domain_systems_score_their_domain_only(ledger: Ledger) -> None:
    general = tree({"id": "G", "name": "覆盖", "weight": 100, "metric": "coverage"})
    domain = tree({"id": "Z", "name": "及时", "weight": 100, "metric": "timeliness"})
    result = evaluate(ledger, general, domains={"cqaz": domain}, items=[*ITEMS, NA, CQAZ])
    assert result.score == pytest.approx(80)  # 4 of 5 due items published
    by_domain = {d.domain: d for d in result.domains}
    assert sorted(by_domain) == ["cqaz", "zdbc"]
    assert by_domain["cqaz"].score == pytest.approx(100) and by_domain["cqaz"].indicators[0].lost == []
    assert by_domain["zdbc"].indicators == [] and by_domain["zdbc"].score == 0
    assert by_domain["zdbc"].counts == {"on_time": 2, "late": 1, "missing": 1, "not_due": 0, "not_applicable": 1}
    assert by_domain["cqaz"].counts["on_time"] == 1


def test_notes_say_why_a_leaf_has_no_ratio(ledger: Ledger) -> None:
    system = tree(
        {"id": "S", "name": "抽查", "weight": 10, "metric": "completeness", "rule": "无抽查记录的不扣分"},
        {"id": "J", "name": "解读", "weight": 10, "metric": "interpretation"},
        {"id": "R", "name": "回应", "weight": 10, "metric": "response", "params": {"days": 2}},
        {"id": "P", "name": "回应时限", "weight": 10, "metric": "response"},
        {"id": "M", "name": "满意度", "weight": 10, "metric": "manual"},
        {"id": "L", "name": "末级", "weight": 10},
        {"id": "C", "name": "覆盖", "weight": 10, "metric": "coverage"},
        {"id": "T", "name": "及时", "weight": 10, "metric": "timeliness"},
        {"id": "H", "name": "渠道", "weight": 20, "metric": "channels"})
    got = flat(evaluate(ledger, system, items=[NA]).indicators)
    assert {k: v.note for k, v in got.items()} == {
        "S": "本期无抽查记录，按评分规则不扣分", "J": "本期无政策文件发布，按评分规则不得分",
        "R": "本期无回应记录，按评分规则不得分", "P": "指标未给出回应时限 params.days，按评分规则不得分",
        "M": "未录入人工评分，按评分规则不得分", "L": "末级指标未给出计算方式，按评分规则不得分",
        "C": "本期无应公开事项，按评分规则不得分", "T": "本期无已公开事项，按评分规则不得分",
        "H": "本期无已公开事项，按评分规则不得分"}
    assert {k: v.basis for k, v in got.items() if v.basis != "ledger"} == {"S": "spot_check", "M": "manual"}
    assert {k: v.metric for k, v in got.items()}["L"] is None and got["R"].metric == "response"
    assert all(v.ratio is None for v in got.values()) and sum(v.score for v in got.values()) == 10


def test_policy_items_are_named_so() -> None:
    def item(name: str) -> ItemResult:
        return ItemResult(code="ZDBC-01-01", name=name, domain="zdbc", status="on_time")
    assert is_policy_item(item("征地管理政策")) and is_policy_item(item("保障性住房规范性文件"))
    assert not is_policy_item(item("农村危房改造本级政策解读")) and not is_policy_item(item("征收土地公告"))


def test_parent_basis(ledger: Ledger) -> None:
    system = tree(
        {"id": "M", "name": "人工", "weight": 50, "children": [
            {"id": "M.1", "name": "满意度", "weight": 50, "metric": "manual"},
            {"id": "M.2", "name": "社会评议", "weight": 50, "metric": "manual"}]},
        {"id": "X", "name": "混合", "weight": 50, "children": [
            {"id": "X.1", "name": "满意度", "weight": 50, "metric": "manual"},
            {"id": "X.2", "name": "覆盖", "weight": 50, "metric": "coverage"}]})
    got = flat(evaluate(ledger, system, manual={"M.1": (90.0, "测评"), "M.2": (70.0, "评议"),
                                                "X.1": (100.0, "测评")}).indicators)
    assert (got["M"].basis, got["X"].basis) == ("manual", "ledger")
    assert got["M"].score == pytest.approx(40) and got["X"].score == pytest.approx(50 * (50 + 37.5) / 100)


def test_figures_are_rounded_to_four_places(ledger: Ledger) -> None:
    system = tree({"id": "A", "name": "及时", "weight": 100, "children": [
        {"id": "A.1", "name": "及时", "weight": 100, "metric": "timeliness"}]})
    result = evaluate(ledger, system)
    leaf = result.indicators[0].children[0]
    assert (leaf.ratio, leaf.score, result.indicators[0].score, result.score) == (0.6667, 66.6667, 66.6667, 66.6667)


def test_rows_of_items_out_of_scope_do_not_count(ledger: Ledger) -> None:
    ledger.add("ZDBC-02-02", None, "2018-05-01", kind="抽查", found=False)   # the not-applicable item
    ledger.add("ZDBC-01-01", None, "2018-05-01", kind="抽查", found=True, elements={"公开内容": True})
    ledger.add("ZDBC-02-02", "2018-03-05", "2018-03-30", kind="回应")        # slow, but out of scope
    ledger.add("ZDBC-01-01", "2018-03-05", "2018-03-06", kind="回应")
    system = tree({"id": "S", "name": "抽查", "weight": 50, "metric": "completeness"},
                  {"id": "R", "name": "回应", "weight": 50, "metric": "response", "params": {"days": 2}})
    result = evaluate(ledger, system)
    assert result.score == 100 and result.spot_checks == 2


def test_response_rows_outside_the_calendar(ledger: Ledger) -> None:
    early = ledger.add("ZDBC-01-01", "2003-12-30", "2018-03-02", kind="回应")
    late = ledger.add("ZDBC-01-01", "2026-12-30", "2027-01-04", kind="回应")
    problems = Problems()
    period = parse_period("2018-01-01..2027-12-31")
    system = tree({"id": "R", "name": "回应", "weight": 100, "metric": "response", "params": {"days": 2}})
    result = score_county(catalog(*ITEMS), ledger.rows(period), period, official_calendar(), Systems(system),
                          {}, problems)
    assert sorted((p.provenance, p.column, p.value) for p in problems.range) == sorted(
        [(early, "formed", "2003-12-30"), (late, "published", "2027-01-04")])
    assert result.indicators[0].lost == [early, late] and result.score == 0
