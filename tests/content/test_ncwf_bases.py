"""农村危房改造 legal bases (issue 18): 国办发〔2017〕97号's scope does not name 农村危房改造, so no ncwf item rests on
it; the bases are the 条例, 中办发〔2016〕8号 and its 实施细则, 建村〔2017〕192号 and 建村〔2018〕115号 (recorded as expired,
superseded by 建村〔2021〕35号), with 192号 and 35号 registered under their exact titles."""

from __future__ import annotations

import pytest

from conftest import ROOT
from govopen_std.model.item import Item
from govopen_std.model.law import Law
from govopen_std.pipeline import CheckResult, check_workspace


@pytest.fixture(scope="module")
def shipped() -> CheckResult:
    return check_workspace(ROOT)


def _ncwf(shipped: CheckResult) -> dict[str, Item]:
    items = {it.value.code: it.value for sid, it in shipped.sources.all_items() if sid.startswith("ncwf-")}
    assert len(items) >= 20
    return items


def _laws(shipped: CheckResult) -> dict[str, Law]:
    return {law.value.id: law.value for law in shipped.sources.laws}


def test_no_ncwf_item_rests_on_the_public_resource_opinion(shipped: CheckResult) -> None:
    cited = {code: {c.law for c in item.basis} for code, item in _ncwf(shipped).items()}
    assert [code for code, laws in cited.items() if "gbf-2017-97" in laws] == []
    # what the opinion's scope says is recorded with it
    note = _laws(shipped)["gbf-2017-97"].note or ""
    assert "保障性安居工程建设、保障性住房分配、国有土地使用权和矿业权出让" in note and "未列农村危房改造" in note


def test_policy_items_cite_the_2016_opinion_and_its_rules(shipped: CheckResult) -> None:
    for code in ("NCWF-01-01", "NCWF-01-02", "NCWF-01-03"):
        laws = {c.law for c in _ncwf(shipped)[code].basis}
        assert {"gov-info-disclosure-reg", "zbf-2016-8", "gbf-2016-80"} <= laws, code


def test_the_expired_plan_is_never_cited_alone(shipped: CheckResult) -> None:
    with_plan = [(code, {c.law for c in item.basis}) for code, item in _ncwf(shipped).items()
                 if any(c.law == "jiancun-2018-115" for c in item.basis)]
    assert len(with_plan) == 11
    assert all("jiancun-2017-192" in laws for _, laws in with_plan)
    note = _laws(shipped)["jiancun-2018-115"].note or ""
    assert note.startswith("已到期") and "2018—2020年" in note and "建村〔2021〕35号" in note


def test_task_allocation_and_eligibility_cite_192_and_35(shipped: CheckResult) -> None:
    items = _ncwf(shipped)
    assert "jiancun-2017-192" in {c.law for c in items["NCWF-02-01"].basis}
    for code in ("NCWF-03-02", "NCWF-04-01"):
        assert "jiancun-2021-35" in {c.law for c in items[code].basis}, code


def test_192_and_35_registered_with_exact_titles(shipped: CheckResult) -> None:
    laws = _laws(shipped)
    assert laws["jiancun-2017-192"].number == "建村〔2017〕192号"
    assert laws["jiancun-2017-192"].title == ("住房城乡建设部 财政部 国务院扶贫办关于加强和完善建档立卡贫困户等重点对象"
                                             "农村危房改造若干问题的通知")
    assert laws["jiancun-2021-35"].number == "建村〔2021〕35号"
    assert "农村低收入群体等重点对象住房安全保障" in laws["jiancun-2021-35"].title
    # dates not read in an original text are said to be unverified
    assert "待核实" in (laws["jiancun-2017-192"].note or "") and "待核实" in (laws["jiancun-2021-35"].note or "")
