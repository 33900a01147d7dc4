"""The shipped national coverage matrix (issue 18): one file per pilot domain, every national item has a line
(codes or a reason), the counts per domain are pinned, and `check --report` shows them in text and JSON."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.coverage import load_coverage
from govopen_std.pipeline import CheckResult, check_workspace
from govopen_std.report.coverage import coverage_rows

DOMAINS = ("zdbc", "cqaz", "bzzf", "ncwf", "fpjz", "szfw", "ggzy", "ywjy")
# (national items, covered, not covered with a reason) per domain title
EXPECTED = {
    "征地补偿": (11, 11, 0), "拆迁安置": (12, 12, 0), "保障性住房": (16, 16, 0), "农村危房改造": (12, 12, 0),
    "扶贫救灾": (26, 26, 0), "市政服务": (10, 6, 4), "公共资源交易": (15, 15, 0), "义务教育": (15, 15, 0),
}


@pytest.fixture(scope="module")
def shipped() -> CheckResult:
    return check_workspace(ROOT)


def test_one_valid_matrix_per_pilot_domain(shipped: CheckResult) -> None:
    diags = Diagnostics()
    matrices = load_coverage(shipped.sources, diags)
    assert diags.items == []
    assert sorted(m.value.domain for m in matrices) == sorted(DOMAINS)
    assert not [d for d in shipped.diagnostics.items if d.code.startswith("C43")]


def test_counts_per_domain(shipped: CheckResult) -> None:
    rows = coverage_rows(shipped)
    assert {r.domain: (r.national, r.covered, r.not_covered) for r in rows} == EXPECTED


def test_every_reason_not_covered_is_the_pilot_scope(shipped: CheckResult) -> None:
    reasons = [item.not_covered for m in load_coverage(shipped.sources, Diagnostics()) for item in m.value.items
               if item.not_covered]
    assert reasons
    assert all("不在浙江试点市政服务范围" in r for r in reasons)


def test_the_five_areas_of_public_resource_trading_are_listed(shipped: CheckResult) -> None:
    ggzy = next(m.value for m in load_coverage(shipped.sources, Diagnostics()) if m.value.domain == "ggzy")
    firsts = {item.category[0] for item in ggzy.items}
    assert {"工程建设项目招标投标信息", "政府采购信息", "国有土地使用权出让信息", "矿业权出让信息",
            "国有产权交易信息"} <= firsts


def test_report_text_and_json() -> None:
    text = run_cli("check", "--report", cwd=ROOT)
    assert text.exit_code == 0, text.stdout[-2000:]
    assert "国家标准指引覆盖情况" in text.stdout and "浙江增设" in text.stdout
    english = run_cli("check", "--report", "--lang", "en", cwd=ROOT)
    assert "Coverage of the national guidelines" in english.stdout
    payload = json.loads(run_cli("check", "--report", "--format", "json", cwd=ROOT).stdout)
    rows = {row["domain"]: row for row in payload["coverage"]}
    assert set(rows) == set(EXPECTED)
    assert rows["市政服务"]["not_covered"] == 4 and rows["市政服务"]["covered_percent"] == 60
