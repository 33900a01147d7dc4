"""`govopen status` as a function: options in, a `StatusResult` (report, diagnostics, written file) out.

The date comes from `--as-of`; only when it is omitted is the clock read (through the `today` argument, so
tests pass a fixed day), and the result records which one was used so the command can print it.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, ExitCode, Severity, relpath
from govopen_std.model.organization import OrganizationRegistry
from govopen_std.model.system import System
from govopen_std.progress.compute import DateSource, ProgressReport, compute_progress, unit_index

FORMATS = ("text", "json", "xlsx", "docx")
FILE_FORMATS = ("xlsx", "docx")


@dataclass(frozen=True)
class StatusOptions:
    workspace: Path | None = None
    as_of: str | None = None
    unit: str | None = None
    fmt: str = "text"
    out: Path | None = None
    lang: str = "zh"
    by: str | None = None  # the reporting body for the report's signature (default: see compute.reporting_body)


@dataclass
class StatusResult:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    report: ProgressReport | None = None
    written: Path | None = None
    usage_error: bool = False

    @property
    def exit_code(self) -> ExitCode:
        if self.usage_error:
            return ExitCode.USAGE
        return ExitCode.FINDINGS if self.diagnostics.has_errors else ExitCode.OK


def parse_as_of(text: str | None, today: Callable[[], dt.date], diags: Diagnostics) -> tuple[dt.date, DateSource]:
    if text is None:
        return today(), "clock"
    try:
        return dt.date.fromisoformat(text.strip()), "option"
    except ValueError:
        diags.emit("E911", None, value=text)
        return dt.date.min, "option"


def _inputs(workspace: Path | None, diags: Diagnostics) -> tuple[System | None, OrganizationRegistry | None]:
    """system.yaml and organizations.yaml, with their own problems only (others do not affect progress)."""
    from govopen_std.load.organizations import load_organizations
    from govopen_std.pipeline import check_workspace

    check = check_workspace(workspace)
    sources = check.sources
    mine = {relpath(p, check.workspace.root) for p in (sources.paths.system, sources.paths.organizations) if p}
    diags.extend([d for d in check.diagnostics.items
                  if d.severity >= Severity.ERROR and d.location and d.location.path in mine])
    registry = load_organizations(sources, Diagnostics())
    if sources.system is None or diags.has_errors:
        diags.emit("E913", None)
        return None, None
    return sources.system.value, registry.value if registry else None


def _units(query: str | None, system: System, registry: OrganizationRegistry | None,
           diags: Diagnostics) -> tuple[str, ...] | None:
    if query is None:
        return ()
    index = unit_index(system, registry)
    matched = index.match(query)
    if matched:
        return tuple(matched)
    close = difflib.get_close_matches(query, index.known_names(), n=1, cutoff=0.3)
    diags.add(Diagnostic.make("E912", None, unit=query, suggestion=close[0] if close else "",
                              known="、".join(index.units)))
    return None


def report_format(fmt: str, out: Path) -> str | None:
    """The report's format: as given, or (for the default `text`, which is no file format) from the suffix."""
    if fmt != "text":
        return fmt
    return {".docx": "docx", ".xlsx": "xlsx", ".json": "json"}.get(out.suffix.lower())


def _write(report: ProgressReport, opts: StatusOptions, diags: Diagnostics) -> Path | None:
    if opts.out is None:
        return None
    from govopen_std.progress.summary import report_records
    from govopen_std.progress.writers import write_report

    fmt = report_format(opts.fmt, opts.out)
    if fmt is None:
        diags.emit("E915", None, path=str(opts.out))
        return None
    try:
        return write_report(fmt, report_records(report, opts.lang), opts.out)
    except OSError as exc:
        diags.emit("E914", None, path=str(opts.out), detail=exc.strerror or str(exc))
        return None


def run_status(opts: StatusOptions, *, today: Callable[[], dt.date] = dt.date.today) -> StatusResult:
    """as-of date → system + registry → progress → (optionally) the report file."""
    result = StatusResult()
    diags = result.diagnostics
    as_of, source = parse_as_of(opts.as_of, today, diags)
    if opts.fmt in FILE_FORMATS and opts.out is None:
        diags.emit("E910", None, fmt=opts.fmt)
    if diags.has_errors:
        result.usage_error = True
        return result
    system, registry = _inputs(opts.workspace, diags)
    if system is None:
        return result
    units = _units(opts.unit, system, registry, diags)
    if units is None:
        result.usage_error = True
        return result
    result.report = compute_progress(system, registry, as_of=as_of, date_source=source, units=units,
                                     unit_query=opts.unit, reporter=opts.by)
    result.written = _write(result.report, opts, diags)
    return result
