"""The machine-readable rule blocks of gen-02 (`coding`), gen-03 (`catalog_rules`) and gen-10 (`data_elements`)
as tables and sentences of the standard's text, so that the published text and `govopen check` agree.

A table written in the text whose header equals a generated table's header gets the block's rows in
place of its own. Generated tables that no written table stands for, and the rule sentences, go into a
normative annex of their own at the end of the annexes.
"""

from __future__ import annotations

from dataclasses import dataclass

from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.standard import CatalogRules, CodingScheme, DataElement, StandardText

KIND_NAMES = {"letters": "大写拉丁字母A～Z", "digits": "阿拉伯数字0～9"}


@dataclass(frozen=True)
class RuleTable:
    subject: str  # what the table lays down, for the sentence that points to it
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class RuleContent:
    annex_title: str
    reference: str  # what the chapter that refers to the annex names
    tables: tuple[RuleTable, ...]
    sentences: tuple[str, ...]


def _span(first: int, last: int, width: int) -> str:
    return f"{first:0{width}d}～{last:0{width}d}"


def coding_content(scheme: CodingScheme) -> RuleContent:
    segments = RuleTable(
        "事项编码的代码段", "事项编码的代码段", ("序号", "代码段", "字符类型", "长度"),
        tuple((str(i), s.name, KIND_NAMES[s.kind], str(s.length)) for i, s in enumerate(scheme.segments, 1)),
    )
    domains = RuleTable("领域代码", "领域代码", ("领域代码", "领域名称"),
                        tuple((d.code, d.name) for d in scheme.domains))
    width = next((s.length for s in scheme.segments if s.field == "primary"), 2)
    ranges = scheme.ranges
    sentences = (
        f"事项编码的代码段之间用“{scheme.separator}”分隔。",
        f"省级标准编制的一级事项使用序号{_span(*ranges.provincial, width)}，"
        f"县（市、区）增补的一级事项使用序号{_span(*ranges.local, width)}。",
        *_area_sentences(scheme, width),
    )
    return RuleContent("事项编码规则", "事项编码的代码段、领域代码和序号分配", (segments, domains), sentences)


def _area_sentences(scheme: CodingScheme, width: int) -> tuple[str, ...]:
    """gen-02's split of a domain's primary numbers by sub-domain, one sentence per domain (as `check` enforces it)."""
    names = {d.code: d.name for d in scheme.domains}
    by_domain: dict[str, list[str]] = {}
    for declared in scheme.area_ranges:
        by_domain.setdefault(declared.domain, []).append(f"{declared.area}使用序号{_span(*declared.primary, width)}")
    return tuple(f"{names.get(code, code)}领域（{code}）按子领域划分一级事项序号：{'，'.join(parts)}；"
                 "各子领域在本区间内从起点起连续编号。" for code, parts in by_domain.items())


def catalog_content(rules: CatalogRules) -> RuleContent:
    def name(field: str) -> str:
        return ELEMENT_NAMES.get(field, (field, field))[0]

    elements = RuleTable(
        "目录要素", "目录要素与数据元的对应", ("目录要素", "数据元字段", "要素类别"),
        tuple((name(f), f, "必备要素") for f in rules.required_elements)
        + tuple((name(f), f, "推荐要素") for f in rules.recommended_elements),
    )
    columns = RuleTable("目录的栏目及其顺序", "目录栏目", ("序号", "栏目"),
                        tuple((str(i), c) for i, c in enumerate(rules.columns, 1)))
    sentences: tuple[str, ...] = ()
    if rules.placeholder_terms:
        sentences = ("目录中不应出现下列占位文字：" + "、".join(rules.placeholder_terms) + "。",)
    return RuleContent("目录编制规则", "目录要素、目录栏目和禁用的占位文字", (elements, columns), sentences)


def data_element_content(elements: list[DataElement]) -> RuleContent:
    table = RuleTable(
        "目录的数据元", "基层政务公开事项标准目录数据元",
        ("标识符", "中文名称", "字段名", "定义", "数据类型", "表示格式", "值域", "约束"),
        tuple((e.id, e.name, e.field, e.definition, e.type, e.format or "—", e.value_domain, e.obligation)
              for e in elements),
    )
    return RuleContent("数据元", "目录的数据元", (table,), ())


def rule_content(text: StandardText) -> RuleContent | None:
    """The rule block of a general standard as text, or None for a standard without one."""
    if text.coding is not None:
        return coding_content(text.coding)
    if text.catalog_rules is not None:
        return catalog_content(text.catalog_rules)
    if text.data_elements:
        return data_element_content(text.data_elements)
    return None
