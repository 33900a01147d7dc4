"""A county's edits of provincial rows in its own exported sheet → 本县细化 (amendments) in its profile.

`govopen export --county` lists the province's items as the county sees them: its local bodies for the
generic subjects and its amendments merged in (来源 省级 / 本县细化 / 不适用). Each row is compared with
the provincial item, field by field, under the overlay rules (`resolve.county_rules`, `model.deadline`):

- stricter differences become the item's amendment: a shorter deadline (or a longer 公示期), more
  content, bases, channels or levels, an optional element or channel made required, 依申请 made 主动;
  a changed 备注 is the amendment's note;
- weaker differences (I829: a longer deadline, a removed element, channel, law or level, a required one
  made optional, 主动 made 依申请), deadlines that cannot be compared or are only reworded (I830), and
  differences in what an amendment cannot change (I831: category, name, area, subject, audience, 五公开)
  are errors at their cell, and are not imported;
- a row equal to the county's catalog as it stands is counted, not reported one by one (I826).

A rejected field keeps the county's current amendment of that field, so a bad cell never wipes out
what the profile already says.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from govopen_std.diagnostics import Diagnostic, Diagnostics, Severity, SourceLocation
from govopen_std.interchange.columns import OPTIONAL_SUFFIX, ORIGIN_LABELS, ORIGIN_LOCAL
from govopen_std.interchange.rows import Draft
from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.county import Amendment
from govopen_std.model.item import Channels, Citation, Item
from govopen_std.resolve.county_rules import deadline_verdict, stricter_method
from govopen_std.resolve.overlay import amended_item
from govopen_std.view.numerals import article_label

LABELS: dict[str, str] = {**{k: v[0] for k, v in ELEMENT_NAMES.items()}, "note": "备注"}
LABELS_EN: dict[str, str] = {**{k: v[1] for k, v in ELEMENT_NAMES.items()}, "note": "note"}
REMOVED = "（删除）"
BASE_ORIGIN = ORIGIN_LABELS["base"]
NOT_APPLICABLE = ORIGIN_LABELS["not_applicable"]
# Problems of a provincial row that its own comparison says better (an unparsable deadline is I830 or fine).
SUPERSEDED = frozenset({"I812", "I805"})
ADVICE = ("县级细化只能改公开时限、公开内容、公开依据、公开渠道和载体、公开层级、公开方式和备注；请把该单元格恢复为导出时的内容。",
          "An amendment may change only deadline, content, basis, channels, level, method and note; restore the cell.")
SUBJECT_ADVICE = ("本地机构名称在县级配置的 subjects 中设置（通用主体: 本地机构）；表格中请保留导出时的名称。",
                  "Local bodies are set under subjects in the county profile; keep the names as exported.")


@dataclass(frozen=True)
class CountyBase:
    """What provincial rows are compared with: the base items and the county's profile as it stands."""

    items: dict[str, Item]  # base code -> provincial item
    subjects: dict[str, str]  # generic subject -> local body
    amend: dict[str, Amendment]  # the profile's amendments now
    not_applicable: frozenset[str]  # item codes (and domain ids) the county does not apply
    levels: list[str]  # the vocabulary's order of levels
    law_titles: dict[str, str]  # law id -> title, for messages


@dataclass
class Edits:
    """What the rows ask for: the new amendment per edited code (None: back to the provincial item)."""

    amendments: dict[str, Amendment | None] = field(default_factory=dict)
    unchanged: Counter[str] = field(default_factory=Counter)  # origin label -> rows equal to the catalog


def is_local(draft: Draft, base_codes: set[str] | dict[str, Item]) -> bool:
    """A local addition: 来源 本县增补, or no 来源 and a code the base does not have."""
    if draft.origin:
        return draft.origin.startswith(ORIGIN_LOCAL)
    return (draft.sheet_code or "") not in base_codes


# --- one row ------------------------------------------------------------------------------------------

