"""Worker processes end with the process that started them (issue 14, point 4).

A `kill -9` of govopen cannot be intercepted, so its forked workers (render workers of `build --jobs N`, parse
workers of a large check) must notice on their own: the kernel sends them SIGKILL when their parent dies (Linux
`prctl(PR_SET_PDEATHSIG)`), and a watchdog thread, the fallback where prctl is missing and for a parent that died
before the call, exits as soon as the process is no longer the child of the one that started it. Imports nothing
of govopen, so every layer may use it.
"""

from __future__ import annotations

import os
import signal
import threading
import time

PR_SET_PDEATHSIG = 1  # prctl(2) option: the signal this process gets when its parent ends (linux/prctl.h)
WATCH_SECONDS = 0.5


def end_with_parent(parent: int) -> None:
    """Make this (forked) process end when the process `parent` ends, even by `kill -9`."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no libc prctl (not Linux): the watchdog alone
        pass
    threading.Thread(target=_watch, args=(parent,), name="govopen-parent-watch", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)  # the parent is gone: nothing may write into its staging folder any more
