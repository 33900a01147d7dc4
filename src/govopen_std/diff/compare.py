"""Compare two versions item by item.

Items are matched by code. An item whose code disappeared while an item of the same domain with the same
category and name appeared is one item recoded, not one removed and one added. A changed item lists
each change separately: for lists (content, basis, subjects, channels, levels) each element added,
removed or changed (an element that became optional, a law whose articles changed); for single values
the old and the new value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.diff.display import LABELS, Display
from govopen_std.diff.model import DiffResult, FieldChange, ItemChange
from govopen_std.load.sources import Sources
from govopen_std.model.item import Item
from govopen_std.model.law import Law

SCALARS = ("category", "name", "area", "deadline", "method", "audience", "openness", "note")
FIELD_ORDER = ("category", "name", "area", "content", "basis", "subject", "deadline", "method", "channels",
               "audience", "level", "openness", "note")


@dataclass(frozen=True)
class Entry:
    item: Item
    standard_id: str
    group_id: str


@dataclass
class Version:
    """One side of the comparison: its items by code, in catalog order."""

    label: str
    entries: dict[str, Entry]
    laws: dict[str, Law]
    titles: dict[str, str]  # standard id -> title
    group_order: list[str]


def version_of(label: str, sources: Sources, diags: Diagnostics, domain: str | None = None) -> Version:
    projects = sources.system.value.standards if sources.system else []
    group_of = {p.id: p.group for p in projects}
    entries: dict[str, Entry] = {}
    order = [p.id for p in projects] + sorted(set(sources.items) - {p.id for p in projects})
    for sid in order:
        group = group_of.get(sid, sid.split("-")[0])
        if domain is not None and group != domain:
            continue
        for located in sources.items.get(sid, []):
            code = located.value.code
            if code in entries:
                diags.add(Diagnostic.make("D845", located.location("code"), label=label, code=code))
                continue
            entries[code] = Entry(located.value, sid, group)
    groups = [g.id for g in sources.system.value.groups] if sources.system else []
    return Version(label, entries, {law.value.id: law.value for law in sources.laws},
                   {p.id: p.title for p in projects}, groups)


# --- one field ----------------------------------------------------------------------------------------

Comparator = Callable[[Item, Item, Display], list[FieldChange]]


def _scalar(name: str) -> Comparator:
    def compare(old: Item, new: Item, show: Display) -> list[FieldChange]:
        before, after = show.field(old, name), show.field(new, name)
        if before == after:
            return []
        return [FieldChange(name, LABELS[name], before, after, f"修改{LABELS[name]}")]
    return compare


def _elements(name: str, what: str, old: dict[str, str], new: dict[str, str],
              changed_note: Callable[[str, str], str]) -> list[FieldChange]:
    """Element-wise changes of a list: `old`/`new` map an element's identity to its display."""
    label = LABELS[name]
    changes = [FieldChange(name, label, shown, "", f"删除{what}") for k, shown in old.items() if k not in new]
    for k, shown in new.items():
        if k not in old:
            changes.append(FieldChange(name, label, "", shown, f"增加{what}"))
        elif old[k] != shown:
            changes.append(FieldChange(name, label, old[k], shown, changed_note(old[k], shown)))
    if not changes and list(old) != list(new):
        changes.append(FieldChange(name, label, "\n".join(old.values()), "\n".join(new.values()), f"调整{what}顺序"))
    return changes


def _content(old: Item, new: Item, show: Display) -> list[FieldChange]:
    def note(_before: str, after: str) -> str:
        return "公开内容要素改为可选" if after.endswith("（可选）") else "公开内容要素改为必选"
    return _elements("content", "公开内容要素", {e.text: show.element(e) for e in old.content},
                     {e.text: show.element(e) for e in new.content}, note)


def _basis(old: Item, new: Item, show: Display) -> list[FieldChange]:
    return _elements("basis", "公开依据", {c.law: show.citation(c) for c in old.basis},
                     {c.law: show.citation(c) for c in new.basis}, lambda _a, _b: "修改公开依据条款")


def _subject(old: Item, new: Item, show: Display) -> list[FieldChange]:
    return _elements("subject", "公开主体", {s: s for s in old.subject}, {s: s for s in new.subject},
                     lambda _a, _b: "修改公开主体")


