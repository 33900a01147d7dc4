"""The command line is Chinese first: typer's help and usage errors, every command's --lang, and English
under `--lang en` / GOVOPEN_LANG=en. Runs the real CLI as a subprocess."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, ROOT, CliResult, run_cli

COMMANDS = ["check", "build", "schema", "init", "status", "import", "export", "diff", "serve", "evaluate"]
ENGLISH_UI = ("Usage:", "Options", "Commands", "Arguments", "Show this message and exit", "Invalid value",
              "No such option", "Missing option", "Try '", "[default:", "[env var:")
CJK = re.compile(r"[\u4e00-\u9fff]")


WIDE = {"COLUMNS": "200", "TERMINAL_WIDTH": "200"}  # rich frames errors at the terminal width; keep lines whole


def cli(*args: str) -> CliResult:
    return run_cli(*args, env=WIDE)


def run_env(*args: str, lang_env: str | None) -> CliResult:
    """Like `run_cli`, but with GOVOPEN_LANG set (run_cli always removes it)."""
    env = {k: v for k, v in os.environ.items() if k != "GOVOPEN_LANG"}
    env.update({"PYTHONPATH": str(ROOT / "src"), **WIDE})
    if lang_env is not None:
        env["GOVOPEN_LANG"] = lang_env
    proc = subprocess.run([sys.executable, "-m", "govopen_std", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)
    return CliResult(proc.returncode, proc.stdout, proc.stderr)


def english_left(text: str) -> list[str]:
    return [word for word in ENGLISH_UI if word in text]


# --- usage errors -------------------------------------------------------------------------------------

def test_bad_choice_is_a_chinese_usage_error() -> None:
    result = cli("check", "--format", "xml")
    assert result.exit_code == 2
    assert "用法：govopen check [选项]" in result.stderr
    assert "'govopen check -h' 查看帮助" in result.stderr
    assert "错误" in result.stderr
    assert "'--format' / '-f' 的值无效：“xml”不是可选值（可选：text、json、github、sarif）" in result.stderr
    assert english_left(result.stderr) == []
    assert "Value error" not in result.stderr


@pytest.mark.parametrize(("args", "expected"), [
    (("check", "--bogus"), "没有选项 --bogus"),
    (("check", "--fomat", "json"), "没有选项 --fomat；是否应为 --format？"),
    (("init",), "缺少选项 '--county' / '-c'"),
    (("diff",), "缺少参数 'old'"),
    (("chek",), "没有命令 'chek'；是否应为 'check'"),
    (("build", "--jobs", "x"), "'--jobs' / '-j' 的值无效：“x”不是整数"),
    (("serve", "--port", "70000"), "“70000”应小于或等于 65535"),
    (("check", "--format"), "选项 '--format' 需要一个值"),
    (("check", "--report=1"), "选项 '--report' 不接受值"),
    (("export", "--out", "README.md"), "目录 'README.md' 是文件，应为目录"),
    (("check", "--lang", "fr"), "'--lang' 的值无效：“fr”不是可选值（可选：zh、en）"),
])
def test_usage_errors_are_chinese(args: tuple[str, ...], expected: str) -> None:
    result = cli(*args)
    assert result.exit_code == 2, result.stderr
    assert expected in result.stderr
    assert english_left(result.stderr) == []


@pytest.mark.parametrize("how", ["option", "option=", "env"])
def test_usage_errors_in_english_on_request(how: str) -> None:
    args = ["check", "--format", "xml"]
    if how == "option":
        result = run_env(*args, "--lang", "en", lang_env=None)
    elif how == "option=":
        result = run_env(*args, "--lang=en", lang_env=None)
    else:
        result = run_env(*args, lang_env="en")
    assert result.exit_code == 2
    assert "Usage: govopen check [OPTIONS]" in result.stderr
    assert "Invalid value for '--format' / '-f': 'xml' is not one of 'text', 'json', 'github', 'sarif'." \
        in result.stderr
    assert not CJK.search(result.stderr)


def test_explicit_lang_beats_the_environment() -> None:
    result = run_env("check", "--format", "xml", "--lang", "zh", lang_env="en")
    assert result.exit_code == 2 and "的值无效" in result.stderr


# --- help -----------------------------------------------------------------------------------------------

def test_app_help_is_chinese() -> None:
    result = cli("--help")
    assert result.exit_code == 0, result.stderr
    for word in ("用法：govopen [选项] 命令 [参数]...", "选项", "命令", "显示此帮助并退出", "--lang"):
        assert word in result.stdout
    assert english_left(result.stdout) == []
    assert "<bool>" not in result.stdout


def test_command_help_is_chinese_without_flag_placeholder() -> None:
    result = cli("check", "--help")
    assert result.exit_code == 0, result.stderr
    assert "[默认：text]" in result.stdout and "[环境变量：GOVOPEN_LANG]" in result.stdout
    assert english_left(result.stdout) == []
    report_line = next(line for line in result.stdout.splitlines() if "--report" in line)
    assert "<bool>" not in report_line and "<" not in report_line.split("--report", 1)[1].split("另外")[0]


def test_argument_panel_is_chinese() -> None:
    result = cli("diff", "--help")
    assert result.exit_code == 0, result.stderr
    assert "参数" in result.stdout and "[必填]" in result.stdout
    assert english_left(result.stdout) == []


def test_help_in_english() -> None:
    result = run_env("--lang", "en", "--help", lang_env=None)
    assert result.exit_code == 0, result.stderr
    assert "Usage: govopen [OPTIONS] COMMAND [ARGS]..." in result.stdout
    assert "Show this message and exit." in result.stdout
    assert "Check the standard sources" in result.stdout
    assert "<bool>" not in result.stdout
    result = run_env("status", "--help", lang_env="en")
    assert "Reporting date YYYY-MM-DD" in result.stdout and "[default: text]" in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_accepts_lang(command: str) -> None:
    zh = cli(command, "--lang", "zh", "--help")
    assert zh.exit_code == 0, zh.stderr
    assert "--lang" in zh.stdout and "用法：" in zh.stdout
    assert english_left(zh.stdout) == []
    en = cli(command, "--lang", "en", "--help")
    assert en.exit_code == 0, en.stderr
    assert "Usage:" in en.stdout and "Message language" in en.stdout
    assert _only_data_cjk(en.stdout), en.stdout  # every help text of the command has its English version


def _only_data_cjk(text: str) -> bool:
    """English help may quote Chinese data values (征地补偿, 基层政务公开, 修订对照表), never Chinese prose."""
    return all(len(run) <= 6 for run in CJK.findall(text))


def test_every_option_has_english_help() -> None:
    import typer.main

    from govopen_std.cli import create_app
    from govopen_std.cli_help_en import COMMANDS as HELP_COMMANDS
    from govopen_std.cli_help_en import lookup

    root = typer.main.get_command(create_app())  # type: ignore[arg-type]
    assert set(root.commands) == set(COMMANDS)  # type: ignore[attr-defined]
    missing = [f"{name} {param.name}" for name, command in [("", root), *root.commands.items()]  # type: ignore[attr-defined]
               for param in command.params if param.help and lookup(name, param) is None]
    assert missing == []
    assert set(HELP_COMMANDS) == {"", *COMMANDS}


def test_lang_detection() -> None:
    from govopen_std.cli_i18n import detect_lang

    assert detect_lang(["check"], {}) == "zh"
    assert detect_lang(["check"], {"GOVOPEN_LANG": "en"}) == "en"
    assert detect_lang(["check", "--lang", "en"], {}) == "en"
    assert detect_lang(["--lang=en", "check", "--lang", "zh"], {"GOVOPEN_LANG": "en"}) == "zh"
    assert detect_lang(["check", "--lang", "fr"], {}) == "zh"
    assert detect_lang(["import", "--", "--lang", "en"], {}) == "zh"


# --- command output in the chosen language -----------------------------------------------------------

def test_root_lang_reaches_the_command(tmp_path: Path) -> None:
    result = cli("--lang", "en", "status", "-w", str(MINI), "--as-of", "2018-03-01", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["rule"]["due_text"] == "the first day after the planned month"


def test_status_json_rule_is_a_code_with_a_localized_text() -> None:
    zh = cli("status", "-w", str(MINI), "--as-of", "2018-03-01", "--format", "json")
    en = cli("status", "-w", str(MINI), "--as-of", "2018-03-01", "--format", "json", "--lang", "en")
    assert zh.exit_code == 0 and en.exit_code == 0, zh.stderr + en.stderr
    rule_zh, rule_en = json.loads(zh.stdout)["rule"], json.loads(en.stdout)["rule"]
    assert rule_zh["due"] == rule_en["due"] == "day_after_planned_month"
    assert rule_zh["due_text"] == "计划实施月份结束后的第一天"
    assert rule_en["due_text"] == "the first day after the planned month"
    assert json.loads(zh.stdout)["quarter_id"] == json.loads(en.stdout)["quarter_id"] == "2018-Q1"


def test_init_speaks_the_chosen_language(tmp_path: Path) -> None:
    for lang, expected in (("zh", "已生成"), ("en", "Created")):
        workspace = tmp_path / lang
        shutil.copytree(MINI, workspace)
        result = cli("init", "--county", "330105", "-w", str(workspace), "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert result.stdout.strip().endswith("standards/counties/330105.yaml")
        assert expected in result.stderr


@pytest.fixture
def two_versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old)
    shutil.copytree(MINI, new)
    text = new / "standards/domains/zdbc/zdbc-01.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace("不少于10个工作日", "不少于15个工作日"), encoding="utf-8")
    return old, new


def test_diff_note_column_in_both_languages(two_versions: tuple[Path, Path]) -> None:
    old, new = two_versions
    zh = cli("diff", str(old), str(new))
    assert zh.exit_code == 0, zh.stderr
    assert "修改公开时限" in zh.stdout and "修改说明" in zh.stdout
    en = cli("diff", str(old), str(new), "--lang", "en")
    assert en.exit_code == 0, en.stderr
    assert "Time limit changed" in en.stdout and "(time limit)" in en.stdout
    assert "修改公开时限" not in en.stdout and "修改说明" not in en.stdout and "（公开时限）" not in en.stdout
    payload = json.loads(cli("diff", str(old), str(new), "--format", "json", "--lang", "en").stdout)
    field = payload["changes"][0]["fields"][0]
    assert (field["action"], field["note"], field["label"]) == ("changed", "Time limit changed", "time limit")


# --- JSON Schemas -------------------------------------------------------------------------------------

def _described(schema: dict[str, object]) -> list[tuple[str, dict[str, object]]]:
    """(path, definition) of every model and every property of the schema."""
    defs = dict(schema.get("$defs", {}))  # type: ignore[call-overload]
    found: list[tuple[str, dict[str, object]]] = [("", schema)] if "properties" in schema else []
    found += [(name, d) for name, d in defs.items()]
    for owner, definition in list(found):
        for prop, value in dict(definition.get("properties", {})).items():  # type: ignore[call-overload]
            found.append((f"{owner}.{prop}", value))
    return found


@pytest.fixture(scope="module")
def schema_dirs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = {}
    for lang in ("zh", "en"):
        target = tmp_path_factory.mktemp(f"schema-{lang}")
        result = cli("schema", "--out", str(target), "--lang", lang)
        assert result.exit_code == 0, result.stderr
        out[lang] = target
    return out


def test_schema_titles_and_descriptions_are_chinese(schema_dirs: dict[str, Path]) -> None:
    files = sorted(schema_dirs["zh"].glob("*.schema.json"))
    assert {p.name.split(".")[0] for p in files} >= {"standard", "system", "county", "laws", "vocabulary"}
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "x-en" not in text
        schema = json.loads(text)
        assert CJK.search(str(schema["title"])) and CJK.search(str(schema["description"])), path.name
        for where, definition in _described(schema):
            assert CJK.search(str(definition.get("description", ""))), f"{path.name} {where}: no Chinese description"
    item = json.loads((schema_dirs["zh"] / "standard.schema.json").read_text(encoding="utf-8"))["$defs"]["Item"]
    assert item["title"] == "公开事项"
    assert item["properties"]["deadline"]["title"] == item["properties"]["公开时限"]["title"] == "公开时限"


def test_schema_in_english(schema_dirs: dict[str, Path]) -> None:
    schema = json.loads((schema_dirs["en"] / "standard.schema.json").read_text(encoding="utf-8"))
    assert "x-en" not in json.dumps(schema)
    assert schema["title"] == "Standard text"
    item = schema["$defs"]["Item"]
    assert item["title"] == "Disclosure item"
    assert item["properties"]["code"]["title"] == "Code"
    assert not CJK.search(item["properties"]["code"]["description"])
