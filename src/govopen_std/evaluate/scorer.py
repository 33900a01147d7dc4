"""The scorer: each item of a county's resolved catalog against the ledger rows of one period.

Per item the status is on_time / late / missing / not_due / not_applicable (README, 评估): a row belongs to the
period of its publication date; the deadline is the resolved item's (a county overlay's stricter one where it
amends it); required (■) channels no publication used are listed. The indicator trees are scored from these
statuses by `evaluate.indicator_score`; `score_county` puts both together into one `EvaluationResult`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from govopen_std.evaluate.calendar import CalendarRangeError, RangeProblem, WorkCalendar
from govopen_std.evaluate.indicator_score import IndicatorSystem, Scope, score_system
from govopen_std.evaluate.result import DomainResult, EvaluationResult, ItemResult, ItemStatus, Period
from govopen_std.evaluate.rows import CountyRows, Row
from govopen_std.model.deadline import Deadline
from govopen_std.resolve.catalog import Catalog, ResolvedItem

# At most this many rows are cited as the evidence of one item (the first ones by publication date).
EVIDENCE_LIMIT = 20


@dataclass
class Judged:
    """One publication row judged against the item's deadline."""

    late_by: int = 0                  # working days late (or days a 公示 fell short), 0 when on time
    last_day: dt.date | None = None   # the deadline's last day for this row's trigger, if it has one


@dataclass
class Problems:
    range: list[RangeProblem] = field(default_factory=list)


def _date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def judge_row(row: Row, deadline: Deadline | None, cal: WorkCalendar, problems: Problems) -> Judged:
    """How late one publication is. Kinds with no last day (timely, with_event, before, unparsed wording) are on
    time once published: publication before formation is refused at import, and the event a `before` deadline
    counts back from is not in the ledger."""
    if deadline is None or row.published is None:
        return Judged()
    column = "formed"
    try:
        if deadline.kind == "within" and row.formed is not None:
            last = cal.last_day(deadline, _date(row.formed))
            column = "published"
            published = _date(row.published)
            return Judged(late_by=cal.days_late(last, published) if last is not None else 0, last_day=last)
        if deadline.kind == "at_least" and deadline.days is not None and row.notice_end is not None:
            column = "notice_end"
            span = cal.span(_date(row.published), _date(row.notice_end), working=bool(deadline.working_days))
            return Judged(late_by=max(deadline.days - span, 0))
    except CalendarRangeError:
        problems.range.append(RangeProblem(row.provenance, column, getattr(row, column) or ""))
    return Judged()


def missing_channels(required: Sequence[str], rows: Sequence[Row]) -> list[str]:
    """Required channels no row used, in the item's order."""
    used = {channel for row in rows for channel in row.channels}
    return [channel for channel in required if channel not in used]


def not_due_until(deadline: Deadline | None, pending: Sequence[Row], period: Period, cal: WorkCalendar,
                  problems: Problems) -> tuple[bool, dt.date | None]:
    """Whether a trigger inside the period had its deadline still running at the period's end (then the item is
    not yet due); with the last day where the deadline has one."""
    for row in pending:
        if deadline is None or deadline.kind != "within":
            return True, None  # no last day: publishing after the formation, as this row did, is on time
        try:
            last = cal.last_day(deadline, _date(row.formed or ""))
        except CalendarRangeError:
            problems.range.append(RangeProblem(row.provenance, "formed", row.formed or ""))
            continue
        if last is not None and last > period.end:
            return True, last
    return False, None


def score_item(resolved: ResolvedItem, rows: CountyRows, period: Period, cal: WorkCalendar,
               problems: Problems, spot_checked: set[str]) -> ItemResult:
    item = resolved.item
    pubs = rows.publications.get(item.code, [])
    common = {"code": item.code, "name": item.name or item.category[-1], "domain": resolved.group_id,
              "deadline": item.deadline.text if item.deadline else "", "publications": len(pubs),
              "spot_checked": item.code in spot_checked}
    if resolved.status == "not_applicable":
        return ItemResult(status="not_applicable", **common)
    if not pubs:
        pending = rows.pending.get(item.code, [])
        waiting, last = not_due_until(item.deadline, pending, period, cal, problems)
        status: ItemStatus = "not_due" if waiting else "missing"
        evidence = [r.provenance for r in pending[:EVIDENCE_LIMIT]] if waiting else []
        return ItemResult(status=status, due=last, evidence=evidence, **common)
    judged = [judge_row(row, item.deadline, cal, problems) for row in pubs]
    late = [(j.late_by, row.provenance) for j, row in zip(judged, pubs, strict=True) if j.late_by > 0]
    evidence = [p for _, p in late] if late else [pubs[0].provenance]
    return ItemResult(
        status="late" if late else "on_time", days_late=max(d for d, _ in late) if late else None,
        missing_channels=missing_channels(item.channels.required, pubs), due=judged[0].last_day,
        published=_date(pubs[0].published or ""), evidence=evidence[:EVIDENCE_LIMIT],
        **common)


def score_items(catalog: Catalog, rows: CountyRows, period: Period, cal: WorkCalendar,
                problems: Problems) -> list[ItemResult]:
    """Every item of the resolved catalog, in catalog order."""
    spot_checked = {row.item_code for row in rows.spot_checks}
    return [score_item(r, rows, period, cal, problems, spot_checked) for r in catalog.items]


def status_counts(items: Sequence[ItemResult]) -> dict[str, int]:
    from govopen_std.evaluate.result import ITEM_STATUSES

    return {status: sum(1 for i in items if i.status == status) for status in ITEM_STATUSES}


@dataclass(frozen=True)
class Systems:
    """The indicator systems that apply: the general one (gen-13) and each domain's, by domain id."""

    general: IndicatorSystem | None
    domains: dict[str, IndicatorSystem] = field(default_factory=dict)
    domain_names: dict[str, str] = field(default_factory=dict)


def score_county(catalog: Catalog, rows: CountyRows, period: Period, cal: WorkCalendar, systems: Systems,
                 manual: dict[str, tuple[float, str]], problems: Problems) -> EvaluationResult:
    """The county's evaluation: item statuses, the general system's indicators and score, each domain's."""
    items = score_items(catalog, rows, period, cal, problems)
    scope = Scope(items, rows, manual, cal, problems_sink=problems.range)
    indicators, total = score_system(systems.general, scope) if systems.general else ([], 0.0)
    domains = []
    for domain in sorted({i.domain for i in items}):
        in_domain = [i for i in items if i.domain == domain]
        system = systems.domains.get(domain)
        found, score = score_system(system, scope.narrowed(in_domain)) if system else ([], 0.0)
        domains.append(DomainResult(domain=domain, name=systems.domain_names.get(domain, domain), score=score,
                                    indicators=found, counts=status_counts(in_domain)))
    county = catalog.county
    return EvaluationResult(
        county=county.code if county else "", county_name=county.name if county else "", period=period,
        score=total, indicators=indicators, domains=domains, items=items, spot_checks=len(rows.spot_checks))
