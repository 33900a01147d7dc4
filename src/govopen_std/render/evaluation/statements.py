"""The sentences the report and the site say alike: which indicators rest on spot checks, and the scorer's notes
on indicators without evidence (how they were scored). Kept apart from the DOCX writer so the site can use them
without loading python-docx.
"""

from __future__ import annotations

from govopen_std.evaluate.result import EvaluationResult
from govopen_std.render.evaluation import labels as lb

STATEMENTS: dict[str, dict[str, str]] = {
    "zh": {"checks": "以下指标依据抽查（模拟用户实测）结果评分：{names}。共使用抽查记录 {checks} 条。",
           "no_checks": "本次评估没有抽查记录，各指标依据公开台账或人工录入的数据评分。",
           "notes": "以下指标的评分说明：", "note": "{name}：{note}。", "list": "、", "of": "{system}：{name}"},
    "en": {"checks": "These indicators are scored on spot checks (simulated user tests): {names}. {checks} observations used.",
           "no_checks": "There were no spot checks; every indicator is scored on the ledger or on figures entered by hand.",
           "notes": "Notes on how these indicators were scored:", "note": "{name}: {note}.", "list": ", ",
           "of": "{system}: {name}"},
}


def spot_check_statement(result: EvaluationResult, lang: str = "zh") -> str:
    """Which indicators rest on spot checks (the report's section 四 and the site say the same)."""
    text = STATEMENTS["en" if lang == "en" else "zh"]
    found = lb.spot_checked(result)
    if not found:
        return text["no_checks"]
    names = [text["of"].format(system=system, name=f"{n.number} {n.indicator.name}") if system
             else f"{n.number} {n.indicator.name}" for system, n in found]
    return text["checks"].format(names=text["list"].join(names), checks=result.spot_checks)


def scoring_notes(result: EvaluationResult, lang: str = "zh") -> list[str]:
    """One sentence per indicator the scorer annotated: why it has no evidence and how it was scored."""
    text = STATEMENTS["en" if lang == "en" else "zh"]
    lines = []
    for system, n in lb.noted(result):
        name = f"{n.number} {n.indicator.name}"
        lines.append(text["note"].format(name=text["of"].format(system=system, name=name) if system else name,
                                         note=n.indicator.note))
    return [text["notes"], *lines] if lines else []
