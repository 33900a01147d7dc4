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

from govopen_std.model.base import StrictModel, doc, model_doc

# 延续: the same body carries on (possibly with fewer or more functions); 更名: renamed only;
# 整合组建: merged into a newly formed body; 职责划入: only some functions moved to that body.
SuccessionKind = Literal["延续", "更名", "整合组建", "职责划入"]
OrgLevel = Literal["省级", "县级"]


class SourceRef(StrictModel):
    """Where a fact was checked: a public page or document, and what it confirms."""

    model_config = model_doc(
        "核实来源", "核实某一事实所依据的公开网页或文件",
        "Source", "A public page or document a fact was checked against")

    url: str = Field(pattern=r"^https?://", **doc(
        "网址", "网页或文件的地址（http/https）",
        "URL", "Address of the page or document"))
    title: str = Field(**doc("标题", "网页或文件的标题", "Title", "Title of the page or document"))
    date: dt.date | None = Field(default=None, **doc("发布日期", "网页或文件的发布日期", "Date", "Publication date"))  # publication date of the page or document
    confirms: str | None = Field(default=None, **doc("证实内容", "该来源证实的事实", "Confirms", "What the source confirms"))


class Succession(StrictModel):
    """One body that carries (part of) the 2017 body's work today."""

    model_config = model_doc(
        "承继机构", "今天承担（部分）原机构职责的机构",
        "Successor", "A body that carries (part of) the 2017 body's work today")

    name: str = Field(**doc("机构全称", "承继机构的全称，如 浙江省市场监督管理局", "Name", "Full official name"))  # full official name, e.g. 浙江省市场监督管理局
    short: str | None = Field(default=None, **doc("简称", "常用简称，如 省市场监管局", "Short name", "Usual short name"))  # the usual short form, e.g. 省市场监管局
    kind: SuccessionKind = Field(**doc("承继方式", "延续、更名、整合组建或职责划入", "Kind", "How the work passed on"))
    since: dt.date | None = Field(default=None, **doc(
        "起始日期", "职责转移的日期（延续时留空）",
        "Since", "Date the work changed hands (empty when it carried on)"))  # None for 延续 (nothing changed hands)
    functions: str | None = Field(default=None, **doc(
        "划入职责", "只有部分职责划入时，划入的是哪些职责",
        "Functions", "Which functions moved, when only part of the work did"))  # which functions moved, when only part of the work did (职责划入)
    note: str | None = Field(default=None, **doc("说明", "说明", "Note", "A remark"))
    sources: list[SourceRef] = Field(default=[], **doc("来源", "核实来源", "Sources", "Where this was checked"))


class Organization(StrictModel):
    """A responsible unit exactly as Annex 1 prints it, with its full name and its successors."""

    model_config = model_doc(
        "责任单位", "附件1所列的责任单位（按原文名称）及其沿革",
        "Organisation", "A responsible unit as Annex 1 names it, with its successors")

    name: str = Field(**doc(
        "名称", "附件1所印名称（system.yaml 的 units 使用它）",
        "Name", "The name Annex 1 prints (used by units in system.yaml)"))  # as printed in Annex 1 (the key used by system.yaml `units`)
    full_name: str = Field(**doc("全称", "机构全称", "Full name", "Full official name"))
    aliases: list[str] = Field(default=[], **doc("别名", "2017年时使用的其他名称", "Aliases", "Other names in use in 2017"))  # other names in use in 2017 (省质量技术监督局 ...)
    level: OrgLevel = Field(default="省级", **doc("层级", "省级 或 县级", "Level", "Provincial or county level"))
    until: dt.date | None = Field(default=None, **doc(
        "撤销日期", "原机构不再存在的日期（仍存在时留空）",
        "Until", "When the body ceased to exist (empty if it still exists)"))  # when the 2017 body ceased to exist (None: it still exists)
    successors: list[Succession] = Field(default=[], **doc(
        "承继机构", "今天承担其职责的机构",
        "Successors", "The bodies that carry its work today"))
    note: str | None = Field(default=None, **doc("说明", "说明", "Note", "A remark"))
    sources: list[SourceRef] = Field(default=[], **doc("来源", "核实来源", "Sources", "Where this was checked"))

    def names(self) -> list[str]:
        """Every name this body was known by in 2017."""
        return [self.name, self.full_name, *self.aliases]


class Reform(StrictModel):
    """An institutional reform that changed the bodies (e.g. 浙江省机构改革, 2018)."""

    model_config = model_doc("机构改革", "改变机构设置的一次机构改革", "Reform", "An institutional reform that changed the bodies")

    id: str = Field(**doc("id", "机构改革的标识", "Id", "Identifier of the reform"))
    title: str = Field(**doc("名称", "机构改革的名称", "Title", "Name of the reform"))
    approved: dt.date = Field(**doc("批准日期", "方案批准日期", "Approved", "Date the plan was approved"))
    implemented: dt.date | None = Field(default=None, **doc("实施日期", "实施日期", "Implemented", "Date it was implemented"))
    note: str | None = Field(default=None, **doc("说明", "说明", "Note", "A remark"))
    sources: list[SourceRef] = Field(default=[], **doc("来源", "核实来源", "Sources", "Where this was checked"))


class OrganizationRegistry(StrictModel):
    model_config = model_doc(
        "机构库", "organizations.yaml：附件1责任单位及2018年机构改革后的名称沿革",
        "Organisation registry", "organizations.yaml: the Annex 1 units and their successors after the 2018 reform")

    title: str = Field(**doc("标题", "机构库的标题", "Title", "Title of the registry"))
    reforms: list[Reform] = Field(default=[], **doc("机构改革", "改变机构设置的机构改革", "Reforms", "The institutional reforms"))
    organizations: list[Organization] = Field(**doc("责任单位", "附件1的责任单位", "Organisations", "The responsible units of Annex 1"))
