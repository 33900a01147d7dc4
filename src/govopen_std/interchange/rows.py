"""Grid rows → item drafts: each data row's cells parsed into item fields, every problem located at
its cell (`catalog.xlsx!Sheet1!E12`).

Rows that are empty, or that carry one text across the whole row (a section title, a closing note),
are skipped. A blank 一级事项 continues the one above (some sheets leave it empty instead of merging).
Which standard or domain a row belongs to comes from the command line, else from the 所属标准 / 领域
columns, the item code, or the sheet's name.

For a county import every row is read, its 来源 kept in `Draft.origin`, and its problems left in
`Draft.problems`: the provincial rows of an exported county sheet are compared with the base
(`interchange.county_edits`), and only the problems of cells that differ from it matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.interchange import cells
from govopen_std.interchange.cell_checks import concrete_body, in_order, levels_from_mark, near_miss
from govopen_std.interchange.context import GroupInfo, ImportContext
from govopen_std.interchange.grid import Cell, Grid
from govopen_std.interchange.header import MARK_GROUPS, Layout
from govopen_std.interchange.text import suggestion
from govopen_std.messages import ELEMENT_NAMES

REQUIRED = ("name", "content", "basis", "subject", "deadline", "method")
EMPTY_CELLS = frozenset({"—", "——", "－", "-", "/", "／", "无"})  # how catalogs mark an empty cell


@dataclass(frozen=True)
class Target:
    """What the command line fixed for every row."""

    standard: str | None = None
    group: str | None = None
    county: bool = False


@dataclass
class Draft:
    """One row as item fields in YAML shape (without the code, which `coding` assigns)."""

    data: dict[str, Any]
    where: SourceLocation
    refs: dict[str, SourceLocation]
    standard: str | None
    group: GroupInfo | None
    sheet_code: str | None = None
    code: str = ""
    problems: list[Diagnostic] = field(default_factory=list)
    origin: str = ""  # the 来源 column (省级, 本县细化, 本县增补, 不适用), first line
    local_subjects: list[str] = field(default_factory=list)  # 公开主体 as written (local bodies, before mapping back)

    @property
    def category(self) -> list[str]:
        return list(self.data.get("category", []))


@dataclass
class _Row:
    texts: dict[str, tuple[str, str]]  # field -> (text, cell ref)
    marks: dict[str, list[tuple[str, str, str]]]  # group -> [(option, cell text, ref)]
    first_ref: str


def _collect(row: list[Cell], layout: Layout) -> _Row:
    texts: dict[str, tuple[str, str]] = {}
    marks: dict[str, list[tuple[str, str, str]]] = {}
    for column in layout.columns:
        cell = row[column.index] if column.index < len(row) else Cell("", "")
        if column.field in MARK_GROUPS and column.option is not None:
            marks.setdefault(column.field, []).append((column.option, cell.text, cell.ref))
        else:
            texts.setdefault(column.field, ("" if cell.text in EMPTY_CELLS else cell.text, cell.ref))
    return _Row(texts, marks, row[0].ref if row else "")


def is_skipped(row: list[Cell]) -> str | None:
    """The text of a title or note row (one text across the row), '' for an empty row, None for data."""
    values = {cell.text for cell in row if cell.text}
    if not values:
        return ""
    filled = sum(1 for cell in row if cell.text)
    if len(values) == 1 and (filled > 1 or len(row) > 2):
        return next(iter(values))
    return None


class RowReader:
    """Reads the data rows of one grid."""

    def __init__(self, grid: Grid, layout: Layout, ctx: ImportContext, target: Target, diags: Diagnostics) -> None:
        self.grid = grid
        self.layout = layout
        self.ctx = ctx
        self.target = target
        self.diags = diags
        self.previous_primary = ""
        self.sheet_group = ctx.group_for(grid.where.rsplit("!", 1)[-1]) if "!" in grid.where else None

    def drafts(self) -> list[Draft]:
        result = []
        for row in self.grid.rows[self.layout.first_data_row:]:
            skipped = is_skipped(row)
            if skipped is not None:
                if skipped:
                    self.diags.add(Diagnostic.make("I823", self.grid.at(row[0].ref), text=skipped[:40]))
                continue
            draft = self.read(_collect(row, self.layout))
            if draft is not None:
                result.append(draft)
        return result

    # --- one row ------------------------------------------------------------------------------------

    def text(self, row: _Row, name: str) -> str:
        return row.texts.get(name, ("", ""))[0]

    def at(self, row: _Row, name: str) -> SourceLocation:
        ref = row.texts.get(name, ("", ""))[1] or next((m[2] for m in row.marks.get(name, [])), "") or row.first_ref
        return self.grid.at(ref)

    def problem(self, draft: Draft, name: str, problem: cells.Problem, row: _Row) -> None:
        draft.problems.append(Diagnostic.make(problem.code, self.at(row, name), **problem.params))

    def read(self, row: _Row) -> Draft | None:
        category = self.category(row)
        name = self.text(row, "name") or (category[-1] if category else "")
        if not category and not name:
            self.diags.add(Diagnostic.make("I805", self.grid.at(row.first_ref), element="事项名称和事项分类",
                                           element_en="the item name and category"))
            return None
        standard, group = self.placement(row)
        draft = Draft({"category": category or [name], "name": name}, self.grid.at(row.first_ref), {},
                      standard, group, self.text(row, "code") or None,
                      origin=self.text(row, "origin").split("\n")[0].strip())
        self.fill(draft, row)
        self.require(draft, row)
        if not self.target.county:  # a county import decides per row (see the module docstring)
            self.diags.extend(draft.problems)
        return draft

    def category(self, row: _Row) -> list[str]:
        primary = self.text(row, "primary")
        if not primary and "primary" in self.layout.fields():
            primary = self.previous_primary
        self.previous_primary = primary or self.previous_primary
        levels = [primary, self.text(row, "secondary"), self.text(row, "tertiary")]
        return [level.replace("\n", "") for level in levels if level]

    def placement(self, row: _Row) -> tuple[str | None, GroupInfo | None]:
        """The row's standard (None for a county item without one) and domain."""
        standard = self.target.standard or self.text(row, "standard") or None
        if standard is not None and standard not in self.ctx.standards:
            self.diags.add(Diagnostic.make("I816", self.at(row, "standard"), standard=standard,
                                           suggestion=suggestion(standard, sorted(self.ctx.standards))))
            return None, None
        if standard is not None:
            return standard, self.ctx.group_of_standard(standard)
        return None, self.group(row)

    def group(self, row: _Row) -> GroupInfo | None:
        if self.target.group:
            return self.ctx.groups.get(self.target.group)
        written = self.text(row, "domain")
        if written:
            found = self.ctx.group_for(written)
            if found is None:
                self.diags.add(Diagnostic.make("I817", self.at(row, "domain"), value=written))
            return found
        code = self.text(row, "code")
        return (self.ctx.group_of_code(code) if code else None) or self.sheet_group

    # --- fields -------------------------------------------------------------------------------------

    def fill(self, draft: Draft, row: _Row) -> None:
        data, ctx = draft.data, self.ctx
        for name in ("content", "basis", "subject", "deadline", "channels", "audience", "method", "level",
                     "openness", "area", "note", "code", "name", "origin"):
            draft.refs[name] = self.at(row, name)
        draft.refs["category"] = self.at(row, "primary")
        text = self.text
        if text(row, "content"):
            data["content"] = cells.parse_content(text(row, "content"))
        if text(row, "basis"):
            data["basis"], found = cells.parse_basis(text(row, "basis"), ctx.laws)
            for p in found:
                self.problem(draft, "basis", p, row)
        if text(row, "subject"):
            known = ctx.known_subjects(draft.group.id if draft.group else None)
            subjects, found = cells.parse_subjects(text(row, "subject"), known)
            # a county sheet names its local bodies; the profile maps them back to the generic subjects
            draft.local_subjects = subjects
            data["subject"] = list(dict.fromkeys(ctx.local_bodies.get(s, s) for s in subjects))
            bodies = self.concrete_bodies(subjects, known)
            for p in found:
                if p.params.get("subject") not in bodies:  # those get the I852 below instead
                    self.problem(draft, "subject", p, row)
            for body in bodies:
                self.problem(draft, "subject", cells.Problem("I852", {"subject": body}), row)
        if text(row, "deadline"):
            data["deadline"] = text(row, "deadline").replace("\n", "")
        self.fill_channels(draft, row)
        self.fill_choices(draft, row)
        self.fill_area(draft, row)
        if text(row, "note"):
            data["note"] = text(row, "note")

    def fill_channels(self, draft: Draft, row: _Row) -> None:
        channels: dict[str, list[str]] = {"required": [], "optional": []}
        if self.text(row, "channels"):
            channels, found = cells.parse_channels(self.text(row, "channels"), self.ctx.channels)
            for p in found:
                self.problem(draft, "channels", p, row)
        for option, mark, _ref in row.marks.get("channel", []):
            state = cells.mark_state(mark)
            if state in ("required", "text"):
                cells.add_channel(channels, option, required=True)
            elif state == "optional":
                cells.add_channel(channels, option, required=False)
        for option, mark, ref in row.marks.get("channel", []):
            if option not in self.ctx.channels and cells.mark_state(mark) != "blank":
                draft.problems.append(Diagnostic.make("I808", self.grid.at(ref), channel=option,
                                                      suggestion=suggestion(option, self.ctx.channels)))
        if channels["required"] or channels["optional"]:
            draft.data["channels"] = {k: v for k, v in channels.items() if v}

    def marked(self, row: _Row, group: str) -> tuple[list[str], dict[str, str]]:
        """Options whose mark cell is ticked, and texts written in mark cells (特定群体: 村民)."""
        chosen: list[str] = []
        texts: dict[str, str] = {}
        for option, mark, _ref in row.marks.get(group, []):
            state = cells.mark_state(mark)
            if state in ("required", "optional", "text"):
                chosen.append(option)
            if state == "text":
                texts[option] = mark
        return chosen, texts

    def fill_choices(self, draft: Draft, row: _Row) -> None:
        ctx, data, text = self.ctx, draft.data, self.text
        if text(row, "method"):
            data["method"], found = cells.parse_method(text(row, "method"), ctx.methods)
            for p in found:
                self.problem(draft, "method", p, row)
        elif chosen := self.marked(row, "method")[0]:
            data["method"] = self.one_of(draft, row, "method", "公开方式", chosen, prefer="主动")
        if text(row, "audience"):
            data["audience"], found = cells.parse_audience(text(row, "audience"), ctx.audiences)
            for p in found:
                self.problem(draft, "audience", p, row)
        else:
            chosen, texts = self.marked(row, "audience")
            if chosen:
                kind = self.one_of(draft, row, "audience", "公开对象", chosen, prefer="全社会")
                who = texts.get(kind, "")
                data["audience"] = {"kind": kind, "who": who} if who else kind
        if data.get("audience") == "特定群体":  # ticked or written without the group: never silently
            draft.problems.append(Diagnostic.make("I851", self.mark_at(row, "audience", "特定群体")))
        if text(row, "level"):
            data["level"], found = cells.parse_levels(text(row, "level"), ctx.levels)
            for p in found:
                self.problem(draft, "level", p, row)
        elif chosen := self.marked_levels(draft, row):
            data["level"] = chosen
        if text(row, "openness"):
            data["openness"], found = cells.choice(text(row, "openness"), ctx.openness, "五公开")
            for p in found:
                self.problem(draft, "openness", p, row)
        elif chosen := self.marked(row, "openness")[0]:
            data["openness"] = self.one_of(draft, row, "openness", "五公开", chosen, prefer=chosen[0])

    def mark_at(self, row: _Row, group: str, option: str) -> SourceLocation:
        """The mark cell of `option` in `group` (the 特定群体 column), else the field's cell."""
        ref = next((r for o, _mark, r in row.marks.get(group, []) if o == option), "")
        return self.grid.at(ref) if ref else self.at(row, group)

    def marked_levels(self, draft: Draft, row: _Row) -> list[str]:
        """Levels of the ticked 公开层级 columns, plus every level a mark cell names in text ('乡、村级')."""
        values: list[str] = []
        for option, mark, ref in row.marks.get("level", []):
            found, problem = levels_from_mark(option, mark, self.ctx.levels)
            values += found
            if problem is not None:
                draft.problems.append(Diagnostic.make(problem.code, self.grid.at(ref), **problem.params))
        return in_order(values, self.ctx.levels)

    def concrete_bodies(self, subjects: list[str], known: list[str]) -> list[str]:
        """Undeclared subjects that name a concrete body (市住房和城乡建设局), in a provincial import: an I852 each,
        and never declared as a generic subject of the domain (importer._new_subjects)."""
        if self.target.county:
            return []
        # a near miss of a declared subject (县自然资源局) is a misspelling: its I809 names the right one
        return [s for s in subjects if s not in known and concrete_body(s) and not near_miss(s, known)]

    def one_of(self, draft: Draft, row: _Row, name: str, label: str, chosen: list[str], *, prefer: str) -> str:
        """One value from several ticked marks; more than one is a warning (I811)."""
        if len(chosen) == 1:
            return chosen[0]
        value = prefer if prefer in chosen else chosen[0]
        self.problem(draft, name, cells.Problem("I811", {"field": label, "first": chosen[0], "second": chosen[1],
                                                         "chosen": value}), row)
        return value

    def fill_area(self, draft: Draft, row: _Row) -> None:
        area = self.text(row, "area")
        group = draft.group
        if not area and group is not None and group.areas:
            sheet = self.grid.where.rsplit("!", 1)[-1]
            area = next((a for a in group.areas if a in sheet), "")  # a sheet per area (扶贫, 救灾)
        if not area:
            return
        draft.data["area"] = area
        if group is not None and group.areas and area not in group.areas:
            self.problem(draft, "area", cells.Problem("I818", {"area": area, "domain": group.title,
                                                               "allowed": "、".join(group.areas)}), row)

    def require(self, draft: Draft, row: _Row) -> None:
        for name in REQUIRED:
            if not draft.data.get(name):
                zh, en = ELEMENT_NAMES.get(name, (name, name))
                self.problem(draft, name, cells.Problem("I805", {"element": zh, "element_en": en}), row)
        deadline = draft.data.get("deadline")
        if deadline:
            from govopen_std.model.deadline import parse_deadline

            if not parse_deadline(deadline):
                self.problem(draft, "deadline", cells.Problem("I812", {"text": deadline}), row)


def read_drafts(grid: Grid, layout: Layout, ctx: ImportContext, target: Target, diags: Diagnostics) -> list[Draft]:
    return RowReader(grid, layout, ctx, target, diags).drafts()
