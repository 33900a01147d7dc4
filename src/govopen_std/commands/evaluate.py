"""`govopen evaluate`: score counties against their resolved catalogs from the publication ledger (issue 19)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


class EvaluateFormat(StrEnum):
    text = "text"
    json = "json"


def evaluate(
    workspace: Path | None = WORKSPACE,
    county: str | None = typer.Option(None, "--county", "-c", help="县（市、区）行政区划代码；省略时评估工作区的每个县（市、区）"),
    period: str = typer.Option("", "--period", "-p", help="评估期间：2018、2018Q1、2018H1 或 2018-01-01..2018-06-30（--sample 时不需要）"),
    fmt: EvaluateFormat = typer.Option(EvaluateFormat.text, "--format", "-f", help="text（终端表格）或 json（README 中的 JSON 约定）"),
    out: Path | None = typer.Option(None, "--out", "-o", help="评估报告（DOCX）和评分表（XLSX）的输出目录", file_okay=False),
    sample: int | None = typer.Option(None, "--sample", help="写抽查清单而不评估：按领域分层随机抽取的事项数（需 --county 和 -o）", min=1),
    seed: int | None = typer.Option(None, "--seed", help="抽查清单的随机种子（同一种子得到同一清单；默认 0）"),
    lang: Lang = LANG,
) -> None:
    """按公开台账评估县（市、区）的公开情况：事项状态、指标得分和失分依据。退出码：0 正常，1 有错误（如台账日期超出工作日历），2 用法或环境错误。"""
    from govopen_std.evaluate.console import evaluate_and_print
    from govopen_std.evaluate.run import EvaluateOptions

    opts = EvaluateOptions(workspace=workspace, county=county, period=period, fmt=fmt.value, lang=lang.value,
                           out=out, sample=sample, seed=seed)
    outcome = evaluate_and_print(opts, stdout=sys.stdout, stderr=sys.stderr)
    raise typer.Exit(outcome.exit_code)
