"""Find the header of a catalog sheet and say what each column holds.

The header is the first row (within the first 20) that names at least three known columns; rows
above it are titles. It spans two rows when the row below carries sub-columns under group headings
(公开事项 → 一级事项/二级事项; 公开渠道和载体 → one column per channel; 公开对象 → 全社会/特定群体;
公开方式 → 主动/依申请; 公开层级 → 县级/乡级 …) and every plain column has nothing new below it
(a vertically merged cell repeats its text, a CSV leaves it empty). A data row never qualifies: its
公开内容 or 序号 differ from the heading above.
"""

from __future__ import annotations

from dataclasses import dataclass

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.interchange.cells import choice, match_channel
from govopen_std.interchange.columns import CATEGORY_SUBS, CHANNEL_MARKS, COLUMN_KEYS, GROUP_HEADERS, HEADER_ALIASES
from govopen_std.interchange.context import ImportContext
from govopen_std.interchange.grid import Cell, Grid
from govopen_std.interchange.text import key

SCAN_ROWS = 20
MIN_KNOWN = 3
MARK_GROUPS = ("channel", "audience", "method", "level", "openness")

_NAMES = {key(name): name for name in [*COLUMN_KEYS, *GROUP_HEADERS]}
_NAMES.update(HEADER_ALIASES)


@dataclass(frozen=True)
class Column:
    """Column `index` holds `field`; a mark column (channel, audience …) stands for `option`."""

    index: int
    field: str
    option: str | None = None
    ref: str = ""


@dataclass(frozen=True)
class Layout:
    first_data_row: int
    columns: tuple[Column, ...]

    def fields(self) -> set[str]:
        return {c.field for c in self.columns}


def header_name(text: str) -> str | None:
    """The documented column or group heading a header cell names, if any."""
    return _NAMES.get(key(text)) if text else None


def sub_option(group: str, text: str, ctx: ImportContext) -> str | None:
    """What a sub-column under a group heading stands for, or None when `text` is not one."""
    if group == "category":
        name = header_name(text)
        return name if name in CATEGORY_SUBS else None
    if group == "channel":
        if any(c in text for c in CHANNEL_MARKS) or len(text) > 24:
            return None
        return match_channel(text, ctx.channels) or text
    allowed = {"audience": ctx.audiences, "method": ctx.methods, "level": ctx.levels, "openness": ctx.openness}[group]
    value, problems = choice(text, allowed, group, levels=group == "level")
    return None if problems else value


def _option_anywhere(text: str, ctx: ImportContext) -> tuple[str, str] | None:
    """A single-row header cell that is itself an option (政府网站, 全社会, 主动, 县级 …)."""
    channel = match_channel(text, ctx.channels)
    if channel:
        return "channel", channel
    for group in ("audience", "method", "level", "openness"):
        option = sub_option(group, text, ctx)
        if option:
            return group, option
    return None


def find_header(grid: Grid) -> int | None:
    for r, row in enumerate(grid.rows[:SCAN_ROWS]):
        if sum(1 for cell in row if header_name(cell.text)) >= MIN_KNOWN:
            return r
    return None


def is_subheader(top: list[Cell], below: list[Cell], ctx: ImportContext) -> bool:
    found = False
    for upper, lower in zip(top, below, strict=True):
        if not lower.text or key(lower.text) == key(upper.text):
            continue
        name = header_name(upper.text)
        group = GROUP_HEADERS.get(name or "")
        if group and sub_option(group, lower.text, ctx) is not None:
            found = True
        elif name and (group is None or name in COLUMN_KEYS):
            return False  # a plain column with something new below it: a data row
        elif not name and header_name(lower.text):
            found = True
    return found


def _plain(index: int, name: str, ref: str) -> Column:
    field = COLUMN_KEYS.get(name)
    return Column(index, field if field else "name", None, ref)  # 公开事项 alone names the item


def _two_row_column(index: int, upper: Cell, lower: Cell, ctx: ImportContext) -> Column | None:
    name = header_name(upper.text)
    group = GROUP_HEADERS.get(name or "")
    if group:
        option = sub_option(group, lower.text, ctx)
        if option is not None:
            if group == "category":
                return Column(index, CATEGORY_SUBS[option], None, lower.ref)
            return Column(index, group, option, lower.ref)
    below = header_name(lower.text)
    if below:
        return _plain(index, below, lower.ref)
    return None


def _column(index: int, upper: Cell, lower: Cell | None, ctx: ImportContext) -> Column | None:
    if lower is not None and lower.text and key(lower.text) != key(upper.text):
        return _two_row_column(index, upper, lower, ctx)
    name = header_name(upper.text)
    if name:
        return _plain(index, name, upper.ref)
    found = _option_anywhere(upper.text, ctx)
    return Column(index, found[0], found[1], upper.ref) if found else None


def read_layout(grid: Grid, ctx: ImportContext, diags: Diagnostics) -> Layout | None:
    """The header of `grid`, or None (reported as I803) when the sheet has none."""
    r = find_header(grid)
    if r is None:
        diags.add(Diagnostic.make("I803", grid.location()))
        return None
    top = grid.rows[r]
    below = grid.rows[r + 1] if r + 1 < len(grid.rows) else None
    two = below is not None and is_subheader(top, below, ctx)
    columns: list[Column] = []
    seen: set[tuple[str, str | None]] = set()
    for index, upper in enumerate(top):
        lower = below[index] if two and below is not None else None
        column = _column(index, upper, lower, ctx)
        label = lower.text if lower is not None and lower.text else upper.text
        ref = lower.ref if lower is not None and lower.text else upper.ref
        if column is None or (column.field, column.option) in seen:
            if label:
                diags.add(Diagnostic.make("I804", grid.at(ref), header=label.replace("\n", "")))
            continue
        seen.add((column.field, column.option))
        columns.append(column)
    return Layout(r + (2 if two else 1), tuple(columns))
