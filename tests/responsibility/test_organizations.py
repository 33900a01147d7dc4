"""The organisation registry: the shipped file's facts, the check rules on it and on status histories
(C420–C429, each at its file:line:col), today's body in the view, and its JSON Schema."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import jsonschema
import pytest
from resp_helpers import SHIPPED_ORGS, province_view, registry_of, sources_of, workspace_with_registry
from ruamel.yaml import YAML

from conftest import ROOT, run_cli
from govopen_std.pipeline import check_workspace
from govopen_std.resolve.organizations import UnitIndex, today_bodies

REFORM = dt.date(2018, 10, 23)


def test_shipped_registry_facts() -> None:
    registry = registry_of(sources_of(ROOT))
    orgs = {o.name: o for o in registry.organizations}
    assert set(orgs) == {"省质监局", "省国土资源厅", "省建设厅", "省农办", "省民政厅", "省交通运输厅", "省发展改革委",
                         "省教育厅", "试点县(市、区)政府"}
    expect = {"省质监局": ("浙江省质量技术监督局", ["浙江省市场监督管理局"]),
              "省国土资源厅": ("浙江省国土资源厅", ["浙江省自然资源厅"]),
              "省农办": ("浙江省委省政府农业和农村工作领导小组办公室", ["浙江省农业农村厅"]),
              "省建设厅": ("浙江省住房和城乡建设厅", ["浙江省住房和城乡建设厅"]),
              "省民政厅": ("浙江省民政厅", ["浙江省民政厅", "浙江省应急管理厅（救灾职责）"]),
              "省发展改革委": ("浙江省发展和改革委员会", ["浙江省发展和改革委员会"])}
    for name, (full, today) in expect.items():
        assert orgs[name].full_name == full
        assert [b.display for b in today_bodies(orgs[name])] == today
    for org in orgs.values():
        for succ in org.successors:
            assert succ.since == REFORM and succ.sources, (org.name, succ.name)
            assert all(re.match(r"https?://", s.url) for s in succ.sources)
    reform = registry.reforms[0]
    assert (reform.approved, reform.implemented) == (dt.date(2018, 10, 4), REFORM)


def test_every_shipped_unit_is_registered_and_the_registry_checks_clean() -> None:
    result = check_workspace(ROOT)
    mine = [d for d in result.diagnostics.items if d.code[:3] == "C42" or (
        d.location and d.location.path.endswith("organizations.yaml"))]
    assert [(d.code, str(d.location)) for d in mine if d.code != "C425"] == []


def _write(ws: Path, text: str) -> None:
    (ws / "standards" / "organizations.yaml").write_text(text, encoding="utf-8")


def _codes(ws: Path) -> list[tuple[str, str]]:
    return [(d.code, str(d.location)) for d in check_workspace(ws).diagnostics.sorted()
            if d.code.startswith(("C42", "S2"))]


BAD_REGISTRY = """\
title: 测试机构库
organizations:
  - name: 省质监局
    full_name: 浙江省质量技术监督局
    until: 2018-10-23
  - name: 省国土资源厅
    full_name: 浙江省国土资源厅
    aliases: [省质监局]
    successors:
      - {name: 浙江省自然资源厅, kind: 整合组建}
  - name: 省民政厅
    full_name: 浙江省民政厅
    successors:
      - {name: 浙江省应急管理厅, kind: 职责划入, since: 2018-10-23}
  - name: 省教育厅
    full_name: 浙江省教育厅
    websit: http://jyt.zj.gov.cn
