"""Plain text: `path:line:col: 严重级别 CODE 消息`, an indented hint, then a summary line."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

from govopen_std.diagnostics import Diagnostic
from govopen_std.report.base import summary_line

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


def format_line(diag: Diagnostic, lang: str) -> str:
    where = str(diag.location) if diag.location else "govopen"
    return f"{where}: {diag.severity.label(lang)} {diag.code} {diag.message(lang)}"


class TextReporter:
    # `check --report` prints its table after the diagnostics, on the same stream
    completeness_to: ClassVar[str] = "stdout"

    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None:
        self.lang = lang
        self.stream = stream
        self.color = color

    def report(self, result: CheckResult) -> None:
        hint_label = "提示" if self.lang == "zh" else "hint"
        for diag in result.diagnostics.sorted():
            self.stream.write(format_line(diag, self.lang) + "\n")
            hint = diag.hint(self.lang)
            if hint:
                self.stream.write(f"    {hint_label}：{hint}\n" if self.lang == "zh" else f"    {hint_label}: {hint}\n")
        self.stream.write(summary_line(result, self.lang) + "\n")
