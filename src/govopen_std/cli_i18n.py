"""The command line's own words in the user's language: typer's help screens and usage errors.

`govopen` speaks Chinese unless `--lang en` (anywhere on the command line) or GOVOPEN_LANG=en asks for
English. The language is decided from argv *before* parsing (`detect_lang`), because `--help` and usage
errors are produced before typer has parsed `--lang`. `run` then installs the translation and runs the app.

Where typer's texts come from, and how each kind is translated:

- typer.core and typer.rich_utils fetch theirs through gettext (`from gettext import gettext as _`); the
  rich_utils panel titles and labels are module constants computed at import. `install` rebinds `_` in the
  gettext-using modules to a `GNUTranslations`-like catalog built from `CATALOG`, and re-translates the
  rich_utils constants when help or an error is first rendered (rich_utils is slow to import, so a plain
  `govopen check` never loads it).
- typer vendors click (typer._click) with its messages as f-strings, out of gettext's reach. The usage
  prefix and the help option's text are translated where they are produced (`HelpFormatter.write_usage`,
  `Command.get_help_option`); usage errors are caught by `run` and reworded from the exception's own
  fields (`error_message`), with `PATTERNS` for the few messages that exist only as text.

English is typer's own wording; only the flag placeholder (`<bool>` after `--report`, a typer quirk) is
fixed in both languages, and our own help texts are swapped for their English versions (`cli_help_en`).
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Any

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"
ENV_VAR = "GOVOPEN_LANG"

# English text (gettext msgids and click's fixed strings) -> Chinese.
CATALOG: dict[str, str] = {
    # typer.rich_utils
    "(deprecated) ": "（已弃用）",
    "[default: {}]": "[默认：{}]",
    "[env var: {}]": "[环境变量：{}]",
    "[required]": "[必填]",
    "Arguments": "参数",
    "Options": "选项",
    "Commands": "命令",
    "Error": "错误",
    "Aborted.": "已中止。",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    # typer.core
    "Aborted!": "已中止。",
    "(dynamic)": "（动态）",
    "default: {default}": "默认：{default}",
    "required": "必填",
    "env var: {var}": "环境变量：{var}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有命令 {name!r}。",
    # typer._click (fixed strings, not gettext)
    "Usage: ": "用法：",
    "[OPTIONS]": "[选项]",
    "COMMAND [ARGS]...": "命令 [参数]...",
    "Show this message and exit.": "显示此帮助并退出",
    "Value must be an iterable.": "应给出多个值。",
}

# The rich_utils constants that hold translatable text (computed with gettext at import).
RICH_CONSTANTS = ("DEPRECATED_STRING", "DEFAULT_STRING", "ENVVAR_STRING", "REQUIRED_LONG_STRING",
                  "ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE", "ERRORS_PANEL_TITLE",
                  "ABORTED_TEXT", "RICH_HELP")

_PATH_KINDS = {"file": "文件", "dir": "目录", "path": "路径"}

# Messages that typer._click and typer build as text only (no fields to reword them from).
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)$"), "多余的参数：{args}。"),
    (re.compile(r"^Option (?P<opt>'[^']+') requires an argument\.$"), "选项 {opt} 需要一个值。"),
    (re.compile(r"^Option (?P<opt>'[^']+') requires (?P<n>\d+) arguments\.$"), "选项 {opt} 需要 {n} 个值。"),
    (re.compile(r"^Option (?P<opt>'[^']+') does not take a value\.$"), "选项 {opt} 不接受值。"),
    (re.compile(r"^Argument (?P<arg>'[^']+') takes (?P<n>\d+) values\.$"), "参数 {arg} 需要 {n} 个值。"),
    (re.compile(r"^No such option: (?P<opt>.+)$"), "没有选项 {opt}。"),
    (re.compile(r"^(?P<kind>file|dir|path) (?P<path>'.*') does not exist\.$"), "{kind} {path} 不存在。"),
    (re.compile(r"^(?P<kind>file|dir|path) (?P<path>'.*') is a file\.$"), "{kind} {path} 是文件，应为目录。"),
    (re.compile(r"^(?P<kind>file|dir|path) (?P<path>'.*') is a directory\.$"), "{kind} {path} 是目录，应为文件。"),
    (re.compile(r"^(?P<kind>file|dir|path) (?P<path>'.*') is not readable\.$"), "{kind} {path} 不可读。"),
    (re.compile(r"^(?P<kind>file|dir|path) (?P<path>'.*') is not writable\.$"), "{kind} {path} 不可写。"),
    (re.compile(r"^Value (?P<value>.+) is not a valid (?P<type>.+)\.$"), "{value} 不是有效的 {type}。"),
]
_DID_YOU_MEAN = re.compile(r"^(?P<message>.*?)[.。]? Did you mean (?P<choices>.+)\?$", re.DOTALL)

# pydantic's error types (typer converts values with pydantic) -> Chinese; `{input}` is the value given.
PYDANTIC: dict[str, str] = {
    "int_parsing": "“{input}”不是整数",
    "int_from_float": "“{input}”不是整数",
    "float_parsing": "“{input}”不是数字",
    "bool_parsing": "“{input}”不是布尔值",
    "date_parsing": "“{input}”不是日期（应为 YYYY-MM-DD）",
    "date_from_datetime_parsing": "“{input}”不是日期（应为 YYYY-MM-DD）",
    "less_than_equal": "“{input}”应小于或等于 {le}",
    "greater_than_equal": "“{input}”应大于或等于 {ge}",
    "less_than": "“{input}”应小于 {lt}",
    "greater_than": "“{input}”应大于 {gt}",
}


class Catalog(gettext.NullTranslations):
    """A gettext translation whose messages come from a dict instead of a compiled .mo file."""

    def __init__(self, table: Mapping[str, str]) -> None:
        super().__init__()
        self.table = dict(table)

    def gettext(self, message: str) -> str:
        return self.table.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


def detect_lang(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language asked for: the last `--lang X` / `--lang=X` on the command line, else GOVOPEN_LANG, else zh.

    An unknown value falls back to Chinese (typer then reports it as a usage error, in Chinese)."""
    chosen = environ.get(ENV_VAR, DEFAULT_LANG)
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            chosen = argv[i + 1]
        elif arg.startswith("--lang="):
            chosen = arg.partition("=")[2]
    return chosen if chosen in LANGS else DEFAULT_LANG


