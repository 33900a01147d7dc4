"""The overlay steps one amendment kind at a time, on a two-domain fixture: each field an amendment may touch is
added exactly once (never dropped, never doubled), the note is copied, local items land after their own domain's
items, and only what the county changed carries county provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_std.diagnostics import Diagnostics
from govopen_std.model.item import Citation
from govopen_std.pipeline import check_workspace
from govopen_std.resolve.catalog import Catalog, Origin, ResolvedItem, resolve_province
from govopen_std.resolve.overlay import resolve_counties
from helpers.county import write_profile

FILE = "standards/counties/330105.yaml"
CQAZ = """id: cqaz-00
subjects:
  - {name: 县级人民政府}
  - {name: 县级住房城乡建设主管部门}
scope:
  - 本文件规定了国有土地上房屋征收与补偿信息公开的要求。
items:
  - code: CQAZ-01-01
    category: [房屋征收决定]
    name: 房屋征收决定
    content: [征收范围, 征收补偿方案]
    basis:
      - {law: gov-info-disclosure-reg, articles: [20]}
    subject: [县级人民政府, 县级住房城乡建设主管部门]
    deadline: 信息形成或者变更之日起20个工作日内
    method: 依申请
    channels: {required: [政府网站]}
    audience: 全社会
    level: [县级]
    openness: 决策
"""
LOCAL = """    category: [{category}]
    name: {category}
    content: [查询方式]
    basis: [{{law: gov-info-disclosure-reg, articles: [20]}}]
    subject: 县级人民政府
    deadline: 信息形成或者变更之日起10个工作日内
    method: 主动
    channels: {{required: [政府网站]}}
    audience: 全社会
    level: [县级]
    openness: 服务
