"""The 公开时限 parser and the comparisons county overlays rely on."""

from __future__ import annotations

import pytest

from govopen_std.model.deadline import Deadline, cn_number


@pytest.mark.parametrize(("text", "kind", "days", "working"), [
    ("信息形成或者变更之日起20个工作日内", "within", 20, True),
    ("自收到申请之日起20个工作日内", "within", 20, True),
    ("征收土地预公告时间不少于10个工作日", "at_least", 10, True),
    ("公示期不少于七日", "at_least", 7, False),
    ("征地补偿安置公告不少于30日", "at_least", 30, False),
    ("《听证通知书》在组织听证7个工作日前予以公开", "before", 7, True),
    ("拟征收土地现状调查结束后5个工作日内", "within", 5, True),
    ("信息形成之日起２０个工作日内", "within", 20, True),
    ("及时公开", "timely", None, None),
    ("随采购公告、采购文件公开", "with_event", None, None),
])
def test_parse(text: str, kind: str, days: int | None, working: bool | None) -> None:
    d = Deadline.model_validate(text)
    assert (d.kind, d.days, d.working_days) == (kind, days, working)
    assert d.text == text


def test_unparsable_keeps_text_only() -> None:
    d = Deadline.model_validate("按省有关规定执行")
    assert d.kind is None and d.days is None and d.text == "按省有关规定执行"


def test_stricter() -> None:
    base = Deadline.model_validate("信息形成或者变更之日起20个工作日内")
    assert Deadline.model_validate("信息形成或者变更之日起10个工作日内").stricter_or_equal(base) is True
    assert Deadline.model_validate("信息形成或者变更之日起30个工作日内").stricter_or_equal(base) is False
    longer = Deadline.model_validate("公示期不少于10日")
    assert Deadline.model_validate("公示期不少于15日").stricter_or_equal(longer) is True
    assert Deadline.model_validate("公示期不少于7日").stricter_or_equal(longer) is False
    assert Deadline.model_validate("及时公开").stricter_or_equal(base) is None


@pytest.mark.parametrize(("text", "value"), [("十", 10), ("十五", 15), ("二十", 20), ("三十", 30), ("七", 7), ("20", 20)])
def test_cn_number(text: str, value: int) -> None:
    assert cn_number(text) == value