class _Row:
    """The comparison of one row (as an item) with its provincial item."""

    def __init__(self, draft: Draft, row: Item, base: Item, county: CountyBase) -> None:
        self.draft, self.row, self.base, self.county = draft, row, base, county
        self.parts: dict[str, Any] = {}  # amendment fields
        self.problems: list[Diagnostic] = []
        self.rejected: set[str] = set()  # fields with a problem
        self.weakened: set[str] = set()  # fields reported as weaker (I829), once each
        self.differing: set[str] = set()  # fields whose cell differs from the base

    def at(self, name: str) -> SourceLocation:
        return self.draft.refs.get(name) or self.draft.where

    def weaker(self, name: str) -> None:
        """One I829 per field, showing the whole cell against the whole provincial value."""
        if name in self.weakened:
            return
        self.weakened.add(name)
        self.rejected.add(name)
        self.problems.append(Diagnostic.make("I829", self.at(name), code=self.base.code, element=LABELS[name],
                                             element_en=LABELS_EN[name], local=self.shown(self.row, name) or REMOVED,
                                             base=self.shown(self.base, name)))

    def shown(self, item: Item, name: str) -> str:
        """A field's value as the catalog prints it."""
        if name == "content":
            return "；".join(e.text + ("" if e.required else OPTIONAL_SUFFIX) for e in item.content)
        if name == "channels":
            return " ".join([*("■" + c for c in item.channels.required), *("□" + c for c in item.channels.optional)])
        if name == "basis":
            return "；".join(self._citation(c) for c in item.basis)
        if name == "level":
            return "、".join(item.level)
        if name == "deadline":
            return item.deadline.text if item.deadline else ""
        value = getattr(item, name)
        return str(value) if value else ""

    def fixed(self, name: str, base: str, advice: tuple[str, str] = ADVICE) -> None:
        self.rejected.add(name)
        self.problems.append(Diagnostic.make("I831", self.at(name), code=self.base.code, element=LABELS[name],
                                             element_en=LABELS_EN[name], base=base or "—", advice=advice[0],
                                             advice_en=advice[1]))

    # --- what an amendment cannot change --------------------------------------------------------------

    def fixed_fields(self) -> None:
        row, base = self.row, self.base
        pairs: list[tuple[str, str, str]] = [
            ("category", "／".join(row.category), "／".join(base.category)),
            ("name", row.name or row.category[-1], base.name or base.category[-1]),
            ("area", row.area or "", base.area or ""),
            ("audience", row.audience.display() if row.audience else "", base.audience.display() if base.audience else ""),
            ("openness", row.openness or "", base.openness or ""),
        ]
        for name, local, provincial in pairs:
            if local != provincial:
                self.differing.add(name)
                self.fixed(name, provincial)
        local_bodies = [self.county.subjects.get(s, s) for s in base.subject]
        written = {self.county.subjects.get(s, s) for s in self.draft.local_subjects}  # a generic name is fine too
        if written != set(local_bodies):
            self.differing.add("subject")
            self.fixed("subject", "、".join(dict.fromkeys(local_bodies)), SUBJECT_ADVICE)

    # --- what an amendment can make stricter ----------------------------------------------------------

    def deadline(self) -> None:
        local, base = self.row.deadline, self.base.deadline
        if (local.text if local else "") == (base.text if base else ""):
            return
        self.differing.add("deadline")
        if local is None or base is None:
            if local is None:
                self.weaker("deadline")
            else:
                self.parts["deadline"] = local
            return
        verdict = deadline_verdict(local, base)
        if verdict is False:
            self.weaker("deadline")
        elif verdict is None or (local.kind, local.days, local.working_days) == (base.kind, base.days, base.working_days):
            same = verdict is not None
            self.rejected.add("deadline")
            self.problems.append(Diagnostic.make(
                "I830", self.at("deadline"), code=self.base.code, local=local.text, base=base.text,
                reason="要求相同，只是写法不同" if same else "无法比较（事由或计日单位不同）",
                reason_en="the same requirement in other words" if same else "a different event or unit of days"))
        else:
            self.parts["deadline"] = local

    def method(self) -> None:
        local, base = self.row.method, self.base.method
        if local == base:
            return
        self.differing.add("method")
        if local is not None and stricter_method(base, local):
            self.parts["method"] = local
        elif local is None or base == "主动":
            self.weaker("method")
        else:
            self.fixed("method", base or "")

    def content(self) -> None:
        base = {e.text: e.required for e in self.base.content}
        row = {e.text: e for e in self.row.content}
        for text, required in base.items():
            if text not in row or (required and not row[text].required):
                self.weaker("content")
        extra = [e for t, e in row.items() if t not in base or (e.required and not base[t])]
        self._part("content", extra, bool(extra) or "content" in self.rejected)

    def channels(self) -> None:
        base, row = self.base.channels, self.row.channels
        if any(c not in row.required for c in base.required) or any(c not in row.all() for c in base.optional):
            self.weaker("channels")  # a required channel made optional or dropped, an optional one dropped
        required = [c for c in row.required if c not in base.required]
        optional = [c for c in row.optional if c not in base.all()]
        added = Channels(required=required, optional=optional) if required or optional else None
        self._part("channels", added, added is not None or "channels" in self.rejected)

    def basis(self) -> None:
        row = {c.law: c for c in self.row.basis}
        extra: list[Citation] = []
        for cite in self.base.basis:
            found = row.get(cite.law)
            if found is None or not set(cite.articles) <= set(found.articles):
                self.weaker("basis")
        for cite in self.row.basis:
            provincial = next((c for c in self.base.basis if c.law == cite.law), None)
            more = [a for a in cite.articles if provincial is None or a not in provincial.articles]
            if provincial is None or more:
                extra.append(cite if provincial is None else Citation(law=cite.law, articles=more, note=cite.note))
        self._part("basis", extra, bool(extra) or "basis" in self.rejected)

    def level(self) -> None:
        if any(name not in self.row.level for name in self.base.level):
            self.weaker("level")
        extra = [lv for lv in self.row.level if lv not in self.base.level]
        self._part("level", extra, bool(extra) or "level" in self.rejected)

    def note(self) -> None:
        local, base = self.row.note or "", self.base.note or ""
        if local == base:
            return
        self.differing.add("note")
        if local:
            self.parts["note"] = local
        else:
            self.weaker("note")

    def _part(self, name: str, value: Any, differs: bool) -> None:
        if differs:
            self.differing.add(name)
        if value:
            self.parts[name] = value

    def _citation(self, cite: Citation) -> str:
        title = self.county.law_titles.get(cite.law, cite.law)
        return f"《{title}》" + "、".join(article_label(a) for a in cite.articles)

    # --- the result -----------------------------------------------------------------------------------

    def amendment(self, current: Amendment | None) -> Amendment | None:
        """The parts that passed; a rejected field keeps what the current amendment says about it."""
        for name in sorted(self.rejected):
            if current is not None and name in current.fields() and name not in self.parts:
                self.parts[name] = getattr(current, name)
        if not self.parts:
            return None
        return Amendment.model_validate(self.parts)

    def judge(self) -> None:
        self.fixed_fields()
        for step in (self.deadline, self.method, self.content, self.channels, self.basis, self.level, self.note):
            step()


