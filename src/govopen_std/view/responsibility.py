"""The responsibility list (附件1 责任清单) as a table layout, shared by its DOCX, XLSX and HTML forms.

Annex 1 prints, per group, a heading row (一、基础通用标准) and then one row per standard: the planned
month (实施时间), the project name — for 基础通用标准 split into the category (政务公开总体要求 …) and the
standard, for the domains one name over both sub-columns — and the responsible units (责任单位).
Equal neighbouring months, categories and units are merged into one cell, as the seed prints them.
Spans are computed here once, so no renderer can merge differently from another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from govopen_std.view.model import BuildView, GroupView, display_name

LABEL = "附件1"
TITLE = "基层政务公开标准化规范化试点工作责任清单"
TITLE_LINES = ["基层政务公开标准化规范化试点", "工作责任清单"]  # the line break of the printed title
HEADER = ("实施时间", "标准化项目名称", "责任单位")
LOCAL_PREFIX = "省"  # provincial bodies; the others (试点县(市、区)政府) follow after a comma, as printed


@dataclass(frozen=True)
class ListRow:
    """One standard's row. A span of 0 means the cell is merged into the one above."""

    seq: int  # 1…73 over the whole list
    standard_id: str
    title: str
    category: str | None  # 基础通用标准's sub-group; None: the title spans both sub-columns
    month: str  # YYYY-MM
    month_label: str  # 2017年12月
    units: tuple[str, ...]
    units_text: str
    month_span: int
    category_span: int
    units_span: int


@dataclass(frozen=True)
class ListGroup:
    heading: str  # 一、基础通用标准
    group_id: str
    split: bool  # the project name is split into category + standard
    rows: tuple[ListRow, ...]


def month_label(month: str) -> str:
    """2017-12 → 2017年12月 (as Annex 1 prints it)."""
    year, mon = month.split("-")
    return f"{year}年{int(mon)}月"


def units_text(units: Sequence[str]) -> str:
    """省建设厅、省国土资源厅，试点县（市、区）政府: provincial bodies with 、, then the counties after ，."""
    provincial = [u for u in units if u.startswith(LOCAL_PREFIX)]
    local = [u for u in units if not u.startswith(LOCAL_PREFIX)]
    parts = ["、".join(provincial), "、".join(local)]
    return display_name("，".join(p for p in parts if p))


def spans(values: Sequence[object]) -> list[int]:
    """Run lengths at the first row of each run of equal neighbours, 0 on the rows merged into it."""
    result = [0] * len(values)
    start = 0
    for i in range(1, len(values) + 1):
        if i == len(values) or values[i] != values[start]:
            result[start] = i - start
            start = i
    return result


def _group(group: GroupView, first_seq: int) -> ListGroup:
    standards = group.standards
    split = any(s.subgroup_title for s in standards)
    months = spans([s.month for s in standards])
    categories = spans([s.subgroup_title for s in standards]) if split else [1] * len(standards)
    units = spans([s.units for s in standards])
    rows = tuple(
        ListRow(seq=first_seq + i, standard_id=s.id, title=s.title, category=s.subgroup_title if split else None,
                month=s.month, month_label=month_label(s.month), units=s.units, units_text=units_text(s.units),
                month_span=months[i], category_span=categories[i], units_span=units[i])
        for i, s in enumerate(standards)
    )
    return ListGroup(f"{group.number}、{group.title}", group.id, split, rows)


def responsibility_list(view: BuildView) -> tuple[ListGroup, ...]:
    """The list in Annex 1's order: groups as in system.yaml, standards in system order within each."""
    groups: list[ListGroup] = []
    seq = 1
    for group in view.groups:
        if not group.standards:
            continue
        block = _group(group, seq)
        groups.append(block)
        seq += len(block.rows)
    return tuple(groups)
