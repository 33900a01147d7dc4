"""The gaps of issue 18 filled with real items: the five areas of public resource trading, the three 重大决策
items of 保障性住房, 帮扶重点村 identification and the 救灾 decision items, and the 城市生活垃圾 service licence —
each with the basis, deadline and subject pinned, and each the covering item of its national line."""

from __future__ import annotations

import pytest

from conftest import ROOT
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.coverage import load_coverage
from govopen_std.pipeline import CheckResult, check_workspace

# code -> (law ids cited, deadline text, subjects)
PINNED = {
    "GGZY-07-01": ({"land-tender-auction-listing-rules", "gbf-2017-97", "gov-info-disclosure-reg"},
                   "投标、拍卖或者挂牌开始日前至少20日发布", ["县级自然资源主管部门"]),
    "GGZY-07-02": ({"land-tender-auction-listing-rules", "gbf-2017-97"}, "招标拍卖挂牌活动结束之日起10个工作日内",
                   ["县级自然资源主管部门"]),
    "GGZY-08-01": ({"gbf-2017-97", "gov-info-disclosure-reg"}, "信息形成或者变更之日起20个工作日内", ["县级自然资源主管部门"]),
    "GGZY-09-01": ({"state-owned-assets-transaction-measures", "gbf-2017-97"}, "正式披露信息时间不少于20个工作日",
                   ["产权交易机构"]),
    "GGZY-09-02": ({"state-owned-assets-transaction-measures", "gbf-2017-97"}, "交易完成后公告，公示期不少于5个工作日",
                   ["产权交易机构"]),
    "GGZY-02-07": ({"gbf-2017-97", "bidding-law-regulation"}, "信息形成或者变更之日起20个工作日内", ["招标人或者招标代理机构"]),
    "BZZF-09-01": ({"major-admin-decision-reg", "gov-info-disclosure-reg", "zbf-2016-8", "gbf-2016-80"},
                   "征求意见期限不少于30日", ["市县住房保障主管部门"]),
    "BZZF-09-02": ({"gov-info-disclosure-reg", "zbf-2016-8", "gbf-2016-80"}, "信息形成或者变更之日起20个工作日内",
                   ["市县住房保障主管部门"]),
    "BZZF-09-03": ({"gov-info-disclosure-reg", "zbf-2016-8", "gbf-2016-80"}, "信息形成或者变更之日起20个工作日内",
                   ["市县住房保障主管部门"]),
    "FPJZ-02-05": ({"rural-revitalization-law", "gov-info-disclosure-reg"}, "认定结果形成之日起20个工作日内",
                   ["县级农业农村主管部门（乡村振兴部门）", "乡镇人民政府（街道办事处）"]),
    "FPJZ-11-06": ({"major-admin-decision-reg", "gov-info-disclosure-reg", "zbf-2016-8", "gbf-2016-80"},
                   "征求意见期限不少于30日", ["县级应急管理部门"]),
    "FPJZ-11-07": ({"gov-info-disclosure-reg", "zbf-2016-8", "gbf-2016-80"}, "信息形成或者变更之日起20个工作日内",
                   ["县级应急管理部门"]),
    "SZFW-23-01": ({"urban-domestic-waste-measures", "gov-info-disclosure-reg"}, "信息形成或者变更之日起20个工作日内",
                   ["县级生活垃圾管理部门"]),
}


@pytest.fixture(scope="module")
def shipped() -> CheckResult:
    return check_workspace(ROOT)


def test_gap_items_have_their_basis_deadline_and_subject(shipped: CheckResult) -> None:
    items = {it.value.code: it.value for _, it in shipped.sources.all_items()}
    assert set(PINNED) <= set(items)
    for code, (laws, deadline, subjects) in PINNED.items():
        item = items[code]
        assert {c.law for c in item.basis} == laws, code
        assert item.deadline is not None and item.deadline.text == deadline, code
        assert item.subject == subjects, code
        assert item.method == "主动", code


def test_gap_items_cover_their_national_lines(shipped: CheckResult) -> None:
    mapped = {code: item.category for m in load_coverage(shipped.sources, Diagnostics()) for item in m.value.items
              for code in item.codes}
    assert mapped["GGZY-07-01"][0] == "国有土地使用权出让信息"
    assert mapped["GGZY-08-01"][0] == "矿业权出让信息"
    assert mapped["GGZY-09-01"][0] == "国有产权交易信息"
    assert mapped["GGZY-02-07"] == ["工程建设项目招标投标信息", "合同订立及履行"]
    assert [mapped[c][1] for c in ("BZZF-09-01", "BZZF-09-02", "BZZF-09-03")] == ["决策前预公开", "决策会议公开", "决策结果公开"]
    assert mapped["FPJZ-02-05"] == ["扶贫对象", "贫困村识别"]
    assert mapped["FPJZ-11-06"] == ["政策文件", "重大决策草案"] and mapped["FPJZ-11-07"] == ["政策文件", "重要会议"]
    assert mapped["SZFW-23-01"] == ["市容环卫", "城市生活垃圾经营性清扫、收集、运输、处理服务审批"]


def test_new_laws_registered_with_exact_titles(shipped: CheckResult) -> None:
    laws = {law.value.id: law.value for law in shipped.sources.laws}
    assert laws["land-tender-auction-listing-rules"].title == "招标拍卖挂牌出让国有建设用地使用权规定"
    assert laws["land-tender-auction-listing-rules"].number == "国土资源部令第39号"
    assert laws["state-owned-assets-transaction-measures"].title == "企业国有资产交易监督管理办法"
    assert laws["urban-domestic-waste-measures"].number == "建设部令第157号"
    # what was not read in an original text is said to be unverified
    assert "待核实" in (laws["state-owned-assets-transaction-measures"].note or "")
    assert "待核实" in (laws["urban-domestic-waste-measures"].note or "")
