"""`govopen export`: the resolved catalog (province or one county) as XLSX, CSV and JSON."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


def export(
    county: str | None = typer.Option(None, "--county", "-c", help="导出这个县（市、区）的本地目录（行政区划代码）；默认导出省级目录"),
    fmt: list[str] = typer.Option([], "--format", "-f", help="只导出这些格式：xlsx、csv、json，可重复；默认全部"),
    out: Path = typer.Option(Path("build/export"), "--out", "-o", help="输出目录", file_okay=False),
    workspace: Path | None = WORKSPACE,
    lang: Lang = LANG,
) -> None:
    """导出公开事项目录（固定列顺序，列名见 README），文件名为 catalog-<province|行政区划代码>.<格式>。"""
    from govopen_std.interchange.exporter import FORMATS, ExportOptions, export_catalog
    from govopen_std.interchange.report import print_export
    from govopen_std.usage import check_county_code, check_formats, exit_code

    check_formats(fmt, FORMATS)  # usage errors exit 2 before any source is read, as in `build`
    check_county_code(county)
    opts = ExportOptions(workspace=workspace, out_dir=out, county=county, formats=tuple(fmt) or FORMATS)
    result = export_catalog(opts)
    print_export(result, sys.stdout, lang=lang.value)
    raise typer.Exit(exit_code(result.diagnostics))  # a county without a profile (E904) is exit 2, as in `build`
