"""The reporter interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


class Reporter(Protocol):
    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None: ...

    def report(self, result: CheckResult) -> None: ...


def summary_line(result: CheckResult, lang: str) -> str:
    s = result.stats
    if lang == "en":
        return (f"checked {s['files']} files, {s['standards']} standards, {s['items']} items: "
                f"{s['errors']} errors, {s['warnings']} warnings")
    return (f"共检查 {s['files']} 个文件、{s['standards']} 个标准、{s['items']} 个事项："
            f"{s['errors']} 个错误，{s['warnings']} 个警告")
