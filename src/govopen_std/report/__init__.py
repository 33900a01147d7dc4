"""Reporters turn a `CheckResult` into terminal or machine output. One class per format, one registry."""

from __future__ import annotations

from govopen_std.report.base import Reporter
from govopen_std.report.github import GithubReporter
from govopen_std.report.json_report import JsonReporter
from govopen_std.report.sarif import SarifReporter
from govopen_std.report.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}
