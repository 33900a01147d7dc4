"""One module per command; `register` adds them to the typer app in the order `--help` lists them."""

from __future__ import annotations

from importlib import import_module
from typing import Any

COMMANDS: list[tuple[str, str]] = [
    ("check", "govopen_std.commands.check:check"),
    ("build", "govopen_std.commands.build:build"),
    ("schema", "govopen_std.commands.schema:schema"),
    ("init", "govopen_std.commands.init:init"),
    ("status", "govopen_std.commands.status:status"),
    ("import", "govopen_std.commands.importer:import_catalog"),
    ("export", "govopen_std.commands.export:export"),
    ("diff", "govopen_std.commands.diff:diff"),
    ("serve", "govopen_std.commands.serve:serve"),
    ("evaluate", "govopen_std.commands.evaluate:evaluate"),
    ("ledger", "govopen_std.commands.ledger:app"),  # a group: ledger import / ledger export
]


def register(app: Any) -> None:
    for name, target in COMMANDS:
        module_name, func_name = target.split(":")
        module = import_module(module_name)  # a broken command module is an error, not a missing command
        target_obj = getattr(module, func_name)
        if hasattr(target_obj, "registered_commands"):  # a typer.Typer: a group of subcommands
            app.add_typer(target_obj, name=name)
        else:
            app.command(name)(target_obj)
