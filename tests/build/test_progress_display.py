"""The build's progress display stays a screenful however many targets a build has (a national build has
thousands): only the newest bars stay visible, while every target is still counted in the summary table."""

from __future__ import annotations

import io

from govopen_std.report.build_report import BuildConsole


def _run_bars(console: BuildConsole, labels: list[str]) -> None:
    with console.progress() as start:
        for label in labels:
            advance = start(label, 3)
            for _ in range(3):
                advance("html")


def test_only_the_newest_bars_stay_visible() -> None:
    stream = io.StringIO()
    console = BuildConsole(lang="zh", stream=stream)
    console.visible_bars = 3
    labels = [f"3301{n:02d}:html" for n in range(1, 8)]
    _run_bars(console, labels)
    shown = stream.getvalue()
    assert all(label not in shown for label in labels[:4]), shown
    assert all(label in shown and "3/3" in shown for label in labels[4:]), shown


def test_a_small_build_shows_every_bar() -> None:
    stream = io.StringIO()
    console = BuildConsole(lang="en", stream=stream)
    labels = ["province:html", "province:docx", "330105:html", "330105:xlsx"]
    _run_bars(console, labels)
    shown = stream.getvalue()
    assert all(f"writing {label}" in shown for label in labels), shown
