"""The indicator data of an evaluation standard as ordinary tables of its text, for every renderer.

An evaluation standard (gen-13, each domain's 考核评价) carries `indicators`; its text shows them as a table
(指标编号, 一级指标, 二级指标, 分值, 评分规则, 计算方式/数据来源) made here from the data, so the text and the
scorer cannot disagree. A domain's 考核评价 also shows its items with their deadline, required channels and the
indicators that score them (`model.indicator_scope`), made from the catalog, so the text covers every item.

Where a table goes: a table written in the text whose header equals one of these headers is a slot; the view
fills it with the generated rows (rows written there are replaced). A table without a slot goes into a chapter
of its own at the end of the clauses, so the text shows the data whether or not its author placed it. The result is a new `StandardText`
made of the ordinary blocks every renderer (DOCX, HTML) already knows.
"""

from __future__ import annotations

from collections.abc import Sequence

from govopen_std.model.indicator_scope import METRIC_SOURCES, covering, points, walk
from govopen_std.model.indicators import Indicator
from govopen_std.model.standard import Block, Clause, StandardText, Table, TableBlock
from govopen_std.resolve.catalog import ResolvedItem

EMPTY = "—"
INDICATOR_HEADER: tuple[str, ...] = ("指标编号", "一级指标", "二级指标", "分值", "评分规则", "计算方式/数据来源")
ITEM_HEADER: tuple[str, ...] = ("事项编码", "事项名称", "公开时限", "必选渠道", "公开方式", "考核指标")
INDICATOR_CAPTION = "考核评价指标、分值和评分规则"
ITEM_CAPTION = "本领域公开事项的考核要求"
INDICATOR_CHAPTER = "考核评价指标"
ITEM_CHAPTER = "事项考核要求"


def score_text(value: float) -> str:
    """分值 as printed: 12, 4.5, 3.75 (no trailing zeros)."""
    return f"{round(value, 2):g}"


def indicator_rows(indicators: Sequence[Indicator]) -> list[list[str]]:
    """One row per indicator, depth first; 分值 is its share of the total 100."""
    rows: list[list[str]] = []
    top = ""
    for path, node in walk(indicators):
        if len(path) == 1:
            top = node.name
        second = EMPTY if len(path) == 1 else "／".join(_names(indicators, path)[1:])
        source = METRIC_SOURCES.get(node.metric or "", EMPTY) if not node.children else "下级指标得分之和"
        rule = node.rule or (_parent_rule(node) if node.children else EMPTY)
        rows.append([node.id, top, second, score_text(points(indicators, path)), rule, _with_params(source, node)])
    return rows


def _names(indicators: Sequence[Indicator], path: tuple[int, ...]) -> list[str]:
    names, level = [], list(indicators)
    for i in path:
        names.append(level[i].name)
        level = list(level[i].children)
    return names


def _parent_rule(node: Indicator) -> str:
    first, last = node.children[0].id, node.children[-1].id
    return f"得分为{first}的得分。" if first == last else f"得分为{first}～{last}得分之和。"


def _with_params(source: str, node: Indicator) -> str:
    days = node.params.get("days")
    return f"{source}；时限{days}个工作日" if days else source


def item_rows(indicators: Sequence[Indicator], items: Sequence[ResolvedItem]) -> list[list[str]]:
    """One row per item of the domain: its deadline, required channels and the indicators that score it."""
    rows: list[list[str]] = []
    for resolved in items:
        item = resolved.item
        ids = "、".join(leaf.id for leaf in covering(indicators, item)) or EMPTY
        if resolved.status == "not_applicable":
            ids = "本县不适用"
        rows.append([item.code, item.name or item.category[-1], item.deadline.text if item.deadline else EMPTY,
                     "、".join(item.channels.required) or EMPTY, item.method or EMPTY, ids])
    return rows


def with_indicator_tables(text: StandardText, items: Sequence[ResolvedItem] | None) -> StandardText:
    """The text with its indicator table (and, given the domain's items, its item table) filled in."""
    if not text.indicators:
        return text
    tables: dict[tuple[str, ...], list[list[str]]] = {INDICATOR_HEADER: indicator_rows(text.indicators)}
    if items is not None:
        tables[ITEM_HEADER] = item_rows(text.indicators, items)
    filled: set[tuple[str, ...]] = set()
    clauses = [_fill(clause, tables, filled) for clause in text.clauses]
    missing: list[Block] = []
    if INDICATOR_HEADER not in filled:
        missing += ["考核评价指标、分值和评分规则见下表，总分100分。",
                    _table(INDICATOR_CAPTION, INDICATOR_HEADER, tables[INDICATOR_HEADER])]
    if items is not None and ITEM_HEADER not in filled:
        missing += ["本领域各公开事项的公开时限、必选渠道和据以评分的指标见下表。",
                    _table(ITEM_CAPTION, ITEM_HEADER, tables[ITEM_HEADER])]
    if missing:
        title = INDICATOR_CHAPTER if INDICATOR_HEADER not in filled else ITEM_CHAPTER
        clauses.append(Clause(title=title, body=missing))
    return text.model_copy(update={"clauses": clauses})


def _table(caption: str, header: Sequence[str], rows: list[list[str]]) -> TableBlock:
    return TableBlock(table=Table(caption=caption, header=list(header), rows=rows))


def _fill(clause: Clause, tables: dict[tuple[str, ...], list[list[str]]], filled: set[tuple[str, ...]]) -> Clause:
    body: list[Block] = []
    changed = False
    for block in clause.body:
        header = tuple(block.table.header) if isinstance(block, TableBlock) else ()
        if header in tables:
            filled.add(header)
            body.append(_table(block.table.caption, header, tables[header]))  # type: ignore[union-attr]
            changed = True
        else:
            body.append(block)
    children = [_fill(child, tables, filled) for child in clause.clauses]
    if not changed and all(a is b for a, b in zip(children, clause.clauses, strict=True)):
        return clause
    return clause.model_copy(update={"body": body, "clauses": children})
