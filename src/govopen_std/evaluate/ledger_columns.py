"""The columns of a publication ledger (公开台账) and of a filled spot-check checklist, and how to find their header.

Counties keep ledgers in Excel with their own spellings of the headers, title rows above the header and merged
header cells (a 日期 heading merged over 形成日期/发布日期, or a 事项名称 cell merged down over two header rows).
The header is the first row (within the first 20) that names at least three known columns; when the row below it
names further known columns where the header row is blank or a group heading, the header spans both rows. A
checklist written by `evaluate.checklist` is recognised by its 是否找到 column.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govopen_std.interchange.text import key

SCAN_ROWS = 20
MIN_KNOWN = 3

# field -> the column's documented name first, then the synonyms counties use (README: 公开台账的列)
LEDGER_FIELDS: dict[str, tuple[str, ...]] = {
    "code": ("事项编码", "事项代码", "目录编码", "标准目录编码"),
    "name": ("事项名称", "公开事项", "目录事项", "对应事项", "所属事项"),
    "title": ("信息标题", "标题", "信息名称", "文件标题", "文件名称"),
    "formed": ("信息形成（变更）日期", "信息形成日期", "形成日期", "形成（变更）日期", "形成时间", "生成时间",
               "成文日期", "产生日期", "信息生成日期"),
    "published": ("发布日期", "发布时间", "公开日期", "公开时间", "信息发布日期", "上网日期"),
    "channels": ("发布渠道", "公开渠道", "渠道", "公开渠道和载体", "发布载体", "公开载体"),
    "url": ("链接", "网址", "链接地址", "url", "网页链接", "信息链接"),
    "publisher": ("发布单位", "发布主体", "公开主体", "发布部门", "信息发布单位", "公开单位"),
    "notice_end": ("公示截止日期", "公示截止时间", "公示结束日期", "公示期满日期"),
    "related": ("关联信息", "关联政策", "关联文件", "解读对象", "对应政策"),
    "kind": ("类别", "信息类型", "信息类别", "类型"),
    "note": ("备注", "说明"),
    # what `govopen ledger export` writes for stored spot checks, so that its file imports to the same rows
    "found": ("抽查：是否找到",),
    **{f"element:{e}": (f"要素：{e}",) for e in ("名称", "依据", "内容", "主体", "时限", "方式")},
}
# A ledger must have these (the item by code or by name); the rest may be left out.
REQUIRED: tuple[str, ...] = ("item", "title", "formed", "published", "channels", "url", "publisher")
REQUIRED_LABELS = {"item": "事项编码或事项名称"}

# The spot-check checklist (evaluate.checklist writes exactly these headers).
ELEMENTS: tuple[str, ...] = ("名称", "依据", "内容", "主体", "时限", "方式")
ELEMENT_PREFIX = "要素："
CHECKLIST_FIELDS: dict[str, tuple[str, ...]] = {
    "seq": ("序号",),
    "code": ("事项编码",),
    "name": ("事项名称",),
    "domain": ("领域",),
    "required_channels": ("要求渠道",),
    "found": ("是否找到（是/否）", "是否找到"),
    "url": ("链接",),
    "published": ("发布日期",),
    **{f"element:{e}": (f"{ELEMENT_PREFIX}{e}",) for e in ELEMENTS},
    "channels": ("观察到的渠道",),
    "note": ("备注",),
}
CHECKLIST_MARKER = "found"

_LEDGER_NAMES = {key(name): f for f, names in LEDGER_FIELDS.items() for name in names}
_CHECKLIST_NAMES = {key(name): f for f, names in CHECKLIST_FIELDS.items() for name in names}


def field_label(field: str) -> str:
    """The documented header of a field, for messages."""
    if field in REQUIRED_LABELS:
        return REQUIRED_LABELS[field]
    names = LEDGER_FIELDS.get(field) or CHECKLIST_FIELDS.get(field)
    return names[0] if names else field


@dataclass(frozen=True)
class Layout:
    """Where the header is (1-based rows) and which column holds which field."""

    checklist: bool
    header_row: int
    first_data_row: int
    columns: dict[str, int]  # field -> 0-based column
    labels: dict[str, str]  # field -> the header text as written

    def missing(self) -> list[str]:
        """Required fields without a column (a checklist has fixed headers, so nothing is missing)."""
        if self.checklist:
            return [f for f in ("code", "found") if f not in self.columns]
        have = set(self.columns)
        wanted = [f for f in REQUIRED if f != "item"]
        missing = [] if {"code", "name"} & have else ["item"]
        return missing + [f for f in wanted if f not in have]


def _names(row: Sequence[str], table: dict[str, str]) -> list[str | None]:
    return [table.get(key(text)) if text else None for text in row]


def _is_checklist(row: Sequence[str]) -> bool:
    return CHECKLIST_MARKER in _names(row, _CHECKLIST_NAMES)


def find_layout(rows: Sequence[Sequence[str]]) -> Layout | None:
    """The header among the first rows of a sheet (texts), or None when no row names three known columns."""
    for r, row in enumerate(rows[:SCAN_ROWS]):
        checklist = _is_checklist(row)
        table = _CHECKLIST_NAMES if checklist else _LEDGER_NAMES
        names = _names(row, table)
        if sum(1 for n in names if n) < MIN_KNOWN:
            continue
        below = rows[r + 1] if r + 1 < len(rows) else None
        two = below is not None and _second_header_row(row, below, table)
        columns: dict[str, int] = {}
        labels: dict[str, str] = {}
        for c, text in enumerate(row):
            lower = below[c] if two and below is not None and c < len(below) else ""
            field = table.get(key(lower)) if lower and lower != text else names[c]
            if field and field not in columns:
                columns[field] = c
                labels[field] = lower if lower and lower != text and table.get(key(lower)) else text
        return Layout(checklist, r + 1, r + (3 if two else 2), columns, labels)
    return None


def _second_header_row(top: Sequence[str], below: Sequence[str], table: dict[str, str]) -> bool:
    """True when `below` continues the header: it names a known column under a blank or unknown heading (a
    group heading such as 日期 merged over its sub-columns) and repeats every known heading above or leaves it
    blank (a cell merged down over both rows). A data row never does: it has values under known headings."""
    found = False
    for c, upper in enumerate(top):
        lower = below[c] if c < len(below) else ""
        if not lower or lower == upper:
            continue
        if table.get(key(upper)):
            return False
        if table.get(key(lower)):
            found = True
    return found
