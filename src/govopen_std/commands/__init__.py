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
]


def register(app: Any) -> None:
    for name, target in COMMANDS:
        module_name, func_name = target.split(":")
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue  # a command still being written is simply not offered
            raise
        app.command(name)(getattr(module, func_name))
