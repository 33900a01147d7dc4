"""Resolution: the five overlay steps on the mini workspace, with provenance down to file:line:col."""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.resolve.catalog import Catalog, Origin, ResolvedItem, resolve_province
from govopen_std.resolve.overlay import resolve_counties
from govopen_std.view.builder import build_view
from helpers.county import PROFILE, write_profile

FILE = "standards/counties/330105.yaml"


def _resolve(workspace: Path, codes: tuple[str, ...] | None = None) -> tuple[Catalog, list[Catalog], Diagnostics]:
    check = check_workspace(workspace)
    assert not check.diagnostics.has_errors, [str(d.location) + d.code for d in check.diagnostics.items
                                              if d.severity >= 3]
    base = resolve_province(check.sources, {p.id: p.group for p in check.sources.system.value.standards})
    diags = Diagnostics()
    return base, resolve_counties(check.sources, base, codes, diags), diags


def _item(catalog: Catalog, code: str) -> ResolvedItem:
    return next(r for r in catalog.items if r.code == code)


def test_amend_makes_stricter_and_records_county_provenance(mini: Path) -> None:
    write_profile(mini, PROFILE)
    _, [county], _ = _resolve(mini)
    item = _item(county, "ZDBC-01-01")
    assert item.status == "amended"
    assert item.item.deadline is not None and item.item.deadline.text == "信息形成或者变更之日起10个工作日内"
    assert item.item.channels.required == ["政府网站", "征地信息公开平台", "两微一端", "政务服务中心"]
    assert item.item.channels.optional == []
    assert [(e.text, e.required) for e in item.item.content] == [
        ("征地补偿安置法律法规和政策", True), ("征收农用地区片综合地价", True), ("征地工作流程图", True),
        ("本区征地咨询电话", True)]
    assert item.origins["deadline"] == Origin("county", FILE, 10, 15)
    assert item.origins["channels"] == Origin("county", FILE, 11, 15)
    assert item.origins["content"] == Origin("county", FILE, 12, 14)
    assert item.origins["name"].layer == "province"
    assert item.origins["name"].path == "standards/domains/zdbc/zdbc-00.yaml"


def test_subjects_are_substituted_with_the_mapping_line(mini: Path) -> None:
    write_profile(mini, PROFILE)
    base, [county], _ = _resolve(mini)
    item = _item(county, "ZDBC-02-01")
    assert item.item.subject == ["杭州市拱墅区人民政府"]
    assert item.status == "base"
    assert item.origins["subject"] == Origin("county", FILE, 3, 11)
    assert _item(base, "ZDBC-02-01").item.subject == ["县级人民政府"]  # the base is never mutated
    assert county.subjects["县级自然资源主管部门"] == "杭州市规划和自然资源局拱墅分局"
    assert county.channel_details == {"政府网站": "https://www.gongshu.gov.cn/"}


def test_not_applicable_keeps_the_item_with_its_reason(mini: Path) -> None:
    write_profile(mini, PROFILE)
    _, [county], _ = _resolve(mini)
    item = _item(county, "ZDBC-02-02")
    assert item.status == "not_applicable"
    assert item.reason == "本区无农村集体土地，不开展土地现状调查。"
    assert item.origins["reason"] == Origin("county", FILE, 14, 15)


def test_local_item_is_added_after_its_domain_and_marked(mini: Path) -> None:
    write_profile(mini, PROFILE)
    base, [county], _ = _resolve(mini)
    codes = [r.code for r in county.items]
    assert codes == [r.code for r in base.items] + ["ZDBC-90-01"]
    local = _item(county, "ZDBC-90-01")
    assert (local.status, local.standard_id, local.group_id) == ("local", "zdbc-00", "zdbc")
    assert {o.layer for o in local.origins.values()} == {"county"}
    assert local.origins["code"] == Origin("county", FILE, 16, 11)
    assert local.item.subject == ["杭州市规划和自然资源局拱墅分局"]


def test_a_domain_not_adopted_is_shown_not_applicable(mini: Path) -> None:
    write_profile(mini, "domains: [cqaz, bzzf, ncwf, fpjz, szfw, ggzy, ywjy]\n"
                        "not_applicable:\n  zdbc: 本区无农村集体土地征收。\n")
    _, [county], _ = _resolve(mini)
    zdbc = [r for r in county.items if r.group_id == "zdbc"]
    assert zdbc and all(r.status == "not_applicable" and r.reason == "本区无农村集体土地征收。" for r in zdbc)
    assert all(r.origins["reason"] == Origin("county", FILE, 8, 9) for r in zdbc)


def test_view_labels_rows_by_provenance(mini: Path) -> None:
    write_profile(mini, PROFILE)
    check = check_workspace(mini)
    _, [county], _ = _resolve(mini)
    view = build_view(check.sources, county)
    labels = {row.code: row.provenance.label for row in view.items}
    assert labels == {"ZDBC-01-01": "本县细化", "ZDBC-02-01": None, "ZDBC-02-02": "不适用", "ZDBC-90-01": "本县增补"}
    assert view.county is not None and view.county.code == "330105"


def test_county_selection(mini: Path) -> None:
    write_profile(mini, PROFILE)
    _, all_counties, _ = _resolve(mini, None)
    assert [c.key for c in all_counties] == ["330105"]
    _, none, _ = _resolve(mini, ())
    assert none == []
    _, missing, diags = _resolve(mini, ("330205",))
    assert missing == [] and [d.code for d in diags.items] == ["E904"]