def lang_given(argv: Sequence[str]) -> bool:
    return any(arg == "--lang" or arg.startswith("--lang=") for arg in argv)


def translator(lang: str) -> Catalog:
    return Catalog(CATALOG if lang == "zh" else {})


# --- installing into typer -----------------------------------------------------------------------------

_state: dict[str, Any] = {"lang": None, "rich_done": False}


def install(lang: str) -> None:
    """Make typer speak `lang`. Idempotent per language; English leaves typer's wording alone."""
    if _state["lang"] == lang:
        return
    _state["lang"] = lang
    _fix_flag_placeholder()
    if lang != "zh":
        return
    catalog = translator(lang)
    _rebind_gettext(catalog)
    _translate_usage(catalog)
    _translate_help_option(catalog)
    _translate_rich_lazily()


def _rebind_gettext(catalog: Catalog) -> None:
    """Point `_` of every loaded typer (or click) module that took gettext's `gettext` at our catalog."""
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("typer", "click")):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = catalog.gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = catalog.ngettext  # type: ignore[attr-defined]


def _translate_usage(catalog: Catalog) -> None:
    """"Usage: " and the [OPTIONS] / COMMAND [ARGS]... placeholders are literals in click's formatter."""
    from typer._click.formatting import HelpFormatter

    original = HelpFormatter.write_usage

    def write_usage(self: HelpFormatter, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english in ("[OPTIONS]", "COMMAND [ARGS]..."):
            args = args.replace(english, catalog.gettext(english))
        original(self, prog, args, catalog.gettext("Usage: ") if prefix is None else prefix)

    HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]


