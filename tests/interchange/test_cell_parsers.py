"""Cell parsers, case by case: what county sheets write → what the item gets."""

from __future__ import annotations

from typing import Any

import pytest

from govopen_std.interchange import cells
from govopen_std.interchange.laws import LawMatcher
from govopen_std.interchange.text import clean, parse_cn_int, split_top
from govopen_std.model.law import Law

LAWS = LawMatcher([
    Law(id="gov-info-disclosure-reg", title="中华人民共和国政府信息公开条例", short=["政府信息公开条例"], rank="行政法规",
        issuer="国务院", date="2019-04-03"),  # type: ignore[arg-type]
    Law(id="land-admin-law", title="中华人民共和国土地管理法", short=["土地管理法"], rank="法律", issuer="全国人大常委会",
        date="2019-08-26"),  # type: ignore[arg-type]
    Law(id="land-reg", title="中华人民共和国土地管理法实施条例", short=["土地管理法实施条例"], rank="行政法规",
        issuer="国务院", date="2021-07-02"),  # type: ignore[arg-type]
])
CHANNELS = ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）", "政务服务中心", "其他", "浙江政务服务网"]


@pytest.mark.parametrize(("text", "expected"), [
    ("征收范围", ["征收范围"]),
    ("1.征收范围\n2.征收目的", ["征收范围", "征收目的"]),
    ("1、征收范围；2、征收目的；3、安排", ["征收范围", "征收目的", "安排"]),
    ("①范围②目的", ["范围", "目的"]),
    ("(1)范围\n(2)目的（可选）", ["范围", {"text": "目的", "required": False}]),
    ("征收范围\n□征地流程图", ["征收范围", {"text": "征地流程图", "required": False}]),
    ("1.5公顷以上的地块", ["1.5公顷以上的地块"]),  # a single element keeps its leading number
    ("1.范围\n续行\n2.目的", ["范围续行", "目的"]),  # a wrapped line continues its element
    ("〔可选〕征地流程图", [{"text": "征地流程图", "required": False}]),
])
def test_content(text: str, expected: list[Any]) -> None:
    assert cells.parse_content(text) == expected


@pytest.mark.parametrize(("text", "expected", "problems"), [
    ("《中华人民共和国土地管理法》第四十七条", [("land-admin-law", [47])], []),
    ("土地管理法第47条、第48条", [("land-admin-law", [47, 48])], []),
    ("《土地管理法》、《土地管理法实施条例》第二十六条", [("land-admin-law", []), ("land-reg", [26])], []),
    ("土地管理法；政府信息公开条例\n土地管理法实施条例", [("land-admin-law", []), ("gov-info-disclosure-reg", []),
                                          ("land-reg", [])], []),
    ("《政府信息公开条例》（2019年修订）第二十条", [("gov-info-disclosure-reg", [20])], []),
    ("土地管理法第四十五条至第四十七条", [("land-admin-law", [45, 46, 47])], []),
    ("土地管理法的有关规定", [("land-admin-law", [])], []),
    ("《土地管理法》第四十七条；《土地管理法》第四十八条", [("land-admin-law", [47, 48])], []),
    ("土地管理法第四十七条第二款", [("land-admin-law", ["第四十七条第二款"])], []),
    ("浙江省征地补偿办法", [("浙江省征地补偿办法", [])], ["I806"]),
])
def test_basis(text: str, expected: list[tuple[str, list[Any]]], problems: list[str]) -> None:
    citations, found = cells.parse_basis(text, LAWS)
    assert [(c["law"], c.get("articles", [])) for c in citations] == expected
    assert [p.code for p in found] == problems


def test_basis_note() -> None:
    citations, _ = cells.parse_basis("《土地管理法》第四十七条（注：仅限集体土地（含宅基地））", LAWS)
    assert citations == [{"law": "land-admin-law", "articles": [47], "note": "仅限集体土地（含宅基地）"}]


