"""SARIF 2.1.0, for code-scanning dashboards. One rule per diagnostic code, results with regions."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from govopen_std import __version__
from govopen_std.diagnostics import Severity
from govopen_std.messages import CATALOG, describe

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


class SarifReporter:
    # `check --report` prints its table to stderr: stdout stays machine-readable
    completeness_to: ClassVar[str] = "stderr"

    def __init__(self, *, lang: str, stream: TextIO, color: bool = False) -> None:
        self.lang = lang
        self.stream = stream

    def _rules(self, codes: list[str]) -> list[dict[str, Any]]:
        rules = []
        for code in codes:
            msg = CATALOG[code]
            rules.append({
                "id": code,
                # rule texts are the message templates with a neutral filler: a rule has no finding to fill them
                "shortDescription": {"text": describe(code, "en")},
                "fullDescription": {"text": describe(code, "zh")},
                "defaultConfiguration": {"level": _LEVEL[msg.severity]},
            })
        return rules

    def _result(self, diag: Any, index: dict[str, int]) -> dict[str, Any]:
        out: dict[str, Any] = {
            "ruleId": diag.code,
            "ruleIndex": index[diag.code],
            "level": _LEVEL[diag.severity],
            "message": {"text": diag.message(self.lang)},
        }
        if diag.location:
            physical: dict[str, Any] = {"artifactLocation": {"uri": diag.location.path}}
            if diag.location.line:
                physical["region"] = {"startLine": diag.location.line, "startColumn": diag.location.col or 1}
            out["locations"] = [{"physicalLocation": physical}]
        return out

    def report(self, result: CheckResult) -> None:
        diags = result.diagnostics.sorted()
        codes = sorted({d.code for d in diags if d.code in CATALOG})
        index = {code: i for i, code in enumerate(codes)}
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "govopen", "version": __version__,
                                    "informationUri": "https://pypi.org/project/govopen/",
                                    "rules": self._rules(codes)}},
                "results": [self._result(d, index) for d in diags if d.code in index],
                "columnKind": "unicodeCodePoints",
            }],
        }
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
