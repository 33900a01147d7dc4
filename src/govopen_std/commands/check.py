"""`govopen check`: schema, references and completeness; the CI entry point. Never writes files.

A plain `govopen check` (options in their usual forms) does not come here: `cli.main` runs it without typer
(`commands.check_fast`), through the same `run_check`."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


class Format(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def check(
    workspace: Path | None = WORKSPACE,
    fmt: Format = typer.Option(Format.text, "--format", "-f", help="输出格式：text、json、github、sarif"),
    lang: Lang = LANG,
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="达到该级别的问题使退出码为 1"),
    report: bool = typer.Option(False, "--report", help="另外打印各领域完整性报告（事项数、六要素齐全数、引用法规数、渠道数）"),
) -> None:
    """检查标准源文件：格式、引用和完整性。退出码：0 无问题，1 有达到 --fail-on 级别的问题，2 用法或环境错误。"""
    # the same body as a plain `govopen check` that cli.main runs without typer (commands.check_fast)
    from govopen_std.commands.check_fast import run_check

    raise typer.Exit(run_check(workspace, fmt.value, lang.value, fail_on.value, report=report))