def _channels(old: Item, new: Item, show: Display) -> list[FieldChange]:
    def marks(item: Item) -> dict[str, str]:
        found = {c: show.channel(c, True) for c in item.channels.required}
        found.update({c: show.channel(c, False) for c in item.channels.optional if c not in found})
        return found

    def note(_before: str, after: str) -> str:
        return "公开渠道改为必选" if after.startswith("■") else "公开渠道改为可选"
    return _elements("channels", "公开渠道", marks(old), marks(new), note)


def _level(old: Item, new: Item, show: Display) -> list[FieldChange]:
    return _elements("level", "公开层级", {lv: lv for lv in old.level}, {lv: lv for lv in new.level},
                     lambda _a, _b: "修改公开层级")


COMPARATORS: dict[str, Comparator] = {
    **{name: _scalar(name) for name in SCALARS},
    "content": _content, "basis": _basis, "subject": _subject, "channels": _channels, "level": _level,
}


def field_changes(old: Item, new: Item, show: Display) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for name in FIELD_ORDER:
        changes += COMPARATORS[name](old, new, show)
    return changes


# --- whole versions -----------------------------------------------------------------------------------

def _identity(entry: Entry) -> tuple[str, tuple[str, ...], str]:
    return (entry.group_id, tuple(entry.item.category), entry.item.name or "")


def _recoded(old: Version, new: Version) -> dict[str, str]:
    """New code -> old code, for items that only changed their code."""
    gone = {_identity(e): code for code, e in old.entries.items() if code not in new.entries}
    pairs: dict[str, str] = {}
    for code, entry in new.entries.items():
        if code not in old.entries and _identity(entry) in gone:
            pairs[code] = gone.pop(_identity(entry))
    return pairs


def _changed(code: str, before: Entry, after: Entry, new: Version, show: Display,
             old_code: str | None) -> ItemChange | None:
    fields = field_changes(before.item, after.item, show)
    if old_code is not None:
        fields.insert(0, FieldChange("code", "事项编码", old_code, code, "修改事项编码"))
    if before.standard_id != after.standard_id:
        fields.insert(0, FieldChange("standard", LABELS["standard"], before.standard_id, after.standard_id,
                                     "调整所属标准"))
    if not fields:
        return None
    return ItemChange("changed", code, after.item.name or after.item.category[-1], after.standard_id,
                      new.titles.get(after.standard_id, after.standard_id), after.group_id, fields=tuple(fields),
                      old_code=old_code)


def _whole(kind: str, code: str, entry: Entry, version: Version, show: Display) -> ItemChange:
    summary = show.summary(entry.item)
    return ItemChange("added" if kind == "added" else "removed", code, entry.item.name or entry.item.category[-1],
                      entry.standard_id, version.titles.get(entry.standard_id, entry.standard_id), entry.group_id,
                      old_text=summary if kind == "removed" else "", new_text=summary if kind == "added" else "")


def compare_versions(old: Version, new: Version) -> list[ItemChange]:
    show = Display(new.laws, old.laws)
    recoded = _recoded(old, new)
    changes: list[ItemChange] = []
    for code, entry in new.entries.items():
        source = old.entries.get(code) or old.entries.get(recoded.get(code, ""))
        if source is None:
            changes.append(_whole("added", code, entry, new, show))
        elif (change := _changed(code, source, entry, new, show, recoded.get(code))) is not None:
            changes.append(change)
    for code, entry in old.entries.items():
        if code not in new.entries and code not in recoded.values():
            changes.append(_whole("removed", code, entry, old, show))
    order = {g: i for i, g in enumerate(new.group_order or old.group_order)}
    return sorted(changes, key=lambda c: (order.get(c.group_id, len(order)), c.code))


def diff_sources(old: tuple[str, Sources], new: tuple[str, Sources], *, domain: str | None = None) -> DiffResult:
    """Compare two loaded versions (label, sources); `domain` limits it to one group."""
    from govopen_std.view.builder import build_date

    result = DiffResult(old[0], new[0], domain=domain, date=build_date(new[1]))
    before = version_of(old[0], old[1], result.diagnostics, domain)
    after = version_of(new[0], new[1], result.diagnostics, domain)
    result.changes = compare_versions(before, after)
    return result
