"""What `govopen build` takes from the evaluation: the ledger store as an input of every target's key, and the
results the sites show (a county's evaluation page, the province's heat map).

The key covers the store's content (its bytes, and a `-wal` file beside it when SQLite left one), so a changed
ledger rebuilds the sites and an unchanged one does not. Hashing a large ledger at every build would cost
seconds, so the content digest is remembered in the user cache under the file's path, size and modification
time; any write to the store changes those, and then the bytes are hashed again.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_std.evaluate.store import STORE_NAME, open_store

if TYPE_CHECKING:  # pydantic loads only when there is a ledger: an unchanged build is answered without it
    from govopen_std.evaluate.result import EvaluationResult, Period

DIGEST_KIND = "ledger-digest"
_CHUNK = 1 << 20


def ledger_file(root: Path, standards_dir: str) -> Path:
    """Where the workspace's ledger store is (README: 公开台账), whether or not it exists."""
    return root / standards_dir / STORE_NAME


def _content_digest(paths: Sequence[Path]) -> str:
    h = hashlib.blake2b(digest_size=20)
    for path in paths:
        h.update(path.name.encode() + b"\0")
        with open(path, "rb") as file:
            while chunk := file.read(_CHUNK):
                h.update(chunk)
    return h.hexdigest()


def ledger_digest(path: Path, store: Any = None) -> str:
    """A digest of the store's content; "" when there is no store. `store` (a load.cache.Store) remembers it."""
    parts = [p for p in (path, path.with_name(path.name + "-wal")) if p.is_file()]
    if not parts or parts[0] != path:
        return ""
    try:
        stats = [p.stat() for p in parts]
        memo_key = hashlib.blake2b(repr([(str(p.resolve()), s.st_size, s.st_mtime_ns, s.st_ino)
                                         for p, s in zip(parts, stats, strict=True)]).encode(),
                                   digest_size=20).hexdigest()
        remembered = store.get(DIGEST_KIND, memo_key) if store is not None else None
        if isinstance(remembered, str):
            return remembered
        found = _content_digest(parts)
    except OSError:
        return "unreadable"
    if store is not None:
        store.put(DIGEST_KIND, memo_key, found)
    return found


def workspace_ledger_digest(workspace: Any, store: Any = None) -> str:
    """`ledger_digest` of a workspace (a load.discover.Workspace) before it is loaded (an unchanged build)."""
    from govopen_std.load.memo import workspace_settings

    found = workspace_settings(workspace, store)
    return ledger_digest(ledger_file(workspace.root, found.standards_dir if found else "standards"), store)


def site_period(path: Path) -> Period | None:
    """The period the sites show: the calendar year of the ledger's latest publication; None for an empty store."""
    if not path.is_file():
        return None
    try:
        conn = open_store(path, readonly=True)
    except sqlite3.Error:
        return None
    try:
        latest = conn.execute("SELECT max(published) FROM publications").fetchone()[0]
    except sqlite3.Error:  # not a ledger store (the ledger commands report that); the sites show no evaluation
        return None
    finally:
        conn.close()
    if not latest:
        return None
    from govopen_std.evaluate.result import Period

    year = int(str(latest)[:4])
    return Period(label=str(year), start=date(year, 1, 1), end=date(year, 12, 31))


def site_results(sources: Any, base: Any, path: Path) -> list[EvaluationResult]:
    """THE call site of the scorer for `govopen build`: every county's result over `site_period`, or [] when the
    workspace has no ledger, an empty one, or a period the working-day calendar does not cover.

    Every county of the workspace, whichever counties this build renders (`--county`): the province's heat map
    must not depend on which counties were built with it. The counties' catalogs are resolved as the build
    resolves them (`resolve.overlay.apply_overlay`); the scorer's own problems (a date outside the calendar,
    V752) and the profiles' problems are `govopen evaluate`'s and `govopen check`'s to report, not the build's."""
    from govopen_std.diagnostics import Diagnostics
    from govopen_std.evaluate.calendar import official_calendar
    from govopen_std.evaluate.run import evaluate_catalogs, indicator_systems
    from govopen_std.resolve.overlay import apply_overlay, select_profiles
    from govopen_std.resolve.profile import read_profiles

    profiles = {p.code: p for p in select_profiles(read_profiles(sources, Diagnostics()), None, Diagnostics())}
    period = site_period(path) if profiles else None
    cal = official_calendar()
    if period is None or not (cal.covers(period.start) and cal.covers(period.end)):
        return []
    system = sources.system.value if sources.system else None
    groups = {g.code: g.id for g in system.groups if g.code} if system else {}
    levels = list(sources.vocabulary.value.levels) if sources.vocabulary else []
    diags = Diagnostics()
    systems = indicator_systems(sources, diags, sorted({r.group_id for r in base.items}))
    catalogs = (apply_overlay(base, profiles[code], code_to_group=groups, level_order=levels) for code in sorted(profiles))
    conn = open_store(path, readonly=True)
    try:
        return list(evaluate_catalogs(conn, catalogs, period, cal, systems, diags))
    except sqlite3.Error:  # a store the ledger commands did not write; `govopen evaluate` reports it (V757)
        return []
    finally:
        conn.close()