"""


def test_registry_rules_point_at_the_line(tmp_path: Path) -> None:
    ws = workspace_with_registry(tmp_path / "ws")
    _write(ws, BAD_REGISTRY)
    found = _codes(ws)
    path = "standards/organizations.yaml"
    assert ("S201", f"{path}:17:5") in found  # unknown key websit
    assert not any(code == "C422" for code, _ in found)  # no model: the rules wait for a valid file
    _write(ws, BAD_REGISTRY.replace("    websit: http://jyt.zj.gov.cn\n", ""))
    found = _codes(ws)
    assert ("C422", f"{path}:5:12") in found  # until without successors
    assert ("C421", f"{path}:6:5") in found  # 省质监局 used twice
    assert ("C423", f"{path}:10:9") in found  # 整合组建 without since
    assert ("C424", f"{path}:14:9") in found  # 职责划入 without functions
    units = {loc.split(":")[0] for code, loc in found if code == "C420"}
    assert units == {"standards/system.yaml"}
    unregistered = {d.params for d in check_workspace(ws).diagnostics.items if d.code == "C420"}
    assert {dict(p)["unit"] for p in unregistered} == {"省建设厅", "省农办", "省交通运输厅", "省发展改革委",
                                                       "试点县(市、区)政府"}


def test_status_history_rules(tmp_path: Path) -> None:
    ws = workspace_with_registry(tmp_path / "ws")
    system = ws / "standards" / "system.yaml"
    text = system.read_text(encoding="utf-8")
    lines = {
        "gen-01": "     status: 审查, status_history: [{date: 2017-11-20, status: 征求意见}, {date: 2017-09-01, status: 起草}]}",
        "gen-02": "     status: 发布, number: DB33/T 2101—2018, issued: 2018-01-05, implemented: 2018-02-05,\n"
                  "     status_history: [{date: 2018-01-04, status: 发布}]}",
        "gen-03": "     status: 起草, status_history: [{date: 2017-10-01, status: 审查}, {date: 2017-11-01, status: 起草}]}",
    }
    for sid, tail in lines.items():
        head = re.search(rf"  - \{{id: {sid}, .*units: \[省质监局\],", text)
        assert head is not None
        old = re.search(rf"  - \{{id: {sid}, .*\}}\n", text)
        assert old is not None
        text = text.replace(old.group(0), head.group(0) + "\n" + tail + "\n")
    system.write_text(text, encoding="utf-8")
    found = {code for code, loc in _codes(ws) if loc.startswith("standards/system.yaml")}
    assert {"C426", "C427", "C428"} <= found
    info = [d for d in check_workspace(ws).diagnostics.items if d.code == "C429"]
    assert [dict(d.params)["id"] for d in info] == ["gen-03"]
    assert check_workspace(ws).diagnostics.has_errors


def test_view_shows_todays_body_beside_the_printed_name(tmp_path: Path) -> None:
    view = province_view(workspace_with_registry(tmp_path / "ws"))
    farm = view.organization("省农办")
    assert farm is not None and farm.today == ("浙江省农业农村厅",) and farm.changed and farm.since == "2018-10-23"
    civil = view.organization("省民政厅")
    assert civil is not None and civil.today_text == "浙江省民政厅；浙江省应急管理厅（救灾职责）" and civil.changed
    edu = view.organization("省教育厅")
    assert edu is not None and edu.today == ("浙江省教育厅",) and not edu.changed
    assert [o.name for o in view.organizations][-1] == "试点县(市、区)政府"
    assert len(view.organizations) == 9


def test_view_without_registry_keeps_the_printed_names(mini: Path) -> None:
    view = province_view(mini)
    assert all(o.today == (o.name,) and not o.changed for o in view.organizations)


def test_normalised_lookup_ignores_prefix_spaces_and_bracket_width() -> None:
    registry = registry_of(sources_of(ROOT))
    index = UnitIndex(registry, ["省建设厅", "试点县(市、区)政府"])
    assert index.match(" 浙江省 住房和城乡建设厅 ") == ["省建设厅"]
    assert index.match("试点县（市、区）政府") == ["试点县(市、区)政府"]
    assert index.today_text("不存在的单位") == "不存在的单位"


def test_schema_accepts_the_shipped_registry(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.exit_code == 0, result.stderr
    schema = json.loads((tmp_path / "organizations.schema.json").read_text(encoding="utf-8"))
    yaml = YAML(typ="safe")
    yaml.constructor.yaml_constructors["tag:yaml.org,2002:timestamp"] = yaml.constructor.yaml_constructors[
        "tag:yaml.org,2002:str"]
    jsonschema.validate(yaml.load(SHIPPED_ORGS.read_text(encoding="utf-8")), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"title": "x", "organizations": [{"name": "a", "full_name": "b", "websit": "c"}]}, schema)
