"""A plain `govopen check`, run without the command-line framework.

typer alone takes ~0.05 s of CPU to import, and converting the command's options imports pydantic's
machinery (typer's `_adapters`): more than answering an unchanged workspace from the memo of its last check
(`load.memo`) costs. So `cli.main` first hands a `check` to `parse`, and runs it here when it is *plain*:
every option is one this module fully understands, written in a form it recognises:

    check [-w DIR | --workspace DIR] [-f FMT | --format FMT] [--lang zh|en] [--fail-on LEVEL]

(also `--option=value`; the last of a repeated option wins, as in click). Anything else (`--report`, `-h`,
`-fjson`, an unknown value, an argument, a workspace that is not a readable folder, GOVOPEN_LANG set to an
unknown language) gets None and typer runs the command as ever, which reports usage errors in its own
words. Both paths run `run_check`, so a plain check prints the same bytes and exits with the same code
either way (tests/check/test_check_fast.py compares them for every format); an unchanged workspace is then
answered without importing any parser, model or rule.

The option names, choices, defaults and the environment variable are those of `commands.check.check`;
a test compares them with the typer command, so a new option cannot be silently mishandled here.
"""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, cast

COMMAND = "check"
# option string -> the parameter it sets
OPTIONS = {"-w": "workspace", "--workspace": "workspace", "-f": "fmt", "--format": "fmt", "--lang": "lang",
           "--fail-on": "fail_on"}
CHOICES = {"fmt": ("text", "json", "github", "sarif"), "lang": ("zh", "en"), "fail_on": ("error", "warning", "info")}
DEFAULTS = {"fmt": "text", "lang": "zh", "fail_on": "error"}
LANG_ENV = "GOVOPEN_LANG"  # the envvar of --lang (commands.options.LANG)


@dataclass(frozen=True)
class PlainCheck:
    """The options of a plain `check`, as the typer command would receive them."""

    workspace: Path | None
    fmt: str
    lang: str
    fail_on: str


def _option_values(args: Sequence[str]) -> dict[str, str] | None:
    """{parameter: value} of `args`, or None when any of them is not an option this module understands."""
    values: dict[str, str] = {}
    i = 0
    while i < len(args):
        name, eq, value = args[i].partition("=")
        if not (eq and name.startswith("--")):  # not `--option=value`: `-w DIR` or `--workspace DIR`
            name = args[i]
            if i + 1 >= len(args):
                return None
            i += 1
            value = args[i]
        if name not in OPTIONS or not value or value.startswith("-"):
            return None
        values[OPTIONS[name]] = value
        i += 1
    return values


def _readable_folder(value: str) -> bool:
    """A --workspace typer accepts without a word (dir_okay, readable) and that exists: anything else (a file, a
    missing folder) goes to the command, which reports it."""
    return os.path.isdir(value) and os.access(value, os.R_OK)


def parse(argv: Sequence[str], environ: Mapping[str, str]) -> PlainCheck | None:
    """The plain `check` that `argv` (without the program name) asks for, or None."""
    if not argv or argv[0] != COMMAND:
        return None
    values = _option_values(argv[1:])
    if values is None:
        return None
    if "lang" not in values and environ.get(LANG_ENV):  # click reads the variable only when it is not empty
        values["lang"] = environ[LANG_ENV]
    chosen = {**DEFAULTS, **values}
    if any(chosen[param] not in choices for param, choices in CHOICES.items()):
        return None
    workspace = values.get("workspace")
    if workspace is not None and not _readable_folder(workspace):
        return None
    return PlainCheck(Path(workspace) if workspace is not None else None, chosen["fmt"], chosen["lang"],
                      chosen["fail_on"])


def run_check(workspace: Path | None, fmt: str, lang: str, fail_on: str, *, report: bool = False) -> int:
    """Check the workspace, print the result in `fmt` and return the exit code: the body of `govopen check`."""
    from govopen_std.diagnostics import ExitCode, Severity
    from govopen_std.pipeline import check_workspace
    from govopen_std.report import report_check

    result = check_workspace(workspace, memo=not report)  # the completeness report reads the sources
    report_check(result, fmt, lang=lang, completeness=report)
    return int(ExitCode.FINDINGS if result.failed(Severity.parse(fail_on)) else ExitCode.OK)


def run(argv: Sequence[str], environ: Mapping[str, str], *, one_shot: bool = False) -> int | None:
    """Run the plain `check` in `argv` and return its exit code; None (nothing done) when it is not one.

    What typer's command runner does around a command (typer.core._main) is done here too, so even an
    interrupted check ends the same way: Ctrl-C exits 130 without a word, a closed stdout (`| head`) exits 1
    quietly, end of input is "Aborted!". `one_shot`: the process ends with this check (`cli.main`), so the
    loaded workspace need not be traversed by the collector again (`load.gcpause.one_shot`)."""
    plain = parse(argv, environ)
    if plain is None:
        return None
    if one_shot:
        from govopen_std.load.gcpause import one_shot as declare_one_shot

        declare_one_shot()
    try:
        return run_check(plain.workspace, plain.fmt, plain.lang, plain.fail_on)
    except KeyboardInterrupt:
        return 130
    except EOFError:
        from govopen_std.cli_i18n import translator

        print(file=sys.stderr)
        print(translator(plain.lang).gettext("Aborted!"), file=sys.stderr)
        return 1
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        _pacify_streams()
        return 1


def _pacify_streams() -> None:
    """The reader of our output went away: flushing at exit must not fail again (typer wraps the streams so)."""
    from typer._click.utils import PacifyFlushWrapper

    sys.stdout = cast(TextIO, PacifyFlushWrapper(sys.stdout))
    sys.stderr = cast(TextIO, PacifyFlushWrapper(sys.stderr))
