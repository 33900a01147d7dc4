"""`govopen ledger import|export`: the publication ledger (公开台账) of a county, kept in the workspace's SQLite store."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang

app = typer.Typer(help="公开台账：导入各县（市、区）的公开台账和抽查清单，导出已存的台账以供核对。", no_args_is_help=True)


def _today(value: str | None) -> dt.date | None:
    """The --today option as a date (a usage error, exit 2, when it is not YYYY-MM-DD)."""
    from govopen_std.diagnostics import GovOpenError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise GovOpenError("E902", detail=f"--today 应写作 YYYY-MM-DD，而不是“{value}”",
                           detail_en=f"--today takes YYYY-MM-DD, not '{value}'") from None


@app.command("import")
def import_ledger(
    files: list[Path] = typer.Argument(..., help="台账或抽查清单：.xlsx 或 .csv（UTF-8、带 BOM 的 UTF-8 或 GB18030），可多个",
                                       dir_okay=False),
    county: str = typer.Option(..., "--county", "-c", help="台账所属的县（市、区）（行政区划代码）"),
    today: str | None = typer.Option(None, "--today", help="把这一天当作“今天”（YYYY-MM-DD），晚于它的日期报错；默认为今天"),
    workspace: Path | None = WORKSPACE,
    lang: Lang = LANG,
) -> None:
    """导入公开台账（每行一条已发布的信息）或填好的抽查清单，逐行对应到本县目录中的事项，存入工作区的台账库 standards/ledger/ledger.sqlite3。
    同一文件重复导入不会重复入库。退出码：0 全部导入，1 有行被拒绝或文件有错误，2 用法错误。"""
    from govopen_std.diagnostics import ExitCode
    from govopen_std.evaluate.ledger_import import LedgerOptions
    from govopen_std.evaluate.ledger_import import import_ledger as run_import
    from govopen_std.evaluate.ledger_report import print_import

    opts = LedgerOptions(files=tuple(files), county=county, workspace=workspace, today=_today(today))
    summary = run_import(opts)
    print_import(summary, sys.stdout, lang=lang.value)
    raise typer.Exit(ExitCode.OK if summary.ok else ExitCode.FINDINGS)


@app.command("export")
def export_ledger(
    county: str = typer.Option(..., "--county", "-c", help="导出这个县（市、区）的台账（行政区划代码）"),
    out: Path = typer.Option(..., "--out", "-o", help="输出文件：.xlsx 或 .csv", dir_okay=False),
    workspace: Path | None = WORKSPACE,
    lang: Lang = LANG,
) -> None:
    """把台账库中本县已存的各行（含抽查记录和来源）导出为 XLSX 或 CSV，供核对；导出的文件可再次导入。"""
    from govopen_std.diagnostics import ExitCode, GovOpenError
    from govopen_std.evaluate.ledger_export import FORMATS
    from govopen_std.evaluate.ledger_report import export_to

    if out.suffix.lower() not in FORMATS:
        raise GovOpenError("E902", detail=f"输出文件应为 .xlsx 或 .csv：{out}",
                           detail_en=f"the output file must be .xlsx or .csv: {out}")
    ok = export_to(workspace, county, out, sys.stdout, lang=lang.value)
    raise typer.Exit(ExitCode.OK if ok else ExitCode.FINDINGS)
