"""`govopen diff`: compare two versions of the standards item by item (修订对照表)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


class DiffFormat(StrEnum):
    table = "table"
    json = "json"


def diff(
    old: str = typer.Argument(..., help="原版本：工作区目录，或（加 --git）git 版本，如 HEAD~1、v1.0"),
    new: str | None = typer.Argument(None, help="修改后版本：工作区目录或 git 版本；加 --git 时省略表示当前工作区文件"),
    git: bool = typer.Option(False, "--git", help="OLD、NEW 是 git 版本（用 git archive 取出，不改动工作区）"),
    domain: str | None = typer.Option(None, "--domain", "-d", help="只比较这个领域（如 zdbc 或 征地补偿）"),
    county: str | None = typer.Option(None, "--county", "-c", help="比较这个县（市、区）的本地目录（行政区划代码；已应用县级配置，含本县增补事项）"),
    fmt: DiffFormat = typer.Option(DiffFormat.table, "--format", "-f", help="终端输出：table（表格）或 json"),
    docx: Path | None = typer.Option(None, "--docx", help="另外写出 DOCX 修订对照表到这个文件", dir_okay=False),
    json_out: Path | None = typer.Option(None, "--json", help="另外写出 JSON 到这个文件", dir_okay=False),
    workspace: Path | None = WORKSPACE,
    lang: Lang = LANG,
) -> None:
    """逐个事项比较两个版本：新增、删除和逐要素的修改；输出终端表格、JSON 或 DOCX 修订对照表。"""
    from govopen_std.diff.report import print_diagnostics, print_table, write_json
    from govopen_std.diff.runner import DiffOptions, run_diff
    from govopen_std.usage import check_county_code

    check_county_code(county)  # before any version is read: exit 2, as in every command
    opts = DiffOptions(old=old, new=new, git=git, workspace=workspace, domain=domain, county=county, docx=docx,
                       json_out=json_out)
    result = run_diff(opts)
    print_diagnostics(result, sys.stderr, lang=lang.value)
    if fmt == DiffFormat.json:
        write_json(result, sys.stdout, lang=lang.value)
    elif result.compared:
        print_table(result, sys.stdout, lang=lang.value)
    for path in result.written:
        print(("已写入 " if lang.value == "zh" else "wrote ") + path.as_posix(), file=sys.stderr)
    raise typer.Exit(result.exit_code)
