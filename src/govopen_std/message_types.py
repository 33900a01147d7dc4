"""The type of a catalogued message and the severities it may default to (messages.py builds the catalogue)."""

from __future__ import annotations

from dataclasses import dataclass

from govopen_std.diagnostics import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Message:
    severity: Severity
    zh: str
    en: str
    hint_zh: str | None = None
    hint_en: str | None = None
