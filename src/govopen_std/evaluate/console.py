"""What `govopen evaluate` prints: diagnostics on stderr; on stdout the JSON contract, or a rich table per county
(score, indicators, status counts, the worst items)."""

from __future__ import annotations

from typing import Any, TextIO

from govopen_std.evaluate.result import ITEM_STATUSES, EvaluationResult, IndicatorResult, ItemResult
from govopen_std.evaluate.run import EvaluateOptions, EvaluateOutcome
from govopen_std.report.text import format_line

WORST_ITEMS = 10

LABELS: dict[str, dict[str, str]] = {
    "zh": {"hint": "提示", "score": "得分", "no_score": "未计算（无指标体系）", "indicators": "指标",
           "id": "编号", "name": "名称", "weight": "分值", "earned": "得分", "basis": "依据", "lost": "失分证据",
           "counts": "事项状态", "worst": "问题最多的事项", "code": "事项编码", "status": "状态",
           "days_late": "逾期工作日", "channels": "缺少的必选渠道", "none": "无",
           "on_time": "按时", "late": "逾期", "missing": "未公开", "not_due": "未到期", "not_applicable": "不适用",
           "ledger": "台账", "spot_check": "抽查", "manual": "人工", "domains": "领域得分", "domain": "领域",
           "written": "已写入"},
    "en": {"hint": "hint", "score": "score", "no_score": "not computed (no indicator system)",
           "indicators": "indicators", "id": "id", "name": "name", "weight": "weight", "earned": "score",
           "basis": "basis", "lost": "evidence of lost points", "counts": "item status", "worst": "worst items",
           "code": "code", "status": "status", "days_late": "working days late", "channels": "missing channels",
           "none": "none", "on_time": "on time", "late": "late", "missing": "missing", "not_due": "not due",
           "not_applicable": "not applicable", "ledger": "ledger", "spot_check": "spot check", "manual": "manual",
           "domains": "domain scores", "domain": "domain", "written": "wrote"},
}


def json_document(results: list[EvaluationResult], opts: EvaluateOptions) -> Any:
    """One county asked for with --county: its `EvaluationResult`; every county: {"results": [...]} (README)."""
    if opts.county is not None and len(results) == 1:
        return results[0].model_dump(mode="json")
    return {"results": [r.model_dump(mode="json") for r in results]}


def _indicator_rows(indicators: list[IndicatorResult], depth: int = 0) -> list[tuple[int, IndicatorResult]]:
    """The tree in reading order, each indicator with its depth (for indentation)."""
    rows: list[tuple[int, IndicatorResult]] = []
    for ind in indicators:
        rows += [(depth, ind), *_indicator_rows(ind.children, depth + 1)]
    return rows


def _indicator_table(result: EvaluationResult, lab: dict[str, str]) -> Any:
    from rich.table import Table

    table = Table(title=lab["indicators"])
    for key in ("id", "name", "weight", "earned", "basis", "lost"):
        table.add_column(lab[key], justify="right" if key in ("weight", "earned") else "left")
    for depth, ind in _indicator_rows(result.indicators):
        lost = "、".join(ind.lost[:5]) + ("…" if len(ind.lost) > 5 else "")
        table.add_row("  " * depth + ind.id, ind.name, f"{ind.weight:g}", f"{ind.score:.2f}", lab[ind.basis],
                      lost or ind.note)
    return table


def worst_items(items: list[ItemResult]) -> list[ItemResult]:
    """Late items by working days late (most first), then missing items, then items short of channels."""
    def rank(item: ItemResult) -> tuple[int, int, str]:
        if item.status == "late":
            return (0, -(item.days_late or 0), item.code)
        if item.status == "missing":
            return (1, 0, item.code)
        return (2, -len(item.missing_channels), item.code)
    bad = [i for i in items if i.status in ("late", "missing") or (i.missing_channels and i.status == "on_time")]
    return sorted(bad, key=rank)[:WORST_ITEMS]


