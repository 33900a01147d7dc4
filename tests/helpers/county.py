"""County profiles for the tests: the 330105 profile text (and its parts, which the DOCX tests combine
differently), written into a copy of the mini workspace and checked."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import MINI, ROOT
from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace

HEAD = """county: {code: "330105", name: 杭州市拱墅区, city: 杭州市}
subjects:
  县级人民政府: 杭州市拱墅区人民政府
  县级自然资源主管部门: 杭州市规划和自然资源局拱墅分局
  乡镇人民政府（街道办事处）: 拱墅区各街道办事处
"""

NOT_APPLICABLE = """not_applicable:
  ZDBC-02-02: 本区无农村集体土地，不开展土地现状调查。
"""

LOCAL_ITEM = """add:
  - code: ZDBC-90-01
    category: [征地信息查询]
    name: 征地信息查询服务
    content: [征地信息查询方式]
    basis: [{law: gov-info-disclosure-reg, articles: [20]}]
    subject: 县级自然资源主管部门
    deadline: 信息形成或者变更之日起10个工作日内
    method: 主动
    channels: {required: [政府网站]}
    audience: 全社会
    level: [县级]
    openness: 服务
"""

# A valid overlay of every kind (amend, not applicable, a local item) appended to HEAD in several tests.
PROFILE = """channels:
  政府网站: https://www.gongshu.gov.cn/
amend:
  ZDBC-01-01:
    deadline: 信息形成或者变更之日起10个工作日内
    channels: {required: [两微一端, 政务服务中心]}
    content: [{text: 征地工作流程图, required: true}, 本区征地咨询电话]
""" + NOT_APPLICABLE + LOCAL_ITEM


def write_profile(workspace: Path, text: str, name: str = "330105.yaml", *, head: bool = True) -> Path:
    path = workspace / "standards" / "counties" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((HEAD if head else "") + text, encoding="utf-8")
    return path


def diagnostics_in(workspace: Path, path: Path) -> list[Diagnostic]:
    """Every diagnostic `govopen check` reports inside `path`."""
    display = path.relative_to(workspace).as_posix()
    result = check_workspace(workspace)
    return [d for d in result.diagnostics.sorted() if d.location is not None and d.location.path == display]


def mini_with_two_counties(target: Path) -> Path:
    """A copy of the mini workspace at `target` with two county profiles, 330105 (tests/fixtures/county) and a
    330106 made from it."""
    shutil.copytree(MINI, target)
    counties = target / "standards" / "counties"
    counties.mkdir(parents=True)
    text = (ROOT / "tests" / "fixtures" / "county" / "330105.yaml").read_text(encoding="utf-8")
    (counties / "330105.yaml").write_text(text, encoding="utf-8")
    (counties / "330106.yaml").write_text(text.replace('"330105"', '"330106"').replace("拱墅区", "西湖区"),
                                          encoding="utf-8")
    return target
