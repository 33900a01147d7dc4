"""`govopen serve`: preview the catalog site on localhost, rebuilt whenever a source file or template changes."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_std.commands.options import LANG, WORKSPACE, Lang


def serve(
    workspace: Path | None = WORKSPACE,
    out: Path | None = typer.Option(None, "--out", "-o", help="输出目录（默认为工作区配置的 build/，相对当前目录）"),
    county: str | None = typer.Option(None, "--county", "-c", help="预览这个县（市、区）的本地目录（行政区划代码）"),
    port: int = typer.Option(8000, "--port", "-p", min=0, max=65535, help="端口（只在 127.0.0.1 上提供；0 表示任选空闲端口）"),
    lang: Lang = LANG,
) -> None:
    """本地预览公开事项目录网站：在 127.0.0.1 上提供网站，源文件或模板修改后自动重新构建。"""
    import sys

    from govopen_std.preview import Preview, PreviewOptions, run_preview
    from govopen_std.report.build_report import BuildConsole

    preview = Preview(PreviewOptions(workspace=workspace, out_dir=out, county=county, port=port))
    run_preview(preview, BuildConsole(lang=lang.value, stream=sys.stderr), lang.value,
                say=lambda text: print(text, flush=True))
