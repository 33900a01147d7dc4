"""The organisation registry (organizations.yaml): the bodies Annex 1 names as of 2017 and their successors.

Annex 1 of 浙政办发〔2017〕82号 names the responsible units as they were called in 2017 (省质监局,
省国土资源厅, 省农办, ...). The 2018 institutional reform merged or split several of them. The registry
keeps the printed name (the key every `units:` entry of system.yaml uses), the full official name,
and each successor with the date and, where only part of the work moved, which functions moved.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel

# 延续: the same body carries on (possibly with fewer or more functions); 更名: renamed only;
# 整合组建: merged into a newly formed body; 职责划入: only some functions moved to that body.
SuccessionKind = Literal["延续", "更名", "整合组建", "职责划入"]
OrgLevel = Literal["省级", "县级"]


class SourceRef(StrictModel):
    """Where a fact was checked: a public page or document, and what it confirms."""

    url: str = Field(pattern=r"^https?://")
    title: str
    date: dt.date | None = None  # publication date of the page or document
    confirms: str | None = None


class Succession(StrictModel):
    """One body that carries (part of) the 2017 body's work today."""

    name: str  # full official name, e.g. 浙江省市场监督管理局
    short: str | None = None  # the usual short form, e.g. 省市场监管局
    kind: SuccessionKind
    since: dt.date | None = None  # None for 延续 (nothing changed hands)
    functions: str | None = None  # which functions moved, when only part of the work did (职责划入)
    note: str | None = None
    sources: list[SourceRef] = []


class Organization(StrictModel):
    """A responsible unit exactly as Annex 1 prints it, with its full name and its successors."""

    name: str  # as printed in Annex 1 (the key used by system.yaml `units`)
    full_name: str
    aliases: list[str] = []  # other names in use in 2017 (省质量技术监督局 ...)
    level: OrgLevel = "省级"
    until: dt.date | None = None  # when the 2017 body ceased to exist (None: it still exists)
    successors: list[Succession] = []
    note: str | None = None
    sources: list[SourceRef] = []

    def names(self) -> list[str]:
        """Every name this body was known by in 2017."""
        return [self.name, self.full_name, *self.aliases]


class Reform(StrictModel):
    """An institutional reform that changed the bodies (e.g. 浙江省机构改革, 2018)."""

    id: str
    title: str
    approved: dt.date
    implemented: dt.date | None = None
    note: str | None = None
    sources: list[SourceRef] = []


class OrganizationRegistry(StrictModel):
    title: str
    reforms: list[Reform] = []
    organizations: list[Organization]
