"""Options shared by several commands (typer declarations only; no logic)."""

from __future__ import annotations

from enum import StrEnum

import typer


class Lang(StrEnum):
    zh = "zh"
    en = "en"


WORKSPACE = typer.Option(None, "--workspace", "-w", help="工作区目录（含 govopen.yaml 和 standards/）；默认为当前目录或内置标准",
                         file_okay=False, dir_okay=True)
LANG = typer.Option(Lang.zh, "--lang", help="消息语言：zh（中文，默认）或 en", envvar="GOVOPEN_LANG")
