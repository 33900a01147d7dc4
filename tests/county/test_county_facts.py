"""County facts (issue 18): every body name, address and URL of a profile is verified (listed under `verified` with
its source) or 待核实; `check --report` counts them per county, the site marks what is unverified, a `verified`
entry that names no fact (C440) or gives no source (C441) is a located error, and a county can map 县级民政部门."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, run_cli
from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.resolve.profile import read_profiles
from helpers.site import build_site, mini_with_county


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def _with_verified(ws: Path, block: str) -> Path:
    profile = ws / "standards" / "counties" / "330105.yaml"
    profile.write_text(profile.read_text(encoding="utf-8") + block, encoding="utf-8")
    return profile


def _codes(ws: Path, *codes: str) -> list[Diagnostic]:
    return [d for d in check_workspace(ws).diagnostics.sorted() if d.code in codes]


def test_report_counts_unverified_facts_per_county() -> None:
    payload = json.loads(run_cli("check", "--report", "--format", "json", cwd=ROOT).stdout)
    rows = {row["code"]: row for row in payload["county_facts"]}
    assert sorted(rows) == ["330105", "330205", "330304", "330421", "330782", "330881", "331082"]
    assert all(row["facts"] == row["verified"] + row["unverified"] and row["facts"] >= 30 for row in rows.values())
    assert (rows["330205"]["verified"], rows["330304"]["verified"], rows["330105"]["verified"]) == (1, 1, 0)
    assert rows["330205"]["verified_percent"] == round(100 / rows["330205"]["facts"])
    text = run_cli("check", "--report", cwd=ROOT).stdout
    assert "县级配置事实核实情况" in text and "待核实" in text


def test_jiangbei_site_is_nbjb_with_its_source() -> None:
    profiles = {p.code: p.value for p in read_profiles(check_workspace(ROOT).sources, Diagnostics())}
    jiangbei = profiles["330205"]
    assert jiangbei.channels["政府网站"] == "http://www.nbjb.gov.cn/"
    assert "nbjb.gov.cn" in jiangbei.verified["channels.政府网站"]
    # the old mark without a source no longer counts as verified
    assert "subjects.县级自然资源主管部门" not in profiles["330105"].verified
    assert all("nbjiangbei" not in str(v) for p in profiles.values() for v in p.channels.values())


def test_verified_must_name_a_fact_and_give_a_source(mini: Path) -> None:
    mini_with_county_in_place(mini)
    profile = _with_verified(mini, "verified:\n  subjects.县级民政部门: 区政府网站\n  channels.政府网站: ' '\n")
    diags = _codes(mini, "C440", "C441")
    assert [(d.code, d.location.path, d.location.line) for d in diags if d.location] == [
        ("C440", "standards/counties/330105.yaml", _line_of(profile, "subjects.县级民政部门")),
        ("C441", "standards/counties/330105.yaml", _line_of(profile, "channels.政府网站: ' '")),
    ]
    assert "subjects.县级民政部门" in diags[0].message("zh") and "no fact this profile states" in diags[0].message("en")


def test_site_marks_unverified_facts_only(tmp_path: Path) -> None:
    ws = mini_with_county(tmp_path / "ws")
    _with_verified(ws, "verified:\n  subjects.县级自然资源主管部门: 拱墅区人民政府网站机构栏目\n"
                       "  channels.政府网站: 拱墅区人民政府网站首页\n")
    site = build_site(ws, tmp_path / "out") / "330105" / "site"
    verified_item = (site / "items" / "ZDBC-90-01.html").read_text(encoding="utf-8")  # 县级自然资源主管部门
    assert "杭州市规划和自然资源局拱墅分局" in verified_item and "（待核实" not in verified_item.split("公开主体")[1][:300]
    index = (site / "index.html").read_text(encoding="utf-8")
    assert ('<th scope="row">政府网站</th><td><a class="channel-url" href="https://www.gongshu.gov.cn" '
            'rel="external noopener noreferrer">https://www.gongshu.gov.cn</a></td>') in index  # verified: no mark
    assert '<th scope="row">政务服务中心</th><td>拱墅区行政服务中心 <span class="unverified">（待核实）</span></td>' in index
    pages = [p.read_text(encoding="utf-8") for p in (site / "items").glob("ZDBC-*.html")]
    assert pages
    assert any('<span class="unverified">（待核实：拱墅区各街道办事处）</span>' in page for page in pages)
    domain = (site / "domains" / "zdbc.html").read_text(encoding="utf-8")
    assert '<span class="unverified">（待核实：拱墅区各街道办事处）</span>' in domain
    assert "（待核实：杭州市规划和自然资源局拱墅分局" not in domain


def test_a_county_can_map_its_civil_affairs_bureau(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    shutil.copy(ROOT / "govopen.yaml", ws / "govopen.yaml")
    shutil.copytree(ROOT / "standards", ws / "standards")
    shutil.copytree(ROOT / "templates", ws / "templates")
    source = (ws / "standards" / "counties" / "331082.yaml").read_text(encoding="utf-8")
    yuhuan = source.replace('code: "331082"', 'code: "331021"').replace("临海市", "玉环市")
    yuhuan = yuhuan.replace("subjects:\n", "subjects:\n  县级民政部门: 玉环市民政局\n", 1)
    (ws / "standards" / "counties" / "331021.yaml").write_text(yuhuan, encoding="utf-8")
    result = check_workspace(ws)
    assert not [d for d in result.diagnostics.items if d.code == "R303"]
    profile = next(p for p in read_profiles(result.sources, Diagnostics()) if p.code == "331021")
    assert profile.value.subject_map()["县级民政部门"] == "玉环市民政局"
    assert "subjects.县级民政部门" in profile.value.unverified()


def mini_with_county_in_place(ws: Path) -> None:
    (ws / "standards" / "counties").mkdir(exist_ok=True)
    shutil.copy(ROOT / "tests" / "fixtures" / "county" / "330105.yaml", ws / "standards" / "counties" / "330105.yaml")

