"""`govopen evaluate` as a function: options in, an `EvaluateOutcome` (results, diagnostics, exit code) out.

period → workspace sources → resolved county catalogs (the build's resolution) → the store, read-only →
county by county: that county's rows only → `scorer.score_county`. The store is never written here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, ExitCode, SourceLocation
from govopen_std.evaluate.calendar import RangeProblem, WorkCalendar, official_calendar
from govopen_std.evaluate.indicator_score import IndicatorSystem
from govopen_std.evaluate.outputs import ReportWriter, sample_usage, write_checklist
from govopen_std.evaluate.period import PeriodError, parse_period
from govopen_std.evaluate.result import EvaluationResult, Period
from govopen_std.evaluate.rows import manual_values, read_county
from govopen_std.evaluate.scorer import Problems, Systems, score_county
from govopen_std.evaluate.store import STORE_NAME, open_store
from govopen_std.load.sources import Sources
from govopen_std.resolve.catalog import Catalog, CountyInfo
from govopen_std.resolve.profile import Profile

GENERAL_SYSTEM = "gen-13"  # 绩效评价指标体系: the county score (README, 评估)
COLUMN_ZH = {"formed": "信息形成（变更）日期", "published": "发布日期", "notice_end": "公示截止日期"}


@dataclass(frozen=True)
class EvaluateOptions:
    workspace: Path | None = None
    county: str | None = None       # None: every county of the workspace
    period: str = ""
    fmt: str = "text"
    lang: str = "zh"
    out: Path | None = None         # -o DIR: report DOCX + XLSX score sheet (written by the evaluation outputs)
    sample: int | None = None       # --sample N: the spot-check checklist (written by the ledger's checklist)
    seed: int | None = None


@dataclass
class EvaluateOutcome:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    results: list[EvaluationResult] = field(default_factory=list)  # kept only when no `on_result` consumer is given
    usage_error: bool = False
    evaluated: int = 0
    written: list[Path] = field(default_factory=list)  # -o: reports and score sheets; --sample: the checklist

    @property
    def exit_code(self) -> ExitCode:
        if self.usage_error:
            return ExitCode.USAGE
        return ExitCode.FINDINGS if self.diagnostics.has_errors else ExitCode.OK


def store_path(sources: Sources) -> Path:
    standards = sources.config.standards_dir if sources.config else "standards"
    return sources.workspace.root / standards / STORE_NAME


def indicator_systems(sources: Sources, diags: Diagnostics, domains: list[str]) -> Systems:
    """gen-13's indicators and each domain's 考核评价 indicators (a text of the domain's group that has any)."""
    group_of = {p.id: p.group for p in sources.system.value.standards} if sources.system else {}
    titles = {g.id: g.title for g in sources.system.value.groups} if sources.system else {}
    general: IndicatorSystem | None = None
    by_domain: dict[str, IndicatorSystem] = {}
    for located in sorted(sources.texts, key=lambda t: t.value.id):
        text = located.value
        if text.id == GENERAL_SYSTEM:
            general = list(text.indicators) or None
        elif text.indicators and (group := group_of.get(text.id)) and group not in by_domain:
            by_domain[group] = list(text.indicators)
    if general is None:
        diags.emit("V755", None, standard=GENERAL_SYSTEM)
    for domain in domains:
        if domain not in by_domain:
            diags.emit("V756", None, domain=domain)
    return Systems(general, by_domain, titles)


def _period(opts: EvaluateOptions, cal: WorkCalendar, outcome: EvaluateOutcome) -> Period | None:
    try:
        period = parse_period(opts.period)
    except PeriodError:
        outcome.diagnostics.emit("V751", SourceLocation("--period"), value=opts.period)
        return None
    if not (cal.covers(period.start) and cal.covers(period.end)):
        outcome.diagnostics.emit("V754", SourceLocation("--period"), value=period.label,
                                 first=cal.first.isoformat(), last=cal.last.isoformat())
        return None
    return period


def _overlay(base: Catalog, profile: Profile, groups: dict[str, str], levels: list[str]) -> Catalog:
    """`resolve.overlay.apply_overlay` without its subject substitution: the county's catalog as the build resolves
    it (adopted domains, local items, amendments with the stricter deadlines and channels, 不适用), but the generic
    subject names stay, since scoring never reads them; substituting them copies every item of every county (most
    of a national run's time)."""
    from govopen_std.resolve.overlay import add_local_items, adopt_domains, amend_items, mark_not_applicable

    items = adopt_domains(base.items, profile)
    items = add_local_items(items, profile, groups)
    items = amend_items(items, profile, levels)
    items = mark_not_applicable(items, profile)
    county = profile.value.county
    return Catalog(items=items, county=CountyInfo(county.code, county.name, county.city))


def _catalogs(sources: Sources, county: str | None, diags: Diagnostics) -> tuple[list[str], Iterator[Catalog]]:
    """The base's domains, and the counties' resolved catalogs one at a time, so the nation's 2,800 catalogs are
    never all in memory. Unknown counties are reported before this returns."""
    from govopen_std.resolve.catalog import resolve_province
    from govopen_std.resolve.overlay import select_profiles
    from govopen_std.resolve.profile import read_profiles

    system = sources.system.value if sources.system else None
    base = resolve_province(sources, {p.id: p.group for p in system.standards} if system else {})
    # profile problems are `govopen check`'s to report (resolve.county_rules), as in the build
    profiles = select_profiles(read_profiles(sources, Diagnostics()), (county,) if county else None, diags)
    levels = list(sources.vocabulary.value.levels) if sources.vocabulary else []
    groups = {g.code: g.id for g in system.groups if g.code} if system else {}
    catalogs = (_overlay(base, p, groups, levels) for p in profiles)
    return sorted({r.group_id for r in base.items}), catalogs


def _range_diagnostics(problems: list[RangeProblem], cal: WorkCalendar, diags: Diagnostics) -> None:
    for problem in sorted(set(problems), key=lambda p: (p.provenance, p.column)):
        diags.add(Diagnostic.make("V752", SourceLocation(problem.provenance), column=problem.column,
                                  column_zh=COLUMN_ZH.get(problem.column, problem.column), value=problem.value,
                                  first=cal.first.isoformat(), last=cal.last.isoformat()))


def _open(path: Path, diags: Diagnostics) -> sqlite3.Connection | None:
    if not path.is_file():
        diags.emit("V753", SourceLocation(str(path)), path=str(path))
        return None
    try:
        conn = open_store(path, readonly=True)
        conn.execute("SELECT 1 FROM publications LIMIT 1").fetchall()
        conn.execute("SELECT 1 FROM manual_scores LIMIT 1").fetchall()
    except sqlite3.Error as exc:
        diags.emit("V757", SourceLocation(str(path)), path=str(path), detail=str(exc))
        return None
    return conn


def evaluate_catalogs(conn: sqlite3.Connection, catalogs: Iterator[Catalog], period: Period, cal: WorkCalendar,
                      systems: Systems, diags: Diagnostics) -> Iterator[EvaluationResult]:
    """Each county in turn: only its rows are read, scored and handed on before the next one is read."""
    for catalog in catalogs:
        code = catalog.key
        rows = read_county(conn, code, period)
        if not rows.publications and not rows.interpretations and not rows.responses and not rows.spot_checks:
            diags.emit("V759", None, county=code, period=period.label)
        problems = Problems()
        yield score_county(catalog, rows, period, cal, systems, manual_values(conn, code, period), problems)
        _range_diagnostics(problems.range, cal, diags)


def run_evaluate(opts: EvaluateOptions,
                 on_result: Callable[[EvaluationResult], None] | None = None) -> EvaluateOutcome:
    """Evaluate; each county's result goes to `on_result` as soon as it is ready (else into `outcome.results`)."""
    from govopen_std.pipeline import check_workspace

    outcome = EvaluateOutcome()
    diags = outcome.diagnostics
    if opts.sample is not None:
        return _sample(opts, outcome)
    cal = official_calendar()
    period = _period(opts, cal, outcome)
    if period is None:
        outcome.usage_error = True
        return outcome
    sources = check_workspace(opts.workspace).sources
    domains, catalogs = _catalogs(sources, opts.county, diags)
    conn = _open(store_path(sources), diags)
    if diags.has_errors or conn is None:
        outcome.usage_error = True  # an unknown county or no store: nothing can be evaluated
        return outcome
    sink = on_result or outcome.results.append
    if opts.out is not None:
        reports = ReportWriter(opts.out, opts.lang, diags)
        sink = reports.wrap(sink)
        outcome.written = reports.written
    try:
        systems = indicator_systems(sources, diags, domains)
        for result in evaluate_catalogs(conn, catalogs, period, cal, systems, diags):
            sink(result)
            outcome.evaluated += 1
    finally:
        conn.close()
    return outcome


def _sample(opts: EvaluateOptions, outcome: EvaluateOutcome) -> EvaluateOutcome:
    """--sample N: the evaluator's checklist for one county (no evaluation is run)."""
    assert opts.sample is not None
    diags = outcome.diagnostics
    if not sample_usage(opts.county, opts.out, diags):
        outcome.usage_error = True
        return outcome
    assert opts.county is not None and opts.out is not None
    written = write_checklist(opts.workspace, opts.county, opts.out, opts.sample, opts.seed or 0, diags)
    if written is None:
        outcome.usage_error = True
    else:
        outcome.written.append(written)
    return outcome
