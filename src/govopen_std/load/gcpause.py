"""Pausing Python's cyclic garbage collector while one file's objects are built.

Loading builds millions of small, acyclic objects (dicts, lists, position tuples, models) that live
until the check ends. CPython's collector runs every 700 allocations and, as the heap grows, keeps
re-traversing everything built so far; on the 11,800-item throughput corpus that was about a third of
a cold check's CPU time, and none of it ever found garbage. With the collector paused per file, the
allocations of a whole file count as one young collection when it resumes, so full collections become
rare while cyclic garbage (if some part ever made any) is still collected between files.

Resuming after a whole workspace was loaded still costs one collection over everything loaded (~0.4 s of
CPU on that corpus, and it finds nothing to free but a few exception frames). A one-shot process (the
plain `govopen check` of `cli.main`, through `commands.check_fast.run(one_shot=True)`, exits when the
check ends) declares itself with `one_shot()`: `gc_paused(keep=True)` then moves what is alive when the
block ends out of the collector's reach (`gc.freeze`) instead of having it traversed; garbage made later
is collected as ever. Library callers (tests, `serve`) are not one-shot and keep the ordinary behaviour.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_ONE_SHOT = False


def one_shot() -> None:
    """This process ends when its command does: what `gc_paused(keep=True)` blocks load is kept for its
    lifetime, so it need not be traversed when the collector resumes."""
    global _ONE_SHOT
    _ONE_SHOT = True


@contextmanager
def gc_paused(*, keep: bool = False) -> Iterator[None]:
    """Run the block with the cyclic collector off, restoring it after (nesting and callers that turned it
    off themselves are respected). With `keep` in a one-shot process, everything alive when the block ends
    is frozen (left out of every later collection) before the collector resumes."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        if keep and _ONE_SHOT:
            gc.freeze()
        gc.enable()
