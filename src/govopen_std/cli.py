"""The command-line interface: a thin typer app. Each command gathers options and calls the pipeline.

Command modules live in `govopen_std.commands` and import nothing heavy at module level, so
`govopen --help` stays fast; `govopen --version` answers before typer is even imported.
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
    else:
        from govopen_std.diagnostics import Diagnostic

        diag = Diagnostic.make("E903", None, detail=f"{type(exc).__name__}: {exc}")
    label = "错误" if lang != "en" else "error"
    print(f"govopen: {label} {diag.code} {diag.message(lang)}", file=sys.stderr)
    hint = diag.hint(lang)
    if hint:
        print(f"    {hint}", file=sys.stderr)
    return 2


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:] in (["--version"], ["-V"]):
        print(f"govopen {__version__}")
        return
    from govopen_std import cli_i18n

    args = sys.argv[1:]
    lang = cli_i18n.detect_lang(args, os.environ)
    if cli_i18n.lang_given(args):
        # `govopen --lang en check`: the command's own --lang (envvar GOVOPEN_LANG) follows the root's
        os.environ[cli_i18n.ENV_VAR] = lang
    try:
        code = cli_i18n.run(create_app(), args, lang)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("govopen: 已中断" if lang == "zh" else "govopen: interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("GOVOPEN_DEBUG"):
            raise
        sys.exit(_report_fatal(exc))
    sys.exit(code)
