"""What `govopen build` shows: a rich progress bar while writing, diagnostics, and a summary table."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

from govopen_std.diagnostics import Severity
from govopen_std.report.text import format_line

if TYPE_CHECKING:
    from rich.progress import TaskID

    from govopen_std.build import BuildResult


class BuildConsole:
    # A national build has thousands of targets, each with a bar per output: older bars make way for newer
    # ones so the display stays a screenful; the summary table still lists every target.
    visible_bars = 12

    def __init__(self, *, lang: str, stream: TextIO) -> None:
        from rich.console import Console

        self.lang = lang
        self.console = Console(file=stream, width=110, highlight=False)

    @contextmanager
    def progress(self) -> Iterator[Callable[[str, int], Callable[[str], None]]]:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        bar = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                       TimeElapsedColumn(), console=self.console, transient=False)

        shown: list[TaskID] = []

        def start(label: str, total: int) -> Callable[[str], None]:
            task = bar.add_task(("生成 " if self.lang == "zh" else "writing ") + label, total=max(total, 1))
            if total == 0:
                bar.update(task, completed=1)
            shown.append(task)
            if len(shown) > self.visible_bars:
                bar.update(shown.pop(0), visible=False)
            return lambda _name: bar.advance(task)

        with bar:
            yield start

    def report(self, result: BuildResult) -> None:
        from rich.table import Table

        zh = self.lang == "zh"
        for diag in result.diagnostics.sorted():
            if diag.severity >= Severity.WARNING:
                self.console.print(format_line(diag, self.lang), markup=False)
        if not result.ok:
            return
        table = Table(title="构建结果" if zh else "Build summary")
        for h in (("目标", "target"), ("事项", "items"), ("标准", "standards"), ("文件", "files")):
            table.add_column(h[0] if zh else h[1])
        out = result.out_dir
        for key, stats in result.per_target.items():
            prefix = out if key == "province" else (out / key if out else None)
            files = stats["files"] if "files" in stats else \
                sum(1 for p in result.written if prefix and _under(p, prefix, key == "province", result))
            label = ("全省" if zh else "province") if key == "province" else key
            if stats.get("reused"):  # an incremental build left this target's outputs as they were
                label += "（未变化）" if zh else " (up to date)"
            table.add_row(label, str(stats["items"]), str(stats["standards"]), str(files))
        self.console.print(table)
        where = out.as_posix() if out else ""
        self.console.print(("输出目录：" if zh else "output: ") + where, markup=False)


def _under(path: object, prefix: object, province: bool, result: BuildResult) -> bool:
    from pathlib import Path

    assert isinstance(path, Path) and isinstance(prefix, Path)
    try:
        rel = path.relative_to(prefix)
    except ValueError:
        return False
    if not province:
        return True
    return rel.parts[0] not in result.per_target
