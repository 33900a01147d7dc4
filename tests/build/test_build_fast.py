"""An unchanged build is answered from the memos without loading the workspace (`build.recall_unchanged`), and
a plain `govopen build` with nothing to do without typer (`commands.build_fast`): the same result, the same
bytes on stderr and the same exit code as the full path; any change a target's key depends on (a source file of
any kind, a template, the options, SOURCE_DATE_EPOCH, a missing output, a missing manifest) is built as before.

Assertions are on results, manifests and printed bytes, never on time."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

from govopen_std import build as build_module
from govopen_std import cli
from govopen_std.build import BuildOptions, BuildResult, recall_unchanged, run
from govopen_std.commands import build_fast
from govopen_std.incremental import MANIFEST, PROVINCE, Plan, recall_plan, remember_plan
from govopen_std.load.cache import open_store
from helpers.county import mini_with_two_counties

FORMATS = ("xlsx",)  # one renderer is enough: these tests are about what is built, not how
ALL = [PROVINCE, "330105", "330106"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVOPEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GOVOPEN_CACHE", raising=False)
    monkeypatch.delenv("GOVOPEN_LANG", raising=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The mini workspace with two county profiles, 330105 and 330106."""
    return mini_with_two_counties(tmp_path / "ws")


def opts(ws: Path, out: Path, **changes: object) -> BuildOptions:
    values: dict[str, object] = {"workspace": ws, "out_dir": out, "formats": FORMATS, "jobs": 1, **changes}
    return BuildOptions(**values)  # type: ignore[arg-type]


def built(options: BuildOptions) -> BuildResult:
    result = run(options)
    assert result.ok, [d.check_tuple() for d in result.diagnostics.items]
    return result


def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    """From here on, a build that loads the workspace fails the test."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the workspace was loaded")

    monkeypatch.setattr(build_module, "check_workspace", refuse)


def summary(result: BuildResult) -> tuple[object, ...]:
    return (result.ok, result.exit_code, result.out_dir, result.rendered, result.reused, result.written,
            result.per_target, sorted(d.check_tuple() for d in result.diagnostics.items))


def test_an_unchanged_build_is_answered_without_loading(ws: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    built(opts(ws, out))
    manifest = (out / MANIFEST).read_bytes()
    no_loading(monkeypatch)
    again = built(opts(ws, out))
    assert again.rendered == [] and again.reused == ALL and again.written == []
    assert (out / MANIFEST).read_bytes() == manifest


def test_the_answer_is_the_full_builds_answer(ws: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    # a warning in the sources (a BOM), so that the answer has diagnostics to report again
    law = ws / "standards" / "laws.yaml"
    law.write_bytes(b"\xef\xbb\xbf" + law.read_bytes())
    first = built(opts(ws, out))
    answered, _ = recall_unchanged(opts(ws, out))
    assert answered is not None
    monkeypatch.setenv("GOVOPEN_CACHE", "off")  # no memo: the full path, which also finds nothing to do
    full = built(opts(ws, out))
    assert full.reused == ALL and summary(answered) == summary(full)
    assert any(d.check_tuple() for d in full.diagnostics.items), "the workspace has a warning"
    assert sorted(d.check_tuple() for d in first.diagnostics.items) == summary(full)[-1]


def _edit_county(ws: Path) -> None:
    path = ws / "standards" / "counties" / "330105.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("10个工作日内", "8个工作日内", 1), encoding="utf-8")


def _edit_item(ws: Path) -> None:
    path = ws / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: 征收土地预公告", "name: 征收土地预公告（修订）"),
                    encoding="utf-8")


def _append_comment(name: str) -> object:
    def edit(ws: Path) -> None:
        path = ws / name
        path.write_bytes(path.read_bytes() + b"\n# edited\n")
    return edit


def _add_template(ws: Path) -> None:
    folder = ws / "templates"
    folder.mkdir(exist_ok=True)
    (folder / "notes.txt").write_text("a file in the templates folder\n", encoding="utf-8")


def _new_epoch(_ws: Path) -> None:
    os.environ["SOURCE_DATE_EPOCH"] = "1700086400"  # restored by the fixture's monkeypatch


CHANGES = {
    "county profile": (_edit_county, ["330105"]),
    "item file": (_edit_item, ALL),
    "laws file": (_append_comment("standards/laws.yaml"), ALL),
    "system file": (_append_comment("standards/system.yaml"), ALL),
    "vocabulary file": (_append_comment("standards/vocabulary.yaml"), ALL),
    "govopen.yaml": (_append_comment("govopen.yaml"), ALL),
    "template": (_add_template, ALL),
    "SOURCE_DATE_EPOCH": (_new_epoch, ALL),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_is_built(change: str, ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(opts(ws, out))
    edit, expected = CHANGES[change]
    edit(ws)  # type: ignore[operator]
    assert recall_unchanged(opts(ws, out))[0] is None
    result = built(opts(ws, out))
    assert sorted(result.rendered) == sorted(expected)  # type: ignore[arg-type]
    assert built(opts(ws, out)).rendered == []  # and then it is unchanged again


@pytest.mark.parametrize("option", ["formats", "all_standards", "counties"])
def test_other_options_are_not_answered_by_the_plan_of_others(option: str, ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(opts(ws, out))
    changed = {"formats": {"formats": ("xlsx", "responsibility")}, "all_standards": {"all_standards": True},
               "counties": {"counties": ("330106",), "province": False}}[option]
    assert recall_unchanged(opts(ws, out, **changed))[0] is None
    result = built(opts(ws, out, **changed))
    assert result.rendered if option != "counties" else result.reused == ["330106"]


def test_a_missing_output_is_built(ws: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    built(opts(ws, out))
    shutil.rmtree(out / "330106")
    assert recall_unchanged(opts(ws, out))[0] is None
    result = built(opts(ws, out))
    assert sorted(result.rendered) == ["330106"]


def test_without_its_manifest_a_build_replaces_nothing(ws: Path, tmp_path: Path) -> None:
    """The manifest is what tells govopen's outputs from the user's (issue 14): once it is deleted, the folders
    are no longer known to be govopen's and are left as they are (B630); deleting them rebuilds everything."""
    out = tmp_path / "out"
    built(opts(ws, out))
    (out / MANIFEST).unlink()
    before = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert recall_unchanged(opts(ws, out))[0] is None
    refused = run(opts(ws, out))
    assert [d.code for d in refused.diagnostics.items if d.code.startswith("B")] == ["B630"]
    assert {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before
    shutil.rmtree(out)
    assert sorted(built(opts(ws, out)).rendered) == sorted(ALL)


def test_a_plan_with_changed_template_folders_is_not_trusted(tmp_path: Path) -> None:
    store = open_store()
    assert store is not None
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "a.html").write_text("one", encoding="utf-8")
    from govopen_std.incremental import tree_digest

    plan = Plan(["province"], {"province": "k"}, "build", ((str(folder), tree_digest(folder)),))
    remember_plan(store, "key", plan)
    assert recall_plan(store, "key") == plan
    (folder / "a.html").write_text("two", encoding="utf-8")
    assert recall_plan(store, "key") is None