def test_ambiguous_short_name() -> None:
    matcher = LawMatcher([
        Law(id="a", title="甲条例", short=["条例"], rank="行政法规", issuer="国务院", date="2019-01-01"),  # type: ignore[arg-type]
        Law(id="b", title="乙条例", short=["条例"], rank="行政法规", issuer="国务院", date="2019-01-01"),  # type: ignore[arg-type]
    ])
    _, found = cells.parse_basis("条例", matcher)
    assert [(p.code, p.params["candidates"]) for p in found] == [("I807", "a、b")]


@pytest.mark.parametrize(("text", "required", "optional", "problems"), [
    ("■政府网站 □两微一端", ["政府网站"], ["两微一端"], []),
    ("☑政府网站☐政务服务中心", ["政府网站"], ["政务服务中心"], []),
    ("政府门户网站、政务微信、公示栏", ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）"], [], []),
    ("■社区/企事业单位/村公示栏（电子屏）", ["社区/企事业单位/村公示栏（电子屏）"], [], []),
    ("■其他：浙江政务服务网 ■其他（村民微信群）", ["浙江政务服务网", "其他：村民微信群"], [], []),
    ("■其他 □其他:车厢告示", ["其他"], ["其他：车厢告示"], []),  # the named channel is kept (gen-03)
    ("■其他：信用中国（浙江） □其他（信用中国（浙江））", ["其他：信用中国（浙江）"], [], []),  # brackets in the name
    ("■政府网站 ■村村通广播", ["政府网站", "村村通广播"], [], ["I808"]),
])
def test_channels(text: str, required: list[str], optional: list[str], problems: list[str]) -> None:
    channels, found = cells.parse_channels(text, CHANNELS)
    assert (channels["required"], channels["optional"]) == (required, optional)
    assert [p.code for p in found] == problems


@pytest.mark.parametrize(("text", "expected"), [
    ("全社会", "全社会"), ("社会公众", "全社会"), ("特定群体（拟征收土地所在地村民）", {"kind": "特定群体", "who": "拟征收土地所在地村民"}),
    ("特定群体:村民", {"kind": "特定群体", "who": "村民"}), ("被征地农户", {"kind": "特定群体", "who": "被征地农户"}),
])
def test_audience(text: str, expected: Any) -> None:
    assert cells.parse_audience(text, ["全社会", "特定群体"]) == (expected, [])


def test_levels_methods_and_marks() -> None:
    levels = ["省级", "市级", "县级", "乡级", "村级"]
    assert cells.parse_levels("县、乡镇；村（社区）", levels) == (["县级", "乡级", "村级"], [])
    assert cells.parse_method("依申请公开", ["主动", "依申请"]) == ("依申请", [])
    value, found = cells.parse_method("主动、依申请", ["主动", "依申请"])
    assert value == "主动" and [p.code for p in found] == ["I811"]
    assert [cells.mark_state(m) for m in ("■", "√", "□", "○", "", "×", "村民")] == [
        "required", "required", "optional", "optional", "blank", "blank", "text"]


def test_subjects_split_outside_brackets_only() -> None:
    known = ["县（市、区）人民政府", "县级住房和城乡建设、民政部门", "乡镇人民政府（街道办事处）"]
    names, found = cells.parse_subjects("县（市、区）人民政府、县级住房和城乡建设、民政部门、乡镇人民政府(街道办事处)", known)
    assert names == known and not found
    names, found = cells.parse_subjects("县民政局", known)
    assert names == ["县民政局"] and [p.code for p in found] == ["I809"]


def test_text_helpers() -> None:
    assert clean(" 支付之日起 ２０ 个工作日内 \n\n") == "支付之日起20个工作日内"
    assert clean(3.0) == "3"
    assert split_top("《A、B》、C（D、E）", "、") == ["《A、B》", "C（D、E）"]
    assert [parse_cn_int(s) for s in ("四十七", "十", "一百零五", "２６", "一二")] == [47, 10, 105, 26, None]
