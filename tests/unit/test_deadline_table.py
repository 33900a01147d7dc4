"""Table-driven tests of the 公开时限 parser and its comparisons: every numeral and unit, each wording of each kind,
the trigger, boundaries and cross-kind comparisons (the scorer and the overlay rules both stand on these)."""

from __future__ import annotations

import pytest

from govopen_std.model.deadline import Deadline, cn_number, parse_deadline

NUMERALS = [("零", 0), ("一", 1), ("二", 2), ("两", 2), ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7),
            ("八", 8), ("九", 9), ("十", 10), ("十一", 11), ("十五", 15), ("二十", 20), ("三十", 30),
            ("三十五", 35), ("九十九", 99), ("20", 20), ("２０", 20), ("7", 7), ("０", 0)]


@pytest.mark.parametrize(("text", "value"), NUMERALS)
def test_every_numeral(text: str, value: int) -> None:
    assert cn_number(text) == value


@pytest.mark.parametrize(("text", "value"), [(t, v) for t, v in NUMERALS if v > 0])
def test_every_numeral_inside_a_deadline(text: str, value: int) -> None:
    assert parse_deadline(f"公示期不少于{text}日") == {"kind": "at_least", "days": value, "working_days": False}
    assert parse_deadline(f"信息形成之日起{text}个工作日内")["days"] == value


WITHIN = [
    ("信息形成或者变更之日起20个工作日内", 20, True, "信息形成或者变更"),
    ("自收到申请之日起20个工作日内", 20, True, "收到申请"),
    ("选房办法在选房前公开，选房结果自选房结束之日起20个工作日内公开", 20, True, "选房结束"),
    ("在收到材料后10个工作日内", 10, True, "收到材料"),
    ("拟征收土地现状调查结束后5个工作日内", 5, True, "拟征收土地现状调查结束"),
    ("自然资源部门批准之日起十个工作日内", 10, True, "自然资源部门批准"),
    ("收到批复后7日内", 7, False, "收到批复"),
    ("收到批复后7天内", 7, False, "收到批复"),
    ("批准之日起 15 个工作日内", 15, True, "批准"),
    ("批准之日起１５个工作日内", 15, True, "批准"),
    ("30日内", 30, False, None),
]


@pytest.mark.parametrize(("text", "days", "working", "trigger"), WITHIN)
def test_within(text: str, days: int, working: bool, trigger: str | None) -> None:
    assert parse_deadline(text) == {"kind": "within", "days": days, "working_days": working, "trigger": trigger}


@pytest.mark.parametrize(("text", "days", "working"), [
    ("公示期不少于7日", 7, False),
    ("公示期不少于七天", 7, False),
    ("公示时间不短于5个工作日", 5, True),
    ("征收土地预公告时间不少于十个工作日", 10, True),
    ("不少于 30 日", 30, False),
])
def test_at_least(text: str, days: int, working: bool) -> None:
    assert parse_deadline(text) == {"kind": "at_least", "days": days, "working_days": working}


@pytest.mark.parametrize(("text", "days", "working", "trigger"), [
    ("《听证通知书》在组织听证7个工作日前予以公开", 7, True, "《听证通知书》在组织听证"),
    ("听证会召开7日以前", 7, False, "听证会召开"),
    ("开标3天前", 3, False, "开标"),
    ("5个工作日前", 5, True, None),
])
def test_before(text: str, days: int, working: bool, trigger: str | None) -> None:
    assert parse_deadline(text) == {"kind": "before", "days": days, "working_days": working, "trigger": trigger}


@pytest.mark.parametrize("text", ["及时公开", "实时更新", "随时公开", "即时发布", "变更后及时更新"])
def test_timely(text: str) -> None:
    assert parse_deadline(text) == {"kind": "timely"}


@pytest.mark.parametrize("text", ["随采购公告、采购文件公开", "与招标公告同时公开", "在发布中标公告时公开", "同时公开"])
def test_with_event(text: str) -> None:
    assert parse_deadline(text) == {"kind": "with_event"}


@pytest.mark.parametrize("text", ["按省有关规定执行", "每学期开学前", "常年公开", ""])
def test_unparsed_keeps_only_the_wording(text: str) -> None:
    assert parse_deadline(text) == {}
    d = Deadline.model_validate(text)
    assert (d.kind, d.days, d.working_days, d.trigger, d.text) == (None, None, None, None, text)


def test_at_least_wins_over_within_in_one_wording() -> None:
    # "不少于…日" inside a longer wording is the 公示 period, the binding part
    assert parse_deadline("公告之日起公示，公示期不少于7日")["kind"] == "at_least"


