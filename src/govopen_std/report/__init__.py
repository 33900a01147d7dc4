"""Reporters turn a `CheckResult` into terminal or machine output. One class per format, one registry."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, TextIO

from govopen_std.report.base import Reporter
from govopen_std.report.github import GithubReporter
from govopen_std.report.json_report import JsonReporter
from govopen_std.report.sarif import SarifReporter
from govopen_std.report.text import TextReporter

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult

REPORTERS: dict[str, type[Reporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
    "github": GithubReporter,
    "sarif": SarifReporter,
}


def report_check(result: CheckResult, fmt: str, *, lang: str, completeness: bool = False,
                 stdout: TextIO | None = None, stderr: TextIO | None = None) -> None:
    """Print a check result in format `fmt`. With `completeness` (`check --report`), the completeness
    report goes where the format leaves its machine output intact (see `Reporter.completeness_to`)."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    reporter = REPORTERS[fmt]
    if completeness:
        from govopen_std.report.completeness import completeness_rows
        from govopen_std.report.county_facts import county_fact_rows
        from govopen_std.report.coverage import coverage_rows

        result.completeness = completeness_rows(result)
        result.coverage = coverage_rows(result)
        result.county_facts = county_fact_rows(result)
    reporter(lang=lang, stream=out).report(result)
    if completeness and reporter.completeness_to != "payload":
        from govopen_std.report.completeness import print_completeness
        from govopen_std.report.county_facts import print_county_facts
        from govopen_std.report.coverage import print_coverage

        stream = out if reporter.completeness_to == "stdout" else err
        print_completeness(result, lang=lang, stream=stream)
        print_coverage(result.coverage or [], lang=lang, stream=stream)
        print_county_facts(result.county_facts or [], lang=lang, stream=stream)
