"""The result of evaluating one county over one period: what the scorer returns and every report renders.

`EvaluationResult.model_dump(mode="json")` is the JSON contract of `govopen evaluate --format json` (README).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

ItemStatus = Literal["on_time", "late", "missing", "not_due", "not_applicable"]
ITEM_STATUSES: tuple[str, ...] = ("on_time", "late", "missing", "not_due", "not_applicable")
# Where an indicator's score comes from: the county's own ledger, evaluators' spot checks, or a figure entered by hand.
Evidence = Literal["ledger", "spot_check", "manual"]


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Period(_Result):
    label: str          # as given: 2018Q1, 2018H1, 2018, 2018-01-01..2018-06-30
    start: date
    end: date           # inclusive


class ItemResult(_Result):
    code: str
    name: str
    domain: str                         # domain id, e.g. zdbc
    status: ItemStatus
    days_late: int | None = None        # working days after the last day of the deadline (late only)
    publications: int = 0               # ledger rows (kind 发布) matched to the item in the period
    missing_channels: list[str] = []    # required (■) channels not used by any publication in the period
    due: date | None = None             # last day of the deadline for the first trigger in the period, if computable
    published: date | None = None       # first publication date in the period
    deadline: str = ""                  # the deadline wording that applied (county's where stricter)
    evidence: list[str] = []            # provenance of the rows behind the status: "file:sheet:row"
    spot_checked: bool = False


class IndicatorResult(_Result):
    id: str
    name: str
    weight: float
    score: float                        # points earned, 0..weight
    metric: str | None = None
    basis: Evidence = "ledger"
    ratio: float | None = None          # earned share 0..1 for a leaf
    lost: list[str] = []                # item codes (or row provenance) behind the points lost
    children: list[IndicatorResult] = []
    note: str = ""                      # why a leaf has no ratio (absent evidence) and how it was scored


class DomainResult(_Result):
    domain: str
    name: str
    score: float
    indicators: list[IndicatorResult] = []
    counts: dict[str, int] = {}         # status -> number of items


class EvaluationResult(_Result):
    county: str                         # 6-digit division code
    county_name: str
    period: Period
    score: float                        # 0..100
    indicators: list[IndicatorResult]   # the general indicator system
    domains: list[DomainResult] = []    # each domain's 考核评价
    items: list[ItemResult]
    spot_checks: int = 0                # number of spot-check observations used
