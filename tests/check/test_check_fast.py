"""A plain `govopen check` runs without typer (`commands.check_fast`): the same bytes on stdout and stderr and
the same exit code as the typer command (and, answered from the memo, as a full check with the cache off), in
every format and language, also when it is interrupted; an unchanged workspace is answered without importing
any framework, parser, model or rule; anything the fast path does not fully understand is left to typer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from govopen_std import cli
from govopen_std.commands import check_fast
from govopen_std.commands.check_fast import PlainCheck, parse
from govopen_std.pipeline import recall_check

FORMATS = ("text", "json", "github", "sarif")
Outcome = tuple[int, str, str]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GOVOPEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GOVOPEN_CACHE", raising=False)
    monkeypatch.delenv("GOVOPEN_LANG", raising=False)  # restored after the test, also when `cli` sets it
    return tmp_path / "cache"


@pytest.fixture
def broken(mini: Path) -> Path:
    """The mini workspace with an unknown key (an error with a hint) and a BOM (a warning)."""
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    text = path.read_text(encoding="utf-8").replace("    method: 主动\n", "    methd: 主动\n", 1)
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return mini


def via_typer(args: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome:
    code = cli._run_app(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def via_fast(args: list[str], capsys: pytest.CaptureFixture[str]) -> Outcome | None:
    code = check_fast.run(args, os.environ)
    out = capsys.readouterr()
    if code is None:
        assert out.out == out.err == "", "a check the fast path leaves to typer printed nothing"
        return None
    return code, out.out, out.err


def remembered(workspace: Path | None) -> bool:
    return recall_check(workspace) is not None


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("workspace", ["mini", "broken"])
def test_plain_check_is_byte_identical_to_the_typer_command(workspace: str, fmt: str, request: pytest.FixtureRequest,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    ws = request.getfixturevalue(workspace)
    for lang in ("zh", "en"):
        for fail_on in ("error", "warning"):
            args = ["check", "-w", str(ws), "--format", fmt, "--lang", lang, "--fail-on", fail_on]
            monkeypatch.setenv("GOVOPEN_CACHE", "off")
            full = via_typer(args, capsys)  # a full check, no cache involved
            assert via_fast(args, capsys) == full
            monkeypatch.delenv("GOVOPEN_CACHE")
            first = via_typer(args, capsys)  # fills the memo (or answers from it, after the first round)
            assert remembered(ws)
            assert via_fast(args, capsys) == first == full == via_typer(args, capsys)
    codes = {fail_on: via_fast(["check", "-w", str(ws), "-f", fmt, "--fail-on", fail_on], capsys)
             for fail_on in ("error", "warning")}
    assert codes["warning"] is not None and codes["warning"][0] == 1, "both workspaces have warnings"
    assert codes["error"] is not None and codes["error"][0] == (1 if workspace == "broken" else 0)


def test_language_from_the_environment(mini: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["check", "--workspace", str(mini)]
    via_typer(args, capsys)
    monkeypatch.setenv("GOVOPEN_LANG", "en")
    answered = via_fast(args, capsys)
    assert answered is not None and "checked " in answered[1]
    assert answered == via_typer(args, capsys)


def test_the_embedded_workspace(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # not a workspace: the standards shipped with govopen
    first = via_fast(["check", "-f", "json"], capsys)
    assert remembered(None)
    assert first == via_fast(["check", "-f", "json"], capsys) == via_typer(["check", "-f", "json"], capsys)


def test_a_changed_workspace_is_checked_again(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["check", "-w", str(mini)]
    clean = via_fast(args, capsys)
    assert remembered(mini) and via_fast(args, capsys) == clean
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("    method: 主动\n", "    methd: 主动\n", 1),
                    encoding="utf-8")
    assert not remembered(mini)
    changed = via_fast(args, capsys)
    assert changed is not None and changed[0] == 1 and " S201 " in changed[1]
    assert changed == via_typer(args, capsys)


def main_outcome(args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """`govopen ARGS` through `cli.main`, as the console script runs it: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["govopen", *args])
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # restored after the test: a broken pipe wraps the streams
    monkeypatch.setattr(sys, "stderr", sys.stderr)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    out = capsys.readouterr()
    return int(ended.value.code or 0), out.out, out.err


@pytest.mark.parametrize("problem", [KeyboardInterrupt(), EOFError(), BrokenPipeError(32, "Broken pipe"),
                                     RuntimeError("boom"), None], ids=["ctrl-c", "eof", "broken-pipe", "crash", "ok"])
