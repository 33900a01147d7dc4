"""`govopen build` of an unchanged workspace answered before the command-line framework loads.

A build with nothing to do is answered from the memos (`build.recall_unchanged`) without loading the
workspace, but typer alone takes ~0.1 s to import and converting the command's options imports pydantic
(typer's `_adapters`). So `cli.main` first hands a *plain* `build` to `answer`: one whose every option is one
this module fully understands, written in a form it recognises:

    build [-w DIR] [-o DIR] [-c CODE]... [-f FMT]... [--all] [-j N] [--lang zh|en]

(long names too, and `--option=value`; `--county` and `--format` add up, the last of any other repeated
option wins, as in click). Anything else (`-h`, `-j2`, an argument, a workspace that is not a readable folder,
a usage error such as an unknown format) returns None and typer runs the command as ever, which reports usage
errors in its own words. So does a build that has something to do: the miss is kept for `build.run`, which
then does not compute it again. A hit prints what the command prints, through the same console (an empty
progress display, the diagnostics, the summary table), and returns its exit code;
tests/build/test_build_fast.py compares the bytes with the typer path's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # `build --help` and other builds left to typer import none of govopen's pipeline
    from govopen_std.build import BuildOptions

COMMAND = "build"
# option string -> the parameter it sets (the names of `commands.build.build`)
OPTIONS = {"-w": "workspace", "--workspace": "workspace", "-o": "out", "--out": "out", "-c": "county",
           "--county": "county", "-f": "fmt", "--format": "fmt", "-j": "jobs", "--jobs": "jobs", "--lang": "lang"}
FLAGS = {"--all": "all_standards"}
LISTS = frozenset({"county", "fmt"})
LANGS = ("zh", "en")
LANG_ENV = "GOVOPEN_LANG"  # the envvar of --lang (commands.options.LANG)


def _split(arg: str, following: str | None) -> tuple[str, str | None, int] | None:
    """(option, value, arguments used) of `arg`, or None when it is not an option of this module's forms."""
    if arg in FLAGS:
        return arg, None, 1
    name, eq, value = arg.partition("=")
    if eq and name.startswith("--"):
        return (name, value, 1) if name in OPTIONS else None
    if arg not in OPTIONS or following is None:
        return None
    return arg, following, 2


def _option_values(args: Sequence[str]) -> dict[str, list[str]] | None:
    """{parameter: values} of `args`, or None when any of them is not an option this module understands."""
    values: dict[str, list[str]] = {}
    i = 0
    while i < len(args):
        split = _split(args[i], args[i + 1] if i + 1 < len(args) else None)
        if split is None:
            return None
        name, value, used = split
        if value is None:
            values[FLAGS[name]] = ["1"]
        elif not value or value.startswith("-"):
            return None
        else:
            param = OPTIONS[name]
            values[param] = [*values.get(param, []), value] if param in LISTS else [value]
        i += used
    return values


def parse(argv: Sequence[str], environ: Mapping[str, str]) -> tuple[BuildOptions, str] | None:
    """(the `build.BuildOptions`, the language) that the plain `build` in `argv` asks for, or None."""
    if not argv or argv[0] != COMMAND:
        return None
    values = _option_values(argv[1:])
    if values is None:
        return None
    lang = values["lang"][-1] if "lang" in values else (environ.get(LANG_ENV) or "zh")
    jobs = values["jobs"][-1] if "jobs" in values else None
    workspace = values["workspace"][-1] if "workspace" in values else None
    # a --workspace must be one typer accepts without a word (dir_okay, readable) and that exists
    if lang not in LANGS or (jobs is not None and not jobs.isdigit()) or \
            (workspace is not None and not (os.path.isdir(workspace) and os.access(workspace, os.R_OK))):
        return None
    from govopen_std.build import BuildOptions  # light: the models load only when something is built

    county, fmt = values.get("county", []), values.get("fmt", [])
    out = values["out"][-1] if "out" in values else None
    opts = BuildOptions(
        workspace=Path(workspace) if workspace is not None else None, out_dir=Path(out) if out is not None else None,
        counties=tuple(county) if county else None, province=not county, formats=tuple(fmt) if fmt else None,
        all_standards="all_standards" in values, jobs=int(jobs) if jobs is not None else (os.cpu_count() or 1),
    )
    return opts, lang


def answer(argv: Sequence[str], environ: Mapping[str, str]) -> int | None:
    """Print the result of the plain `build` in `argv` when it has nothing to do and return its exit code;
    None when `argv` is not a plain build or the build has something to do (nothing was printed then)."""
    parsed = parse(argv, environ)
    if parsed is None:
        return None
    opts, lang = parsed
    from govopen_std.build import note_miss, recall_unchanged
    from govopen_std.diagnostics import GovOpenError
    from govopen_std.usage import check_build_options

    try:
        check_build_options(opts.formats, opts.counties)
        result, memo = recall_unchanged(opts)
    except GovOpenError:
        return None  # a usage error or no workspace: the command reports it
    if result is None:
        note_miss(opts, memo)
        return None
    from govopen_std.report.build_report import BuildConsole

    console = BuildConsole(lang=lang, stream=sys.stderr)
    with console.progress():
        pass  # nothing is written: the same (empty) progress display as the command's
    console.report(result)
    return result.exit_code
