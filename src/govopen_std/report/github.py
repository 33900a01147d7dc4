"""GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`) followed by the plain text lines."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, TextIO

from govopen_std.diagnostics import Severity
from govopen_std.report.text import TextReporter

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter:
    # `check --report` prints its table to stderr: stdout stays machine-readable
    completeness_to: ClassVar[str] = "stderr"

    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None:
        self.lang = lang
        self.stream = stream

    def report(self, result: CheckResult) -> None:
        for diag in result.diagnostics.sorted():
            props = []
            if diag.location:
                props.append(f"file={_escape_prop(diag.location.path)}")
                if diag.location.line:
                    props.append(f"line={diag.location.line},col={diag.location.col or 1}")
            props.append(f"title={_escape_prop(diag.code)}")
            self.stream.write(f"::{_LEVEL[diag.severity]} {','.join(props)}::{_escape(diag.message(self.lang))}\n")
        TextReporter(lang=self.lang, stream=self.stream).report(result)