def _items_table(result: EvaluationResult, lab: dict[str, str]) -> Any:
    from rich.table import Table

    table = Table(title=lab["worst"])
    for key in ("code", "name", "status", "days_late", "channels"):
        table.add_column(lab[key])
    for item in worst_items(result.items):
        table.add_row(item.code, item.name, lab[item.status], "" if item.days_late is None else str(item.days_late),
                      "、".join(item.missing_channels))
    return table


def _heading(result: EvaluationResult, lab: dict[str, str]) -> str:
    score = f"{result.score:.2f}" if result.indicators else lab["no_score"]
    return f"{result.county_name}（{result.county}）  {result.period.label}  {lab['score']}：{score}"


def print_county(console: Any, result: EvaluationResult, lab: dict[str, str]) -> None:
    console.print(_heading(result, lab))
    if result.indicators:
        console.print(_indicator_table(result, lab))
    counts = {s: sum(1 for i in result.items if i.status == s) for s in ITEM_STATUSES}
    console.print(f"{lab['counts']}：" + "，".join(f"{lab[s]} {counts[s]}" for s in ITEM_STATUSES))
    scored = [d for d in result.domains if d.indicators]
    if scored:
        console.print(f"{lab['domains']}：" + "，".join(f"{d.name} {d.score:.2f}" for d in scored))
    worst = worst_items(result.items)
    console.print(_items_table(result, lab) if worst else f"{lab['worst']}：{lab['none']}")


class EvaluationPrinter:
    """Prints each county as soon as it is scored (the nation's results are never all in memory): the JSON of
    `json_document`, written piece by piece, or the text tables; diagnostics go to stderr at the end."""

    def __init__(self, opts: EvaluateOptions, *, stdout: TextIO, stderr: TextIO) -> None:
        from rich.console import Console

        self.opts, self.stdout, self.stderr = opts, stdout, stderr
        self.lab = LABELS.get(opts.lang, LABELS["zh"])
        self.console = Console(file=stdout, width=120, highlight=False, soft_wrap=False)
        self.count = 0
        self.single = opts.county is not None  # --county: the object itself, not a list of results

    def add(self, result: EvaluationResult) -> None:
        if self.opts.fmt != "json":
            print_county(self.console, result, self.lab)
        else:
            # pydantic's serializer writes the same JSON as json.dumps(model_dump(mode="json"), indent=2), 10x faster
            text = result.model_dump_json(indent=2)
            if self.single:
                self.stdout.write(text + "\n")
            else:
                head = '{"results": [\n' if self.count == 0 else ",\n"
                self.stdout.write(head + text)
        self.count += 1

    def close(self, outcome: EvaluateOutcome) -> None:
        if self.opts.fmt == "json" and not self.single and not outcome.usage_error:
            self.stdout.write('{"results": [\n' if self.count == 0 else "")
            self.stdout.write("\n]}\n")
        lang, lab = self.opts.lang, self.lab
        for path in outcome.written:  # on stderr: stdout stays the JSON document with --format json
            self.stderr.write(f"{lab['written']}：{path.as_posix()}\n" if lang == "zh" else f"{lab['written']}: {path.as_posix()}\n")
        for diag in outcome.diagnostics.sorted():
            self.stderr.write(format_line(diag, lang) + "\n")
            if hint := diag.hint(lang):
                self.stderr.write(f"    {lab['hint']}：{hint}\n" if lang == "zh" else f"    {lab['hint']}: {hint}\n")


def evaluate_and_print(opts: EvaluateOptions, *, stdout: TextIO, stderr: TextIO) -> EvaluateOutcome:
    """`govopen evaluate`'s body: run, printing each county as it comes, then the diagnostics."""
    from govopen_std.evaluate.run import run_evaluate

    printer = EvaluationPrinter(opts, stdout=stdout, stderr=stderr)
    outcome = run_evaluate(opts, on_result=printer.add)
    printer.close(outcome)
    return outcome
