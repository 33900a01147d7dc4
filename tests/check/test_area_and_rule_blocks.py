"""R309 (an item's 子领域 must be an area of its domain, system.yaml `areas`) and C413 (a general standard whose
rules the checker executes must carry its machine-readable block), each located at the offending key."""

from __future__ import annotations

from pathlib import Path

from govopen_std.pipeline import check_workspace

FPJZ = """id: fpjz-01
scope:
  - 本文件规定了扶贫救灾对象确定的信息公开要求。
items:
  - code: FPJZ-01-01
    category: [扶贫对象认定, 扶贫对象名单]
    name: 扶贫对象名单
    area: {area}
    content: [扶贫对象名单]
    basis:
      - {{law: gov-info-disclosure-reg, articles: [20]}}
    subject: [县级人民政府]
    deadline: 信息形成或者变更之日起20个工作日内
    method: 主动
    channels:
      required: [政府网站]
    audience: 全社会
    level: [县级]
    openness: 结果
"""


def _findings(workspace: Path, code: str) -> list[str]:
    return [f"{d.location}" for d in check_workspace(workspace).diagnostics.sorted() if d.code == code]


def test_r309_an_area_outside_the_domain_is_located_at_the_area(mini: Path) -> None:
    target = mini / "standards" / "domains" / "fpjz" / "fpjz-01.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(FPJZ.format(area="医疗"), encoding="utf-8")
    assert _findings(mini, "R309") == ["standards/domains/fpjz/fpjz-01.yaml:8:11"]
    target.write_text(FPJZ.format(area="救灾"), encoding="utf-8")  # an area of 扶贫救灾: no finding
    assert _findings(mini, "R309") == []


def test_r309_a_missing_area_in_a_domain_with_areas_is_located_at_the_code(mini: Path) -> None:
    target = mini / "standards" / "domains" / "fpjz" / "fpjz-01.yaml"
    target.parent.mkdir(parents=True)
    target.write_text(FPJZ.format(area="救灾").replace("    area: 救灾\n", ""), encoding="utf-8")
    assert _findings(mini, "R309") == ["standards/domains/fpjz/fpjz-01.yaml:5:11"]


def test_c413_a_general_standard_without_its_rule_block(mini: Path) -> None:
    gen02 = mini / "standards" / "general" / "gen-02.yaml"
    text = gen02.read_text(encoding="utf-8")
    assert "\ncoding:\n" in text
    gen02.write_text(text.split("\ncoding:\n")[0] + "\n", encoding="utf-8")
    assert _findings(mini, "C413") == ["standards/general/gen-02.yaml:2:5"]  # at the id