def test_structured_fields_given_are_kept() -> None:
    d = Deadline.model_validate({"text": "及时公开", "kind": "within", "days": 3, "working_days": True})
    assert (d.kind, d.days, d.working_days) == ("within", 3, True)


D = Deadline.model_validate


@pytest.mark.parametrize(("local", "base", "verdict"), [
    ("之日起10个工作日内", "之日起20个工作日内", True),
    ("之日起20个工作日内", "之日起20个工作日内", True),    # equal is allowed
    ("之日起21个工作日内", "之日起20个工作日内", False),
    ("公示期不少于15日", "公示期不少于10日", True),
    ("公示期不少于10日", "公示期不少于10日", True),           # >= at the boundary
    ("公示期不少于9日", "公示期不少于10日", False),
    ("听证10个工作日前", "听证7个工作日前", True),
    ("听证7个工作日前", "听证7个工作日前", True),
    ("听证6个工作日前", "听证7个工作日前", False),
    ("之日起10日内", "之日起20个工作日内", None),             # calendar vs working days: not comparable
    ("公示期不少于10日", "之日起20日内", None),               # different kinds
    ("及时公开", "之日起20个工作日内", None),
    ("及时公开", "及时公开", True),                           # same wording
    ("实时公开", "及时公开", None),                           # no days: only the same wording compares
    ("按省有关规定执行", "按省有关规定执行", True),
    ("按市有关规定执行", "按省有关规定执行", None),           # two different unparsed wordings
])
def test_stricter_or_equal(local: str, base: str, verdict: bool | None) -> None:
    assert D(local).stricter_or_equal(D(base)) is verdict


@pytest.mark.parametrize("kind", ["within", "at_least", "before", "timely", "with_event"])
def test_every_kind_may_be_written_explicitly(kind: str) -> None:
    assert Deadline.model_validate({"text": "见正文", "kind": kind}).kind == kind


def test_an_unknown_kind_is_refused() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        Deadline.model_validate({"text": "见正文", "kind": "soon"})


def test_every_full_width_digit() -> None:
    assert cn_number("０１２３４５６７８９") == 123456789
    assert parse_deadline("信息形成之日起３个工作日内")["days"] == 3
    assert [cn_number(c) for c in "０１２３４５６７８９"] == list(range(10))


@pytest.mark.parametrize("text", ["公示期不少于日", "公示期少于7日的不予公示", "批准之日起个工作日内"])
def test_wordings_without_a_count_or_with_a_lower_bound_are_not_parsed(text: str) -> None:
    # "少于" is an upper bound, not 不少于; a missing count is not zero days
    assert parse_deadline(text) == {}


@pytest.mark.parametrize("text", [
    "公示不少于7个小时",            # 不少于 needs a day unit
    "听证会召开7日后公布",          # 7日后 is not 7日前
    "开标7日以后公布",              # nor is 以后 以前
    "公开范围及方式按省有关规定执行",  # 及 without 时 is not 及时
    "按实施方案执行",               # 实 without 时
    "自即日起施行",                 # 即 without 时
    "与合同签订后公布",             # 与… without 同时/时/公开
    "在本区范围内公布",             # 在… without 同时/时/公开
    "同级人民政府按规定公开",       # 同 is not 同时
    "随开标记录一并发布",           # 开 is not 公开
    "随公告一并发布",               # 公 is not 公开
])
def test_near_misses_are_not_parsed(text: str) -> None:
    assert parse_deadline(text) == {}


def test_with_event_allows_twenty_characters_before_the_event() -> None:
    assert parse_deadline("随政府采购项目的采购公告和采购文件一并公开") == {"kind": "with_event"}  # 18 between


@pytest.mark.parametrize(("text", "trigger"), [
    ("从收到申请之日起10个工作日内", "收到申请"),
    ("于收到申请之日起10个工作日内", "收到申请"),
    ("收到 申请之日起10个工作日内", "收到申请"),  # spaces are dropped before parsing
])
def test_trigger_without_its_opening_word(text: str, trigger: str) -> None:
    assert parse_deadline(text)["trigger"] == trigger


def test_zero_is_a_numeral_too() -> None:
    assert parse_deadline("公示期不少于零日") == {"kind": "at_least", "days": 0, "working_days": False}


def test_same_kind_with_days_but_no_day_rule_compares_as_equal() -> None:
    timely = Deadline.model_validate({"text": "及时公开", "kind": "timely", "days": 1, "working_days": True})
    assert timely.stricter_or_equal(timely) is True
