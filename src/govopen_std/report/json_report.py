"""JSON: `{"diagnostics": [...], "summary": {...}}`, one record per diagnostic (`Diagnostic.to_dict`), plus
`"completeness": [...]` when `check --report` asked for the completeness report."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


class JsonReporter:
    # `check --report` rows go inside the JSON payload (key "completeness"), so stdout stays JSON
    completeness_to: ClassVar[str] = "payload"

    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None:
        self.lang = lang
        self.stream = stream

    def report(self, result: CheckResult) -> None:
        payload: dict[str, Any] = {
            "diagnostics": [d.to_dict(self.lang) for d in result.diagnostics.sorted()],
            "summary": result.stats,
        }
        if result.completeness is not None:
            from govopen_std.report.completeness import completeness_records

            payload["completeness"] = completeness_records(result.completeness)
        if result.coverage is not None:
            from govopen_std.report.coverage import coverage_records

            payload["coverage"] = coverage_records(result.coverage)
        if result.county_facts is not None:
            from govopen_std.report.county_facts import county_fact_records

            payload["county_facts"] = county_fact_records(result.county_facts)
        json.dump(payload, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
