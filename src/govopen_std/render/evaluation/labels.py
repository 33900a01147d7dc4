"""Words and numbers every evaluation output prints the same way: status and basis labels (Chinese first,
English with `lang="en"`), score formatting, the indicator tree flattened with its printed numbers, the items
that lost points, and the output file names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from govopen_std.evaluate.result import EvaluationResult, IndicatorResult, ItemResult

STATUS_LABELS: dict[str, tuple[str, str]] = {
    "on_time": ("按时", "on time"),
    "late": ("逾期", "late"),
    "missing": ("未公开", "missing"),
    "not_due": ("未到期", "not yet due"),
    "not_applicable": ("不适用", "not applicable"),
}
BASIS_LABELS: dict[str, tuple[str, str]] = {
    "ledger": ("台账", "ledger"),
    "spot_check": ("抽查", "spot check"),
    "manual": ("人工录入", "entered by hand"),
}
# The statuses that lose points; an on-time item may still lose points for a channel it did not use.
LOSING = ("late", "missing")
REPORT_SUFFIX = "评估报告.docx"
SHEET_SUFFIX = "评分表.xlsx"


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def status_label(status: str, lang: str = "zh") -> str:
    return pick(STATUS_LABELS[status], lang)


def basis_label(basis: str, lang: str = "zh") -> str:
    return pick(BASIS_LABELS[basis], lang)


def score_text(value: float) -> str:
    """A score as printed: at most two decimals, no trailing zeros (12.5, 10, 7.33)."""
    text = f"{round(value, 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def safe_part(text: str) -> str:
    """A file-name part: letters, digits, CJK and '-' kept, anything else (.., /, spaces) becomes '_'."""
    return re.sub(r"[^0-9A-Za-z\u4e00-\u9fff-]+", "_", text).strip("_") or "_"


def output_names(result: EvaluationResult) -> tuple[str, str]:
    """<county>-<period>-评估报告.docx and <county>-<period>-评分表.xlsx (2018-01-01..2018-06-30 → 2018-01-01_2018-06-30)."""
    stem = f"{safe_part(result.county)}-{safe_part(result.period.label)}"
    return f"{stem}-{REPORT_SUFFIX}", f"{stem}-{SHEET_SUFFIX}"


@dataclass(frozen=True)
class Numbered:
    """One indicator with its printed number (1, 1.2, 1.2.1) and depth (0 for a top-level indicator)."""

    number: str
    depth: int
    indicator: IndicatorResult


def numbered(indicators: Sequence[IndicatorResult], prefix: str = "", depth: int = 0) -> Iterator[Numbered]:
    """The indicator tree in reading order, parents before their children."""
    for i, indicator in enumerate(indicators, 1):
        number = f"{prefix}{i}"
        yield Numbered(number, depth, indicator)
        yield from numbered(indicator.children, f"{number}.", depth + 1)


def losing_items(result: EvaluationResult) -> list[ItemResult]:
    """Items that lost points: late, missing, or published without a required channel; in catalog order."""
    return [item for item in result.items if item.status in LOSING or item.missing_channels]


def spot_checked(result: EvaluationResult) -> list[tuple[str, Numbered]]:
    """(system name, indicator) of every indicator scored on spot checks: the general system, then each domain."""
    found = [("", n) for n in numbered(result.indicators) if n.indicator.basis == "spot_check"]
    for domain in result.domains:
        found += [(domain.name, n) for n in numbered(domain.indicators) if n.indicator.basis == "spot_check"]
    return found


def status_counts(items: Sequence[ItemResult]) -> dict[str, int]:
    """Status -> number of items, every status present (0 when none)."""
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for item in items:
        counts[item.status] += 1
    return counts


def domain_names(result: EvaluationResult) -> dict[str, str]:
    return {d.domain: d.name for d in result.domains}


def domain_counts(result: EvaluationResult, domain: str, counts: dict[str, int]) -> dict[str, int]:
    """Status -> items of `domain`: the scorer's counts when it gave them, else counted from the items."""
    if counts:
        return {s: counts.get(s, 0) for s in STATUS_LABELS}
    return status_counts([item for item in result.items if item.domain == domain])


def noted(result: EvaluationResult) -> list[tuple[str, Numbered]]:
    """(system name, indicator) of every leaf the scorer annotated (absent evidence, a manual figure's source)."""
    found = [("", n) for n in numbered(result.indicators) if n.indicator.note]
    for domain in result.domains:
        found += [(domain.name, n) for n in numbered(domain.indicators) if n.indicator.note]
    return found


def has_ledger(result: EvaluationResult) -> bool:
    """False when the store holds nothing of the county for the period (no publication, no spot check): its zeros
    then say that no ledger was imported, not that nothing was published, and the site says so."""
    return result.spot_checks > 0 or any(item.publications for item in result.items)
