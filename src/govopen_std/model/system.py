"""The standard system (system.yaml): Annex 1's projects with their group, month, responsible units and status."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc, zh

Status = Literal["预研", "立项", "起草", "征求意见", "审查", "批准", "发布", "废止"]
STATUSES: tuple[str, ...] = Status.__args__  # type: ignore[attr-defined]
STANDARD_ID = r"^[a-z]{3,4}-[0-9]{2}$"  # ASCII only: ids name output files


class Subgroup(StrictModel):
    model_config = model_doc("子分组", "分组下的子分组", "Subgroup", "A subgroup of a group")

    id: str = Field(**doc("id", "子分组的标识", "Id", "The subgroup's id"))
    title: str = Field(**doc("名称", "子分组的名称", "Title", "The subgroup's name"))


class Group(StrictModel):
    model_config = model_doc(
        "分组", "附件1的一个分组（基础通用标准或一个领域）",
        "Group", "A group of Annex 1 (general standards or one domain)")

    id: str = Field(pattern=r"^[a-z]{3,8}$", **doc(
        "id", "分组标识，如 general、zdbc",
        "Id", "The group's id, e.g. general, zdbc"))
    title: str = Field(**doc("名称", "分组名称，如 征地补偿", "Title", "The group's name"))
    number: str = Field(**doc("序号", "附件1中的序号", "Number", "Its number in Annex 1"))
    code: str | None = Field(default=None, pattern=r"^[A-Z]{4}$", **doc(
        "领域代码", "四个大写字母的领域代码，如 ZDBC",
        "Code", "Four-letter domain code, e.g. ZDBC"))
    areas: list[str] = Field(default=[], **doc("子领域", "领域的子领域", "Areas", "The domain's sub-areas"))
    subgroups: list[Subgroup] = Field(default=[], **doc("子分组", "分组下的子分组", "Subgroups", "The group's subgroups"))


class StatusChange(StrictModel):
    model_config = model_doc("状态变化", "一次有日期的状态变化", "Status change", "A dated change of status")

    date: dt.date = Field(**doc("日期", "状态变化的日期", "Date", "Date of the change"))
    status: Status = Field(**doc("状态", "变化后的状态", "Status", "The new status"))
    note: str | None = Field(default=None, **doc("说明", "说明", "Note", "A remark"))


class StandardProject(StrictModel):
    model_config = model_doc(
        "标准项目", "附件1的一个标准项目：分组、实施时间、责任单位和状态",
        "Standard project", "A standard project of Annex 1: group, month, responsible units and status")

    id: str = Field(pattern=STANDARD_ID, **doc(
        "id", "gen-NN 或 <领域>-NN；-00 是领域的公开规范",
        "Id", "gen-NN or <domain>-NN; -00 is the domain's disclosure specification"))
    title: str = Field(**doc("标准名称", "标准名称", "Title", "The standard's title"))
    group: str = Field(**doc("分组", "所属分组的 id", "Group", "Id of its group"))
    subgroup: str | None = Field(default=None, **doc("子分组", "所属子分组的 id", "Subgroup", "Id of its subgroup"))
    month: str = zh("month", "实施时间", pattern=r"^\d{4}-(0[1-9]|1[0-2])$", **doc(
        "实施时间", "附件1的计划实施时间，YYYY-MM",
        "Month", "Planned month from Annex 1, YYYY-MM"))
    units: list[str] = zh("units", "责任单位", **doc(
        "责任单位", "附件1所列的责任单位",
        "Units", "Responsible units as Annex 1 names them"))
    status: Status = Field(default="起草", **doc("状态", "预研、立项、起草、征求意见、审查、批准、发布或废止", "Status", "The project's stage"))
    status_history: list[StatusChange] = Field(default=[], **doc(
        "状态记录", "有日期的状态变化，如 [{date: 2018-03-23, status: 征求意见}]",
        "Status history", "Dated status changes"))
    number: str | None = Field(default=None, **doc(
        "标准编号", "发布后的编号，如 DB33/T 2361—2021（“—”为 U+2014）",
        "Number", "Number once published, e.g. DB33/T 2361—2021"))
    issued: dt.date | None = Field(default=None, **doc("发布日期", "发布日期", "Issued", "Date of issue"))
    implemented: dt.date | None = Field(default=None, **doc("实施日期", "实施日期", "Implemented", "Date of implementation"))
    record_no: str | None = Field(default=None, **doc("备案号", "备案号", "Record number", "Filing number"))
    ics: str | None = Field(default=None, **doc("ICS", "国际标准分类号，如 03.080.99", "ICS", "ICS code, e.g. 03.080.99"))
    ccs: str | None = Field(default=None, **doc("CCS", "中国标准文献分类号，如 A 16", "CCS", "CCS code, e.g. A 16"))
    replaces: str | None = Field(default=None, **doc("代替", "本标准代替的标准", "Replaces", "The standard this one replaces"))

    @property
    def is_domain_spec(self) -> bool:
        """The domain's 公开规范 (the -00 project)."""
        return self.group != "general" and self.id.endswith("-00")


class Defaults(StrictModel):
    """Values every standard project inherits unless it sets its own (the cover's classification codes)."""

    model_config = model_doc(
        "默认值", "各标准项目未写时沿用的值（封面的分类号）",
        "Defaults", "Values every standard project inherits unless it sets its own (the cover's classification codes)")

    ics: str | None = Field(default=None, **doc("ICS", "各标准默认的国际标准分类号", "ICS", "Default ICS code"))
    ccs: str | None = Field(default=None, **doc("CCS", "各标准默认的中国标准文献分类号", "CCS", "Default CCS code"))


class System(StrictModel):
    model_config = model_doc(
        "标准体系", "system.yaml：附件1的标准项目及其分组",
        "Standard system", "system.yaml: the standard projects of Annex 1 and their groups")

    title: str = Field(**doc("标题", "标准体系的标题", "Title", "Title of the system"))
    source: str | None = Field(default=None, **doc("来源", "标准体系的来源文件", "Source", "The document the system comes from"))
    defaults: Defaults = Field(default=Defaults(), **doc(
        "默认值", "各标准项目沿用的默认值",
        "Defaults", "Values every project inherits"))
    groups: list[Group] = Field(**doc("分组", "附件1的分组", "Groups", "Groups of Annex 1"))
    standards: list[StandardProject] = Field(**doc("标准项目", "附件1的标准项目", "Standards", "Standard projects of Annex 1"))

    def ics_of(self, project: StandardProject) -> str | None:
        """The project's ICS code, else the system default."""
        return project.ics or self.defaults.ics

    def ccs_of(self, project: StandardProject) -> str | None:
        """The project's CCS code, else the system default."""
        return project.ccs or self.defaults.ccs
