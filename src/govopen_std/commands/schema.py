"""`govopen schema`: write the JSON Schemas of the source files, for editors' YAML language servers."""

from __future__ import annotations

from pathlib import Path

import typer

from govopen_std.commands.options import LANG, Lang


def schema(
    out: Path = typer.Option(Path("build/schema"), "--out", "-o", help="输出目录", file_okay=False),
    lang: Lang = LANG,
) -> None:
    """生成源文件的 JSON Schema（供编辑器的 YAML 语言服务器做补全和校验）；标题和说明按 --lang 的语言写出。"""
    from govopen_std.schema import write_schemas

    for path in write_schemas(out, lang=lang.value):
        print(path.as_posix())
