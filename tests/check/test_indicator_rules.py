"""`govopen check` rules on the indicator data of the evaluation standards (check/indicator_rules.py, C450–C459):
each rule reports bad indicator data at its YAML position with its code, and the shipped data passes.

The base is a valid domain 考核评价 for the mini workspace (tests/check/indicator_base.yaml); every case changes
one thing in it. The same changes are in the bad-input corpus (tests/cases/bad-input/indicators-*.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from govopen_std.diagnostics import Diagnostic
from govopen_std.model.indicator_scope import covering
from govopen_std.pipeline import check_workspace

BASE = Path(__file__).resolve().parent / "indicator_base.yaml"
TARGET = "standards/domains/zdbc/zdbc-06.yaml"
CODES = tuple(f"C{n}" for n in range(450, 470))
EVALUATION = ("gen-13", "zdbc-06", "cqaz-06", "bzzf-05", "ncwf-07", "fpjz-05", "szfw-06", "ggzy-06", "ywjy-09")


def _write(workspace: Path, old: str = "", new: str = "", *, more: tuple[tuple[str, str], ...] = ()) -> Path:
    text = BASE.read_text(encoding="utf-8")
    for a, b in ((old, new), *more):
        if a:
            assert a in text, a
            text = text.replace(a, b, 1)
    path = workspace / TARGET
    path.write_text(text, encoding="utf-8")
    return path


def _position(path: Path, line_text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    hits = [(i, line) for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.rstrip() == line_text.rstrip("\n")]
    assert len(hits) > nth, line_text
    i, line = hits[nth]
    return i, line.index(needle) + 1


def _found(workspace: Path) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.code in CODES]


def test_the_base_passes(mini: Path) -> None:
    _write(mini)
    assert _found(mini) == []


# (case, old, new, code, the reported line after the change, the column's needle, which of equal lines)
CASES = [
    ("weights", "        weight: 70\n", "        weight: 60\n", "C450", "    children:", "children", 0),
    ("top-weights", "    weight: 60\n", "    weight: 50\n", "C450", "indicators:", "indicators", 0),
    ("element", "elements: [deadline]", "elements: [deadline, deadlne]", "C451",
     "        elements: [deadline, deadlne]", "deadlne", 0),
    ("metric-element", "elements: [deadline]", "elements: [content]", "C452", "        elements: [content]",
     "[content]", 0),
    ("metric-element-none", "        elements: [deadline]\n", "", "C452", "        metric: timeliness", "timeliness", 0),
    ("leaf-metric", "        weight: 50\n        metric: manual\n", "        weight: 50\n", "C453", "      - id: B2", "B2", 0),
    ("parent-metric", "    weight: 40\n    children:", "    weight: 40\n    metric: manual\n    children:", "C454",
     "    metric: manual", "manual", 0),
    ("duplicate-id", "      - id: B2", "      - id: A1", "C455", "      - id: A1", "A1", 1),
    ("response-days", "        params: {days: 2}\n", "", "C456", "        metric: response", "response", 0),
    ("response-zero", "        params: {days: 2}\n", "        params: {days: 0}\n", "C456",
     "        params: {days: 0}", "0", 0),
    ("unused-param", "        metric: manual\n", "        metric: manual\n        params: {days: 3}\n", "C459",
     "        params: {days: 3}", "days", 0),
]


@pytest.mark.parametrize(("old", "new", "code", "line_text", "needle", "nth"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_each_rule_is_located(mini: Path, old: str, new: str, code: str, line_text: str, needle: str,
                              nth: int) -> None:
    path = _write(mini, old, new)
    found = _found(mini)
    line, col = _position(path, line_text, needle, nth)
    assert [(d.code, d.location.path if d.location else None, d.location.line if d.location else 0,
             d.location.col if d.location else 0) for d in found] == [(code, TARGET, line, col)], \
        [d.message() for d in found]


def test_weight_sum_names_the_sum_and_the_parent(mini: Path) -> None:
    _write(mini, "        weight: 70\n", "        weight: 60\n")
    (diag,) = _found(mini)
    assert diag.message() == "指标“A”的下级指标分值合计 90，应为 100"
    assert diag.message("en") == "the weights under indicator 'A' sum to 90, not 100"
    _write(mini, "    weight: 60\n", "    weight: 45.5\n")
    (top,) = _found(mini)
    assert top.message() == "指标体系的下级指标分值合计 85.5，应为 100"


def test_items_outside_every_indicator_are_listed(mini: Path) -> None:
    """Every item-level leaf needs `area`, which no zdbc item of the mini workspace has: all three are uncovered."""
    _write(mini, "elements: [deadline]", "elements: [deadline, area]",
           more=(("        metric: coverage\n", "        metric: coverage\n        elements: [area]\n"),))
    (diag,) = _found(mini)
    assert diag.code == "C457" and diag.location is not None and diag.location.line == 13
    assert diag.message() == ("领域“zdbc”的 3 个事项不在“zdbc-06”任何可计算指标的范围内："
                              "ZDBC-01-01、ZDBC-02-01、ZDBC-02-02")
    assert "area" not in diag.message("en") and "ZDBC-02-02" in diag.message("en")


def test_an_item_lacking_the_element_is_uncovered_alone(mini: Path) -> None:
    """Only the item without a deadline falls outside a system whose one item-level leaf is timeliness."""
    _write(mini, "        metric: coverage\n", "        metric: manual\n")
    assert _found(mini) == []
    zdbc01 = mini / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    text = zdbc01.read_text(encoding="utf-8")
    line = "    deadline: 土地现状调查结果确认后5个工作日内\n"
    assert line in text
    zdbc01.write_text(text.replace(line, "", 1), encoding="utf-8")
    found = [d for d in _found(mini) if d.code == "C457"]
    assert [dict(d.params)["codes"] for d in found] == ["ZDBC-02-02"]


def test_missing_indicators_of_an_evaluation_standard(mini: Path) -> None:
    text = BASE.read_text(encoding="utf-8")
    (mini / TARGET).write_text(text[:text.index("indicators:")], encoding="utf-8")
    found = _found(mini)
    assert [(d.code, d.location.line if d.location else 0) for d in found] == [("C458", 3)]


def test_every_problem_is_reported(mini: Path) -> None:
    _write(mini, "        weight: 70\n", "        weight: 60\n",
           more=(("elements: [deadline]", "elements: [deadlne]"), ("      - id: B2", "      - id: A1")))
    assert sorted(d.code for d in _found(mini)) == ["C450", "C451", "C452", "C455"]


def test_cli_reports_in_english_with_a_hint(mini: Path) -> None:
    _write(mini, "        params: {days: 2}\n", "")
    result = run_cli("check", "-w", str(mini), "--lang", "en")
    assert result.exit_code == 1
    assert f"{TARGET}:" in result.stdout and "C456" in result.stdout
    assert "indicator 'B1': metric response needs params.days" in result.stdout
    assert "Write params: {days: 2}" in result.stdout


# --- the shipped data ---------------------------------------------------------------------------------------

def test_shipped_indicator_data_passes() -> None:
    result = check_workspace(ROOT)
    assert [d for d in result.diagnostics.sorted() if d.code in CODES] == []
    texts = {t.value.id: t.value for t in result.sources.texts if t.value.indicators}
    assert sorted(texts) == sorted(EVALUATION)
    for sid, text in texts.items():
        assert abs(sum(i.weight for i in text.indicators) - 100) < 1e-9, sid


def test_shipped_domain_systems_cover_their_items() -> None:
    """Independently of the rule: every item of each domain is scored by at least one item-level leaf."""
    result = check_workspace(ROOT)
    sources = result.sources
    assert sources.system is not None
    groups = {p.id: p.group for p in sources.system.value.standards}
    for sid in EVALUATION[1:]:
        text = sources.text(sid)
        assert text is not None
        items = [it.value for std, its in sources.items.items() if groups.get(std) == groups[sid] for it in its]
        assert items, sid
        assert all(covering(text.value.indicators, item) for item in items), sid


def test_shipped_item_level_leaves_apply_to_every_item_of_their_scope() -> None:
    """The scorer scores an item-level leaf over every item of its system's scope; in the shipped data every
    item has the elements each leaf names, so the check's scope (model.indicator_scope) is the same set."""
    from govopen_std.model.indicator_scope import ITEM_METRICS, in_scope, item_elements, leaves

    sources = check_workspace(ROOT).sources
    items = [located.value for _, located in sources.all_items()]
    assert len(items) > 200
    for sid in EVALUATION:
        text = sources.text(sid)
        assert text is not None
        item_leaves = [leaf for leaf in leaves(text.value.indicators) if leaf.metric in ITEM_METRICS]
        assert len(item_leaves) >= 3, sid
        assert all(in_scope(leaf, item_elements(item)) for leaf in item_leaves for item in items), sid


def test_shipped_rules_say_how_absent_evidence_scores() -> None:
    """Without evidence a leaf earns its weight only when its rule says 不扣分 (the scorer reads that word):
    no 解读 or 回应 to judge costs nothing; no spot check earns nothing (不得分)."""
    from govopen_std.model.indicator_scope import leaves

    sources = check_workspace(ROOT).sources
    seen = {"interpretation": 0, "response": 0, "completeness": 0}
    for sid in EVALUATION:
        text = sources.text(sid)
        assert text is not None
        for leaf in leaves(text.value.indicators):
            assert leaf.rule, (sid, leaf.id)
            if leaf.metric in ("interpretation", "response"):
                assert "不扣分" in leaf.rule, (sid, leaf.id)
            elif leaf.metric == "completeness":
                assert "不得分" in leaf.rule and "不扣分" not in leaf.rule, (sid, leaf.id)
            if leaf.metric in seen:
                seen[leaf.metric] += 1
    assert all(seen.values()), seen
