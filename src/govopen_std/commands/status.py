"""`govopen status`: standard-making progress against the responsibility list, and the quarterly report."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


class StatusFormat(StrEnum):
    text = "text"
    json = "json"
    xlsx = "xlsx"
    docx = "docx"


def status(
    workspace: Path | None = WORKSPACE,
    as_of: str | None = typer.Option(None, "--as-of", help="统计日期 YYYY-MM-DD（默认今天，并打印所用日期）"),
    unit: str | None = typer.Option(None, "--unit", "-u", help="只看一个责任单位：附件1的名称或今天的机构名称均可"),
    fmt: StatusFormat = typer.Option(StatusFormat.text, "--format", "-f",
                                     help="text（终端表格）、json，或季度进展报告 xlsx、docx（需 --out）"),
    out: Path | None = typer.Option(None, "--out", "-o", help="季度进展报告的输出文件"),
    by: str | None = typer.Option(None, "--by", help="季度进展报告落款的报告单位（默认：--unit 所指单位，否则省质监局，均取统计日期时的名称）"),
    lang: Lang = LANG,
) -> None:
    """标准制定进度：按分组和责任单位统计应完成、已完成、逾期；可生成季度进展报告。"""
    from govopen_std.progress.console import print_status
    from govopen_std.progress.run import StatusOptions, run_status

    opts = StatusOptions(workspace=workspace, as_of=as_of, unit=unit, fmt=fmt.value, out=out, lang=lang.value, by=by)
    result = run_status(opts)
    print_status(result, opts, stdout=sys.stdout, stderr=sys.stderr)
    raise typer.Exit(result.exit_code)