def _translate_help_option(catalog: Catalog) -> None:
    from typer._click.core import Command

    original = Command.get_help_option

    def get_help_option(self: Command, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None and isinstance(option.help, str):
            option.help = catalog.gettext(option.help)
        return option

    Command.get_help_option = get_help_option  # type: ignore[method-assign]


def _translate_rich_lazily() -> None:
    """Translate rich_utils' constants just before typer renders help (rich_utils loads only then)."""
    from typer.core import TyperCommand, TyperGroup

    for cls in (TyperCommand, TyperGroup):
        original = cls.format_help

        def format_help(self: Any, ctx: Any, formatter: Any, _original: Any = original) -> None:
            translate_rich_utils()
            _original(self, ctx, formatter)

        cls.format_help = format_help  # type: ignore[method-assign]


def translate_rich_utils() -> None:
    if _state["rich_done"] or _state["lang"] != "zh":
        return
    from typer import rich_utils

    catalog = translator("zh")
    for name in RICH_CONSTANTS:
        value = getattr(rich_utils, name, None)
        if isinstance(value, str):
            setattr(rich_utils, name, catalog.gettext(value))
    _rebind_gettext(catalog)
    _state["rich_done"] = True


def _fix_flag_placeholder() -> None:
    """typer shows `<bool>` in the type column of an on/off flag (--report, --help) that takes no value."""
    from typer.core import TyperOption

    original = TyperOption.display_type_rich
    if getattr(original, "_govopen", False):
        return

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        if self.is_flag and self.metavar is None:
            return None
        return original(self, ctx)

    display_type_rich._govopen = True  # type: ignore[attr-defined]
    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


# --- usage errors --------------------------------------------------------------------------------------

def translate(text: str, lang: str = "zh") -> str:
    """A message that exists only as English text, in `lang` (unknown wording is returned unchanged)."""
    if lang != "zh":
        return text
    catalog = translator(lang)
    if (found := catalog.gettext(text)) != text:
        return found
    if m := _DID_YOU_MEAN.match(text):
        head = translate(m["message"], lang).rstrip("。.")
        return f"{head}；是否应为 {m['choices'].replace(', ', '、')}？"
    for pattern, template in PATTERNS:
        if m := pattern.match(text):
            values = m.groupdict()
            if "kind" in values:
                values["kind"] = _PATH_KINDS.get(values["kind"], values["kind"])
            return template.format(**values)
    return text


def _hint(exc: Any) -> str:
    """The parameter an error is about, as typer names it ('--format' / '-f', or 'OLD')."""
    if getattr(exc, "param_hint", None) is not None:
        hint = exc.param_hint
        return hint if isinstance(hint, str) else " / ".join(repr(x) for x in hint)
    param = getattr(exc, "param", None)
    if param is None:
        return ""
    opts = getattr(param, "opts", None) if getattr(param, "param_type_name", "") == "option" else None
    if opts:
        return " / ".join(f"'{opt}'" for opt in opts)
    return f"'{getattr(param, 'display_name_raw', param.name)}'"


def _choices(param: Any) -> list[str]:
    descriptor = getattr(param, "type_descriptor", None)
    if descriptor is None or not getattr(descriptor, "is_choice", False):
        return []
    return [c.value if isinstance(c, Enum) else str(c) for c in descriptor.choices or ()]


def _value_problem(exc: Any) -> str:
    """Why a value was refused, from pydantic's structured error where typer kept it."""
    choices = _choices(exc.param)
    cause = exc.__cause__
    errors = cause.errors() if cause is not None and hasattr(cause, "errors") else []
    given = errors[0].get("input") if errors else None
    if choices:
        shown = f"“{given}”" if given is not None else "该值"
        return f"{shown}不是可选值（可选：{'、'.join(choices)}）。"
    if errors and (template := PYDANTIC.get(errors[0].get("type", ""))):
        return template.format(input=given, **(errors[0].get("ctx") or {})) + "。"
    return translate(exc.message)


def error_message(exc: Any, lang: str) -> str:
    """The text of a usage error (click exception) in `lang`."""
    if lang != "zh":
        # pydantic prefixes a refused choice with "Value error, "; the rest is typer's English
        return str(exc.format_message()).replace(": Value error, ", ": ", 1)
    from typer._click import exceptions as ex

    if isinstance(exc, ex.NoSuchOption):
        text = f"没有选项 {exc.option_name}"
        if exc.possibilities:
            return f"{text}；是否应为 {'、'.join(sorted(exc.possibilities))}？"
        return text + "。"
    if isinstance(exc, ex.MissingParameter):
        param_type = str(exc.param_type or getattr(exc.param, "param_type_name", ""))
        kind = {"option": "选项", "argument": "参数"}.get(param_type, "参数")
        choices = _choices(exc.param)
        text = f"缺少{kind} {_hint(exc)}。"
        return text + (f"可选：{'、'.join(choices)}。" if choices else "")
    if isinstance(exc, ex.BadParameter):
        hint = _hint(exc)
        problem = _value_problem(exc)
        return f"{hint} 的值无效：{problem}" if hint else f"值无效：{problem}"
    if isinstance(exc, ex.FileError):
        return f"无法打开文件 {exc.ui_filename!r}：{exc.message}"
    return translate(exc.format_message())


def show_error(exc: Any, lang: str) -> None:
    """Print a usage error the way typer does (usage line, help hint, framed message), in `lang`."""
    if type(exc).__name__ == "NoArgsIsHelpError":
        return  # the help screen was already printed
    from typer import rich_utils
    from typer._click.exceptions import UsageError

    translate_rich_utils()
    reworded = UsageError(error_message(exc, lang), ctx=getattr(exc, "ctx", None))
    rich_utils.rich_format_error(reworded)


# --- running the app -----------------------------------------------------------------------------------

def localize_help(command: Any, lang: str) -> None:
    """Swap our own (Chinese) help texts for their English versions, command by command."""
    if lang != "en":
        return
    from govopen_std.cli_help_en import english_help

    english_help(command)


def run(app: Any, argv: Sequence[str], lang: str) -> int:
    """Run the typer app on `argv` in `lang`; returns the exit code. Usage errors are shown here, worded in
    `lang`, which is why typer runs with standalone_mode=False."""
    import typer.main
    from typer import Abort
    from typer._click.exceptions import ClickException

    install(lang)
    command = typer.main.get_command(app)
    localize_help(command, lang)
    try:
        outcome = command.main(args=list(argv), prog_name="govopen", standalone_mode=False)
    except ClickException as exc:
        show_error(exc, lang)
        return exc.exit_code
    except Abort:
        print(translator(lang).gettext("Aborted!"), file=sys.stderr)
        return 1
    # without standalone mode typer returns the code of a `typer.Exit`, else the command's return value
    return outcome if isinstance(outcome, int) and not isinstance(outcome, bool) else 0
