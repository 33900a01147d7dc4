"""The shipped standards: clean check, the catalog sizes issue 3 asks for, every reference resolvable,
and the rules the checker applies taken from the general standards' own data."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT, run_cli
from govopen_std.check.context import CheckContext
from govopen_std.check.item_rules import check_elements, code_regex
from govopen_std.load.discover import Workspace
from govopen_std.model.item import Item
from govopen_std.pipeline import CheckResult, check_workspace
from govopen_std.report.completeness import completeness_rows


@pytest.fixture(scope="module")
def shipped() -> CheckResult:
    return check_workspace(ROOT)


def test_check_exits_0_with_summary() -> None:
    result = run_cli("check", cwd=ROOT)
    assert result.exit_code == 0, result.stdout[-3000:]
    assert re.search(r"共检查 \d+ 个文件、73 个标准、\d+ 个事项：0 个错误", result.stdout)


def test_embedded_workspace_used_outside_a_workspace(tmp_path: object) -> None:
    result = run_cli("check", cwd=tmp_path)  # type: ignore[arg-type]
    assert result.exit_code == 0
    assert "73 个标准" in result.stdout


def test_every_standard_of_the_system_has_a_text(shipped: CheckResult) -> None:
    assert shipped.sources.system is not None
    ids = {p.id for p in shipped.sources.system.value.standards}
    assert {t.value.id for t in shipped.sources.texts} == ids


def test_item_counts_per_domain_and_area(shipped: CheckResult) -> None:
    ctx = CheckContext(shipped.sources)
    per_group: Counter[str] = Counter()
    per_area: Counter[tuple[str, str]] = Counter()
    for sid, item in ctx.items():
        group = ctx.group_of(sid)
        assert group is not None
        per_group[group.id] += 1
        if item.value.area:
            per_area[(group.id, item.value.area)] += 1
    for gid in ("zdbc", "cqaz", "bzzf", "ncwf", "szfw", "ggzy", "ywjy", "fpjz"):
        assert per_group[gid] >= 15, gid
    assert per_area[("fpjz", "扶贫")] >= 15 and per_area[("fpjz", "救灾")] >= 15
    for area in ("城市公共交通", "供水", "供气", "污水处理", "垃圾处理"):
        assert per_area[("szfw", area)] >= 3, area


def test_every_item_complete_and_every_basis_resolves(shipped: CheckResult) -> None:
    ctx = CheckContext(shipped.sources)
    laws = shipped.sources.law_ids()
    for _sid, item in ctx.items():
        assert not list(check_elements(ctx, item)), item.value.code
        assert all(c.law in laws for c in item.value.basis), item.value.code


def test_registry_entries_complete(shipped: CheckResult) -> None:
    for law in shipped.sources.laws:
        assert law.value.title and law.value.rank and law.value.date, law.value.id
        assert not law.value.title.startswith("《")


def test_completeness_report_rows(shipped: CheckResult) -> None:
    rows = {(r.domain, r.area): r for r in completeness_rows(shipped)}
    zdbc = rows[("征地补偿", "全部")]
    assert zdbc.items >= 15 and zdbc.complete == zdbc.items and zdbc.laws >= 2 and zdbc.channels >= 2
    result = run_cli("check", "--report", cwd=ROOT)
    assert "各领域完整性报告" in result.stdout and "六要素齐全" in result.stdout


def test_coding_rule_comes_from_gen02(shipped: CheckResult) -> None:
    ctx = CheckContext(shipped.sources)
    text = shipped.sources.text("gen-02")
    assert text is not None and text.value.coding is not None
    coding = text.value.coding
    regex = code_regex(ctx)
    assert regex is not None and regex.pattern == coding.pattern()
    assert {d.code for d in coding.domains} == {g.code for g in shipped.sources.system.value.groups if g.code}  # type: ignore[union-attr]
    assert regex.match("ZDBC-02-01") and not regex.match("ZDBC-2-1")


def test_required_elements_come_from_gen03(shipped: CheckResult) -> None:
    text = shipped.sources.text("gen-03")
    assert text is not None and text.value.catalog_rules is not None
    rules = text.value.catalog_rules
    assert rules.required_elements == ["name", "basis", "content", "subject", "deadline", "method"]
    ctx = CheckContext(shipped.sources)
    assert ctx.catalog_rules is rules or ctx.catalog_rules == rules


def test_data_elements_of_gen10_are_the_item_fields(shipped: CheckResult) -> None:
    text = shipped.sources.text("gen-10")
    assert text is not None
    fields = [e.field for e in text.value.data_elements]
    model_fields = [f for f in Item.model_fields if f != "note"]
    assert fields == model_fields
    required = {e.field for e in text.value.data_elements if e.obligation == "必选"}
    gen03 = shipped.sources.text("gen-03")
    assert gen03 is not None and gen03.value.catalog_rules is not None
    assert set(gen03.value.catalog_rules.required_elements) <= required
