"""The app's own options, before any command: `--version` and `--lang` (typer declarations only)."""

from __future__ import annotations

import typer

from govopen_std import __version__
from govopen_std.commands.options import LANG, Lang


def root(ctx: typer.Context,
         version: bool = typer.Option(False, "--version", "-V", help="显示版本号并退出"),
         lang: Lang = LANG) -> None:
    """`--lang` here is read before parsing (cli_i18n.detect_lang) and passed on to the command."""
    if version:
        print(f"govopen {__version__}")
        raise typer.Exit(0)
    if ctx.invoked_subcommand is None:  # `govopen --lang en` alone: the help, as for `govopen`
        text = ctx.get_help()  # typer's rich help prints itself and returns ""
        if text:
            print(text)
        raise typer.Exit(0)
