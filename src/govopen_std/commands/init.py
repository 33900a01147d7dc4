"""`govopen init --county`: scaffold a county profile pre-filled from the provincial base."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


def init(
    county: str = typer.Option(..., "--county", "-c", help="县（市、区）的行政区划代码（6位），如 330105"),
    name: str | None = typer.Option(None, "--name", help="县（市、区）名称；七个试点县（市、区）可省略"),
    city: str | None = typer.Option(None, "--city", help="所属设区市；省略时按行政区划代码确定"),
    workspace: Path | None = WORKSPACE,
    lang: Lang = LANG,
) -> None:
    """生成试点县（市、区）的本地目录配置 standards/counties/<代码>.yaml，预填省级的通用公开主体和公开渠道。不会覆盖已有文件。"""
    from govopen_std.scaffold import scaffold_county

    path = scaffold_county(workspace, county, name=name, city=city)
    print(path.as_posix())
    print("已生成；请填写本县的公开主体（subjects）和公开渠道（channels），再运行 govopen check" if lang == Lang.zh else
          "Created; fill in the county's subjects and channels, then run govopen check", file=sys.stderr)
