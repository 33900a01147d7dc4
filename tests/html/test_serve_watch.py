"""`govopen serve` watches the sources from before its first build: an edit saved while the site is being built,
or right after the address is printed, triggers a rebuild (it used to be lost when it came before the watcher
had started, which left the preview stale until the next edit)."""

from __future__ import annotations

import threading
from pathlib import Path

from govopen_std.preview import Preview, PreviewOptions

QUIET_BATCHES = 120  # at 0.5 s per quiet interval: a generous limit, never a speed assertion


def test_an_edit_right_after_watching_starts_is_a_change(mini: Path, tmp_path: Path) -> None:
    previewer = Preview(PreviewOptions(workspace=mini, out_dir=tmp_path / "out"))
    stop = threading.Event()
    batches = previewer.changes(stop)
    try:
        source = mini / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
        source.write_text(source.read_text(encoding="utf-8") + "\n# 修改\n", encoding="utf-8")
        changed: set[str] = set()
        for _, batch in zip(range(QUIET_BATCHES), batches, strict=False):
            changed = {Path(path).name for _, path in batch}
            if changed:
                break
        assert source.name in changed
    finally:
        stop.set()


def test_quiet_sources_give_empty_batches(mini: Path, tmp_path: Path) -> None:
    previewer = Preview(PreviewOptions(workspace=mini, out_dir=tmp_path / "out"))
    stop = threading.Event()
    batches = previewer.changes(stop)
    try:
        assert next(batches) == set()  # nothing changed: the watcher only woke up
    finally:
        stop.set()
