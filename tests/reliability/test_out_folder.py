"""The output folder (issue 14, points 1, 4 and 5): a misconfigured `out_dir` never deletes anything, a build
replaces only what its manifest says it wrote, two builds do not race, a killed build leaves neither orphans
nor garbage for long, and I/O failures are reported as such (E923), never as a govopen bug (E903).

Every case ends by comparing snapshots: nothing outside the output folder changed, and the previous outputs
are byte-identical (or, for a build that should succeed, what it must leave alone is)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from fs_helpers import WAIT, assert_reported, built_once, run_unprivileged, says
from reliability_helpers import govopen_command, govopen_env, run_govopen, snapshot

from conftest import require_tool
from govopen_std.diagnostics import Severity
from govopen_std.out_folder import MARK
from govopen_std.pipeline import check_workspace

ITEM_FILE = "standards/domains/zdbc/zdbc-01.yaml"
OUT_DIR_LINE = 6  # `out_dir: build` in the mini workspace's govopen.yaml


def set_out_dir(workspace: Path, value: str) -> None:
    config = workspace / "govopen.yaml"
    text = config.read_text(encoding="utf-8")
    assert "out_dir: build\n" in text
    config.write_text(text.replace("out_dir: build\n", f"out_dir: {value}\n"), encoding="utf-8")
    assert text.splitlines()[OUT_DIR_LINE - 1] == "out_dir: build"


def change_sources(workspace: Path) -> None:
    """An edit that gives the next build something to write."""
    path = workspace / ITEM_FILE
    text = path.read_text(encoding="utf-8")
    assert "name: 征收土地预公告" in text
    path.write_text(text.replace("name: 征收土地预公告", "name: 征收土地预公告（修订）"), encoding="utf-8")


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".govopen-"))


# --- point 1: where the output folder may be ------------------------------------------------------------

@pytest.mark.parametrize("value", [".", "..", "../..", "/", "templates", "templates/html", "standards",
                                   "standards/laws", "/proc/govopen", "/sys/kernel"])
def test_out_dir_that_is_no_folder_of_its_own_is_a_located_error(value: str, mini: Path) -> None:
    (mini / "templates" / "html").mkdir(parents=True)
    set_out_dir(mini, value)
    errors = [d for d in check_workspace(mini).diagnostics.items if d.severity >= Severity.ERROR]
    assert [(d.code, str(d.location)) for d in errors] == [("E920", f"govopen.yaml:{OUT_DIR_LINE}:10")]
    assert value in errors[0].message("zh") and value in errors[0].message("en")


@pytest.mark.parametrize("value", ["build", "public/site", "../published"])
def test_a_folder_of_its_own_is_accepted(value: str, mini: Path) -> None:
    set_out_dir(mini, value)
    assert not [d for d in check_workspace(mini).diagnostics.items if d.code == "E920"]


def test_out_dir_templates_deletes_nothing(tmp_path: Path) -> None:
    """Issue 14: `out_dir: templates` deleted templates/docx/style.yaml."""
    workspace = built_once(tmp_path)[0]
    style = workspace / "templates" / "docx" / "style.yaml"
    style.parent.mkdir(parents=True)
    style.write_text("toc_max_entries: 20\n", encoding="utf-8")
    set_out_dir(workspace, "templates")
    before = snapshot(tmp_path)
    result = run_govopen("build", cwd=workspace)
    assert_reported(result, "E920", 1)
    assert f"govopen.yaml:{OUT_DIR_LINE}:10" in result.stderr
    assert snapshot(tmp_path) == before


def test_out_dir_parent_deletes_nothing(tmp_path: Path) -> None:
    """Issue 14: `out_dir: ..` deleted the user's ../site/index.html and ../docx/draft.docx."""
    workspace = built_once(tmp_path)[0]
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    (tmp_path / "docx").mkdir()
    (tmp_path / "docx" / "draft.docx").write_bytes(b"PK mine")
    set_out_dir(workspace, "..")
    before = snapshot(tmp_path)
    assert_reported(run_govopen("build", cwd=workspace), "E920", 1)
    assert_reported(run_govopen("check", cwd=workspace), "E920", 1)
    assert snapshot(tmp_path) == before


def test_out_option_root_is_refused(tmp_path: Path) -> None:
    """`--out /` is a usage error (exit 2), refused before anything is written."""
    workspace, out, before = built_once(tmp_path)
    everything = snapshot(tmp_path)
    result = run_govopen("build", "-w", str(workspace), "-o", "/", "--lang", "en", cwd=tmp_path)
    assert_reported(result, "E920", 2)
    assert says(result, "the root folder /")
    assert snapshot(tmp_path) == everything and snapshot(out) == before


