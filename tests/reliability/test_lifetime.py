"""Workers end with their parent (issue 14, point 4): `lifetime.end_with_parent` in a forked child, then the
parent is killed with SIGKILL. Both ways are tested: the kernel's PR_SET_PDEATHSIG, and the watchdog thread alone
(prctl switched off by giving it an option that does nothing)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from reliability_helpers import govopen_env

WAIT = 120  # a hang guard, not a speed assertion

SCRIPT = """
import os, sys, time
from govopen_std import lifetime
if sys.argv[1] == "watchdog":
    lifetime.PR_SET_PDEATHSIG = 0  # prctl(0, ...) fails with EINVAL and sets nothing: the watchdog alone remains
parent = os.getpid()
child = os.fork()
if child == 0:
    lifetime.end_with_parent(parent)
    print("ready", flush=True)
    time.sleep(600)
    os._exit(0)
print(child, flush=True)
time.sleep(600)
"""


def _alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


@pytest.mark.parametrize("way", ["pdeathsig", "watchdog"])
def test_a_worker_ends_when_its_parent_is_killed(way: str) -> None:
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, way], env=govopen_env(), stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        lines = {proc.stdout.readline().strip(), proc.stdout.readline().strip()}
        assert "ready" in lines, lines
        child = int(next(line for line in lines if line != "ready"))
        assert _alive(child)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=WAIT)
        deadline = time.monotonic() + WAIT
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child), f"the worker outlived its parent ({way})"
    finally:
        if proc.poll() is None:
            proc.kill()