"""


def _county(workspace: Path, profile: str) -> tuple[Catalog, Catalog]:
    (workspace / "standards/domains/cqaz").mkdir(parents=True)
    (workspace / "standards/domains/cqaz/cqaz-00.yaml").write_text(CQAZ, encoding="utf-8")
    write_profile(workspace, profile)
    check = check_workspace(workspace)
    errors = [f"{d.location} {d.code} {d.message()}" for d in check.diagnostics.items if d.severity >= 3]
    assert errors == []
    base = resolve_province(check.sources, {p.id: p.group for p in check.sources.system.value.standards})
    [county] = resolve_counties(check.sources, base, None, Diagnostics())
    return base, county


def _item(catalog: Catalog, code: str) -> ResolvedItem:
    return next(r for r in catalog.items if r.code == code)


def _line_of(workspace: Path, text: str) -> int:
    lines = (workspace / FILE).read_text(encoding="utf-8").splitlines()
    return 1 + next(i for i, line in enumerate(lines) if text in line)


@pytest.mark.parametrize("written", ["basis", "公开依据"])
def test_a_basis_amendment_is_added_once(mini: Path, written: str) -> None:
    profile = (f"amend:\n  CQAZ-01-01:\n    {written}:\n      - {{law: gov-info-disclosure-reg, articles: [20]}}\n"
               "      - {law: land-admin-law, articles: [48]}\n")
    base, county = _county(mini, profile)
    item = _item(county, "CQAZ-01-01")
    assert item.item.basis == [Citation(law="gov-info-disclosure-reg", articles=[20]),
                               Citation(law="land-admin-law", articles=[48])]  # the repeated one not doubled
    assert item.status == "amended"
    assert item.origins["basis"] == Origin("county", FILE, _line_of(mini, written) + 1, 7)  # at the value
    assert _item(base, "CQAZ-01-01").item.basis == [Citation(law="gov-info-disclosure-reg", articles=[20])]


def test_a_method_amendment_applies(mini: Path) -> None:
    _base, county = _county(mini, "amend:\n  CQAZ-01-01:\n    method: 主动\n")
    item = _item(county, "CQAZ-01-01")
    assert item.item.method == "主动"
    assert item.origins["method"] == Origin("county", FILE, _line_of(mini, "method: 主动"), 13)
    assert item.origins["deadline"].layer == "province"  # untouched fields keep the province's origin


def test_the_amendment_note_is_copied(mini: Path) -> None:
    _base, county = _county(mini, "amend:\n  CQAZ-01-01:\n    level: [县级, 乡级]\n    note: 本区各街道同步公开\n")
    item = _item(county, "CQAZ-01-01")
    assert item.amendment_note == "本区各街道同步公开"
    assert item.item.note == "本区各街道同步公开"
    assert item.item.level == ["县级", "乡级"]


def test_local_items_follow_their_own_domain(mini: Path) -> None:
    profile = ("add:\n  - code: CQAZ-90-01\n" + LOCAL.format(category="房屋征收信息查询")
               + "  - code: ZDBC-90-01\n" + LOCAL.format(category="征地信息查询"))
    base, county = _county(mini, profile)
    codes = [r.code for r in county.items]
    base_codes = [r.code for r in base.items]
    last_zdbc = max(i for i, c in enumerate(base_codes) if c.startswith("ZDBC"))
    assert base_codes[last_zdbc + 1].startswith("CQAZ")  # the fixture has a domain after zdbc
    expected = [*base_codes[:last_zdbc + 1], "ZDBC-90-01", *base_codes[last_zdbc + 1:], "CQAZ-90-01"]
    assert codes == expected
    assert (_item(county, "CQAZ-90-01").group_id, _item(county, "ZDBC-90-01").group_id) == ("cqaz", "zdbc")


def test_only_substituted_subjects_get_county_provenance(mini: Path) -> None:
    # HEAD maps 县级人民政府 (and two zdbc subjects) but not 县级住房城乡建设主管部门
    _base, county = _county(mini, "")
    cqaz = _item(county, "CQAZ-01-01")
    assert cqaz.item.subject == ["杭州市拱墅区人民政府", "县级住房城乡建设主管部门"]
    assert cqaz.origins["subject"] == Origin("county", FILE, 3, 11)
    policy = _item(county, "ZDBC-01-01")  # 县级自然资源主管部门: mapped on line 4
    assert policy.origins["subject"] == Origin("county", FILE, 4, 15)
    assert cqaz.origins["name"].layer == "province"


def test_an_item_with_no_mapped_subject_keeps_the_province_origin(mini: Path) -> None:
    text = CQAZ.replace("subject: [县级人民政府, 县级住房城乡建设主管部门]", "subject: [县级住房城乡建设主管部门]")
    (mini / "standards/domains/cqaz").mkdir(parents=True)
    (mini / "standards/domains/cqaz/cqaz-00.yaml").write_text(text, encoding="utf-8")
    write_profile(mini, "")
    check = check_workspace(mini)
    base = resolve_province(check.sources, {p.id: p.group for p in check.sources.system.value.standards})
    [county] = resolve_counties(check.sources, base, None, Diagnostics())
    item = _item(county, "CQAZ-01-01")
    assert item.item.subject == ["县级住房城乡建设主管部门"]
    assert item.origins["subject"].layer == "province"
    assert item.origins["subject"] == _item(base, "CQAZ-01-01").origins["subject"]


def test_a_domain_not_adopted_keeps_its_items_marked_with_the_domains_reason(mini: Path) -> None:
    profile = "domains: [cqaz, bzzf, ncwf, fpjz, szfw, ggzy, ywjy]\nnot_applicable:\n  zdbc: 本区无农村集体土地。\n"
    base, county = _county(mini, profile)
    assert [r.code for r in county.items] == [r.code for r in base.items]  # nothing removed
    zdbc = [r for r in county.items if r.group_id == "zdbc"]
    cqaz = [r for r in county.items if r.group_id == "cqaz"]
    assert zdbc and cqaz
    assert {(r.status, r.reason) for r in zdbc} == {("not_applicable", "本区无农村集体土地。")}
    reason_line = _line_of(mini, "zdbc: 本区无农村集体土地。")
    assert {r.origins["reason"] for r in zdbc} == {Origin("county", FILE, reason_line, 9)}
    assert {r.status for r in cqaz} == {"base"} and all(r.reason is None for r in cqaz)
    assert county.domain_reasons == {"zdbc": "本区无农村集体土地。"}


def test_group_of_code_uses_the_systems_domain_codes() -> None:
    from govopen_std.resolve.overlay import group_of_code

    assert group_of_code("ABCD-90-01", {"ABCD": "land"}) == "land"  # the system's id, not the code lowered
    assert group_of_code("ZDBC-90-01", {}) == "zdbc"  # unknown code: the code lowered


def test_a_chinese_keyed_first_local_item_is_located_at_its_chinese_keys(mini: Path) -> None:
    local = ("add:\n  - 事项编码: ZDBC-90-01\n" + LOCAL.format(category="征地信息查询")
             .replace("    category:", "    事项分类:").replace("    name:", "    事项名称:"))
    _base, county = _county(mini, local)
    item = _item(county, "ZDBC-90-01")
    assert item.origins["code"] == Origin("county", FILE, _line_of(mini, "事项编码: ZDBC-90-01"), 11)
    assert item.origins["name"] == Origin("county", FILE, _line_of(mini, "事项名称:"), 11)


def test_a_local_item_of_a_domain_without_provincial_items_goes_last(mini: Path) -> None:
    local = ("add:\n  - code: YWJY-90-01\n" + LOCAL.format(category="学区查询")).replace(
        "    subject: 县级人民政府", "    subject: 县级人民政府")
    base, county = _county(mini, local)
    assert not [r for r in base.items if r.group_id == "ywjy"]
    assert [r.code for r in county.items] == [*(r.code for r in base.items), "YWJY-90-01"]


def test_a_repeated_content_element_never_becomes_optional() -> None:
    from govopen_std.model.item import ContentElement
    from govopen_std.resolve.overlay import merged_content

    required, optional = ContentElement(text="补偿标准", required=True), ContentElement(text="补偿标准", required=False)
    assert merged_content([required], [optional]) == [required]
    assert merged_content([optional], [required]) == [required]
    assert merged_content([optional], [ContentElement(text="新增", required=False)])[1].text == "新增"


def test_not_applicable_never_applies_to_a_local_item(mini: Path) -> None:
    write_profile(mini, "add:\n  - code: ZDBC-90-01\n" + LOCAL.format(category="征地信息查询")
                  + "not_applicable:\n  ZDBC-90-01: 本区自行取消\n")
    check = check_workspace(mini)  # the check reports it (O508); the overlay still never marks a local item
    base = resolve_province(check.sources, {p.id: p.group for p in check.sources.system.value.standards})
    [county] = resolve_counties(check.sources, base, None, Diagnostics())
    local = _item(county, "ZDBC-90-01")
    assert (local.status, local.reason) == ("local", None)


def test_unknown_counties_name_the_known_ones(tmp_path: Path) -> None:
    from helpers.county import mini_with_two_counties

    ws = mini_with_two_counties(tmp_path / "ws")
    check = check_workspace(ws)
    base = resolve_province(check.sources, {p.id: p.group for p in check.sources.system.value.standards})
    diags = Diagnostics()
    assert resolve_counties(check.sources, base, ("330199", "330105"), diags)[0].county.code == "330105"
    [found] = diags.sorted()
    assert found.code == "E904" and "330105、330106" in (found.hint() or "") and "330105, 330106" in (found.hint("en") or "")
    empty = mini_with_two_counties(tmp_path / "empty")
    for profile in (empty / "standards" / "counties").iterdir():
        profile.unlink()
    check = check_workspace(empty)
    diags = Diagnostics()
    assert resolve_counties(check.sources, base, ("330199",), diags) == []
    [none] = diags.sorted()
    assert dict(none.params)["known"] == "无" and dict(none.params)["known_en"] == "none"
