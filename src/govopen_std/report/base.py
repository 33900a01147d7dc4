"""The reporter interface."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol, TextIO

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


class Reporter(Protocol):
    # Where `check --report` puts the completeness report: "payload" (inside the reporter's own output),
    # "stdout" (printed after it) or "stderr" (machine formats, whose stdout must stay parseable).
    completeness_to: ClassVar[str]

    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None: ...

    def report(self, result: CheckResult) -> None: ...


def plural(count: int, noun: str) -> str:
    """'1 error', '2 errors', '0 errors' (English only; Chinese has no plural)."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def summary_line(result: CheckResult, lang: str) -> str:
    s = result.stats
    if lang == "en":
        return (f"checked {plural(s['files'], 'file')}, {plural(s['standards'], 'standard')}, "
                f"{plural(s['items'], 'item')}: {plural(s['errors'], 'error')}, {plural(s['warnings'], 'warning')}")
    return (f"共检查 {s['files']} 个文件、{s['standards']} 个标准、{s['items']} 个事项："
            f"{s['errors']} 个错误，{s['warnings']} 个警告")
