"""A disclosure item (公开事项) with the six elements of 浙政办发〔2017〕82号 and the national catalog columns.

The six elements are optional in the schema on purpose: completeness is a rule of the standard
《政务公开目录编制要求》 (gen-03) and is checked from its data, so a missing element is reported as
C401 with the standard's wording rather than as a generic schema error.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from govopen_std.model.base import StrictModel, doc, model_doc, zh
from govopen_std.model.deadline import Deadline

ITEM_CODE = r"^[A-Z]{4}-[0-9]{2}-[0-9]{2}$"


class ContentElement(StrictModel):
    """One element of 公开内容; plain text in YAML means a required element (●/必选项)."""

    model_config = model_doc(
        "公开内容要素", "公开内容中的一个要素；直接写文字即为必选项（●）",
        "Content element", "One element of the disclosure content; plain text means a required element")

    # may be blank here: a blank element of an item is C401 (check.item_rules), like a missing one
    text: str = Field(**doc("要素", "公开内容要素的文字", "Text", "The element's wording"))
    required: bool = Field(default=True, **doc(
        "必选", "是否为必选项（●）；false 为可选项（○）",
        "Required", "Whether the element is required; false makes it optional"))

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class Citation(StrictModel):
    """A reference into the law registry, with article numbers where known."""

    model_config = model_doc(
        "法规引用", "引用法规库中的一部法规，可注明条款",
        "Citation", "A reference to a law in the law registry, with article numbers where known")

    law: str = Field(**doc("法规", "法规库中的法规 id，如 land-admin-law", "Law", "The law's id in the registry, e.g. land-admin-law"))
    articles: list[int | str] = Field(default=[], **doc(
        "条款", "引用的条号，如 [47] 或 [\"47\", \"第四十八条第二款\"]",
        "Articles", "Article numbers cited, e.g. [47]"))
    note: str | None = Field(default=None, **doc("注", "关于引用的说明", "Note", "A remark on the citation"))


class Channels(StrictModel):
    """公开渠道和载体: ■ required and □ optional channels, names from the vocabulary."""

    model_config = model_doc(
        "公开渠道和载体", "■必选渠道和□可选渠道，名称取自受控词表",
        "Channels", "Required (■) and optional (□) channels, names from the vocabulary")

    required: list[str] = Field(default=[], **doc("必选渠道", "■必选的公开渠道", "Required", "Required (■) channels"))
    optional: list[str] = Field(default=[], **doc("可选渠道", "□可选的公开渠道", "Optional", "Optional (□) channels"))

    def all(self) -> list[str]:
        return [*self.required, *self.optional]


class Audience(StrictModel):
    """公开对象: 全社会, or 特定群体 with who they are."""

    model_config = model_doc(
        "公开对象", "全社会，或特定群体及其范围；可直接写“全社会”",
        "Audience", "The whole society, or a specific group and who they are; may be written as plain text")

    kind: str = Field(**doc("对象", "全社会 或 特定群体", "Kind", "全社会 (the whole society) or 特定群体 (a specific group)"))
    who: str | None = Field(default=None, **doc(
        "特定群体", "特定群体的范围，如“拟征收土地所在地的村集体经济组织成员”",
        "Who", "Who the specific group is"))

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"kind": value} if isinstance(value, str) else value

    def display(self) -> str:
        return f"{self.kind}（{self.who}）" if self.who else self.kind


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Item(StrictModel):
    model_config = model_doc(
        "公开事项", "公开事项目录中的一个事项，含六要素和目录各栏",
        "Disclosure item", "One item of the disclosure catalog, with the six elements and the catalog columns")

    code: str = zh("code", "事项编码", **doc(
        "事项编码", "领域代码-一级序号-二级序号，如 ZDBC-02-01；90–99 留给县级增补",
        "Code", "Domain code, primary and secondary number, e.g. ZDBC-02-01; 90–99 are for county-added items"))
    category: list[str] = zh("category", "事项分类", min_length=1, max_length=3, **doc(
        "事项分类", "一级事项、二级事项（可有三级）",
        "Category", "Primary and secondary item (optionally a tertiary one)"))
    name: str | None = zh("name", "事项名称", default=None, **doc(
        "事项名称", "事项的名称；省略时取最末一级分类",
        "Name", "The item's name; the last category when left out"))
    area: str | None = zh("area", "子领域", default=None, **doc(
        "子领域", "子领域（仅扶贫救灾、市政服务）",
        "Area", "Sub-area (only for poverty relief and municipal services)"))
    content: list[ContentElement] = zh("content", "公开内容", default=[], **doc(
        "公开内容", "公开内容要素；字符串为必选项，{text, required: false} 为可选项",
        "Content", "Content elements; a string is required, {text, required: false} optional"))
    basis: list[Citation] = zh("basis", "公开依据", default=[], **doc(
        "公开依据", "引用法规库中的法规及条款",
        "Basis", "Laws of the registry, with articles"))
    subject: list[str] = zh("subject", "公开主体", default=[], **doc(
        "公开主体", "负责公开的机关（一个或列表），县级配置映射为本地机构",
        "Subject", "The disclosing body or bodies; county profiles map them to local bodies"))
    deadline: Deadline | None = zh("deadline", "公开时限", default=None, **doc(
        "公开时限", "公开时限原文，如“信息形成之日起20个工作日内”",
        "Deadline", "The time limit as written, e.g. 信息形成之日起20个工作日内"))
    method: str | None = zh("method", "公开方式", default=None, **doc(
        "公开方式", "主动 或 依申请",
        "Method", "主动 (proactive) or 依申请 (on request)"))
    channels: Channels = zh("channels", "公开渠道和载体", "公开渠道", default=Channels(), **doc(
        "公开渠道和载体", "■必选和□可选的公开渠道",
        "Channels", "Required and optional channels"))
    audience: Audience | None = zh("audience", "公开对象", default=None, **doc(
        "公开对象", "全社会，或特定群体及其范围",
        "Audience", "The whole society, or a specific group"))
    level: list[str] = zh("level", "公开层级", default=[], **doc(
        "公开层级", "县级、乡级等（一个或列表）",
        "Level", "County, township … (one or a list)"))
    openness: str | None = zh("openness", "五公开", default=None, **doc(
        "五公开", "决策、执行、管理、服务、结果",
        "Openness", "One of the five openness kinds: 决策 执行 管理 服务 结果"))
    note: str | None = zh("note", "备注", default=None, **doc("备注", "目录的备注栏", "Note", "The catalog's remarks column"))

    @field_validator("subject", "level", mode="before")
    @classmethod
    def one_or_many(cls, value: object) -> object:
        return _as_list(value)

    @property
    def primary(self) -> str:
        return self.category[0]

    @property
    def secondary(self) -> str | None:
        return self.category[1] if len(self.category) > 1 else None