def test_out_dir_linked_outside_the_workspace_is_refused(tmp_path: Path) -> None:
    workspace = built_once(tmp_path)[0]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "keep.txt").write_text("keep", encoding="utf-8")
    (workspace / "build").symlink_to(elsewhere, target_is_directory=True)
    before = snapshot(tmp_path)
    assert_reported(run_govopen("check", cwd=workspace), "E920", 1)
    assert_reported(run_govopen("build", cwd=workspace), "E920", 1)
    assert snapshot(tmp_path) == before and sorted(os.listdir(elsewhere)) == ["keep.txt"]


def test_first_build_does_not_replace_a_users_folder(tmp_path: Path) -> None:
    """A first build into a folder holding a `site/` of the user's: refused (B630, exit 2), nothing moved."""
    workspace = built_once(tmp_path)[0]
    out = tmp_path / "theirs"
    (out / "site").mkdir(parents=True)
    (out / "site" / "index.html").write_text("<p>mine</p>", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert_reported(result, "B630", 2)
    assert says(result, "site", str(out))
    assert snapshot(tmp_path) == before and leftovers(out) == []


def test_first_build_into_a_non_empty_folder_leaves_other_files(tmp_path: Path) -> None:
    """A folder with other files is fine: the build adds its own entries and touches nothing else."""
    workspace = built_once(tmp_path)[0]
    out = tmp_path / "shared"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    (out / ".govopen-staging-mine").mkdir()  # named like govopen's, but without its marker: not govopen's
    (out / ".govopen-staging-mine" / "keep.txt").write_text("mine", encoding="utf-8")
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert (out / ".govopen-staging-mine" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert (out / "site" / "index.html").is_file()


def test_rebuild_leaves_entries_it_does_not_own(tmp_path: Path) -> None:
    workspace, out, _ = built_once(tmp_path)
    (out / "mine").mkdir()
    (out / "mine" / "keep.txt").write_text("mine", encoding="utf-8")
    change_sources(workspace)
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (out / "mine" / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert "（修订）" in "".join(p.read_text(encoding="utf-8") for p in (out / "site").rglob("*.html"))


# --- point 4: kill -9, orphans, stale staging, two builds ---------------------------------------------------

def _start_paused(workspace: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(govopen_command("build", "-w", str(workspace), "-o", str(out), *extra), cwd=out.parent,
                            env=govopen_env(GOVOPEN_TEST_PAUSE="render:600"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def _wait_for(condition: object, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():  # type: ignore[operator]
        assert proc.poll() is None, f"the build ended (exit {proc.returncode}) too early"
        assert time.monotonic() < deadline, "the build never reached the point to stop it (hang guard)"
        time.sleep(0.02)


def _rendered_into_staging(out: Path) -> bool:
    return any(p.is_file() and p.name != MARK for d in out.glob(".govopen-staging-*") for p in d.rglob("*"))


def _children(pid: int) -> list[int]:
    text = Path(f"/proc/{pid}/task/{pid}/children").read_text(encoding="ascii")
    return [int(p) for p in text.split()]


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_kill_9_leaves_no_orphans_and_the_next_build_cleans_up(tmp_path: Path) -> None:
    workspace, out, before = built_once(tmp_path)
    change_sources(workspace)
    proc = _start_paused(workspace, out, "--jobs", "2")
    try:
        _wait_for(lambda: _rendered_into_staging(out) and len(_children(proc.pid)) >= 2, proc)
        workers = _children(proc.pid)
        proc.kill()  # SIGKILL: no handler runs, staging stays behind
        proc.wait(timeout=WAIT)
        deadline = time.monotonic() + WAIT
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "render workers outlived the killed build"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert [n for n in leftovers(out) if n.startswith(".govopen-staging-")], "kill -9 left no staging to clean"
    assert {k: v for k, v in snapshot(out).items() if not k.startswith(".govopen-")} == before
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert leftovers(out) == []


def test_a_second_build_on_the_same_folder_stops(tmp_path: Path) -> None:
    """While one build writes, a second one on the same output folder stops at once (B631, exit 2)."""
    workspace, out, before = built_once(tmp_path)
    change_sources(workspace)
    first = _start_paused(workspace, out, "--jobs", "1")
    try:
        _wait_for(lambda: _rendered_into_staging(out), first)
        second = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
        assert_reported(second, "B631", 2)
        assert first.poll() is None and _rendered_into_staging(out)  # the second build removed nothing
        first.send_signal(signal.SIGTERM)
        _, stderr = first.communicate(timeout=WAIT)
        assert first.returncode == 1 and "B603" in stderr, stderr
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert snapshot(out) == before and leftovers(out) == []


# --- point 5: I/O and permission failures --------------------------------------------------------------------

def test_read_only_out_folder_is_an_io_error(tmp_path: Path) -> None:
    workspace, out, before = built_once(tmp_path)
    change_sources(workspace)
    everything = snapshot(tmp_path)
    out.chmod(0o555)
    try:
        result = run_unprivileged("build", "-w", str(workspace), "-o", str(out), "--lang", "en", cwd=tmp_path)
    finally:
        out.chmod(0o755)
    assert_reported(result, "E923", 2)
    assert says(result, str(out), "Permission denied", "cannot create a staging folder")
    assert snapshot(tmp_path) == everything and snapshot(out) == before


def test_out_folder_that_is_a_file_is_an_io_error(tmp_path: Path) -> None:
    workspace = built_once(tmp_path)[0]
    target = tmp_path / "out.txt"
    target.write_text("mine", encoding="utf-8")
    before = snapshot(tmp_path)
    result = run_govopen("build", "-w", str(workspace), "-o", str(target), cwd=tmp_path)
    assert_reported(result, "E923", 2)
    assert says(result, str(target), "已存在同名文件")
    assert snapshot(tmp_path) == before


def test_full_disk_is_an_io_error(tmp_path: Path) -> None:
    """The output folder on a 64 KiB file system: rendering runs out of space (ENOSPC), reported as E923."""
    unshare = require_tool("unshare")
    workspace = built_once(tmp_path)[0]
    out = tmp_path / "small"
    out.mkdir()
    before = snapshot(tmp_path)
    script = 'mount -t tmpfs -o size=64k tmpfs "$1" && shift && exec "$@"'
    command = [unshare, "-m", "sh", "-c", script, "sh", str(out),
               *govopen_command("build", "-w", str(workspace), "-o", str(out), "--jobs", "1", "--lang", "en")]
    result = subprocess.run(command, cwd=tmp_path, env=govopen_env(), capture_output=True, text=True, timeout=WAIT)
    assert_reported(result, "E923", 2)
    assert says(result, "No space left on device", "ENOSPC")
    assert snapshot(tmp_path) == before


def test_unreadable_source_is_located_not_a_govopen_bug(tmp_path: Path) -> None:
    workspace, out, before = built_once(tmp_path)
    source = workspace / ITEM_FILE
    everything = snapshot(tmp_path)
    source.chmod(0)
    try:
        check = run_unprivileged("check", "-w", str(workspace), cwd=tmp_path)
        build = run_unprivileged("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    finally:
        source.chmod(0o644)
    assert_reported(check, "Y108", 1)
    assert says(check, f"{ITEM_FILE}: 错误 Y108", "没有读取权限")  # a file-level location: the file has no lines
    assert_reported(build, "B601", 1)
    assert snapshot(tmp_path) == everything and snapshot(out) == before


def test_stale_staging_of_an_older_run_is_removed_only_with_the_marker(tmp_path: Path) -> None:
    workspace, out, _ = built_once(tmp_path)
    ours = out / ".govopen-staging-old1"
    (ours / "site").mkdir(parents=True)
    (ours / MARK).write_bytes(b"")
    theirs = out / ".govopen-old-theirs"
    theirs.mkdir()
    shutil.copy(workspace / ITEM_FILE, theirs / "copy.yaml")
    change_sources(workspace)
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert leftovers(out) == [".govopen-old-theirs"]
    assert (theirs / "copy.yaml").is_file()


def test_out_dir_with_a_nul_character_is_a_located_error(mini: Path) -> None:
    """`out_dir: "a\\0b"` names no possible folder: E920 at the value, not a crash of the path functions."""
    set_out_dir(mini, '"a\\0b"')
    errors = [d for d in check_workspace(mini).diagnostics.items if d.code == "E920"]
    assert [str(d.location) for d in errors] == [f"govopen.yaml:{OUT_DIR_LINE}:10"]
    assert "NUL" in errors[0].message("en")


def test_an_os_error_in_any_command_is_not_called_a_govopen_bug(tmp_path: Path) -> None:
    """Outside `build` too (here `schema --out` into a folder that cannot exist), an OSError is E923 with the path
    and the OS reason, exit 2, instead of E903 "internal error … a govopen bug"."""
    result = run_govopen("schema", "-o", "/proc/govopen-missing/schema", "--lang", "en", cwd=tmp_path)
    assert_reported(result, "E923", 2)
    assert says(result, "/proc/govopen-missing", "No such file or directory", "ENOENT")
