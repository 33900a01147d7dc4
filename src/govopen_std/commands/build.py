"""`govopen build`: the province's and the counties' outputs (DOCX, HTML site, XLSX, responsibility list)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


def build(
    workspace: Path | None = WORKSPACE,
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录（默认为工作区配置的 build/，相对当前目录）"),
    county: list[str] = typer.Option([], "--county", "-c", help="只构建这些县（市、区），按行政区划代码，可重复"),
    fmt: list[str] = typer.Option([], "--format", "-f", help="只生成这些输出：docx、html、xlsx、responsibility、pdf（需 LibreOffice，含完成的 DOCX），可重复"),
    all_standards: bool = typer.Option(False, "--all", help="为体系中的每个标准生成 DOCX（包括尚无文本内容的）"),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", help="并行进程数"),
    lang: Lang = LANG,
) -> None:
    """构建输出：省级标准文本、公开事项目录网站、目录表格和责任清单，以及各试点县（市、区）的本地目录。"""
    from govopen_std.build import BuildOptions, run
    from govopen_std.report.build_report import BuildConsole

    opts = BuildOptions(
        workspace=workspace, out_dir=out, counties=tuple(county) if county else None,
        province=not county, formats=tuple(fmt) if fmt else None, all_standards=all_standards, jobs=jobs,
    )
    console = BuildConsole(lang=lang.value, stream=sys.stderr)
    with console.progress() as progress:
        result = run(opts, progress)
    console.report(result)
    raise typer.Exit(result.exit_code)
