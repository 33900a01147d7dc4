"""Diagnostics as data: a located, coded finding that every stage collects instead of raising.

A `Diagnostic` carries a stable code, a severity, a source location (1-based line and column) and the
parameters of its message; the message text itself is rendered on demand in Chinese or English from
`messages.CATALOG`, so reporters can choose the language and tests can compare codes and positions.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class Severity(enum.IntEnum):
    """Ordered severities; `--fail-on` compares against these."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label_zh(self) -> str:
        return {Severity.INFO: "提示", Severity.WARNING: "警告", Severity.ERROR: "错误"}[self]

    @property
    def label_en(self) -> str:
        return self.name.lower()

    def label(self, lang: str) -> str:
        return self.label_zh if lang == "zh" else self.label_en

    @classmethod
    def parse(cls, text: str) -> Severity:
        aliases = {"info": cls.INFO, "warning": cls.WARNING, "error": cls.ERROR,
                   "提示": cls.INFO, "警告": cls.WARNING, "错误": cls.ERROR}
        return aliases[text.lower()]


class ExitCode(enum.IntEnum):
    """Process exit codes, documented in the README."""

    OK = 0
    FINDINGS = 1
    USAGE = 2


@dataclass(frozen=True, order=True)
class SourceLocation:
    """A 1-based position in a source file; `line`/`col` of 0 mean 'the whole file'."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col or 1}"
        return self.path


_A1_CELL = re.compile(r"([A-Z]+)([0-9]+)")
_INDEXED_CELL = re.compile(r"[A-Za-z_]+\[[0-9]+\].*")  # `rows[3].公开时限` in an imported JSON file


def path_sort_key(path: str) -> tuple[str, tuple[Any, ...]]:
    """Sort key of a location's path. A spreadsheet cell (`book.xlsx!Sheet!T10`) sorts by column, then row
    number, so T2 comes before T10 and Z9 before AA1; JSON cells by their numbers; other paths as text."""
    head, bang, ref = path.rpartition("!")
    if bang:
        if cell := _A1_CELL.fullmatch(ref):
            letters = cell.group(1)
            return (head, (0, len(letters), letters, int(cell.group(2))))
        if _INDEXED_CELL.fullmatch(ref):
            parts = re.split(r"([0-9]+)", ref)  # text at even indexes, numbers at odd ones
            return (head, (1, *(int(p) if i % 2 else p for i, p in enumerate(parts))))
    return (path, ())


@dataclass(frozen=True)
class Diagnostic:
    """One finding. `params` fill the message templates of `code` in `messages.CATALOG`."""

    code: str
    severity: Severity
    location: SourceLocation | None
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def make(cls, code: str, location: SourceLocation | None, severity: Severity | None = None, /,
             **params: Any) -> Diagnostic:
        from govopen_std.messages import default_severity

        sev = severity if severity is not None else default_severity(code)
        return cls(code=code, severity=sev, location=location, params=tuple(sorted(params.items())))

    def message(self, lang: str = "zh") -> str:
        from govopen_std.messages import render_message

        return render_message(self.code, dict(self.params), lang)

    def hint(self, lang: str = "zh") -> str | None:
        from govopen_std.messages import render_hint

        return render_hint(self.code, dict(self.params), lang)

    def sort_key(self) -> tuple[str, tuple[Any, ...], int, int, str]:
        loc = self.location or SourceLocation("")
        return (*path_sort_key(loc.path), loc.line, loc.col, self.code)

    def check_tuple(self) -> tuple[str, int, int]:
        """(code, line, col): the compact form tests assert against."""
        loc = self.location or SourceLocation("")
        return (self.code, loc.line, loc.col)

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        loc = self.location
        return {
            "code": self.code,
            "severity": self.severity.label_en,
            "message": self.message(lang),
            "hint": self.hint(lang),
            "path": loc.path if loc else None,
            "line": loc.line if loc and loc.line else None,
            "col": (loc.col or 1) if loc and loc.line else None,
        }


@dataclass
class Diagnostics:
    """An ordered collector; stages append to it and never stop at the first problem."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diag: Diagnostic) -> None:
        self.items.append(diag)

    def extend(self, diags: Diagnostics | list[Diagnostic]) -> None:
        self.items.extend(diags.items if isinstance(diags, Diagnostics) else diags)

    def emit(self, code: str, location: SourceLocation | None, **params: Any) -> None:
        self.add(Diagnostic.make(code, location, **params))

    def sorted(self) -> list[Diagnostic]:
        unique = {(d.code, d.location, d.params): d for d in self.items}
        return sorted(unique.values(), key=Diagnostic.sort_key)

    def count(self, severity: Severity) -> int:
        return sum(1 for d in self.sorted() if d.severity == severity)

    @property
    def has_errors(self) -> bool:
        return any(d.severity >= Severity.ERROR for d in self.items)

    def max_severity(self) -> Severity | None:
        return max((d.severity for d in self.items), default=None)


class GovOpenError(Exception):
    """A failure that stops the run (bad usage, unusable environment); mapped to exit code 2."""

    def __init__(self, code: str, **params: Any) -> None:
        self.diagnostic = Diagnostic.make(code, None, Severity.ERROR, **params)
        super().__init__(self.diagnostic.message("en"))


def relpath(path: Path, root: Path) -> str:
    """Path as shown in diagnostics: relative to the workspace root when inside it, POSIX separators."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):  # a link out of the workspace, broken or in a loop: name the link
        try:
            return path.absolute().relative_to(root.resolve()).as_posix()
        except (ValueError, RuntimeError, OSError):
            return path.as_posix()