def test_interrupted_checks_end_as_under_typer(problem: BaseException | None, mini: Path,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import govopen_std.report

    if problem is not None:
        def report_check(*_args: object, **_kwargs: object) -> None:
            print("half a report")
            raise problem

        monkeypatch.setattr(govopen_std.report, "report_check", report_check)
    outcomes = {}
    for lang in ("zh", "en"):
        args = ["check", "-w", str(mini), "--lang", lang]
        fast = main_outcome(args, capsys, monkeypatch)
        with monkeypatch.context() as patched:
            patched.setattr(cli, "_plain_check", lambda _args: None)  # what typer does with the same command line
            assert main_outcome(args, capsys, monkeypatch) == fast
        outcomes[lang] = fast
    expected_code = {KeyboardInterrupt: 130, EOFError: 1, BrokenPipeError: 1, RuntimeError: 2, type(None): 0}
    assert outcomes["zh"][0] == expected_code[type(problem)]
    if isinstance(problem, RuntimeError):
        assert "E903" in outcomes["en"][2]


def test_a_missing_workspace_is_reported_as_by_typer(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "empty").mkdir()
    args = ["check", "-w", str(tmp_path / "empty")]
    fast = main_outcome(args, capsys, monkeypatch)
    monkeypatch.setattr(cli, "_plain_check", lambda _args: None)
    assert main_outcome(args, capsys, monkeypatch) == fast
    assert fast[0] == 2 and "E901" in fast[2]


@pytest.mark.parametrize(("argv", "expected"), [
    (["check"], PlainCheck(None, "text", "zh", "error")),
    (["check", "-w", "{ws}", "-f", "sarif", "--lang", "en", "--fail-on", "info"], PlainCheck(Path("{ws}"), "sarif", "en", "info")),
    (["check", "--workspace={ws}", "--format=github", "--lang=en", "--fail-on=warning"],
     PlainCheck(Path("{ws}"), "github", "en", "warning")),
    (["check", "-f", "json", "-f", "text"], PlainCheck(None, "text", "zh", "error")),  # the last one wins, as in click
])
def test_plain_checks_are_recognised(argv: list[str], expected: PlainCheck, mini: Path) -> None:
    def filled(value: str) -> str:
        return value.replace("{ws}", str(mini))

    want = PlainCheck(Path(filled(str(expected.workspace))) if expected.workspace else None, expected.fmt, expected.lang,
                      expected.fail_on)
    assert parse([filled(a) for a in argv], {}) == want


@pytest.mark.parametrize("argv", [
    [], ["build"], ["--lang", "en", "check"], ["check", "--report"], ["check", "-h"], ["check", "--help"],
    ["check", "-fjson"], ["check", "-f", "JSON"], ["check", "--format="], ["check", "-f"], ["check", "--lang", "fr"],
    ["check", "--fail-on", "fatal"], ["check", "extra"], ["check", "--", "-f"], ["check", "-w", "-f", "json"],
    ["check", "-w=."], ["check", "--work", "."], ["check", "-w", "{file}"], ["check", "-w", "{missing}"],
])
def test_anything_else_is_left_to_typer(argv: list[str], tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    names = {"{file}": str(tmp_path / "file"), "{missing}": str(tmp_path / "missing")}
    assert parse([names.get(a, a) for a in argv], {}) is None


def test_an_unknown_language_in_the_environment_is_left_to_typer() -> None:
    assert parse(["check"], {"GOVOPEN_LANG": "fr"}) is None
    assert parse(["check"], {"GOVOPEN_LANG": ""}) == PlainCheck(None, "text", "zh", "error")  # empty: click ignores it
    assert parse(["check", "--lang", "zh"], {"GOVOPEN_LANG": "fr"}) == PlainCheck(None, "text", "zh", "error")


def test_the_fast_path_knows_the_commands_options() -> None:
    """Option strings, choices, defaults and the environment variable of the typer command are the ones
    `check_fast` was written for: a change to the command must be made there too."""
    import typer.main

    command = typer.main.get_command(cli.create_app()).commands["check"]  # type: ignore[attr-defined]
    params = {p.name: p for p in command.params}
    assert set(params) == {"workspace", "fmt", "lang", "fail_on", "report"}
    for name in ("workspace", "fmt", "lang", "fail_on"):
        assert {o for o, target in check_fast.OPTIONS.items() if target == name} == set(params[name].opts)
        assert params[name].envvar == (check_fast.LANG_ENV if name == "lang" else None)
    for name, choices in check_fast.CHOICES.items():
        default = params[name].default
        assert str(getattr(default, "value", default)) == check_fast.DEFAULTS[name]
        from govopen_std.commands import check as check_command
        from govopen_std.commands.options import Lang

        enum = {"fmt": check_command.Format, "lang": Lang, "fail_on": check_command.FailOn}[name]
        assert tuple(member.value for member in enum) == choices
    assert params["workspace"].default is None


def test_a_memo_answer_imports_neither_typer_nor_the_loader(mini: Path, tmp_path: Path) -> None:
    """End to end, as a user runs it: the second run is answered from the memo with the bytes and exit code of
    a full check (cache off), and imports no framework, parser, model or rule."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GOVOPEN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("GOVOPEN_LANG", None)
    env.pop("GOVOPEN_CACHE", None)
    cmd = [sys.executable, "-X", "importtime", "-m", "govopen_std", "check", "-w", str(mini), "-f", "sarif"]

    def run(**extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(cmd, capture_output=True, text=True, env={**env, **extra}, timeout=300)

    full, first, memo = run(GOVOPEN_CACHE="off"), run(), run()
    for proc in (first, memo):
        assert (proc.returncode, proc.stdout) == (full.returncode, full.stdout)
    imported = {line.split("|")[-1].strip() for line in memo.stderr.splitlines() if line.startswith("import time:")}
    heavy = sorted(m for m in imported if m.split(".")[0] in ("typer", "click", "rich", "pydantic", "ruamel")
                   or m.startswith(("govopen_std.model", "govopen_std.check", "govopen_std.load.yaml_source",
                                    "govopen_std.load.fastyaml", "govopen_std.load.preload")))
    assert heavy == []
    assert "govopen_std.commands.check_fast" in imported
