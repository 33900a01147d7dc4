"""The standard system (system.yaml): Annex 1's projects with their group, month, responsible units and status."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel, zh

Status = Literal["预研", "立项", "起草", "征求意见", "审查", "批准", "发布", "废止"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
STANDARD_ID = r"^[a-z]{3,4}-[0-9]{2}$"  # ASCII only: ids name output files


class Subgroup(StrictModel):
    id: str
    title: str


class Group(StrictModel):
    id: str = Field(pattern=r"^[a-z]{3,8}$")
    title: str
    number: str
    code: str | None = Field(default=None, pattern=r"^[A-Z]{4}$")
    areas: list[str] = []
    subgroups: list[Subgroup] = []


class StatusChange(StrictModel):
    date: dt.date
    status: Status
    note: str | None = None


class StandardProject(StrictModel):
    id: str = Field(pattern=STANDARD_ID)
    title: str
    group: str
    subgroup: str | None = None
    month: str = zh("month", "实施时间", pattern=r"^\d{4}-(0[1-9]|1[0-2])$")
    units: list[str] = zh("units", "责任单位")
    status: Status = "起草"
    status_history: list[StatusChange] = []
    number: str | None = None
    issued: dt.date | None = None
    implemented: dt.date | None = None
    record_no: str | None = None
    ics: str | None = None
    ccs: str | None = None
    replaces: str | None = None

    @property
    def is_domain_spec(self) -> bool:
        """The domain's 公开规范 (the -00 project)."""
        return self.group != "general" and self.id.endswith("-00")


class System(StrictModel):
    title: str
    source: str | None = None
    groups: list[Group]
    standards: list[StandardProject]
