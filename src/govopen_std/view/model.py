"""View-model types. Renderers read these and nothing else: never the YAML, never the source models' quirks.

All display strings follow the national catalog conventions: ■ required / □ optional channels,
`—` for an empty cell, laws with 《》 and their articles (第二十六条).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.model.standard import StandardText

EMPTY = "—"


def display_name(name: str) -> str:
    """A name as shown in running text: ASCII brackets become full-width （）(GB/T 15834—2011).

    The sources keep names as Annex 1 prints them in the seed (试点县(市、区)政府), so they still match the
    organisation registry and reproduce the list; every view shows 试点县（市、区）政府.
    """
    return name.replace("(", "（").replace(")", "）")


@dataclass(frozen=True)
class LawRef:
    law_id: str
    title: str  # 《…》
    articles: str  # 第二十六条、第二十八条, or ""
    number: str | None
    note: str | None = None  # the citation's note (why or where it applies)

    @property
    def display(self) -> str:
        return f"{self.title}{self.articles}"


@dataclass(frozen=True)
class LawView:
    id: str
    title: str
    short: tuple[str, ...]
    number: str | None
    rank: str
    issuer: str
    version: str | None
    date: str
    effective: str | None


@dataclass(frozen=True)
class ChannelMark:
    name: str
    required: bool

    @property
    def display(self) -> str:
        return ("■" if self.required else "□") + self.name


@dataclass(frozen=True)
class ChannelDetail:
    """A channel with the county's own carrier: its website address, new-media accounts, the places of its
    notice boards or service centres (the profile's `channels`)."""

    name: str
    detail: str  # one or more values, joined with "；"
    verified: bool = True  # False: the profile records no source for it (shown as 待核实)


@dataclass(frozen=True)
class ProvenanceView:
    """What a renderer shows about where the item comes from."""

    label: str | None  # 本县增补 / 本县细化 / 不适用 / None for a plain provincial item
    fields: dict[str, str]  # field -> "county|province path:line:col"


@dataclass(frozen=True)
class ItemRow:
    seq: int | None  # 序号 within its domain; None for an item that does not apply (it has no 序号)
    code: str
    standard_id: str
    group_id: str
    area: str | None
    primary: str
    secondary: str
    tertiary: str
    name: str
    content: tuple[tuple[str, bool], ...]
    content_text: str
    basis: tuple[LawRef, ...]
    basis_text: str
    deadline: str
    subjects: tuple[str, ...]
    subject_text: str
    channels: tuple[ChannelMark, ...]
    channels_text: str
    audience: str
    method: str
    level: str
    openness: str
    status: str  # base | amended | local | not_applicable
    reason: str | None
    provenance: ProvenanceView
    note: str | None = None  # the item's 备注
    amendment_note: str | None = None  # the county's 细化说明 (`amend: … note:`), for 本县细化 items
    channel_details: tuple[ChannelDetail, ...] = ()  # the county's carriers of the channels this item uses
    # an amended item's elements that differ from the province's standard: (element, province wording)
    province_text: tuple[tuple[str, str], ...] = ()
    unverified_subjects: tuple[str, ...] = ()  # local body names without a recorded source (shown as 待核实)

    @property
    def seq_text(self) -> str:
        return str(self.seq) if self.seq is not None else EMPTY

    @property
    def remarks(self) -> str:
        """The 备注 of a county catalog: the county's 细化说明, then any other note of the item."""
        parts = [f"本县细化说明：{self.amendment_note}"] if self.amendment_note else []
        if self.note and self.note != self.amendment_note:
            parts.append(self.note)
        return "\n".join(parts)

    def columns(self) -> list[str]:
        """The national catalog columns, in the order of gen-03 (序号 … 公开层级)."""
        return [self.seq_text, self.primary, self.secondary or EMPTY, self.content_text, self.basis_text,
                self.deadline, self.subject_text, self.channels_text, self.audience, self.method, self.level]


CATALOG_COLUMNS = ["序号", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
                   "公开渠道和载体", "公开对象", "公开方式", "公开层级"]


@dataclass(frozen=True)
class StandardView:
    id: str
    title: str
    group_id: str
    group_title: str
    subgroup_title: str | None
    month: str
    units: tuple[str, ...]
    status: str
    number: str | None
    issued: str | None
    implemented: str | None
    record_no: str | None
    ics: str | None
    ccs: str | None
    replaces: str | None
    text: StandardText | None
    items: tuple[ItemRow, ...]
    laws: tuple[LawView, ...]  # every law its items cite, in registry order
    # The title the standard is published under (征地补偿政务公开　考核评价, view/titles.py); `title` stays
    # as Annex 1 prints it (考核评价) for the responsibility list.
    full_title: str = ""

    @property
    def is_domain_spec(self) -> bool:
        return self.group_id != "general" and self.id.endswith("-00")

    @property
    def unit_labels(self) -> tuple[tuple[str, str], ...]:
        """(unit as printed, unit as displayed) pairs: the display form has full-width brackets."""
        return tuple((unit, display_name(unit)) for unit in self.units)


@dataclass(frozen=True)
class GroupView:
    id: str
    number: str
    title: str
    code: str | None
    areas: tuple[str, ...]
    subgroups: tuple[tuple[str, str], ...]  # (id, title)
    standards: tuple[StandardView, ...]
    items: tuple[ItemRow, ...]
    not_applicable: str | None = None  # a county that does not adopt this domain: its reason (不适用本领域)


@dataclass(frozen=True)
class CountyView:
    code: str
    name: str
    city: str


@dataclass(frozen=True)
class OrganizationView:
    """A responsible unit as Annex 1 prints it, with today's bodies (after the 2018 institutional reform)."""

    name: str  # as printed in 2017: 省农办
    full_name: str  # 浙江省委省政府农业和农村工作领导小组办公室
    today: tuple[str, ...]  # 浙江省农业农村厅; a partial successor as 浙江省应急管理厅（救灾职责）
    changed: bool  # today's bodies differ from the 2017 body
    since: str | None  # ISO date of the change, when changed
    note: str | None

    @property
    def today_text(self) -> str:
        return "；".join(self.today)


@dataclass(frozen=True)
class BuildView:
    """Everything one target (the province, or one county) renders from."""

    title: str
    province: str
    issuer: str
    county: CountyView | None
    groups: tuple[GroupView, ...]
    standards: tuple[StandardView, ...]
    laws: tuple[LawView, ...]
    channels: tuple[str, ...]  # vocabulary order
    vocabulary: dict[str, tuple[str, ...]]
    build_date: dt.date
    extras: dict[str, object] = field(default_factory=dict)
    # The workspace's templates folder (govopen.yaml templates_dir) when it exists; renderers fall back to
    # the embedded templates for any file it does not hold.
    templates_dir: Path | None = None
    # The responsible units of the list in system order, each with today's body (organizations.yaml).
    organizations: tuple[OrganizationView, ...] = ()
    # A county's own carriers of the channels (its website address, 政务新媒体, the places of its notice boards
    # and service centres), in vocabulary order; empty for the province.
    channel_details: tuple[ChannelDetail, ...] = ()
    # The search vocabulary (synonyms.yaml): groups of words the catalog search treats as the same.
    synonyms: tuple[tuple[str, ...], ...] = ()

    @property
    def key(self) -> str:
        return self.county.code if self.county else "province"

    @property
    def items(self) -> tuple[ItemRow, ...]:
        return tuple(row for g in self.groups for row in g.items)

    @property
    def domains(self) -> tuple[GroupView, ...]:
        return tuple(g for g in self.groups if g.id != "general")

    def standard(self, standard_id: str) -> StandardView | None:
        return next((s for s in self.standards if s.id == standard_id), None)

    def organization(self, unit: str) -> OrganizationView | None:
        """Today's body for a responsible unit as printed in the list (None when not registered)."""
        return next((o for o in self.organizations if o.name == unit), None)
