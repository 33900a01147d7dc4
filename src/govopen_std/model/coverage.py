"""The national coverage matrix (standards/coverage/<domain>.yaml): every item of the national 2019 基层政务公开标准指引
that maps to a pilot domain, with the govopen item(s) that cover it or the reason it is not covered, and the
Zhejiang-specific items that no national item asks for."""

from __future__ import annotations

from pydantic import Field, model_validator

from govopen_std.model.base import StrictModel, doc, model_doc


class Guideline(StrictModel):
    model_config = model_doc(
        "国家标准指引", "一份国家层面的基层政务公开标准指引（或其标准目录）",
        "National guideline", "A national 基层政务公开 guideline (or its standard catalog)")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", **doc(
        "id", "本文件内唯一的指引标识，国家事项用它引用", "Id", "The guideline's id, unique in its file"))
    title: str = Field(min_length=2, **doc("标题", "指引的标题，不带书名号", "Title", "Title, without 《》"))
    issuer: str = Field(**doc("制定机关", "制定指引的国务院部门", "Issuer", "The State Council department that issued it"))
    note: str | None = Field(default=None, **doc(
        "说明", "出处：在何处读到指引及其事项（文号、发布处）", "Note", "Where the guideline and its items were read"))


class NationalItem(StrictModel):
    model_config = model_doc(
        "国家事项", "国家标准指引中的一个公开事项及其在本标准体系中的对应",
        "National item", "An item of a national guideline and what covers it here")

    guideline: str = Field(**doc("指引", "所属指引的 id", "Guideline", "The id of its guideline"))
    category: list[str] = Field(min_length=1, max_length=3, **doc(
        "事项层级", "国家目录中的一级、二级（、三级）事项", "Category", "Its first- (second-, third-) level headings"))
    source: str = Field(min_length=2, **doc(
        "出处", "在何处读到该事项（指引文号或公开该目录的政府网站）", "Source", "Where the item was read"))
    verified: bool = Field(**doc(
        "已核实", "事项名称是否已在出处中读到；false 表示据体例推断、未见原文", "Verified",
        "Whether the item's name was read in the source; false: inferred, not seen"))
    codes: list[str] = Field(default=[], **doc(
        "对应事项", "覆盖该国家事项的本体系事项编码", "Codes", "The item codes that cover it"))
    not_covered: str | None = Field(default=None, min_length=2, **doc(
        "未覆盖理由", "不设对应事项的理由（如不属浙江试点范围、已并入某事项）", "Not covered",
        "Why no item covers it (outside Zhejiang's pilot scope, merged into another item, …)"))

    @model_validator(mode="after")
    def _covered_or_reason(self) -> NationalItem:
        # exactly one of the two: a line with both would say it is covered and that it is not
        if bool(self.codes) == (self.not_covered is not None):
            raise ValueError("须且只须写 codes（对应事项）或 not_covered（未覆盖理由）之一"
                             " / give exactly one of codes or not_covered")
        return self

    @property
    def name(self) -> str:
        return "／".join(self.category)


class Addition(StrictModel):
    model_config = model_doc(
        "浙江增设事项", "国家指引没有、浙江试点增设的事项", "Zhejiang addition",
        "An item Zhejiang's pilot adds beyond the national guideline")

    code: str = Field(**doc("事项编码", "增设事项的编码", "Code", "The added item's code"))
    note: str = Field(min_length=2, **doc("说明", "增设的理由或依据", "Note", "Why it was added"))


class CoverageMatrix(StrictModel):
    model_config = model_doc(
        "国家指引覆盖矩阵", "一个领域对国家基层政务公开标准指引的覆盖情况",
        "National coverage matrix", "How one domain covers the national guidelines")

    domain: str = Field(**doc("领域", "system.yaml 中的领域 id，如 zdbc", "Domain", "The group id in system.yaml"))
    guidelines: list[Guideline] = Field(min_length=1, **doc(
        "国家指引", "本领域对应的国家标准指引", "Guidelines", "The national guidelines of the domain"))
    items: list[NationalItem] = Field(min_length=1, **doc(
        "国家事项", "指引中的每一个公开事项", "National items", "Every item of the guidelines"))
    additions: list[Addition] = Field(default=[], **doc(
        "浙江增设", "国家指引没有的本领域事项", "Zhejiang additions", "The domain's items that no national item asks for"))
