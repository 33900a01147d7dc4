"""Rules on the status history of standard projects (system.yaml `status_history`), which `govopen status` reads.

The history is dated from the earliest to the latest entry, its latest entry is the current `status`,
and a 发布 entry agrees with `issued`. A stage that goes back (审查 → 起草) is allowed and noted.

PASS::

    - {id: gen-01, ..., status: 征求意见,
       status_history: [{date: 2017-09-01, status: 起草}, {date: 2017-11-20, status: 征求意见}]}

FAIL (C426: out of order; C427: the latest entry is not the status)::

    - {id: gen-01, ..., status: 审查,
       status_history: [{date: 2017-11-20, status: 征求意见}, {date: 2017-09-01, status: 起草}]}
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.sources import Located
from govopen_std.model.system import System
from govopen_std.progress.stages import ORDER

ID = "status"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    system = ctx.sources.system
    if system is None:
        return
    for i, project in enumerate(system.value.standards):
        if project.status_history:
            yield from _history(system, i)


def _history(system: Located[System], i: int) -> Iterator[Diagnostic]:
    project = system.value.standards[i]
    history = project.status_history
    for j in range(1, len(history)):
        previous, entry = history[j - 1], history[j]
        here = system.location("standards", i, "status_history", j)
        if entry.date < previous.date:
            yield Diagnostic.make("C426", here, id=project.id, date=entry.date.isoformat(),
                                  previous=previous.date.isoformat())
        elif _rank(entry.status) < _rank(previous.status):
            yield Diagnostic.make("C429", here, id=project.id, date=entry.date.isoformat(),
                                  previous=previous.status, status=entry.status)
    latest = sorted(history, key=lambda h: h.date)[-1]  # same-day entries: the last written wins
    if latest.status != project.status:
        yield Diagnostic.make("C427", system.location("standards", i, "status"), id=project.id,
                              last=latest.status, status=project.status)
    for j, entry in enumerate(history):
        if entry.status == "发布" and project.issued is not None and entry.date != project.issued:
            yield Diagnostic.make("C428", system.location("standards", i, "status_history", j), id=project.id,
                                  date=entry.date.isoformat(), issued=project.issued.isoformat())


def _rank(status: str) -> int:
    return ORDER.index(status) if status in ORDER else len(ORDER)
