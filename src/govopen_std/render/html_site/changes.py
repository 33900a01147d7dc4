"""A county's changes to the province's catalog, in plain words for citizens: which element of an item the
county changed, the province's wording beside the county's, and one sentence that says what changed
("本县将公开时限由 20 个工作日缩短为 10 个工作日"). The item page marks the changed elements with these, and the
county's "本县变更一览" page (changes.html) lists every change with its reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govopen_std.messages import ELEMENT_NAMES
from govopen_std.render.html_site.paths import domain_path, item_path
from govopen_std.view.model import BuildView, GroupView, ItemRow

CHANGES_PAGE = "changes.html"
_DAYS = re.compile(r"(\d+)\s*个工作日")


@dataclass(frozen=True)
class Change:
    """One changed element of an amended item."""

    field: str  # deadline, channels, ... (ELEMENT_NAMES keys)
    label: str  # 公开时限
    province: str  # the province's wording
    county: str  # the county's wording
    sentence: str  # 本县将公开时限由 20 个工作日缩短为 10 个工作日


def _lines(text: str) -> list[str]:
    return [line for line in text.replace("\n", " ").split(" ") if line]


def _added(before: str, after: str) -> list[str]:
    old = set(_lines(before))
    return [part for part in _lines(after) if part not in old]


def _deadline_sentence(before: str, after: str) -> str:
    old, new = _DAYS.search(before), _DAYS.search(after)
    if old and new and old.group(1) != new.group(1):
        verb = "缩短" if int(new.group(1)) < int(old.group(1)) else "延长"
        return f"本县将公开时限由 {old.group(1)} 个工作日{verb}为 {new.group(1)} 个工作日"
    return f"本县将公开时限由“{before}”改为“{after}”"


def _channels_sentence(before: str, after: str) -> str:
    added = _added(before, after)
    required = [p[1:] for p in added if p.startswith("■")]
    optional = [p[1:] for p in added if p.startswith("□")]
    parts = []
    if required:
        parts.append(f"把{'、'.join(required)}列为必须使用的公开渠道")
    if optional:
        parts.append(f"增加了可选的公开渠道{'、'.join(optional)}")
    return "本县" + "，".join(parts) if parts else f"本县将公开渠道和载体由“{before}”调整为“{after}”"


def sentence(field: str, label: str, before: str, after: str) -> str:
    """What the county changed in one element, as a citizen would say it."""
    if field == "deadline":
        return _deadline_sentence(before, after)
    if field == "channels":
        return _channels_sentence(before, after)
    if field in ("content", "basis"):
        added = [line for line in after.split("\n") if line and line not in before.split("\n")]
        if added:
            return f"本县增加了{label}：" + "；".join(re.sub(r"^\d+\.", "", line) for line in added)
    return f"本县将{label}由“{before}”改为“{after}”"


def changes_of(row: ItemRow, county_text: dict[str, str]) -> list[Change]:
    """The changed elements of an amended row; `county_text` is the row's own wording of each element."""
    found = []
    for field, before in row.province_text:
        label = ELEMENT_NAMES.get(field, (field, field))[0]
        after = county_text.get(field, "")
        found.append(Change(field, label, before, after, sentence(field, label, before, after)))
    return found


def row_texts(row: ItemRow) -> dict[str, str]:
    """The row's wording of the elements a county may amend (the same form as province_text)."""
    return {"content": row.content_text, "basis": row.basis_text, "deadline": row.deadline,
            "method": row.method, "channels": row.channels_text, "level": row.level}


def row_changes(row: ItemRow) -> list[Change]:
    return changes_of(row, row_texts(row)) if row.province_text else []


@dataclass(frozen=True)
class ChangeEntry:
    """One line of the change list: an item (or a whole domain) and what the county did to it."""

    kind: str  # amended | local | not_applicable | domain
    title: str
    code: str
    href: str  # relative to the site folder
    domain: str
    what: tuple[str, ...]
    reason: str


def _entry(row: ItemRow, group: GroupView) -> ChangeEntry:
    if row.status == "amended":
        what = tuple(c.sentence for c in row_changes(row)) or ("本县细化了本事项",)
        reason = row.amendment_note or ""
    elif row.status == "local":
        what, reason = ("本县增补的事项（省标准中没有）",), row.note or ""
    else:
        what, reason = ("本县不适用本事项",), row.reason or ""
    return ChangeEntry(row.status, row.name, row.code, item_path(row), group.title, what, reason)


def change_list(view: BuildView) -> list[ChangeEntry]:
    """Every change of the county, in catalog order: whole domains that do not apply first, then items."""
    entries = [ChangeEntry("domain", group.title, group.id, domain_path(group), group.title,
                           (f"本县不适用本领域（{len(group.items)} 个事项）",), group.not_applicable)
               for group in view.domains if group.not_applicable]
    skipped = {group.id for group in view.domains if group.not_applicable}
    for group in view.domains:
        if group.id in skipped:
            continue  # listed once as a domain above, not item by item
        entries += [_entry(row, group) for row in group.items if row.status != "base"]
    return entries
