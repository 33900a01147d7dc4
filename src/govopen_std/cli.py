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

    app = typer.Typer(
        name="govopen",
        help="基层政务公开标准编译器：检查标准源文件，生成标准文本（DOCX）、公开事项目录网站和责任清单。\n\n"
        "A standards compiler for grassroots government-affairs openness (基层政务公开) standards.",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich",
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @app.callback(invoke_without_command=True)
    def _root(version: bool = typer.Option(False, "--version", "-V", help="显示版本号并退出 / show the version")) -> None:
        if version:
            print(f"govopen {__version__}")
            raise typer.Exit(0)

    register(app)
    return app


def _report_fatal(exc: BaseException) -> int:
    from govopen_std.diagnostics import GovOpenError

    lang = os.environ.get("GOVOPEN_LANG", "zh")
    if "--lang" in sys.argv:
        idx = sys.argv.index("--lang")
        lang = sys.argv[idx + 1] if idx + 1 < len(sys.argv) else lang
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
    try:
        app = create_app()
        app(prog_name="govopen")  # type: ignore[operator]
    except SystemExit:
        raise
    except KeyboardInterrupt:
        print("govopen: 已中断 / interrupted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("GOVOPEN_DEBUG"):
            raise
        sys.exit(_report_fatal(exc))