# --- the command line -------------------------------------------------------------------------------

def main_outcome(args: list[str], capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    """`govopen ARGS` through `cli.main`, as the console script runs it: (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["govopen", *args])
    with pytest.raises(SystemExit) as ended:
        cli.main()
    out = capsys.readouterr()
    return int(ended.value.code or 0), out.out, out.err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_plain_unchanged_build_prints_what_the_command_prints(lang: str, ws: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    base = ["build", "-w", str(ws), "-o", str(out), "-f", "xlsx", "--lang", lang]
    first = main_outcome([*base, "-j", "1"], capsys, monkeypatch)
    assert first[0] == 0
    calls: list[object] = []
    real = build_fast.answer
    monkeypatch.setattr(build_fast, "answer", lambda *a: calls.append(real(*a)) or calls[-1])
    fast = main_outcome([*base, "-j", "1"], capsys, monkeypatch)
    typer = main_outcome([*base, "-j1"], capsys, monkeypatch)  # a form the fast path leaves to typer
    assert calls == [0, None]
    assert fast == typer and fast[0] == 0
    assert ("未变化" if lang == "zh" else "up to date") in fast[2]


@pytest.mark.parametrize("argv", [
    ["build", "-h"], ["build", "-j2"], ["build", "--jobs", "x"], ["build", "extra"], ["build", "--lang", "fr"],
    ["build", "-o"], ["build", "--format=", "x"], ["build", "--bogus"], ["check"], [],
])
def test_anything_else_is_left_to_typer(argv: list[str]) -> None:
    assert build_fast.parse(argv, {}) is None


def test_the_options_are_those_of_the_command(tmp_path: Path) -> None:
    parsed = build_fast.parse(["build", "-w", str(tmp_path), "--out=o", "-c", "330105", "--county", "330106",
                               "-f", "html", "--format=xlsx", "--all", "-j", "3", "-j", "2"], {"GOVOPEN_LANG": "en"})
    assert parsed == (BuildOptions(workspace=tmp_path, out_dir=Path("o"), counties=("330105", "330106"),
                                   province=False, formats=("html", "xlsx"), all_standards=True, jobs=2), "en")
    assert build_fast.parse(["build"], {}) == (BuildOptions(jobs=os.cpu_count() or 1), "zh")


def test_the_fast_options_match_the_typer_command() -> None:
    """A new option of `govopen build` must be taught to the fast path (or it would be ignored there)."""
    import inspect

    from govopen_std.commands.build import build

    names = set()
    for param in inspect.signature(build).parameters.values():
        default = param.default
        names |= {d for d in getattr(default, "param_decls", ()) if d.startswith("-")}
    assert names == set(build_fast.OPTIONS) | set(build_fast.FLAGS)
