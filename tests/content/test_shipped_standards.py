"""The shipped standards: clean check, the catalog sizes issue 3 asks for, every reference resolvable,
and the rules the checker applies taken from the general standards' own data."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT, run_cli
from govopen_std.check.context import CheckContext
from govopen_std.check.item_rules import check_elements, code_regex
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
    items = list(ctx.items())
    assert len(items) >= 273
    for _sid, item in items:
        assert not list(check_elements(ctx, item)), item.value.code
        assert all(c.law in laws for c in item.value.basis), item.value.code


def test_registry_entries_complete(shipped: CheckResult) -> None:
    assert len(shipped.sources.laws) > 20
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


# --- channels named, tables agreeing with the items (QA #15, P3) --------------------------------------

OTHER = "其他"


def _channel_lists(shipped: CheckResult) -> list[tuple[str, list[str]]]:
    """(where, channel names) for every item, local item and amendment of the shipped standards."""
    lists = [(item.value.code, item.value.channels.all()) for _sid, item in shipped.sources.all_items()]
    for county in shipped.sources.raw_counties:
        data = county.data if isinstance(county.data, dict) else {}
        entries = [(e.get("code", "?"), e) for e in data.get("add") or []]
        entries += list((data.get("amend") or {}).items())
        for code, entry in entries:
            channels = entry.get("channels") or {}
            lists.append((f"{county.display}:{code}", [*channels.get("required", []), *channels.get("optional", [])]))
    return lists


def test_other_channel_always_names_the_channel(shipped: CheckResult) -> None:
    """gen-03: 选用“其他”的，应写明具体渠道名称 — as 其他：<名称>, never a vocabulary channel in disguise."""
    assert shipped.sources.vocabulary is not None
    vocabulary = set(shipped.sources.vocabulary.value.channel_names())
    named = 0
    for where, channels in _channel_lists(shipped):
        for channel in channels:
            assert channel != OTHER, f"{where}: bare 其他"
            if channel.startswith(OTHER) and channel not in vocabulary:
                prefix, _, name = channel.partition("：")
                assert prefix == OTHER and name.strip(), f"{where}: {channel} (write 其他：<名称>)"
                assert name not in vocabulary, f"{where}: {channel} (use the vocabulary channel {name})"
                named += 1
    assert named  # the rule was exercised


CODE = re.compile(r"[A-Z]{4}-\d{2}-\d{2}")


def _tables(node: object) -> list[dict[str, object]]:
    if isinstance(node, dict):
        found = [node["table"]] if isinstance(node.get("table"), dict) else []
        return found + [t for k, v in node.items() if k != "items" for t in _tables(v)]
    if isinstance(node, list):
        return [t for v in node for t in _tables(v)]
    return []


def test_clause_tables_restate_item_deadlines_as_the_items_do(shipped: CheckResult) -> None:
    """A clause table with a 公开时限 column names its items (by code) and states their deadlines as they do."""
    items = {item.value.code: item.value for _sid, item in shipped.sources.all_items()}
    checked = 0
    for text in shipped.sources.texts:
        for table in _tables(text.source.data):
            header = [str(h) for h in table.get("header", [])]  # type: ignore[union-attr]
            deadline_columns = [i for i, h in enumerate(header) if "时限" in h]
            if not deadline_columns:
                continue
            for row in table.get("rows", []):  # type: ignore[union-attr]
                cells = [str(c) for c in row]
                codes = [c for c in CODE.findall(" ".join(cells)) if c in items]
                assert codes, f"{text.value.id} {table.get('caption')}: row {cells} names no item"  # type: ignore[union-attr]
                for code in codes:
                    deadline = items[code].deadline
                    assert deadline is not None
                    assert deadline.text in cells[deadline_columns[0]], (text.value.id, code, cells)
                    checked += 1
    assert checked