# --- all rows -----------------------------------------------------------------------------------------

def _as_item(draft: Draft, code: str, diags: Diagnostics) -> Item | None:
    try:
        return Item.model_validate({"code": code, **draft.data})
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        diags.add(Diagnostic.make("I821", draft.where, detail=f"{where}: {first['msg']}"))
        return None


def _effect(item: Item, amendment: Amendment | None, levels: list[str]) -> dict[str, Any]:
    return (amended_item(item, amendment, levels) if amendment else item).model_dump()


def _cell_problems(draft: Draft, judged: _Row) -> list[Diagnostic]:
    """The row's own cell problems (unknown law, channel …) in the cells that differ from the base."""
    cells = {draft.refs[name] for name in judged.differing if name in draft.refs}
    return [p for p in draft.problems if p.code not in SUPERSEDED and p.location in cells]


def judge_row(draft: Draft, county: CountyBase, edits: Edits, diags: Diagnostics) -> None:
    code = draft.sheet_code or ""
    base = county.items.get(code)
    if base is None:
        diags.add(Diagnostic.make("I837", draft.refs.get("code") or draft.where, code=code or "—",
                                  origin=draft.origin or BASE_ORIGIN))
        return
    row = _as_item(draft, code, diags)
    if row is None:
        return
    judged = _Row(draft, row, base, county)
    judged.judge()
    cell_problems = _cell_problems(draft, judged)
    for name in judged.differing:  # a cell with an error of its own (an unknown law …) amends nothing
        if any(p.severity >= Severity.ERROR and p.location == draft.refs.get(name) for p in cell_problems):
            judged.rejected.add(name)
            judged.parts.pop(name, None)
    current = county.amend.get(code)
    amendment = judged.amendment(current)
    same = _effect(base, amendment, county.levels) == _effect(base, current, county.levels)
    if same and not judged.problems:
        edits.unchanged[draft.origin or BASE_ORIGIN] += 1
        return
    if draft.origin == NOT_APPLICABLE or code in county.not_applicable:
        diags.add(Diagnostic.make("I836", draft.where, code=code))
        return
    diags.extend(judged.problems + cell_problems)
    if not same:
        edits.amendments[code] = amendment
        fields = "、".join(LABELS[name] for name in amendment.fields()) if amendment else "恢复为省级内容"
        fields_en = ", ".join(LABELS_EN[name] for name in amendment.fields()) if amendment else "back to the base"
        diags.add(Diagnostic.make("I832", draft.where, code=code, fields=fields, fields_en=fields_en))


def judge_rows(drafts: list[Draft], county: CountyBase, diags: Diagnostics, *,
               where: SourceLocation) -> Edits:
    """Every provincial row judged; one I826 counts the rows that match the county's catalog."""
    edits = Edits()
    for draft in drafts:
        judge_row(draft, county, edits, diags)
    if edits.unchanged:
        detail = "、".join(f"{origin} {n}" for origin, n in sorted(edits.unchanged.items(), key=_origin_order))
        diags.add(Diagnostic.make("I826", where, count=sum(edits.unchanged.values()), detail=detail))
    return edits


def _origin_order(pair: tuple[str, int]) -> tuple[int, str]:
    order = list(ORIGIN_LABELS.values())
    return (order.index(pair[0]) if pair[0] in order else len(order), pair[0])

