"""Atomic builds: a build that is interrupted (SIGTERM, SIGINT) or fails leaves the previous outputs byte-identical
and no staging folder behind; a signal that arrives while publishing waits until every output is in place.

Each build is a real `govopen build` process. The second build is held at a known point by the test-only hook
GOVOPEN_TEST_PAUSE (see `govopen_std.build._test_pause`), so the test interrupts it while it is writing
instead of racing it.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from reliability_helpers import county_workspace, govopen_command, govopen_env, run_govopen, snapshot

from govopen_std.out_folder import MARK
from govopen_std.render.base import available

WAIT = 120  # a hang guard, not a speed assertion
ITEM_FILE = "standards/domains/zdbc/zdbc-01.yaml"


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path, dict[str, str]]:
    """A workspace with a county, built once into out/: (workspace, out, snapshot of out)."""
    workspace = county_workspace(tmp_path / "ws")
    out = tmp_path / "out"
    first = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    before = snapshot(out)
    assert any(name.startswith("330105/") for name in before) and any("/" in n and not n.startswith("330105/")
                                                                       for n in before)
    return workspace, out, before


def change_sources(workspace: Path) -> None:
    """Edit an item so that a second build would write different outputs than the first."""
    path = workspace / ITEM_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("name: 征收土地预公告", "name: 征收土地预公告（修订）"),
                    encoding="utf-8")


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".govopen-"))


def top_level_inodes(out: Path) -> dict[str, int]:
    """The output folders in place (a replaced one is a new folder, so a new inode); cheap enough to poll.
    Files at the top (the build's manifest) are left out: only a moved output folder marks the commit point."""
    inodes = {}
    for path in out.iterdir():
        try:
            info = path.stat()
        except FileNotFoundError:  # moved away between listing and stat: that is a change too
            inodes[path.name] = -1
            continue
        if stat.S_ISDIR(info.st_mode):
            inodes[path.name] = info.st_ino
    return {name: inode for name, inode in inodes.items() if not name.startswith(".govopen-")}


def staging_files(out: Path) -> list[Path]:
    """The files renderers wrote into staging (not the marker that makes it govopen's)."""
    return [p for d in out.glob(".govopen-staging-*") for p in d.rglob("*") if p.is_file() and p.name != MARK]


def wait_until(condition: Callable[[], bool], proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if proc.poll() is not None:
            pytest.fail(f"the build ended (exit {proc.returncode}) before the point to interrupt it\n"
                        + (proc.stderr.read() if proc.stderr else ""))
        if time.monotonic() > deadline:
            pytest.fail("the build never reached the point to interrupt it")
        time.sleep(0.02)


def start_build(workspace: Path, out: Path, pause: str) -> subprocess.Popen[str]:
    """The build in its own process group (with its render workers), as a shell starts a foreground job."""
    return subprocess.Popen(govopen_command("build", "-w", str(workspace), "-o", str(out)), cwd=out.parent,
                            env=govopen_env(GOVOPEN_TEST_PAUSE=pause), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def finish(proc: subprocess.Popen[str]) -> tuple[int, str]:
    try:
        _, stderr = proc.communicate(timeout=WAIT)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    return proc.returncode, stderr


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def assert_no_worker_left(pgid: int) -> None:
    """No render worker outlives the build (one would keep writing into a removed staging folder)."""
    deadline = time.monotonic() + WAIT
    while group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.05)
    if group_alive(pgid):
        os.killpg(pgid, signal.SIGKILL)
        pytest.fail("a process of the build was still running after it ended")


@pytest.mark.parametrize(("signum", "group"), [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True)],
                         ids=["SIGTERM", "SIGINT", "ctrl-c-to-process-group"])
def test_interrupted_build_leaves_previous_outputs(built: tuple[Path, Path, dict[str, str]],
                                                   signum: signal.Signals, group: bool) -> None:
    workspace, out, before = built
    change_sources(workspace)
    proc = start_build(workspace, out, "render:600")
    wait_until(lambda: bool(staging_files(out)), proc)  # a renderer has written into staging
    if group:  # what Ctrl-C in a terminal does: the build and its render workers all get SIGINT
        os.killpg(proc.pid, signum)
    else:
        proc.send_signal(signum)
    code, stderr = finish(proc)
    assert code == 1, stderr
    assert "B603" in stderr and "Traceback" not in stderr, stderr
    assert_no_worker_left(proc.pid)
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_signal_while_publishing_completes_the_publish(built: tuple[Path, Path, dict[str, str]],
                                                       tmp_path: Path) -> None:
    """Publishing is the commit point: a SIGTERM after the first output has moved into place does not leave a
    mix of old and new outputs; the build completes and the outputs are those of the new sources."""
    workspace, out, before = built
    change_sources(workspace)
    expected_out = tmp_path / "expected"
    assert run_govopen("build", "-w", str(workspace), "-o", str(expected_out), cwd=tmp_path).returncode == 0
    expected = snapshot(expected_out)
    assert expected != before
    inodes = top_level_inodes(out)
    proc = start_build(workspace, out, "publish:10")
    wait_until(lambda: top_level_inodes(out) != inodes, proc)  # the first output has been replaced
    proc.send_signal(signal.SIGTERM)
    code, stderr = finish(proc)
    assert code == 0, stderr
    assert snapshot(out) == expected
    assert leftovers(out) == []


@pytest.mark.parametrize(("template", "exit_code", "code"), [
    ("{% if %}\n", 1, "B621"),  # a syntax error: found by the check before the build, with the template's line
    ("{{ 1 / 0 }}\n", 1, "B602"),  # an exception no renderer expects: any renderer failing half-way
], ids=["syntax-error", "exception"])
def test_failing_renderer_leaves_previous_outputs(built: tuple[Path, Path, dict[str, str]], template: str,
                                                  exit_code: int, code: str) -> None:
    """A broken workspace template makes the HTML renderer fail after the DOCX renderer has written its files."""
    assert "html" in available(), "the html renderer is part of govopen"
    workspace, out, before = built
    change_sources(workspace)
    broken = workspace / "templates" / "html" / "index.html"
    broken.parent.mkdir(parents=True)
    broken.write_text(template, encoding="utf-8")
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=out.parent)
    assert result.returncode == exit_code, result.stderr
    assert code in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_build_with_source_errors_writes_nothing(built: tuple[Path, Path, dict[str, str]]) -> None:
    workspace, out, before = built
    path = workspace / ITEM_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("method: 主动", "method: 公告", 1), encoding="utf-8")
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=out.parent)
    assert result.returncode == 1, result.stderr
    assert "B601" in result.stderr and "R307" in result.stderr, result.stderr
    assert snapshot(out) == before
    assert leftovers(out) == []


def test_successful_build_leaves_no_staging(built: tuple[Path, Path, dict[str, str]]) -> None:
    workspace, out, before = built
    change_sources(workspace)
    result = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=out.parent)
    assert result.returncode == 0, result.stderr
    assert snapshot(out) != before
    assert leftovers(out) == []
