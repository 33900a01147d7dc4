"""JSON: `{"diagnostics": [...], "summary": {...}}`, one record per diagnostic (`Diagnostic.to_dict`)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


class JsonReporter:
    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None:
        self.lang = lang
        self.stream = stream

    def report(self, result: CheckResult) -> None:
        payload = {
            "diagnostics": [d.to_dict(self.lang) for d in result.diagnostics.sorted()],
            "summary": result.stats,
        }
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
