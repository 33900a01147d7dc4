"""Realistic `EvaluationResult` values for the tests of the evaluation outputs (report, score sheet, site).

Built directly, not by the scorer: two counties, two domains (征地补偿, 保障性住房), several items of every status,
a nested general indicator system, a manual indicator, and one indicator scored on spot checks. One item name
starts with "=" so the tests can show that text from the data never becomes a spreadsheet formula.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from govopen_std.evaluate.result import DomainResult, EvaluationResult, IndicatorResult, ItemResult, Period

PERIOD = Period(label="2018", start=date(2018, 1, 1), end=date(2018, 12, 31))
FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"点此\")"
LEDGER = "台账2018.xlsx:发布:"
# A small general indicator system (gen-13) for workspaces that the scorer evaluates in the tests.
GEN13 = """id: gen-13
scope:
  - 本文件规定了基层政务公开绩效评价的指标体系。
indicators:
  - {id: A, name: 公开覆盖, weight: 40, metric: coverage}
  - id: B
    name: 公开质量
    weight: 60
    children:
      - {id: B.1, name: 及时公开, weight: 50, metric: timeliness, elements: [deadline]}
      - {id: B.2, name: 必选渠道, weight: 50, metric: channels, elements: [channels]}
"""


def _item(code: str, name: str, domain: str, status: str, **extra: object) -> ItemResult:
    return ItemResult.model_validate({"code": code, "name": name, "domain": domain, "status": status, **extra})


def items() -> list[ItemResult]:
    return [
        _item("ZDBC-01-01", "征地管理政策", "zdbc", "on_time", publications=2, published=date(2018, 3, 5),
              due=date(2018, 3, 20), deadline="形成或变更之日起20个工作日内", evidence=[LEDGER + "4", LEDGER + "5"]),
        _item("ZDBC-02-01", "征收土地预公告", "zdbc", "late", days_late=7, publications=1, published=date(2018, 5, 2),
              due=date(2018, 4, 20), deadline="形成或变更之日起20个工作日内", evidence=[LEDGER + "6"],
              missing_channels=["政府公报"], spot_checked=True),
        _item("ZDBC-02-02", "土地现状调查结果", "zdbc", "missing", deadline="调查完成后10个工作日内",
              missing_channels=["政府网站", "公开栏"]),
        _item("ZDBC-03-01", "征地补偿安置方案", "zdbc", "on_time", publications=1, published=date(2018, 6, 11),
              due=date(2018, 6, 15), deadline="公示不少于10日", evidence=[LEDGER + "7"], missing_channels=["公开栏"],
              spot_checked=True),
        _item("ZDBC-04-01", "征地补偿款支付情况", "zdbc", "not_due", deadline="每年3月31日前"),
        _item("ZDBC-05-01", FORMULA_NAME, "zdbc", "not_applicable"),
        _item("BZZF-01-01", "保障性住房法律法规规章", "bzzf", "on_time", publications=1, published=date(2018, 2, 1),
              due=date(2018, 2, 28), deadline="形成或变更之日起20个工作日内", evidence=[LEDGER + "12"]),
        _item("BZZF-05-01", "公共租赁住房待分配房源信息", "bzzf", "late", days_late=23, publications=2,
              published=date(2018, 9, 3), due=date(2018, 7, 31), deadline="形成或变更之日起20个工作日内",
              evidence=[LEDGER + "20", "抽查清单.xlsx:抽查:3"], spot_checked=True),
        _item("BZZF-06-01", "公共租赁住房配租方案", "bzzf", "missing", deadline="形成或变更之日起20个工作日内"),
        _item("BZZF-06-04", "公共租赁住房配租对象和配租排序公示", "bzzf", "not_due", deadline="公示不少于15日"),
        _item("BZZF-07-01", "公共租赁住房退出情形和程序", "bzzf", "not_applicable"),
    ]


def _leaf(id_: str, name: str, weight: float, ratio: float, metric: str, basis: str = "ledger",
          lost: tuple[str, ...] = ()) -> IndicatorResult:
    return IndicatorResult.model_validate({"id": id_, "name": name, "weight": weight, "score": weight * ratio,
                                           "metric": metric, "basis": basis, "ratio": ratio, "lost": list(lost)})


def _parent(id_: str, name: str, weight: float, children: list[IndicatorResult]) -> IndicatorResult:
    score = weight * sum(c.score for c in children) / 100
    return IndicatorResult(id=id_, name=name, weight=weight, score=score, children=children)


def general_indicators() -> list[IndicatorResult]:
    publishing = _parent("gen-13.1", "信息发布", 60, [
        _leaf("gen-13.1.1", "目录覆盖率", 40, 0.75, "coverage", lost=("ZDBC-02-02", "BZZF-06-01")),
        _leaf("gen-13.1.2", "发布及时率", 35, 0.5, "timeliness", lost=("ZDBC-02-01", "BZZF-05-01")),
        _leaf("gen-13.1.3", "发布渠道", 25, 0.6, "channels", lost=("ZDBC-02-01", "ZDBC-03-01")),
    ])
    quality = _parent("gen-13.2", "公开质量", 25, [
        _leaf("gen-13.2.1", "要素完整性", 60, 0.8, "completeness", basis="spot_check",
              lost=("抽查清单.xlsx:抽查:3",)),
        _leaf("gen-13.2.2", "政策解读率", 40, 1.0, "interpretation"),
    ])
    satisfaction = _leaf("gen-13.3", "群众满意度", 15, 0.86, "manual", basis="manual").model_copy(
        update={"note": "人工评分，来源：2018年度群众满意度测评报告"})
    return [publishing, quality, satisfaction]


def domain_results() -> list[DomainResult]:
    zdbc = [_leaf("zdbc-06.1", "征地信息覆盖率", 50, 0.8, "coverage", lost=("ZDBC-02-02",)),
            _leaf("zdbc-06.2", "征地信息发布及时率", 50, 0.5, "timeliness", lost=("ZDBC-02-01",))]
    bzzf = [_leaf("bzzf-05.1", "保障房信息覆盖率", 40, 0.67, "coverage", lost=("BZZF-06-01",)),
            _leaf("bzzf-05.2", "保障房信息及时率", 30, 0.5, "timeliness", lost=("BZZF-05-01",)),
            _leaf("bzzf-05.3", "配租过程公开完整性", 30, 0.9, "completeness", basis="spot_check")]
    return [DomainResult(domain="zdbc", name="征地补偿", score=sum(i.score for i in zdbc), indicators=zdbc,
                         counts={"on_time": 2, "late": 1, "missing": 1, "not_due": 1, "not_applicable": 1}),
            DomainResult(domain="bzzf", name="保障性住房", score=sum(i.score for i in bzzf), indicators=bzzf,
                         counts={"on_time": 1, "late": 1, "missing": 1, "not_due": 1, "not_applicable": 1})]


def sample_result(county: str = "330105", county_name: str = "杭州市拱墅区") -> EvaluationResult:
    general = general_indicators()
    return EvaluationResult(county=county, county_name=county_name, period=PERIOD,
                            score=sum(i.score for i in general), indicators=general, domains=domain_results(),
                            items=items(), spot_checks=3)


def second_result() -> EvaluationResult:
    """Another county with lower scores, so the heat map shows more than one colour band."""
    base = sample_result("330205", "宁波市江北区")
    scores = {"zdbc": 92.5, "bzzf": 37.84}  # 优秀 and 不合格 beside the first county's 合格
    domains = [d.model_copy(update={"score": scores[d.domain]}) for d in base.domains]
    return base.model_copy(update={"score": base.score * 0.7, "domains": domains})


def two_county_workspace(target: Path) -> Path:
    """The mini workspace with the pilot county 330105 and a second county 330205 (its profile with another code)."""
    from helpers.site import COUNTY_PROFILE, mini_with_county

    mini_with_county(target)
    text = COUNTY_PROFILE.read_text(encoding="utf-8")
    second = text.replace('code: "330105"', 'code: "330205"').replace("杭州市拱墅区", "宁波市江北区") \
        .replace("city: 杭州市", "city: 宁波市").replace("拱墅", "江北")
    (target / "standards" / "counties" / "330205.yaml").write_text(second, encoding="utf-8")
    return target


def render_evaluation_sites(workspace: Path, out: Path, results: list[EvaluationResult]) -> Path:
    """The HTML sites of `workspace` (province in out/site, counties in out/<code>/site) rendered with `results`
    where the build puts them (`view.extras["evaluation"]`)."""
    from govopen_std.build import BuildOptions, resolve_catalogs, views_for
    from govopen_std.diagnostics import Diagnostics
    from govopen_std.pipeline import check_workspace
    from govopen_std.render.html import HtmlRenderer

    check = check_workspace(workspace)
    diags = Diagnostics()
    catalogs = resolve_catalogs(check, BuildOptions(workspace=workspace), diags)
    assert not diags.has_errors and not check.diagnostics.has_errors
    for view in views_for(check, catalogs):
        view.extras["evaluation"] = list(results)
        HtmlRenderer().render(view, out / view.county.code if view.county else out, lambda _name: None)
    return out


def unrecorded_result() -> EvaluationResult:
    """A county of which the store holds nothing for the period: every item missing, no spot check, score 0."""
    base = sample_result("330205", "宁波市江北区")
    items = [i.model_copy(update={"status": "missing" if i.status != "not_applicable" else i.status, "publications": 0,
                                  "days_late": None, "evidence": [], "spot_checked": False}) for i in base.items]
    return base.model_copy(update={"items": items, "spot_checks": 0, "score": 0.0})
