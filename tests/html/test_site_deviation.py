"""The 征地 departures from the national catalog (issue 18): ZDBC-03-02 now follows the national time limit, and
ZDBC-03-01 (依申请 where the national catalog has 主动) records its reason in the item's 备注, which the item page
of the site shows."""

from __future__ import annotations

from pathlib import Path

from site_helpers import build_site

from conftest import ROOT
from govopen_std.pipeline import check_workspace


def test_shipped_land_items_follow_or_explain_the_national_format() -> None:
    result = check_workspace(ROOT)
    items = {it.value.code: it.value for _, it in result.sources.all_items()}
    approval = items["ZDBC-03-02"]
    assert approval.deadline is not None and approval.deadline.text == "自收到征地批准文件之日起10个工作日内"
    materials = items["ZDBC-03-01"]
    assert materials.method == "依申请"
    assert materials.note is not None and materials.note.startswith("与国家目录的差异：")
    assert "主动公开" in materials.note and "第十六条第二款" in materials.note


def test_the_item_page_shows_the_reason(tmp_path: Path) -> None:
    out = build_site(ROOT, tmp_path / "out")
    page = (out / "site" / "items" / "ZDBC-03-01.html").read_text(encoding="utf-8")
    assert '<th scope="row">备注</th><td>与国家目录的差异：' in page
    assert "第十六条第二款" in page
