"""The command-line interface: a thin typer app. Each command gathers options and calls the pipeline.

Command modules live in `govopen_std.commands` and import nothing heavy at module level, so
`govopen --help` stays fast; `govopen --version` answers before typer is even imported, and a plain
`govopen check` runs without it (`commands.check_fast`): an unchanged workspace is then answered from the memo
of its last check without importing anything heavy.
"""

from __future__ import annotations

import os
import sys

from govopen_std import __version__


def create_app() -> object:
    import typer

    from govopen_std.commands import register
    from govopen_std.commands.root import root

    app = typer.Typer(
        name="govopen",
        help="基层政务公开标准编译器：检查标准源文件，生成标准文本（DOCX）、公开事项目录网站和责任清单。",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback(invoke_without_command=True)(root)
    register(app)
    return app


def _report_fatal(exc: BaseException) -> int:
    from govopen_std.cli_i18n import detect_lang
    from govopen_std.diagnostics import GovOpenError

    lang = detect_lang(sys.argv[1:], os.environ)
    if isinstance(exc, GovOpenError):
        diag = exc.diagnostic
    elif isinstance(exc, OSError):  # the environment refused (permissions, a full disk), not a govopen bug
        from govopen_std.out_folder import io_failure

        diag = io_failure(exc, ("读写文件", "read or write a file")).diagnostic
    else:
        from govopen_std.diagnostics import Diagnostic

        diag = Diagnostic.make("E903", None, detail=f"{type(exc).__name__}: {exc}")
    label = "错误" if lang != "en" else "error"
    print(f"govopen: {label} {diag.code} {diag.message(lang)}", file=sys.stderr)
    hint = diag.hint(lang)
    if hint:
        print(f"    {hint}", file=sys.stderr)
    return 2


def _run_app(args: list[str]) -> int:
    """Run the typer app on `args`, in the language the command line asks for."""
    from govopen_std import cli_i18n

    lang = cli_i18n.detect_lang(args, os.environ)
    if cli_i18n.lang_given(args):
        # `govopen --lang en check`: the command's own --lang (envvar GOVOPEN_LANG) follows the root's
        os.environ[cli_i18n.ENV_VAR] = lang
    return cli_i18n.run(create_app(), args, lang)


def _plain_check(args: list[str]) -> int | None:
    """The exit code of a plain `check`, run without typer (commands.check_fast); None for anything else."""
    if args[:1] != ["check"]:
        return None
    from govopen_std.commands.check_fast import run

    return run(args, os.environ, one_shot=True)  # this process exits when the check ends


def _unchanged_build(args: list[str]) -> int | None:
    """The exit code of a plain `build` with nothing to do, answered without typer (commands.build_fast, which
    printed its report); None for anything else."""
    if args[:1] != ["build"]:
        return None
    from govopen_std.commands.build_fast import answer

    return answer(args, os.environ)


def main() -> None:
    """Console-script entry point."""
    args = sys.argv[1:]
    if args in (["--version"], ["-V"]):
        print(f"govopen {__version__}")
        return
    try:
        code = _plain_check(args)
        if code is None:
            code = _unchanged_build(args)
        if code is None:
            code = _run_app(args)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        from govopen_std.cli_i18n import detect_lang

        print("govopen: 已中断" if detect_lang(args, os.environ) == "zh" else "govopen: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("GOVOPEN_DEBUG"):
            raise
        sys.exit(_report_fatal(exc))
    sys.exit(code)
