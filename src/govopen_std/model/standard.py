"""A standard's text (general/gen-NN.yaml, domains/<d>/<d>-NN.yaml): what a GB/T 1.1-2020 document needs.

Body blocks are deliberately few: a paragraph, a list (列项), a note (注), an example (示例) and a table.
Three general standards also carry machine-readable rule blocks that the checker executes
(`coding`, `catalog_rules`, `data_elements`), so the published text and the tool cannot disagree.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc
from govopen_std.model.indicators import Indicator
from govopen_std.model.item import Item
from govopen_std.model.system import STANDARD_ID


class ListBlock(StrictModel):
    """列项; written `{list: [...]}` in YAML (the attribute is `entries` to keep the builtin name free)."""

    model_config = model_doc("列项", "列项，写作 {list: [...]}", "List", "A list (列项), written {list: [...]}")

    entries: list[str] = Field(validation_alias="list", serialization_alias="list", min_length=1, **doc(
        "列项", "列项的各项",
        "List", "The list's entries"))


class NoteBlock(StrictModel):
    model_config = model_doc("注", "注，写作 {note: ...}", "Note", "A note (注), written {note: ...}")

    note: str = Field(**doc("注", "注的文字", "Note", "The note's text"))


class ExampleBlock(StrictModel):
    model_config = model_doc("示例", "示例，写作 {example: ...}", "Example", "An example (示例), written {example: ...}")

    example: str = Field(**doc("示例", "示例的文字", "Example", "The example's text"))


class Table(StrictModel):
    model_config = model_doc("表", "表：表题、表头和各行", "Table", "A table: caption, header and rows")

    caption: str = Field(**doc("表题", "表的标题", "Caption", "The table's caption"))
    header: list[str] = Field(min_length=1, **doc("表头", "各列的标题", "Header", "Column headings"))
    rows: list[list[str]] = Field(**doc("行", "各行的单元格", "Rows", "The rows' cells"))


class TableBlock(StrictModel):
    model_config = model_doc("表块", "表，写作 {table: {...}}", "Table block", "A table, written {table: {...}}")

    table: Table = Field(**doc("表", "表的内容", "Table", "The table"))


Block = str | ListBlock | NoteBlock | ExampleBlock | TableBlock


class Clause(StrictModel):
    model_config = model_doc("条", "一个章或条：标题、正文和下级条", "Clause", "A clause: title, body and sub-clauses")

    title: str | None = Field(default=None, **doc("标题", "章或条的标题", "Title", "The clause's title"))
    body: list[Block] = Field(default=[], **doc(
        "正文", "段落、列项、注、示例和表",
        "Body", "Paragraphs, lists, notes, examples and tables"))
    clauses: list[Clause] = Field(default=[], **doc("下级条", "嵌套的下级条", "Clauses", "Nested sub-clauses"))


class Annex(StrictModel):
    model_config = model_doc(
        "附录", "附录（公开事项目录附录由 items 自动生成）",
        "Annex", "An annex (the catalog annex is generated from items)")

    title: str = Field(**doc("标题", "附录的标题", "Title", "The annex's title"))
    normative: bool = Field(default=False, **doc(
        "规范性", "是否为规范性附录（否则为资料性附录）",
        "Normative", "Whether the annex is normative (else informative)"))
    body: list[Block] = Field(default=[], **doc("正文", "附录的正文", "Body", "The annex's body"))
    clauses: list[Clause] = Field(default=[], **doc("条", "附录的条", "Clauses", "The annex's clauses"))


class NormativeReference(StrictModel):
    model_config = model_doc("规范性引用文件", "第2章列出的一个规范性引用文件", "Normative reference", "A document listed in clause 2")

    number: str = Field(**doc("标准编号", "如 GB/T 1.1—2020", "Number", "e.g. GB/T 1.1—2020"))
    title: str = Field(**doc("标准名称", "被引用文件的名称", "Title", "Title of the referenced document"))


class Term(StrictModel):
    model_config = model_doc("术语", "第3章的一个术语和定义", "Term", "A term and its definition (clause 3)")

    term: str = Field(**doc("术语", "术语", "Term", "The term"))
    en: str | None = Field(default=None, **doc("英文对应词", "术语的英文对应词", "English", "The term in English"))
    definition: str = Field(**doc("定义", "术语的定义", "Definition", "The definition"))
    note: str | None = Field(default=None, **doc("注", "术语的注", "Note", "A note to the entry"))
    source: str | None = Field(default=None, **doc("来源", "定义的来源", "Source", "Source of the definition"))


class Subject(StrictModel):
    model_config = model_doc(
        "通用公开主体", "本标准使用的通用公开主体，县级配置把它映射为本地机构",
        "Generic subject", "A generic disclosing body used by the standard; county profiles map it to a local body")

    name: str = Field(**doc("名称", "通用公开主体的名称，如 县级自然资源主管部门", "Name", "Name of the generic body"))
    description: str | None = Field(default=None, **doc("说明", "通用公开主体的说明", "Description", "What the generic body is"))


class Foreword(StrictModel):
    model_config = model_doc(
        "前言", "前言中的提出、归口、起草单位和起草人",
        "Foreword", "The foreword's proposer, owner, drafting units and drafters")

    proposer: str = Field(**doc("提出单位", "本文件的提出单位", "Proposer", "Who proposed the standard"))
    owner: str = Field(**doc("归口单位", "本文件的归口单位", "Owner", "The body responsible for the standard"))
    drafting_units: list[str] = Field(min_length=1, **doc(
        "起草单位", "本文件的起草单位",
        "Drafting units", "Units that drafted the standard"))
    drafters: list[str] = Field(default=[], **doc(
        "主要起草人", "主要起草人（未知时留空，不得编造）",
        "Drafters", "Main drafters (leave empty when unknown)"))


class CodingSegment(StrictModel):
    model_config = model_doc("编码段", "事项编码的一段", "Code segment", "One segment of the item code")

    name: str = Field(**doc("名称", "编码段的名称", "Name", "Name of the segment"))
    field: Literal["domain", "primary", "secondary", "tertiary"] = Field(**doc("对应字段", "domain、primary、secondary 或 tertiary", "Field", "domain, primary, secondary or tertiary"))
    kind: Literal["letters", "digits"] = Field(**doc("字符", "letters（字母）或 digits（数字）", "Kind", "letters or digits"))
    length: int = Field(ge=1, le=8, **doc("长度", "字符数（1–8）", "Length", "Number of characters (1–8)"))


class CodeDomain(StrictModel):
    model_config = model_doc("领域代码", "一个领域的字母代码", "Domain code", "A domain's letter code")

    code: str = Field(**doc("代码", "领域的字母代码，如 ZDBC", "Code", "The domain's letter code, e.g. ZDBC"))
    name: str = Field(**doc("领域", "领域名称", "Name", "The domain's name"))


class CodingRanges(StrictModel):
    model_config = model_doc(
        "序号区间", "省级事项和县级增补事项的二级序号区间",
        "Number ranges", "Number ranges of provincial and county-added items")

    provincial: tuple[int, int] = Field(**doc("省级区间", "省级事项的序号区间 [起, 止]", "Provincial", "Number range of provincial items [from, to]"))
    local: tuple[int, int] = Field(**doc("县级区间", "县级增补事项的序号区间 [起, 止]", "Local", "Number range of county-added items [from, to]"))


class AreaRange(StrictModel):
    model_config = model_doc(
        "子领域序号区间", "按子领域划分一级事项序号区间的领域中，一个子领域的区间",
        "Sub-domain range", "The primary-number range of one sub-domain, in a domain that splits its numbers")

    domain: str = Field(**doc("领域代码", "领域的字母代码，如 FPJZ", "Domain", "The domain's letter code, e.g. FPJZ"))
    area: str = Field(**doc("子领域", "子领域名称，如 扶贫", "Sub-domain", "The sub-domain, e.g. 扶贫"))
    primary: tuple[int, int] = Field(**doc(
        "一级序号区间", "本子领域一级事项序号的区间 [起, 止]；事项从“起”开始连续编号",
        "Primary range", "The sub-domain's primary-number range [from, to]; its items are numbered from 'from' on"))


class CodingScheme(StrictModel):
    """gen-02: the item coding rule that `govopen check` enforces (rule C406)."""

    model_config = model_doc(
        "编码规则", "gen-02 的事项编码规则，由 govopen check 执行（C406）",
        "Coding scheme", "gen-02's item coding rule, enforced by govopen check (C406)")

    separator: str = Field(**doc("分隔符", "编码段之间的分隔符", "Separator", "Separator between segments"))
    segments: list[CodingSegment] = Field(min_length=2, **doc("编码段", "各编码段", "Segments", "The code's segments"))
    domains: list[CodeDomain] = Field(**doc("领域代码", "各领域的代码", "Domains", "The domains' codes"))
    ranges: CodingRanges = Field(**doc("序号区间", "省级和县级的序号区间", "Ranges", "Provincial and local number ranges"))
    area_ranges: list[AreaRange] = Field(default=[], **doc(
        "子领域序号区间", "按子领域划分一级事项序号区间的领域及各子领域的区间（govopen check 按区间检查连续编号，C437、C438）",
        "Sub-domain ranges", "Domains whose primary numbers are split by sub-domain, and each sub-domain's range "
        "(govopen check numbers each range consecutively, C437, C438)"))

    def pattern(self) -> str:
        parts = [f"[A-Z]{{{s.length}}}" if s.kind == "letters" else f"[0-9]{{{s.length}}}" for s in self.segments]
        return "^" + self.separator.join(parts) + "$"


class CatalogRules(StrictModel):
    """gen-03: which elements every item must have, the catalog columns and forbidden placeholder text."""

    model_config = model_doc(
        "目录规则", "gen-03 的目录要素及完整性要求，由 govopen check 执行",
        "Catalog rules", "gen-03's catalog elements and completeness rules, enforced by govopen check")

    required_elements: list[str] = Field(min_length=1, **doc(
        "必备要素", "每个事项必须具备的要素",
        "Required elements", "Elements every item must have"))
    recommended_elements: list[str] = Field(default=[], **doc(
        "推荐要素", "宜具备的要素",
        "Recommended elements", "Elements an item should have"))
    columns: list[str] = Field(min_length=1, **doc("目录栏目", "公开事项目录的栏目", "Columns", "The catalog's columns"))
    placeholder_terms: list[str] = Field(default=[], **doc(
        "占位词", "不得出现在目录中的占位文字",
        "Placeholder terms", "Placeholder wording that must not appear in the catalog"))


class DataElement(StrictModel):
    """gen-10: one data element of the catalog."""

    model_config = model_doc("数据元", "gen-10 的一个数据元", "Data element", "One data element of gen-10")

    id: str = Field(**doc("标识符", "数据元的标识符", "Id", "The data element's identifier"))
    field: str = Field(**doc("字段", "对应的事项字段", "Field", "The item field it describes"))
    name: str = Field(**doc("中文名称", "数据元名称", "Name", "The data element's name"))
    definition: str = Field(**doc("定义", "数据元的定义", "Definition", "The definition"))
    type: Literal["字符型", "数值型", "日期型", "枚举型", "复合型"] = Field(**doc("数据类型", "字符型、数值型、日期型、枚举型或复合型", "Type", "Data type"))
    format: str | None = Field(default=None, **doc("表示格式", "表示格式", "Format", "Representation format"))
    value_domain: str = Field(**doc("值域", "允许的取值", "Value domain", "Allowed values"))
    obligation: Literal["必选", "可选", "条件必选"] = Field(**doc("约束", "必选、可选或条件必选", "Obligation", "Required, optional or conditional"))


class StandardText(StrictModel):
    model_config = model_doc(
        "标准文本", "一个标准的文本（general/gen-NN.yaml 或 domains/<领域>/<领域>-NN.yaml）",
        "Standard text", "The text of one standard (general/gen-NN.yaml or domains/<d>/<d>-NN.yaml)")

    id: str = Field(pattern=STANDARD_ID, **doc(
        "标准 id", "与 system.yaml 中的项目一致，如 zdbc-01",
        "Id", "Same as the project in system.yaml, e.g. zdbc-01"))
    title_en: str | None = Field(default=None, **doc(
        "英文名称", "标准的英文名称（可选）",
        "English title", "The standard's English title"))
    foreword: Foreword | None = Field(default=None, **doc(
        "前言", "前言中的提出、归口、起草单位和起草人",
        "Foreword", "The foreword's facts"))
    introduction: list[str] = Field(default=[], **doc(
        "引言", "引言的段落（可选）",
        "Introduction", "Paragraphs of the introduction"))
    scope: list[str] = Field(min_length=1, **doc(
        "范围", "第1章 范围的段落（必填）",
        "Scope", "Paragraphs of clause 1, Scope (required)"))
    normative_references: list[NormativeReference] = Field(default=[], **doc(
        "规范性引用文件", "第2章 规范性引用文件（可为空）",
        "Normative references", "Clause 2 (may be empty)"))
    terms: list[Term] = Field(default=[], **doc("术语和定义", "第3章 术语和定义（可为空）", "Terms", "Clause 3 (may be empty)"))
    subjects: list[Subject] = Field(default=[], **doc(
        "通用公开主体", "本标准使用的通用公开主体",
        "Subjects", "Generic disclosing bodies the standard uses"))
    clauses: list[Clause] = Field(default=[], **doc("技术章节", "第4章起的章和条，可嵌套", "Clauses", "Clauses from 4 on, nested"))
    annexes: list[Annex] = Field(default=[], **doc(
        "附录", "其他附录（公开事项目录附录由 items 自动生成）",
        "Annexes", "Other annexes (the catalog annex is generated)"))
    bibliography: list[str] = Field(default=[], **doc(
        "参考文献", "参考文献（另会自动列入事项引用的法规）",
        "Bibliography", "Bibliography (laws cited by items are added automatically)"))
    items: list[Item] = Field(default=[], **doc("公开事项", "本标准的公开事项目录", "Items", "The standard's disclosure items"))
    coding: CodingScheme | None = Field(default=None, **doc("编码规则", "gen-02 的事项编码规则", "Coding", "gen-02's coding rule"))
    catalog_rules: CatalogRules | None = Field(default=None, **doc(
        "目录规则", "gen-03 的目录要素及完整性要求",
        "Catalog rules", "gen-03's catalog rules"))
    data_elements: list[DataElement] = Field(default=[], **doc(
        "数据元", "gen-10 的数据元",
        "Data elements", "gen-10's data elements"))
    indicators: list[Indicator] = Field(default=[], **doc(
        "考核评价指标", "评价标准（gen-13 绩效评价指标体系、各领域考核评价）的指标体系，正文和评分都由它生成",
        "Indicators", "An evaluation standard's indicator tree (gen-13 and each domain's 考核评价); "
        "its text and the scorer both come from it"))
