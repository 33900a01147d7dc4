"""`govopen import`: a catalog spreadsheet (XLSX, CSV, JSON) → items in a domain text or a county profile."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


class ImportFormat(StrEnum):
    text = "text"
    json = "json"


def import_catalog(
    path: Path = typer.Argument(..., help="目录表格：.xlsx、.csv（UTF-8 或 GB18030）或 govopen export 生成的 .json",
                                dir_okay=False),
    standard: str | None = typer.Option(None, "--standard", "-s", help="导入到这个领域标准（如 zdbc-03），替换其公开事项"),
    county: str | None = typer.Option(None, "--county", "-c", help="作为这个县（市、区）的本县增补事项导入（行政区划代码）"),
    domain: str | None = typer.Option(None, "--domain", "-d", help="表格中事项所属的领域（如 zdbc 或 征地补偿），用于编码"),
    sheet: list[str] = typer.Option([], "--sheet", help="只读这些工作表，可重复；默认读取所有有目录表头的工作表"),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="只检查并预览生成的 YAML，不写文件"),
    workspace: Path | None = WORKSPACE,
    fmt: ImportFormat = typer.Option(ImportFormat.text, "--format", "-f", help="输出格式：text 或 json"),
    lang: Lang = LANG,
) -> None:
    """导入国家目录格式的公开事项表格，写成 YAML，并检查写入的结果。退出码：0 无错误，1 表格或写入结果有错误，2 用法错误。"""
    from govopen_std.diagnostics import Diagnostics, GovOpenError
    from govopen_std.interchange.importer import ImportOptions
    from govopen_std.interchange.importer import import_catalog as run_import
    from govopen_std.interchange.report import import_json, print_import
    from govopen_std.usage import check_county_code, exit_code

    if standard and county:
        raise GovOpenError("E902", detail="--standard 和 --county 只能选一个（县级事项的所属标准写在表格的“所属标准”列）",
                           detail_en="give --standard or --county, not both (a county item's standard is the sheet's "
                                     "所属标准 column)")
    check_county_code(county)  # before the sheet is read: exit 2, as in every command
    opts = ImportOptions(path=path, workspace=workspace, standard=standard, county=county, domain=domain,
                         sheets=tuple(sheet), dry_run=dry_run)
    result = run_import(opts)
    if fmt == ImportFormat.json:
        import_json(result, sys.stdout, lang=lang.value)
    else:
        print_import(result, sys.stdout, lang=lang.value, preview=dry_run)
    # exit 2 when the only errors are usage errors (a malformed --county is refused above; I819: no profile yet)
    raise typer.Exit(exit_code(Diagnostics([*result.diagnostics.items, *result.after_check])))
